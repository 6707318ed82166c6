/**
 * RFC 5626 outbound scenarios: a UA (instance urn:uuid:...e128) registers flows over TCP to edge proxies, which
 * relay to the registrar over UDP with a Path flow token; a caller's INVITE reaches the UA through a flow.
 */
import { request, response, type ReqSpec } from "../sip-trace.js";
import { StepList, type Scenario } from "./scenario.js";

export const INSTANCE = "<urn:uuid:00000000-0000-1000-8000-000a95a0e128>";
export const AOR = "sip:ua@example.com";
const EDGE1 = "10.0.0.1:5060";
const EDGE2 = "10.0.0.2:5060";
const REGISTRAR = "10.0.0.10:5060";
const CALLER = "10.0.0.60:5060";
const SDP = { type: "application/sdp", text: "v=0\no=- 1 1 IN IP4 10.0.0.60\ns=-\nc=IN IP4 10.0.0.60\nt=0 0\nm=audio 4000 RTP/AVP 0\n" };

interface RegisterOptions {
  readonly uaPort: number;
  readonly edge: string;
  readonly regId: number | null;
  readonly callId: string;
  readonly cseq: number;
  readonly token: string;
  /** The edge supports outbound (Path with ;ob); else the registrar answers 439. */
  readonly edgeOb?: boolean;
  readonly flowTimer?: number;
  /** The registrar's final status when it is neither 200 nor 439 (a failed attempt, RFC 5626 §4.5). */
  readonly status?: readonly [number, string];
}

/**
 * REGISTER UA→edge (TCP), edge→registrar (UDP, Path), the registrar's answer and the edge's relay of it.
 * Returns the indices of the UA's REGISTER and of both responses.
 */
function addRegister(s: StepList, t: number, o: RegisterOptions): { register: number; relayedResponse: number; response: number } {
  const ua = `10.0.0.50:${o.uaPort}`;
  const edgeIp = o.edge.split(":")[0] ?? "";
  const ob = o.regId === null ? "" : ";ob";
  const params = o.regId === null ? "" : `;reg-id=${o.regId};+sip.instance="${INSTANCE}"`;
  const contact = `<sip:ua@10.0.0.50:${o.uaPort};transport=tcp${ob}>${params};expires=600`;
  const uaVia = `SIP/2.0/TCP 10.0.0.50:${o.uaPort};rport;branch=z9hG4bK-reg-${o.callId}-${o.cseq}`;
  const reg: ReqSpec = { method: "REGISTER", uri: "sip:example.com", via: uaVia, from: `<${AOR}>;tag=u${o.cseq}`, to: `<${AOR}>`, callId: o.callId, cseq: o.cseq, headers: [`Contact: ${contact}`, "Supported: path, outbound", "Expires: 600"] };
  const register = s.sip(t, ua, o.edge, request(reg), "tcp");
  const edgeVia = `SIP/2.0/UDP ${o.edge};branch=z9hG4bK-e-${o.callId}-${o.cseq}`;
  const relayed: ReqSpec = {
    ...reg,
    via: [edgeVia, uaVia.replace(";rport", `;received=10.0.0.50;rport=${o.uaPort}`)],
    headers: [...(reg.headers ?? []), `Path: <sip:${o.token}@${edgeIp};lr${o.edgeOb === false ? "" : ";ob"}>`],
  };
  s.sip(t + 0.01, o.edge, REGISTRAR, request(relayed), "udp");
  let answer: string;
  let relayedAnswer: string;
  if (o.status !== undefined) {
    answer = response(relayed, o.status[0], o.status[1], { toTag: `r${o.cseq}` });
    relayedAnswer = response(reg, o.status[0], o.status[1], { toTag: `r${o.cseq}` });
  } else if (o.edgeOb === false && o.regId !== null) {
    // RFC 5626 §6: reg-id present but the Path entry of the first hop lacks ;ob.
    answer = response(relayed, 439, "First Hop Lacks Outbound Support");
    relayedAnswer = response(reg, 439, "First Hop Lacks Outbound Support");
  } else {
    const ok = ["Require: outbound", `Path: <sip:${o.token}@${edgeIp};lr;ob>`, `Contact: ${contact}`, ...(o.flowTimer === undefined ? [] : [`Flow-Timer: ${o.flowTimer}`])];
    answer = response(relayed, 200, "OK", { toTag: `r${o.cseq}`, headers: ok });
    relayedAnswer = response(reg, 200, "OK", { toTag: `r${o.cseq}`, headers: ok });
  }
  const relayedResponse = s.sip(t + 0.02, REGISTRAR, o.edge, answer, "udp");
  const res = s.sip(t + 0.03, o.edge, ua, relayedAnswer, "tcp");
  return { register, relayedResponse, response: res };
}

const callerInvite: ReqSpec = {
  method: "INVITE",
  uri: AOR,
  via: "SIP/2.0/UDP 10.0.0.60:5060;branch=z9hG4bK-call1",
  from: "<sip:caller@example.net>;tag=k1",
  to: `<${AOR}>`,
  callId: "call-ob@example.net",
  cseq: 1,
  headers: ["Contact: <sip:caller@10.0.0.60>"],
  body: SDP,
};

/** The registrar's INVITE toward the UA through one edge, with the flow token in Route (RFC 5626 §5.3). */
function forwarded(edge: string, token: string, uaPort: number, branch: string): ReqSpec {
  const edgeIp = edge.split(":")[0] ?? "";
  return {
    ...callerInvite,
    uri: `sip:ua@10.0.0.50:${uaPort};transport=tcp;ob`,
    via: [`SIP/2.0/UDP 10.0.0.10:5060;branch=z9hG4bK-${branch}`, callerInvite.via as string],
    headers: [`Route: <sip:${token}@${edgeIp};lr;ob>`, "Record-Route: <sip:10.0.0.10;lr>", ...(callerInvite.headers ?? [])],
  };
}

/** Two flows; flow 1's connection is reset; the INVITE gets 430 at edge 1, goes over flow 2; the UA registers reg-id 1 again. */
export function outbound430Recovered(): Scenario {
  const s = new StepList();
  addRegister(s, 0, { uaPort: 40001, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 1, token: "tok1", flowTimer: 120 });
  addRegister(s, 1, { uaPort: 40002, edge: EDGE2, regId: 2, callId: "reg-2@ua", cseq: 1, token: "tok2", flowTimer: 120 });
  s.keepalive(29, "10.0.0.50:40001", EDGE1, "crlf-ping");
  s.keepalive(29.001, EDGE1, "10.0.0.50:40001", "crlf-pong");
  s.connection(30.001, "10.0.0.50:40001", EDGE1, "reset");
  s.sip(40, CALLER, REGISTRAR, request(callerInvite));
  const via1 = forwarded(EDGE1, "tok1", 40001, "f1");
  s.sip(40.01, REGISTRAR, EDGE1, request(via1));
  const failed = s.sip(40.02, EDGE1, REGISTRAR, response(via1, 430, "Flow Failed", { toTag: "e1" }));
  s.sip(40.03, REGISTRAR, EDGE1, request({ method: "ACK", uri: via1.uri, via: via1.via, from: via1.from, to: `${via1.to};tag=e1`, callId: via1.callId, cseq: 1, cseqMethod: "ACK", headers: ["Route: <sip:tok1@10.0.0.1;lr;ob>"] }));
  const via2 = forwarded(EDGE2, "tok2", 40002, "f2");
  const retry = s.sip(40.04, REGISTRAR, EDGE2, request(via2));
  const atUa: ReqSpec = { ...via2, via: ["SIP/2.0/TCP 10.0.0.2:5060;branch=z9hG4bK-e2f2", ...(via2.via as string[])], headers: ["Record-Route: <sip:10.0.0.10;lr>", "Contact: <sip:caller@10.0.0.60>"] };
  s.sip(40.05, EDGE2, "10.0.0.50:40002", request(atUa), "tcp");
  s.sip(41, "10.0.0.50:40002", EDGE2, response(atUa, 200, "OK", { toTag: "ua1", body: SDP }), "tcp");
  s.sip(41.01, EDGE2, REGISTRAR, response(via2, 200, "OK", { toTag: "ua1", body: SDP }));
  s.sip(41.02, REGISTRAR, CALLER, response(callerInvite, 200, "OK", { toTag: "ua1", body: SDP }));
  const rr = addRegister(s, 70, { uaPort: 40003, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 2, token: "tok3", flowTimer: 120 });
  return {
    name: "outbound-430-recovered",
    title: "RFC 5626: flow 1 fails (TCP reset); the INVITE gets 430, is retried over flow 2, and the UA registers reg-id 1 again",
    transport: "tcp",
    steps: s.steps,
    expected: [
      {
        message: failed,
        kind: "flow",
        outcome: "recovered",
        details: {
          aor: AOR,
          instance: INSTANCE,
          regId: 1,
          otherFlows: [{ regId: 2, transport: "tcp", ua: "10.0.0.50:40002", edge: EDGE2 }],
          retriedOnOtherFlow: true,
          retry,
          retryStatus: 200,
          reregistered: true,
          reregister: rr.register,
          // Measured from the 430 (40.02 s); the reset 10.019 s before it was the UA's to see, so it was due at once.
          reregisterDelayMs: 29_980,
          priorFailure: { kind: "connection-reset", beforeMs: 10_019 },
          flowTimer: 120,
          noticeByMs: -10_019,
          noticedLate: true,
          // The first re-registration succeeded: the §4.5 back-off (between failed attempts) does not apply.
          expectedBackoffMs: null,
          backoffRespected: null,
          failedAttempt: null,
        },
      },
    ],
    flows: [
      { regId: 1, state: "failed", failureKind: "connection-reset", reregisteredBy: rr.register, flowTimer: 120 },
      { regId: 2, state: "active", failureKind: null, reregisteredBy: null, flowTimer: 120 },
      { regId: 1, state: "active", failureKind: null, reregisteredBy: null, flowTimer: 120 },
    ],
    diagnostics: ["trackers.flow_connection_closed"],
  };
}

/** One flow; its connection is reset; the INVITE gets 430 and there is no other flow, nor a new registration. */
export function outbound430NotRecovered(): Scenario {
  const s = new StepList();
  addRegister(s, 0, { uaPort: 40001, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 1, token: "tok1", flowTimer: 120 });
  s.keepalive(29, "10.0.0.50:40001", EDGE1, "crlf-ping");
  s.keepalive(29.001, EDGE1, "10.0.0.50:40001", "crlf-pong");
  s.connection(30.001, "10.0.0.50:40001", EDGE1, "reset");
  s.sip(40, CALLER, REGISTRAR, request(callerInvite));
  const via1 = forwarded(EDGE1, "tok1", 40001, "f1");
  s.sip(40.01, REGISTRAR, EDGE1, request(via1));
  const failed = s.sip(40.02, EDGE1, REGISTRAR, response(via1, 430, "Flow Failed", { toTag: "e1" }));
  s.sip(40.03, REGISTRAR, EDGE1, request({ method: "ACK", uri: via1.uri, via: via1.via, from: via1.from, to: `${via1.to};tag=e1`, callId: via1.callId, cseq: 1, cseqMethod: "ACK", headers: ["Route: <sip:tok1@10.0.0.1;lr;ob>"] }));
  s.sip(40.04, REGISTRAR, CALLER, response(callerInvite, 480, "Temporarily Unavailable", { toTag: "reg9" }));
  s.sip(40.05, CALLER, REGISTRAR, request({ method: "ACK", uri: AOR, via: callerInvite.via, from: callerInvite.from, to: `<${AOR}>;tag=reg9`, callId: callerInvite.callId, cseq: 1, cseqMethod: "ACK" }));
  return {
    name: "outbound-430-not-recovered",
    title: "RFC 5626: the only flow fails; the INVITE gets 430 and is never retried, and the UA does not register again",
    transport: "tcp",
    steps: s.steps,
    expected: [
      {
        message: failed,
        kind: "flow",
        outcome: "request-lost",
        details: { aor: AOR, instance: INSTANCE, regId: 1, otherFlows: [], retriedOnOtherFlow: false, retry: null, reregistered: false, reregister: null, expectedBackoffMs: null, backoffRespected: null },
      },
    ],
    flows: [{ regId: 1, state: "failed", failureKind: "connection-reset", reregisteredBy: null }],
    diagnostics: ["trackers.flow_connection_closed"],
  };
}

/** RFC 5626 §6: the edge does not put ;ob in Path; the registrar answers 439 and the edge relays it. */
export function outbound439(): Scenario {
  const s = new StepList();
  const r = addRegister(s, 0, { uaPort: 40001, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 1, token: "tok1", edgeOb: false });
  addRegister(s, 1, { uaPort: 40001, edge: EDGE1, regId: null, callId: "reg-1@ua", cseq: 2, token: "tok1" });
  const details = { aor: AOR, instance: INSTANCE, regId: 1, retriedOnOtherFlow: false, reregistered: false };
  // RFC 5626 §6: the trigger is reg-id plus Supported: outbound, with the first hop's Path lacking ;ob.
  const trigger = { regId: 1, supportedOutbound: true, path: "<sip:tok1@10.0.0.1;lr>", pathHasOb: false, registrarError: null };
  return {
    name: "outbound-439",
    title: "RFC 5626: 439 First Hop Lacks Outbound Support; the UA registers again without outbound",
    transport: "tcp",
    steps: s.steps,
    expected: [
      { message: r.relayedResponse, kind: "flow", outcome: "first-hop-lacks-outbound", details: { ...details, trigger, relayedFrom: null } },
      // The edge relaying the registrar's 439 to the UA: the same event, marked as the relayed copy.
      { message: r.response, kind: "flow", outcome: "first-hop-lacks-outbound", details: { ...details, trigger, relayedFrom: r.relayedResponse } },
    ],
    flows: [{ regId: 1, state: "registering", failureKind: null, reregisteredBy: null }],
  };
}

/**
 * CRLF keepalives (RFC 5626 §4.4.1) on a TCP flow with Flow-Timer 30: pings at 25 and 50 s are answered, the
 * one at 75 s is not; the UA closes the connection and registers reg-id 1 again on a new one.
 */
export function outboundKeepaliveUnanswered(): Scenario {
  const s = new StepList();
  const ua = "10.0.0.50:40001";
  const r0 = addRegister(s, 0, { uaPort: 40001, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 1, token: "tok1", flowTimer: 30 });
  for (const t of [25, 50]) {
    s.keepalive(t, ua, EDGE1, "crlf-ping");
    s.keepalive(t + 0.002, EDGE1, ua, "crlf-pong");
  }
  s.keepalive(75, ua, EDGE1, "crlf-ping");
  s.connection(85.2, ua, EDGE1, "close");
  const rr = addRegister(s, 85.5, { uaPort: 40002, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 2, token: "tok2", flowTimer: 30 });
  return {
    name: "outbound-keepalive-unanswered",
    title: "RFC 5626 CRLF keepalives on TCP: one ping unanswered, the UA re-registers on a new connection",
    transport: "tcp",
    steps: s.steps,
    expected: [],
    flows: [
      { regId: 1, state: "failed", failureKind: "keepalive-unanswered", reregisteredBy: rr.register, keepalives: { pings: 3, pongs: 2, unanswered: 1 }, flowTimer: 30, registered: [r0.register] },
      { regId: 1, state: "active", failureKind: null, reregisteredBy: null, flowTimer: 30, registered: [rr.register] },
    ],
    diagnostics: ["trackers.flow_keepalive_unanswered"],
  };
}

/**
 * CRLF keepalives with Flow-Timer 30: the ping at 75 s gets no pong and the connection stays open; the flow has
 * failed all the same (RFC 5626 §4.4.1), and the UA registers reg-id 1 on a new connection at 85.5 s.
 */
export function outboundKeepaliveUnansweredOpen(): Scenario {
  const s = new StepList();
  const ua = "10.0.0.50:40001";
  const r0 = addRegister(s, 0, { uaPort: 40001, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 1, token: "tok1", flowTimer: 30 });
  for (const t of [25, 50]) {
    s.keepalive(t, ua, EDGE1, "crlf-ping");
    s.keepalive(t + 0.002, EDGE1, ua, "crlf-pong");
  }
  s.keepalive(75, ua, EDGE1, "crlf-ping");
  const rr = addRegister(s, 85.5, { uaPort: 40002, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 2, token: "tok2", flowTimer: 30 });
  return {
    name: "outbound-keepalive-unanswered-open",
    title: "RFC 5626 §4.4.1: a CRLF ping without pong in 10 s fails the flow although its TCP connection stays open",
    transport: "tcp",
    steps: s.steps,
    expected: [],
    flows: [
      { regId: 1, state: "failed", failureKind: "keepalive-unanswered", reregisteredBy: rr.register, keepalives: { pings: 3, pongs: 2, unanswered: 1 }, flowTimer: 30, registered: [r0.register] },
      { regId: 1, state: "active", failureKind: null, reregisteredBy: null, flowTimer: 30, registered: [rr.register] },
    ],
    diagnostics: ["trackers.flow_keepalive_unanswered"],
  };
}

/**
 * RFC 5626 §4.5: the only flow dies silently (the edge loses it; no FIN reaches the capture). An INVITE gets 430 at
 * 40.02 s; the UA's next ping (50 s) gets no pong, so at 60 s it knows, and re-registers at once (60.1 s): the
 * registrar answers 503. The UA waits 44.9 s (W = 60 s for one failure when all flows failed: 30-60 s) and succeeds.
 */
export function outbound430RetryBackoff(): Scenario {
  const s = new StepList();
  const ua = "10.0.0.50:40001";
  addRegister(s, 0, { uaPort: 40001, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 1, token: "tok1", flowTimer: 30 });
  s.keepalive(25, ua, EDGE1, "crlf-ping");
  s.keepalive(25.002, EDGE1, ua, "crlf-pong");
  s.sip(40, CALLER, REGISTRAR, request(callerInvite));
  const via1 = forwarded(EDGE1, "tok1", 40001, "f1");
  s.sip(40.01, REGISTRAR, EDGE1, request(via1));
  const failed = s.sip(40.02, EDGE1, REGISTRAR, response(via1, 430, "Flow Failed", { toTag: "e1" }));
  s.sip(40.03, REGISTRAR, EDGE1, request({ method: "ACK", uri: via1.uri, via: via1.via, from: via1.from, to: `${via1.to};tag=e1`, callId: via1.callId, cseq: 1, cseqMethod: "ACK", headers: ["Route: <sip:tok1@10.0.0.1;lr;ob>"] }));
  s.sip(40.04, REGISTRAR, CALLER, response(callerInvite, 480, "Temporarily Unavailable", { toTag: "reg9" }));
  s.sip(40.05, CALLER, REGISTRAR, request({ method: "ACK", uri: AOR, via: callerInvite.via, from: callerInvite.from, to: `<${AOR}>;tag=reg9`, callId: callerInvite.callId, cseq: 1, cseqMethod: "ACK" }));
  s.keepalive(50, ua, EDGE1, "crlf-ping");
  const a1 = addRegister(s, 60.1, { uaPort: 40002, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 2, token: "tok2", flowTimer: 30, status: [503, "Service Unavailable"] });
  const a2 = addRegister(s, 105, { uaPort: 40002, edge: EDGE1, regId: 1, callId: "reg-1@ua", cseq: 3, token: "tok2", flowTimer: 30 });
  return {
    name: "outbound-430-retry-backoff",
    title: "RFC 5626 §4.5: re-registration at once after a silent flow failure fails (503); the next attempt waits 44.9 s (within 30-60 s)",
    transport: "tcp",
    steps: s.steps,
    expected: [
      {
        message: failed,
        kind: "flow",
        outcome: "request-lost",
        details: {
          regId: 1,
          reregistered: true,
          reregister: a1.register,
          reregisterDelayMs: 20_080,
          priorFailure: null,
          flowTimer: 30,
          // Last pong 25.002 s + Flow-Timer 30 s + 10 s for a pong, minus the 430 at 40.02 s.
          noticeByMs: 24_982,
          noticedLate: false,
          failedAttempt: a1.register,
          nextAttemptGapMs: 44_900,
          expectedBackoffMs: { min: 30_000, max: 60_000 },
          backoffRespected: true,
        },
      },
    ],
    flows: [
      { regId: 1, state: "failed", failureKind: "430", reregisteredBy: a1.register },
      { regId: 1, state: "active", failureKind: null, reregisteredBy: null, flowTimer: 30, registered: [a2.register] },
    ],
  };
}

export const OUTBOUND_SCENARIOS: readonly (() => Scenario)[] = [
  outbound430Recovered,
  outbound430NotRecovered,
  outbound439,
  outboundKeepaliveUnanswered,
  outboundKeepaliveUnansweredOpen,
  outbound430RetryBackoff,
];
