/** 4xx Client Failure responses defined by RFC 3261 §21.4, 420 to 493. */
import type { CodeData } from "../types.js";
import { rfc } from "./ref.js";

export const CODES_4XX_RFC3261_B: readonly CodeData[] = [
  {
    code: 420,
    reason: "Bad Extension",
    ref: rfc(3261, "21.4.15"),
    texts: {
      en: {
        description:
          "The server did not understand a protocol extension listed in the Proxy-Require or Require header. The response lists the unknown option tags in Unsupported.",
        whenYouSeeIt: [
          "Require: 100rel, timer, replaces or precondition sent to a peer that does not implement the extension.",
          "Proxy-Require with an option tag the proxy does not know.",
        ],
        howToFix: [
          "Read the Unsupported header in the 420 and stop requiring that extension towards this peer: put it in Supported instead of Require.",
          "If the extension is essential (for example replaces for attended transfer), use a peer or SBC that implements it.",
        ],
      },
      vi: {
        description:
          "Máy chủ không hiểu một phần mở rộng giao thức được liệt kê trong header Proxy-Require hoặc Require. Phản hồi liệt kê các option tag không biết trong Unsupported.",
        whenYouSeeIt: [
          "Gửi Require: 100rel, timer, replaces hoặc precondition tới đối tác không cài đặt phần mở rộng đó.",
          "Proxy-Require có option tag mà proxy không biết.",
        ],
        howToFix: [
          "Đọc header Unsupported trong 420 và thôi yêu cầu phần mở rộng đó với đối tác này: đưa nó vào Supported thay vì Require.",
          "Nếu phần mở rộng là thiết yếu (ví dụ replaces cho chuyển cuộc gọi có hỏi ý kiến), hãy dùng đối tác hoặc SBC có cài đặt nó.",
        ],
      },
      zh: {
        description: "服务器不理解 Proxy-Require 或 Require 头字段中列出的协议扩展。响应在 Unsupported 中列出不认识的选项标签。",
        whenYouSeeIt: ["向未实现相应扩展的对端发送 Require: 100rel、timer、replaces 或 precondition。", "Proxy-Require 中带有代理不认识的选项标签。"],
        howToFix: [
          "阅读 420 中的 Unsupported 头字段，不再对此对端强制要求该扩展：将其放入 Supported 而不是 Require。",
          "如果该扩展必不可少（例如咨询转接需要的 replaces），改用实现了它的对端或 SBC。",
        ],
      },
    },
  },
  {
    code: 421,
    reason: "Extension Required",
    ref: rfc(3261, "21.4.16"),
    texts: {
      en: {
        description: "The UAS needs a particular extension to process the request, but it is not listed in the request's Supported header. The response names it in Require.",
        whenYouSeeIt: ["Servers that insist on 100rel (reliable provisional responses), timer or precondition from callers that do not advertise them.", "IMS networks requiring sec-agree or precondition from non-IMS clients."],
        howToFix: ["Enable the extension named in the Require header of the 421 on the client (for example 100rel/PRACK support).", "If the client cannot support it, relax the requirement on the server or put an SBC in between that implements it."],
      },
      vi: {
        description: "UAS cần một phần mở rộng cụ thể để xử lý yêu cầu, nhưng nó không có trong header Supported của yêu cầu. Phản hồi nêu tên nó trong Require.",
        whenYouSeeIt: ["Máy chủ bắt buộc 100rel (phản hồi tạm thời tin cậy), timer hoặc precondition từ bên gọi không khai báo chúng.", "Mạng IMS yêu cầu sec-agree hoặc precondition từ client không phải IMS."],
        howToFix: ["Bật phần mở rộng được nêu trong header Require của 421 trên client (ví dụ hỗ trợ 100rel/PRACK).", "Nếu client không hỗ trợ được, nới lỏng yêu cầu trên máy chủ hoặc đặt một SBC có cài đặt nó ở giữa."],
      },
      zh: {
        description: "UAS 需要某个扩展才能处理该请求，但请求的 Supported 头字段中没有列出它。响应在 Require 中给出其名称。",
        whenYouSeeIt: ["服务器强制要求主叫支持 100rel（可靠临时响应）、timer 或 precondition，而主叫并未声明。", "IMS 网络要求非 IMS 客户端支持 sec-agree 或 precondition。"],
        howToFix: ["在客户端启用 421 的 Require 头字段中指出的扩展（例如支持 100rel/PRACK）。", "如果客户端无法支持，放宽服务器的要求，或在中间加入实现了该扩展的 SBC。"],
      },
    },
  },
  {
    code: 423,
    reason: "Interval Too Brief",
    ref: rfc(3261, "21.4.17"),
    texts: {
      en: {
        description:
          "The expiration time asked for (Expires in REGISTER or SUBSCRIBE) is shorter than the server accepts. The response carries Min-Expires with the smallest value allowed.",
        whenYouSeeIt: [
          "Phones configured with a very short registration interval (for example 30 s to keep NAT open) towards a registrar whose minimum is 60 s or more.",
          "SUBSCRIBE refreshes with a tiny Expires.",
        ],
        howToFix: [
          "Retry with Expires at least the Min-Expires value; well-behaved clients do this automatically.",
          "If the short interval was meant to keep a NAT binding open, use keepalives (CRLF, OPTIONS or RFC 5626 outbound) instead of fast re-registration.",
        ],
      },
      vi: {
        description:
          "Thời gian hết hạn được yêu cầu (Expires trong REGISTER hoặc SUBSCRIBE) ngắn hơn mức máy chủ chấp nhận. Phản hồi mang Min-Expires với giá trị nhỏ nhất được phép.",
        whenYouSeeIt: [
          "Điện thoại cấu hình chu kỳ đăng ký rất ngắn (ví dụ 30 s để giữ NAT mở) tới registrar có mức tối thiểu từ 60 s trở lên.",
          "Gia hạn SUBSCRIBE với Expires rất nhỏ.",
        ],
        howToFix: [
          "Gửi lại với Expires ít nhất bằng Min-Expires; client làm đúng sẽ tự động làm điều này.",
          "Nếu chu kỳ ngắn nhằm giữ binding NAT mở, hãy dùng gói giữ kết nối (CRLF, OPTIONS hoặc outbound theo RFC 5626) thay vì đăng ký lại liên tục.",
        ],
      },
      zh: {
        description: "请求的过期时间（REGISTER 或 SUBSCRIBE 中的 Expires）短于服务器可接受的值。响应携带 Min-Expires，给出允许的最小值。",
        whenYouSeeIt: ["话机配置了很短的注册间隔（例如为保持 NAT 打开而设为 30 s），而注册服务器的最小值为 60 s 或更长。", "SUBSCRIBE 刷新时 Expires 过小。"],
        howToFix: [
          "以不小于 Min-Expires 的 Expires 重试；实现规范的客户端会自动这样做。",
          "如果短间隔是为了保持 NAT 映射，改用保活（CRLF、OPTIONS 或 RFC 5626 outbound），而不是频繁重新注册。",
        ],
      },
    },
  },
  {
    code: 480,
    reason: "Temporarily Unavailable",
    ref: rfc(3261, "21.4.18"),
    texts: {
      en: {
        description:
          "The callee's end system was contacted (or the user is known) but the callee is currently unavailable: not logged in, do-not-disturb, or no device registered. Retry-After may say when to try again.",
        whenYouSeeIt: [
          "Calling a user with no active registration: the phone is off, lost its network, or its registration expired.",
          "Do-not-disturb, or a PBX or hunt group where no member is available.",
          "Carriers mapping ISDN causes 19 (no answer from user), 20 (subscriber absent) or 31 (normal, unspecified) to 480 (RFC 3398 §7.2.4.1); cause 18 maps to 408.",
        ],
        howToFix: [
          "Check the callee's registration on the registrar: a missing or expired binding explains most 480s.",
          "If the device is registered, check DND and presence settings, and that the registered Contact is still reachable (NAT binding, network change).",
          "Honour Retry-After, or route to voicemail on 480.",
        ],
      },
      vi: {
        description:
          "Đã liên lạc được hệ thống của bên bị gọi (hoặc người dùng được biết tới) nhưng hiện không sẵn sàng: chưa đăng nhập, đang bật chế độ không làm phiền, hoặc không có thiết bị nào đăng ký. Retry-After có thể cho biết khi nào thử lại.",
        whenYouSeeIt: [
          "Gọi tới người dùng không có đăng ký hiệu lực: máy tắt, mất mạng, hoặc đăng ký đã hết hạn.",
          "Chế độ không làm phiền, hoặc PBX hay nhóm đổ chuông không có thành viên nào sẵn sàng.",
          "Nhà mạng chuyển các mã nguyên nhân ISDN 19 (người dùng không trả lời), 20 (thuê bao vắng mặt) hoặc 31 (bình thường, không xác định) thành 480 (RFC 3398 §7.2.4.1); nguyên nhân 18 thì thành 408.",
        ],
        howToFix: [
          "Kiểm tra đăng ký của bên bị gọi trên registrar: thiếu binding hoặc binding đã hết hạn giải thích phần lớn các 480.",
          "Nếu thiết bị đã đăng ký, kiểm tra cài đặt không làm phiền và presence, và Contact đã đăng ký còn tới được không (binding NAT, đổi mạng).",
          "Tuân theo Retry-After, hoặc định tuyến sang hộp thư thoại khi gặp 480.",
        ],
      },
      zh: {
        description:
          "已联系到被叫的终端系统（或该用户是已知的），但被叫当前不可用：未登录、免打扰或没有已注册的设备。Retry-After 可以说明何时再试。",
        whenYouSeeIt: [
          "呼叫没有有效注册的用户：话机关机、断网或注册已过期。",
          "免打扰，或 PBX、寻线组中没有可用成员。",
          "运营商将 ISDN 原因值 19（用户无应答）、20（用户不在）或 31（正常，未指定）映射为 480（RFC 3398 §7.2.4.1）；原因值 18 映射为 408。",
        ],
        howToFix: [
          "在注册服务器上检查被叫的注册：缺少绑定或绑定已过期可以解释大多数 480。",
          "如果设备已注册，检查免打扰和在线状态设置，以及注册的 Contact 是否仍可达（NAT 映射、网络切换）。",
          "遵守 Retry-After，或在收到 480 时转到语音信箱。",
        ],
      },
    },
  },
  {
    code: 481,
    reason: "Call/Transaction Does Not Exist",
    ref: rfc(3261, "21.4.19"),
    texts: {
      en: {
        description:
          "The UAS received a request that does not match any dialog or transaction it knows: an in-dialog request (BYE, re-INVITE, NOTIFY, INFO) for a dialog it has already ended or never created, or a CANCEL for a transaction it does not have.",
        whenYouSeeIt: [
          "BYE or re-INVITE after the other side already ended the call (both hung up at once, or a session timer expired on one side).",
          "NOTIFY for a REFER or SUBSCRIBE subscription that the subscriber has already terminated.",
          "Headers changed by a B2BUA, SBC or SIP ALG so that Call-ID, From tag or To tag no longer match; or the request sent to a different server than the one holding the dialog (failover, load balancer without stickiness).",
        ],
        howToFix: [
          "Compare Call-ID, From tag and To tag of the failing request with the dialog-creating 2xx; any difference points to the element that rewrote them.",
          "Check that in-dialog requests follow the route set (Record-Route) and reach the same server instance that holds the dialog.",
          "If the dialog ended earlier, find who ended it (BYE, session timer, crash) and when.",
        ],
      },
      vi: {
        description:
          "UAS nhận được yêu cầu không khớp với dialog hay transaction nào nó biết: yêu cầu trong dialog (BYE, re-INVITE, NOTIFY, INFO) cho một dialog nó đã kết thúc hoặc chưa từng tạo, hoặc CANCEL cho transaction nó không có.",
        whenYouSeeIt: [
          "BYE hoặc re-INVITE sau khi phía bên kia đã kết thúc cuộc gọi (cả hai cùng gác máy, hoặc session timer hết hạn ở một bên).",
          "NOTIFY cho subscription của REFER hoặc SUBSCRIBE mà bên đăng ký đã kết thúc.",
          "Header bị B2BUA, SBC hoặc SIP ALG thay đổi khiến Call-ID, From tag hoặc To tag không còn khớp; hoặc yêu cầu được gửi tới máy chủ khác với máy đang giữ dialog (chuyển dự phòng, bộ cân bằng tải không giữ phiên).",
        ],
        howToFix: [
          "So sánh Call-ID, From tag và To tag của yêu cầu lỗi với 2xx đã tạo dialog: bất kỳ khác biệt nào cũng chỉ ra thành phần đã sửa chúng.",
          "Kiểm tra các yêu cầu trong dialog đi theo route set (Record-Route) và tới đúng máy chủ đang giữ dialog.",
          "Nếu dialog đã kết thúc trước đó, tìm ai đã kết thúc nó (BYE, session timer, sự cố) và vào lúc nào.",
        ],
      },
      zh: {
        description:
          "UAS 收到的请求与它所知的任何对话或事务都不匹配：针对它已结束或从未建立的对话的对话内请求（BYE、re-INVITE、NOTIFY、INFO），或针对它不存在的事务的 CANCEL。",
        whenYouSeeIt: [
          "对方已结束呼叫后又收到 BYE 或 re-INVITE（双方同时挂机，或一侧的会话定时器到期）。",
          "订阅方已终止的 REFER 或 SUBSCRIBE 订阅收到 NOTIFY。",
          "B2BUA、SBC 或 SIP ALG 改写了头字段，使 Call-ID、From tag 或 To tag 不再匹配；或请求被发往了不持有该对话的服务器（故障切换、没有会话保持的负载均衡器）。",
        ],
        howToFix: [
          "将出错请求的 Call-ID、From tag 和 To tag 与建立对话的 2xx 对比：任何差异都指向改写它们的网元。",
          "检查对话内请求是否遵循路由集（Record-Route），并到达持有该对话的同一服务器实例。",
          "如果对话更早已结束，查明是谁在何时结束的（BYE、会话定时器、崩溃）。",
        ],
      },
    },
  },
  {
    code: 482,
    reason: "Loop Detected",
    ref: rfc(3261, "21.4.20"),
    seeAlso: [rfc(5393)],
    texts: {
      en: {
        description: "A proxy received a request that it has already handled: its own address is in the Via headers with the same branch parameters, so the request is looping.",
        whenYouSeeIt: [
          "Routing rules that send a request back and forth between two proxies or a PBX and its trunk (each forwards the number to the other).",
          "A proxy whose own address is also configured as one of its outbound destinations or gateways.",
        ],
        howToFix: ["Read the Via headers of the looping request: the repeated hosts show the cycle.", "Fix the dial plan or routing entry that points back to a previous hop; make sure each proxy recognises its own addresses (aliases) as local."],
      },
      vi: {
        description: "Proxy nhận được yêu cầu mà nó đã xử lý rồi: địa chỉ của chính nó có trong các header Via với cùng tham số branch, tức là yêu cầu đang chạy vòng.",
        whenYouSeeIt: [
          "Quy tắc định tuyến gửi yêu cầu qua lại giữa hai proxy hoặc giữa PBX và trung kế của nó (bên này chuyển số cho bên kia và ngược lại).",
          "Proxy có địa chỉ của chính nó cũng được cấu hình làm một đích ra hoặc gateway.",
        ],
        howToFix: ["Đọc các header Via của yêu cầu bị lặp: những host lặp lại cho thấy vòng lặp.", "Sửa kế hoạch quay số hoặc mục định tuyến trỏ ngược về chặng trước; bảo đảm mỗi proxy nhận ra các địa chỉ (alias) của chính nó là cục bộ."],
      },
      zh: {
        description: "代理收到了自己已处理过的请求：它自己的地址以相同的 branch 参数出现在 Via 头字段中，说明请求在环路中循环。",
        whenYouSeeIt: ["路由规则让请求在两个代理之间、或 PBX 与其中继之间来回转发（双方都把号码转给对方）。", "代理自己的地址也被配置为其出局目的地或网关之一。"],
        howToFix: ["阅读循环请求的 Via 头字段：重复出现的主机即构成环路。", "修正指回前一跳的拨号计划或路由条目；确保每个代理都把自己的地址（别名）识别为本地地址。"],
      },
    },
  },
  {
    code: 483,
    reason: "Too Many Hops",
    ref: rfc(3261, "21.4.21"),
    texts: {
      en: {
        description: "The request arrived with Max-Forwards at 0: it has passed through more proxies than allowed (the default starting value is 70).",
        whenYouSeeIt: [
          "A routing loop that the proxies do not detect as such (for example because a B2BUA in the loop creates a fresh Via each time); Max-Forwards eventually runs out.",
          "A client that sends a very low initial Max-Forwards.",
        ],
        howToFix: ["Follow the request hop by hop (capture or Via/History-Info headers) to find the cycle and break it in the routing configuration.", "Make sure B2BUAs copy and decrement Max-Forwards instead of resetting it to 70."],
      },
      vi: {
        description: "Yêu cầu tới nơi với Max-Forwards bằng 0: nó đã đi qua nhiều proxy hơn mức cho phép (giá trị khởi đầu mặc định là 70).",
        whenYouSeeIt: [
          "Vòng lặp định tuyến mà các proxy không phát hiện ra (ví dụ vì một B2BUA trong vòng tạo Via mới mỗi lần); cuối cùng Max-Forwards cạn.",
          "Client gửi Max-Forwards ban đầu rất thấp.",
        ],
        howToFix: ["Lần theo yêu cầu qua từng chặng (bắt gói hoặc header Via/History-Info) để tìm vòng lặp và cắt nó trong cấu hình định tuyến.", "Bảo đảm B2BUA sao chép và giảm Max-Forwards thay vì đặt lại về 70."],
      },
      zh: {
        description: "请求到达时 Max-Forwards 已为 0：它经过的代理数量超过了允许值（默认初始值为 70）。",
        whenYouSeeIt: ["代理未能识别的路由环路（例如环路中的 B2BUA 每次都生成新的 Via），最终耗尽 Max-Forwards。", "客户端发送的初始 Max-Forwards 过低。"],
        howToFix: ["逐跳追踪请求（抓包或查看 Via/History-Info 头字段），找到环路并在路由配置中将其打断。", "确保 B2BUA 复制并递减 Max-Forwards，而不是重置为 70。"],
      },
    },
  },
  {
    code: 484,
    reason: "Address Incomplete",
    ref: rfc(3261, "21.4.22"),
    texts: {
      en: {
        description: "The Request-URI is incomplete: more digits are needed. It supports overlap dialling, where the caller sends digits as they are typed and adds more after a 484.",
        whenYouSeeIt: [
          "A phone that sends the INVITE before the full number is dialled (dial-plan timeout too short, digit map too loose).",
          "Numbers missing an area code, country code or required prefix for the trunk.",
        ],
        howToFix: ["Fix the phone's digit map or inter-digit timeout so it sends complete numbers (or press # to send).", "Normalise numbers on the PBX or SBC to the full format the carrier expects."],
      },
      vi: {
        description: "Request-URI chưa đầy đủ: cần thêm chữ số. Nó phục vụ quay số chồng lấn (overlap dialling), khi bên gọi gửi chữ số ngay khi bấm và gửi thêm sau khi nhận 484.",
        whenYouSeeIt: [
          "Điện thoại gửi INVITE trước khi quay xong số (thời gian chờ kế hoạch quay số quá ngắn, digit map quá lỏng).",
          "Số thiếu mã vùng, mã quốc gia hoặc tiền tố bắt buộc của trung kế.",
        ],
        howToFix: ["Sửa digit map hoặc thời gian chờ giữa các chữ số trên điện thoại để nó gửi số đầy đủ (hoặc bấm # để gửi).", "Chuẩn hoá số trên PBX hoặc SBC về định dạng đầy đủ mà nhà mạng yêu cầu."],
      },
      zh: {
        description: "Request-URI 不完整：还需要更多位数。它用于重叠拨号，即主叫边拨边发送号码，收到 484 后再补发。",
        whenYouSeeIt: ["话机在号码拨完之前就发送了 INVITE（拨号计划超时过短、号码图过于宽松）。", "号码缺少区号、国家码或中继要求的前缀。"],
        howToFix: ["修正话机的号码图或位间超时，使其发送完整号码（或按 # 发送）。", "在 PBX 或 SBC 上将号码规整为运营商要求的完整格式。"],
      },
    },
  },
  {
    code: 485,
    reason: "Ambiguous",
    ref: rfc(3261, "21.4.23"),
    texts: {
      en: {
        description: "The Request-URI matched more than one user. The response may list possible addresses in Contact, though revealing them can be a privacy concern.",
        whenYouSeeIt: ["Name-based dialling (sip:john@company) that matches several directory entries.", "Short extension numbers shared by more than one site in a multi-tenant PBX."],
        howToFix: ["Dial a unique address (full extension, site prefix or full SIP URI).", "If Contact alternatives are listed, pick one; fix duplicate entries in the directory or dial plan."],
      },
      vi: {
        description: "Request-URI khớp với nhiều hơn một người dùng. Phản hồi có thể liệt kê các địa chỉ khả dĩ trong Contact, dù việc lộ chúng có thể ảnh hưởng quyền riêng tư.",
        whenYouSeeIt: ["Gọi theo tên (sip:john@company) khớp nhiều mục trong danh bạ.", "Số máy lẻ ngắn bị nhiều chi nhánh dùng chung trong PBX nhiều khách hàng."],
        howToFix: ["Quay một địa chỉ duy nhất (máy lẻ đầy đủ, tiền tố chi nhánh hoặc SIP URI đầy đủ).", "Nếu Contact có liệt kê lựa chọn, hãy chọn một; sửa các mục trùng trong danh bạ hoặc kế hoạch quay số."],
      },
      zh: {
        description: "Request-URI 匹配到不止一个用户。响应可能在 Contact 中列出候选地址，但公开它们可能涉及隐私问题。",
        whenYouSeeIt: ["按名字拨号（sip:john@company）匹配到多个目录条目。", "多租户 PBX 中多个站点共用的短分机号。"],
        howToFix: ["拨打唯一的地址（完整分机号、站点前缀或完整 SIP URI）。", "如果 Contact 列出了候选，选择其一；修正目录或拨号计划中的重复条目。"],
      },
    },
  },
  {
    code: 486,
    reason: "Busy Here",
    ref: rfc(3261, "21.4.24"),
    texts: {
      en: {
        description:
          "The callee's end system was contacted, but the callee is not willing or able to take another call at this end system. Other locations (forks, voicemail) may still succeed; Retry-After may say when to try again.",
        whenYouSeeIt: [
          "The user is on another call and call waiting is off, or the user pressed Busy or Reject on a phone that sends 486.",
          "Trunk or account channel limits reached, reported by some providers as 486.",
          "Carriers mapping ISDN cause 17 (user busy).",
        ],
        howToFix: [
          "Nothing is broken if the user is really busy: retry later or forward to voicemail on busy.",
          "If the user was free, check the phone's call-waiting and maximum-lines settings, and the PBX or trunk concurrent-call limit.",
        ],
      },
      vi: {
        description:
          "Đã liên lạc được hệ thống của bên bị gọi, nhưng người đó không muốn hoặc không thể nhận thêm cuộc gọi ở thiết bị này. Các vị trí khác (nhánh rẽ, hộp thư thoại) vẫn có thể thành công; Retry-After có thể cho biết khi nào thử lại.",
        whenYouSeeIt: [
          "Người dùng đang trong cuộc gọi khác và tắt chờ cuộc gọi, hoặc bấm Bận hay Từ chối trên điện thoại gửi 486.",
          "Đã chạm giới hạn kênh của trung kế hoặc tài khoản, một số nhà cung cấp báo bằng 486.",
          "Nhà mạng chuyển mã nguyên nhân ISDN 17 (thuê bao bận).",
        ],
        howToFix: [
          "Không có gì hỏng nếu người dùng thật sự bận: gọi lại sau hoặc chuyển sang hộp thư thoại khi bận.",
          "Nếu người dùng đang rảnh, kiểm tra cài đặt chờ cuộc gọi và số đường tối đa trên điện thoại, và giới hạn cuộc gọi đồng thời của PBX hoặc trung kế.",
        ],
      },
      zh: {
        description:
          "已联系到被叫的终端系统，但被叫不愿或无法在此终端再接一个呼叫。其他位置（分叉、语音信箱）仍可能成功；Retry-After 可以说明何时再试。",
        whenYouSeeIt: [
          "用户正在通话且关闭了呼叫等待，或在发送 486 的话机上按了忙或拒接。",
          "达到中继或账户的通道上限，部分服务商以 486 报告。",
          "运营商映射的 ISDN 原因值 17（用户忙）。",
        ],
        howToFix: ["如果用户确实在忙，则没有故障：稍后重试或设置遇忙转语音信箱。", "如果用户空闲，检查话机的呼叫等待和最大线路数设置，以及 PBX 或中继的并发呼叫上限。"],
      },
    },
  },
  {
    code: 487,
    reason: "Request Terminated",
    ref: rfc(3261, "21.4.25"),
    texts: {
      en: {
        description:
          "The request was terminated by a BYE or CANCEL. In practice it is the normal final response to an INVITE that the caller cancelled while it was ringing (the CANCEL itself gets 200).",
        whenYouSeeIt: [
          "The caller hung up before the callee answered.",
          "A forking proxy cancelling the other branches after one device answered, or a ring-group timeout moving on to the next member.",
          "A B2BUA or PBX cancelling a leg after its own no-answer timer.",
        ],
        howToFix: [
          "Nothing to fix for a caller who gave up.",
          "If nobody hung up, find who sent the CANCEL and why: a no-answer timer that is too short, or a forking proxy that answered elsewhere.",
        ],
      },
      vi: {
        description:
          "Yêu cầu đã bị chấm dứt bởi BYE hoặc CANCEL. Trong thực tế đây là phản hồi cuối cùng bình thường cho INVITE mà bên gọi huỷ khi đang đổ chuông (bản thân CANCEL nhận 200).",
        whenYouSeeIt: [
          "Bên gọi gác máy trước khi bên bị gọi trả lời.",
          "Proxy rẽ nhánh huỷ các nhánh khác sau khi một thiết bị đã trả lời, hoặc nhóm đổ chuông hết thời gian và chuyển sang thành viên tiếp theo.",
          "B2BUA hoặc PBX huỷ một chặng sau khi bộ định thời không trả lời của nó hết hạn.",
        ],
        howToFix: [
          "Không cần sửa gì khi bên gọi tự bỏ cuộc.",
          "Nếu không ai gác máy, hãy tìm ai đã gửi CANCEL và vì sao: bộ định thời không trả lời quá ngắn, hoặc proxy rẽ nhánh đã được trả lời ở nơi khác.",
        ],
      },
      zh: {
        description: "请求被 BYE 或 CANCEL 终止。实际中它是主叫在振铃时取消的 INVITE 的正常最终响应（CANCEL 本身收到 200）。",
        whenYouSeeIt: ["主叫在被叫接听前挂机。", "某个设备接听后分叉代理取消其他分支，或振铃组超时后转到下一个成员。", "B2BUA 或 PBX 在自身无应答定时器到期后取消某个通话段。"],
        howToFix: ["主叫主动放弃时无需处理。", "如果没有人挂机，查明是谁发送了 CANCEL 以及原因：无应答定时器太短，或分叉代理已在别处被接听。"],
      },
    },
  },
  {
    code: 488,
    reason: "Not Acceptable Here",
    ref: rfc(3261, "21.4.26"),
    texts: {
      en: {
        description:
          "Some aspect of the session description is not acceptable at this destination: no common codec, an unsupported media type, wrong transport profile (RTP/AVP vs RTP/SAVP) or bandwidth. A Warning header should give the reason. Also used to reject a re-INVITE's offer while keeping the call up.",
        whenYouSeeIt: [
          "Codec mismatch: the offer lists only G.729 or Opus and the callee or trunk only does G.711 (or the reverse).",
          "SRTP mismatch: RTP/SAVP offered to a peer that only does plain RTP, or crypto lines it cannot use.",
          "A re-INVITE for hold, T.38 fax or video that the other side refuses.",
        ],
        howToFix: [
          "Compare the m= line profiles and codec lists of the offer with the callee's capabilities; read the Warning code (304, 305, 306 ...).",
          "Add a common codec (PCMU or PCMA) to both sides, or enable transcoding on the SBC or PBX.",
          "Align media encryption (SRTP required, optional or off) between the two sides; for fax, check T.38 support at both ends.",
        ],
      },
      vi: {
        description:
          "Một khía cạnh của mô tả phiên không thể chấp nhận tại đích này: không có codec chung, loại media không được hỗ trợ, sai profile truyền tải (RTP/AVP so với RTP/SAVP) hoặc băng thông. Header Warning nên cho biết lý do. Cũng dùng để từ chối offer của re-INVITE mà vẫn giữ cuộc gọi.",
        whenYouSeeIt: [
          "Không khớp codec: offer chỉ có G.729 hoặc Opus trong khi bên bị gọi hoặc trung kế chỉ làm G.711 (hoặc ngược lại).",
          "Không khớp SRTP: offer RTP/SAVP tới đối tác chỉ dùng RTP thường, hoặc dòng crypto mà nó không dùng được.",
          "re-INVITE để giữ máy, gửi fax T.38 hoặc video bị phía bên kia từ chối.",
        ],
        howToFix: [
          "So sánh profile của dòng m= và danh sách codec trong offer với khả năng của bên bị gọi; đọc mã trong Warning (304, 305, 306 ...).",
          "Thêm codec chung (PCMU hoặc PCMA) cho cả hai phía, hoặc bật chuyển mã trên SBC hay PBX.",
          "Thống nhất chính sách mã hoá media (bắt buộc, tuỳ chọn hoặc tắt SRTP) giữa hai phía; với fax, kiểm tra hỗ trợ T.38 ở cả hai đầu.",
        ],
      },
      zh: {
        description:
          "会话描述的某些方面在此目的地不可接受：没有共同的编解码器、不支持的媒体类型、错误的传输配置（RTP/AVP 与 RTP/SAVP）或带宽。Warning 头字段应给出原因。也用于拒绝 re-INVITE 的 offer 而保持通话。",
        whenYouSeeIt: [
          "编解码器不匹配：offer 只列出 G.729 或 Opus，而被叫或中继只支持 G.711（或反之）。",
          "SRTP 不匹配：向只支持普通 RTP 的对端提供 RTP/SAVP，或对端无法使用的 crypto 行。",
          "对方拒绝用于保持、T.38 传真或视频的 re-INVITE。",
        ],
        howToFix: [
          "将 offer 中 m= 行的传输配置和编解码器列表与被叫能力对比；查看 Warning 中的代码（304、305、306 等）。",
          "为双方添加共同的编解码器（PCMU 或 PCMA），或在 SBC、PBX 上启用转码。",
          "统一双方的媒体加密策略（SRTP 必选、可选或关闭）；对于传真，检查两端是否都支持 T.38。",
        ],
      },
    },
  },
  {
    code: 491,
    reason: "Request Pending",
    ref: rfc(3261, "21.4.27"),
    seeAlso: [rfc(3261, "14.1")],
    texts: {
      en: {
        description:
          "The UAS received a request within a dialog while it has a request of its own pending in the same dialog (glare), typically two re-INVITEs crossing. RFC 3261 §14.1 has each side retry after a random delay (2.1 to 4 s for the side that owns the Call-ID, 0 to 2 s for the other).",
        whenYouSeeIt: [
          "Both ends send a re-INVITE at the same time: hold and resume, session-timer refreshes, codec changes or media renegotiation after a transfer.",
          "A UPDATE crossing a re-INVITE.",
        ],
        howToFix: [
          "A single 491 followed by a successful retry needs no action.",
          "Repeated 491s: check that both sides implement the randomised back-off instead of retrying immediately, and that session-timer refresher roles are agreed (only one side refreshes).",
        ],
      },
      vi: {
        description:
          "UAS nhận một yêu cầu trong dialog trong khi chính nó đang có yêu cầu chờ xử lý trong cùng dialog (glare), điển hình là hai re-INVITE gửi chéo nhau. RFC 3261 §14.1 yêu cầu mỗi bên thử lại sau một khoảng ngẫu nhiên (2,1 đến 4 s với bên sở hữu Call-ID, 0 đến 2 s với bên kia).",
        whenYouSeeIt: [
          "Hai đầu cùng gửi re-INVITE một lúc: giữ máy và tiếp tục, làm mới session timer, đổi codec hoặc đàm phán lại media sau khi chuyển cuộc gọi.",
          "UPDATE gửi chéo với re-INVITE.",
        ],
        howToFix: [
          "Một lần 491 rồi thử lại thành công thì không cần làm gì.",
          "491 lặp lại: kiểm tra cả hai phía đều dùng thời gian chờ ngẫu nhiên thay vì thử lại ngay, và vai trò làm mới session timer đã thống nhất (chỉ một bên làm mới).",
        ],
      },
      zh: {
        description:
          "UAS 在同一对话中自己有未完成请求时又收到了对话内请求（glare，冲突），典型情况是两个 re-INVITE 交叉。RFC 3261 §14.1 要求双方在随机延迟后重试（拥有 Call-ID 的一方为 2.1 到 4 s，另一方为 0 到 2 s）。",
        whenYouSeeIt: ["两端同时发送 re-INVITE：保持与恢复、会话定时器刷新、更换编解码器或转接后的媒体重协商。", "UPDATE 与 re-INVITE 交叉。"],
        howToFix: [
          "一次 491 之后重试成功，无需处理。",
          "反复出现 491：检查双方是否都实现了随机退避而不是立即重试，以及会话定时器的刷新方角色是否一致（只由一方刷新）。",
        ],
      },
    },
  },
  {
    code: 493,
    reason: "Undecipherable",
    ref: rfc(3261, "21.4.28"),
    texts: {
      en: {
        description:
          "The UAS received a request with an encrypted S/MIME body for which it does not have or cannot use the decryption key. It should include a certificate the sender can use instead.",
        whenYouSeeIt: ["S/MIME-protected SDP or bodies sent with the wrong or an expired certificate.", "Rare in practice: S/MIME is hardly deployed; seeing 493 usually means a niche or test setup."],
        howToFix: ["Check which certificate the body was encrypted for and that the receiver holds the matching private key.", "Use the certificate returned in the 493, or protect signalling with TLS instead of S/MIME."],
      },
      vi: {
        description:
          "UAS nhận yêu cầu có phần thân S/MIME mã hoá mà nó không có hoặc không dùng được khoá giải mã. Nó nên kèm một chứng chỉ để bên gửi dùng thay thế.",
        whenYouSeeIt: ["SDP hoặc phần thân được bảo vệ bằng S/MIME gửi với chứng chỉ sai hoặc đã hết hạn.", "Hiếm gặp: S/MIME gần như không được triển khai; gặp 493 thường là hệ thống đặc thù hoặc thử nghiệm."],
        howToFix: ["Kiểm tra phần thân được mã hoá cho chứng chỉ nào và bên nhận có giữ khoá riêng tương ứng không.", "Dùng chứng chỉ trả về trong 493, hoặc bảo vệ báo hiệu bằng TLS thay cho S/MIME."],
      },
      zh: {
        description: "UAS 收到的请求带有加密的 S/MIME 消息体，而它没有或无法使用解密密钥。它应附带一个发送方可以改用的证书。",
        whenYouSeeIt: ["使用错误或过期证书发送的受 S/MIME 保护的 SDP 或消息体。", "实际中很少见：S/MIME 几乎没有部署；出现 493 通常意味着特殊或测试环境。"],
        howToFix: ["检查消息体是针对哪个证书加密的，以及接收方是否持有对应的私钥。", "使用 493 中返回的证书，或改用 TLS 而非 S/MIME 保护信令。"],
      },
    },
  },
];
