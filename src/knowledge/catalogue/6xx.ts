/** 6xx Global Failure responses (RFC 3261 §21.6, RFC 8197, RFC 8688). */
import type { CodeData } from "../types.js";
import { rfc } from "./ref.js";

export const CODES_6XX: readonly CodeData[] = [
  {
    code: 600,
    reason: "Busy Everywhere",
    ref: rfc(3261, "21.6.1"),
    texts: {
      en: {
        description:
          "The callee's end system was contacted but the callee is busy and does not wish to take the call now; unlike 486, the server knows no other location will answer, so a forking proxy stops trying the other branches.",
        whenYouSeeIt: [
          "Do-not-disturb or busy settings applied at the user level by a PBX or hosted service.",
          "Carriers mapping ISDN cause 17 (user busy) to 600 instead of 486.",
        ],
        howToFix: [
          "Nothing is broken: the user is busy. Try again later (Retry-After may say when).",
          "If you expected other devices to ring, check why a busy indication on one device was sent as 600 (global) instead of 486: it cancels the other forks.",
        ],
      },
      vi: {
        description:
          "Đã liên lạc được hệ thống của bên bị gọi nhưng người đó đang bận và không muốn nhận cuộc gọi lúc này; khác với 486, máy chủ biết không vị trí nào khác sẽ trả lời, nên proxy rẽ nhánh ngừng thử các nhánh còn lại.",
        whenYouSeeIt: [
          "Chế độ không làm phiền hoặc cài đặt bận áp dụng cho người dùng trên PBX hoặc dịch vụ lưu trữ.",
          "Nhà mạng chuyển mã nguyên nhân ISDN 17 (thuê bao bận) thành 600 thay vì 486.",
        ],
        howToFix: [
          "Không có gì hỏng: người dùng đang bận. Hãy gọi lại sau (Retry-After có thể cho biết khi nào).",
          "Nếu bạn muốn các thiết bị khác đổ chuông, kiểm tra vì sao trạng thái bận của một thiết bị lại được gửi là 600 (toàn cục) thay vì 486: nó huỷ các nhánh còn lại.",
        ],
      },
      zh: {
        description:
          "已联系到被叫的终端系统，但被叫正忙且现在不想接听；与 486 不同，服务器知道其他位置也不会接听，因此分叉代理会停止尝试其他分支。",
        whenYouSeeIt: ["PBX 或托管服务在用户级别启用的免打扰或忙设置。", "运营商将 ISDN 原因值 17（用户忙）映射为 600 而不是 486。"],
        howToFix: [
          "没有故障：用户正忙。稍后再试（Retry-After 可能给出时间）。",
          "如果你期望其他设备振铃，检查为何某一设备的忙状态以 600（全局）而非 486 发送：它会取消其他分叉。",
        ],
      },
    },
  },
  {
    code: 603,
    reason: "Decline",
    ref: rfc(3261, "21.6.2"),
    texts: {
      en: {
        description:
          "The callee's machine was contacted, but the user explicitly does not wish to take part (intermediaries should use 608 Rejected, RFC 8688, or 607 for unwanted calls, rather than 603). As a 6xx it stops forking: no other location is tried.",
        whenYouSeeIt: [
          "The user pressed Reject or Decline on the phone.",
          "Call screening, blacklists and anonymous-call rejection on a PBX or carrier.",
          "Some SBCs and carriers answer 603 for policy rejections (barred destination, fraud checks).",
        ],
        howToFix: [
          "If a person declined, nothing is broken.",
          "If no one touched the phone, look for the policy that fired: PBX call-screening rules, carrier barring, fraud or spam filters; the Reason header may name the cause.",
        ],
      },
      vi: {
        description:
          "Đã liên lạc được máy của bên bị gọi, nhưng người dùng chủ động không muốn tham gia (thiết bị trung gian nên dùng 608 Rejected, RFC 8688, hoặc 607 cho cuộc gọi không mong muốn, thay vì 603). Là mã 6xx nên nó dừng rẽ nhánh: không thử vị trí nào khác nữa.",
        whenYouSeeIt: [
          "Người dùng bấm Từ chối trên điện thoại.",
          "Sàng lọc cuộc gọi, danh sách đen và từ chối cuộc gọi ẩn danh trên PBX hoặc nhà mạng.",
          "Một số SBC và nhà mạng trả 603 khi từ chối theo chính sách (đích bị chặn, kiểm tra gian lận).",
        ],
        howToFix: [
          "Nếu là người dùng từ chối thì không có gì hỏng.",
          "Nếu không ai chạm vào điện thoại, hãy tìm chính sách đã kích hoạt: quy tắc sàng lọc trên PBX, chặn của nhà mạng, bộ lọc gian lận hoặc rác; header Reason có thể nêu nguyên nhân.",
        ],
      },
      zh: {
        description:
          "已联系到被叫的设备，但用户明确不愿参与（中间设备应使用 608 Rejected，RFC 8688，或对骚扰呼叫使用 607，而不是 603）。作为 6xx，它会终止分叉：不再尝试其他位置。",
        whenYouSeeIt: [
          "用户在话机上按了拒接。",
          "PBX 或运营商的来电筛选、黑名单和匿名来电拒绝。",
          "部分 SBC 和运营商在策略拒绝（被限制的目的地、防欺诈检查）时回 603。",
        ],
        howToFix: [
          "如果是人为拒接，则没有故障。",
          "如果无人操作话机，查找触发的策略：PBX 来电筛选规则、运营商限制、防欺诈或防骚扰过滤；Reason 头字段可能给出原因。",
        ],
      },
    },
  },
  {
    code: 604,
    reason: "Does Not Exist Anywhere",
    ref: rfc(3261, "21.6.3"),
    texts: {
      en: {
        description:
          "The server has authoritative information that the user in the Request-URI does not exist anywhere. Unlike 404, it also tells forking proxies and the caller not to look elsewhere.",
        whenYouSeeIt: [
          "Dialling a number that is unassigned or disconnected at the carrier (some carriers map ISDN cause 1 to 604 instead of the RFC 3398 404).",
          "Typos in the user part, or a number in the wrong format for that trunk (missing country code or prefix).",
        ],
        howToFix: [
          "Check the dialled number and its format in the Request-URI (E.164 with +, national format, prefixes) against what the carrier expects.",
          "If the number is valid, ask the carrier to check its routing or number-portability data for it.",
        ],
      },
      vi: {
        description:
          "Máy chủ có thông tin chắc chắn rằng người dùng trong Request-URI không tồn tại ở bất cứ đâu. Khác với 404, nó còn báo cho proxy rẽ nhánh và bên gọi đừng tìm ở nơi khác.",
        whenYouSeeIt: [
          "Gọi tới số chưa cấp hoặc đã huỷ tại nhà mạng (một số nhà mạng chuyển mã nguyên nhân ISDN 1 thành 604 thay vì 404 theo RFC 3398).",
          "Gõ sai phần user, hoặc số sai định dạng đối với trung kế đó (thiếu mã quốc gia hoặc tiền tố).",
        ],
        howToFix: [
          "Kiểm tra số đã quay và định dạng của nó trong Request-URI (E.164 có dấu +, định dạng quốc gia, tiền tố) so với yêu cầu của nhà mạng.",
          "Nếu số đúng, đề nghị nhà mạng kiểm tra dữ liệu định tuyến hoặc chuyển mạng giữ số của số đó.",
        ],
      },
      zh: {
        description: "服务器拥有权威信息，确认 Request-URI 中的用户在任何地方都不存在。与 404 不同，它还告诉分叉代理和主叫不要再去别处查找。",
        whenYouSeeIt: [
          "拨打在运营商处未分配或已停机的号码（部分运营商把 ISDN 原因值 1 映射为 604，而不是 RFC 3398 规定的 404）。",
          "用户部分输入错误，或号码格式不符合该中继的要求（缺少国家码或前缀）。",
        ],
        howToFix: [
          "对照运营商的要求检查 Request-URI 中所拨号码及其格式（带 + 的 E.164、国内格式、前缀）。",
          "如果号码有效，请运营商检查该号码的路由或携号转网数据。",
        ],
      },
    },
  },
  {
    code: 606,
    reason: "Not Acceptable",
    ref: rfc(3261, "21.6.4"),
    texts: {
      en: {
        description:
          "The callee's agent was contacted, but some aspect of the session description (media type, bandwidth, addressing) is not acceptable anywhere. A Warning header should say why; unlike 488 it stops forking.",
        whenYouSeeIt: [
          "Codec mismatch where the callee side is certain no device can do better: for example an audio-only gateway offered only video, or no common codec at all.",
          "Encryption mismatch: SRTP required on one side and plain RTP offered (or the reverse).",
        ],
        howToFix: [
          "Read the Warning header (for example 304 Media type not available, 305 Incompatible media format) and compare the offer's m= lines and codecs with what the callee supports.",
          "Add a common codec (PCMU/PCMA are the safest), align the SRTP policy, or insert a transcoding SBC.",
        ],
      },
      vi: {
        description:
          "Đã liên lạc được agent của bên bị gọi, nhưng một khía cạnh của mô tả phiên (loại media, băng thông, địa chỉ) không thể chấp nhận ở bất cứ đâu. Header Warning nên cho biết lý do; khác với 488, nó dừng rẽ nhánh.",
        whenYouSeeIt: [
          "Không khớp codec khi phía bị gọi chắc chắn không thiết bị nào làm tốt hơn: ví dụ gateway chỉ có thoại nhận được offer chỉ có video, hoặc hoàn toàn không có codec chung.",
          "Không khớp mã hoá: một bên bắt buộc SRTP còn offer là RTP thường (hoặc ngược lại).",
        ],
        howToFix: [
          "Đọc header Warning (ví dụ 304 Media type not available, 305 Incompatible media format) và so sánh các dòng m= và codec của offer với khả năng của bên bị gọi.",
          "Thêm một codec chung (PCMU/PCMA là an toàn nhất), thống nhất chính sách SRTP, hoặc đặt một SBC chuyển mã ở giữa.",
        ],
      },
      zh: {
        description:
          "已联系到被叫的代理，但会话描述的某些方面（媒体类型、带宽、地址）在任何地方都不可接受。Warning 头字段应说明原因；与 488 不同，它会终止分叉。",
        whenYouSeeIt: [
          "编解码器不匹配，且被叫侧确定没有设备能做得更好：例如纯语音网关收到只有视频的 offer，或完全没有共同的编解码器。",
          "加密不匹配：一方要求 SRTP，而 offer 是普通 RTP（或反之）。",
        ],
        howToFix: [
          "阅读 Warning 头字段（如 304 Media type not available、305 Incompatible media format），将 offer 的 m= 行和编解码器与被叫支持的能力对比。",
          "添加一个共同的编解码器（PCMU/PCMA 最稳妥），统一 SRTP 策略，或在中间加入可转码的 SBC。",
        ],
      },
    },
  },
  {
    code: 607,
    reason: "Unwanted",
    ref: rfc(8197),
    texts: {
      en: {
        description:
          "The called party does not want this call and marks it as unwanted (spam or robocall), so that call-analytics systems can learn from it (RFC 8197). It stops forking, like other 6xx codes.",
        whenYouSeeIt: [
          "A user pressed a 'block' or 'report spam' button on a phone or app that supports 607.",
          "Carrier anti-spam platforms that collect 607s to score calling numbers.",
        ],
        howToFix: [
          "If you are the caller and legitimate, your number is being reported as unwanted: check STIR/SHAKEN attestation and caller-ID presentation, and contact the terminating carrier.",
          "If you operate the network, feed 607 reports to your analytics and do not retry the call elsewhere.",
        ],
      },
      vi: {
        description:
          "Bên bị gọi không muốn cuộc gọi này và đánh dấu nó là không mong muốn (rác hoặc gọi tự động), để các hệ thống phân tích cuộc gọi học từ đó (RFC 8197). Giống các mã 6xx khác, nó dừng rẽ nhánh.",
        whenYouSeeIt: [
          "Người dùng bấm nút 'chặn' hoặc 'báo rác' trên điện thoại hoặc ứng dụng hỗ trợ 607.",
          "Nền tảng chống rác của nhà mạng thu thập các 607 để chấm điểm số gọi đến.",
        ],
        howToFix: [
          "Nếu bạn là bên gọi hợp pháp, số của bạn đang bị báo là không mong muốn: kiểm tra mức xác thực STIR/SHAKEN và cách hiển thị số gọi, rồi liên hệ nhà mạng phía bị gọi.",
          "Nếu bạn vận hành mạng, hãy đưa các báo cáo 607 vào hệ thống phân tích và không thử lại cuộc gọi ở nơi khác.",
        ],
      },
      zh: {
        description: "被叫不想接这个呼叫，并将其标记为不受欢迎（骚扰或自动外呼），以便呼叫分析系统从中学习（RFC 8197）。与其他 6xx 一样，它会终止分叉。",
        whenYouSeeIt: ["用户在支持 607 的话机或应用上按了“拦截”或“举报骚扰”。", "运营商的反骚扰平台收集 607 来为主叫号码评分。"],
        howToFix: [
          "如果你是正当的主叫，你的号码正被举报为骚扰：检查 STIR/SHAKEN 认证级别和主叫号码显示，并联系被叫侧运营商。",
          "如果你在运营网络，将 607 报告输入分析系统，不要在其他地方重试该呼叫。",
        ],
      },
    },
  },
  {
    code: 608,
    reason: "Rejected",
    ref: rfc(8688),
    texts: {
      en: {
        description:
          "An intermediary (typically a call-analytics or anti-fraud engine in the network, not the user) rejected the call. RFC 8688 lets it include a Call-Info header with a jCard so a wrongly blocked caller knows whom to contact.",
        whenYouSeeIt: [
          "Carrier robocall and fraud filters blocking a call before it reaches the callee.",
          "Enterprise SBC policies that reject calls based on reputation or caller-ID checks.",
        ],
        howToFix: [
          "Read the Call-Info (purpose=jwscard) contact in the 608 and use it to dispute the block if the call was legitimate.",
          "Check your caller-ID and attestation: missing or failed STIR/SHAKEN (Identity header) and odd calling patterns are common triggers.",
        ],
      },
      vi: {
        description:
          "Một thành phần trung gian (thường là bộ phân tích cuộc gọi hoặc chống gian lận trong mạng, không phải người dùng) đã từ chối cuộc gọi. RFC 8688 cho phép nó kèm header Call-Info chứa jCard để bên gọi bị chặn nhầm biết liên hệ với ai.",
        whenYouSeeIt: [
          "Bộ lọc cuộc gọi tự động và gian lận của nhà mạng chặn cuộc gọi trước khi tới bên bị gọi.",
          "Chính sách SBC doanh nghiệp từ chối cuộc gọi dựa trên uy tín hoặc kiểm tra số gọi.",
        ],
        howToFix: [
          "Đọc thông tin liên hệ trong Call-Info (purpose=jwscard) của 608 và dùng nó để khiếu nại nếu cuộc gọi là hợp pháp.",
          "Kiểm tra số gọi và mức xác thực: thiếu hoặc hỏng STIR/SHAKEN (header Identity) và kiểu gọi bất thường là nguyên nhân thường gặp.",
        ],
      },
      zh: {
        description:
          "某个中间实体（通常是网络中的呼叫分析或反欺诈引擎，而不是用户）拒绝了该呼叫。RFC 8688 允许其附带含 jCard 的 Call-Info 头字段，让被误拦的主叫知道应联系谁。",
        whenYouSeeIt: ["运营商的自动外呼和欺诈过滤器在呼叫到达被叫前将其拦截。", "企业 SBC 根据信誉或主叫号码检查拒绝呼叫的策略。"],
        howToFix: [
          "查看 608 中 Call-Info（purpose=jwscard）给出的联系方式，如果呼叫是正当的，用它申诉拦截。",
          "检查主叫号码和认证：缺失或失败的 STIR/SHAKEN（Identity 头字段）以及异常呼叫模式是常见诱因。",
        ],
      },
    },
  },
];
