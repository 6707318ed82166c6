/** Facts behind a REFER annotation (RFC 3515, RFC 4488, RFC 7647), extracted once for all languages. */
import type { ReferDetails } from "../../model/document.js";
import type { MessageContext } from "../types.js";
import { cleanOrNull, labelOf, msAfterResponse, responseLine, statusLine } from "./facts.js";

export interface NotifyFact {
  readonly label: string;
  readonly status: number;
  /** "486 Busy Here". */
  readonly line: string;
  /** From the REFER's 2xx to this NOTIFY. */
  readonly afterMs: number | null;
}

export interface ReferFacts {
  /** Refer-To URI (cleaned), null when the REFER had none. */
  readonly target: string | null;
  readonly refer: string;
  /** The annotated final response to the REFER, e.g. "202 Accepted". */
  readonly response: string;
  readonly code: number;
  readonly notifyCount: number;
  /** Last NOTIFY that carried a sipfrag status. */
  readonly last: NotifyFact | null;
  /** The NOTIFY with the final sipfrag status. */
  readonly final: NotifyFact | null;
  readonly observedMs: number | null;
  readonly newInvite: string | null;
  readonly newCallStatus: number | null;
  readonly replaces: boolean;
  readonly replacesDialogFound: boolean | null;
  readonly notify481: readonly string[];
  readonly inDialog: boolean;
  /** NOTIFYs answered with an error, with that answer ("NOTIFY #8 (frame 8)", "400 Missing Subscription-State"). */
  readonly notifyErrors: readonly { readonly label: string; readonly status: number; readonly line: string }[];
  /** The first BYE of the REFER's dialog (RFC 5057 §4: it ends the call, not the refer subscription). */
  readonly dialogBye: { readonly label: string; readonly byTransferor: boolean; readonly afterMs: number | null } | null;
  /** The transferor's BYE that dropped the transferee right after a failure NOTIFY (RFC 5589), or null. */
  readonly droppedBy: string | null;
}

export function extractReferFacts(d: ReferDetails, code: number, ctx: MessageContext): ReferFacts {
  let last: NotifyFact | null = null;
  let final: NotifyFact | null = null;
  for (const n of d.notifies) {
    if (n.status === null) continue;
    const fact: NotifyFact = {
      label: labelOf(ctx, n.message) ?? "?",
      status: n.status,
      line: statusLine(n.status, n.reason),
      afterMs: msAfterResponse(ctx, n.message),
    };
    last = fact;
    if (n.message === d.finalNotify) final = fact;
  }
  if (final === null && d.finalStatus !== null) {
    // The tracker knows the final status but not from a listed NOTIFY: keep the status, no label.
    final = {
      label: labelOf(ctx, d.finalNotify) ?? "?",
      status: d.finalStatus,
      line: statusLine(d.finalStatus, null),
      afterMs: d.finalDelayMs ?? msAfterResponse(ctx, d.finalNotify),
    };
  } else if (final !== null && d.finalDelayMs !== null) {
    final = { ...final, afterMs: d.finalDelayMs };
  }
  return {
    target: cleanOrNull(d.referTo),
    refer: labelOf(ctx, d.referMessage) ?? "?",
    response: responseLine(ctx),
    code,
    notifyCount: d.notifies.length,
    last,
    final,
    observedMs: d.observedAfterMs,
    newInvite: labelOf(ctx, d.newInvite),
    newCallStatus: d.newCallStatus,
    replaces: d.replaces,
    replacesDialogFound: d.replacesDialogFound,
    notify481: d.notify481.map((i) => labelOf(ctx, i) ?? "?"),
    inDialog: d.inDialog,
    notifyErrors: d.notifyErrors.map((e) => ({ label: labelOf(ctx, e.notify) ?? "?", status: e.status, line: statusLine(e.status, e.reason) })),
    dialogBye: d.dialogBye === null ? null : { label: labelOf(ctx, d.dialogBye.message) ?? "?", byTransferor: d.dialogBye.byTransferor, afterMs: d.dialogBye.afterMs },
    droppedBy: labelOf(ctx, d.droppedBy),
  };
}
