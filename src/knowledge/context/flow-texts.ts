/**
 * Words for outbound-flow outcomes on 430 and 439 (RFC 5626 §4.4 keepalives, §4.5 flow recovery, §5.3 and §7 the
 * proxy's retry, §6 and §4.2.1 for 439, §11.5, §11.6). Delays are measured from the 430; the RFC 5626 §4.5 back-off
 * is only ever applied between a failed re-registration attempt and the next (the first one is due at once).
 */
import type { FlowOutcome } from "../../model/outcomes.js";
import type { UiStrings } from "../locale/index.js";
import type { AnnotationText, Lang } from "../types.js";
import { statusLine } from "./facts.js";
import type { FlowFacts } from "./flow-facts.js";

type FlowTexts = Readonly<Record<FlowOutcome, (f: FlowFacts, ui: UiStrings) => AnnotationText>>;

function regIdText(f: FlowFacts): string {
  return f.regId === null ? "" : ` (reg-id ${String(f.regId)})`;
}

// ---------------------------------------------------------------- English

const EN_PRIOR: Readonly<Record<string, string>> = {
  "connection-closed": "the old connection closed",
  "connection-reset": "the old connection was reset",
  "keepalive-unanswered": "the unanswered keepalive",
  expired: "the registration expired",
  unregistered: "the UA unregistered",
};

/** "12 s after the 430 (22 s after the old connection closed)". */
function enDelay(f: FlowFacts, ui: UiStrings): string {
  if (f.reregisterDelayMs === null) return "";
  const since = f.prior?.toReregisterMs != null ? ` (${ui.duration(f.prior.toReregisterMs)} after ${EN_PRIOR[f.prior.kind] ?? f.prior.kind})` : "";
  return `${ui.duration(f.reregisterDelayMs)} after the 430${since}`;
}

/** How late the UA noticed, judged against what it could see itself or its keepalives (RFC 5626 §4.4.1). */
function enNotice(f: FlowFacts, ui: UiStrings): string {
  if (f.noticedLate === null || f.noticeByMs === null) {
    return f.reregisterDelayMs !== null && f.flowTimer === null && f.prior === null ? " No Flow-Timer was seen, so how late the UA noticed cannot be judged." : "";
  }
  if (f.prior !== null && f.prior.kind !== "keepalive-unanswered") {
    return f.noticedLate
      ? ` The UA could see ${EN_PRIOR[f.prior.kind] ?? f.prior.kind} ${ui.duration(f.prior.beforeMs)} before the 430 and should have registered again at once (RFC 5626 §4.5); it waited.`
      : " The UA registered again promptly after it could see the failure, as RFC 5626 §4.5 asks.";
  }
  const bound = f.flowTimer === null ? "" : ` (Flow-Timer ${String(f.flowTimer)} s plus 10 s for a pong, RFC 5626 §4.4.1)`;
  return f.noticedLate
    ? ` Its keepalives${bound} should have shown the failure by ${ui.duration(Math.max(0, f.noticeByMs))} after the 430: the UA noticed the failure late.`
    : ` That is within what its keepalives allow${bound}.`;
}

function enBackoff(f: FlowFacts, ui: UiStrings): string {
  if (f.failedAttempt === null || f.backoff === null) return "";
  const win = `${ui.duration(f.backoff.min)} to ${ui.duration(f.backoff.max)}`;
  if (f.nextAttemptGapMs === null) return ` Its first attempt ${f.failedAttempt} failed, and no next attempt came within the RFC 5626 §4.5 back-off (${win}).`;
  return ` Its first attempt ${f.failedAttempt} failed; the next came ${ui.duration(f.nextAttemptGapMs)} later, ${f.backoffRespected === true ? "within" : "outside"} the RFC 5626 §4.5 back-off after one failure (${win}).`;
}

const EN: FlowTexts = {
  recovered: (f, ui) => {
    const status = f.retryStatus !== null ? ` (${statusLine(f.retryStatus, null)})` : "";
    const delay = enDelay(f, ui);
    return {
      summary: `Flow failure for ${f.aor ?? "the user"}${regIdText(f)} recovered: the request was retried over another flow as ${f.retry ?? "?"}${status}, and the UA registered the flow again${delay === "" ? "" : ` ${delay}`} (${f.reregister ?? "?"}).`,
      explanation: `${f.response} means the edge proxy could no longer use the flow the request was routed to: the connection behind its flow token was gone. The authoritative proxy retries over another flow of the same instance (RFC 5626 §5.3, §7), and the UA re-registers the failed reg-id as soon as it notices (§4.5).${enNotice(f, ui)}${enBackoff(f, ui)}`,
      nextSteps: [
        f.noticedLate === true
          ? "Make the UA notice dead flows sooner and re-register at once: keepalives at the Flow-Timer interval (RFC 5626 §4.4.1), a failure declared 10 s after an unanswered ping, and a new REGISTER as soon as a connection closes."
          : "No action needed for this event: SIP Outbound did what it is designed for.",
        "If flows fail often, find why: NAT or firewall idle timeouts shorter than the keepalive interval (compare with Flow-Timer), edge proxy restarts, mobile network changes.",
      ],
    };
  },
  "flow-not-restored": (f) => {
    const via = f.retry !== null ? ` (${f.retry}${f.retryStatus !== null ? `, ${statusLine(f.retryStatus, null)}` : ""})` : "";
    const steps = [
      "The UA never re-registered the flow: check its keepalives (CRLF ping and pong on TCP or TLS, RFC 5626 §4.4.1; STUN on UDP, §4.4.2) and its reconnection logic (§4.5).",
      "Check that the registrar returned Flow-Timer and the UA honours it, and that the UA notices a closed connection (TCP reset, missing pong).",
    ];
    if (f.flowTimer !== null) steps.push(`If the trace ended soon after the failure, capture longer: a UA notices a silent failure only at its next keepalive (up to Flow-Timer ${String(f.flowTimer)} s, plus 10 s for the pong).`);
    return {
      summary: `Flow for ${f.aor ?? "the user"}${regIdText(f)} failed and was not restored: the request got through over another flow${via}, but the failed flow was never registered again in the trace.`,
      explanation:
        "The authoritative proxy saved this request, but the UA now has one flow fewer: if its remaining flow fails too, it becomes unreachable. RFC 5626 §4.5 has the UA register the failed reg-id again as soon as it notices the failure; only if that attempt fails does it wait (the first retry 30 to 60 s later when all its flows failed, 90 to 180 s otherwise).",
      nextSteps: steps,
    };
  },
  "request-lost": (f, ui) => {
    const none = f.otherFlows.length === 0;
    const came = f.reregister !== null ? ` The UA registered the flow again ${enDelay(f, ui)} (${f.reregister}).${enNotice(f, ui)}${enBackoff(f, ui)}` : "";
    return {
      summary: `${f.response} for ${f.aor ?? "the user"}${regIdText(f)}: the request was not retried over another flow and was lost.${none ? " The instance had no other live flow." : ` ${String(f.otherFlows.length)} other ${f.otherFlows.length === 1 ? "flow was" : "flows were"} live: ${f.otherFlows.join("; ")}.`}`,
      explanation:
        (none
          ? "When the edge proxy answers 430, the authoritative proxy should retry over another registered flow of the same instance (RFC 5626 §7). This UA had registered only the failed flow, so there was nothing to fail over to."
          : "When the edge proxy answers 430, the authoritative proxy should retry over another registered flow of the same instance (RFC 5626 §7). Live flows existed, but no retry used them.") + came,
      nextSteps: [
        none
          ? "Register at least two flows per instance (reg-id 1 and 2) through different edge proxies, so one failure does not make the UA unreachable."
          : "Check the authoritative proxy's outbound support: on 430 it should retry over another flow of the same +sip.instance (a different reg-id), RFC 5626 §7.",
        "Make the UA notice dead flows sooner (keepalive interval below NAT timeouts, honour Flow-Timer) and register the failed reg-id again at once.",
      ],
    };
  },
  "first-hop-lacks-outbound": (f) => {
    const t = f.trigger;
    const asked = t === null ? "the UA asked for outbound" : `the REGISTER asked for outbound (reg-id ${t.regId === null ? "?" : String(t.regId)} in Contact${t.supportedOutbound ? ", Supported: outbound" : ""})`;
    const path = t?.path != null ? `the first hop's Path <${t.path.replace(/^<|>$/gu, "")}> has no ';ob'` : "the first hop added no Path with ';ob'";
    const err = t?.registrarError != null ? ` The registrar says: "${t.registrarError}".` : "";
    return {
      summary:
        f.relayedFrom !== null
          ? `${f.response} relayed to the UA by the first hop (the registrar's 439 is ${f.relayedFrom}): registration of ${f.aor ?? "the user"}${regIdText(f)} refused, the first hop does not support SIP Outbound.`
          : `Registration of ${f.aor ?? "the user"}${regIdText(f)} refused with ${f.response}: the first hop does not support SIP Outbound.`,
      explanation: `The registrar refuses because ${asked} but ${path}, so it cannot create a flow-based binding (RFC 5626 §6).${err}${f.relayedFrom !== null ? " This copy is the edge proxy passing that 439 on: one event seen on two hops." : ""}`,
      nextSteps: [
        "Enable outbound (RFC 5626 with Path, RFC 3327) on the edge proxy so its Path entry carries ';ob', or register through an edge proxy that supports it.",
        "On the UA: RFC 5626 §4.2.1 lets it register again without outbound (no reg-id) or through another outbound proxy; a UA that does neither stays unregistered.",
      ],
    };
  },
};

// ---------------------------------------------------------------- Vietnamese

const VI_PRIOR: Readonly<Record<string, string>> = {
  "connection-closed": "kết nối cũ đóng",
  "connection-reset": "kết nối cũ bị reset",
  "keepalive-unanswered": "gói giữ kết nối không được trả lời",
  expired: "đăng ký hết hạn",
  unregistered: "UA huỷ đăng ký",
};

function viDelay(f: FlowFacts, ui: UiStrings): string {
  if (f.reregisterDelayMs === null) return "";
  const since = f.prior?.toReregisterMs != null ? ` (${ui.duration(f.prior.toReregisterMs)} sau khi ${VI_PRIOR[f.prior.kind] ?? f.prior.kind})` : "";
  return `${ui.duration(f.reregisterDelayMs)} sau 430${since}`;
}

function viNotice(f: FlowFacts, ui: UiStrings): string {
  if (f.noticedLate === null || f.noticeByMs === null) {
    return f.reregisterDelayMs !== null && f.flowTimer === null && f.prior === null ? " Không thấy Flow-Timer, nên không đánh giá được UA phát hiện muộn tới mức nào." : "";
  }
  if (f.prior !== null && f.prior.kind !== "keepalive-unanswered") {
    return f.noticedLate
      ? ` UA đã thấy ${VI_PRIOR[f.prior.kind] ?? f.prior.kind} ${ui.duration(f.prior.beforeMs)} trước 430 và lẽ ra phải đăng ký lại ngay (RFC 5626 §4.5); nó đã chờ.`
      : " UA đã đăng ký lại ngay sau khi thấy sự cố, đúng như RFC 5626 §4.5 yêu cầu.";
  }
  const bound = f.flowTimer === null ? "" : ` (Flow-Timer ${String(f.flowTimer)} s cộng 10 s chờ pong, RFC 5626 §4.4.1)`;
  return f.noticedLate
    ? ` Gói giữ kết nối của nó${bound} lẽ ra đã cho thấy sự cố chậm nhất ${ui.duration(Math.max(0, f.noticeByMs))} sau 430: UA phát hiện sự cố muộn.`
    : ` Điều đó nằm trong giới hạn mà gói giữ kết nối cho phép${bound}.`;
}

function viBackoff(f: FlowFacts, ui: UiStrings): string {
  if (f.failedAttempt === null || f.backoff === null) return "";
  const win = `${ui.duration(f.backoff.min)} đến ${ui.duration(f.backoff.max)}`;
  if (f.nextAttemptGapMs === null) return ` Lần thử đầu ${f.failedAttempt} thất bại, và không có lần thử tiếp theo trong khoảng chờ của RFC 5626 §4.5 (${win}).`;
  return ` Lần thử đầu ${f.failedAttempt} thất bại; lần tiếp theo đến sau ${ui.duration(f.nextAttemptGapMs)}, ${f.backoffRespected === true ? "nằm trong" : "nằm ngoài"} khoảng chờ của RFC 5626 §4.5 sau một lần thất bại (${win}).`;
}

const VI: FlowTexts = {
  recovered: (f, ui) => {
    const status = f.retryStatus !== null ? ` (${statusLine(f.retryStatus, null)})` : "";
    const delay = viDelay(f, ui);
    return {
      summary: `Sự cố flow của ${f.aor ?? "người dùng"}${regIdText(f)} đã được khôi phục: yêu cầu được gửi lại qua flow khác là ${f.retry ?? "?"}${status}, và UA đã đăng ký lại flow${delay === "" ? "" : ` ${delay}`} (${f.reregister ?? "?"}).`,
      explanation: `${f.response} nghĩa là edge proxy không còn dùng được flow mà yêu cầu được định tuyến tới: kết nối ứng với flow token đã mất. Proxy có thẩm quyền gửi lại qua flow khác của cùng instance (RFC 5626 §5.3, §7), và UA đăng ký lại reg-id hỏng ngay khi phát hiện (§4.5).${viNotice(f, ui)}${viBackoff(f, ui)}`,
      nextSteps: [
        f.noticedLate === true
          ? "Giúp UA phát hiện flow chết sớm hơn và đăng ký lại ngay: gửi gói giữ kết nối theo chu kỳ Flow-Timer (RFC 5626 §4.4.1), coi flow là hỏng sau 10 s không có pong, và gửi REGISTER mới ngay khi kết nối đóng."
          : "Không cần làm gì với sự kiện này: SIP Outbound đã làm đúng việc nó được thiết kế.",
        "Nếu flow hỏng thường xuyên, hãy tìm nguyên nhân: thời gian chờ nhàn rỗi của NAT hoặc tường lửa ngắn hơn chu kỳ giữ kết nối (so với Flow-Timer), edge proxy khởi động lại, mạng di động thay đổi.",
      ],
    };
  },
  "flow-not-restored": (f) => {
    const via = f.retry !== null ? ` (${f.retry}${f.retryStatus !== null ? `, ${statusLine(f.retryStatus, null)}` : ""})` : "";
    const steps = [
      "UA không bao giờ đăng ký lại flow: kiểm tra gói giữ kết nối của nó (ping và pong CRLF trên TCP hoặc TLS, RFC 5626 §4.4.1; STUN trên UDP, §4.4.2) và logic kết nối lại (§4.5).",
      "Kiểm tra registrar có trả Flow-Timer và UA có tuân theo không, và UA có phát hiện kết nối bị đóng không (TCP reset, thiếu pong).",
    ];
    if (f.flowTimer !== null) steps.push(`Nếu bản ghi kết thúc ngay sau sự cố, hãy bắt gói lâu hơn: UA chỉ phát hiện sự cố âm thầm ở gói giữ kết nối kế tiếp (tối đa Flow-Timer ${String(f.flowTimer)} s, cộng 10 s chờ pong).`);
    return {
      summary: `Flow của ${f.aor ?? "người dùng"}${regIdText(f)} bị hỏng và không được khôi phục: yêu cầu đã đi qua flow khác${via}, nhưng flow hỏng không được đăng ký lại trong bản ghi.`,
      explanation:
        "Proxy có thẩm quyền đã cứu được yêu cầu này, nhưng giờ UA thiếu một flow: nếu flow còn lại cũng hỏng, UA sẽ không liên lạc được. RFC 5626 §4.5 yêu cầu UA đăng ký lại reg-id hỏng ngay khi phát hiện sự cố; chỉ khi lần thử đó thất bại nó mới chờ (lần thử lại đầu tiên sau 30 đến 60 s nếu mọi flow đều hỏng, 90 đến 180 s nếu không).",
      nextSteps: steps,
    };
  },
  "request-lost": (f, ui) => {
    const none = f.otherFlows.length === 0;
    const came = f.reregister !== null ? ` UA đã đăng ký lại flow ${viDelay(f, ui)} (${f.reregister}).${viNotice(f, ui)}${viBackoff(f, ui)}` : "";
    return {
      summary: `${f.response} cho ${f.aor ?? "người dùng"}${regIdText(f)}: yêu cầu không được gửi lại qua flow khác và đã bị mất.${none ? " Instance này không có flow nào khác đang sống." : ` Có ${String(f.otherFlows.length)} flow khác đang sống: ${f.otherFlows.join("; ")}.`}`,
      explanation:
        (none
          ? "Khi edge proxy trả 430, proxy có thẩm quyền nên gửi lại qua một flow đã đăng ký khác của cùng instance (RFC 5626 §7). UA này chỉ đăng ký đúng flow đã hỏng, nên không có gì để chuyển sang."
          : "Khi edge proxy trả 430, proxy có thẩm quyền nên gửi lại qua một flow đã đăng ký khác của cùng instance (RFC 5626 §7). Có flow đang sống nhưng không lần gửi lại nào dùng chúng.") + came,
      nextSteps: [
        none
          ? "Đăng ký ít nhất hai flow cho mỗi instance (reg-id 1 và 2) qua các edge proxy khác nhau, để một sự cố không làm UA mất liên lạc."
          : "Kiểm tra hỗ trợ outbound của proxy có thẩm quyền: khi gặp 430 nó nên gửi lại qua flow khác của cùng +sip.instance (reg-id khác), RFC 5626 §7.",
        "Giúp UA phát hiện flow chết sớm hơn (chu kỳ giữ kết nối ngắn hơn thời gian chờ của NAT, tuân theo Flow-Timer) và đăng ký lại ngay reg-id bị hỏng.",
      ],
    };
  },
  "first-hop-lacks-outbound": (f) => {
    const t = f.trigger;
    const asked = t === null ? "UA đã yêu cầu outbound" : `REGISTER đã yêu cầu outbound (reg-id ${t.regId === null ? "?" : String(t.regId)} trong Contact${t.supportedOutbound ? ", Supported: outbound" : ""})`;
    const path = t?.path != null ? `Path của chặng đầu tiên <${t.path.replace(/^<|>$/gu, "")}> không có ';ob'` : "chặng đầu tiên không thêm Path có ';ob'";
    const err = t?.registrarError != null ? ` Registrar ghi: "${t.registrarError}".` : "";
    return {
      summary:
        f.relayedFrom !== null
          ? `${f.response} được chặng đầu tiên chuyển tiếp tới UA (439 gốc của registrar là ${f.relayedFrom}): đăng ký của ${f.aor ?? "người dùng"}${regIdText(f)} bị từ chối, chặng đầu tiên không hỗ trợ SIP Outbound.`
          : `Đăng ký của ${f.aor ?? "người dùng"}${regIdText(f)} bị registrar từ chối bằng ${f.response}: chặng đầu tiên không hỗ trợ SIP Outbound.`,
      explanation: `Registrar từ chối vì ${asked} nhưng ${path}, nên nó không thể tạo binding theo flow (RFC 5626 §6).${err}${f.relayedFrom !== null ? " Bản này là edge proxy chuyển tiếp chính 439 đó: một sự kiện thấy trên hai chặng." : ""}`,
      nextSteps: [
        "Bật outbound (RFC 5626 cùng Path, RFC 3327) trên edge proxy để mục Path của nó mang ';ob', hoặc đăng ký qua edge proxy có hỗ trợ.",
        "Phía UA: RFC 5626 §4.2.1 cho phép nó đăng ký lại không dùng outbound (không reg-id) hoặc qua một outbound proxy khác; UA không làm cả hai sẽ vẫn chưa đăng ký.",
      ],
    };
  },
};

// ---------------------------------------------------------------- Chinese

const ZH_PRIOR: Readonly<Record<string, string>> = {
  "connection-closed": "旧连接关闭",
  "connection-reset": "旧连接被重置",
  "keepalive-unanswered": "保活未获应答",
  expired: "注册过期",
  unregistered: "UA 注销",
};

function zhDelay(f: FlowFacts, ui: UiStrings): string {
  if (f.reregisterDelayMs === null) return "";
  const since = f.prior?.toReregisterMs != null ? `（${ZH_PRIOR[f.prior.kind] ?? f.prior.kind}之后 ${ui.duration(f.prior.toReregisterMs)}）` : "";
  return `在 430 之后 ${ui.duration(f.reregisterDelayMs)}${since}`;
}

function zhNotice(f: FlowFacts, ui: UiStrings): string {
  if (f.noticedLate === null || f.noticeByMs === null) {
    return f.reregisterDelayMs !== null && f.flowTimer === null && f.prior === null ? "抓包中没有 Flow-Timer，无法判断 UA 发现故障晚了多少。" : "";
  }
  if (f.prior !== null && f.prior.kind !== "keepalive-unanswered") {
    return f.noticedLate
      ? `UA 在 430 之前 ${ui.duration(f.prior.beforeMs)}就能看到${ZH_PRIOR[f.prior.kind] ?? f.prior.kind}，本应立即重新注册（RFC 5626 §4.5），它却等待了。`
      : "UA 在能看到故障后立即重新注册，符合 RFC 5626 §4.5 的要求。";
  }
  const bound = f.flowTimer === null ? "" : `（Flow-Timer ${String(f.flowTimer)} 秒，加上等待 pong 的 10 秒，RFC 5626 §4.4.1）`;
  return f.noticedLate
    ? `它的保活${bound}最迟应在 430 之后 ${ui.duration(Math.max(0, f.noticeByMs))}暴露故障：UA 发现故障太晚。`
    : `这在保活所允许的范围内${bound}。`;
}

function zhBackoff(f: FlowFacts, ui: UiStrings): string {
  if (f.failedAttempt === null || f.backoff === null) return "";
  const win = `${ui.duration(f.backoff.min)}到 ${ui.duration(f.backoff.max)}`;
  if (f.nextAttemptGapMs === null) return `第一次尝试 ${f.failedAttempt} 失败，且在 RFC 5626 §4.5 的退避时间（${win}）内没有下一次尝试。`;
  return `第一次尝试 ${f.failedAttempt} 失败；下一次在 ${ui.duration(f.nextAttemptGapMs)}后到来，${f.backoffRespected === true ? "符合" : "不符合"} RFC 5626 §4.5 一次失败后的退避时间（${win}）。`;
}

const ZH: FlowTexts = {
  recovered: (f, ui) => {
    const status = f.retryStatus !== null ? `（${statusLine(f.retryStatus, null)}）` : "";
    const delay = zhDelay(f, ui);
    return {
      summary: `${f.aor ?? "该用户"}${regIdText(f)} 的流故障已恢复：请求经另一个流以 ${f.retry ?? "?"} 重发${status}，UA ${delay}重新注册了该流（${f.reregister ?? "?"}）。`,
      explanation: `${f.response} 表示边缘代理已无法使用请求被路由到的流：其流令牌对应的连接已经不存在。权威代理会经同一实例的另一个流重发（RFC 5626 §5.3、§7），UA 一旦发现就立即重新注册失败的 reg-id（§4.5）。${zhNotice(f, ui)}${zhBackoff(f, ui)}`,
      nextSteps: [
        f.noticedLate === true
          ? "让 UA 更早发现失效的流并立即重新注册：按 Flow-Timer 间隔发送保活（RFC 5626 §4.4.1），ping 后 10 秒无 pong 即判定失败，连接一关闭就发送新的 REGISTER。"
          : "此事件无需处理：SIP Outbound 正按设计工作。",
        "如果流频繁失败，查找原因：NAT 或防火墙的空闲超时短于保活间隔（与 Flow-Timer 比较）、边缘代理重启、移动网络切换。",
      ],
    };
  },
  "flow-not-restored": (f) => {
    const via = f.retry !== null ? `（${f.retry}${f.retryStatus !== null ? `，${statusLine(f.retryStatus, null)}` : ""}）` : "";
    const steps = [
      "UA 从未重新注册该流：检查其保活（TCP 或 TLS 上的 CRLF ping 与 pong，RFC 5626 §4.4.1；UDP 上的 STUN，§4.4.2）和重连逻辑（§4.5）。",
      "检查注册服务器是否返回了 Flow-Timer 且 UA 是否遵守，以及 UA 能否发现连接已关闭（TCP 重置、缺少 pong）。",
    ];
    if (f.flowTimer !== null) steps.push(`如果抓包在故障后很快结束，请延长抓包：UA 只有在下一次保活时才会发现无声的故障（最多 Flow-Timer ${String(f.flowTimer)} 秒，再加等待 pong 的 10 秒）。`);
    return {
      summary: `${f.aor ?? "该用户"}${regIdText(f)} 的流已失败且未恢复：请求经另一个流送达${via}，但抓包中失败的流始终没有重新注册。`,
      explanation:
        "权威代理挽救了这次请求，但 UA 现在少了一个流：如果剩下的流也失败，它将无法被呼叫。RFC 5626 §4.5 要求 UA 一发现故障就重新注册失败的 reg-id；只有这次尝试失败时才需等待（所有流都失败时第一次重试在 30 到 60 秒后，否则在 90 到 180 秒后）。",
      nextSteps: steps,
    };
  },
  "request-lost": (f, ui) => {
    const none = f.otherFlows.length === 0;
    const came = f.reregister !== null ? `UA ${zhDelay(f, ui)}重新注册了该流（${f.reregister}）。${zhNotice(f, ui)}${zhBackoff(f, ui)}` : "";
    return {
      summary: `${f.aor ?? "该用户"}${regIdText(f)} 收到 ${f.response}：请求没有经其他流重发，已经丢失。${none ? "该实例没有其他活动的流。" : `当时有 ${String(f.otherFlows.length)} 个其他活动的流：${f.otherFlows.join("；")}。`}`,
      explanation:
        (none
          ? "边缘代理回 430 时，权威代理应经同一实例的另一个已注册流重发（RFC 5626 §7）。此 UA 只注册了失败的那个流，无从切换。"
          : "边缘代理回 430 时，权威代理应经同一实例的另一个已注册流重发（RFC 5626 §7）。当时存在活动的流，但没有任何重发使用它们。") + came,
      nextSteps: [
        none
          ? "每个实例至少经不同的边缘代理注册两个流（reg-id 1 和 2），这样单个故障不会让 UA 无法被呼叫。"
          : "检查权威代理对 outbound 的支持：收到 430 时它应经同一 +sip.instance 的另一个流（不同的 reg-id）重发，RFC 5626 §7。",
        "让 UA 更早发现失效的流（保活间隔小于 NAT 超时，遵守 Flow-Timer），并立即重新注册失败的 reg-id。",
      ],
    };
  },
  "first-hop-lacks-outbound": (f) => {
    const t = f.trigger;
    const asked = t === null ? "UA 请求了 outbound" : `REGISTER 请求了 outbound（Contact 中的 reg-id ${t.regId === null ? "?" : String(t.regId)}${t.supportedOutbound ? "，Supported: outbound" : ""}）`;
    const path = t?.path != null ? `第一跳的 Path <${t.path.replace(/^<|>$/gu, "")}> 没有 ';ob'` : "第一跳没有添加带 ';ob' 的 Path";
    const err = t?.registrarError != null ? `注册服务器的说明：“${t.registrarError}”。` : "";
    return {
      summary:
        f.relayedFrom !== null
          ? `第一跳把 ${f.response} 转发给了 UA（注册服务器生成的 439 是 ${f.relayedFrom}）：${f.aor ?? "该用户"}${regIdText(f)} 的注册被拒绝，第一跳不支持 SIP Outbound。`
          : `${f.aor ?? "该用户"}${regIdText(f)} 的注册被注册服务器以 ${f.response} 拒绝：第一跳不支持 SIP Outbound。`,
      explanation: `注册服务器拒绝的原因是：${asked}，但${path}，因此无法创建基于流的绑定（RFC 5626 §6）。${err}${f.relayedFrom !== null ? "这一份是边缘代理转发的同一个 439：一个事件，在两跳上各见一次。" : ""}`,
      nextSteps: [
        "在边缘代理上启用 outbound（RFC 5626 及 Path，RFC 3327），使其 Path 条目带 ';ob'，或经支持它的边缘代理注册。",
        "在 UA 上：RFC 5626 §4.2.1 允许它不使用 outbound（不带 reg-id）重新注册，或经另一个 outbound 代理注册；两者都不做的 UA 将一直处于未注册状态。",
      ],
    };
  },
};

export const FLOW_TEXTS: Readonly<Record<Lang, FlowTexts>> = { en: EN, vi: VI, zh: ZH };
