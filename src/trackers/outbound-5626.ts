/**
 * RFC 5626 outbound tracker: flows per AoR, +sip.instance and reg-id (§4.2), `;ob` in Contact and Path (§5.4,
 * §5.1), Supported/Require: outbound, Flow-Timer in the 2xx (§10.2), keepalives per flow (CRLF §4.4.1, STUN
 * §4.4.2) against Flow-Timer, the flow a request took (flow token in Route where visible, else the 5-tuple),
 * and the findings for 430 Flow Failed (§11.1, §5.3) and 439 First Hop Lacks Outbound Support (§11.2).
 */
import type { FlowRef } from "../model/document.js";
import type { FlowOutcome } from "../model/outcomes.js";
import { parseEndpoint, type Endpoint } from "../model/endpoint.js";
import { originRef, type Origin } from "../model/origin.js";
import type { ConnectionEvent, KeepaliveEvent } from "../model/trace-event.js";
import { parseTransport } from "../model/transport.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/catalogue.js";
import { ExpiryQueue } from "../correlate/expiry-queue.js";
import { MinHeap } from "../correlate/min-heap.js";
import type { CorrelatedMessage } from "../correlate/types.js";
import type { SipRequest, SipResponse } from "../sip/message.js";
import type { ContactValue } from "../sip/values/contact.js";
import { uriKey } from "../sip/uri.js";
import type { FlowExtras } from "./findings.js";
import { BACKOFF_MAX_MS, computeBackoffBounds, connectionKey, flowRefOf, isAlive, makeFlow, toFlowRecord, type Flow } from "./outbound-flow.js";
import { T1_64_US, type Tracker, type TrackerContext } from "./tracker.js";

/** RFC 5626 §4.4.1: no pong within 10 s of a ping and the flow has failed. */
const PONG_TIMEOUT_US = 10_000_000;
const MAX_FLOWS = 100_000;

type OutboundContact = Extract<ContactValue, { kind: "address" }>;

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
  decided: boolean;
}

export class OutboundTracker implements Tracker {
  private seq = 0;
  private readonly flows = new Set<Flow>();
  private readonly byConn = new Map<string, Flow[]>();
  private readonly byToken = new Map<string, Flow>();
  private readonly byRegister = new Map<number, Flow>();
  private readonly pongDue = new ExpiryQueue<Flow>();
  private readonly timers = new MinHeap<Flow>();
  private readonly pending = new Set<Pending430>();
  private readonly pendingTimers = new MinHeap<Pending430>();
  private readonly retryOwner = new Map<number, Pending430>();

  constructor(private readonly ctx: TrackerContext) {}

  observe(c: CorrelatedMessage): void {
    if (c.retransmissionOf !== null) return;
    const msg = c.msg;
    if (msg.kind === "request") {
      if (msg.method === "REGISTER") this.observeRegister(msg, c.timeUs);
      else if (this.pending.size > 0 && msg.method !== "ACK" && msg.method !== "CANCEL") this.observeRetry(msg, c.timeUs);
      return;
    }
    if (!c.isFirstFinal || c.requestIndex === null) return;
    const retryOf = this.retryOwner.get(c.requestIndex);
    if (retryOf?.retry != null) {
      retryOf.retry.status = msg.status;
      this.retryOwner.delete(c.requestIndex);
      this.review(retryOf, c.timeUs);
    }
    const flow = this.byRegister.get(c.requestIndex);
    if (flow !== undefined) {
      this.byRegister.delete(c.requestIndex);
      if (msg.status >= 200 && msg.status < 300 && c.request !== null) this.registered(flow, c.request, msg, c.timeUs);
    }
  }

  claim(c: CorrelatedMessage): void {
    const res = c.msg;
    if (res.kind !== "response") return;
    if (res.status === 439) {
      this.claim439(c, res);
      return;
    }
    const req = c.request;
    const flow = req === null ? null : this.flowOfRequest(req);
    if (flow !== null && isAlive(flow)) this.fail(flow, "430", res.payload.origin, c.timeUs, res.index);
    const others = flow === null ? [] : [...this.flows].filter((f) => f !== flow && isAlive(f) && f.instance === flow.instance && f.aor === flow.aor);
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
      backoff: flow === null ? null : computeBackoffBounds(others.length === 0, 1),
      retry: null,
      rereg: null,
      retryDeadlineUs: c.timeUs + T1_64_US,
      reregDeadlineUs: flow === null ? c.timeUs : (flow.failure?.timeUs ?? c.timeUs) + computeBackoffBounds(others.length === 0, 1).max * 1000 + T1_64_US,
      decided: false,
    };
    if (flow?.reregistered != null) p.rereg = { message: flow.reregistered.message, timeUs: (flow.failure?.timeUs ?? c.timeUs) + flow.reregistered.delayMs * 1000 };
    this.pending.add(p);
    this.pendingTimers.push(Math.max(p.retryDeadlineUs, p.reregDeadlineUs), p);
    this.pendingTimers.push(p.retryDeadlineUs, p);
    this.review(p, c.timeUs);
  }

  observeKeepalive(e: KeepaliveEvent): void {
    const flow = this.flowOnConnection(e.transport, e.src, e.dst);
    if (flow === null) return;
    switch (e.keepalive) {
      case "crlf-ping":
      case "stun-request":
        if (e.keepalive === "crlf-ping") flow.pings++;
        else flow.stunRequests++;
        this.notePing(flow, e.timeUs, e.origin);
        return;
      case "crlf-pong":
      case "stun-response":
        if (e.keepalive === "crlf-pong") flow.pongs++;
        else flow.stunResponses++;
        flow.pendingPing = null;
        return;
    }
  }

  observeConnection(e: ConnectionEvent): void {
    if (e.event === "open") return;
    const list = this.byConn.get(connectionKey(e.transport, e.src, e.dst));
    if (list === undefined) return;
    for (const f of [...list]) {
      if (!isAlive(f)) continue;
      this.fail(f, e.event === "reset" ? "connection-reset" : "connection-closed", e.origin, e.timeUs, null);
      this.warn("trackers.flow_connection_closed", e.origin, `outbound flow ${f.id} (${f.aor ?? "?"}, reg-id ${String(f.regId)}) lost its connection (${e.event === "reset" ? "TCP reset" : "closed"}); RFC 5626 §4.4 the UA must form a new flow and register again`);
    }
  }

  advance(nowUs: number): void {
    for (const f of this.pongDue.popDue(nowUs - 1)) {
      const ping = f.pendingPing;
      if (ping === null || ping.timeUs + PONG_TIMEOUT_US >= nowUs) continue;
      this.keepaliveUnanswered(f, ping.timeUs, ping.origin);
    }
    for (const f of this.timers.popDue(nowUs)) this.onFlowTimer(f, nowUs);
    for (const p of this.pendingTimers.popDue(nowUs - 1)) this.review(p, nowUs);
  }

  finish(lastUs: number): void {
    for (const f of this.flows) {
      const ping = f.pendingPing;
      if (ping !== null && ping.timeUs + PONG_TIMEOUT_US < lastUs) this.keepaliveUnanswered(f, ping.timeUs, ping.origin);
    }
    for (const p of [...this.pending]) this.decide(p);
    for (const f of [...this.flows].sort((a, b) => a.seq - b.seq)) this.emit(f);
  }

  holds(callId: string): boolean {
    for (const p of this.pending) if (p.callId === callId && p.retry === null) return true;
    return false;
  }

  // ---- registrations -------------------------------------------------------------------------------------

  /** RFC 5626 §4.2: a REGISTER whose Contact has +sip.instance and reg-id creates (or refreshes) a flow. */
  private observeRegister(req: SipRequest, nowUs: number): void {
    const contact = req.contacts.find((c): c is OutboundContact => c.kind === "address" && c.regId !== null);
    if (contact === undefined) return;
    const aor = req.to?.uri.text ?? null;
    const vias = req.vias;
    if (vias.length > 1) {
      // Seen after the edge proxy: its Path entry carries the flow token (RFC 5626 §5.1).
      const flow = this.latestFlow(aor, contact.instance, contact.regId) ?? this.flowFromRelayed(req, contact, aor);
      if (flow === null) return;
      const path = req.paths[0];
      if (path !== undefined) {
        flow.tokens.add(uriKey(path.uri));
        this.byToken.set(uriKey(path.uri), flow);
        if (path.uri.params.has("ob")) flow.ob = true;
      }
      if (req.supported.includes("outbound")) flow.outboundSupported = true;
      this.byRegister.set(req.index, flow);
      return;
    }
    const previous = this.latestFlow(aor, contact.instance, contact.regId);
    const src = req.payload.src;
    // A text log names only the peer, so a REGISTER the UA logged as received has no destination. RFC 5626 §4.2.1
    // ties each reg-id to one outbound proxy, so the same reg-id's earlier edge is the one it registers through.
    const dst = req.payload.dst ?? (req.payload.carrier === "log" ? (previous?.edge ?? null) : null);
    if (src === null || dst === null) return;
    const transport = req.payload.transport;
    const key = connectionKey(transport, src, dst);
    let flow = (this.byConn.get(key) ?? []).find((f) => isAlive(f) && f.aor === aor && f.instance === contact.instance && f.regId === contact.regId);
    if (flow === undefined) {
      flow = this.addFlow(makeFlow(++this.seq, { aor, instance: contact.instance, regId: contact.regId, transport, ua: src, edge: dst }));
      if (previous !== null && previous !== flow) this.reregister(previous, flow, req, nowUs);
    }
    if (contact.ob) flow.ob = true;
    if (req.supported.includes("outbound") || req.require.includes("outbound")) flow.outboundSupported = true;
    flow.contactKeys.add(uriKey(contact.address.uri));
    this.byRegister.set(req.index, flow);
  }

  /** Only the edge-to-registrar leg is in the trace: the UA is the second Via (received/rport, RFC 3581). */
  private flowFromRelayed(req: SipRequest, contact: OutboundContact, aor: string | null): Flow | null {
    const v = req.vias[1];
    const edge = req.payload.src;
    if (v === undefined || edge === null) return null;
    const port = typeof v.rport === "number" ? v.rport : (v.port ?? 5060);
    const ua: Endpoint = parseEndpoint(v.received ?? v.host, port) ?? { ip: v.host, port };
    return this.addFlow(makeFlow(++this.seq, { aor, instance: contact.instance, regId: contact.regId, transport: parseTransport(v.transport), ua: { ip: ua.ip, port }, edge, fromRelay: true }));
  }

  private registered(flow: Flow, req: SipRequest, res: SipResponse, nowUs: number): void {
    const ft = res.flowTimer;
    if (ft !== null) flow.flowTimer = ft;
    if (res.require.includes("outbound")) flow.outboundSupported = true;
    // RFC 3327 §5.3: the registrar echoes Path in the 2xx, so the flow token shows even when the relayed leg does not.
    const path = res.paths[0];
    if (path !== undefined) {
      const key = uriKey(path.uri);
      flow.tokens.add(key);
      this.byToken.set(key, flow);
      if (path.uri.params.has("ob")) flow.ob = true;
    }
    // The relayed leg's answer only adds what the registrar said; the UA's own REGISTER makes the registration.
    if (req.vias.length > 1 && !flow.fromRelay) return;
    const seconds = this.bindingSeconds(flow, req, res);
    if (!flow.registered.includes(req.index)) flow.registered.push(req.index);
    if (seconds === 0) {
      // RFC 3261 §10.2.2: Expires 0 removes the binding; the flow ends by choice, not failure.
      flow.state = "unregistered";
      flow.expiresAtUs = null;
      this.emit(flow);
      return;
    }
    if (isAlive(flow)) flow.state = "active";
    flow.expiresAtUs = nowUs + seconds * 1_000_000;
    this.timers.push(flow.expiresAtUs, flow);
  }

  /** The binding's lifetime as the registrar granted it (RFC 3261 §10.3 step 8), matched by instance and reg-id. */
  private bindingSeconds(flow: Flow, req: SipRequest, res: SipResponse): number {
    const granted = res.contacts.find((c): c is OutboundContact => c.kind === "address" && c.regId === flow.regId && c.instance === flow.instance);
    if (granted?.expires != null) return granted.expires;
    const asked = req.contacts.find((c): c is OutboundContact => c.kind === "address" && c.regId === flow.regId);
    return asked?.expires ?? res.expires ?? req.expires ?? 3600;
  }

  /** A new flow for an instance and reg-id whose earlier flow failed: the UA came back (RFC 5626 §4.5). */
  private reregister(previous: Flow, next: Flow, req: SipRequest, nowUs: number): void {
    if (previous.reregistered !== null) return;
    const since = previous.failure?.timeUs ?? nowUs;
    previous.reregistered = { message: req.index, delayMs: Math.max(0, Math.round((nowUs - since) / 1000)), flowId: next.id };
    if (isAlive(previous)) previous.state = "expired";
    for (const p of this.pending) {
      if (p.flow === previous && p.rereg === null) {
        p.rereg = { message: req.index, timeUs: nowUs };
        this.review(p, nowUs);
      }
    }
    this.emit(previous);
  }

  private latestFlow(aor: string | null, instance: string | null, regId: number | null): Flow | null {
    let best: Flow | null = null;
    for (const f of this.flows) if (f.aor === aor && f.instance === instance && f.regId === regId && (best === null || f.seq > best.seq)) best = f;
    return best;
  }

  private addFlow(f: Flow): Flow {
    this.flows.add(f);
    const list = this.byConn.get(f.connKey);
    if (list === undefined) this.byConn.set(f.connKey, [f]);
    else list.push(f);
    if (this.flows.size > MAX_FLOWS) {
      const oldest = this.flows.values().next().value;
      if (oldest !== undefined) this.emit(oldest);
    }
    return f;
  }

  // ---- keepalives and failures ---------------------------------------------------------------------------

  private flowOnConnection(transport: KeepaliveEvent["transport"], a: Endpoint, b: Endpoint): Flow | null {
    const list = this.byConn.get(connectionKey(transport, a, b));
    if (list === undefined) return null;
    return list.find(isAlive) ?? list[list.length - 1] ?? null;
  }

  /** RFC 5626 §4.4.1: with Flow-Timer the UA keeps alive at 80-100% of it; a longer gap lets the edge drop the flow. */
  private notePing(flow: Flow, timeUs: number, origin: Origin): void {
    if (flow.lastPingUs !== null) {
      const gap = timeUs - flow.lastPingUs;
      flow.maxIntervalUs = Math.max(flow.maxIntervalUs ?? 0, gap);
      if (flow.flowTimer !== null && gap > flow.flowTimer * 1_000_000) {
        flow.lateCount++;
        this.warn("trackers.flow_keepalive_late", origin, `keepalive on outbound flow ${flow.id} came ${(gap / 1e6).toFixed(1)} s after the previous one; Flow-Timer is ${flow.flowTimer} s (RFC 5626 §4.4.1)`);
      }
    }
    flow.lastPingUs = timeUs;
    if (flow.pendingPing === null) {
      flow.pendingPing = { timeUs, origin };
      this.pongDue.push(timeUs + PONG_TIMEOUT_US, flow);
    }
  }

  private keepaliveUnanswered(flow: Flow, pingUs: number, origin: Origin): void {
    flow.pendingPing = null;
    flow.unanswered++;
    if (!isAlive(flow)) return;
    this.fail(flow, "keepalive-unanswered", origin, pingUs, null);
    this.warn("trackers.flow_keepalive_unanswered", origin, `keepalive ping on outbound flow ${flow.id} (${flow.aor ?? "?"}, reg-id ${String(flow.regId)}) got no pong within 10 s; RFC 5626 §4.4.1 the flow has failed`);
  }

  private fail(flow: Flow, kind: NonNullable<Flow["failure"]>["kind"], origin: Origin | null, timeUs: number, message: number | null): void {
    if (flow.failure !== null) return;
    flow.failure = { kind, origin, timeUs, message };
    flow.state = "failed";
    flow.expiresAtUs = null;
    // Emitted once the UA comes back, or once RFC 5626 §4.5's longest wait has passed.
    this.timers.push(timeUs + BACKOFF_MAX_MS * 1000 + T1_64_US, flow);
  }

  private onFlowTimer(flow: Flow, nowUs: number): void {
    if (flow.emitted) return;
    if (flow.state === "active" && flow.expiresAtUs !== null && flow.expiresAtUs <= nowUs) {
      flow.failure = { kind: "expired", origin: null, timeUs: flow.expiresAtUs, message: null };
      flow.state = "expired";
      this.timers.push(nowUs + BACKOFF_MAX_MS * 1000 + T1_64_US, flow);
      return;
    }
    if (flow.failure !== null && flow.failure.timeUs + BACKOFF_MAX_MS * 1000 + T1_64_US <= nowUs) this.emit(flow);
  }

  private emit(flow: Flow): void {
    if (flow.emitted) return;
    flow.emitted = true;
    this.flows.delete(flow);
    const list = this.byConn.get(flow.connKey);
    if (list !== undefined) {
      const i = list.indexOf(flow);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.byConn.delete(flow.connKey);
    }
    for (const t of flow.tokens) if (this.byToken.get(t) === flow) this.byToken.delete(t);
    this.ctx.emitFlow(toFlowRecord(flow));
  }

  private warn(code: DiagnosticCode, origin: Origin, message: string): void {
    this.ctx.sink.report(makeDiagnostic(code, originRef(origin), message));
  }

  // ---- 430 and 439 ---------------------------------------------------------------------------------------

  /**
   * The flow a request took: a Route entry equal to a Path flow token (RFC 5626 §5.3), else the connection it
   * travels on, else a registered Contact equal to the Request-URI sent toward that flow's edge proxy.
   */
  private flowOfRequest(req: SipRequest): Flow | null {
    for (const r of req.routes) {
      const f = this.byToken.get(uriKey(r.uri));
      if (f !== undefined) return f;
    }
    const src = req.payload.src;
    const dst = req.payload.dst;
    if (src !== null && dst !== null) {
      const list = this.byConn.get(connectionKey(req.payload.transport, src, dst));
      const f = list?.find(isAlive) ?? list?.[list.length - 1];
      if (f !== undefined) return f;
    }
    const ruri = uriKey(req.requestUri);
    let best: Flow | null = null;
    for (const f of this.flows) {
      if (!f.contactKeys.has(ruri)) continue;
      if (dst !== null && dst.ip !== f.edge.ip) continue;
      if (best === null || f.seq > best.seq) best = f;
    }
    return best;
  }

  /** A later copy of the request (same Call-ID, From tag, CSeq) sent over another flow of the same instance (RFC 5626 §5.3). */
  private observeRetry(req: SipRequest, nowUs: number): void {
    for (const p of this.pending) {
      if (p.decided || p.retry !== null || p.callId !== req.callId || p.fromTag !== req.fromTag || p.method !== req.method) continue;
      if ((req.cseq?.seq ?? -1) < p.seq) continue;
      const f = this.flowOfRequest(req);
      if (f === null || f === p.flow) continue;
      if (p.flow !== null && (f.instance !== p.flow.instance || f.aor !== p.flow.aor)) continue;
      p.retry = { message: req.index, status: null, flowId: f.id };
      this.retryOwner.set(req.index, p);
      this.pendingTimers.push(p.retryDeadlineUs + 20 * T1_64_US + 1, p);
      this.review(p, nowUs);
      return;
    }
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

  private outcomeOf(p: Pending430): FlowOutcome {
    if (p.retry === null) return "request-lost";
    return p.rereg === null ? "flow-not-restored" : "recovered";
  }

  private decide(p: Pending430): void {
    if (p.decided) return;
    p.decided = true;
    this.pending.delete(p);
    if (p.retry !== null) this.retryOwner.delete(p.retry.message);
    const flow = p.flow;
    const failedAt = flow?.failure?.timeUs ?? p.timeUs;
    const delayMs = p.rereg === null ? null : Math.max(0, Math.round((p.rereg.timeUs - failedAt) / 1000));
    const extras: FlowExtras = { backoffRespected: delayMs === null || p.backoff === null ? null : delayMs <= p.backoff.max };
    this.ctx.emitFinding(
      {
        kind: "flow",
        response: p.response,
        outcome: this.outcomeOf(p),
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

  /** RFC 5626 §11.2 (and §6): the registrar saw reg-id but the first hop's Path lacked `;ob`. Decided at once. */
  private claim439(c: CorrelatedMessage, res: SipResponse): void {
    const req = c.request;
    const contact = req?.contacts.find((x): x is OutboundContact => x.kind === "address" && x.regId !== null) ?? null;
    const flow = c.requestIndex === null ? null : (this.byRegister.get(c.requestIndex) ?? null);
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
}
