/**
 * The redirect verdict as a pure function of what the tracker saw about one 3xx (RFC 3261 §8.1.3.4): no usable
 * Contact, a retry to a target already requested in the chain (a loop), a retry (followed), every Contact
 * already requested before the 3xx came (a loop with no retry), or nothing (not followed).
 */
import type { RedirectOutcome } from "../model/outcomes.js";

export interface RedirectFacts {
  /** Usable Contacts (sip, sips, tel) in the 3xx. */
  readonly contacts: number;
  /** Retries in order; `revisit` when the target had been requested in the chain before. */
  readonly retries: readonly { readonly uri: string; readonly revisit: boolean }[];
  /** Contacts already requested in the chain when the 3xx came. */
  readonly visitedContacts: readonly string[];
}

export function redirectOutcomeOf(f: RedirectFacts): { readonly outcome: RedirectOutcome; readonly loopTarget: string | null } {
  if (f.contacts === 0) return { outcome: "no-contact", loopTarget: null };
  const revisit = f.retries.find((r) => r.revisit);
  if (revisit !== undefined) return { outcome: "loop", loopTarget: revisit.uri };
  if (f.retries.length > 0) return { outcome: "followed", loopTarget: null };
  if (f.visitedContacts.length === f.contacts) return { outcome: "loop", loopTarget: f.visitedContacts[0] ?? null };
  return { outcome: "not-followed", loopTarget: null };
}
