/** 4xx Client Failure responses defined by RFC 3261 §21.4, 400 to 416. */
import type { CodeData } from "../types.js";
import { rfc } from "./ref.js";

export const CODES_4XX_RFC3261_A: readonly CodeData[] = [
  {
    code: 400,
    reason: "Bad Request",
    ref: rfc(3261, "21.4.1"),
    texts: {
      en: {
        description:
          "The request could not be understood because of malformed syntax. The reason phrase should say which part was wrong (for example 'Missing Call-ID header').",
        whenYouSeeIt: [
          "Malformed headers from a buggy or hand-built client: missing mandatory headers, bad URIs, wrong Content-Length.",
          "Messages damaged in transit: UDP fragments lost or reassembled wrongly, an ALG (SIP helper) in a router rewriting the message badly.",
          "A peer that is stricter than the sender about a field (unquoted display names with special characters, bad tag syntax, duplicate headers).",
        ],
        howToFix: [
          "Read the reason phrase and any Warning header: most stacks name the offending header there.",
          "Compare the request as sent and as received (capture on both sides) to rule out a SIP ALG; disable SIP ALG on routers and firewalls.",
          "Fix the header the receiver rejects in the sending stack or in the SBC's header manipulation rules.",
        ],
      },
      vi: {
        description:
          "Không hiểu được yêu cầu vì cú pháp sai. Reason phrase nên nói phần nào sai (ví dụ 'Missing Call-ID header').",
        whenYouSeeIt: [
          "Header sai định dạng từ client có lỗi hoặc tự dựng: thiếu header bắt buộc, URI sai, Content-Length sai.",
          "Bản tin bị hỏng trên đường truyền: mất mảnh UDP hoặc ghép lại sai, ALG (SIP helper) trên router sửa bản tin sai cách.",
          "Phía bên kia khắt khe hơn bên gửi về một trường nào đó (display name có ký tự đặc biệt mà không đặt trong ngoặc kép, tag sai cú pháp, header bị lặp).",
        ],
        howToFix: [
          "Đọc reason phrase và header Warning nếu có: phần lớn stack nêu tên header vi phạm ở đó.",
          "So sánh yêu cầu lúc gửi và lúc nhận (bắt gói cả hai phía) để loại trừ SIP ALG; tắt SIP ALG trên router và tường lửa.",
          "Sửa header bị bên nhận từ chối trong stack gửi hoặc trong quy tắc chỉnh sửa header của SBC.",
        ],
      },
      zh: {
        description: "请求语法错误，无法理解。原因短语应指出是哪一部分有误（例如 'Missing Call-ID header'）。",
        whenYouSeeIt: [
          "有缺陷或手工构造的客户端发出格式错误的头字段：缺少必需头字段、URI 错误、Content-Length 错误。",
          "消息在传输中被破坏：UDP 分片丢失或重组错误，路由器中的 ALG（SIP helper）错误地改写了消息。",
          "对端在某个字段上比发送方更严格（包含特殊字符却未加引号的显示名、tag 语法错误、重复的头字段）。",
        ],
        howToFix: [
          "阅读原因短语和 Warning 头字段（如有）：大多数协议栈会在那里写出出错的头字段。",
          "对比发送时和接收时的请求（两侧都抓包）以排除 SIP ALG；在路由器和防火墙上关闭 SIP ALG。",
          "在发送方协议栈或 SBC 的头字段改写规则中修正接收方拒绝的头字段。",
        ],
      },
    },
  },
  {
    code: 401,
    reason: "Unauthorized",
    ref: rfc(3261, "21.4.2"),
    seeAlso: [rfc(3261, "22.2"), rfc(8760)],
    texts: {
      en: {
        description:
          "The request needs user authentication. A UAS or registrar sends 401 with a WWW-Authenticate challenge; the client should repeat the request with an Authorization header computed from its credentials and the nonce. (Proxies challenge with 407 instead.)",
        whenYouSeeIt: [
          "The first REGISTER or INVITE of every digest-authenticated exchange: 401, then the same request again with credentials. This is normal.",
          "A second 401 right after the client answered the challenge: wrong username, password or realm, or a stale nonce.",
          "401 loops: the client reuses an old nonce, computes the digest over the wrong URI, or does not support the algorithm offered (for example SHA-256 only, RFC 8760).",
        ],
        howToFix: [
          "One 401 followed by a successful retry needs no action.",
          "Repeated 401: check the username (auth user vs extension), password and realm configured on the device; compare the realm in the challenge with the one used in Authorization.",
          "If stale=true is in the challenge, the client must retry with the new nonce; if the algorithm differs, enable a common one (MD5 or SHA-256) on both sides.",
        ],
      },
      vi: {
        description:
          "Yêu cầu cần xác thực người dùng. UAS hoặc registrar gửi 401 kèm thách thức WWW-Authenticate; client nên gửi lại yêu cầu với header Authorization tính từ thông tin đăng nhập và nonce. (Proxy thì thách thức bằng 407.)",
        whenYouSeeIt: [
          "REGISTER hoặc INVITE đầu tiên của mọi trao đổi có xác thực digest: 401, rồi cùng yêu cầu đó gửi lại kèm thông tin đăng nhập. Đây là bình thường.",
          "Lại 401 ngay sau khi client đã trả lời thách thức: sai tên đăng nhập, mật khẩu hoặc realm, hoặc nonce đã cũ.",
          "401 lặp vòng: client dùng lại nonce cũ, tính digest trên URI sai, hoặc không hỗ trợ thuật toán được đưa ra (ví dụ chỉ có SHA-256, RFC 8760).",
        ],
        howToFix: [
          "Một lần 401 rồi gửi lại thành công thì không cần làm gì.",
          "401 lặp lại: kiểm tra tên đăng nhập (auth user hay số máy lẻ), mật khẩu và realm cấu hình trên thiết bị; so sánh realm trong thách thức với realm dùng trong Authorization.",
          "Nếu thách thức có stale=true, client phải gửi lại với nonce mới; nếu thuật toán khác nhau, hãy bật một thuật toán chung (MD5 hoặc SHA-256) ở cả hai phía.",
        ],
      },
      zh: {
        description:
          "请求需要用户认证。UAS 或注册服务器发送带 WWW-Authenticate 质询的 401；客户端应根据凭据和 nonce 计算 Authorization 头字段后重发请求。（代理则用 407 质询。）",
        whenYouSeeIt: [
          "每次摘要认证交互的第一个 REGISTER 或 INVITE：先收到 401，然后带凭据重发同一请求。这是正常的。",
          "客户端回应质询后又收到 401：用户名、密码或 realm 错误，或 nonce 已过期。",
          "401 循环：客户端重复使用旧 nonce、在错误的 URI 上计算摘要，或不支持对方提供的算法（例如仅提供 SHA-256，RFC 8760）。",
        ],
        howToFix: [
          "一次 401 之后重试成功，无需处理。",
          "反复出现 401：检查设备上配置的用户名（认证用户名还是分机号）、密码和 realm；对比质询中的 realm 与 Authorization 中使用的 realm。",
          "如果质询中有 stale=true，客户端必须用新的 nonce 重试；如果算法不同，在双方启用共同的算法（MD5 或 SHA-256）。",
        ],
      },
    },
  },
  {
    code: 402,
    reason: "Payment Required",
    ref: rfc(3261, "21.4.3"),
    texts: {
      en: {
        description: "Reserved for future use by RFC 3261. Some providers use it anyway to signal that the account has no credit.",
        whenYouSeeIt: [
          "Prepaid or hosted VoIP services rejecting calls from an account with zero balance.",
          "Carriers blocking calls to premium or international destinations not covered by the plan.",
        ],
        howToFix: ["Check the account balance and the destinations allowed by the plan with the provider.", "Since the code has no standard meaning, read the reason phrase and the provider's documentation."],
      },
      vi: {
        description: "RFC 3261 dành riêng cho tương lai. Một số nhà cung cấp vẫn dùng nó để báo tài khoản hết tiền.",
        whenYouSeeIt: [
          "Dịch vụ VoIP trả trước hoặc lưu trữ từ chối cuộc gọi từ tài khoản có số dư bằng không.",
          "Nhà mạng chặn cuộc gọi tới đầu số giá cao hoặc quốc tế không có trong gói cước.",
        ],
        howToFix: ["Kiểm tra số dư tài khoản và các hướng gọi được phép trong gói cước với nhà cung cấp.", "Vì mã này không có nghĩa chuẩn, hãy đọc reason phrase và tài liệu của nhà cung cấp."],
      },
      zh: {
        description: "RFC 3261 保留供将来使用。部分服务商仍用它表示账户余额不足。",
        whenYouSeeIt: ["预付费或托管 VoIP 服务拒绝余额为零的账户发起的呼叫。", "运营商拦截套餐未包含的增值或国际目的地呼叫。"],
        howToFix: ["向服务商核实账户余额以及套餐允许的目的地。", "由于该代码没有标准含义，请阅读原因短语和服务商的文档。"],
      },
    },
  },
  {
    code: 403,
    reason: "Forbidden",
    ref: rfc(3261, "21.4.4"),
    texts: {
      en: {
        description:
          "The server understood the request but refuses to fulfil it, and authorisation will not help: the client should not simply repeat the request with credentials.",
        whenYouSeeIt: [
          "A SIP trunk rejecting calls from an unlisted source IP address (IP-based authentication): new public IP, NAT change, traffic leaving through the wrong interface.",
          "Authentication that succeeded but the account may not do this: calling international or premium numbers, a From/P-Asserted-Identity number the account does not own, too many simultaneous calls.",
          "Registration refused for a disabled or locked account, or by fail2ban-style protection after repeated wrong passwords.",
        ],
        howToFix: [
          "Check the source IP the provider sees (the Via received parameter or the provider's portal) against the IPs whitelisted on the trunk.",
          "Check the caller ID you send (From, P-Asserted-Identity, Remote-Party-ID) is a number assigned to the account, in the format the provider expects.",
          "Read the reason phrase and Warning header; then check the account's permissions, call limits and lock status with the provider or in the PBX.",
        ],
      },
      vi: {
        description:
          "Máy chủ hiểu yêu cầu nhưng từ chối thực hiện, và việc xác thực cũng không giúp được: client không nên chỉ gửi lại yêu cầu kèm thông tin đăng nhập.",
        whenYouSeeIt: [
          "Trung kế SIP từ chối cuộc gọi từ địa chỉ IP nguồn không có trong danh sách (xác thực theo IP): IP công cộng mới, NAT thay đổi, lưu lượng đi ra sai giao diện.",
          "Xác thực thành công nhưng tài khoản không được phép làm việc này: gọi quốc tế hoặc đầu số giá cao, số trong From/P-Asserted-Identity không thuộc tài khoản, quá số cuộc gọi đồng thời.",
          "Đăng ký bị từ chối vì tài khoản bị vô hiệu hoá hoặc khoá, hoặc bởi cơ chế bảo vệ kiểu fail2ban sau nhiều lần sai mật khẩu.",
        ],
        howToFix: [
          "Kiểm tra IP nguồn mà nhà cung cấp nhìn thấy (tham số received trong Via hoặc cổng quản lý của nhà cung cấp) so với các IP đã được cho phép trên trung kế.",
          "Kiểm tra số gọi bạn gửi (From, P-Asserted-Identity, Remote-Party-ID) là số được cấp cho tài khoản, đúng định dạng nhà cung cấp yêu cầu.",
          "Đọc reason phrase và header Warning; sau đó kiểm tra quyền, giới hạn cuộc gọi và trạng thái khoá của tài khoản với nhà cung cấp hoặc trên PBX.",
        ],
      },
      zh: {
        description: "服务器理解请求但拒绝执行，且认证也无济于事：客户端不应只是带上凭据重发请求。",
        whenYouSeeIt: [
          "SIP 中继拒绝来自未登记源 IP 地址的呼叫（基于 IP 的认证）：公网 IP 变更、NAT 变化、流量从错误的接口出去。",
          "认证已通过但账户无权执行此操作：拨打国际或增值号码、From/P-Asserted-Identity 中的号码不属于该账户、并发呼叫数超限。",
          "账户被禁用或锁定导致注册被拒，或多次密码错误后被 fail2ban 类保护机制拦截。",
        ],
        howToFix: [
          "核对服务商看到的源 IP（Via 的 received 参数或服务商门户）与中继上登记的白名单 IP。",
          "检查发送的主叫号码（From、P-Asserted-Identity、Remote-Party-ID）是否是分配给该账户的号码，格式是否符合服务商要求。",
          "阅读原因短语和 Warning 头字段；然后向服务商或在 PBX 中检查账户权限、呼叫限制和锁定状态。",
        ],
      },
    },
  },
  {
    code: 404,
    reason: "Not Found",
    ref: rfc(3261, "21.4.5"),
    texts: {
      en: {
        description:
          "The server has definitive information that the user does not exist in the domain of the Request-URI (or the domain is not one it serves). Other locations may still know the user.",
        whenYouSeeIt: [
          "Calling an extension or number the PBX or carrier does not know: typo, wrong prefix, number not in the dial plan.",
          "Calling a user who is not registered, on servers that answer 404 rather than 480 for that case.",
          "Wrong domain in the Request-URI (an IP address where a domain name is expected, or the reverse), so the server looks in the wrong user table.",
        ],
        howToFix: [
          "Compare the Request-URI user part with the dial plan or number list of the server that answered: format, prefix, country code.",
          "Check the callee's registration on the registrar (is there a current binding for that AoR?).",
          "Check the host part of the Request-URI matches a domain the server is configured to serve.",
        ],
      },
      vi: {
        description:
          "Máy chủ có thông tin chắc chắn rằng người dùng không tồn tại trong tên miền của Request-URI (hoặc đó không phải tên miền nó phục vụ). Các nơi khác vẫn có thể biết người dùng này.",
        whenYouSeeIt: [
          "Gọi tới máy lẻ hoặc số mà PBX hoặc nhà mạng không biết: gõ sai, sai tiền tố, số không có trong kế hoạch quay số.",
          "Gọi tới người dùng chưa đăng ký, trên máy chủ trả 404 thay vì 480 cho trường hợp này.",
          "Sai tên miền trong Request-URI (địa chỉ IP ở chỗ cần tên miền, hoặc ngược lại), khiến máy chủ tìm trong bảng người dùng khác.",
        ],
        howToFix: [
          "So sánh phần user của Request-URI với kế hoạch quay số hoặc danh sách số của máy chủ đã trả lời: định dạng, tiền tố, mã quốc gia.",
          "Kiểm tra đăng ký của bên bị gọi trên registrar (có binding hiện hành cho AoR đó không?).",
          "Kiểm tra phần host của Request-URI khớp với tên miền mà máy chủ được cấu hình để phục vụ.",
        ],
      },
      zh: {
        description: "服务器确切知道该用户不存在于 Request-URI 的域中（或该域不由它服务）。其他位置仍可能知道该用户。",
        whenYouSeeIt: [
          "拨打 PBX 或运营商不认识的分机或号码：输错、前缀错误、号码不在拨号计划中。",
          "呼叫未注册的用户，而服务器在这种情况下回 404 而不是 480。",
          "Request-URI 中的域错误（应为域名处用了 IP 地址，或反之），服务器在错误的用户表中查找。",
        ],
        howToFix: [
          "将 Request-URI 的用户部分与应答服务器的拨号计划或号码列表对比：格式、前缀、国家码。",
          "在注册服务器上检查被叫的注册情况（该 AoR 是否有当前绑定？）。",
          "检查 Request-URI 的主机部分是否是服务器配置服务的域。",
        ],
      },
    },
  },
  {
    code: 405,
    reason: "Method Not Allowed",
    ref: rfc(3261, "21.4.6"),
    texts: {
      en: {
        description:
          "The server understands the method but does not allow it for the address in the Request-URI. The response must carry an Allow header listing the methods that are allowed.",
        whenYouSeeIt: [
          "SUBSCRIBE, MESSAGE, REFER or PUBLISH sent to a device or PBX that has the feature disabled.",
          "Requests sent to a registrar-only or proxy-only address that accepts just REGISTER or just INVITE.",
        ],
        howToFix: [
          "Read the Allow header in the 405 and use one of those methods, or enable the feature on the receiving side.",
          "Check that the request goes to the right address: some servers expose different methods on different ports or domains.",
        ],
      },
      vi: {
        description:
          "Máy chủ hiểu phương thức nhưng không cho phép với địa chỉ trong Request-URI. Phản hồi phải có header Allow liệt kê các phương thức được phép.",
        whenYouSeeIt: [
          "Gửi SUBSCRIBE, MESSAGE, REFER hoặc PUBLISH tới thiết bị hoặc PBX đã tắt tính năng đó.",
          "Yêu cầu gửi tới địa chỉ chỉ làm registrar hoặc chỉ làm proxy, chỉ nhận REGISTER hoặc chỉ nhận INVITE.",
        ],
        howToFix: [
          "Đọc header Allow trong 405 và dùng một trong các phương thức đó, hoặc bật tính năng ở phía nhận.",
          "Kiểm tra yêu cầu được gửi đúng địa chỉ: một số máy chủ mở các phương thức khác nhau trên các cổng hoặc tên miền khác nhau.",
        ],
      },
      zh: {
        description: "服务器理解该方法，但不允许对 Request-URI 中的地址使用它。响应必须带有列出允许方法的 Allow 头字段。",
        whenYouSeeIt: [
          "向禁用了相应功能的设备或 PBX 发送 SUBSCRIBE、MESSAGE、REFER 或 PUBLISH。",
          "请求发到了只接受 REGISTER 或只接受 INVITE 的纯注册或纯代理地址。",
        ],
        howToFix: ["阅读 405 中的 Allow 头字段并使用其中的方法，或在接收方启用该功能。", "检查请求是否发到了正确的地址：有些服务器在不同端口或域上开放不同的方法。"],
      },
    },
  },
  {
    code: 406,
    reason: "Not Acceptable",
    ref: rfc(3261, "21.4.7"),
    texts: {
      en: {
        description:
          "The resource can only produce responses whose content is not acceptable according to the Accept headers of the request (content type, encoding or language).",
        whenYouSeeIt: [
          "SUBSCRIBE or OPTIONS with an Accept header listing only body types the server cannot produce (for example an unusual presence format).",
          "Accept-Encoding or Accept-Language restrictions that the server cannot meet.",
        ],
        howToFix: [
          "Widen the Accept header to include a type the server supports (for presence, application/pidf+xml).",
          "If the Accept header is added by a device template, correct the template.",
        ],
      },
      vi: {
        description:
          "Tài nguyên chỉ có thể tạo ra phản hồi với nội dung không được chấp nhận theo các header Accept của yêu cầu (loại nội dung, mã hoá hoặc ngôn ngữ).",
        whenYouSeeIt: [
          "SUBSCRIBE hoặc OPTIONS có header Accept chỉ liệt kê các loại nội dung mà máy chủ không tạo được (ví dụ một định dạng presence hiếm gặp).",
          "Ràng buộc Accept-Encoding hoặc Accept-Language mà máy chủ không đáp ứng được.",
        ],
        howToFix: [
          "Mở rộng header Accept để có loại mà máy chủ hỗ trợ (với presence là application/pidf+xml).",
          "Nếu header Accept do mẫu cấu hình thiết bị thêm vào, hãy sửa mẫu đó.",
        ],
      },
      zh: {
        description: "该资源只能生成按请求中 Accept 类头字段（内容类型、编码或语言）判断为不可接受的响应内容。",
        whenYouSeeIt: ["SUBSCRIBE 或 OPTIONS 的 Accept 头字段只列出服务器无法生成的消息体类型（例如少见的 presence 格式）。", "服务器无法满足的 Accept-Encoding 或 Accept-Language 限制。"],
        howToFix: ["放宽 Accept 头字段，加入服务器支持的类型（presence 使用 application/pidf+xml）。", "如果 Accept 头字段是设备模板添加的，修正该模板。"],
      },
    },
  },
  {
    code: 407,
    reason: "Proxy Authentication Required",
    ref: rfc(3261, "21.4.8"),
    seeAlso: [rfc(3261, "22.3")],
    texts: {
      en: {
        description:
          "Like 401, but the challenge comes from a proxy: the response carries Proxy-Authenticate and the client must repeat the request with Proxy-Authorization.",
        whenYouSeeIt: [
          "The first INVITE through a PBX or provider proxy that authenticates outgoing calls: 407, ACK, then the INVITE again with credentials. This is normal.",
          "A second 407 after the client answered: wrong credentials or realm, or the credentials were sent in Authorization instead of Proxy-Authorization.",
          "Calls from a trunk peer that should be trusted by IP but is not recognised, so the proxy challenges it like a user.",
        ],
        howToFix: [
          "One 407 followed by a successful retry needs no action.",
          "Repeated 407: check the credentials and realm, and that the client answers with Proxy-Authorization.",
          "For trunks, make sure the peer's source IP matches the trusted or IP-authenticated peer entry, so its calls are not challenged at all.",
        ],
      },
      vi: {
        description:
          "Giống 401, nhưng thách thức đến từ proxy: phản hồi mang Proxy-Authenticate và client phải gửi lại yêu cầu với Proxy-Authorization.",
        whenYouSeeIt: [
          "INVITE đầu tiên đi qua PBX hoặc proxy của nhà cung cấp có xác thực cuộc gọi đi: 407, ACK, rồi INVITE lại kèm thông tin đăng nhập. Đây là bình thường.",
          "Lại 407 sau khi client đã trả lời: sai thông tin đăng nhập hoặc realm, hoặc thông tin được gửi trong Authorization thay vì Proxy-Authorization.",
          "Cuộc gọi từ trung kế lẽ ra được tin cậy theo IP nhưng không được nhận ra, nên proxy thách thức nó như một người dùng.",
        ],
        howToFix: [
          "Một lần 407 rồi gửi lại thành công thì không cần làm gì.",
          "407 lặp lại: kiểm tra thông tin đăng nhập và realm, và client có trả lời bằng Proxy-Authorization không.",
          "Với trung kế, bảo đảm IP nguồn của đối tác khớp với mục đối tác tin cậy hoặc xác thực theo IP, để cuộc gọi của nó không bị thách thức.",
        ],
      },
      zh: {
        description: "与 401 类似，但质询来自代理：响应携带 Proxy-Authenticate，客户端必须带 Proxy-Authorization 重发请求。",
        whenYouSeeIt: [
          "经过对外呼进行认证的 PBX 或服务商代理的第一个 INVITE：407、ACK，然后带凭据再次发送 INVITE。这是正常的。",
          "客户端回应后又收到 407：凭据或 realm 错误，或凭据放在了 Authorization 而不是 Proxy-Authorization 中。",
          "本应按 IP 信任的中继对端未被识别，代理像对待普通用户一样对其发起质询。",
        ],
        howToFix: [
          "一次 407 之后重试成功，无需处理。",
          "反复出现 407：检查凭据和 realm，并确认客户端用 Proxy-Authorization 回应。",
          "对于中继，确保对端的源 IP 与受信任或基于 IP 认证的对端条目一致，使其呼叫完全不被质询。",
        ],
      },
    },
  },
  {
    code: 408,
    reason: "Request Timeout",
    ref: rfc(3261, "21.4.9"),
    texts: {
      en: {
        description:
          "The server could not produce a response in time, for example because it could not determine the user's location. Proxies also generate 408 when their client transaction to the next hop times out (Timer B or F, 64*T1 = 32 s) or when Timer C fires before any 1xx (after a 1xx, RFC 3261 §16.8 has the proxy CANCEL the branch; many proxies still report 408 upstream). ISDN cause 18 (no user responding) maps to 408 (RFC 3398).",
        whenYouSeeIt: [
          "A dead or unreachable peer: the next hop never answered the forwarded request (host down, firewall dropping packets, wrong IP or port, UDP blocked).",
          "A phone that rang until the proxy's Timer C (at least 3 minutes) or a no-answer timer fired.",
          "NAT: the callee's registration points to a NAT binding that has expired, so the INVITE never reaches it.",
        ],
        howToFix: [
          "Capture on the server that sent the 408 and look for the request it forwarded: if it went out and nothing came back, test reachability of that next hop (IP, port, transport, firewall).",
          "For registered users behind NAT, shorten the registration or keepalive interval (CRLF or OPTIONS pings, RFC 5626 outbound) so the NAT binding stays open.",
          "If it was a ringing timeout, adjust the no-answer time or forward-on-no-answer rule.",
        ],
      },
      vi: {
        description:
          "Máy chủ không tạo được phản hồi kịp thời, ví dụ vì không xác định được vị trí của người dùng. Proxy cũng sinh ra 408 khi client transaction tới chặng kế tiếp hết hạn (Timer B hoặc F, 64*T1 = 32 s) hoặc khi Timer C hết hạn trước mọi 1xx (sau một 1xx, RFC 3261 §16.8 bắt proxy CANCEL nhánh đó; nhiều proxy vẫn báo 408 ngược lên). Mã nguyên nhân ISDN 18 (không có người dùng trả lời) tương ứng với 408 (RFC 3398).",
        whenYouSeeIt: [
          "Phía bên kia chết hoặc không tới được: chặng kế tiếp không bao giờ trả lời yêu cầu được chuyển tiếp (máy tắt, tường lửa chặn gói, sai IP hoặc cổng, UDP bị chặn).",
          "Điện thoại đổ chuông tới khi Timer C của proxy (ít nhất 3 phút) hoặc bộ định thời không trả lời hết hạn.",
          "NAT: đăng ký của bên bị gọi trỏ tới một binding NAT đã hết hạn, nên INVITE không bao giờ tới nơi.",
        ],
        howToFix: [
          "Bắt gói trên máy chủ đã gửi 408 và tìm yêu cầu nó đã chuyển tiếp: nếu đã gửi đi mà không có gì trả về, kiểm tra khả năng kết nối tới chặng kế tiếp đó (IP, cổng, giao thức truyền tải, tường lửa).",
          "Với người dùng đăng ký sau NAT, rút ngắn chu kỳ đăng ký hoặc giữ kết nối (ping CRLF hoặc OPTIONS, outbound theo RFC 5626) để binding NAT luôn mở.",
          "Nếu là hết thời gian đổ chuông, điều chỉnh thời gian không trả lời hoặc quy tắc chuyển tiếp khi không trả lời.",
        ],
      },
      zh: {
        description:
          "服务器未能及时给出响应，例如无法确定用户的位置。代理在到下一跳的客户端事务超时（Timer B 或 F，64*T1 = 32 s）或在收到任何 1xx 之前 Timer C 触发时也会生成 408（收到 1xx 之后，RFC 3261 §16.8 要求代理对该分支发送 CANCEL；许多代理仍向上游报告 408）。ISDN 原因值 18（无用户响应）映射为 408（RFC 3398）。",
        whenYouSeeIt: [
          "对端宕机或不可达：下一跳始终没有应答转发的请求（主机宕机、防火墙丢包、IP 或端口错误、UDP 被封）。",
          "话机一直振铃，直到代理的 Timer C（至少 3 分钟）或无应答定时器触发。",
          "NAT：被叫的注册指向已过期的 NAT 映射，INVITE 永远无法到达。",
        ],
        howToFix: [
          "在发送 408 的服务器上抓包，查找它转发出去的请求：如果已发出却没有任何回应，测试到该下一跳的可达性（IP、端口、传输协议、防火墙）。",
          "对于 NAT 后的注册用户，缩短注册或保活间隔（CRLF 或 OPTIONS 探测、RFC 5626 outbound），使 NAT 映射保持打开。",
          "如果是振铃超时，调整无应答时长或无应答前转规则。",
        ],
      },
    },
  },
  {
    code: 410,
    reason: "Gone",
    ref: rfc(3261, "21.4.10"),
    texts: {
      en: {
        description:
          "The user existed once but is no longer available here, and the server knows no forwarding address. It is meant to be permanent.",
        whenYouSeeIt: ["Calling a deleted extension or account.", "Numbers that were ported away or disconnected, on carriers that distinguish this from 404."],
        howToFix: ["Remove or update the stored number (contacts, speed dials, routing tables).", "If the user should exist, check whether the account was deleted or moved to another domain."],
      },
      vi: {
        description: "Người dùng từng tồn tại nhưng không còn ở đây nữa, và máy chủ không biết địa chỉ chuyển tiếp. Trạng thái này được xem là vĩnh viễn.",
        whenYouSeeIt: ["Gọi tới máy lẻ hoặc tài khoản đã bị xoá.", "Số đã chuyển mạng đi nơi khác hoặc bị huỷ, ở nhà mạng phân biệt trường hợp này với 404."],
        howToFix: ["Xoá hoặc cập nhật số đã lưu (danh bạ, quay số nhanh, bảng định tuyến).", "Nếu người dùng lẽ ra phải tồn tại, kiểm tra tài khoản có bị xoá hoặc chuyển sang tên miền khác không."],
      },
      zh: {
        description: "该用户曾经存在，但已不在此处，服务器也不知道其新地址。这种状态被视为永久性的。",
        whenYouSeeIt: ["呼叫已删除的分机或账户。", "已携出或停机的号码，且运营商将其与 404 区分开。"],
        howToFix: ["删除或更新保存的号码（联系人、快速拨号、路由表）。", "如果该用户应当存在，检查账户是否被删除或迁移到了其他域。"],
      },
    },
  },
  {
    code: 413,
    reason: "Request Entity Too Large",
    ref: rfc(3261, "21.4.11"),
    texts: {
      en: {
        description:
          "The server refuses the request because its body is larger than it is willing or able to process. It may add Retry-After if the condition is temporary.",
        whenYouSeeIt: ["Large SDP bodies (video, many codecs, many ICE candidates) or multipart bodies with attachments.", "MESSAGE requests carrying large content instead of using MSRP or a file-transfer link."],
        howToFix: ["Reduce the body: fewer codecs and candidates, smaller attachments.", "Send large content by other means (MSRP, HTTP link) and keep SIP bodies small; use TCP or TLS for big messages."],
      },
      vi: {
        description:
          "Máy chủ từ chối yêu cầu vì phần thân lớn hơn mức nó muốn hoặc có thể xử lý. Có thể thêm Retry-After nếu tình trạng chỉ là tạm thời.",
        whenYouSeeIt: ["Phần thân SDP lớn (video, nhiều codec, nhiều ứng viên ICE) hoặc phần thân multipart có tệp đính kèm.", "Yêu cầu MESSAGE mang nội dung lớn thay vì dùng MSRP hoặc liên kết truyền tệp."],
        howToFix: ["Giảm phần thân: ít codec và ứng viên hơn, tệp đính kèm nhỏ hơn.", "Gửi nội dung lớn bằng cách khác (MSRP, liên kết HTTP) và giữ phần thân SIP nhỏ; dùng TCP hoặc TLS cho bản tin lớn."],
      },
      zh: {
        description: "消息体超出了服务器愿意或能够处理的大小，服务器拒绝该请求。如果情况是暂时的，可加 Retry-After。",
        whenYouSeeIt: ["庞大的 SDP 消息体（视频、大量编解码器、大量 ICE 候选）或带附件的 multipart 消息体。", "MESSAGE 请求直接携带大量内容，而不是使用 MSRP 或文件传输链接。"],
        howToFix: ["缩小消息体：减少编解码器和候选地址，缩小附件。", "用其他方式（MSRP、HTTP 链接）发送大内容，保持 SIP 消息体精简；大消息使用 TCP 或 TLS。"],
      },
    },
  },
  {
    code: 414,
    reason: "Request-URI Too Long",
    ref: rfc(3261, "21.4.12"),
    texts: {
      en: {
        description: "The server refuses to serve the request because the Request-URI is longer than it is willing to interpret.",
        whenYouSeeIt: ["Request-URIs stuffed with parameters or escaped headers by an application server or click-to-dial link.", "Malformed or malicious requests from scanners."],
        howToFix: ["Move data out of the Request-URI into headers or the body.", "Check the application that builds the URI for loops that append parameters repeatedly."],
      },
      vi: {
        description: "Máy chủ từ chối phục vụ yêu cầu vì Request-URI dài hơn mức nó chịu diễn giải.",
        whenYouSeeIt: ["Request-URI bị nhồi tham số hoặc header mã hoá do máy chủ ứng dụng hoặc liên kết click-to-dial tạo ra.", "Yêu cầu sai định dạng hoặc độc hại từ công cụ quét."],
        howToFix: ["Chuyển dữ liệu ra khỏi Request-URI vào header hoặc phần thân.", "Kiểm tra ứng dụng tạo URI xem có vòng lặp nối thêm tham số nhiều lần không."],
      },
      zh: {
        description: "Request-URI 超出了服务器愿意解析的长度，服务器拒绝处理该请求。",
        whenYouSeeIt: ["应用服务器或点击拨号链接在 Request-URI 中塞入了大量参数或转义的头字段。", "来自扫描器的格式错误或恶意请求。"],
        howToFix: ["把数据从 Request-URI 移到头字段或消息体中。", "检查生成 URI 的应用，看是否存在反复追加参数的循环。"],
      },
    },
  },
  {
    code: 415,
    reason: "Unsupported Media Type",
    ref: rfc(3261, "21.4.13"),
    texts: {
      en: {
        description:
          "The body of the request is in a format the server does not support for this method. The response must list what is acceptable in Accept, Accept-Encoding or Accept-Language.",
        whenYouSeeIt: [
          "A body type the receiver does not handle: application/sdp expected but multipart/mixed or ISUP (SIP-T) received, or an unexpected INFO or MESSAGE content type.",
          "Compressed bodies (Content-Encoding) sent to a server that does not decompress.",
        ],
        howToFix: [
          "Read the Accept header in the 415 and send one of those types.",
          "On SBCs, strip or convert the unsupported body part (for example remove ISUP from multipart bodies towards SIP-only peers).",
        ],
      },
      vi: {
        description:
          "Phần thân của yêu cầu ở định dạng mà máy chủ không hỗ trợ cho phương thức này. Phản hồi phải liệt kê những gì chấp nhận được trong Accept, Accept-Encoding hoặc Accept-Language.",
        whenYouSeeIt: [
          "Loại nội dung bên nhận không xử lý: chờ application/sdp nhưng nhận multipart/mixed hoặc ISUP (SIP-T), hoặc content type của INFO hay MESSAGE không như mong đợi.",
          "Phần thân nén (Content-Encoding) gửi tới máy chủ không giải nén.",
        ],
        howToFix: [
          "Đọc header Accept trong 415 và gửi một trong các loại đó.",
          "Trên SBC, bỏ hoặc chuyển đổi phần nội dung không được hỗ trợ (ví dụ bỏ ISUP khỏi phần thân multipart khi gửi tới đối tác chỉ dùng SIP).",
        ],
      },
      zh: {
        description: "请求消息体的格式不被服务器在此方法下支持。响应必须在 Accept、Accept-Encoding 或 Accept-Language 中列出可接受的内容。",
        whenYouSeeIt: [
          "接收方不处理的消息体类型：期望 application/sdp，却收到 multipart/mixed 或 ISUP（SIP-T），或 INFO、MESSAGE 的内容类型不符合预期。",
          "向不支持解压的服务器发送了压缩的消息体（Content-Encoding）。",
        ],
        howToFix: ["阅读 415 中的 Accept 头字段，改用其中列出的类型。", "在 SBC 上删除或转换不受支持的消息体部分（例如发往纯 SIP 对端时去掉 multipart 中的 ISUP）。"],
      },
    },
  },
  {
    code: 416,
    reason: "Unsupported URI Scheme",
    ref: rfc(3261, "21.4.14"),
    texts: {
      en: {
        description: "The server cannot process the request because it does not support the scheme of the Request-URI (for example tel:, sips: or im: where only sip: is supported).",
        whenYouSeeIt: ["tel: URIs sent to a server that only routes sip: URIs.", "sips: Request-URIs towards peers without TLS support."],
        howToFix: ["Convert the URI on the sending side or the SBC (tel:+123 to sip:+123@domain;user=phone).", "Use sip: with transport=tls instead of sips: if end-to-end TLS cannot be guaranteed."],
      },
      vi: {
        description: "Máy chủ không xử lý được yêu cầu vì không hỗ trợ scheme của Request-URI (ví dụ tel:, sips: hoặc im: khi chỉ hỗ trợ sip:).",
        whenYouSeeIt: ["URI tel: gửi tới máy chủ chỉ định tuyến URI sip:.", "Request-URI sips: gửi tới đối tác không hỗ trợ TLS."],
        howToFix: ["Chuyển đổi URI ở phía gửi hoặc trên SBC (tel:+123 thành sip:+123@domain;user=phone).", "Dùng sip: với transport=tls thay cho sips: nếu không bảo đảm được TLS đầu cuối."],
      },
      zh: {
        description: "服务器不支持 Request-URI 的方案（例如只支持 sip: 时收到 tel:、sips: 或 im:），因此无法处理请求。",
        whenYouSeeIt: ["向只路由 sip: URI 的服务器发送 tel: URI。", "向不支持 TLS 的对端发送 sips: 的 Request-URI。"],
        howToFix: ["在发送方或 SBC 上转换 URI（tel:+123 转为 sip:+123@domain;user=phone）。", "如果无法保证端到端 TLS，使用带 transport=tls 的 sip: 代替 sips:。"],
      },
    },
  },
];
