/**
 * The correlate stage: each SIP message, in capture order, gets its transaction (RFC 3261 §17), the request a
 * response answers, a retransmission flag, its dialog (§12) and its call (Call-ID), and calls are linked across
 * Call-IDs (Replaces, Target-Dialog, correlation headers here; REFER and redirect links come from the trackers).
 * Time is capture time; nothing here reads the clock.
 */
import type { CallLinkReason, CallRecord } from "../model/document.js";
import { originRef, type SourceRef } from "../model/origin.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import type { SipMessage, SipRequest, SipResponse } from "../sip/message.js";
import { CallTable, type CallEntry } from "./call-table.js";
import { findCorrelatedCallIds } from "./correlation-headers.js";
import { DialogTable, MAX_DIALOGS_PER_CALL, type Dialog } from "./dialog-table.js";
import { HopLinker } from "./hop-links.js";
import { SessionIdIndex } from "./session-id-links.js";
import { T1_64_US, TransactionTable } from "./transaction-table.js";
import type { CorrelatedMessage, Transaction } from "./types.js";

export interface CorrelatorOptions {
  /** Quiet capture time after a call ended before it is released (default 32 s, 64*T1). */
  readonly callGraceUs?: number;
  /** Cap on transactions held at once (default 200 000). */
  readonly maxTransactions?: number;
  /** Cap on live calls held at once (default 200 000). */
  readonly maxCalls?: number;
}

/** What transaction and dialog matching say about a message, before its hop is known. */
type Unhopped = Omit<CorrelatedMessage, "hop">;

/** Longest a registration or subscription keeps a call open when the trace says nothing else (2 h). */
const MAX_ACTIVE_US = 7_200_000_000;

export class Correlator {
  private readonly txns: TransactionTable;
  readonly dialogs = new DialogTable();
  private readonly calls: CallTable;
  private readonly hops = new HopLinker();
  private readonly sessionIds = new SessionIdIndex();
  private evictionReported = false;
  private callEvictionReported = false;
  private dialogLimitReported = false;
  /** Where the latest message came from, for diagnostics raised while time advances. */
  private lastRef: SourceRef = { kind: "file", file: "" };

  constructor(
    private readonly sink: DiagnosticSink,
    options: CorrelatorOptions = {},
  ) {
    this.txns = new TransactionTable({ maxTransactions: options.maxTransactions ?? 200_000 });
    this.calls = new CallTable(options.callGraceUs ?? T1_64_US, options.maxCalls ?? 200_000);
  }

  get openTransactions(): number {
    return this.txns.size;
  }

  get liveCalls(): number {
    return this.calls.size;
  }

  observe(msg: SipMessage, nowUs: number): CorrelatedMessage {
    this.lastRef = originRef(msg.payload.origin);
    const seen = msg.kind === "request" ? this.observeRequest(msg, nowUs) : this.observeResponse(msg, nowUs);
    const out: CorrelatedMessage = { ...seen, hop: this.hops.observe(msg, nowUs, seen.retransmissionOf !== null) };
    const call = msg.callId === null ? undefined : this.calls.getOrCreate(msg.callId, nowUs, msg.payload.timePrecision);
    if (call !== undefined) {
      this.calls.addMessage(call, msg.index, nowUs);
      if (out.retransmissionOf !== null) call.retransmissions++;
      else this.updateCall(call, out, nowUs);
      if (out.dialogKey !== null) call.dialogKeys.add(out.dialogKey);
      call.dialogUp = this.dialogs.dialogsOf(call.callId).some((d) => d.method === "INVITE" && d.state === "confirmed");
      this.calls.review(call);
    }
    if (this.dialogs.refused > 0 && !this.dialogLimitReported) {
      this.dialogLimitReported = true;
      this.sink.report(
        makeDiagnostic("correlate.state_limit", originRef(msg.payload.origin), `more than ${MAX_DIALOGS_PER_CALL} dialogs under Call-ID ${msg.callId ?? "?"} (a fork storm?); later ones are not tracked as dialogs, their messages are still reported`),
      );
    }
    if (this.txns.evictedCount > 0 && !this.evictionReported) {
      this.evictionReported = true;
      this.sink.report(
        makeDiagnostic("correlate.state_limit", originRef(msg.payload.origin), "too many open transactions at once; the oldest were dropped, so some responses may show as orphans"),
      );
    }
    return out;
  }

  /** Moves capture time to `nowUs`: expires transactions and returns the calls released. */
  advance(nowUs: number, hold: (callId: string) => boolean): CallRecord[] {
    for (const t of this.txns.expire(nowUs)) this.closeTransaction(t, true);
    const released = this.calls.releaseDue(nowUs, hold);
    const evicted = this.calls.evictOverflow();
    if (evicted.length > 0 && !this.callEvictionReported) {
      this.callEvictionReported = true;
      this.sink.report(
        makeDiagnostic("correlate.state_limit", this.lastRef, `more than ${this.calls.size} calls live at once; the oldest were closed early (their records may lack later messages)`),
      );
    }
    for (const r of released) this.dialogs.release(r.callId);
    for (const r of evicted) this.dialogs.release(r.callId);
    return evicted.length === 0 ? released : [...released, ...evicted];
  }

  /** End of trace: every call still held. */
  finish(): CallRecord[] {
    this.txns.drain();
    return this.calls.drain();
  }

  /** Links two calls both ways (a link to a call already released is kept on the live side only). */
  linkCalls(a: string, b: string, reason: CallLinkReason, message: number): void {
    if (a === b) return;
    this.calls.addLink(a, { callId: b, reason, message });
    this.calls.addLink(b, { callId: a, reason, message });
  }

  /** The open transaction a copy of `req` belongs to (an ICMP error quotes it), or null; records nothing. */
  findTransaction(req: SipRequest): Transaction | null {
    return this.txns.find(req);
  }

  addOutcome(callId: string, outcome: string): void {
    this.calls.addOutcome(callId, outcome);
  }

  findDialog(callId: string, tagA: string | null, tagB: string | null): Dialog | null {
    return this.dialogs.find(callId, tagA, tagB);
  }

  /** True while the call is still held in memory. */
  hasCall(callId: string): boolean {
    return this.calls.get(callId) !== undefined;
  }

  private observeRequest(req: SipRequest, nowUs: number): Unhopped {
    const index = req.index;
    let cancels: Transaction | null = null;
    if (req.method === "CANCEL") {
      cancels = this.txns.findCancelled(req);
      if (cancels !== null) cancels.cancelIndex ??= index;
    }
    const m = this.txns.matchRequest(req, index, nowUs);
    const dialogKey = this.dialogs.observe(req, index, nowUs, null);
    const base = { msg: req, timeUs: nowUs, request: null, requestIndex: null, isFinal: false, isFirstFinal: false, dialogKey, cancels };
    switch (m.kind) {
      case "new":
        return { ...base, transaction: m.txn, retransmissionOf: null, ackFor: null };
      case "retransmission":
        return { ...base, transaction: m.txn, retransmissionOf: m.of, ackFor: null };
      case "ack":
        return { ...base, transaction: m.txn, retransmissionOf: m.retransmissionOf, ackFor: m.ackFor };
      case "unkeyed":
        return { ...base, transaction: null, retransmissionOf: null, ackFor: null };
    }
  }

  private observeResponse(res: SipResponse, nowUs: number): Unhopped {
    const m = this.txns.matchResponse(res, res.index, nowUs);
    if (m.kind === "orphan") {
      this.sink.report({
        ...makeDiagnostic("correlate.orphan_response", originRef(res.payload.origin), `${res.status} response (CSeq ${res.cseq === null ? "?" : `${res.cseq.seq} ${res.cseq.method}`}) matches no request in the trace`),
        messageIndex: res.index,
      });
      const dialogKey = this.dialogs.observe(res, res.index, nowUs, null);
      return { msg: res, timeUs: nowUs, transaction: null, retransmissionOf: null, request: null, requestIndex: null, isFinal: res.status >= 200, isFirstFinal: res.status >= 200, ackFor: null, cancels: null, dialogKey };
    }
    const dialogKey = m.retransmissionOf === null ? this.dialogs.observe(res, res.index, nowUs, m.txn.method) : null;
    const isFinal = res.status >= 200 && m.retransmissionOf === null;
    if (m.firstFinal) this.closeTransaction(m.txn, false);
    return {
      msg: res,
      timeUs: nowUs,
      transaction: m.txn,
      retransmissionOf: m.retransmissionOf,
      request: m.txn.request,
      requestIndex: m.txn.requestIndex,
      isFinal,
      isFirstFinal: m.firstFinal,
      ackFor: null,
      cancels: null,
      dialogKey: dialogKey ?? (res.callId !== null && res.fromTag !== null && res.toTag !== null ? this.dialogs.find(res.callId, res.fromTag, res.toTag)?.key ?? null : null),
    };
  }

  private updateCall(call: CallEntry, c: CorrelatedMessage, nowUs: number): void {
    const msg = c.msg;
    const txn = c.transaction;
    if (msg.kind === "request") {
      if (txn !== null && txn.requestIndex === msg.index && msg.method !== "ACK") {
        call.transactions++;
        call.openTransactions++;
      }
      if (msg.method === "CANCEL") call.cancelled = true;
      if (msg.method === "BYE") call.hungUp = true;
      const initial = msg.toTag === null && msg.method !== "ACK" && msg.method !== "CANCEL";
      if (initial && call.method === null) {
        call.method = msg.method;
        call.from = msg.from?.uri.text ?? null;
        call.to = msg.to?.uri.text ?? null;
      }
      if (initial && txn !== null && msg.method === call.method) {
        call.initialKey = txn.key;
        call.finalStatus = null;
        call.provisional = 0;
        call.initialTimedOut = false;
      }
      if (msg.method === "NOTIFY") this.noteSubscriptionState(call, msg, nowUs);
      this.linkByHeaders(call.callId, msg);
      return;
    }
    if (txn !== null && txn.key === call.initialKey) {
      if (msg.status < 200) call.provisional = Math.max(call.provisional, msg.status);
      else if (c.isFirstFinal) call.finalStatus = msg.status;
    }
    if (c.isFinal && msg.status < 300) {
      const method = txn?.method ?? msg.cseq?.method ?? "";
      if (method === "REGISTER") call.activeUntilUs = activeUntil(nowUs, registrationSeconds(msg));
      else if (method === "SUBSCRIBE") call.activeUntilUs = activeUntil(nowUs, msg.expires ?? 3600);
    }
  }

  /** RFC 6665 §8.2.3: Subscription-State ends or extends the subscription that keeps a SUBSCRIBE call alive. */
  private noteSubscriptionState(call: CallEntry, msg: SipRequest, nowUs: number): void {
    if (call.method !== "SUBSCRIBE") return;
    const s = msg.subscriptionState;
    if (s === null) return;
    if (s.state === "terminated") call.activeUntilUs = null;
    else if (s.expires !== null) call.activeUntilUs = activeUntil(nowUs, s.expires);
  }

  private linkByHeaders(callId: string, msg: SipRequest): void {
    for (const other of findCorrelatedCallIds(msg)) this.linkCalls(callId, other, "correlation-header", msg.index);
    // RFC 7989: the Session-ID a B2BUA keeps across its legs.
    for (const other of this.sessionIds.linkedCallIds(msg)) this.linkCalls(callId, other, "correlation-header", msg.index);
    if (msg.method === "INVITE" && msg.toTag === null) {
      // RFC 3891 §3: the new INVITE names the dialog it replaces.
      const rep = msg.replaces;
      if (rep !== null && rep.callId !== callId) this.linkCalls(callId, rep.callId, "replaces", msg.index);
    }
    // RFC 4538 §4: a request authorised by an existing dialog names it in Target-Dialog.
    const td = msg.targetDialog;
    if (td !== null && td.callId !== callId) this.linkCalls(callId, td.callId, "target-dialog", msg.index);
  }

  private closeTransaction(t: Transaction, expired: boolean): void {
    if (!t.open) return;
    t.open = false;
    if (t.callId === null) return;
    const call = this.calls.get(t.callId);
    if (call === undefined) return;
    call.openTransactions = Math.max(0, call.openTransactions - 1);
    if (expired && t.key === call.initialKey && call.finalStatus === null) call.initialTimedOut = true;
    this.calls.review(call);
  }
}

/** RFC 3261 §10.2.4: the 2xx to REGISTER lists the bindings with their expiry; the longest keeps the call alive. */
function registrationSeconds(res: SipResponse): number {
  let max = -1;
  for (const c of res.contacts) if (c.kind === "address") max = Math.max(max, c.expires ?? res.expires ?? 3600);
  if (max < 0) max = res.expires ?? 0;
  return max;
}

function activeUntil(nowUs: number, seconds: number): number | null {
  if (seconds <= 0) return null;
  return nowUs + Math.min(seconds * 1_000_000, MAX_ACTIVE_US);
}
