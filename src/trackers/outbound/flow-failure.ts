/**
 * The findings owed for 430 Flow Failed (RFC 5626 §11.5, §5.3, §7) and 439 First Hop Lacks Outbound Support
 * (§11.6, §6): which flow failed, whether the request was retried over another flow of the same instance, when
 * the UA registered the failed reg-id again (measured from the 430), how late it noticed the failure against its
 * keepalives (§4.4.1), and the §4.5 back-off, judged only between a failed re-registration attempt and the next.
 * Flows themselves are the registry's (flow-registry.ts).
 */
import type { FlowAnnotationDetails, FlowRef } from "../../model/document.js";
import type { CorrelatedMessage } from "../../correlate/types.js";
import type { SipRequest, SipResponse } from "../../sip/message.js";
import { OwedFindings } from "../owed-findings.js";
import { T1_64_US, type TrackerContext } from "../tracker.js";
import { computeBackoffBounds, flowRefOf, isAlive, isFailedAttempt, type Flow } from "./flow.js";
import { flowOutcomeOf } from "./flow-outcome.js";
import { PONG_TIMEOUT_US, type FlowRegistry, type OutboundContact } from "./flow-registry.js";
import { relayedFrom } from "./relayed-439.js";
import { triggerOf439, type Trigger439 } from "./trigger-439.js";

/** Slack on "at once" before a re-registration counts as late (a heuristic: UAs re-register within ms of noticing). */
const NOTICE_SLACK_MS = 5_000;
const MAX_TRIGGERS = 1_024;

interface Pending430 {
  readonly response: number;
  readonly responseCallId: string | null;
  readonly timeUs: number;
  readonly flow: Flow | null;
  readonly others: readonly FlowRef[];
  readonly callId: string | null;
  readonly fromTag: string | null;
  readonly seq: number;
  readonly method: string;
  /** RFC 5626 §4.5 wait after one failed attempt (W for one consecutive failure, 50-100 %). */
  readonly backoff: { readonly min: number; readonly max: number } | null;
  retry: { readonly message: number; status: number | null; readonly flowId: string } | null;
  /** No retry after this: the request is lost. */
  readonly retryDeadlineUs: number;
  /** No re-registration attempt after this: the flow was not restored in the trace. */
  readonly reregDeadlineUs: number;
  deadlineUs: number;
  decided: boolean;
}

export class FlowFailures {
  private readonly pending = new OwedFindings<Pending430>();
  private readonly retryOwner = new Map<number, Pending430>();
  /** What triggered a 439, by its event (first copy): the relayed copy's request lacks the first hop's Path. */
  private readonly triggers = new Map<number, Trigger439>();

  constructor(
    private readonly ctx: TrackerContext,
    private readonly flows: FlowRegistry,
  ) {}

  get open(): number {
    return this.pending.size;
  }

  /** A 430: the flow the request took has failed; wait for the retry and the re-registration. */
  claim430(c: CorrelatedMessage, res: SipResponse): void {
    const req = c.request;
    const flow = req === null ? null : this.flows.flowOfRequest(req);
    if (flow !== null && isAlive(flow)) this.flows.fail(flow, "430", res.payload.origin, c.timeUs, res.index);
    const others = flow === null ? [] : this.flows.othersOf(flow);
    const backoff = flow === null ? null : computeBackoffBounds(others.length === 0, 1);
    const retryDeadlineUs = c.timeUs + T1_64_US;
    const reregDeadlineUs = flow === null || backoff === null ? c.timeUs : (flow.failure?.timeUs ?? c.timeUs) + backoff.max * 1000 + T1_64_US;
    const p: Pending430 = {
      response: res.index,
      responseCallId: res.callId,
      timeUs: c.timeUs,
      flow,
      others: others.map(flowRefOf),
      callId: res.callId,
      fromTag: res.fromTag,
      seq: res.cseq?.seq ?? 0,
      method: req?.method ?? res.cseq?.method ?? "",
      backoff,
      retry: null,
      retryDeadlineUs,
      reregDeadlineUs,
      deadlineUs: Math.max(retryDeadlineUs, reregDeadlineUs),
      decided: false,
    };
    this.pending.add(p);
    this.pending.wakeAt(p, p.retryDeadlineUs);
    this.review(p, c.timeUs);
  }

  /** RFC 5626 §11.6 (and §6): the registrar saw reg-id and `Supported: outbound` but the first hop's Path lacked `;ob`. */
  claim439(c: CorrelatedMessage, res: SipResponse): void {
    const req = c.request;
    const contact = req?.contacts.find((x): x is OutboundContact => x.kind === "address" && x.regId !== null) ?? null;
    const flow = this.flows.flowOfRegister(c.requestIndex);
    const from = relayedFrom(c);
    const own = triggerOf439(req, res);
    const trigger = from === null ? own : (this.triggers.get(from) ?? own);
    if (from === null) this.remember(res.index, own);
    const details: FlowAnnotationDetails = {
      ...EMPTY_DETAILS,
      aor: req?.to?.uri.text ?? res.to?.uri.text ?? null,
      instance: contact?.instance ?? null,
      regId: contact?.regId ?? null,
      flowId: flow?.id ?? null,
      trigger,
      relayedFrom: from,
    };
    this.ctx.emitFinding({ kind: "flow", response: res.index, outcome: "first-hop-lacks-outbound", details, refs: c.requestIndex === null ? [] : [c.requestIndex] }, res.callId);
  }

  /** A later copy of the request (same Call-ID, From tag, CSeq) sent over another flow of the same instance (RFC 5626 §5.3). */
  observeRetry(req: SipRequest, nowUs: number): void {
    for (const p of this.pending) {
      if (p.decided || p.retry !== null || p.callId !== req.callId || p.fromTag !== req.fromTag || p.method !== req.method) continue;
      if ((req.cseq?.seq ?? -1) < p.seq) continue;
      const f = this.flows.flowOfRequest(req);
      if (f === null || f === p.flow) continue;
      if (p.flow !== null && (f.instance !== p.flow.instance || f.aor !== p.flow.aor)) continue;
      p.retry = { message: req.index, status: null, flowId: f.id };
      this.retryOwner.set(req.index, p);
      this.pending.wakeAt(p, p.retryDeadlineUs + 20 * T1_64_US + 1);
      this.review(p, nowUs);
      return;
    }
  }

  /** The first final response to a retried request. */
  observeResponse(c: CorrelatedMessage, res: SipResponse): void {
    if (c.requestIndex === null) return;
    const p = this.retryOwner.get(c.requestIndex);
    if (p?.retry == null) return;
    p.retry.status = res.status;
    this.retryOwner.delete(c.requestIndex);
    this.review(p, c.timeUs);
  }

  /** A re-registration attempt for a failed flow was sent or answered (the registry's hook). */
  onRecovery(failed: Flow, nowUs: number): void {
    for (const p of this.pending) {
      if (p.flow !== failed) continue;
      const first = failed.attempts[0];
      if (first !== undefined && p.backoff !== null) {
        this.pending.wakeAt(p, first.timeUs + T1_64_US + 1);
        this.pending.wakeAt(p, first.timeUs + p.backoff.max * 1000 + T1_64_US + 1);
      }
      this.review(p, nowUs);
    }
  }

  advance(nowUs: number): void {
    for (const p of this.pending.popWoken(nowUs)) this.review(p, nowUs);
  }

  finish(): void {
    for (const p of this.pending.values()) this.decide(p);
  }

  holds(callId: string): boolean {
    return this.pending.holds((p) => p.callId === callId && p.retry === null);
  }

  private remember(event: number, t: Trigger439): void {
    this.triggers.set(event, t);
    if (this.triggers.size > MAX_TRIGGERS) {
      const oldest = this.triggers.keys().next();
      if (oldest.done !== true) this.triggers.delete(oldest.value);
    }
  }

  private review(p: Pending430, nowUs: number): void {
    if (p.decided) return;
    const retrySettled = (p.retry !== null && p.retry.status !== null) || (p.retry === null && nowUs > p.retryDeadlineUs);
    if (p.retry !== null && p.retry.status === null && nowUs > p.retryDeadlineUs + 20 * T1_64_US) {
      this.decide(p);
      return;
    }
    if (retrySettled && this.recoverySettled(p, nowUs)) this.decide(p);
  }

  /**
   * Nothing more to learn about the re-registration: none came in time, or the first attempt succeeded, or it failed
   * and the next attempt came (or the longest §4.5 wait for it passed).
   */
  private recoverySettled(p: Pending430, nowUs: number): boolean {
    const flow = p.flow;
    if (flow === null) return true;
    const first = flow.attempts[0];
    if (first === undefined) return flow.reregistered !== null || nowUs > p.reregDeadlineUs;
    if (first.status === null) return nowUs > first.timeUs + T1_64_US;
    if (!isFailedAttempt(first.status)) return true;
    return flow.attempts.length > 1 || p.backoff === null || nowUs > first.timeUs + p.backoff.max * 1000 + T1_64_US;
  }

  private decide(p: Pending430): void {
    if (!this.pending.decideOnce(p)) return;
    if (p.retry !== null) this.retryOwner.delete(p.retry.message);
    const flow = p.flow;
    const rereg = flow?.reregistered ?? null;
    const reregUs = flow?.attempts[0]?.timeUs ?? (rereg === null || flow?.failure == null ? null : flow.failure.timeUs + rereg.delayMs * 1000);
    const delayMs = reregUs === null ? null : Math.max(0, Math.round((reregUs - p.timeUs) / 1000));
    const failure = flow?.failure ?? null;
    const prior = failure !== null && failure.kind !== "430" && failure.timeUs <= p.timeUs ? { kind: failure.kind, beforeMs: Math.round((p.timeUs - failure.timeUs) / 1000) } : null;
    const noticeByMs = noticeBy(p, flow, prior);
    const first = flow?.attempts[0];
    const failedFirst = first?.status != null && isFailedAttempt(first.status) ? first : null;
    const second = failedFirst === null ? undefined : flow?.attempts[1];
    const gapMs = failedFirst === null || second === undefined ? null : Math.round((second.timeUs - failedFirst.timeUs) / 1000);
    const backoff = failedFirst === null ? null : p.backoff;
    const details: FlowAnnotationDetails = {
      ...EMPTY_DETAILS,
      aor: flow?.aor ?? null,
      instance: flow?.instance ?? null,
      regId: flow?.regId ?? null,
      flowId: flow?.id ?? null,
      otherFlows: p.others,
      retriedOnOtherFlow: p.retry !== null,
      retry: p.retry?.message ?? null,
      retryStatus: p.retry?.status ?? null,
      reregistered: reregUs !== null,
      reregister: first?.message ?? rereg?.message ?? null,
      reregisterDelayMs: delayMs,
      expectedBackoffMs: backoff,
      // §4.5: the wait between a failed attempt and the next is 50-100 % of W (a 1 s tolerance for capture timing).
      backoffRespected: backoff === null || gapMs === null ? null : gapMs >= backoff.min - 1000 && gapMs <= backoff.max + 1000,
      priorFailure: prior,
      flowTimer: flow?.flowTimer ?? null,
      noticeByMs,
      noticedLate: delayMs === null || noticeByMs === null ? null : delayMs > noticeByMs + NOTICE_SLACK_MS,
      failedAttempt: failedFirst?.message ?? null,
      nextAttemptGapMs: gapMs,
    };
    const refs = [...(p.retry === null ? [] : [p.retry.message]), ...(flow?.attempts ?? []).map((a) => a.message)];
    this.ctx.emitFinding({ kind: "flow", response: p.response, outcome: flowOutcomeOf({ retried: p.retry !== null, reregistered: reregUs !== null }), details, refs }, p.responseCallId);
  }
}

/**
 * By when (ms after the 430; negative: before it) the UA should have noticed the failure and re-registered: at a
 * failure it saw itself (its connection closed or reset; 10 s after an unanswered ping, RFC 5626 §4.4.1), else at
 * the latest one Flow-Timer after its last sign of life plus the 10 s a pong may take (§4.4.1). Null if unknown.
 */
function noticeBy(p: Pending430, flow: Flow | null, prior: { readonly kind: string; readonly beforeMs: number } | null): number | null {
  if (prior !== null) return -prior.beforeMs + (prior.kind === "keepalive-unanswered" ? PONG_TIMEOUT_US / 1000 : 0);
  if (flow?.flowTimer == null || flow.lastAliveUs === null) return null;
  return Math.round((flow.lastAliveUs + flow.flowTimer * 1_000_000 + PONG_TIMEOUT_US - p.timeUs) / 1000);
}

const EMPTY_DETAILS: FlowAnnotationDetails = {
  aor: null,
  instance: null,
  regId: null,
  flowId: null,
  otherFlows: [],
  retriedOnOtherFlow: false,
  retry: null,
  retryStatus: null,
  reregistered: false,
  reregister: null,
  reregisterDelayMs: null,
  expectedBackoffMs: null,
  backoffRespected: null,
  priorFailure: null,
  flowTimer: null,
  noticeByMs: null,
  noticedLate: null,
  failedAttempt: null,
  nextAttemptGapMs: null,
  trigger: null,
  relayedFrom: null,
};
