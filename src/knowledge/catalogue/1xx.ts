/** 1xx Provisional responses (RFC 3261 §21.1, RFC 6228). */
import type { CodeData } from "../types.js";
import { rfc } from "./ref.js";

export const CODES_1XX: readonly CodeData[] = [
  {
    code: 100,
    reason: "Trying",
    ref: rfc(3261, "21.1.1"),
    seeAlso: [rfc(3261, "17.2.1")],
    texts: {
      en: {
        description:
          "The next hop has received the request and is working on it. 100 is hop-by-hop: the next proxy or the UAS generates it and nobody forwards it. For an INVITE over UDP it stops the caller's retransmissions (RFC 3261 §17.1.1.2).",
        whenYouSeeIt: [
          "Right after nearly every INVITE: the server transaction sends it unless the TU answers within 200 ms (RFC 3261 §17.2.1).",
          "As the last message of a failed call attempt: the next hop took the INVITE but cannot reach anyone downstream (callee not registered, routing or DNS lookup stuck, dead downstream peer).",
          "Once per hop when you capture on several links at the same time.",
        ],
        howToFix: [
          "Nothing to fix in the 100 itself.",
          "If the 100 is the last thing you see, follow the INVITE downstream: capture on the next hop and find what it forwarded and what answered (often a 408 after Timer B or Timer C).",
          "If the caller keeps retransmitting the INVITE after a 100 was sent, the 100 does not reach it: check the Via sent-by, received and rport values and the NAT or firewall on the way back.",
        ],
      },
      vi: {
        description:
          "Chặng kế tiếp đã nhận yêu cầu và đang xử lý. 100 chỉ có ý nghĩa theo từng chặng: proxy kế tiếp hoặc UAS tự sinh ra và không ai chuyển tiếp nó. Với INVITE qua UDP, nó làm bên gọi ngừng truyền lại (RFC 3261 §17.1.1.2).",
        whenYouSeeIt: [
          "Ngay sau hầu hết mọi INVITE: server transaction gửi nó trừ khi TU trả lời trong vòng 200 ms (RFC 3261 §17.2.1).",
          "Là bản tin cuối cùng của một cuộc gọi thất bại: chặng kế tiếp đã nhận INVITE nhưng không liên lạc được phía sau (thuê bao chưa đăng ký, tra cứu định tuyến hoặc DNS bị treo, thiết bị phía sau không phản hồi).",
          "Mỗi chặng một bản khi bạn bắt gói trên nhiều đoạn mạng cùng lúc.",
        ],
        howToFix: [
          "Bản thân mã 100 không cần sửa gì.",
          "Nếu 100 là thứ cuối cùng bạn thấy, hãy lần theo INVITE về phía sau: bắt gói ở chặng kế tiếp, xem nó đã chuyển tiếp gì và ai đã trả lời (thường là 408 sau khi Timer B hoặc Timer C hết hạn).",
          "Nếu bên gọi vẫn truyền lại INVITE dù 100 đã được gửi, tức là 100 không về tới nơi: kiểm tra giá trị sent-by, received, rport trong Via và NAT hoặc tường lửa trên đường về.",
        ],
      },
      zh: {
        description:
          "下一跳已收到请求并正在处理。100 只在逐跳范围内有效：由下一跳代理或 UAS 生成，不会被转发。对于经 UDP 发送的 INVITE，它让主叫停止重传（RFC 3261 §17.1.1.2）。",
        whenYouSeeIt: [
          "几乎每个 INVITE 之后立即出现：除非 TU 在 200 ms 内给出响应，服务器事务都会发送它（RFC 3261 §17.2.1）。",
          "作为呼叫失败时的最后一条消息：下一跳接受了 INVITE，但联系不到下游（被叫未注册、路由或 DNS 查询卡住、下游对端无响应）。",
          "在多个链路上同时抓包时，每一跳各出现一次。",
        ],
        howToFix: [
          "100 本身无需处理。",
          "如果 100 是最后一条消息，请沿 INVITE 向下游追踪：在下一跳抓包，查看它转发了什么、谁作了应答（通常是 Timer B 或 Timer C 超时后的 408）。",
          "如果已发送 100 而主叫仍在重传 INVITE，说明 100 没有送达：检查 Via 中的 sent-by、received、rport 以及回程路径上的 NAT 或防火墙。",
        ],
      },
    },
  },
  {
    code: 180,
    reason: "Ringing",
    ref: rfc(3261, "21.1.2"),
    texts: {
      en: {
        description:
          "The callee's user agent has the INVITE and is alerting the user. With a To tag it creates an early dialog; it may carry SDP for early media, but most phones send it without a body and let the caller play local ringback.",
        whenYouSeeIt: [
          "Normal call setup: the phone is ringing.",
          "Several 180s with different To tags: the call forked and each device rings in its own early dialog.",
          "A 180 and then silence at the caller: the caller waits for early media that never comes, or a 180 with SDP stopped its local ringback.",
        ],
        howToFix: [
          "Nothing to fix when the call is then answered or declined.",
          "No ringback tone: decide who plays it. Either the caller generates it on a 180 without SDP, or the network sends early media in a 183 with SDP; make the PBX or SBC consistent.",
          "Ringing that ends in 408, 480 or 487: nobody answered; check no-answer timers (Timer C on proxies, forward-on-no-answer rules, the caller's own give-up timer).",
        ],
      },
      vi: {
        description:
          "User agent của bên bị gọi đã nhận INVITE và đang đổ chuông cho người dùng. Nếu có To tag, nó tạo ra một early dialog; nó có thể mang SDP cho early media, nhưng phần lớn điện thoại gửi nó không có nội dung và để bên gọi tự phát hồi âm chuông.",
        whenYouSeeIt: [
          "Thiết lập cuộc gọi bình thường: máy đang đổ chuông.",
          "Nhiều bản 180 với To tag khác nhau: cuộc gọi được rẽ nhánh (forking) và mỗi thiết bị đổ chuông trong early dialog riêng.",
          "Có 180 rồi bên gọi không nghe gì: bên gọi chờ early media không bao giờ tới, hoặc 180 có SDP đã làm nó tắt hồi âm chuông nội bộ.",
        ],
        howToFix: [
          "Không cần sửa gì nếu sau đó cuộc gọi được trả lời hoặc bị từ chối.",
          "Không có hồi âm chuông: xác định ai phát nó. Hoặc bên gọi tự tạo khi nhận 180 không có SDP, hoặc mạng gửi early media trong 183 có SDP; hãy cấu hình PBX hoặc SBC cho nhất quán.",
          "Đổ chuông rồi kết thúc bằng 408, 480 hoặc 487: không ai nhấc máy; kiểm tra các bộ định thời không trả lời (Timer C trên proxy, quy tắc chuyển tiếp khi không trả lời, bộ định thời bỏ cuộc của bên gọi).",
        ],
      },
      zh: {
        description:
          "被叫的用户代理已收到 INVITE，正在向用户振铃。带 To tag 时会建立早期对话（early dialog）；它可以携带 SDP 用于早期媒体，但大多数话机发送时不带消息体，由主叫自行播放本地回铃音。",
        whenYouSeeIt: [
          "正常呼叫建立：话机正在振铃。",
          "多个 To tag 不同的 180：呼叫被分叉，每个设备在各自的早期对话中振铃。",
          "收到 180 后主叫听不到声音：主叫在等待一直不来的早期媒体，或者带 SDP 的 180 使其停止了本地回铃音。",
        ],
        howToFix: [
          "如果之后呼叫被接听或拒绝，则无需处理。",
          "没有回铃音：先确定由谁播放。要么主叫在收到不带 SDP 的 180 时自己生成，要么网络在带 SDP 的 183 中发送早期媒体；让 PBX 或 SBC 的行为保持一致。",
          "振铃后以 408、480 或 487 结束：无人接听；检查无应答定时器（代理上的 Timer C、无应答前转规则、主叫自身的放弃定时器）。",
        ],
      },
    },
  },
  {
    code: 181,
    reason: "Call Is Being Forwarded",
    ref: rfc(3261, "21.1.3"),
    texts: {
      en: {
        description:
          "A server tells the caller that the call is being forwarded to a different set of destinations. It is informational: the transaction continues.",
        whenYouSeeIt: [
          "Call forwarding (unconditional, on busy, on no answer) applied by a PBX, feature server or carrier.",
          "Usually together with Diversion or History-Info headers on the forwarded INVITE.",
        ],
        howToFix: [
          "Nothing to fix in the 181 itself.",
          "If the call then fails, the failure belongs to the forwarded leg: read the Diversion or History-Info target and find the response the forward destination gave.",
          "Unexpected forwarding: check the callee's forwarding settings on the PBX or in the carrier portal.",
        ],
      },
      vi: {
        description:
          "Máy chủ báo cho bên gọi rằng cuộc gọi đang được chuyển tiếp tới một nhóm đích khác. Đây chỉ là thông tin: transaction vẫn tiếp tục.",
        whenYouSeeIt: [
          "Chuyển tiếp cuộc gọi (vô điều kiện, khi bận, khi không trả lời) do PBX, máy chủ dịch vụ hoặc nhà mạng thực hiện.",
          "Thường đi kèm header Diversion hoặc History-Info trên INVITE đã được chuyển tiếp.",
        ],
        howToFix: [
          "Bản thân 181 không cần sửa gì.",
          "Nếu sau đó cuộc gọi thất bại, lỗi thuộc về chặng đã chuyển tiếp: đọc đích trong Diversion hoặc History-Info và tìm phản hồi mà đích chuyển tiếp đã trả về.",
          "Chuyển tiếp ngoài ý muốn: kiểm tra cài đặt chuyển tiếp của thuê bao bị gọi trên PBX hoặc trên cổng quản lý của nhà mạng.",
        ],
      },
      zh: {
        description: "服务器告知主叫：呼叫正被前转到另一组目的地。这只是通知，事务会继续进行。",
        whenYouSeeIt: [
          "PBX、业务服务器或运营商执行的呼叫前转（无条件、遇忙、无应答）。",
          "通常伴随前转后 INVITE 中的 Diversion 或 History-Info 头字段。",
        ],
        howToFix: [
          "181 本身无需处理。",
          "如果随后呼叫失败，问题在前转后的那一段：查看 Diversion 或 History-Info 中的目标，并找到前转目的地返回的响应。",
          "意外的前转：检查被叫在 PBX 或运营商门户中的前转设置。",
        ],
      },
    },
  },
  {
    code: 182,
    reason: "Queued",
    ref: rfc(3261, "21.1.4"),
    texts: {
      en: {
        description:
          "The callee is temporarily unavailable, but the server queued the call instead of rejecting it. The reason phrase may carry details such as the queue position or expected wait; a server may send several 182s as the queue moves.",
        whenYouSeeIt: [
          "Call-centre (ACD) queues, hunt groups and operator consoles.",
          "Some PBXs while waiting for a free agent or line.",
        ],
        howToFix: [
          "Nothing to fix in the 182 itself.",
          "If queued calls end in 408 or 487, something gave up before the queue answered: compare the queue timeout with Timer C on proxies and the caller's no-answer timer.",
        ],
      },
      vi: {
        description:
          "Bên bị gọi tạm thời không sẵn sàng, nhưng máy chủ đã đưa cuộc gọi vào hàng đợi thay vì từ chối. Reason phrase có thể cho biết vị trí trong hàng đợi hoặc thời gian chờ dự kiến; máy chủ có thể gửi nhiều bản 182 khi hàng đợi dịch chuyển.",
        whenYouSeeIt: [
          "Hàng đợi tổng đài chăm sóc khách hàng (ACD), nhóm đổ chuông và bàn điện thoại viên.",
          "Một số PBX trong lúc chờ nhân viên hoặc đường dây rảnh.",
        ],
        howToFix: [
          "Bản thân 182 không cần sửa gì.",
          "Nếu cuộc gọi trong hàng đợi kết thúc bằng 408 hoặc 487, đã có thành phần bỏ cuộc trước khi hàng đợi trả lời: so sánh thời gian chờ tối đa của hàng đợi với Timer C trên proxy và bộ định thời không trả lời của bên gọi.",
        ],
      },
      zh: {
        description:
          "被叫暂时不可用，但服务器将呼叫放入队列而没有拒绝。原因短语可能包含排队位置或预计等待时间；随着队列推进，服务器可能发送多个 182。",
        whenYouSeeIt: ["呼叫中心（ACD）队列、寻线组和话务台。", "部分 PBX 在等待空闲座席或线路时发送。"],
        howToFix: [
          "182 本身无需处理。",
          "如果排队的呼叫以 408 或 487 结束，说明有一方在队列应答前放弃了：将队列超时与代理上的 Timer C 以及主叫的无应答定时器进行比较。",
        ],
      },
    },
  },
  {
    code: 183,
    reason: "Session Progress",
    ref: rfc(3261, "21.1.5"),
    seeAlso: [rfc(3262), rfc(3312)],
    texts: {
      en: {
        description:
          "Call progress that fits no other 1xx. In practice it carries SDP for early media (network ringback, announcements) and, when 100rel is in use (RFC 3262), it is sent reliably with RSeq and must be acknowledged with PRACK.",
        whenYouSeeIt: [
          "PSTN gateways and carriers playing ringback or an announcement before the call is answered.",
          "Precondition (QoS) negotiation in IMS or VoLTE (RFC 3312) and 100rel offer/answer exchanges.",
          "One-way or no audio before answer: the early media in the 183 points to an address the caller cannot reach.",
        ],
        howToFix: [
          "Nothing to fix in the 183 itself.",
          "No early media heard: read the SDP of the 183 (c= address, m= port, codecs) and check that RTP actually arrives; look for a private address behind NAT or an SBC that does not anchor media before answer.",
          "If the 183 has Require: 100rel, the caller must send PRACK; without it the UAS retransmits the 183 and eventually fails the INVITE with a 5xx.",
        ],
      },
      vi: {
        description:
          "Tiến trình cuộc gọi không thuộc loại 1xx nào khác. Trong thực tế nó mang SDP cho early media (hồi âm chuông của mạng, thông báo) và khi dùng 100rel (RFC 3262) nó được gửi tin cậy với RSeq và phải được xác nhận bằng PRACK.",
        whenYouSeeIt: [
          "Gateway PSTN và nhà mạng phát hồi âm chuông hoặc thông báo trước khi cuộc gọi được trả lời.",
          "Đàm phán điều kiện tiên quyết (QoS) trong IMS hoặc VoLTE (RFC 3312) và trao đổi offer/answer với 100rel.",
          "Âm thanh một chiều hoặc không có tiếng trước khi trả lời: early media trong 183 trỏ tới địa chỉ mà bên gọi không tới được.",
        ],
        howToFix: [
          "Bản thân 183 không cần sửa gì.",
          "Không nghe được early media: đọc SDP của 183 (địa chỉ c=, cổng m=, codec) và kiểm tra RTP có thực sự tới không; tìm địa chỉ riêng sau NAT hoặc SBC không neo media trước khi trả lời.",
          "Nếu 183 có Require: 100rel thì bên gọi phải gửi PRACK; nếu không, UAS sẽ truyền lại 183 và cuối cùng từ chối INVITE bằng một mã 5xx.",
        ],
      },
      zh: {
        description:
          "不属于其他 1xx 的呼叫进展信息。实际中它携带用于早期媒体（网络回铃音、提示音）的 SDP；使用 100rel（RFC 3262）时以 RSeq 可靠发送，必须用 PRACK 确认。",
        whenYouSeeIt: [
          "PSTN 网关和运营商在应答前播放回铃音或提示音。",
          "IMS 或 VoLTE 中的前提条件（QoS）协商（RFC 3312）以及 100rel 的 offer/answer 交换。",
          "应答前单通或无声：183 中的早期媒体指向主叫无法到达的地址。",
        ],
        howToFix: [
          "183 本身无需处理。",
          "听不到早期媒体：查看 183 的 SDP（c= 地址、m= 端口、编解码器），确认 RTP 是否真的到达；排查 NAT 后的私网地址，或应答前不锚定媒体的 SBC。",
          "如果 183 带有 Require: 100rel，主叫必须发送 PRACK；否则 UAS 会重传 183，最终以 5xx 拒绝该 INVITE。",
        ],
      },
    },
  },
  {
    code: 199,
    reason: "Early Dialog Terminated",
    ref: rfc(6228),
    texts: {
      en: {
        description:
          "A forking proxy or a UAS tells the caller that one early dialog has ended before the final response, so the caller can release what it reserved for that dialog (early media, resources). It is only sent to callers that indicated support for it (Supported: 199).",
        whenYouSeeIt: [
          "Forked calls in IMS or VoLTE networks: one branch failed or was cancelled while other branches keep ringing.",
          "A UAS that ends one of its own early dialogs, for example after a failed precondition on that branch.",
        ],
        howToFix: [
          "Nothing to fix: it is a courtesy to the caller.",
          "If early media from a dead branch keeps playing, check that the caller advertises Supported: 199 and stops that early dialog's media when the 199 arrives.",
        ],
      },
      vi: {
        description:
          "Proxy rẽ nhánh hoặc UAS báo cho bên gọi rằng một early dialog đã kết thúc trước khi có phản hồi cuối cùng, để bên gọi giải phóng những gì đã dành cho dialog đó (early media, tài nguyên). Nó chỉ được gửi tới bên gọi đã cho biết có hỗ trợ (Supported: 199).",
        whenYouSeeIt: [
          "Cuộc gọi rẽ nhánh trong mạng IMS hoặc VoLTE: một nhánh thất bại hoặc bị huỷ trong khi các nhánh khác vẫn đổ chuông.",
          "UAS tự kết thúc một early dialog của chính nó, ví dụ sau khi điều kiện tiên quyết trên nhánh đó không đạt.",
        ],
        howToFix: [
          "Không cần sửa gì: đây là thông báo giúp bên gọi.",
          "Nếu early media từ nhánh đã chết vẫn tiếp tục phát, kiểm tra bên gọi có khai báo Supported: 199 và có dừng media của early dialog đó khi nhận 199 hay không.",
        ],
      },
      zh: {
        description:
          "分叉代理或 UAS 告知主叫：在最终响应之前某个早期对话已经结束，主叫可以释放为该对话预留的内容（早期媒体、资源）。只有声明支持（Supported: 199）的主叫才会收到它。",
        whenYouSeeIt: [
          "IMS 或 VoLTE 网络中的分叉呼叫：一个分支失败或被取消，其他分支仍在振铃。",
          "UAS 结束自己的某个早期对话，例如该分支的前提条件未满足。",
        ],
        howToFix: [
          "无需处理：这是对主叫的提示。",
          "如果已结束分支的早期媒体仍在播放，检查主叫是否声明了 Supported: 199，并在收到 199 时停止该早期对话的媒体。",
        ],
      },
    },
  },
];
