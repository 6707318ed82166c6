/** 4xx Client Failure responses registered by RFCs after RFC 3261. */
import type { CodeData } from "../types.js";
import { rfc } from "./ref.js";

export const CODES_4XX_EXTENSIONS: readonly CodeData[] = [
  {
    code: 412,
    reason: "Conditional Request Failed",
    ref: rfc(3903),
    texts: {
      en: {
        description:
          "A conditional PUBLISH failed: the entity-tag in SIP-If-Match does not match any publication the event state compositor holds, usually because the publication expired or the server restarted (RFC 3903).",
        whenYouSeeIt: ["Presence or dialog-state PUBLISH refreshes after the previous publication expired.", "After a presence server restart or failover that lost the stored entity-tags."],
        howToFix: ["The publisher should send a fresh initial PUBLISH (without SIP-If-Match) with the full state.", "If it happens on every refresh, check that the refresh interval is shorter than the publication's Expires."],
      },
      vi: {
        description:
          "PUBLISH có điều kiện thất bại: entity-tag trong SIP-If-Match không khớp với bản công bố nào mà bộ tổng hợp trạng thái sự kiện đang giữ, thường vì bản công bố đã hết hạn hoặc máy chủ khởi động lại (RFC 3903).",
        whenYouSeeIt: ["Gia hạn PUBLISH presence hoặc trạng thái dialog sau khi bản công bố trước đã hết hạn.", "Sau khi máy chủ presence khởi động lại hoặc chuyển dự phòng làm mất các entity-tag đã lưu."],
        howToFix: ["Bên công bố nên gửi PUBLISH khởi tạo mới (không có SIP-If-Match) với toàn bộ trạng thái.", "Nếu xảy ra ở mọi lần gia hạn, kiểm tra chu kỳ gia hạn có ngắn hơn Expires của bản công bố không."],
      },
      zh: {
        description: "条件 PUBLISH 失败：SIP-If-Match 中的实体标签与事件状态合成器持有的任何发布都不匹配，通常是因为发布已过期或服务器重启（RFC 3903）。",
        whenYouSeeIt: ["上一次发布过期后刷新在线状态或对话状态的 PUBLISH。", "在线状态服务器重启或故障切换后丢失了保存的实体标签。"],
        howToFix: ["发布方应发送全新的初始 PUBLISH（不带 SIP-If-Match），包含完整状态。", "如果每次刷新都出现，检查刷新间隔是否短于发布的 Expires。"],
      },
    },
  },
  {
    code: 417,
    reason: "Unknown Resource-Priority",
    ref: rfc(4412),
    texts: {
      en: {
        description:
          "The request required the Resource-Priority extension (Require: resource-priority) but the server does not understand the namespace or priority value given (RFC 4412). It lists what it accepts in Accept-Resource-Priority.",
        whenYouSeeIt: ["Emergency and government priority calling (for example GETS/WPS, ets or wps namespaces) crossing a network that does not support that namespace.", "Misconfigured priority values on an SBC."],
        howToFix: ["Compare the Resource-Priority header with the Accept-Resource-Priority list in the 417.", "Configure the namespace on the receiving side or map it on the SBC; drop Require: resource-priority if priority treatment is optional."],
      },
      vi: {
        description:
          "Yêu cầu bắt buộc phần mở rộng Resource-Priority (Require: resource-priority) nhưng máy chủ không hiểu namespace hoặc giá trị ưu tiên được đưa ra (RFC 4412). Nó liệt kê những gì chấp nhận trong Accept-Resource-Priority.",
        whenYouSeeIt: ["Cuộc gọi ưu tiên khẩn cấp và của chính phủ (ví dụ namespace ets hoặc wps của GETS/WPS) đi qua mạng không hỗ trợ namespace đó.", "Giá trị ưu tiên cấu hình sai trên SBC."],
        howToFix: ["So sánh header Resource-Priority với danh sách Accept-Resource-Priority trong 417.", "Cấu hình namespace ở phía nhận hoặc ánh xạ nó trên SBC; bỏ Require: resource-priority nếu việc ưu tiên là tuỳ chọn."],
      },
      zh: {
        description:
          "请求要求 Resource-Priority 扩展（Require: resource-priority），但服务器不认识给出的命名空间或优先级值（RFC 4412）。它在 Accept-Resource-Priority 中列出可接受的值。",
        whenYouSeeIt: ["紧急和政府优先呼叫（例如 GETS/WPS 的 ets 或 wps 命名空间）经过不支持该命名空间的网络。", "SBC 上配置错误的优先级值。"],
        howToFix: ["将 Resource-Priority 头字段与 417 中的 Accept-Resource-Priority 列表对比。", "在接收方配置该命名空间或在 SBC 上映射；如果优先处理是可选的，去掉 Require: resource-priority。"],
      },
    },
  },
  {
    code: 422,
    reason: "Session Interval Too Small",
    ref: rfc(4028, "6"),
    texts: {
      en: {
        description:
          "The Session-Expires value in the request is below the minimum the server accepts (session timers, RFC 4028). The response carries Min-SE; the caller should retry with Session-Expires at least that large.",
        whenYouSeeIt: ["Phones or PBXs proposing a short session timer (for example 90 s) to a carrier whose Min-SE is 1800 s.", "Proxies in the path each enforcing their own Min-SE."],
        howToFix: ["The caller should retry automatically with the Min-SE value; if it does not, raise its Session-Expires setting to at least Min-SE.", "Align session-timer settings across PBX, SBC and carrier (1800 s is a common value)."],
      },
      vi: {
        description:
          "Giá trị Session-Expires trong yêu cầu thấp hơn mức tối thiểu máy chủ chấp nhận (session timer, RFC 4028). Phản hồi mang Min-SE; bên gọi nên thử lại với Session-Expires ít nhất bằng giá trị đó.",
        whenYouSeeIt: ["Điện thoại hoặc PBX đề xuất session timer ngắn (ví dụ 90 s) tới nhà mạng có Min-SE là 1800 s.", "Các proxy trên đường đi, mỗi cái áp Min-SE riêng."],
        howToFix: ["Bên gọi nên tự thử lại với giá trị Min-SE; nếu không, hãy tăng cài đặt Session-Expires của nó lên ít nhất bằng Min-SE.", "Thống nhất cài đặt session timer giữa PBX, SBC và nhà mạng (1800 s là giá trị phổ biến)."],
      },
      zh: {
        description: "请求中的 Session-Expires 低于服务器可接受的最小值（会话定时器，RFC 4028）。响应携带 Min-SE；主叫应以不小于该值的 Session-Expires 重试。",
        whenYouSeeIt: ["话机或 PBX 向 Min-SE 为 1800 s 的运营商提议很短的会话定时器（例如 90 s）。", "路径上的多个代理各自执行自己的 Min-SE。"],
        howToFix: ["主叫应自动以 Min-SE 值重试；如果没有，将其 Session-Expires 设置调到不小于 Min-SE。", "统一 PBX、SBC 和运营商之间的会话定时器设置（1800 s 是常用值）。"],
      },
    },
  },
  {
    code: 424,
    reason: "Bad Location Information",
    ref: rfc(6442, "4.3"),
    texts: {
      en: {
        description:
          "The location information conveyed with the request (Geolocation header and PIDF-LO body, RFC 6442) was malformed or unsatisfactory for the recipient. A Geolocation-Error header gives the detail.",
        whenYouSeeIt: ["Emergency calls (NG911/NG112) whose PIDF-LO is missing, malformed or not usable by the PSAP routing.", "Location by reference that the recipient cannot dereference."],
        howToFix: ["Read the Geolocation-Error code and text in the 424.", "Validate the PIDF-LO body and the Geolocation URI produced by the device or location server; fix the LIS configuration."],
      },
      vi: {
        description:
          "Thông tin vị trí gửi kèm yêu cầu (header Geolocation và phần thân PIDF-LO, RFC 6442) sai định dạng hoặc không thoả mãn bên nhận. Header Geolocation-Error cho biết chi tiết.",
        whenYouSeeIt: ["Cuộc gọi khẩn cấp (NG911/NG112) có PIDF-LO bị thiếu, sai định dạng hoặc không dùng được cho định tuyến tới PSAP.", "Vị trí dạng tham chiếu mà bên nhận không truy xuất được."],
        howToFix: ["Đọc mã và nội dung Geolocation-Error trong 424.", "Kiểm tra tính hợp lệ của phần thân PIDF-LO và URI Geolocation do thiết bị hoặc máy chủ vị trí tạo ra; sửa cấu hình LIS."],
      },
      zh: {
        description: "随请求传递的位置信息（Geolocation 头字段和 PIDF-LO 消息体，RFC 6442）格式错误或不能满足接收方要求。Geolocation-Error 头字段给出细节。",
        whenYouSeeIt: ["紧急呼叫（NG911/NG112）的 PIDF-LO 缺失、格式错误或无法用于 PSAP 路由。", "接收方无法解引用的引用式位置。"],
        howToFix: ["阅读 424 中 Geolocation-Error 的代码和文本。", "校验设备或位置服务器生成的 PIDF-LO 消息体和 Geolocation URI；修正 LIS 配置。"],
      },
    },
  },
  {
    code: 425,
    reason: "Bad Alert Message",
    ref: rfc(8876),
    texts: {
      en: {
        description:
          "The recipient could not process the alert message (a Common Alerting Protocol body) in a non-interactive emergency call or alert (RFC 8876). An AlertMsg-Error header says what was wrong.",
        whenYouSeeIt: ["Sensor, vehicle (eCall-like) or IoT emergency alerts sent as SIP MESSAGE with a CAP payload that the PSAP rejects.", "CAP documents that fail schema validation or lack required fields."],
        howToFix: ["Read the AlertMsg-Error code and text in the 425.", "Validate the CAP body against the schema and the recipient's profile before sending."],
      },
      vi: {
        description:
          "Bên nhận không xử lý được bản tin cảnh báo (phần thân theo Common Alerting Protocol) trong một cuộc gọi hoặc cảnh báo khẩn cấp không tương tác (RFC 8876). Header AlertMsg-Error cho biết sai ở đâu.",
        whenYouSeeIt: ["Cảnh báo khẩn cấp từ cảm biến, xe cộ (kiểu eCall) hoặc thiết bị IoT gửi dưới dạng SIP MESSAGE với nội dung CAP mà PSAP từ chối.", "Tài liệu CAP không qua được kiểm tra lược đồ hoặc thiếu trường bắt buộc."],
        howToFix: ["Đọc mã và nội dung AlertMsg-Error trong 425.", "Kiểm tra phần thân CAP theo lược đồ và profile của bên nhận trước khi gửi."],
      },
      zh: {
        description: "接收方无法处理非交互式紧急呼叫或告警中的告警消息（Common Alerting Protocol 消息体）（RFC 8876）。AlertMsg-Error 头字段说明问题所在。",
        whenYouSeeIt: ["传感器、车辆（类似 eCall）或物联网设备以 SIP MESSAGE 发送的 CAP 紧急告警被 PSAP 拒绝。", "CAP 文档未通过模式校验或缺少必需字段。"],
        howToFix: ["阅读 425 中 AlertMsg-Error 的代码和文本。", "发送前按模式和接收方的配置文件校验 CAP 消息体。"],
      },
    },
  },
  {
    code: 428,
    reason: "Use Identity Header",
    ref: rfc(8224, "6.2.2"),
    texts: {
      en: {
        description:
          "The verifier requires a valid Identity header (STIR, RFC 8224) and the request has none. Under STIR/SHAKEN a carrier may demand a signed PASSporT before accepting the call.",
        whenYouSeeIt: ["Calls entering a carrier network that enforces STIR/SHAKEN from an originator that does not sign.", "An SBC that strips the Identity header before forwarding."],
        howToFix: ["Have the originating carrier or your signing service add an Identity header (PASSporT) for the calling number.", "Check that no SBC or B2BUA in the path removes the Identity header."],
      },
      vi: {
        description:
          "Bên xác minh yêu cầu header Identity hợp lệ (STIR, RFC 8224) nhưng yêu cầu không có. Theo STIR/SHAKEN, nhà mạng có thể đòi PASSporT đã ký trước khi nhận cuộc gọi.",
        whenYouSeeIt: ["Cuộc gọi vào mạng nhà mạng có áp dụng STIR/SHAKEN từ bên khởi tạo không ký.", "SBC loại bỏ header Identity trước khi chuyển tiếp."],
        howToFix: ["Yêu cầu nhà mạng khởi tạo hoặc dịch vụ ký của bạn thêm header Identity (PASSporT) cho số gọi.", "Kiểm tra không có SBC hoặc B2BUA nào trên đường đi xoá header Identity."],
      },
      zh: {
        description: "验证方要求有效的 Identity 头字段（STIR，RFC 8224），而请求中没有。在 STIR/SHAKEN 下，运营商可能要求先有签名的 PASSporT 才接受呼叫。",
        whenYouSeeIt: ["来自不签名的发起方的呼叫进入强制执行 STIR/SHAKEN 的运营商网络。", "SBC 在转发前删除了 Identity 头字段。"],
        howToFix: ["让发起方运营商或你的签名服务为主叫号码添加 Identity 头字段（PASSporT）。", "检查路径上没有 SBC 或 B2BUA 删除 Identity 头字段。"],
      },
    },
  },
  {
    code: 429,
    reason: "Provide Referrer Identity",
    ref: rfc(3892, "5"),
    seeAlso: [rfc(3892, "2.2"), rfc(3892, "4")],
    texts: {
      en: {
        description:
          "The sender wants a signed Referred-By token (an S/MIME-signed authenticated identity body referenced from Referred-By, RFC 3892 §4) identifying who asked for the referral. Mostly the refer target sends it, to the transferee's INVITE, and the transferee relays it to the transferor inside the NOTIFY sipfrag (RFC 3892 §5); a REFER recipient may also reject the REFER itself with it (§2.2).",
        whenYouSeeIt: ["Call transfer through a PBX or service that requires an authenticated Referred-By before dialling the transfer target.", "Transferors that send REFER without Referred-By, or with an unsigned one where a signed token is required."],
        howToFix: ["The transferor must resend the REFER with a signed Referred-By token (S/MIME body, RFC 3892 §4): a Referred-By header alone does not satisfy it.", "Or relax the target's policy, or perform the transfer on the PBX side instead of by REFER."],
      },
      vi: {
        description:
          "Bên gửi muốn có token Referred-By đã ký (phần thân định danh được ký S/MIME, được Referred-By tham chiếu, RFC 3892 §4) xác định ai đã yêu cầu chuyển. Thường đích chuyển gửi mã này cho INVITE của bên được chuyển, và bên được chuyển chuyển lại cho bên chuyển trong sipfrag của NOTIFY (RFC 3892 §5); bên nhận REFER cũng có thể dùng nó để từ chối chính REFER (§2.2).",
        whenYouSeeIt: ["Chuyển cuộc gọi qua PBX hoặc dịch vụ yêu cầu Referred-By đã xác thực trước khi gọi tới đích chuyển.", "Bên chuyển gửi REFER không có Referred-By, hoặc có nhưng chưa ký khi cần token đã ký."],
        howToFix: ["Bên chuyển phải gửi lại REFER kèm token Referred-By đã ký (phần thân S/MIME, RFC 3892 §4): chỉ thêm header Referred-By là không đủ.", "Hoặc nới chính sách của đích, hoặc thực hiện chuyển cuộc gọi ở phía PBX thay vì bằng REFER."],
      },
      zh: {
        description: "发送方要求带签名的 Referred-By 令牌（由 Referred-By 引用、经 S/MIME 签名的身份消息体，RFC 3892 §4），以识别是谁发起转介。通常由转接目标对被转接方的 INVITE 发送，被转接方再在 NOTIFY 的 sipfrag 中转告转接方（RFC 3892 §5）；REFER 的接收方也可以用它拒绝 REFER 本身（§2.2）。",
        whenYouSeeIt: ["经过要求在拨打转接目标前提供已认证 Referred-By 的 PBX 或业务进行呼叫转接。", "转接方发送的 REFER 没有 Referred-By，或在需要签名令牌时提供了未签名的。"],
        howToFix: ["转接方必须带签名的 Referred-By 令牌（S/MIME 消息体，RFC 3892 §4）重发 REFER：只加 Referred-By 头字段并不满足要求。", "或者放宽目标的策略，或改在 PBX 侧完成转接，而不是使用 REFER。"],
      },
    },
  },
  {
    code: 430,
    reason: "Flow Failed",
    ref: rfc(5626, "11.5"),
    seeAlso: [rfc(5626, "5.3.1"), rfc(5626, "7"), rfc(5626, "4.4"), rfc(5626, "4.5")],
    texts: {
      en: {
        description:
          "A specific flow to a user agent has failed, although other flows to it may still work (SIP Outbound, RFC 5626). An edge proxy sends it to the authoritative proxy when the connection named by the flow token in the Route is gone; it is meant for proxies and should not reach the UA (a UA treats one like 400).",
        whenYouSeeIt: [
          "An incoming INVITE for a UA registered with outbound (+sip.instance, reg-id) whose TCP or TLS connection to the edge proxy has closed or reset, or whose keepalives stopped.",
          "After an edge proxy restart or NAT rebinding: the flow token in the registered Path (or a Record-Route) no longer maps to a live connection.",
        ],
        howToFix: [
          "The authoritative proxy should retry over another flow of the same +sip.instance (a different reg-id) (RFC 5626 §7); bindings are removed when the network shows the flow is dead (TCP close, ICMP), not because of the 430.",
          "The UA should notice the dead flow through its keepalives (CRLF or STUN, RFC 5626 §4.4) and re-register the same reg-id on a new connection at once; only if that attempt fails does the §4.5 back-off apply (first retry 30 to 60 s later when all its flows failed, 90 to 180 s otherwise).",
          "If the UA keeps losing flows, check NAT and firewall idle timeouts against the keepalive interval (Flow-Timer).",
        ],
        whoSends: "430 is sent hop by hop by an edge proxy to the authoritative proxy when the flow a request was routed to is dead; a user agent should never see it.",
      },
      vi: {
        description:
          "Một flow cụ thể tới user agent đã hỏng, dù các flow khác tới nó vẫn có thể hoạt động (SIP Outbound, RFC 5626). Edge proxy gửi mã này tới proxy có thẩm quyền khi kết nối được flow token trong Route chỉ tới không còn nữa; nó dành cho proxy và không nên tới UA (UA coi nó như 400).",
        whenYouSeeIt: [
          "INVITE đến cho một UA đăng ký theo outbound (+sip.instance, reg-id) mà kết nối TCP hoặc TLS của nó tới edge proxy đã đóng hoặc bị reset, hoặc gói giữ kết nối đã ngừng.",
          "Sau khi edge proxy khởi động lại hoặc NAT đổi ánh xạ: flow token trong Path đã đăng ký (hoặc trong Record-Route) không còn tương ứng với kết nối đang sống.",
        ],
        howToFix: [
          "Proxy có thẩm quyền nên thử lại qua một flow khác của cùng +sip.instance (reg-id khác) (RFC 5626 §7); binding chỉ bị xoá khi mạng cho thấy flow đã chết (TCP đóng, ICMP), không phải vì 430.",
          "UA nên phát hiện flow chết nhờ gói giữ kết nối (CRLF hoặc STUN, RFC 5626 §4.4) và đăng ký lại ngay chính reg-id đó trên kết nối mới; chỉ khi lần thử đó thất bại mới áp dụng thời gian chờ của §4.5 (lần thử lại đầu tiên sau 30 đến 60 s nếu mọi flow đều hỏng, 90 đến 180 s nếu không).",
          "Nếu UA liên tục mất flow, hãy so sánh thời gian chờ nhàn rỗi của NAT và tường lửa với chu kỳ giữ kết nối (Flow-Timer).",
        ],
        whoSends: "430 do edge proxy gửi theo từng chặng cho proxy có thẩm quyền khi flow mà yêu cầu được định tuyến tới đã chết; user agent không bao giờ nên thấy nó.",
      },
      zh: {
        description:
          "到用户代理的某个特定流（flow）已失败，但到它的其他流可能仍然可用（SIP Outbound，RFC 5626）。当 Route 中流令牌所指的连接已不存在时，边缘代理向权威代理发送此响应；它面向代理，不应到达 UA（UA 将其视为 400）。",
        whenYouSeeIt: [
          "呼入的 INVITE 指向以 outbound 方式注册（+sip.instance、reg-id）的 UA，而其到边缘代理的 TCP 或 TLS 连接已关闭或被重置，或保活已停止。",
          "边缘代理重启或 NAT 重新映射之后：已注册的 Path（或 Record-Route）中的流令牌不再对应活动连接。",
        ],
        howToFix: [
          "权威代理应改用同一实例（+sip.instance）的另一个流重试，即不同的 reg-id（RFC 5626 §7）。绑定在网络表明流已失效（TCP 关闭、ICMP）时才被删除，而不是因为 430。",
          "UA 应通过保活（CRLF 或 STUN，RFC 5626 §4.4）发现失效的流，并立即在新连接上重新注册同一个 reg-id；只有这次尝试失败时，才适用 §4.5 的退避：所有流都失败时，第一次重试在 30 到 60 秒后；否则在 90 到 180 秒后。",
          "如果 UA 频繁丢失流，将 NAT 和防火墙的空闲超时与保活间隔（Flow-Timer）进行比较。",
        ],
        whoSends: "430 由边缘代理在请求所路由到的流失效时逐跳发给权威代理；用户代理不应看到它。",
      },
    },
  },
  {
    code: 433,
    reason: "Anonymity Disallowed",
    ref: rfc(5079),
    texts: {
      en: {
        description:
          "The server rejected the request because it was anonymous (for example Privacy: id, or an anonymous From) and its policy does not accept anonymous requests (RFC 5079). The caller may retry without anonymity.",
        whenYouSeeIt: ["Calling a user or business that rejects withheld caller ID (anonymous call rejection).", "Caller ID withheld by the caller's settings or by *67-style prefixes."],
        howToFix: ["Retry with caller ID presented (remove Privacy: id or the anonymous From).", "If the caller did not intend to be anonymous, check the PBX or trunk privacy settings that added Privacy headers."],
      },
      vi: {
        description:
          "Máy chủ từ chối yêu cầu vì nó ẩn danh (ví dụ Privacy: id, hoặc From ẩn danh) và chính sách không chấp nhận yêu cầu ẩn danh (RFC 5079). Bên gọi có thể thử lại mà không ẩn danh.",
        whenYouSeeIt: ["Gọi tới người dùng hoặc doanh nghiệp từ chối cuộc gọi giấu số (từ chối cuộc gọi ẩn danh).", "Số gọi bị giấu do cài đặt của bên gọi hoặc do tiền tố kiểu *67."],
        howToFix: ["Gọi lại có hiển thị số (bỏ Privacy: id hoặc From ẩn danh).", "Nếu bên gọi không định ẩn danh, kiểm tra cài đặt quyền riêng tư trên PBX hoặc trung kế đã thêm header Privacy."],
      },
      zh: {
        description: "由于请求是匿名的（例如 Privacy: id 或匿名 From），而服务器策略不接受匿名请求，请求被拒绝（RFC 5079）。主叫可以不匿名重试。",
        whenYouSeeIt: ["呼叫拒绝隐藏号码来电的用户或企业（匿名来电拒绝）。", "主叫设置或 *67 之类前缀隐藏了主叫号码。"],
        howToFix: ["显示主叫号码后重试（去掉 Privacy: id 或匿名 From）。", "如果主叫并不想匿名，检查添加了 Privacy 头字段的 PBX 或中继的隐私设置。"],
      },
    },
  },
  {
    code: 436,
    reason: "Bad Identity Info",
    ref: rfc(8224, "6.2.2"),
    texts: {
      en: {
        description:
          "The Identity header's info parameter (the URI of the signer's certificate, 'x5u' in SHAKEN) is unusable: the verifier cannot dereference it or does not support its scheme (RFC 8224).",
        whenYouSeeIt: ["STIR/SHAKEN verification failing because the certificate URL is unreachable, returns an error, or uses an unsupported scheme.", "Certificate repositories blocked by the verifier's firewall."],
        howToFix: ["Fetch the certificate URL from the info parameter yourself and check it returns the certificate over HTTPS.", "Fix the signing service's certificate repository or URL configuration."],
      },
      vi: {
        description:
          "Tham số info của header Identity (URI tới chứng chỉ của bên ký, 'x5u' trong SHAKEN) không dùng được: bên xác minh không truy xuất được hoặc không hỗ trợ scheme của nó (RFC 8224).",
        whenYouSeeIt: ["Xác minh STIR/SHAKEN thất bại vì URL chứng chỉ không tới được, trả lỗi, hoặc dùng scheme không được hỗ trợ.", "Kho chứng chỉ bị tường lửa của bên xác minh chặn."],
        howToFix: ["Tự tải URL chứng chỉ trong tham số info và kiểm tra nó trả về chứng chỉ qua HTTPS.", "Sửa kho chứng chỉ hoặc cấu hình URL của dịch vụ ký."],
      },
      zh: {
        description: "Identity 头字段的 info 参数（签名者证书的 URI，SHAKEN 中为 'x5u'）不可用：验证方无法解引用，或不支持其方案（RFC 8224）。",
        whenYouSeeIt: ["STIR/SHAKEN 验证失败：证书 URL 不可达、返回错误或使用不受支持的方案。", "证书仓库被验证方的防火墙阻挡。"],
        howToFix: ["自己访问 info 参数中的证书 URL，确认它通过 HTTPS 返回证书。", "修正签名服务的证书仓库或 URL 配置。"],
      },
    },
  },
  {
    code: 437,
    reason: "Unsupported Credential",
    ref: rfc(8224, "6.2.2"),
    texts: {
      en: {
        description:
          "The verifier obtained the signer's credential (certificate) but cannot use it: it is not trusted, has expired, was revoked, or is of a type the verifier does not support (RFC 8224; formerly 'Unsupported Certificate').",
        whenYouSeeIt: ["SHAKEN certificates issued by a CA the terminating carrier does not trust, or expired certificates.", "A certificate whose scope does not cover the calling number."],
        howToFix: ["Check the certificate chain, validity dates and issuing CA of the signer against the verifier's trust list.", "Renew or reissue the certificate through an approved certification authority."],
      },
      vi: {
        description:
          "Bên xác minh đã lấy được thông tin xác thực (chứng chỉ) của bên ký nhưng không dùng được: không được tin cậy, đã hết hạn, bị thu hồi, hoặc thuộc loại bên xác minh không hỗ trợ (RFC 8224; trước đây là 'Unsupported Certificate').",
        whenYouSeeIt: ["Chứng chỉ SHAKEN do CA mà nhà mạng phía bị gọi không tin cậy cấp, hoặc chứng chỉ đã hết hạn.", "Chứng chỉ có phạm vi không bao gồm số gọi."],
        howToFix: ["Kiểm tra chuỗi chứng chỉ, thời hạn hiệu lực và CA cấp của bên ký so với danh sách tin cậy của bên xác minh.", "Gia hạn hoặc cấp lại chứng chỉ qua tổ chức chứng thực được chấp thuận."],
      },
      zh: {
        description:
          "验证方获取了签名者的凭据（证书）但无法使用：不受信任、已过期、已吊销，或属于验证方不支持的类型（RFC 8224；原名 'Unsupported Certificate'）。",
        whenYouSeeIt: ["由被叫侧运营商不信任的 CA 签发的 SHAKEN 证书，或已过期的证书。", "证书的范围不包含主叫号码。"],
        howToFix: ["对照验证方的信任列表检查签名者的证书链、有效期和签发 CA。", "通过获准的证书颁发机构续期或重新签发证书。"],
      },
    },
  },
  {
    code: 438,
    reason: "Invalid Identity Header",
    ref: rfc(8224, "6.2.2"),
    texts: {
      en: {
        description:
          "The verifier got a valid credential for the signer but the signature in the Identity header does not verify: the PASSporT does not match the request (RFC 8224).",
        whenYouSeeIt: [
          "An intermediary changed signed fields after signing: the calling or called number format (From, To, P-Asserted-Identity), or the Date header.",
          "PASSporTs that are too old (the iat claim or Date is outside the verifier's freshness window, typically 60 s).",
        ],
        howToFix: [
          "Compare the orig and dest numbers in the PASSporT with the From/P-Asserted-Identity and To of the request as received; stop SBCs from rewriting them after signing.",
          "Check clock synchronisation (NTP) on the signing server.",
        ],
      },
      vi: {
        description:
          "Bên xác minh có thông tin xác thực hợp lệ của bên ký nhưng chữ ký trong header Identity không kiểm chứng được: PASSporT không khớp với yêu cầu (RFC 8224).",
        whenYouSeeIt: [
          "Thành phần trung gian đã sửa các trường được ký sau khi ký: định dạng số gọi hoặc số bị gọi (From, To, P-Asserted-Identity), hoặc header Date.",
          "PASSporT quá cũ (claim iat hoặc Date nằm ngoài khoảng thời gian bên xác minh chấp nhận, thường là 60 s).",
        ],
        howToFix: [
          "So sánh số orig và dest trong PASSporT với From/P-Asserted-Identity và To của yêu cầu lúc nhận; ngăn SBC sửa chúng sau khi ký.",
          "Kiểm tra đồng bộ đồng hồ (NTP) trên máy chủ ký.",
        ],
      },
      zh: {
        description: "验证方获得了签名者的有效凭据，但 Identity 头字段中的签名无法通过验证：PASSporT 与请求不匹配（RFC 8224）。",
        whenYouSeeIt: [
          "中间网元在签名后修改了被签名的字段：主叫或被叫号码格式（From、To、P-Asserted-Identity）或 Date 头字段。",
          "PASSporT 太旧（iat 声明或 Date 超出验证方的时效窗口，通常为 60 s）。",
        ],
        howToFix: [
          "将 PASSporT 中的 orig 和 dest 号码与接收到的请求的 From/P-Asserted-Identity 和 To 对比；禁止 SBC 在签名后改写它们。",
          "检查签名服务器的时钟同步（NTP）。",
        ],
      },
    },
  },
  {
    code: 439,
    reason: "First Hop Lacks Outbound Support",
    ref: rfc(5626, "11.6"),
    seeAlso: [rfc(5626, "6"), rfc(5626, "4.2.1")],
    texts: {
      en: {
        description:
          "The registrar supports SIP Outbound (RFC 5626) and the UA asked for it (a reg-id in the Contact and the outbound option tag in Supported), but the first-hop proxy did not indicate outbound support (no ';ob' in the Path it added), so the registrar refuses to create an outbound binding.",
        whenYouSeeIt: [
          "A UA with outbound enabled registering through an edge proxy or SBC that does not implement RFC 5626 or has it disabled.",
          "An edge proxy that adds Path but without the 'ob' parameter, or that is bypassed so no Path is added at all.",
        ],
        howToFix: [
          "Enable outbound on the edge proxy so it adds a Path with ';ob' and keeps the flow, or route the UA through one that does.",
          "On the UA side, RFC 5626 §4.2.1 lets it register again without outbound (no reg-id) or through another outbound proxy; a UA that does neither stays unregistered.",
        ],
      },
      vi: {
        description:
          "Registrar hỗ trợ SIP Outbound (RFC 5626) và UA đã yêu cầu nó (reg-id trong Contact và option tag outbound trong Supported), nhưng proxy chặng đầu không cho biết có hỗ trợ outbound (không có ';ob' trong Path nó thêm vào), nên registrar từ chối tạo binding outbound.",
        whenYouSeeIt: [
          "UA bật outbound đăng ký qua edge proxy hoặc SBC không cài đặt RFC 5626 hoặc đã tắt nó.",
          "Edge proxy thêm Path nhưng không có tham số 'ob', hoặc bị đi vòng qua nên không có Path nào được thêm.",
        ],
        howToFix: [
          "Bật outbound trên edge proxy để nó thêm Path có ';ob' và giữ flow, hoặc cho UA đi qua proxy có hỗ trợ.",
          "Phía UA: RFC 5626 §4.2.1 cho phép nó đăng ký lại không dùng outbound (không reg-id) hoặc qua một outbound proxy khác; UA không làm cả hai sẽ vẫn chưa đăng ký.",
        ],
      },
      zh: {
        description:
          "注册服务器支持 SIP Outbound（RFC 5626），UA 也请求了它（Contact 中带 reg-id，Supported 中带 outbound 选项标签），但第一跳代理没有表明支持 outbound（其添加的 Path 中没有 ';ob'），因此注册服务器拒绝创建 outbound 绑定。",
        whenYouSeeIt: [
          "启用 outbound 的 UA 通过未实现或禁用了 RFC 5626 的边缘代理或 SBC 注册。",
          "边缘代理添加了 Path 但没有 'ob' 参数，或者被绕过而完全没有添加 Path。",
        ],
        howToFix: ["在边缘代理上启用 outbound，使其添加带 ';ob' 的 Path 并维护流，或让 UA 经由支持它的代理。", "在 UA 上：RFC 5626 §4.2.1 允许它不使用 outbound（不带 reg-id）重新注册，或经另一个 outbound 代理注册；两者都不做的 UA 将一直处于未注册状态。"],
      },
    },
  },
  {
    code: 440,
    reason: "Max-Breadth Exceeded",
    ref: rfc(5393),
    texts: {
      en: {
        description:
          "A proxy wanted to fork the request in parallel but the remaining Max-Breadth was too small, and it would not fork serially or redirect instead (RFC 5393, the fix for forking amplification attacks).",
        whenYouSeeIt: ["Large parallel ring groups or users with many registered devices behind several forking proxies.", "Forking loops that the Max-Breadth mechanism stopped."],
        howToFix: ["Reduce parallel forking (fewer simultaneous branches, sequential hunting), or raise Max-Breadth on the first proxy if the fan-out is legitimate.", "Check for forking loops between proxies or between a proxy and a registrar."],
      },
      vi: {
        description:
          "Proxy muốn rẽ nhánh song song nhưng Max-Breadth còn lại quá nhỏ, và nó không chịu rẽ nhánh tuần tự hay chuyển hướng thay thế (RFC 5393, biện pháp chống tấn công khuếch đại bằng rẽ nhánh).",
        whenYouSeeIt: ["Nhóm đổ chuông song song lớn hoặc người dùng có nhiều thiết bị đăng ký phía sau nhiều proxy rẽ nhánh.", "Vòng lặp rẽ nhánh bị cơ chế Max-Breadth chặn lại."],
        howToFix: ["Giảm rẽ nhánh song song (ít nhánh đồng thời hơn, đổ chuông tuần tự), hoặc tăng Max-Breadth ở proxy đầu tiên nếu số nhánh là hợp lý.", "Kiểm tra vòng lặp rẽ nhánh giữa các proxy hoặc giữa proxy và registrar."],
      },
      zh: {
        description: "代理想并行分叉请求，但剩余的 Max-Breadth 太小，且它不愿改为串行分叉或重定向（RFC 5393，用于防范分叉放大攻击）。",
        whenYouSeeIt: ["规模很大的并行振铃组，或在多个分叉代理之后注册了大量设备的用户。", "被 Max-Breadth 机制阻止的分叉环路。"],
        howToFix: ["减少并行分叉（减少同时振铃的分支、改为顺序振铃），如果扇出是正当的，则在第一个代理上调高 Max-Breadth。", "检查代理之间或代理与注册服务器之间的分叉环路。"],
      },
    },
  },
  {
    code: 469,
    reason: "Bad Info Package",
    ref: rfc(6086),
    texts: {
      en: {
        description:
          "An INFO request named an Info Package (Info-Package header, RFC 6086) that the recipient did not indicate it is willing to receive in Recv-Info for this dialog.",
        whenYouSeeIt: ["DTMF sent as INFO with an Info Package the peer did not negotiate.", "Legacy INFO usages (no Info-Package header) mixed with RFC 6086 peers."],
        howToFix: ["Check the Recv-Info headers exchanged in the INVITE and its answer: only send packages the peer listed.", "Switch DTMF to RTP events (RFC 4733) if INFO support differs between peers."],
      },
      vi: {
        description:
          "Yêu cầu INFO nêu một Info Package (header Info-Package, RFC 6086) mà bên nhận chưa cho biết sẵn sàng nhận trong Recv-Info của dialog này.",
        whenYouSeeIt: ["DTMF gửi bằng INFO với Info Package mà đối tác chưa đàm phán.", "Trộn lẫn cách dùng INFO kiểu cũ (không có header Info-Package) với đối tác theo RFC 6086."],
        howToFix: ["Kiểm tra các header Recv-Info trao đổi trong INVITE và phản hồi của nó: chỉ gửi các package mà đối tác đã liệt kê.", "Chuyển DTMF sang sự kiện RTP (RFC 4733) nếu hai bên hỗ trợ INFO khác nhau."],
      },
      zh: {
        description: "INFO 请求指定了一个 Info Package（Info-Package 头字段，RFC 6086），而接收方并未在此对话的 Recv-Info 中表示愿意接收它。",
        whenYouSeeIt: ["以 INFO 发送 DTMF，而所用的 Info Package 对端并未协商。", "传统的 INFO 用法（没有 Info-Package 头字段）与遵循 RFC 6086 的对端混用。"],
        howToFix: ["检查 INVITE 及其应答中交换的 Recv-Info 头字段：只发送对端列出的包。", "如果双方对 INFO 的支持不同，将 DTMF 改为 RTP 事件（RFC 4733）。"],
      },
    },
  },
  {
    code: 470,
    reason: "Consent Needed",
    ref: rfc(5360),
    texts: {
      en: {
        description:
          "A relay (for example a URI-list server) cannot forward the request to a recipient because that recipient has not given consent to receive traffic through it (RFC 5360). The response lists the URIs lacking permission in Permission-Missing.",
        whenYouSeeIt: ["Conference or exploder services sending to a list of URIs, some of which never granted permission.", "IMS or presence list services enforcing the consent framework."],
        howToFix: ["Read Permission-Missing and have those recipients grant permission (the relay usually sends them a consent request).", "Remove recipients who declined from the list."],
      },
      vi: {
        description:
          "Một relay (ví dụ máy chủ danh sách URI) không thể chuyển yêu cầu tới một người nhận vì người đó chưa đồng ý nhận lưu lượng qua nó (RFC 5360). Phản hồi liệt kê các URI thiếu quyền trong Permission-Missing.",
        whenYouSeeIt: ["Dịch vụ hội nghị hoặc phát tán gửi tới danh sách URI, trong đó một số chưa từng cấp quyền.", "Dịch vụ danh sách IMS hoặc presence áp dụng khung đồng ý (consent)."],
        howToFix: ["Đọc Permission-Missing và đề nghị những người nhận đó cấp quyền (relay thường gửi cho họ yêu cầu đồng ý).", "Xoá khỏi danh sách những người nhận đã từ chối."],
      },
      zh: {
        description:
          "中继（例如 URI 列表服务器）无法将请求转发给某个接收方，因为该接收方尚未同意经由它接收流量（RFC 5360）。响应在 Permission-Missing 中列出缺少许可的 URI。",
        whenYouSeeIt: ["会议或群发服务向一组 URI 发送，其中部分从未授予许可。", "执行同意（consent）框架的 IMS 或在线状态列表服务。"],
        howToFix: ["阅读 Permission-Missing，让这些接收方授予许可（中继通常会向其发送同意请求）。", "从列表中删除拒绝的接收方。"],
      },
    },
  },
  {
    code: 489,
    reason: "Bad Event",
    ref: rfc(6665, "8.3.2"),
    texts: {
      en: {
        description:
          "The server does not understand or support the event package named in the Event header of a SUBSCRIBE, or of a NOTIFY it did not expect (RFC 6665). It should list the packages it supports in Allow-Events.",
        whenYouSeeIt: [
          "Phones subscribing to dialog, presence, message-summary (MWI) or as-feature-event on a server that does not offer that package (BLF or voicemail lamp not working).",
          "Unsolicited NOTIFYs (for example check-sync or MWI without a subscription) sent to a device that rejects them.",
        ],
        howToFix: [
          "Compare the Event header with the Allow-Events list of the server; enable the package on the PBX or change the phone's subscription settings.",
          "For unsolicited MWI, configure the PBX to use subscriptions, or the phone to accept unsolicited NOTIFY.",
        ],
      },
      vi: {
        description:
          "Máy chủ không hiểu hoặc không hỗ trợ event package nêu trong header Event của SUBSCRIBE, hoặc của NOTIFY mà nó không chờ đợi (RFC 6665). Nó nên liệt kê các package hỗ trợ trong Allow-Events.",
        whenYouSeeIt: [
          "Điện thoại đăng ký dialog, presence, message-summary (MWI) hoặc as-feature-event trên máy chủ không cung cấp package đó (BLF hoặc đèn báo hộp thư thoại không hoạt động).",
          "NOTIFY không được yêu cầu (ví dụ check-sync hoặc MWI không có subscription) gửi tới thiết bị từ chối chúng.",
        ],
        howToFix: [
          "So sánh header Event với danh sách Allow-Events của máy chủ; bật package trên PBX hoặc đổi cài đặt đăng ký của điện thoại.",
          "Với MWI không được yêu cầu, cấu hình PBX dùng subscription, hoặc cho điện thoại chấp nhận NOTIFY không được yêu cầu.",
        ],
      },
      zh: {
        description:
          "服务器不理解或不支持 SUBSCRIBE（或它未预期的 NOTIFY）的 Event 头字段中指定的事件包（RFC 6665）。它应在 Allow-Events 中列出支持的事件包。",
        whenYouSeeIt: [
          "话机在不提供相应事件包的服务器上订阅 dialog、presence、message-summary（MWI）或 as-feature-event（BLF 或留言灯不工作）。",
          "向会拒绝的设备发送未经订阅的 NOTIFY（例如 check-sync 或无订阅的 MWI）。",
        ],
        howToFix: ["将 Event 头字段与服务器的 Allow-Events 列表对比；在 PBX 上启用该事件包，或修改话机的订阅设置。", "对于未经订阅的 MWI，将 PBX 配置为使用订阅，或让话机接受未经订阅的 NOTIFY。"],
      },
    },
  },
  {
    code: 494,
    reason: "Security Agreement Required",
    ref: rfc(3329),
    texts: {
      en: {
        description:
          "The server requires a security mechanism agreement (RFC 3329, sec-agree) before it accepts requests; the response lists the mechanisms it offers in Security-Server.",
        whenYouSeeIt: ["IMS P-CSCFs requiring IPsec (ipsec-3gpp) or TLS agreement from UEs at registration.", "Clients that do not send Security-Client or do not support sec-agree."],
        howToFix: ["The client must pick a mechanism from Security-Server, set it up, and repeat the request with Security-Verify.", "For non-IMS clients, register through an access point that does not require sec-agree."],
      },
      vi: {
        description:
          "Máy chủ yêu cầu thoả thuận cơ chế bảo mật (RFC 3329, sec-agree) trước khi chấp nhận yêu cầu; phản hồi liệt kê các cơ chế nó đưa ra trong Security-Server.",
        whenYouSeeIt: ["P-CSCF trong IMS yêu cầu thoả thuận IPsec (ipsec-3gpp) hoặc TLS từ UE khi đăng ký.", "Client không gửi Security-Client hoặc không hỗ trợ sec-agree."],
        howToFix: ["Client phải chọn một cơ chế trong Security-Server, thiết lập nó, rồi gửi lại yêu cầu kèm Security-Verify.", "Với client không phải IMS, hãy đăng ký qua điểm truy nhập không yêu cầu sec-agree."],
      },
      zh: {
        description: "服务器要求先完成安全机制协商（RFC 3329，sec-agree）才接受请求；响应在 Security-Server 中列出它提供的机制。",
        whenYouSeeIt: ["IMS 的 P-CSCF 在注册时要求 UE 进行 IPsec（ipsec-3gpp）或 TLS 协商。", "不发送 Security-Client 或不支持 sec-agree 的客户端。"],
        howToFix: ["客户端必须从 Security-Server 中选择一种机制并建立它，然后带 Security-Verify 重发请求。", "对于非 IMS 客户端，通过不要求 sec-agree 的接入点注册。"],
      },
    },
  },
];
