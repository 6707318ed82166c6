/** Facts behind a 430/439 annotation (RFC 5626 outbound), extracted once for all languages. */
import type { FlowAnnotationDetails } from "../../model/document.js";
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
  readonly reregisterDelayMs: number | null;
  readonly backoff: { readonly min: number; readonly max: number } | null;
}

export function extractFlowFacts(d: FlowAnnotationDetails, code: number, ctx: MessageContext): FlowFacts {
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
    backoff: d.expectedBackoffMs,
  };
}

/** Where the re-registration delay falls against the RFC 5626 §4.5 back-off window. */
export function compareToBackoff(f: FlowFacts): "below" | "within" | "above" | null {
  if (f.backoff === null || f.reregisterDelayMs === null) return null;
  if (f.reregisterDelayMs < f.backoff.min) return "below";
  if (f.reregisterDelayMs > f.backoff.max) return "above";
  return "within";
}
