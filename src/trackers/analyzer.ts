/**
 * The trackers stage's orchestrator: correlates each SIP message, feeds every tracker, hands each response
 * that needs a finding to exactly one tracker, and moves capture time forward so deadlines ("no NOTIFY within
 * 32 s") fire in capture time. Streaming: outputs come back from each push, and state is released as calls end.
 */
import type { DiagnosticSink } from "../diagnostics/sink.js";
import type { CallRecord, FlowRecord } from "../model/document.js";
import type { ConnectionEvent, KeepaliveEvent } from "../model/trace-event.js";
import { Correlator } from "../correlate/correlator.js";
import type { CorrelatedMessage } from "../correlate/types.js";
import type { SipMessage } from "../sip/message.js";
import { AcceptedTracker } from "./accepted-202.js";
import { ChallengeTracker } from "./challenge-401-407.js";
import type { AnalysisInput, AnalyzerOutput, Finding } from "./findings.js";
import { UnreachableTracker } from "./icmp-unreachable.js";
import { OutboundTracker } from "./outbound/outbound-tracker.js";
import { RedirectTracker } from "./redirect-3xx.js";
import { ReferNotifyTracker } from "./refer-notify.js";
import type { Tracker, TrackerContext } from "./tracker.js";

export interface AnalyzerOptions {
  /** Quiet capture time after a call ended before its record is produced (default 32 000 ms). */
  readonly callGraceMs?: number;
  /** Cap on open transactions (default 200 000). */
  readonly maxTransactions?: number;
}

type TrackerName = "refer" | "redirect" | "outbound" | "accepted" | "challenge";

/**
 * Which tracker owes a finding for a final (non-retransmitted) response with this status to a request of this
 * method, if any. Precedence when two rules apply: 430/439 (the flow failed, whatever the method) before 401/407 (a challenge, whatever the method) before 3xx (a
 * redirect, even of a REFER) before the final response to a REFER before 202 to anything else. The pipeline uses
 * the same rule to know which responses wait for a finding and which get a generic annotation at once.
 */
export function trackerFor(status: number, method: string | null): TrackerName | null {
  if (status < 200) return null;
  if (status === 430 || status === 439) return "outbound";
  // RFC 3261 §22.2, §22.3: a challenge asks for the same request again with credentials; it is not the outcome of
  // the REFER, INVITE or REGISTER it answers (those are judged on the re-sent request).
  if (status === 401 || status === 407) return "challenge";
  if (status >= 300 && status < 400) return "redirect";
  if (method === "REFER") return "refer";
  if (status === 202) return "accepted";
  return null;
}

export function chooseTracker(c: CorrelatedMessage): TrackerName | null {
  const msg = c.msg;
  if (msg.kind !== "response" || !c.isFinal) return null;
  return trackerFor(msg.status, c.request?.method ?? msg.cseq?.method ?? null);
}

export class TraceAnalyzer {
  private readonly correlator: Correlator;
  private readonly trackers: Readonly<Record<TrackerName, Tracker>>;
  private readonly all: readonly Tracker[];
  private readonly outbound: OutboundTracker;
  private readonly unreachable: UnreachableTracker;
  private out: AnalyzerOutput[] = [];
  private nowUs = Number.NEGATIVE_INFINITY;
  private lastUs = 0;
  private finished = false;
  /** Responses owed a finding (their indices), to keep "exactly one finding" honest. */
  private readonly owed = new Set<number>();
  /** Owed responses that are a later hop's copy of an event already seen. */
  private readonly hopCopies = new Set<number>();

  constructor(sink: DiagnosticSink, options: AnalyzerOptions = {}) {
    this.correlator = new Correlator(sink, {
      callGraceUs: (options.callGraceMs ?? 32_000) * 1000,
      ...(options.maxTransactions === undefined ? {} : { maxTransactions: options.maxTransactions }),
    });
    const ctx: TrackerContext = {
      correlator: this.correlator,
      sink,
      emitFinding: (f, callId) => {
        this.emitFinding(f, callId);
      },
      emitFlow: (flow) => {
        this.emitFlow(flow);
      },
    };
    this.outbound = new OutboundTracker(ctx);
    this.unreachable = new UnreachableTracker(this.correlator, sink);
    this.trackers = {
      refer: new ReferNotifyTracker(ctx),
      redirect: new RedirectTracker(ctx),
      outbound: this.outbound,
      accepted: new AcceptedTracker(ctx),
      challenge: new ChallengeTracker(ctx),
    };
    this.all = [this.trackers.refer, this.trackers.redirect, this.trackers.outbound, this.trackers.accepted, this.trackers.challenge];
  }

  /** Open transactions and live calls held right now (for memory tests and the bench). */
  get heldState(): { readonly transactions: number; readonly calls: number; readonly owed: number } {
    return { transactions: this.correlator.openTransactions, calls: this.correlator.liveCalls, owed: this.owed.size };
  }

  push(input: AnalysisInput): AnalyzerOutput[] {
    if (this.finished) return [];
    const t = input.kind === "message" ? input.msg.payload.timeUs : input.kind === "unreachable" ? input.event.timeUs : input.timeUs;
    this.advanceTo(t);
    switch (input.kind) {
      case "message":
        this.pushMessage(input.msg);
        break;
      case "keepalive":
        this.pushKeepalive(input);
        break;
      case "connection":
        this.pushConnection(input);
        break;
      case "unreachable":
        this.unreachable.observe(input.event, input.quoted);
        break;
    }
    return this.take();
  }

  finish(): AnalyzerOutput[] {
    if (this.finished) return [];
    this.finished = true;
    for (const tr of this.all) tr.finish(this.lastUs);
    this.unreachable.finish();
    this.advanceTo(this.lastUs);
    for (const call of this.correlator.finish()) this.out.push({ kind: "call", call });
    return this.take();
  }

  private pushMessage(msg: SipMessage): void {
    const c = this.correlator.observe(msg, this.nowUs);
    this.out.push({ kind: "message-info", index: msg.index, retransmissionOf: c.retransmissionOf, requestIndex: c.requestIndex, sameEventAs: c.hop.eventOf });
    for (const tr of this.all) tr.observe(c);
    const owner = chooseTracker(c);
    if (owner !== null) {
      this.owed.add(msg.index);
      if (c.hop.eventOf !== null) this.hopCopies.add(msg.index);
      this.trackers[owner].claim(c);
    }
  }

  private pushKeepalive(e: KeepaliveEvent): void {
    this.outbound.observeKeepalive(e);
  }

  private pushConnection(e: ConnectionEvent): void {
    this.outbound.observeConnection(e);
  }

  /** Capture time only moves forward; a frame stamped earlier than the one before is taken as "now". */
  private advanceTo(t: number): void {
    if (Number.isFinite(t) && t > this.nowUs) this.nowUs = t;
    if (!Number.isFinite(this.nowUs)) return;
    this.lastUs = Math.max(this.lastUs, this.nowUs);
    for (const tr of this.all) tr.advance(this.nowUs);
    const hold = (callId: string): boolean => this.all.some((tr) => tr.holds(callId));
    for (const call of this.correlator.advance(this.nowUs, hold)) this.emitCall(call);
  }

  private emitFinding(f: Finding, callId: string | null): void {
    if (!this.owed.delete(f.response)) return;
    // One transfer, redirect or flow failure seen on several hops is one outcome of the call: its first copy.
    const copy = this.hopCopies.delete(f.response);
    if (callId !== null && !copy) this.correlator.addOutcome(callId, f.outcome);
    this.out.push({ kind: "finding", finding: f });
  }

  private emitFlow(flow: FlowRecord): void {
    this.out.push({ kind: "flow", flow });
  }

  private emitCall(call: CallRecord): void {
    this.out.push({ kind: "call", call });
  }

  private take(): AnalyzerOutput[] {
    const o = this.out;
    this.out = [];
    return o;
  }
}
