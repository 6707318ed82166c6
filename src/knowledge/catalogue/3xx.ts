/** 3xx Redirection responses (RFC 3261 §21.3; retry rules in §8.1.3.4). */
import type { CodeData } from "../types.js";
import { rfc } from "./ref.js";

export const CODES_3XX: readonly CodeData[] = [
  {
    code: 300,
    reason: "Multiple Choices",
    ref: rfc(3261, "21.3.1"),
    seeAlso: [rfc(3261, "8.1.3.4")],
    texts: {
      en: {
        description:
          "The Request-URI resolved to several locations; the Contact header lists them, optionally with q-values. The caller (or a recursing proxy) may try them in q order.",
        whenYouSeeIt: [
          "Redirect servers and registrars answering for a user with several registered devices.",
          "Location or ENUM services that return several routes for one number.",
        ],
        howToFix: [
          "If the caller should try the contacts, make sure it is configured to follow redirects; many PBXs and SBCs treat any 3xx as a failure by default.",
          "If you expected forking instead of a choice, let the proxy recurse on 3xx (or fork itself) rather than passing the 300 back to the phone.",
        ],
      },
      vi: {
        description:
          "Request-URI được phân giải ra nhiều vị trí; header Contact liệt kê chúng, có thể kèm giá trị q. Bên gọi (hoặc proxy có đệ quy) có thể thử lần lượt theo thứ tự q.",
        whenYouSeeIt: [
          "Máy chủ chuyển hướng và registrar trả lời cho một người dùng đăng ký nhiều thiết bị.",
          "Dịch vụ định vị hoặc ENUM trả về nhiều tuyến cho một số.",
        ],
        howToFix: [
          "Nếu bên gọi cần thử các contact, hãy bảo đảm nó được cấu hình để đi theo chuyển hướng; nhiều PBX và SBC mặc định coi mọi 3xx là thất bại.",
          "Nếu bạn muốn rẽ nhánh thay vì để người gọi chọn, hãy cho proxy đệ quy khi gặp 3xx (hoặc tự rẽ nhánh) thay vì trả 300 về điện thoại.",
        ],
      },
      zh: {
        description:
          "Request-URI 解析出多个位置；Contact 头字段列出这些位置，可带 q 值。主叫（或执行递归的代理）可以按 q 值顺序逐个尝试。",
        whenYouSeeIt: ["重定向服务器和注册服务器为注册了多个设备的用户应答时。", "为一个号码返回多条路由的定位或 ENUM 服务。"],
        howToFix: [
          "如果主叫应当尝试这些联系地址，确认它已配置为跟随重定向；许多 PBX 和 SBC 默认把任何 3xx 当作失败。",
          "如果你期望的是分叉而不是让主叫选择，让代理对 3xx 执行递归（或自己分叉），而不是把 300 回传给话机。",
        ],
      },
    },
  },
  {
    code: 301,
    reason: "Moved Permanently",
    ref: rfc(3261, "21.3.2"),
    seeAlso: [rfc(3261, "8.1.3.4")],
    texts: {
      en: {
        description:
          "The user is no longer at the Request-URI; the Contact gives the new address. The caller should retry there and update any stored copy (address book, speed dial) of the old URI.",
        whenYouSeeIt: [
          "Number porting or account migration where the old address redirects to the new one.",
          "Redirect servers configured with permanent forwarding.",
        ],
        howToFix: [
          "Retry at the Contact URI and update the stored address so the redirect is not needed next time.",
          "If the new address is wrong, fix the redirect rule on the server that sent the 301; a 301 to the same URI causes a redirect loop.",
        ],
      },
      vi: {
        description:
          "Người dùng không còn ở Request-URI; Contact cho biết địa chỉ mới. Bên gọi nên thử lại ở đó và cập nhật mọi bản lưu (danh bạ, quay số nhanh) của URI cũ.",
        whenYouSeeIt: [
          "Chuyển mạng giữ số hoặc chuyển tài khoản, khi địa chỉ cũ chuyển hướng sang địa chỉ mới.",
          "Máy chủ chuyển hướng được cấu hình chuyển tiếp vĩnh viễn.",
        ],
        howToFix: [
          "Thử lại tại URI trong Contact và cập nhật địa chỉ đã lưu để lần sau không cần chuyển hướng.",
          "Nếu địa chỉ mới sai, sửa quy tắc chuyển hướng trên máy chủ đã gửi 301; 301 trỏ về chính URI đó sẽ gây vòng lặp chuyển hướng.",
        ],
      },
      zh: {
        description:
          "用户已不在 Request-URI 所指的地址；Contact 给出新地址。主叫应在新地址重试，并更新所有保存的旧 URI（通讯录、快速拨号）。",
        whenYouSeeIt: ["号码携带或账户迁移，旧地址重定向到新地址。", "配置了永久前转的重定向服务器。"],
        howToFix: [
          "在 Contact URI 重试，并更新保存的地址，下次无需再重定向。",
          "如果新地址有误，修正发送 301 的服务器上的重定向规则；指向同一 URI 的 301 会造成重定向环路。",
        ],
      },
    },
  },
  {
    code: 302,
    reason: "Moved Temporarily",
    ref: rfc(3261, "21.3.3"),
    seeAlso: [rfc(3261, "8.1.3.4")],
    texts: {
      en: {
        description:
          "The caller should retry the request at the address(es) in Contact, but keep using the original URI for future requests. An Expires header or parameter says how long the redirect may be cached.",
        whenYouSeeIt: [
          "Call forwarding implemented by a redirect server or by a PBX in redirect mode (forward on busy, no answer, follow-me).",
          "Least-cost routing or number-lookup servers that answer every INVITE with a 302 pointing at the chosen gateway or carrier.",
          "Load balancers that spread calls by redirecting them to a less loaded node.",
        ],
        howToFix: [
          "The caller (or a recursing proxy) should send a new INVITE to the Contact URI in a new transaction. RFC 3261 §8.1.3.4 recommends keeping To, From and Call-ID (a new Call-ID is allowed); the 302 itself is ACKed by the transaction layer. Without an Expires the Contact is good for this one retry only (§21.3.3).",
          "If nothing follows the 302, enable redirect handling on the UAC, PBX or SBC, or make the proxy recurse.",
          "If the retry fails, the problem is at the Contact target: check that its URI is reachable from the caller (not a private address or unresolvable host).",
        ],
      },
      vi: {
        description:
          "Bên gọi nên gửi lại yêu cầu tới (các) địa chỉ trong Contact nhưng vẫn dùng URI gốc cho các yêu cầu sau này. Header hoặc tham số Expires cho biết có thể lưu đệm sự chuyển hướng trong bao lâu.",
        whenYouSeeIt: [
          "Chuyển tiếp cuộc gọi do máy chủ chuyển hướng hoặc PBX ở chế độ chuyển hướng thực hiện (khi bận, khi không trả lời, follow-me).",
          "Máy chủ định tuyến chi phí thấp hoặc tra cứu số trả lời mọi INVITE bằng 302 trỏ tới gateway hoặc nhà mạng đã chọn.",
          "Bộ cân bằng tải phân phối cuộc gọi bằng cách chuyển hướng sang nút ít tải hơn.",
        ],
        howToFix: [
          "Bên gọi (hoặc proxy có đệ quy) nên gửi INVITE mới tới URI trong Contact trong một transaction mới. RFC 3261 §8.1.3.4 khuyến nghị giữ To, From và Call-ID (được phép đổi Call-ID); bản thân 302 được tầng transaction tự ACK. Không có Expires thì Contact chỉ dùng cho đúng lần thử lại này (§21.3.3).",
          "Nếu sau 302 không có gì, hãy bật xử lý chuyển hướng trên UAC, PBX hoặc SBC, hoặc cho proxy đệ quy.",
          "Nếu lần thử lại thất bại, vấn đề nằm ở đích trong Contact: kiểm tra URI đó có tới được từ bên gọi không (không phải địa chỉ riêng hoặc tên miền không phân giải được).",
        ],
      },
      zh: {
        description:
          "主叫应向 Contact 中的地址重发请求，但今后的请求仍使用原始 URI。Expires 头字段或参数说明该重定向可以缓存多久。",
        whenYouSeeIt: [
          "由重定向服务器或重定向模式的 PBX 实现的呼叫前转（遇忙、无应答、跟随）。",
          "最低成本路由或号码查询服务器对每个 INVITE 回 302，指向选定的网关或运营商。",
          "通过重定向到负载较低节点来分配呼叫的负载均衡器。",
        ],
        howToFix: [
          "主叫（或执行递归的代理）应在新的事务中向 Contact URI 发送新的 INVITE。RFC 3261 §8.1.3.4 建议保留 To、From 和 Call-ID（也允许使用新的 Call-ID）；302 本身由事务层自动 ACK。没有 Expires 时，该 Contact 只适用于这一次重试（§21.3.3）。",
          "如果 302 之后没有任何请求，在 UAC、PBX 或 SBC 上启用重定向处理，或让代理执行递归。",
          "如果重试失败，问题在 Contact 目标：检查该 URI 对主叫是否可达（不是私网地址，也不是无法解析的主机名）。",
        ],
      },
    },
  },
  {
    code: 305,
    reason: "Use Proxy",
    ref: rfc(3261, "21.3.4"),
    texts: {
      en: {
        description:
          "The resource must be reached through the proxy given in the Contact header; the caller should retry the request via that proxy. Because it can steer traffic, clients should accept it only from trusted servers.",
        whenYouSeeIt: [
          "Rare in practice. Only a UAS may send 305 (RFC 3261 §21.3.4); one generated by a proxy or SBC is a configuration error. Many UAs ignore 305 because it can redirect signalling (HTTP deprecated it in RFC 7231; SIP has not).",
          "Misconfigured servers that answer with 305 instead of routing the request themselves.",
        ],
        howToFix: [
          "Retry through the proxy in Contact, or configure that proxy as the outbound proxy so the 305 is not needed.",
          "If the 305 comes from an untrusted source, ignore it: following it would hand your signalling to an unknown proxy.",
        ],
      },
      vi: {
        description:
          "Phải truy cập tài nguyên thông qua proxy nêu trong header Contact; bên gọi nên gửi lại yêu cầu qua proxy đó. Vì nó có thể lái lưu lượng, client chỉ nên chấp nhận nó từ máy chủ tin cậy.",
        whenYouSeeIt: [
          "Hiếm gặp trong thực tế. Chỉ UAS mới được gửi 305 (RFC 3261 §21.3.4); 305 do proxy hoặc SBC sinh ra là lỗi cấu hình. Nhiều UA bỏ qua 305 vì nó có thể lái báo hiệu đi nơi khác (HTTP đã bỏ nó trong RFC 7231; SIP thì chưa).",
          "Máy chủ cấu hình sai trả 305 thay vì tự định tuyến yêu cầu.",
        ],
        howToFix: [
          "Gửi lại qua proxy trong Contact, hoặc cấu hình proxy đó làm outbound proxy để không cần đến 305.",
          "Nếu 305 đến từ nguồn không tin cậy, hãy bỏ qua: làm theo nó là giao báo hiệu của bạn cho một proxy lạ.",
        ],
      },
      zh: {
        description:
          "必须通过 Contact 头字段中给出的代理访问该资源；主叫应经由该代理重发请求。由于它可以引导流量，客户端只应接受来自可信服务器的 305。",
        whenYouSeeIt: ["实际中很少见。只有 UAS 可以发送 305（RFC 3261 §21.3.4）；由代理或 SBC 生成的 305 属于配置错误。许多 UA 会忽略 305，因为它可以把信令引向别处（HTTP 在 RFC 7231 中已弃用它，SIP 没有）。", "配置错误的服务器返回 305，而不是自己路由请求。"],
        howToFix: [
          "经由 Contact 中的代理重试，或将该代理配置为出站代理，从而不再需要 305。",
          "如果 305 来自不可信的来源，请忽略：照做会把信令交给未知的代理。",
        ],
      },
    },
  },
  {
    code: 380,
    reason: "Alternative Service",
    ref: rfc(3261, "21.3.5"),
    texts: {
      en: {
        description:
          "The call did not succeed, but alternative services are possible; the alternatives are described in the message body rather than in Contact. Emergency-call systems use it to tell the caller how to reach an alternative service.",
        whenYouSeeIt: [
          "Emergency-services networks redirecting a call to an alternative service or indicating an emergency call should be placed instead.",
          "IMS emergency handling (3GPP TS 24.229): a P-CSCF or S-CSCF answers 380 with a 3GPP XML body of type emergency, and the UE must retry as an emergency call or emergency registration.",
        ],
        howToFix: [
          "Read the body (and any Contact) to see which alternative is offered; most generic phones cannot act on it and show a failure.",
          "If a normal call gets 380 unexpectedly, check the dialled number against emergency or special-service routing rules.",
        ],
      },
      vi: {
        description:
          "Cuộc gọi không thành công nhưng có dịch vụ thay thế; các lựa chọn được mô tả trong phần thân bản tin thay vì trong Contact. Hệ thống cuộc gọi khẩn cấp dùng nó để chỉ cho bên gọi cách dùng dịch vụ thay thế.",
        whenYouSeeIt: [
          "Mạng dịch vụ khẩn cấp chuyển cuộc gọi sang dịch vụ thay thế hoặc báo rằng nên thực hiện cuộc gọi khẩn cấp.",
          "Xử lý cuộc gọi khẩn cấp trong IMS (3GPP TS 24.229): P-CSCF hoặc S-CSCF trả 380 kèm phần thân XML 3GPP loại emergency, và UE phải thử lại dưới dạng cuộc gọi khẩn cấp hoặc đăng ký khẩn cấp.",
        ],
        howToFix: [
          "Đọc phần thân (và Contact nếu có) để biết lựa chọn được đề nghị; phần lớn điện thoại thông thường không xử lý được và chỉ báo lỗi.",
          "Nếu cuộc gọi thường bất ngờ nhận 380, hãy đối chiếu số đã quay với quy tắc định tuyến khẩn cấp hoặc dịch vụ đặc biệt.",
        ],
      },
      zh: {
        description:
          "呼叫未成功，但可以使用替代服务；替代方案写在消息体中，而不是 Contact 中。紧急呼叫系统用它告诉主叫如何使用替代服务。",
        whenYouSeeIt: ["紧急服务网络将呼叫转向替代服务，或提示应改为发起紧急呼叫。", "IMS 紧急呼叫处理（3GPP TS 24.229）：P-CSCF 或 S-CSCF 回 380 并带类型为 emergency 的 3GPP XML 消息体，UE 必须改为发起紧急呼叫或紧急注册后重试。"],
        howToFix: [
          "阅读消息体（以及 Contact，如有）了解提供的替代方案；大多数普通话机无法处理，只会显示失败。",
          "如果普通呼叫意外收到 380，请将所拨号码与紧急或特殊业务路由规则核对。",
        ],
      },
    },
  },
];
