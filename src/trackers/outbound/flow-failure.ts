/**
 * The findings owed for 430 Flow Failed (RFC 5626 §11.5, §5.3, §7) and 439 First Hop Lacks Outbound Support
 * (§11.6, §6): which flow failed, whether the request was retried over another flow of the same instance, and
 * whether the UA registered the failed reg-id again. Flows themselves are the registry's (flow-registry.ts).
 */
import type { FlowRef } from "../../model/document.js";
import type { CorrelatedMessage } from "../../correlate/types.js";
import type { SipRequest, SipResponse } from "../../sip/message.js";
import type { FlowExtras } from "../findings.js";
import { OwedFindings } from "../owed-findings.js";
import { T1_64_US, type TrackerContext } from "../tracker.js";
import { computeBackoffBounds, flowRefOf, isAlive, type Flow } from "./flow.js";
import { flowOutcomeOf } from "./flow-outcome.js";
import type { FlowRegistry, OutboundContact } from "./flow-registry.js";

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
  readonly backoff: { readonly min: number; readonly max: number } | null;
  retry: { readonly message: number; status: number | null; readonly flowId: string } | null;
  rereg: { readonly message: number; readonly timeUs: number } | null;
  /** No retry after this: the request is lost. */
  readonly retryDeadlineUs: number;
  /** No re-registration after this: not within the RFC 5626 §4.5 window. */
  readonly reregDeadlineUs: number;
  /** The later of the two deadlines (the skeleton's deadline). */
  deadlineUs: number;
  decided: boolean;
}

export class FlowFailures {
  private readonly pending = new OwedFindings<Pending430>();
  private readonly retryOwner = new Map<number, Pending430>();

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
      rereg: null,
      retryDeadlineUs,
      reregDeadlineUs,
      deadlineUs: Math.max(retryDeadlineUs, reregDeadlineUs),
      decided: false,
    };
    if (flow?.reregistered != null) p.rereg = { message: flow.reregistered.message, timeUs: (flow.failure?.timeUs ?? c.timeUs) + flow.reregistered.delayMs * 1000 };
    this.pending.add(p);
    this.pending.wakeAt(p, p.retryDeadlineUs);
    this.review(p, c.timeUs);
  }

  /** RFC 5626 §11.6 (and §6): the registrar saw reg-id but the first hop's Path lacked `;ob`. Decided at once. */
  claim439(c: CorrelatedMessage, res: SipResponse): void {
    const req = c.request;
    const contact = req?.contacts.find((x): x is OutboundContact => x.kind === "address" && x.regId !== null) ?? null;
    const flow = this.flows.flowOfRegister(c.requestIndex);
    this.ctx.emitFinding(
      {
        kind: "flow",
        response: res.index,
        outcome: "first-hop-lacks-outbound",
        details: {
          aor: req?.to?.uri.text ?? res.to?.uri.text ?? null,
          instance: contact?.instance ?? null,
          regId: contact?.regId ?? null,
          flowId: flow?.id ?? null,
          otherFlows: [],
          retriedOnOtherFlow: false,
          retry: null,
          retryStatus: null,
          reregistered: false,
          reregister: null,
          reregisterDelayMs: null,
          expectedBackoffMs: null,
          backoffRespected: null,
        },
        refs: c.requestIndex === null ? [] : [c.requestIndex],
      },
      res.callId,
    );
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

  /** The UA registered the failed flow's reg-id again (the registry's hook). */
  onReregister(previous: Flow, message: number, nowUs: number): void {
    for (const p of this.pending) {
      if (p.flow === previous && p.rereg === null) {
        p.rereg = { message, timeUs: nowUs };
        this.review(p, nowUs);
      }
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

  private review(p: Pending430, nowUs: number): void {
    if (p.decided) return;
    const retrySettled = (p.retry !== null && p.retry.status !== null) || (p.retry === null && nowUs > p.retryDeadlineUs);
    const reregSettled = p.rereg !== null || p.flow === null || nowUs > p.reregDeadlineUs;
    if (p.retry !== null && p.retry.status === null && nowUs > p.retryDeadlineUs + 20 * T1_64_US) {
      this.decide(p);
      return;
    }
    if (retrySettled && reregSettled) this.decide(p);
  }

  private decide(p: Pending430): void {
    if (!this.pending.decideOnce(p)) return;
    if (p.retry !== null) this.retryOwner.delete(p.retry.message);
    const flow = p.flow;
    const failedAt = flow?.failure?.timeUs ?? p.timeUs;
    const delayMs = p.rereg === null ? null : Math.max(0, Math.round((p.rereg.timeUs - failedAt) / 1000));
    const extras: FlowExtras = { backoffRespected: delayMs === null || p.backoff === null ? null : delayMs <= p.backoff.max };
    this.ctx.emitFinding(
      {
        kind: "flow",
        response: p.response,
        outcome: flowOutcomeOf({ retried: p.retry !== null, reregistered: p.rereg !== null }),
        details: {
          aor: flow?.aor ?? null,
          instance: flow?.instance ?? null,
          regId: flow?.regId ?? null,
          flowId: flow?.id ?? null,
          otherFlows: p.others,
          retriedOnOtherFlow: p.retry !== null,
          retry: p.retry?.message ?? null,
          retryStatus: p.retry?.status ?? null,
          reregistered: p.rereg !== null,
          reregister: p.rereg?.message ?? null,
          reregisterDelayMs: delayMs,
          expectedBackoffMs: p.backoff,
          ...extras,
        },
        refs: [...(p.retry === null ? [] : [p.retry.message]), ...(p.rereg === null ? [] : [p.rereg.message])],
      },
      p.responseCallId,
    );
  }
}
