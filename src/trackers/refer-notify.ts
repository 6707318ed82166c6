/**
 * REFER/NOTIFY tracker (RFC 3515, 4488, 3891, 3892, 6665, 7647): follows a REFER to its final response, the
 * implicit subscription's NOTIFYs (message/sipfrag progress, RFC 3515 §2.4.5), the INVITE the transferee sends
 * (Referred-By RFC 3892, Replaces RFC 3891, or the Refer-To URI), even under another Call-ID, and decides the
 * outcome of each final response to the REFER in capture time.
 */
import type { ReferDetails, SipfragNotify } from "../model/document.js";
import type { ReferOutcome } from "../model/outcomes.js";
import type { CorrelatedMessage } from "../correlate/types.js";
import { MinHeap } from "../util/min-heap.js";
import type { SipRequest, SipResponse } from "../sip/message.js";
import type { DialogId } from "../sip/values/refer.js";
import { uriKey } from "../sip/uri.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { originRef, type SourceRef } from "../model/origin.js";
import { OwedFindings } from "./owed-findings.js";
import { referOutcomeOf } from "./refer-outcome.js";
import { T1_64_US, type Tracker, type TrackerContext } from "./tracker.js";

/** Default life of the implicit subscription when no NOTIFY states one (RFC 3515 §2.4.7 leaves it to the recipient). */
const DEFAULT_SUBSCRIPTION_US = 180_000_000;
/**
 * "Right after" a failure NOTIFY: a transferor BYE within this time, with no re-INVITE first, is the phone's own
 * reaction to the failure (a user who resumed the call talks for longer than this). A heuristic, not an RFC timer.
 */
export const DROP_WINDOW_US = 4_000_000;
const MAX_NOTIFIES = 64;

interface NotifyFact {
  readonly index: number;
  readonly timeUs: number;
  readonly fromTag: string | null;
  readonly status: number | null;
  readonly reason: string | null;
  readonly subscriptionState: string | null;
  readonly terminatedReason: string | null;
  readonly expiresS: number | null;
  responseStatus: number | null;
  responseReason: string | null;
}

interface ReferState {
  readonly referIndex: number;
  /** The hop this copy of the REFER was seen on (null: no addresses), and its event (first copy's index). */
  readonly hop: string | null;
  readonly event: number;
  readonly at: SourceRef;
  readonly callId: string;
  readonly fromTag: string | null;
  readonly toTag: string | null;
  readonly seq: number | null;
  readonly referTo: string | null;
  readonly referToKey: string | null;
  readonly replaces: DialogId | null;
  readonly replacesFound: boolean | null;
  readonly referredBy: string | null;
  readonly referredByKey: string | null;
  readonly referSub: boolean | null;
  readonly notifies: NotifyFact[];
  newInvite: { readonly index: number; readonly callId: string | null; status: number | null } | null;
  dialogEndedUs: number | null;
  /** The first BYE of the REFER's dialog (either side). */
  bye: { readonly index: number; readonly timeUs: number; readonly byTransferor: boolean } | null;
  /** The first re-INVITE the transferor sent in the REFER's dialog after the REFER (taking the call off hold). */
  resumedUs: number | null;
  /** A final response was seen (or claimed) for it. */
  answered: boolean;
  /** Its final response was not a 2xx (rejected, or challenged for credentials): no subscription came of it. */
  rejected: boolean;
  /** Acceptances and rejections still owed a finding. */
  readonly pending: Set<Pending>;
}

interface Pending {
  readonly state: ReferState;
  readonly response: number;
  readonly responseCallId: string | null;
  readonly status: number;
  readonly toTag: string | null;
  readonly timeUs: number;
  /** Refer-Sub: false in the 2xx (RFC 4488 §4: the recipient agreed not to create a subscription). */
  readonly responseReferSub: boolean | null;
  deadlineUs: number;
  decided: boolean;
}

export class ReferNotifyTracker implements Tracker {
  /** REFERs by the Call-ID they were sent in (NOTIFYs and BYEs are looked up there). */
  private readonly byCall = new Map<string, ReferState[]>();
  /** REFERs by their request index (responses find them through the correlator's requestIndex). */
  private readonly byRefer = new Map<number, ReferState>();
  /** REFERs still waiting for the INVITE they cause. */
  private readonly awaitingInvite = new Set<ReferState>();
  private readonly notifyOwner = new Map<number, { readonly fact: NotifyFact; readonly state: ReferState }>();
  /** When to look at a REFER again to forget it (one never answered is reported then). */
  private readonly expiries = new MinHeap<ReferState>();
  /** The transferee's INVITE → every copy (one per hop) of the REFER that caused it. */
  private readonly inviteOwner = new Map<number, ReferState[]>();
  /** Every acceptance and rejection still owed a finding, with its deadline. */
  private readonly owed = new OwedFindings<Pending>();
  private lastUs = 0;

  constructor(private readonly ctx: TrackerContext) {}

  observe(c: CorrelatedMessage): void {
    this.lastUs = Math.max(this.lastUs, c.timeUs);
    const msg = c.msg;
    if (c.retransmissionOf !== null) return;
    if (msg.kind === "request") {
      switch (msg.method) {
        case "REFER":
          this.openRefer(msg, c);
          return;
        case "NOTIFY":
          this.observeNotify(msg, c);
          return;
        case "INVITE":
          // A relayed copy of the INVITE is the same INVITE: its first copy (nearest the transferee) is linked.
          if (msg.toTag === null) {
            if (c.hop.eventOf === null) this.observeInvite(msg);
          } else this.observeReinvite(msg, c.timeUs);
          return;
        case "BYE":
          this.observeBye(msg, c.timeUs);
          return;
        default:
          return;
      }
    }
    if (!c.isFinal || c.requestIndex === null) return;
    const refer = c.isFirstFinal ? this.byRefer.get(c.requestIndex) : undefined;
    if (refer !== undefined) {
      refer.answered = true;
      if (msg.status >= 300) refer.rejected = true;
    }
    const notify = this.notifyOwner.get(c.requestIndex);
    if (notify !== undefined) {
      if (notify.fact.responseStatus === null) {
        notify.fact.responseStatus = msg.status;
        notify.fact.responseReason = msg.reason;
      }
      this.notifyOwner.delete(c.requestIndex);
      this.reviewState(notify.state, c.timeUs);
      return;
    }
    const owners = this.inviteOwner.get(c.requestIndex);
    if (owners === undefined || !c.isFirstFinal) return;
    this.inviteOwner.delete(c.requestIndex);
    for (const inv of owners) {
      const invite = inv.newInvite;
      if (invite?.status !== null) continue;
      invite.status = msg.status;
      this.reviewState(inv, c.timeUs);
    }
  }

  claim(c: CorrelatedMessage): void {
    const res = c.msg;
    if (res.kind !== "response") return;
    let state = c.requestIndex === null ? undefined : this.byRefer.get(c.requestIndex);
    state ??= this.stateFromResponse(res);
    const p: Pending = {
      state,
      response: res.index,
      responseCallId: res.callId,
      status: res.status,
      toTag: res.toTag,
      timeUs: c.timeUs,
      responseReferSub: res.referSub,
      deadlineUs: c.timeUs + T1_64_US,
      decided: false,
    };
    state.pending.add(p);
    this.owed.add(p);
    state.answered = true;
    if (res.status >= 300) {
      this.decide(p, "refer-rejected", c.timeUs);
      return;
    }
    this.review(p, c.timeUs);
  }

  advance(nowUs: number): void {
    this.lastUs = Math.max(this.lastUs, nowUs);
    // Strictly after the deadline: a NOTIFY at exactly 32 s still counts.
    for (const p of this.owed.popDue(nowUs)) this.onDeadline(p, nowUs);
    for (const st of this.expiries.popDue(nowUs)) {
      if (st.pending.size > 0) this.expiries.push(nowUs + T1_64_US, st);
      else this.forget(st);
    }
  }

  finish(lastUs: number): void {
    this.lastUs = Math.max(this.lastUs, lastUs);
    for (const list of [...this.byCall.values()]) for (const s of [...list]) for (const p of [...s.pending]) this.decideAtEnd(p);
    for (const list of [...this.byCall.values()]) for (const s of [...list]) this.forget(s);
  }

  holds(callId: string): boolean {
    return this.owed.holds((p) => p.state.callId === callId || p.state.newInvite?.callId === callId);
  }

  private openRefer(req: SipRequest, c: CorrelatedMessage): void {
    const callId = req.callId;
    if (callId === null) return;
    const rt = req.referTo;
    let replacesFound: boolean | null = null;
    const rep = rt?.replaces ?? null;
    if (rep !== null) {
      // RFC 3891 §3: Replaces names the dialog by Call-ID, to-tag and from-tag (as seen by the transfer target).
      replacesFound = this.ctx.correlator.findDialog(rep.callId, rep.toTag, rep.fromTag) !== null;
    }
    const referredBy = req.referredBy;
    const state = newReferState({
      referIndex: req.index,
      hop: c.hop.hop,
      event: c.hop.eventOf ?? req.index,
      at: originRef(req.payload.origin),
      callId,
      fromTag: req.fromTag,
      toTag: req.toTag,
      seq: req.cseq?.seq ?? null,
      referTo: rt?.address.uri.text ?? null,
      referToKey: rt === null ? null : uriKey(rt.address.uri),
      replaces: rep,
      replacesFound,
      referredBy: referredBy?.uri.text ?? null,
      referredByKey: referredBy === null ? (req.from === null ? null : uriKey(req.from.uri)) : uriKey(referredBy.uri),
      referSub: req.referSub,
    });
    this.byRefer.set(req.index, state);
    this.listFor(callId).push(state);
    this.awaitingInvite.add(state);
    this.expiries.push(this.lastUs + 2 * T1_64_US, state);
  }

  /** A final response whose REFER is not in the trace (capture started late): a state from what the response says. */
  private stateFromResponse(res: SipResponse): ReferState {
    const state = newReferState({
      referIndex: -1,
      hop: null,
      event: -1,
      at: originRef(res.payload.origin),
      callId: res.callId ?? "",
      fromTag: res.fromTag,
      toTag: null,
      seq: res.cseq?.seq ?? null,
      referTo: null,
      referToKey: null,
      replaces: null,
      replacesFound: null,
      referredBy: null,
      referredByKey: null,
      referSub: null,
    });
    if (res.callId !== null) this.listFor(res.callId).push(state);
    return state;
  }

  private listFor(callId: string): ReferState[] {
    let l = this.byCall.get(callId);
    if (l === undefined) {
      l = [];
      this.byCall.set(callId, l);
    }
    return l;
  }

  /** RFC 3515 §2.4.4-§2.4.6: NOTIFYs of the implicit subscription come back in the REFER's dialog with Event: refer[;id=CSeq]. */
  private observeNotify(req: SipRequest, c: CorrelatedMessage): void {
    const timeUs = c.timeUs;
    if (req.callId === null) return;
    const ev = req.event;
    const frag = req.sipfrag;
    if (ev === null ? frag === null : ev.package !== "refer") return;
    const list = this.byCall.get(req.callId);
    if (list === undefined) return;
    // The notifier answers the REFER's sender: the NOTIFY's To tag is the REFER's From tag. A REFER that was
    // rejected or challenged created no subscription (RFC 3515 §2.4.4 ties the subscription to a 2xx).
    const inDialog = list.filter((s) => s.fromTag === req.toTag && s.referIndex < req.index && !s.rejected);
    // Through a proxy, each copy of the REFER is judged with the NOTIFYs of its own hop: the two parties that
    // carried the REFER carry the NOTIFYs back (RFC 3261 §12.2: in-dialog requests follow the route set).
    const onHop = c.hop.hop === null ? [] : inDialog.filter((s) => s.hop === c.hop.hop);
    const candidates = onHop.length > 0 ? onHop : inDialog;
    const id = ev?.id ?? null;
    const state = (id === null ? undefined : candidates.find((s) => s.seq !== null && String(s.seq) === id)) ?? candidates[candidates.length - 1];
    if (state === undefined) return;
    const ss = req.subscriptionState;
    const fact: NotifyFact = {
      index: req.index,
      timeUs,
      fromTag: req.fromTag,
      status: frag?.status ?? null,
      reason: frag?.reason ?? null,
      subscriptionState: ss?.state ?? null,
      terminatedReason: ss?.state === "terminated" ? ss.reason : null,
      expiresS: ss?.expires ?? null,
      responseStatus: null,
      responseReason: null,
    };
    if (state.notifies.length < MAX_NOTIFIES) state.notifies.push(fact);
    this.notifyOwner.set(req.index, { fact, state });
    this.reviewState(state, timeUs);
  }

  /** The INVITE the transferee sends: Replaces equal to the Refer-To's, else the Refer-To URI, else Referred-By. */
  private observeInvite(req: SipRequest): void {
    if (this.awaitingInvite.size === 0) return;
    const rep = req.replaces;
    const ruri = uriKey(req.requestUri);
    const rb = req.referredBy;
    const rbKey = rb === null ? null : uriKey(rb.uri);
    let best: ReferState | null = null;
    let bestScore = 0;
    for (const s of this.awaitingInvite) {
      if (s.callId === req.callId && s.toTag !== null) continue;
      let score = 0;
      if (rep !== null && s.replaces !== null && rep.callId === s.replaces.callId) score = 3;
      else if (s.referToKey !== null && s.referToKey === ruri) score = 2;
      else if (rbKey !== null && rbKey === s.referredByKey) score = 1;
      if (score > bestScore || (score === bestScore && score > 0 && best !== null && s.referIndex > best.referIndex)) {
        best = s;
        bestScore = score;
      }
    }
    if (best === null) return;
    // Every copy of that REFER (one per hop) caused this one INVITE.
    const event = best.event;
    const copies = best.event < 0 ? [best] : [...this.awaitingInvite].filter((s) => s.event === event);
    for (const s of copies) {
      s.newInvite = { index: req.index, callId: req.callId, status: null };
      this.awaitingInvite.delete(s);
    }
    this.inviteOwner.set(req.index, copies);
    if (req.callId !== null) this.ctx.correlator.linkCalls(best.callId, req.callId, "refer", req.index);
  }

  private observeBye(req: SipRequest, timeUs: number): void {
    if (req.callId === null) return;
    const list = this.byCall.get(req.callId);
    if (list === undefined) return;
    for (const s of list) {
      const tags = [s.fromTag, s.toTag];
      if (s.toTag === null || !tags.includes(req.fromTag) || !tags.includes(req.toTag) || s.bye !== null) continue;
      s.dialogEndedUs ??= timeUs;
      s.bye = { index: req.index, timeUs, byTransferor: req.fromTag === s.fromTag };
      this.reviewState(s, timeUs);
    }
  }

  /** A re-INVITE from the transferor in the REFER's dialog: it took the transferee back (RFC 5589 recovery). */
  private observeReinvite(req: SipRequest, timeUs: number): void {
    if (req.callId === null) return;
    const list = this.byCall.get(req.callId);
    if (list === undefined) return;
    for (const s of list) {
      if (s.toTag === null || req.fromTag !== s.fromTag || req.toTag !== s.toTag || req.index < s.referIndex || s.resumedUs !== null) continue;
      s.resumedUs = timeUs;
      this.reviewState(s, timeUs);
    }
  }

  private reviewState(s: ReferState, nowUs: number): void {
    for (const p of [...s.pending]) this.review(p, nowUs);
  }

  /** Decides a 2xx as soon as the trace settles it: a final sipfrag whose NOTIFY was answered (and the new INVITE's final, when that INVITE is in the trace). */
  private review(p: Pending, nowUs: number): void {
    if (p.decided || p.status >= 300) return;
    const notifies = this.notifiesOf(p);
    const final = notifies.find((n) => n.status !== null && n.status >= 200);
    const terminated = notifies.find((n) => n.subscriptionState === "terminated");
    const settled = final ?? terminated;
    if (settled !== undefined) {
      const inviteOpen = p.state.newInvite !== null && p.state.newInvite.status === null;
      if (settled.responseStatus !== null && !inviteOpen) {
        // After a failure NOTIFY, wait a moment for the transferor's reaction: a BYE (dropped) or a re-INVITE (resumed).
        if (final !== undefined && this.awaitingReaction(p.state, final, nowUs)) {
          this.owed.moveDeadline(p, final.timeUs + DROP_WINDOW_US);
          return;
        }
        this.decide(p, this.outcomeOf(p, notifies), nowUs);
        return;
      }
      this.owed.moveDeadline(p, settled.timeUs + T1_64_US);
      return;
    }
    const last = notifies[notifies.length - 1];
    const inv = p.state.newInvite;
    if (last === undefined && inv !== null && inv.status !== null && this.outcomeOf(p, notifies) === "no-subscription") {
      this.decide(p, "no-subscription", nowUs);
      return;
    }
    if (last !== undefined) {
      // NOTIFYs came but not the last one: wait as long as the subscription lasts, plus a transaction time.
      const life = last.expiresS === null ? DEFAULT_SUBSCRIPTION_US : last.expiresS * 1_000_000;
      this.owed.moveDeadline(p, last.timeUs + life + T1_64_US);
    }
  }

  /** A failure NOTIFY in a dialog whose transferor has neither hung up nor resumed yet, within DROP_WINDOW_US. */
  private awaitingReaction(s: ReferState, final: NotifyFact, nowUs: number): boolean {
    if (final.status === null || final.status < 300 || s.toTag === null) return false;
    return s.bye === null && s.resumedUs === null && nowUs <= final.timeUs + DROP_WINDOW_US;
  }

  private onDeadline(p: Pending, nowUs: number): void {
    this.decide(p, this.outcomeOf(p, this.notifiesOf(p)), nowUs);
  }

  private decideAtEnd(p: Pending): void {
    if (p.decided) return;
    const notifies = this.notifiesOf(p);
    let outcome = this.outcomeOf(p, notifies);
    if (outcome === "no-notify" && this.lastUs - p.timeUs <= T1_64_US && p.state.dialogEndedUs === null) outcome = "unknown";
    this.decide(p, outcome, this.lastUs);
  }

  private outcomeOf(p: Pending, notifies: readonly NotifyFact[]): ReferOutcome {
    return referOutcomeOf({ status: p.status, responseReferSub: p.responseReferSub, referSub: p.state.referSub, notifies });
  }

  /** NOTIFYs of the subscription this 2xx created (its To tag is the notifier's From tag, RFC 6665 §4.1.2.4). */
  private notifiesOf(p: Pending): NotifyFact[] {
    return p.state.notifies.filter((n) => p.toTag === null || n.fromTag === p.toTag || p.state.toTag !== null);
  }

  private decide(p: Pending, outcome: ReferOutcome, nowUs: number): void {
    if (!this.owed.decideOnce(p)) return;
    const s = p.state;
    s.pending.delete(p);
    const notifies = p.status < 300 ? this.notifiesOf(p) : [];
    const final = notifies.find((n) => n.status !== null && n.status >= 200) ?? null;
    const endUs = outcome === "no-notify" && s.dialogEndedUs !== null && s.dialogEndedUs - p.timeUs < T1_64_US ? s.dialogEndedUs : nowUs;
    const list: SipfragNotify[] = notifies.map((n) => ({
      message: n.index,
      status: n.status,
      reason: n.reason,
      subscriptionState: n.subscriptionState,
      terminatedReason: n.terminatedReason,
    }));
    const details: ReferDetails = {
      referMessage: s.referIndex >= 0 ? s.referIndex : null,
      referTo: s.referTo,
      referredBy: s.referredBy,
      replaces: s.replaces !== null,
      replacesDialogFound: s.replacesFound,
      replacesCallId: s.replaces?.callId ?? null,
      inDialog: s.toTag !== null,
      eventId: s.seq === null ? null : String(s.seq),
      referSub: s.referSub,
      notifies: list,
      finalStatus: final?.status ?? null,
      finalNotify: final?.index ?? null,
      finalDelayMs: final === null ? null : Math.round((final.timeUs - p.timeUs) / 1000),
      newCallId: s.newInvite?.callId ?? null,
      newInvite: s.newInvite?.index ?? null,
      newCallStatus: s.newInvite?.status ?? null,
      notify481: notifies.filter((n) => n.responseStatus === 481).map((n) => n.index),
      observedAfterMs: p.status < 300 ? Math.max(0, Math.round((endUs - p.timeUs) / 1000)) : null,
      notifyErrors: notifies.filter((n) => n.responseStatus !== null && n.responseStatus >= 300).map((n) => ({ notify: n.index, status: n.responseStatus ?? 0, reason: n.responseReason })),
      dialogBye: s.bye === null ? null : { message: s.bye.index, byTransferor: s.bye.byTransferor, afterMs: Math.round((s.bye.timeUs - p.timeUs) / 1000) },
      droppedBy: droppedBy(s, final),
    };
    const refs = [...(s.referIndex >= 0 ? [s.referIndex] : []), ...list.map((n) => n.message), ...(s.newInvite === null ? [] : [s.newInvite.index])];
    this.ctx.emitFinding({ kind: "refer", response: p.response, outcome, details, refs }, p.responseCallId);
    this.releaseIfDone(s);
  }

  /** A REFER with no finding still owed is forgotten. */
  private releaseIfDone(s: ReferState): void {
    if (s.pending.size === 0) this.forget(s);
  }

  private forget(s: ReferState): void {
    if (!s.answered && s.referIndex >= 0 && this.byRefer.has(s.referIndex)) {
      this.ctx.sink.report({
        ...makeDiagnostic("trackers.refer_without_response", s.at, `REFER (message ${s.referIndex}) got no final response in the trace`),
        messageIndex: s.referIndex,
      });
    }
    this.awaitingInvite.delete(s);
    this.byRefer.delete(s.referIndex);
    for (const n of s.notifies) this.notifyOwner.delete(n.index);
    if (s.newInvite !== null) {
      const owners = this.inviteOwner.get(s.newInvite.index)?.filter((o) => o !== s);
      if (owners === undefined || owners.length === 0) this.inviteOwner.delete(s.newInvite.index);
      else this.inviteOwner.set(s.newInvite.index, owners);
    }
    const list = this.byCall.get(s.callId);
    if (list === undefined) return;
    const i = list.indexOf(s);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byCall.delete(s.callId);
  }
}

/** The one place a ReferState is made: what the REFER (or, without it, its response) says, and empty trace state. */
function newReferState(
  seen: Omit<ReferState, "notifies" | "newInvite" | "dialogEndedUs" | "bye" | "resumedUs" | "answered" | "rejected" | "pending">,
): ReferState {
  return { ...seen, notifies: [], newInvite: null, dialogEndedUs: null, bye: null, resumedUs: null, answered: false, rejected: false, pending: new Set() };
}

/** The transferor's BYE right after a failure NOTIFY, not preceded by a re-INVITE that resumed the call (RFC 5589). */
function droppedBy(s: ReferState, final: NotifyFact | null): number | null {
  const bye = s.bye;
  if (final?.status == null || final.status < 300 || bye?.byTransferor !== true) return null;
  if (bye.timeUs < final.timeUs || bye.timeUs - final.timeUs > DROP_WINDOW_US) return null;
  if (s.resumedUs !== null && s.resumedUs <= bye.timeUs) return null;
  return bye.index;
}
