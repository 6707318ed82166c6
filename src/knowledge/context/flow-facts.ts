/** Facts behind a 430/439 annotation (RFC 5626 outbound), extracted once for all languages. */
import type { FlowAnnotationDetails } from "../../model/document.js";
import type { FlowFailureKind } from "../../model/outcomes.js";
import { cleanCaptureText } from "../text/format.js";
import type { MessageContext } from "../types.js";
import { cleanOrNull, labelOf, responseLine } from "./facts.js";

export interface FlowFacts {
  readonly code: number;
  readonly response: string;
  readonly aor: string | null;
  readonly regId: number | null;
  /** "tcp 10.0.0.5:50312 -> 10.0.0.1:5060" per other live flow. */
  readonly otherFlows: readonly string[];
  readonly retry: string | null;
  readonly retryStatus: number | null;
  readonly retried: boolean;
  readonly reregister: string | null;
  /** From the 430 to the UA's first re-registration. */
  readonly reregisterDelayMs: number | null;
  /** The failure the trace showed before the 430, and the time from it to the re-registration. */
  readonly prior: { readonly kind: FlowFailureKind; readonly beforeMs: number; readonly toReregisterMs: number | null } | null;
  readonly flowTimer: number | null;
  readonly noticeByMs: number | null;
  readonly noticedLate: boolean | null;
  /** A failed first re-registration attempt, the gap to the next, and the RFC 5626 §4.5 window for it. */
  readonly failedAttempt: string | null;
  readonly nextAttemptGapMs: number | null;
  readonly backoff: { readonly min: number; readonly max: number } | null;
  readonly backoffRespected: boolean | null;
  /** 439: the trigger quoted from the trace (cleaned). */
  readonly trigger: { readonly regId: number | null; readonly supportedOutbound: boolean; readonly path: string | null; readonly registrarError: string | null } | null;
  /** 439: the generated copy this one relays. */
  readonly relayedFrom: string | null;
}

export function extractFlowFacts(d: FlowAnnotationDetails, code: number, ctx: MessageContext): FlowFacts {
  const t = d.trigger;
  return {
    code,
    response: responseLine(ctx),
    aor: cleanOrNull(d.aor),
    regId: d.regId,
    otherFlows: d.otherFlows.map((f) => cleanCaptureText(`${f.transport} ${f.ua} -> ${f.edge}`)),
    retry: labelOf(ctx, d.retry),
    retryStatus: d.retryStatus,
    retried: d.retriedOnOtherFlow,
    reregister: labelOf(ctx, d.reregister),
    reregisterDelayMs: d.reregisterDelayMs,
    prior:
      d.priorFailure === null
        ? null
        : { kind: d.priorFailure.kind, beforeMs: d.priorFailure.beforeMs, toReregisterMs: d.reregisterDelayMs === null ? null : d.reregisterDelayMs + d.priorFailure.beforeMs },
    flowTimer: d.flowTimer,
    noticeByMs: d.noticeByMs,
    noticedLate: d.noticedLate,
    failedAttempt: labelOf(ctx, d.failedAttempt),
    nextAttemptGapMs: d.nextAttemptGapMs,
    backoff: d.expectedBackoffMs,
    backoffRespected: d.backoffRespected,
    trigger: t === null ? null : { regId: t.regId, supportedOutbound: t.supportedOutbound, path: cleanOrNull(t.path), registrarError: cleanOrNull(t.registrarError) },
    relayedFrom: labelOf(ctx, d.relayedFrom),
  };
}
