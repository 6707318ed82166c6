/** 5xx Server Failure responses (RFC 3261 §21.5, RFC 8599, RFC 3312). */
import type { CodeData } from "../types.js";
import { rfc } from "./ref.js";

export const CODES_5XX: readonly CodeData[] = [
  {
    code: 500,
    reason: "Server Internal Error",
    ref: rfc(3261, "21.5.1"),
    texts: {
      en: {
        description:
          "The server hit an unexpected condition and could not fulfil the request. It may carry Retry-After when the condition is temporary. Many B2BUAs also map any internal failure, or a failure on their other leg, to 500.",
        whenYouSeeIt: [
          "Software faults, script errors or failed database lookups in a PBX, SBC or application server.",
          "A B2BUA whose outgoing leg failed (trunk down, no route, media allocation failed) and which reports it as 500.",
          "A UAS that receives a second INVITE before it has answered an earlier one on the dialog: RFC 3261 §14.2 asks for 500 with Retry-After 0 to 10 s. (Crossing re-INVITEs, while its own INVITE is pending, get 491 instead.)",
        ],
        howToFix: [
          "Read the Reason and Warning headers and the server's own log at the same timestamp; 500 alone does not say what broke.",
          "For a B2BUA, capture its other leg: the real failure is often a response there.",
          "If Retry-After is present, retry after that delay; repeated 500s on one route call for failover to another server.",
        ],
      },
      vi: {
        description:
          "Máy chủ gặp tình huống không lường trước và không thể thực hiện yêu cầu. Có thể kèm Retry-After nếu tình trạng chỉ tạm thời. Nhiều B2BUA cũng quy mọi lỗi nội bộ, hoặc lỗi ở chặng còn lại, thành 500.",
        whenYouSeeIt: [
          "Lỗi phần mềm, lỗi script hoặc truy vấn cơ sở dữ liệu thất bại trong PBX, SBC hoặc máy chủ ứng dụng.",
          "B2BUA có chặng đi ra bị lỗi (trung kế hỏng, không có tuyến, cấp phát media thất bại) và báo lại bằng 500.",
          "UAS nhận INVITE thứ hai trước khi đã trả lời INVITE trước đó trên dialog: RFC 3261 §14.2 yêu cầu trả 500 kèm Retry-After 0 đến 10 s. (Hai re-INVITE gửi chéo nhau, khi INVITE của chính nó đang chờ, thì nhận 491.)",
        ],
        howToFix: [
          "Đọc header Reason và Warning, và nhật ký của chính máy chủ tại cùng thời điểm; chỉ riêng 500 không nói được cái gì hỏng.",
          "Với B2BUA, hãy bắt gói chặng còn lại: lỗi thật thường là một phản hồi ở đó.",
          "Nếu có Retry-After, thử lại sau khoảng thời gian đó; 500 lặp lại trên một tuyến thì cần chuyển sang máy chủ khác.",
        ],
      },
      zh: {
        description:
          "服务器遇到意外情况，无法完成请求。情况是暂时的时可带 Retry-After。许多 B2BUA 也会把任何内部故障或另一侧通话段的失败映射为 500。",
        whenYouSeeIt: [
          "PBX、SBC 或应用服务器中的软件故障、脚本错误或数据库查询失败。",
          "B2BUA 的出局段失败（中继故障、无路由、媒体资源分配失败），并以 500 报告。",
          "UAS 在尚未应答对话中前一个 INVITE 时收到第二个 INVITE：RFC 3261 §14.2 要求回 500 并带 0 到 10 秒的 Retry-After。（自己的 INVITE 尚未完成时交叉的 re-INVITE 则回 491。）",
        ],
        howToFix: [
          "查看 Reason 和 Warning 头字段以及服务器同一时刻的日志；单凭 500 无法知道是什么出了问题。",
          "对于 B2BUA，抓取其另一侧通话段：真正的失败往往是那一侧的某个响应。",
          "如有 Retry-After，按其延迟后重试；同一路由上反复出现 500 时应切换到其他服务器。",
        ],
      },
    },
  },
  {
    code: 501,
    reason: "Not Implemented",
    ref: rfc(3261, "21.5.2"),
    texts: {
      en: {
        description:
          "The server does not support the functionality the request needs: it does not recognise the method at all. (405 is for a method it knows but does not allow for this resource.)",
        whenYouSeeIt: [
          "Sending REFER, UPDATE, INFO, MESSAGE, SUBSCRIBE or PUBLISH to a device or trunk that does not implement it.",
          "Older gateways and minimal SIP stacks that only know INVITE, ACK, BYE, CANCEL and OPTIONS.",
        ],
        howToFix: [
          "Check the Allow header of the peer's responses (an OPTIONS shows it) and use only methods listed there.",
          "Switch the feature to a supported alternative: re-INVITE instead of UPDATE, RFC 2833/4733 DTMF in RTP instead of INFO, a PBX-side transfer instead of REFER.",
        ],
      },
      vi: {
        description:
          "Máy chủ không hỗ trợ chức năng mà yêu cầu cần: nó hoàn toàn không nhận ra phương thức. (405 dành cho phương thức nó biết nhưng không cho phép với tài nguyên này.)",
        whenYouSeeIt: [
          "Gửi REFER, UPDATE, INFO, MESSAGE, SUBSCRIBE hoặc PUBLISH tới thiết bị hoặc trung kế không cài đặt phương thức đó.",
          "Gateway đời cũ và các SIP stack tối giản chỉ biết INVITE, ACK, BYE, CANCEL và OPTIONS.",
        ],
        howToFix: [
          "Xem header Allow trong phản hồi của phía bên kia (một OPTIONS sẽ cho thấy) và chỉ dùng các phương thức có trong đó.",
          "Chuyển tính năng sang phương án được hỗ trợ: re-INVITE thay cho UPDATE, DTMF RFC 2833/4733 trong RTP thay cho INFO, chuyển cuộc gọi phía PBX thay cho REFER.",
        ],
      },
      zh: {
        description: "服务器不支持该请求所需的功能：它根本不认识这个方法。（405 用于服务器认识但不允许对此资源使用的方法。）",
        whenYouSeeIt: [
          "向未实现相应方法的设备或中继发送 REFER、UPDATE、INFO、MESSAGE、SUBSCRIBE 或 PUBLISH。",
          "只认识 INVITE、ACK、BYE、CANCEL 和 OPTIONS 的老旧网关和精简 SIP 协议栈。",
        ],
        howToFix: [
          "查看对端响应中的 Allow 头字段（发一个 OPTIONS 即可看到），只使用其中列出的方法。",
          "改用受支持的替代方案：用 re-INVITE 代替 UPDATE，用 RTP 中的 RFC 2833/4733 DTMF 代替 INFO，用 PBX 侧转接代替 REFER。",
        ],
      },
    },
  },
  {
    code: 502,
    reason: "Bad Gateway",
    ref: rfc(3261, "21.5.3"),
    texts: {
      en: {
        description:
          "A server acting as gateway or proxy received an invalid response from the downstream server it contacted while trying to fulfil the request.",
        whenYouSeeIt: [
          "An SBC or proxy that got a malformed or unparseable response from the carrier or PBX behind it.",
          "Some proxies use 502 when the next hop's DNS (NAPTR/SRV/A) resolves to nothing usable.",
        ],
        howToFix: [
          "Capture the downstream leg and look at the response the gateway received: a broken header, a bad Via, a truncated UDP message (fragmentation) are typical.",
          "Check DNS for the next-hop domain (NAPTR, SRV and A/AAAA records) from the gateway itself.",
        ],
      },
      vi: {
        description:
          "Máy chủ đóng vai gateway hoặc proxy đã nhận được phản hồi không hợp lệ từ máy chủ phía sau mà nó liên lạc khi cố thực hiện yêu cầu.",
        whenYouSeeIt: [
          "SBC hoặc proxy nhận phản hồi sai định dạng hoặc không phân tích được từ nhà mạng hoặc PBX phía sau.",
          "Một số proxy dùng 502 khi DNS của chặng kế tiếp (NAPTR/SRV/A) không phân giải ra địa chỉ dùng được.",
        ],
        howToFix: [
          "Bắt gói chặng phía sau và xem phản hồi mà gateway nhận được: header hỏng, Via sai, bản tin UDP bị cắt cụt (do phân mảnh) là các trường hợp điển hình.",
          "Kiểm tra DNS của tên miền chặng kế tiếp (bản ghi NAPTR, SRV và A/AAAA) ngay từ gateway.",
        ],
      },
      zh: {
        description: "充当网关或代理的服务器在尝试完成请求时，从其联系的下游服务器收到了无效响应。",
        whenYouSeeIt: [
          "SBC 或代理从其后方的运营商或 PBX 收到格式错误或无法解析的响应。",
          "部分代理在下一跳的 DNS（NAPTR/SRV/A）解析不出可用地址时使用 502。",
        ],
        howToFix: [
          "抓取下游段，查看网关收到的响应：典型问题是头字段损坏、Via 错误、UDP 消息被截断（分片）。",
          "在网关本机检查下一跳域名的 DNS（NAPTR、SRV 和 A/AAAA 记录）。",
        ],
      },
    },
  },
  {
    code: 503,
    reason: "Service Unavailable",
    ref: rfc(3261, "21.5.4"),
    seeAlso: [rfc(3263)],
    texts: {
      en: {
        description:
          "The server is temporarily unable to process the request because it is overloaded or in maintenance. It may carry Retry-After; a client or proxy receiving it should try another server (RFC 3263) and avoid this one for the Retry-After period. Without Retry-After the client must act as if it had received a 500 (RFC 3261 §21.5.4). A proxy should not forward a 503 upstream unless later requests would also get one, and turns a lone 503 into 500 (§16.7 step 6): a 503 that reaches the caller usually means the adjacent hop itself cannot serve, and a 500 may hide a downstream 503.",
        whenYouSeeIt: [
          "Overload: too many calls per second, CPU or licence limits, all trunk channels busy.",
          "A proxy that has no reachable next hop (all gateways down or blacklisted) and reports it as 503.",
          "Maintenance mode, or a service that is starting up and not yet ready.",
        ],
        howToFix: [
          "Check the load and channel or licence usage on the server that generated the 503 (the Server or Via header tells which one).",
          "If a proxy generated it, check the health of its destinations: dispatcher or gateway status, failed OPTIONS pings.",
          "Configure failover to a second server or trunk, and honour Retry-After instead of hammering the overloaded one.",
        ],
      },
      vi: {
        description:
          "Máy chủ tạm thời không xử lý được yêu cầu vì quá tải hoặc đang bảo trì. Có thể kèm Retry-After; client hoặc proxy nhận được nó nên thử máy chủ khác (RFC 3263) và tránh máy chủ này trong khoảng thời gian Retry-After. Không có Retry-After thì client phải xử lý như đã nhận 500 (RFC 3261 §21.5.4). Proxy không nên chuyển 503 ngược lên trừ khi các yêu cầu sau cũng sẽ nhận 503, và đổi một 503 duy nhất thành 500 (§16.7 bước 6): 503 tới được bên gọi thường nghĩa là chính chặng kề bên không phục vụ được, và một 500 có thể che giấu 503 ở phía sau.",
        whenYouSeeIt: [
          "Quá tải: quá nhiều cuộc gọi mỗi giây, giới hạn CPU hoặc giấy phép, toàn bộ kênh trung kế đang bận.",
          "Proxy không còn chặng kế tiếp nào tới được (mọi gateway đều hỏng hoặc bị đưa vào danh sách đen) và báo bằng 503.",
          "Chế độ bảo trì, hoặc dịch vụ đang khởi động chưa sẵn sàng.",
        ],
        howToFix: [
          "Kiểm tra tải và mức dùng kênh hoặc giấy phép trên máy chủ đã tạo ra 503 (header Server hoặc Via cho biết là máy nào).",
          "Nếu do proxy tạo ra, hãy kiểm tra tình trạng các đích của nó: trạng thái dispatcher hoặc gateway, các bản OPTIONS kiểm tra sống thất bại.",
          "Cấu hình chuyển sang máy chủ hoặc trung kế thứ hai, và tuân theo Retry-After thay vì dồn dập vào máy chủ đang quá tải.",
        ],
      },
      zh: {
        description:
          "服务器因过载或维护暂时无法处理请求。可带 Retry-After；收到它的客户端或代理应尝试其他服务器（RFC 3263），并在 Retry-After 期间避开这台服务器。没有 Retry-After 时，客户端必须按收到 500 处理（RFC 3261 §21.5.4）。代理除非确定后续请求也会得到 503，否则不应向上游转发 503，且在只收到 503 时应生成 500（§16.7 第 6 步）：到达主叫的 503 通常表示相邻的那一跳本身无法服务，而 500 可能掩盖了下游的 503。",
        whenYouSeeIt: [
          "过载：每秒呼叫数过多、CPU 或许可证达到上限、中继通道全忙。",
          "代理没有可达的下一跳（所有网关都故障或被拉黑），并以 503 报告。",
          "维护模式，或服务正在启动尚未就绪。",
        ],
        howToFix: [
          "检查产生 503 的服务器的负载以及通道或许可证使用情况（Server 或 Via 头字段可看出是哪一台）。",
          "如果是代理产生的，检查其目的地的健康状态：dispatcher 或网关状态、失败的 OPTIONS 探测。",
          "配置到第二台服务器或第二条中继的故障切换，并遵守 Retry-After，不要持续冲击过载的服务器。",
        ],
      },
    },
  },
  {
    code: 504,
    reason: "Server Time-out",
    ref: rfc(3261, "21.5.5"),
    texts: {
      en: {
        description:
          "The server did not get a timely response from an external server it accessed while trying to process the request (the next hop, or a location, DNS or database server).",
        whenYouSeeIt: [
          "A proxy or SBC whose next hop never answered (Timer B or F expired downstream) and which reports it upstream as 504 instead of 408.",
          "Slow back-end lookups: ENUM/DNS, HSS/database, number portability queries.",
        ],
        howToFix: [
          "Find the hop that went silent: capture downstream of the server that sent the 504 and look for the request without a response.",
          "Check reachability and response times of the back-end services the server queries; raise their time-outs only if they are genuinely slow.",
        ],
      },
      vi: {
        description:
          "Máy chủ không nhận được phản hồi kịp thời từ một máy chủ bên ngoài mà nó truy cập khi xử lý yêu cầu (chặng kế tiếp, hoặc máy chủ định vị, DNS, cơ sở dữ liệu).",
        whenYouSeeIt: [
          "Proxy hoặc SBC có chặng kế tiếp không bao giờ trả lời (Timer B hoặc F hết hạn phía sau) và báo ngược lên bằng 504 thay vì 408.",
          "Tra cứu phía sau chậm: ENUM/DNS, HSS/cơ sở dữ liệu, truy vấn chuyển mạng giữ số.",
        ],
        howToFix: [
          "Tìm chặng đã im lặng: bắt gói phía sau máy chủ gửi 504 và tìm yêu cầu không có phản hồi.",
          "Kiểm tra khả năng kết nối và thời gian phản hồi của các dịch vụ phía sau mà máy chủ truy vấn; chỉ tăng thời gian chờ nếu chúng thật sự chậm.",
        ],
      },
      zh: {
        description: "服务器在处理请求时访问了外部服务器（下一跳，或定位、DNS、数据库服务器），但没有及时收到响应。",
        whenYouSeeIt: [
          "代理或 SBC 的下一跳始终没有应答（下游 Timer B 或 F 超时），于是向上游报告 504 而不是 408。",
          "后端查询缓慢：ENUM/DNS、HSS/数据库、携号转网查询。",
        ],
        howToFix: [
          "找出沉默的那一跳：在发送 504 的服务器下游抓包，查找没有响应的请求。",
          "检查服务器所查询的后端服务的可达性和响应时间；只有在它们确实很慢时才调大超时。",
        ],
      },
    },
  },
  {
    code: 505,
    reason: "Version Not Supported",
    ref: rfc(3261, "21.5.6"),
    texts: {
      en: {
        description: "The server does not support the SIP protocol version in the request (anything other than SIP/2.0).",
        whenYouSeeIt: [
          "Malformed start lines from buggy or hand-written clients, or scanners sending odd versions.",
          "Non-SIP traffic or corrupted packets arriving on the SIP port.",
        ],
        howToFix: [
          "Look at the request line: it must end in SIP/2.0; fix the sender's stack or the template that builds the request.",
          "If the source is an unknown scanner, block it at the firewall rather than debugging it.",
        ],
      },
      vi: {
        description: "Máy chủ không hỗ trợ phiên bản giao thức SIP trong yêu cầu (bất cứ gì khác SIP/2.0).",
        whenYouSeeIt: [
          "Dòng bắt đầu sai định dạng từ client có lỗi hoặc tự viết, hoặc công cụ quét gửi phiên bản lạ.",
          "Lưu lượng không phải SIP hoặc gói tin hỏng đi vào cổng SIP.",
        ],
        howToFix: [
          "Xem dòng yêu cầu: nó phải kết thúc bằng SIP/2.0; sửa stack của bên gửi hoặc mẫu tạo yêu cầu.",
          "Nếu nguồn là công cụ quét lạ, hãy chặn ở tường lửa thay vì gỡ lỗi nó.",
        ],
      },
      zh: {
        description: "服务器不支持请求中的 SIP 协议版本（SIP/2.0 以外的任何版本）。",
        whenYouSeeIt: ["有缺陷或手工编写的客户端发出格式错误的起始行，或扫描器发送奇怪的版本号。", "非 SIP 流量或损坏的数据包到达 SIP 端口。"],
        howToFix: [
          "查看请求行：它必须以 SIP/2.0 结尾；修正发送方的协议栈或生成请求的模板。",
          "如果来源是未知的扫描器，直接在防火墙上封禁，而不必排查。",
        ],
      },
    },
  },
  {
    code: 513,
    reason: "Message Too Large",
    ref: rfc(3261, "21.5.7"),
    texts: {
      en: {
        description: "The server could not process the request because the message was longer than it can handle.",
        whenYouSeeIt: [
          "Large SDP offers (many codecs, ICE candidates, video) or big multipart bodies.",
          "Requests that grew along the path: long Via, Record-Route and History-Info lists added by many hops.",
        ],
        howToFix: [
          "Trim the message: fewer codecs and candidates, compact header forms, drop unneeded headers.",
          "Use TCP or TLS for large messages; RFC 3261 §18.1.1 already requires TCP when a request is within 200 bytes of the path MTU (or over 1300 bytes without a known MTU).",
        ],
      },
      vi: {
        description: "Máy chủ không xử lý được yêu cầu vì bản tin dài hơn mức nó chịu được.",
        whenYouSeeIt: [
          "SDP offer lớn (nhiều codec, ứng viên ICE, video) hoặc phần thân multipart lớn.",
          "Yêu cầu phình to dọc đường đi: danh sách Via, Record-Route và History-Info dài do nhiều chặng thêm vào.",
        ],
        howToFix: [
          "Rút gọn bản tin: ít codec và ứng viên hơn, dùng dạng header rút gọn, bỏ header không cần thiết.",
          "Dùng TCP hoặc TLS cho bản tin lớn; RFC 3261 §18.1.1 vốn đã yêu cầu TCP khi yêu cầu cách MTU đường đi không quá 200 byte (hoặc lớn hơn 1300 byte khi không biết MTU).",
        ],
      },
      zh: {
        description: "消息长度超出了服务器的处理能力，因此无法处理该请求。",
        whenYouSeeIt: [
          "庞大的 SDP offer（大量编解码器、ICE 候选、视频）或很大的 multipart 消息体。",
          "沿途不断变大的请求：多跳添加的很长的 Via、Record-Route 和 History-Info 列表。",
        ],
        howToFix: [
          "精简消息：减少编解码器和候选地址、使用头字段简写形式、删除不需要的头字段。",
          "大消息改用 TCP 或 TLS；RFC 3261 §18.1.1 本就要求请求与路径 MTU 相差不足 200 字节（或在 MTU 未知时超过 1300 字节）时使用 TCP。",
        ],
      },
    },
  },
  {
    code: 555,
    reason: "Push Notification Service Not Supported",
    ref: rfc(8599),
    texts: {
      en: {
        description:
          "The proxy that would send push notifications on the UA's behalf does not support the push notification service (PNS) the UA asked for in its REGISTER (the pn-provider parameter, RFC 8599).",
        whenYouSeeIt: [
          "Mobile softphones registering with pn-provider=apns or fcm to a proxy that does not offer that service.",
          "After an app update that changed the push provider while the server configuration stayed the same.",
        ],
        howToFix: [
          "Check which push providers the proxy supports (Feature-Caps in its responses) and configure the app to use one of them.",
          "Enable the requested PNS on the proxy, with valid credentials for APNs or FCM.",
        ],
      },
      vi: {
        description:
          "Proxy đáng lẽ gửi thông báo đẩy thay cho UA không hỗ trợ dịch vụ thông báo đẩy (PNS) mà UA yêu cầu trong REGISTER (tham số pn-provider, RFC 8599).",
        whenYouSeeIt: [
          "Softphone di động đăng ký với pn-provider=apns hoặc fcm tới proxy không cung cấp dịch vụ đó.",
          "Sau khi cập nhật ứng dụng làm thay đổi nhà cung cấp đẩy trong khi cấu hình máy chủ vẫn giữ nguyên.",
        ],
        howToFix: [
          "Kiểm tra proxy hỗ trợ những nhà cung cấp đẩy nào (Feature-Caps trong phản hồi của nó) và cấu hình ứng dụng dùng một trong số đó.",
          "Bật PNS được yêu cầu trên proxy, với thông tin xác thực hợp lệ cho APNs hoặc FCM.",
        ],
      },
      zh: {
        description: "本应代表 UA 发送推送通知的代理，不支持 UA 在 REGISTER 中请求的推送通知服务（PNS，即 pn-provider 参数，RFC 8599）。",
        whenYouSeeIt: [
          "移动软电话以 pn-provider=apns 或 fcm 向不提供该服务的代理注册。",
          "应用更新更换了推送服务商，而服务器配置未变。",
        ],
        howToFix: [
          "检查代理支持哪些推送服务商（其响应中的 Feature-Caps），并将应用配置为使用其中之一。",
          "在代理上启用所请求的 PNS，并配置有效的 APNs 或 FCM 凭据。",
        ],
      },
    },
  },
  {
    code: 580,
    reason: "Precondition Failure",
    ref: rfc(3312),
    texts: {
      en: {
        description:
          "The session could not be established because a precondition it required (typically QoS resource reservation, RFC 3312) could not be met.",
        whenYouSeeIt: [
          "IMS and VoLTE calls where the radio or transport bearer for the media could not be reserved.",
          "A UA that requires preconditions (Require: precondition) talking to a network that cannot provide them.",
        ],
        howToFix: [
          "Check the SDP precondition attributes (a=curr, a=des, a=conf) in the offer and answer to see which direction and strength failed.",
          "On the network side, look at the bearer or policy control (PCRF/PCF) logs for the reservation failure; for non-IMS peers, stop requiring preconditions.",
        ],
      },
      vi: {
        description:
          "Không thiết lập được phiên vì một điều kiện tiên quyết mà nó yêu cầu (thường là đặt trước tài nguyên QoS, RFC 3312) không đáp ứng được.",
        whenYouSeeIt: [
          "Cuộc gọi IMS và VoLTE khi không đặt trước được bearer vô tuyến hoặc truyền dẫn cho media.",
          "UA yêu cầu điều kiện tiên quyết (Require: precondition) nói chuyện với mạng không cung cấp được chúng.",
        ],
        howToFix: [
          "Kiểm tra các thuộc tính precondition trong SDP (a=curr, a=des, a=conf) của offer và answer để biết hướng và mức nào thất bại.",
          "Ở phía mạng, xem nhật ký điều khiển bearer hoặc chính sách (PCRF/PCF) về lỗi đặt trước tài nguyên; với đối tác không phải IMS, hãy bỏ yêu cầu điều kiện tiên quyết.",
        ],
      },
      zh: {
        description: "由于会话所需的某个前提条件（通常是 QoS 资源预留，RFC 3312）无法满足，会话无法建立。",
        whenYouSeeIt: ["IMS 和 VoLTE 呼叫中无法为媒体预留无线或传输承载。", "要求前提条件（Require: precondition）的 UA 与无法提供前提条件的网络通信。"],
        howToFix: [
          "检查 offer 和 answer 中 SDP 的前提条件属性（a=curr、a=des、a=conf），确定是哪个方向、哪个强度失败。",
          "在网络侧查看承载或策略控制（PCRF/PCF）日志中的预留失败记录；对于非 IMS 对端，不要再要求前提条件。",
        ],
      },
    },
  },
];
