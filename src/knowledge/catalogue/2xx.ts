/** 2xx Success responses (RFC 3261 §21.2, RFC 3515, RFC 6665, RFC 5839). */
import type { CodeData } from "../types.js";
import { rfc } from "./ref.js";

export const CODES_2XX: readonly CodeData[] = [
  {
    code: 200,
    reason: "OK",
    ref: rfc(3261, "21.2.1"),
    texts: {
      en: {
        description:
          "The request succeeded. For an INVITE the call is answered and the caller must ACK the 200 end to end; for REGISTER the Contact list in the 200 is the registrar's current view of the bindings.",
        whenYouSeeIt: [
          "Every successful request: an answered call, a registration, a BYE, an OPTIONS keepalive.",
          "A 200 to INVITE retransmitted every 500 ms, doubling up to 4 s: the callee never received the ACK (RFC 3261 §13.3.1.4), and after 64*T1 (32 s) it gives up and sends BYE.",
          "A 200 to REGISTER whose Contact list or expires differs from what was sent: the registrar changed the interval or kept old bindings.",
          "200 to REFER: the RFC 7647 §5 way to accept a transfer; NOTIFYs follow as with 202.",
        ],
        howToFix: [
          "Nothing to fix when the transaction ends here.",
          "Call drops about 32 s after answer: look for the ACK; it is usually lost because the Contact or Record-Route of the 200 carries an unreachable (private, NATed) address.",
          "Answered call without audio: compare the SDP answer in the 200 with the offer (address, port, codec) and check that RTP flows in both directions.",
        ],
      },
      vi: {
        description:
          "Yêu cầu đã thành công. Với INVITE, cuộc gọi đã được trả lời và bên gọi phải gửi ACK cho 200 theo kiểu đầu cuối tới đầu cuối; với REGISTER, danh sách Contact trong 200 là các binding hiện tại theo registrar.",
        whenYouSeeIt: [
          "Mọi yêu cầu thành công: cuộc gọi được trả lời, đăng ký, BYE, OPTIONS dùng để giữ kết nối.",
          "200 cho INVITE được truyền lại mỗi 500 ms, tăng gấp đôi tới 4 s: bên bị gọi không nhận được ACK (RFC 3261 §13.3.1.4); sau 64*T1 (32 s) nó bỏ cuộc và gửi BYE.",
          "200 cho REGISTER có danh sách Contact hoặc expires khác với yêu cầu: registrar đã đổi khoảng thời gian hoặc còn giữ binding cũ.",
          "200 cho REFER: cách chấp nhận chuyển cuộc gọi theo RFC 7647 §5; NOTIFY vẫn theo sau như với 202.",
        ],
        howToFix: [
          "Không cần sửa gì nếu transaction kết thúc tại đây.",
          "Cuộc gọi rớt khoảng 32 s sau khi trả lời: tìm bản tin ACK; thường nó bị mất vì Contact hoặc Record-Route của 200 chứa địa chỉ không tới được (địa chỉ riêng, sau NAT).",
          "Cuộc gọi đã trả lời nhưng không có tiếng: so sánh SDP answer trong 200 với offer (địa chỉ, cổng, codec) và kiểm tra RTP chạy cả hai chiều.",
        ],
      },
      zh: {
        description:
          "请求成功。对于 INVITE，表示呼叫已接听，主叫必须端到端地对 200 发送 ACK；对于 REGISTER，200 中的 Contact 列表是注册服务器当前所见的绑定。",
        whenYouSeeIt: [
          "所有成功的请求：已接听的呼叫、注册、BYE、用于保活的 OPTIONS。",
          "INVITE 的 200 每 500 ms 重传一次并倍增至 4 s：被叫没有收到 ACK（RFC 3261 §13.3.1.4），64*T1（32 s）后放弃并发送 BYE。",
          "REGISTER 的 200 中 Contact 列表或 expires 与请求不同：注册服务器修改了时长或保留了旧绑定。",
          "REFER 的 200：按 RFC 7647 §5 接受转接的方式；之后与 202 一样会有 NOTIFY。",
        ],
        howToFix: [
          "如果事务到此结束，则无需处理。",
          "接听约 32 s 后掉话：查找 ACK；通常是因为 200 的 Contact 或 Record-Route 带有不可达的地址（私网地址、NAT 后地址）而丢失。",
          "已接听但无声：将 200 中的 SDP answer 与 offer 对比（地址、端口、编解码器），并确认 RTP 双向都在传输。",
        ],
      },
    },
  },
  {
    code: 202,
    reason: "Accepted",
    ref: rfc(6665, "8.3.1"),
    seeAlso: [rfc(3515, "2.4.2"), rfc(7647, "5"), rfc(4488)],
    deprecated: true,
    texts: {
      en: {
        description:
          "The request was accepted, but the work it asks for is not finished. Its main use is the answer to REFER (RFC 3515): the recipient agreed to contact the Refer-To target and will report how that went in NOTIFYs carrying message/sipfrag. RFC 6665 deprecated 202 for SUBSCRIBE and RFC 7647 §5 extends this to REFER: a REFER recipient should answer 200, and a 202 must be treated exactly like a 200. Most deployed phones and PBXs still send 202 (RFC 3515 §2.4.2); both are fine. The IANA registry lists it as Accepted (Deprecated).",
        whenYouSeeIt: [
          "After a REFER for a blind or attended transfer: the transferee accepted the request; the result of its INVITE to the target comes later in NOTIFY.",
          "From older event servers answering SUBSCRIBE while the subscription is still waiting for authorisation (RFC 3265 behaviour).",
          "From SMS or messaging gateways answering MESSAGE when the text was queued for later delivery.",
        ],
        howToFix: [
          "After REFER, wait for the NOTIFYs: the sipfrag status line in the last one (Subscription-State: terminated) is the transfer result.",
          "If no NOTIFY arrives: accepting a REFER always results in an immediate NOTIFY (RFC 3515 §2.4.4), and a BYE ends only the call, not the refer subscription (RFC 5057 §4), so look at the transferee first (did it call the target at all?), then at the Refer-Sub header (RFC 4488: Refer-Sub: false means no NOTIFY) and at connectivity back to the transferor's Contact. A 481 to a NOTIFY does end the subscription.",
          "For SUBSCRIBE, treat 202 as 200 and read the subscription state from the first NOTIFY (pending or active).",
        ],
        whoSends: "202 is sent by the transferee to the transferor on accepting a REFER (a success between user agents).",
      },
      vi: {
        description:
          "Yêu cầu đã được chấp nhận nhưng việc nó đòi hỏi chưa xong. Công dụng chính là trả lời REFER (RFC 3515): bên nhận đồng ý liên lạc với đích trong Refer-To và sẽ báo kết quả trong các NOTIFY mang message/sipfrag. RFC 6665 không còn khuyến nghị dùng (deprecated) 202 cho SUBSCRIBE và RFC 7647 §5 mở rộng điều đó cho REFER: bên nhận REFER nên trả 200, và 202 phải được xử lý y hệt 200. Phần lớn điện thoại và PBX đang dùng vẫn gửi 202 (RFC 3515 §2.4.2); cả hai đều đúng. Sổ đăng ký IANA ghi nó là Accepted (Deprecated).",
        whenYouSeeIt: [
          "Sau REFER dùng cho chuyển cuộc gọi không báo trước (blind transfer) hoặc có báo trước (attended transfer): bên được chuyển đã chấp nhận yêu cầu; kết quả INVITE của nó tới đích sẽ tới sau, trong NOTIFY.",
          "Từ các máy chủ sự kiện cũ trả lời SUBSCRIBE khi subscription còn chờ cấp quyền (hành vi theo RFC 3265).",
          "Từ gateway SMS hoặc nhắn tin trả lời MESSAGE khi tin nhắn được xếp hàng để gửi sau.",
        ],
        howToFix: [
          "Sau REFER, hãy chờ các NOTIFY: dòng trạng thái sipfrag trong bản cuối cùng (Subscription-State: terminated) chính là kết quả chuyển cuộc gọi.",
          "Nếu không có NOTIFY nào: chấp nhận REFER luôn dẫn tới một NOTIFY ngay lập tức (RFC 3515 §2.4.4), và BYE chỉ kết thúc cuộc gọi chứ không kết thúc subscription của REFER (RFC 5057 §4), nên hãy xem bên được chuyển trước (nó có gọi tới đích không?), rồi header Refer-Sub (RFC 4488: Refer-Sub: false nghĩa là không có NOTIFY) và kết nối ngược về Contact của bên chuyển. 481 cho một NOTIFY thì đúng là kết thúc subscription.",
          "Với SUBSCRIBE, coi 202 như 200 và đọc trạng thái subscription từ NOTIFY đầu tiên (pending hoặc active).",
        ],
        whoSends: "202 do bên được chuyển gửi cho bên chuyển khi chấp nhận REFER (một thành công giữa hai user agent).",
      },
      zh: {
        description:
          "请求已被接受，但其要求的处理尚未完成。主要用于对 REFER 的应答（RFC 3515）：接收方同意联系 Refer-To 中的目标，并将在携带 message/sipfrag 的 NOTIFY 中报告结果。RFC 6665 已废弃在 SUBSCRIBE 中使用 202，RFC 7647 §5 将其延伸到 REFER：REFER 的接收方应回 200，而 202 必须与 200 完全同等处理。大多数现网话机和 PBX 仍发送 202（RFC 3515 §2.4.2）；两者都没有问题。IANA 注册表将其列为 Accepted (Deprecated)。",
        whenYouSeeIt: [
          "在用于盲转或咨询转接的 REFER 之后：被转接方接受了请求；它向目标发起 INVITE 的结果稍后通过 NOTIFY 报告。",
          "较旧的事件服务器在订阅仍等待授权时对 SUBSCRIBE 的应答（RFC 3265 的行为）。",
          "短信或消息网关在消息排队等待稍后投递时对 MESSAGE 的应答。",
        ],
        howToFix: [
          "REFER 之后等待 NOTIFY：最后一个 NOTIFY（Subscription-State: terminated）中 sipfrag 的状态行就是转接结果。",
          "如果没有收到 NOTIFY：接受 REFER 总会立即产生一个 NOTIFY（RFC 3515 §2.4.4），而 BYE 只结束通话，不结束 REFER 的订阅（RFC 5057 §4），所以先检查被转接方（它到底有没有呼叫目标？），再检查 Refer-Sub 头字段（RFC 4488：Refer-Sub: false 表示不发送 NOTIFY）以及回到转接方 Contact 的连通性。对 NOTIFY 的 481 才会结束订阅。",
          "对于 SUBSCRIBE，将 202 视为 200，并从第一个 NOTIFY 中读取订阅状态（pending 或 active）。",
        ],
        whoSends: "202 由被转接方在接受 REFER 时发给转接方（用户代理之间的成功响应）。",
      },
    },
  },
  {
    code: 204,
    reason: "No Notification",
    ref: rfc(5839),
    texts: {
      en: {
        description:
          "The SUBSCRIBE succeeded, but the notifier will not send the NOTIFY that would normally follow: the subscriber already holds the current state, identified by the entity-tag it sent in Suppress-If-Match (conditional event notification, RFC 5839).",
        whenYouSeeIt: [
          "Subscription refreshes from clients that cache event state (presence, dialog, reg events) and send Suppress-If-Match.",
          "Mostly in IMS and large presence deployments that want to save NOTIFY traffic.",
        ],
        howToFix: [
          "Nothing to fix: the client keeps the state it already has.",
          "If a client shows stale state after a 204, its cached entity-tag no longer matches what it displays: clear its cache or make it subscribe without Suppress-If-Match once.",
        ],
      },
      vi: {
        description:
          "SUBSCRIBE đã thành công nhưng notifier sẽ không gửi NOTIFY thường đi kèm: bên đăng ký đã có trạng thái hiện tại, được xác định bằng entity-tag nó gửi trong Suppress-If-Match (thông báo sự kiện có điều kiện, RFC 5839).",
        whenYouSeeIt: [
          "Khi gia hạn subscription từ các client lưu đệm trạng thái sự kiện (presence, dialog, reg) và gửi Suppress-If-Match.",
          "Chủ yếu trong IMS và các hệ thống presence lớn muốn giảm lưu lượng NOTIFY.",
        ],
        howToFix: [
          "Không cần sửa gì: client giữ nguyên trạng thái nó đang có.",
          "Nếu client hiển thị trạng thái cũ sau 204, entity-tag nó lưu không còn khớp với thứ nó hiển thị: xoá bộ đệm hoặc cho nó đăng ký lại một lần không kèm Suppress-If-Match.",
        ],
      },
      zh: {
        description:
          "SUBSCRIBE 成功，但通知方不会发送通常随后的 NOTIFY：订阅方已持有当前状态，由其在 Suppress-If-Match 中发送的实体标签标识（条件事件通知，RFC 5839）。",
        whenYouSeeIt: [
          "缓存事件状态（presence、dialog、reg 事件）并发送 Suppress-If-Match 的客户端刷新订阅时。",
          "主要见于希望减少 NOTIFY 流量的 IMS 和大型在线状态系统。",
        ],
        howToFix: [
          "无需处理：客户端保留已有状态。",
          "如果收到 204 后客户端显示过期状态，说明其缓存的实体标签与显示内容不一致：清除其缓存，或让它不带 Suppress-If-Match 重新订阅一次。",
        ],
      },
    },
  },
];
