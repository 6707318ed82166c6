/** Words for outbound-flow outcomes on 430 and 439 (RFC 5626 §4.4 keepalives, §4.5 flow recovery, §11.5, §11.6). */
import type { FlowOutcome } from "../../model/outcomes.js";
import type { UiStrings } from "../locale/index.js";
import type { AnnotationText, Lang } from "../types.js";
import { statusLine } from "./facts.js";
import type { FlowFacts } from "./flow-facts.js";
import { compareToBackoff } from "./flow-facts.js";

type FlowTexts = Readonly<Record<FlowOutcome, (f: FlowFacts, ui: UiStrings) => AnnotationText>>;

function regIdText(f: FlowFacts): string {
  return f.regId === null ? "" : ` (reg-id ${String(f.regId)})`;
}

const EN: FlowTexts = {
  recovered: (f, ui) => {
    const status = f.retryStatus !== null ? ` (${statusLine(f.retryStatus, null)})` : "";
    const delay = f.reregisterDelayMs !== null ? ` ${ui.duration(f.reregisterDelayMs)} later` : "";
    const cmp = compareToBackoff(f);
    const b = f.backoff;
    let backoffText = "";
    if (cmp !== null && b !== null) {
      const win = `${ui.duration(b.min)} to ${ui.duration(b.max)}`;
      backoffText =
        cmp === "within"
          ? ` The re-registration came within the RFC 5626 §4.5 back-off window (${win}).`
          : cmp === "below"
            ? ` The re-registration came sooner than the RFC 5626 §4.5 back-off window (${win}); harmless once, but a UA that reconnects too fast can overload the edge proxy after an outage.`
            : ` The re-registration came later than the RFC 5626 §4.5 back-off window (${win}): the UA noticed the failure late.`;
    }
    return {
      summary: `Flow failure for ${f.aor ?? "the user"}${regIdText(f)} recovered: the request was retried over another flow as ${f.retry ?? "?"}${status}, and the UA registered the flow again${delay} (${f.reregister ?? "?"}).`,
      explanation: `${f.response} means the edge proxy could no longer use the flow the request was routed to: the connection behind its flow token was gone. RFC 5626 lets the authoritative proxy use another flow of the same instance and has the UA re-create the failed one.${backoffText}`,
      nextSteps: [
        "No action needed for this event: SIP Outbound did what it is designed for.",
        "If flows fail often, find why: NAT or firewall idle timeouts shorter than the keepalive interval (compare with Flow-Timer), edge proxy restarts, mobile network changes.",
      ],
    };
  },
  "flow-not-restored": (f, ui) => {
    const via = f.retry !== null ? ` (${f.retry}${f.retryStatus !== null ? `, ${statusLine(f.retryStatus, null)}` : ""})` : "";
    const steps = [
      "The UA never re-registered the flow: check its keepalives (CRLF ping and pong on TCP or TLS, RFC 5626 §4.4.1; STUN on UDP, §4.4.2) and its reconnection logic (§4.5).",
      "Check that the registrar returned Flow-Timer and the UA honours it, and that the UA notices a closed connection (TCP reset, missing pong).",
    ];
    if (f.backoff !== null) steps.push(`If the trace ended less than ${ui.duration(f.backoff.max)} after the failure, capture longer: the UA may still be inside its back-off window.`);
    return {
      summary: `Flow for ${f.aor ?? "the user"}${regIdText(f)} failed and was not restored: the request got through over another flow${via}, but the failed flow was never registered again in the trace.`,
      explanation:
        "The authoritative proxy saved this request, but the UA now has one flow fewer: if its remaining flow fails too, it becomes unreachable. RFC 5626 §4.5 has the UA register a failed flow again after a back-off.",
      nextSteps: steps,
    };
  },
  "request-lost": (f) => {
    const none = f.otherFlows.length === 0;
    return {
      summary: `${f.response} for ${f.aor ?? "the user"}${regIdText(f)}: the request was not retried over another flow and was lost.${none ? " The instance had no other live flow." : ` ${String(f.otherFlows.length)} other flow(s) were live: ${f.otherFlows.join("; ")}.`}`,
      explanation: none
        ? "When the edge proxy answers 430, the authoritative proxy should retry over another registered flow of the same instance (RFC 5626). This UA had registered only the failed flow, so there was nothing to fail over to."
        : "When the edge proxy answers 430, the authoritative proxy should retry over another registered flow of the same instance (RFC 5626). Live flows existed, but no retry used them.",
      nextSteps: [
        none
          ? "Register at least two flows per instance (reg-id 1 and 2) through different edge proxies, so one failure does not make the UA unreachable."
          : "Check the authoritative proxy's outbound support: on 430 it must drop the failed binding and retry over the other flows of the same +sip.instance.",
        "Make the UA notice dead flows sooner (keepalive interval below NAT timeouts, honour Flow-Timer) and register the failed reg-id again.",
      ],
    };
  },
  "first-hop-lacks-outbound": (f) => ({
    summary: `Registration of ${f.aor ?? "the user"}${regIdText(f)} refused with ${f.response}: the first hop does not support SIP Outbound.`,
    explanation:
      "The UA asked for SIP Outbound (+sip.instance and reg-id in its Contact) and the registrar supports it, but the first proxy on the path did not add a Path with ';ob', so the registrar cannot create a flow-based binding (RFC 5626).",
    nextSteps: [
      "Enable outbound (RFC 5626 with Path, RFC 3327) on the edge proxy so it adds a Path with ';ob', or register through an edge proxy that supports it.",
      "Or turn off outbound on the UA (no reg-id) for this proxy; it will then register the classic way.",
      "Check that the REGISTER really passes through the edge proxy (Via and Path headers) and is not sent straight to the registrar.",
    ],
  }),
};

const VI: FlowTexts = {
  recovered: (f, ui) => {
    const status = f.retryStatus !== null ? ` (${statusLine(f.retryStatus, null)})` : "";
    const delay = f.reregisterDelayMs !== null ? ` sau ${ui.duration(f.reregisterDelayMs)}` : "";
    const cmp = compareToBackoff(f);
    const b = f.backoff;
    let backoffText = "";
    if (cmp !== null && b !== null) {
      const win = `${ui.duration(b.min)} đến ${ui.duration(b.max)}`;
      backoffText =
        cmp === "within"
          ? ` Lần đăng ký lại nằm trong khoảng chờ tăng dần của RFC 5626 §4.5 (${win}).`
          : cmp === "below"
            ? ` Lần đăng ký lại đến sớm hơn khoảng chờ của RFC 5626 §4.5 (${win}); một lần thì vô hại, nhưng UA kết nối lại quá nhanh có thể làm quá tải edge proxy sau sự cố.`
            : ` Lần đăng ký lại đến muộn hơn khoảng chờ của RFC 5626 §4.5 (${win}): UA phát hiện sự cố muộn.`;
    }
    return {
      summary: `Sự cố flow của ${f.aor ?? "người dùng"}${regIdText(f)} đã được khôi phục: yêu cầu được gửi lại qua flow khác là ${f.retry ?? "?"}${status}, và UA đã đăng ký lại flow${delay} (${f.reregister ?? "?"}).`,
      explanation: `${f.response} nghĩa là edge proxy không còn dùng được flow mà yêu cầu được định tuyến tới: kết nối ứng với flow token đã mất. RFC 5626 cho phép proxy có thẩm quyền dùng flow khác của cùng instance và yêu cầu UA tạo lại flow hỏng.${backoffText}`,
      nextSteps: [
        "Không cần làm gì với sự kiện này: SIP Outbound đã làm đúng việc nó được thiết kế.",
        "Nếu flow hỏng thường xuyên, hãy tìm nguyên nhân: thời gian chờ nhàn rỗi của NAT hoặc tường lửa ngắn hơn chu kỳ giữ kết nối (so với Flow-Timer), edge proxy khởi động lại, mạng di động thay đổi.",
      ],
    };
  },
  "flow-not-restored": (f, ui) => {
    const via = f.retry !== null ? ` (${f.retry}${f.retryStatus !== null ? `, ${statusLine(f.retryStatus, null)}` : ""})` : "";
    const steps = [
      "UA không bao giờ đăng ký lại flow: kiểm tra gói giữ kết nối của nó (ping và pong CRLF trên TCP hoặc TLS, RFC 5626 §4.4.1; STUN trên UDP, §4.4.2) và logic kết nối lại (§4.5).",
      "Kiểm tra registrar có trả Flow-Timer và UA có tuân theo không, và UA có phát hiện kết nối bị đóng không (TCP reset, thiếu pong).",
    ];
    if (f.backoff !== null) steps.push(`Nếu bản ghi kết thúc chưa tới ${ui.duration(f.backoff.max)} sau sự cố, hãy bắt gói lâu hơn: UA có thể vẫn đang trong khoảng chờ.`);
    return {
      summary: `Flow của ${f.aor ?? "người dùng"}${regIdText(f)} bị hỏng và không được khôi phục: yêu cầu đã đi qua flow khác${via}, nhưng flow hỏng không được đăng ký lại trong bản ghi.`,
      explanation:
        "Proxy có thẩm quyền đã cứu được yêu cầu này, nhưng giờ UA thiếu một flow: nếu flow còn lại cũng hỏng, UA sẽ không liên lạc được. RFC 5626 §4.5 yêu cầu UA đăng ký lại flow hỏng sau một khoảng chờ tăng dần.",
      nextSteps: steps,
    };
  },
  "request-lost": (f) => {
    const none = f.otherFlows.length === 0;
    return {
      summary: `${f.response} cho ${f.aor ?? "người dùng"}${regIdText(f)}: yêu cầu không được gửi lại qua flow khác và đã bị mất.${none ? " Instance này không có flow nào khác đang sống." : ` Có ${String(f.otherFlows.length)} flow khác đang sống: ${f.otherFlows.join("; ")}.`}`,
      explanation: none
        ? "Khi edge proxy trả 430, proxy có thẩm quyền nên gửi lại qua một flow đã đăng ký khác của cùng instance (RFC 5626). UA này chỉ đăng ký đúng flow đã hỏng, nên không có gì để chuyển sang."
        : "Khi edge proxy trả 430, proxy có thẩm quyền nên gửi lại qua một flow đã đăng ký khác của cùng instance (RFC 5626). Có flow đang sống nhưng không lần gửi lại nào dùng chúng.",
      nextSteps: [
        none
          ? "Đăng ký ít nhất hai flow cho mỗi instance (reg-id 1 và 2) qua các edge proxy khác nhau, để một sự cố không làm UA mất liên lạc."
          : "Kiểm tra hỗ trợ outbound của proxy có thẩm quyền: khi gặp 430 nó phải bỏ binding hỏng và gửi lại qua các flow khác của cùng +sip.instance.",
        "Giúp UA phát hiện flow chết sớm hơn (chu kỳ giữ kết nối ngắn hơn thời gian chờ của NAT, tuân theo Flow-Timer) và đăng ký lại reg-id bị hỏng.",
      ],
    };
  },
  "first-hop-lacks-outbound": (f) => ({
    summary: `Đăng ký của ${f.aor ?? "người dùng"}${regIdText(f)} bị từ chối bằng ${f.response}: chặng đầu tiên không hỗ trợ SIP Outbound.`,
    explanation:
      "UA đã yêu cầu SIP Outbound (+sip.instance và reg-id trong Contact) và registrar có hỗ trợ, nhưng proxy đầu tiên trên đường đi không thêm Path có ';ob', nên registrar không thể tạo binding theo flow (RFC 5626).",
    nextSteps: [
      "Bật outbound (RFC 5626 cùng Path, RFC 3327) trên edge proxy để nó thêm Path có ';ob', hoặc đăng ký qua edge proxy có hỗ trợ.",
      "Hoặc tắt outbound trên UA (không dùng reg-id) với proxy này; khi đó nó sẽ đăng ký theo cách truyền thống.",
      "Kiểm tra REGISTER có thật sự đi qua edge proxy (header Via và Path) chứ không gửi thẳng tới registrar.",
    ],
  }),
};

const ZH: FlowTexts = {
  recovered: (f, ui) => {
    const status = f.retryStatus !== null ? `（${statusLine(f.retryStatus, null)}）` : "";
    const delay = f.reregisterDelayMs !== null ? `，${ui.duration(f.reregisterDelayMs)} 后` : "，";
    const cmp = compareToBackoff(f);
    const b = f.backoff;
    let backoffText = "";
    if (cmp !== null && b !== null) {
      const win = `${ui.duration(b.min)} 到 ${ui.duration(b.max)}`;
      backoffText =
        cmp === "within"
          ? `重新注册发生在 RFC 5626 §4.5 的退避窗口内（${win}）。`
          : cmp === "below"
            ? `重新注册早于 RFC 5626 §4.5 的退避窗口（${win}）；偶尔一次无害，但重连过快的 UA 可能在故障后压垮边缘代理。`
            : `重新注册晚于 RFC 5626 §4.5 的退避窗口（${win}）：UA 发现故障太晚。`;
    }
    return {
      summary: `${f.aor ?? "该用户"}${regIdText(f)} 的流故障已恢复：请求经另一个流以 ${f.retry ?? "?"} 重发${status}${delay} UA 重新注册了该流（${f.reregister ?? "?"}）。`,
      explanation: `${f.response} 表示边缘代理已无法使用请求被路由到的流：其流令牌对应的连接已经不存在。RFC 5626 允许权威代理改用同一实例的另一个流，并要求 UA 重建失败的流。${backoffText}`,
      nextSteps: [
        "此事件无需处理：SIP Outbound 正按设计工作。",
        "如果流频繁失败，查找原因：NAT 或防火墙的空闲超时短于保活间隔（与 Flow-Timer 比较）、边缘代理重启、移动网络切换。",
      ],
    };
  },
  "flow-not-restored": (f, ui) => {
    const via = f.retry !== null ? `（${f.retry}${f.retryStatus !== null ? `，${statusLine(f.retryStatus, null)}` : ""}）` : "";
    const steps = [
      "UA 从未重新注册该流：检查其保活（TCP 或 TLS 上的 CRLF ping 与 pong，RFC 5626 §4.4.1；UDP 上的 STUN，§4.4.2）和重连逻辑（§4.5）。",
      "检查注册服务器是否返回了 Flow-Timer 且 UA 是否遵守，以及 UA 能否发现连接已关闭（TCP 重置、缺少 pong）。",
    ];
    if (f.backoff !== null) steps.push(`如果抓包在故障后不到 ${ui.duration(f.backoff.max)} 就结束了，请延长抓包：UA 可能仍处于退避窗口内。`);
    return {
      summary: `${f.aor ?? "该用户"}${regIdText(f)} 的流已失败且未恢复：请求经另一个流送达${via}，但抓包中失败的流始终没有重新注册。`,
      explanation: "权威代理挽救了这次请求，但 UA 现在少了一个流：如果剩下的流也失败，它将无法被呼叫。RFC 5626 §4.5 要求 UA 在退避后重新注册失败的流。",
      nextSteps: steps,
    };
  },
  "request-lost": (f) => {
    const none = f.otherFlows.length === 0;
    return {
      summary: `${f.aor ?? "该用户"}${regIdText(f)} 收到 ${f.response}：请求没有经其他流重发，已经丢失。${none ? "该实例没有其他活动的流。" : `当时有 ${String(f.otherFlows.length)} 个其他活动的流：${f.otherFlows.join("；")}。`}`,
      explanation: none
        ? "边缘代理回 430 时，权威代理应经同一实例的另一个已注册流重发（RFC 5626）。此 UA 只注册了失败的那个流，无从切换。"
        : "边缘代理回 430 时，权威代理应经同一实例的另一个已注册流重发（RFC 5626）。当时存在活动的流，但没有任何重发使用它们。",
      nextSteps: [
        none
          ? "每个实例至少经不同的边缘代理注册两个流（reg-id 1 和 2），这样单个故障不会让 UA 无法被呼叫。"
          : "检查权威代理对 outbound 的支持：收到 430 时它必须删除失败的绑定，并经同一 +sip.instance 的其他流重发。",
        "让 UA 更早发现失效的流（保活间隔小于 NAT 超时，遵守 Flow-Timer），并重新注册失败的 reg-id。",
      ],
    };
  },
  "first-hop-lacks-outbound": (f) => ({
    summary: `${f.aor ?? "该用户"}${regIdText(f)} 的注册被以 ${f.response} 拒绝：第一跳不支持 SIP Outbound。`,
    explanation: "UA 请求了 SIP Outbound（Contact 中带 +sip.instance 和 reg-id），注册服务器也支持，但路径上的第一个代理没有添加带 ';ob' 的 Path，因此注册服务器无法创建基于流的绑定（RFC 5626）。",
    nextSteps: [
      "在边缘代理上启用 outbound（RFC 5626 及 Path，RFC 3327），使其添加带 ';ob' 的 Path，或经支持它的边缘代理注册。",
      "或者对该代理在 UA 上关闭 outbound（不带 reg-id），让它按传统方式注册。",
      "检查 REGISTER 是否真的经过边缘代理（Via 和 Path 头字段），而不是直接发往注册服务器。",
    ],
  }),
};

export const FLOW_TEXTS: Readonly<Record<Lang, FlowTexts>> = { en: EN, vi: VI, zh: ZH };
