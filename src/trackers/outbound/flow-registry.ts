/**
 * The RFC 5626 flows a trace shows: one per AoR, +sip.instance and reg-id over one connection (§4.2), with `;ob`
 * in Contact and Path (§5.4, §5.1), Supported/Require: outbound, Flow-Timer from the 2xx (§10.2), keepalives
 * (CRLF §4.4.1, STUN §4.4.2), how each flow ended (connection closed or reset, unanswered ping, expiry, 430) and
 * whether the UA registered that reg-id again. Decides nothing about 430/439 responses (flow-failure.ts does).
 */
import { parseEndpoint, type Endpoint } from "../../model/endpoint.js";
import { originRef, type Origin } from "../../model/origin.js";
import type { ConnectionEvent, KeepaliveEvent } from "../../model/trace-event.js";
import { parseTransport } from "../../model/transport.js";
import { makeDiagnostic } from "../../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../../diagnostics/catalogue.js";
import { ExpiryQueue } from "../../util/expiry-queue.js";
import { MinHeap } from "../../util/min-heap.js";
import type { CorrelatedMessage } from "../../correlate/types.js";
import type { SipRequest, SipResponse } from "../../sip/message.js";
import type { ContactValue } from "../../sip/values/contact.js";
import { uriKey } from "../../sip/uri.js";
import { T1_64_US, type TrackerContext } from "../tracker.js";
import { BACKOFF_MAX_MS, connectionKey, isAlive, makeFlow, toFlowRecord, type Flow, type RecoveryAttempt } from "./flow.js";

/** RFC 5626 §4.4.1: no pong within 10 s of a ping and the flow has failed. */
export const PONG_TIMEOUT_US = 10_000_000;
const MAX_FLOWS = 100_000;

export type OutboundContact = Extract<ContactValue, { kind: "address" }>;

/** Told when the UA sends, or gets an answer to, a REGISTER that tries to restore a failed flow (RFC 5626 §4.5). */
export type RecoveryHook = (failed: Flow, nowUs: number) => void;

export class FlowRegistry {
  private seq = 0;
  private readonly flows = new Set<Flow>();
  private readonly byConn = new Map<string, Flow[]>();
  private readonly byToken = new Map<string, Flow>();
  private readonly byRegister = new Map<number, Flow>();
  /** Recovery attempts awaiting their final response, by the REGISTER's index. */
  private readonly byAttempt = new Map<number, { readonly failed: Flow; readonly attempt: RecoveryAttempt }>();
  // Indexes over the live flows, so that a REGISTER or a retried request costs a lookup, not a walk over every flow
  // (a busy registrar holds tens of thousands): by AoR + instance + reg-id, and by registered Contact URI.
  private readonly byIdentity = new Map<string, Flow[]>();
  private readonly byContact = new Map<string, Flow[]>();
  private readonly pongDue = new ExpiryQueue<Flow>();
  private readonly timers = new MinHeap<Flow>();

  constructor(
    private readonly ctx: TrackerContext,
    private readonly onRecovery: RecoveryHook,
  ) {}

  /** The final response to a REGISTER this registry follows (its 2xx makes the registration). */
  observeResponse(c: CorrelatedMessage, res: SipResponse): void {
    if (c.requestIndex === null) return;
    const att = this.byAttempt.get(c.requestIndex);
    if (att !== undefined) {
      this.byAttempt.delete(c.requestIndex);
      att.attempt.status = res.status;
      if (res.status >= 200 && res.status < 300) att.failed.restored = true;
      this.onRecovery(att.failed, c.timeUs);
    }
    const flow = this.byRegister.get(c.requestIndex);
    if (flow === undefined) return;
    this.byRegister.delete(c.requestIndex);
    if (res.status >= 200 && res.status < 300 && c.request !== null) this.registered(flow, c.request, res, c.timeUs);
  }

  /** The flow a REGISTER (by its message index) belongs to, while its response is awaited. */
  flowOfRegister(requestIndex: number | null): Flow | null {
    return requestIndex === null ? null : (this.byRegister.get(requestIndex) ?? null);
  }

  /** Live flows of the same AoR and instance as `flow`, other than it (where a proxy may retry, RFC 5626 §5.3). */
  othersOf(flow: Flow): Flow[] {
    return [...this.flows].filter((f) => f !== flow && isAlive(f) && f.instance === flow.instance && f.aor === flow.aor);
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
        flow.lastAliveUs = e.timeUs;
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

  /** Pongs that did not come within 10 s, registrations that expired, failed flows whose wait is over. */
  advance(nowUs: number): void {
    for (const f of this.pongDue.popDue(nowUs - 1)) {
      const ping = f.pendingPing;
      if (ping === null || ping.timeUs + PONG_TIMEOUT_US >= nowUs) continue;
      this.keepaliveUnanswered(f, ping.timeUs, ping.origin);
    }
    for (const f of this.timers.popDue(nowUs)) this.onFlowTimer(f, nowUs);
  }

  /** End of trace, first step: a ping older than 10 s without a pong fails its flow. */
  finishKeepalives(lastUs: number): void {
    for (const f of this.flows) {
      const ping = f.pendingPing;
      if (ping !== null && ping.timeUs + PONG_TIMEOUT_US < lastUs) this.keepaliveUnanswered(f, ping.timeUs, ping.origin);
    }
  }

  /** End of trace, last step: every flow still held becomes a record. */
  finishFlows(): void {
    for (const f of [...this.flows].sort((a, b) => a.seq - b.seq)) this.emit(f);
  }

  // ---- registrations -------------------------------------------------------------------------------------

  /** RFC 5626 §4.2: a REGISTER whose Contact has +sip.instance and reg-id creates (or refreshes) a flow. */
  observeRegister(req: SipRequest, nowUs: number): void {
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
      if (previous !== null && previous !== flow) {
        // A second attempt on yet another connection still recovers the flow that failed first.
        flow.recoversFrom = previous.failure !== null ? previous : previous.recoversFrom;
        this.reregister(previous, flow, req, nowUs);
      }
    }
    this.noteAttempt(flow, req, nowUs);
    if (contact.ob) flow.ob = true;
    if (req.supported.includes("outbound") || req.require.includes("outbound")) flow.outboundSupported = true;
    const contactKey = uriKey(contact.address.uri);
    if (!flow.contactKeys.has(contactKey)) {
      flow.contactKeys.add(contactKey);
      addTo(this.byContact, contactKey, flow);
    }
    this.byRegister.set(req.index, flow);
  }

  /** A REGISTER on a flow that replaces a failed one, until the failed one is restored, is a recovery attempt. */
  private noteAttempt(flow: Flow, req: SipRequest, nowUs: number): void {
    const failed = flow.recoversFrom;
    if (failed === null || failed.restored) return;
    const attempt: RecoveryAttempt = { message: req.index, timeUs: nowUs, status: null };
    failed.attempts.push(attempt);
    this.byAttempt.set(req.index, { failed, attempt });
    this.onRecovery(failed, nowUs);
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
    flow.lastAliveUs = nowUs;
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
    this.emit(previous);
  }

  private latestFlow(aor: string | null, instance: string | null, regId: number | null): Flow | null {
    return newest(this.byIdentity.get(identityKey(aor, instance, regId)) ?? []);
  }

  private addFlow(f: Flow): Flow {
    this.flows.add(f);
    addTo(this.byIdentity, identityKey(f.aor, f.instance, f.regId), f);
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

  /** Marks a live flow failed (the first failure wins); its record waits for the UA to come back. */
  fail(flow: Flow, kind: NonNullable<Flow["failure"]>["kind"], origin: Origin | null, timeUs: number, message: number | null): void {
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
    removeFrom(this.byConn, flow.connKey, flow);
    removeFrom(this.byIdentity, identityKey(flow.aor, flow.instance, flow.regId), flow);
    for (const k of flow.contactKeys) removeFrom(this.byContact, k, flow);
    for (const t of flow.tokens) if (this.byToken.get(t) === flow) this.byToken.delete(t);
    this.ctx.emitFlow(toFlowRecord(flow));
  }

  private warn(code: DiagnosticCode, origin: Origin, message: string): void {
    this.ctx.sink.report(makeDiagnostic(code, originRef(origin), message));
  }

  // ---- which flow a request took -------------------------------------------------------------------------

  /**
   * The flow a request took: a Route entry equal to a Path flow token (RFC 5626 §5.3), else the connection it
   * travels on, else a registered Contact equal to the Request-URI sent toward that flow's edge proxy.
   */
  flowOfRequest(req: SipRequest): Flow | null {
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
    const toEdge = (this.byContact.get(uriKey(req.requestUri)) ?? []).filter((f) => dst === null || dst.ip === f.edge.ip);
    return newest(toEdge);
  }
}

function identityKey(aor: string | null, instance: string | null, regId: number | null): string {
  // JSON keeps null apart from the string "null" and cannot be forged by a separator inside a URI.
  return JSON.stringify([aor, instance, regId]);
}

function addTo(index: Map<string, Flow[]>, key: string, flow: Flow): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [flow]);
  else list.push(flow);
}

function removeFrom(index: Map<string, Flow[]>, key: string, flow: Flow): void {
  const list = index.get(key);
  if (list === undefined) return;
  const i = list.indexOf(flow);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) index.delete(key);
}

/** The most recently created flow of `flows` (highest seq), or null. */
function newest(flows: readonly Flow[]): Flow | null {
  let best: Flow | null = null;
  for (const f of flows) if (best === null || f.seq > best.seq) best = f;
  return best;
}
