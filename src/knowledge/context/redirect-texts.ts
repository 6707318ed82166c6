/** Words for 3xx outcomes: followed, not followed, loop, no usable Contact (RFC 3261 §8.1.3.4, §16.5, §21.3). */
import type { RedirectOutcome } from "../../model/outcomes.js";
import type { UiStrings } from "../locale/index.js";
import type { AnnotationText, Lang } from "../types.js";
import { statusLine } from "./facts.js";
import type { RedirectFacts } from "./redirect-facts.js";

type RedirectTexts = Readonly<Record<RedirectOutcome, (f: RedirectFacts, ui: UiStrings) => AnnotationText>>;

const EN: RedirectTexts = {
  followed: (f, ui) => {
    const later = f.retryAfterMs !== null ? ` ${ui.duration(f.retryAfterMs)} later` : "";
    const result = f.retryStatus !== null ? `, which got ${statusLine(f.retryStatus, null)}` : ", with no final response in the trace";
    let explanation = `The ${f.response} listed ${ui.list(f.contacts) || "a Contact"}. RFC 3261 §8.1.3.4 has the client (or a recursing proxy) retry the request at those addresses, usually in q order (RFC 3261 §8.1.3.4 allows any order).`;
    if (f.toPreserved === false) explanation += " The retry changed the To URI, although RFC 3261 §8.1.3.4 keeps the original To on the new request.";
    if (f.furtherRetries > 0) explanation += ` ${String(f.furtherRetries)} further ${f.furtherRetries === 1 ? "Contact was" : "Contacts were"} tried after that.`;
    if (f.code === 301) explanation += " 301 means the move is permanent: stored copies of the old URI should be updated.";
    const steps: string[] = [];
    if (f.retryStatus === null) steps.push("The retry has no final response in the trace: capture longer or on the next hop to see how it ended.");
    else if (f.retryStatus < 300) steps.push("Nothing to fix: the redirect worked and the new target answered.");
    else {
      steps.push(`The redirect itself worked; the failure (${statusLine(f.retryStatus, null)}) comes from the new target ${f.retryUri ?? ""}: investigate that response (sipta explain ${String(f.retryStatus)}).`);
      steps.push("If every Contact fails, check that the redirect server points to reachable, correct targets.");
    }
    if (f.toPreserved === false) steps.push("Fix the client so the retry keeps the original To header; some servers reject or misroute a changed To.");
    return {
      summary: `Redirect followed: ${f.retry ?? "?"} went to ${f.retryUri ?? f.firstContact ?? "the Contact"}${later}${result}.`,
      explanation,
      nextSteps: steps,
    };
  },
  "not-followed": (f, ui) => {
    const target = f.firstContact ?? "the Contact";
    const steps = [
      "Check whether the caller (phone, PBX, SBC, trunk) is configured to follow redirects; many treat any 3xx as a failure by default (look for a setting such as follow 3xx, process redirects or recurse on 3xx).",
      "If a proxy should handle the redirect for the caller, enable recursion on 3xx there.",
      `Check that ${target} is usable from the caller: a URI scheme it supports, a resolvable host, not a private address.`,
    ];
    if (f.ack === null) steps.push("No ACK for the 3xx was seen: the client may never have received it (check the Via and the return path).");
    return {
      summary: `${f.response}${f.requestUri !== null ? ` for ${f.requestUri}` : ""} was not followed: no new request went to ${ui.list(f.contacts) || target}.`,
      explanation: "A 3xx ends the transaction; the client (or a recursing proxy) then has to send a new request to the Contact addresses (RFC 3261 §8.1.3.4). Nothing in the trace did.",
      nextSteps: steps,
    };
  },
  loop: (f) => {
    const where = f.loopToSelf ? "the URI that was just requested" : "a target already tried";
    return {
      summary: `Redirect loop: the ${f.response} points back to ${f.loopTarget ?? "?"}, ${where}.`,
      explanation:
        "Following this redirect would send the request back to a place that already redirected it, so the call cannot complete. A proxy must not try the same target twice (RFC 3261 §16.5), and clients stop at the first repeat.",
      nextSteps: [
        "Fix the forwarding rule on the redirect server: a call forward that points to the user itself, a forward-all to the same address of record, or two servers redirecting to each other.",
        "Compare the Request-URI of each retry with the Contacts of the 3xx answers to see where the cycle closes.",
        "A device that keeps following the loop needs a redirect limit; most stop after the first repeat.",
      ],
    };
  },
  "no-contact": (f) => {
    const alt = f.code === 380;
    return {
      summary: `${f.response} without a usable Contact: the caller had nowhere to retry.`,
      explanation: alt
        ? "380 Alternative Service describes the alternatives in its body rather than in Contact (RFC 3261 §21.3.5), so an empty Contact is allowed; generic clients still cannot act on it."
        : "A 3xx should carry one or more Contact addresses to retry at (RFC 3261 §21.3); this one had none, or only URIs the client cannot use.",
      nextSteps: [
        alt ? "Read the body of the 380 to see which alternative service is offered." : "Fix the redirect server so it adds a Contact with a sip:, sips: or tel: URI of the new target.",
        "If a Contact is present but malformed (bad escaping, parameters without angle brackets), fix the element that builds it.",
        "Until then the caller treats the 3xx as a failure: give it another route (for example, on 3xx try the next route).",
      ],
    };
  },
};

const VI: RedirectTexts = {
  followed: (f, ui) => {
    const later = f.retryAfterMs !== null ? ` sau ${ui.duration(f.retryAfterMs)}` : "";
    const result = f.retryStatus !== null ? `, nhận ${statusLine(f.retryStatus, null)}` : ", không có phản hồi cuối cùng trong bản ghi";
    let explanation = `${f.response} đã liệt kê ${ui.list(f.contacts) || "một Contact"}. RFC 3261 §8.1.3.4 yêu cầu client (hoặc proxy có đệ quy) gửi lại yêu cầu tới các địa chỉ đó, thường theo thứ tự q (RFC 3261 §8.1.3.4 cho phép thứ tự bất kỳ).`;
    if (f.toPreserved === false) explanation += " Lần gửi lại đã đổi URI trong To, trong khi RFC 3261 §8.1.3.4 giữ nguyên To gốc cho yêu cầu mới.";
    if (f.furtherRetries > 0) explanation += ` Sau đó còn thử thêm ${String(f.furtherRetries)} Contact khác.`;
    if (f.code === 301) explanation += " 301 nghĩa là chuyển vĩnh viễn: các bản lưu URI cũ nên được cập nhật.";
    const steps: string[] = [];
    if (f.retryStatus === null) steps.push("Lần gửi lại không có phản hồi cuối cùng trong bản ghi: bắt gói lâu hơn hoặc ở chặng kế tiếp để biết kết cục.");
    else if (f.retryStatus < 300) steps.push("Không có gì cần sửa: chuyển hướng hoạt động và đích mới đã trả lời.");
    else {
      steps.push(`Bản thân chuyển hướng hoạt động; lỗi (${statusLine(f.retryStatus, null)}) đến từ đích mới ${f.retryUri ?? ""}: hãy tìm hiểu phản hồi đó (sipta explain ${String(f.retryStatus)}).`);
      steps.push("Nếu mọi Contact đều thất bại, kiểm tra máy chủ chuyển hướng có trỏ tới các đích đúng và tới được không.");
    }
    if (f.toPreserved === false) steps.push("Sửa client để lần gửi lại giữ nguyên header To gốc; một số máy chủ từ chối hoặc định tuyến sai khi To bị đổi.");
    return {
      summary: `Đã đi theo chuyển hướng: ${f.retry ?? "?"} được gửi tới ${f.retryUri ?? f.firstContact ?? "Contact"}${later}${result}.`,
      explanation,
      nextSteps: steps,
    };
  },
  "not-followed": (f, ui) => {
    const target = f.firstContact ?? "Contact";
    const steps = [
      "Kiểm tra bên gọi (điện thoại, PBX, SBC, trung kế) có được cấu hình để đi theo chuyển hướng không; nhiều thiết bị mặc định coi mọi 3xx là thất bại (tìm cài đặt kiểu follow 3xx, process redirects hoặc recurse on 3xx).",
      "Nếu proxy cần xử lý chuyển hướng thay cho bên gọi, hãy bật đệ quy khi gặp 3xx trên proxy đó.",
      `Kiểm tra ${target} có dùng được từ phía bên gọi không: scheme URI được hỗ trợ, host phân giải được, không phải địa chỉ riêng.`,
    ];
    if (f.ack === null) steps.push("Không thấy ACK cho 3xx: có thể client chưa bao giờ nhận được nó (kiểm tra Via và đường trả về).");
    return {
      summary: `${f.response}${f.requestUri !== null ? ` cho ${f.requestUri}` : ""} không được đi theo: không có yêu cầu mới nào tới ${ui.list(f.contacts) || target}.`,
      explanation: "Mã 3xx kết thúc transaction; sau đó client (hoặc proxy có đệ quy) phải gửi yêu cầu mới tới các địa chỉ trong Contact (RFC 3261 §8.1.3.4). Trong bản ghi không có thành phần nào làm vậy.",
      nextSteps: steps,
    };
  },
  loop: (f) => {
    const where = f.loopToSelf ? "chính URI vừa được yêu cầu" : "một đích đã thử trước đó";
    return {
      summary: `Vòng lặp chuyển hướng: ${f.response} trỏ ngược về ${f.loopTarget ?? "?"}, tức ${where}.`,
      explanation:
        "Đi theo chuyển hướng này sẽ gửi yêu cầu về nơi đã chuyển hướng nó, nên cuộc gọi không thể hoàn tất. Proxy không được thử cùng một đích hai lần (RFC 3261 §16.5), và client dừng ở lần lặp đầu tiên.",
      nextSteps: [
        "Sửa quy tắc chuyển tiếp trên máy chủ chuyển hướng: chuyển tiếp trỏ về chính người dùng, chuyển tiếp toàn bộ về cùng địa chỉ đăng ký, hoặc hai máy chủ chuyển hướng qua lại cho nhau.",
        "So sánh Request-URI của từng lần gửi lại với các Contact trong phản hồi 3xx để thấy vòng lặp khép lại ở đâu.",
        "Thiết bị cứ đi theo vòng lặp cần có giới hạn chuyển hướng; phần lớn dừng sau lần lặp đầu tiên.",
      ],
    };
  },
  "no-contact": (f) => {
    const alt = f.code === 380;
    return {
      summary: `${f.response} không có Contact dùng được: bên gọi không có nơi nào để thử lại.`,
      explanation: alt
        ? "380 Alternative Service mô tả các lựa chọn trong phần thân thay vì trong Contact (RFC 3261 §21.3.5), nên Contact rỗng là được phép; tuy vậy client thông thường vẫn không xử lý được."
        : "Mã 3xx nên mang một hoặc nhiều địa chỉ Contact để thử lại (RFC 3261 §21.3); bản này không có, hoặc chỉ có URI mà client không dùng được.",
      nextSteps: [
        alt ? "Đọc phần thân của 380 để biết dịch vụ thay thế được đề nghị." : "Sửa máy chủ chuyển hướng để nó thêm Contact với URI sip:, sips: hoặc tel: của đích mới.",
        "Nếu có Contact nhưng sai định dạng (mã hoá sai, tham số không có dấu ngoặc nhọn), sửa thành phần tạo ra nó.",
        "Trong lúc chờ, bên gọi coi 3xx là thất bại: hãy cho nó một tuyến khác (ví dụ gặp 3xx thì thử tuyến kế tiếp).",
      ],
    };
  },
};

const ZH: RedirectTexts = {
  followed: (f, ui) => {
    const later = f.retryAfterMs !== null ? `（${ui.duration(f.retryAfterMs)} 之后）` : "";
    const result = f.retryStatus !== null ? `，得到 ${statusLine(f.retryStatus, null)}` : "，抓包中没有其最终响应";
    let explanation = `${f.response} 列出了 ${ui.list(f.contacts) || "一个 Contact"}。RFC 3261 §8.1.3.4 规定客户端（或执行递归的代理）向这些地址重发请求，通常按 q 值顺序（RFC 3261 §8.1.3.4 允许任意顺序）。`;
    if (f.toPreserved === false) explanation += "重发的请求修改了 To URI，而 RFC 3261 §8.1.3.4 要求新请求保留原始 To。";
    if (f.furtherRetries > 0) explanation += `之后又尝试了另外 ${String(f.furtherRetries)} 个 Contact。`;
    if (f.code === 301) explanation += "301 表示永久迁移：应更新所有保存的旧 URI。";
    const steps: string[] = [];
    if (f.retryStatus === null) steps.push("重发的请求在抓包中没有最终响应：延长抓包时间或在下一跳抓包，查看其结果。");
    else if (f.retryStatus < 300) steps.push("无需处理：重定向生效，新目标已应答。");
    else {
      steps.push(`重定向本身已生效；失败（${statusLine(f.retryStatus, null)}）来自新目标 ${f.retryUri ?? ""}：请分析该响应（sipta explain ${String(f.retryStatus)}）。`);
      steps.push("如果所有 Contact 都失败，检查重定向服务器是否指向正确且可达的目标。");
    }
    if (f.toPreserved === false) steps.push("修正客户端，使重发时保留原始 To 头字段；部分服务器会拒绝或错误路由被修改了 To 的请求。");
    return {
      summary: `已跟随重定向：${f.retry ?? "?"} 发往 ${f.retryUri ?? f.firstContact ?? "Contact"}${later}${result}。`,
      explanation,
      nextSteps: steps,
    };
  },
  "not-followed": (f, ui) => {
    const target = f.firstContact ?? "Contact";
    const steps = [
      "检查主叫（话机、PBX、SBC、中继）是否配置为跟随重定向；许多设备默认把任何 3xx 当作失败（查找 follow 3xx、process redirects 或 recurse on 3xx 之类的设置）。",
      "如果应由代理替主叫处理重定向，在该代理上启用 3xx 递归。",
      `检查 ${target} 对主叫是否可用：URI 方案受支持、主机名可解析、不是私网地址。`,
    ];
    if (f.ack === null) steps.push("没有看到针对 3xx 的 ACK：客户端可能根本没有收到它（检查 Via 和回程路径）。");
    return {
      summary: `${f.response}${f.requestUri !== null ? `（请求 ${f.requestUri}）` : ""}未被跟随：没有任何新请求发往 ${ui.list(f.contacts) || target}。`,
      explanation: "3xx 结束事务；之后应由客户端（或执行递归的代理）向 Contact 中的地址发送新请求（RFC 3261 §8.1.3.4）。抓包中没有任何网元这样做。",
      nextSteps: steps,
    };
  },
  loop: (f) => {
    const where = f.loopToSelf ? "即刚刚请求的 URI" : "即之前已尝试过的目标";
    return {
      summary: `重定向环路：${f.response} 指回 ${f.loopTarget ?? "?"}，${where}。`,
      explanation: "跟随此重定向会把请求送回已经重定向过它的地方，呼叫无法完成。代理不得重复尝试同一目标（RFC 3261 §16.5），客户端也会在第一次重复时停止。",
      nextSteps: [
        "修正重定向服务器上的前转规则：指向用户自身的呼叫前转、指向同一注册地址的全部前转，或两台服务器互相重定向。",
        "将每次重发的 Request-URI 与各 3xx 应答中的 Contact 对比，找出环路闭合之处。",
        "一直跟随环路的设备需要设置重定向次数上限；大多数设备在第一次重复后就会停止。",
      ],
    };
  },
  "no-contact": (f) => {
    const alt = f.code === 380;
    return {
      summary: `${f.response} 没有可用的 Contact：主叫无处重试。`,
      explanation: alt
        ? "380 Alternative Service 在消息体而非 Contact 中描述替代方案（RFC 3261 §21.3.5），因此允许 Contact 为空；但普通客户端仍无法处理。"
        : "3xx 应携带一个或多个可供重试的 Contact 地址（RFC 3261 §21.3）；这个响应没有，或只有客户端无法使用的 URI。",
      nextSteps: [
        alt ? "阅读 380 的消息体，了解提供了哪种替代服务。" : "修正重定向服务器，使其添加含新目标 sip:、sips: 或 tel: URI 的 Contact。",
        "如果有 Contact 但格式错误（转义错误、带参数却缺少尖括号），修正生成它的网元。",
        "在此之前主叫会把 3xx 当作失败：为其提供另一条路由（例如遇到 3xx 时尝试下一条路由）。",
      ],
    };
  },
};

export const REDIRECT_TEXTS: Readonly<Record<Lang, RedirectTexts>> = { en: EN, vi: VI, zh: ZH };
