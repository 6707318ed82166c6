/**
 * The transfer verdict as a pure function of what the trace showed about one final response to a REFER
 * (RFC 3515 §2.4.4-§2.4.7, RFC 4488 §4): a rejection, the final sipfrag status, NOTIFYs without a final one,
 * an agreed "no subscription", or no NOTIFY at all.
 */
import type { ReferOutcome } from "../model/outcomes.js";

export interface ReferNotifyFacts {
  /** The sipfrag status line's code, if the NOTIFY carried one. */
  readonly status: number | null;
  readonly subscriptionState: string | null;
}

export interface ReferFacts {
  /** Status of the final response to the REFER. */
  readonly status: number;
  /** Refer-Sub in that response (RFC 4488 §4), null when absent. */
  readonly responseReferSub: boolean | null;
  /** Refer-Sub in the REFER, null when absent. */
  readonly referSub: boolean | null;
  /** NOTIFYs of the subscription the response created, in order. */
  readonly notifies: readonly ReferNotifyFacts[];
}

export function referOutcomeOf(f: ReferFacts): ReferOutcome {
  if (f.status >= 300) return "refer-rejected";
  const final = f.notifies.find((n) => n.status !== null && n.status >= 200);
  if (final?.status != null) return final.status < 300 ? "transfer-succeeded" : "transfer-failed";
  if (f.notifies.length > 0) return f.notifies.some((n) => n.subscriptionState === "terminated") ? "unknown" : "transfer-pending";
  // RFC 4488 §4: Refer-Sub: false accepted means no subscription, so no NOTIFY is expected.
  if (f.responseReferSub === false || (f.referSub === false && f.responseReferSub !== true)) return "no-subscription";
  return "no-notify";
}
