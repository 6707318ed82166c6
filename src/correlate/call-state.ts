/**
 * The state of a call as the trace shows it, from the last initial request of the call (the INVITE or REGISTER
 * sent outside a dialog; an authentication retry replaces the challenged one) and its dialogs.
 */
import type { CallState } from "../model/document.js";

export interface CallFacts {
  readonly method: string | null;
  /** Final status of the last initial request; null while none. */
  readonly finalStatus: number | null;
  /** Highest provisional status of the last initial request (0 when none). */
  readonly provisional: number;
  readonly cancelled: boolean;
  /** A confirmed dialog that was ended (BYE). */
  readonly hungUp: boolean;
}

/** RFC 3261 §21: classify the final response of the initial request. */
export function deriveCallState(f: CallFacts): CallState {
  if (f.method !== "INVITE") {
    if (f.finalStatus === null) return "request-pending";
    return f.finalStatus < 300 ? "request-ok" : "request-failed";
  }
  const s = f.finalStatus;
  if (s === null) return f.provisional >= 180 ? "ringing" : "setup";
  if (s < 300) return f.hungUp ? "completed" : "in-call";
  if (s < 400) return "redirected";
  if (s === 487 || f.cancelled) return "cancelled";
  if (s === 486 || s === 600) return "busy";
  // RFC 3261 §21.4.9 408, §21.4.18 480, §21.5 server failures: the call did not fail by choice of the callee.
  if (s >= 500 && s < 600) return "failed";
  if (s === 408 || s === 480 || s === 430 || s === 503) return "failed";
  return "rejected";
}
