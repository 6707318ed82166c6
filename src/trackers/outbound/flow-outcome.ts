/**
 * The 430 verdict as a pure function (RFC 5626 §5.3, §7, §4.5): the request was not retried over another flow
 * (lost), it was but the UA never registered the failed reg-id again (not restored), or both happened (recovered).
 */
import type { FlowOutcome } from "../../model/outcomes.js";

export interface FlowFailureFacts {
  /** The authoritative proxy retried the request over another flow of the same instance. */
  readonly retried: boolean;
  /** The UA registered the failed flow's reg-id again. */
  readonly reregistered: boolean;
}

export function flowOutcomeOf(f: FlowFailureFacts): FlowOutcome {
  if (!f.retried) return "request-lost";
  return f.reregistered ? "recovered" : "flow-not-restored";
}
