import { describe, expect, it } from "vitest";
import { computeBackoffBounds } from "../../src/trackers/index.js";
import { request, response, runTrace, type ReqSpec, type TraceStep } from "../helpers/sip-trace.js";

const UA = "10.0.0.50:40001";
const EDGE = "10.0.0.1:5060";

function register(flowTimer: number): TraceStep[] {
  const reg: ReqSpec = {
    method: "REGISTER",
    uri: "sip:example.com",
    via: "SIP/2.0/UDP 10.0.0.50:40001;branch=z9hG4bK-r1",
    from: "<sip:ua@example.com>;tag=u1",
    to: "<sip:ua@example.com>",
    callId: "reg@ua",
    cseq: 1,
    headers: ['Contact: <sip:ua@10.0.0.50:40001;ob>;reg-id=1;+sip.instance="<urn:uuid:1>"', "Supported: outbound"],
  };
  return [
    { kind: "sip", t: 0, src: UA, dst: EDGE, text: request(reg) },
    { kind: "sip", t: 0.01, src: EDGE, dst: UA, text: response(reg, 200, "OK", { toTag: "e", headers: ["Require: outbound", `Flow-Timer: ${flowTimer}`, 'Contact: <sip:ua@10.0.0.50:40001;ob>;reg-id=1;+sip.instance="<urn:uuid:1>";expires=3600'] }) },
  ];
}

describe("outbound tracker", () => {
  it("counts STUN keepalives on a UDP flow and flags gaps beyond Flow-Timer", () => {
    const steps: TraceStep[] = [...register(20)];
    for (const t of [15, 30, 60]) {
      steps.push({ kind: "keepalive", t, src: UA, dst: EDGE, keepalive: "stun-request", transport: "udp" });
      steps.push({ kind: "keepalive", t: t + 0.01, src: EDGE, dst: UA, keepalive: "stun-response", transport: "udp" });
    }
    const r = runTrace(steps);
    const flow = r.flows[0];
    expect(flow?.state).toBe("active");
    expect(flow?.ob).toBe(true);
    expect(flow?.outboundSupported).toBe(true);
    expect(flow?.keepalives).toMatchObject({ stunRequests: 3, stunResponses: 3, pings: 0, unanswered: 0, maxIntervalMs: 30000, lateCount: 1 });
    expect(r.diagnostics.map((d) => d.code)).toContain("trackers.flow_keepalive_late");
  });

  it("marks a registration that is not refreshed in time as expired", () => {
    const reg = register(30);
    const steps: TraceStep[] = [...reg, { kind: "keepalive", t: 3700, src: UA, dst: EDGE, keepalive: "stun-request", transport: "udp" }];
    const r = runTrace(steps);
    expect(r.flows[0]?.state).toBe("expired");
    expect(r.flows[0]?.failure?.kind).toBe("expired");
  });

  it("computes the RFC 5626 §4.5 wait: min(1800 s, base * 2^failures), 50-100%", () => {
    expect(computeBackoffBounds(true, 1)).toEqual({ min: 30_000, max: 60_000 });
    expect(computeBackoffBounds(false, 1)).toEqual({ min: 90_000, max: 180_000 });
    expect(computeBackoffBounds(true, 3)).toEqual({ min: 120_000, max: 240_000 });
    expect(computeBackoffBounds(false, 10)).toEqual({ min: 900_000, max: 1_800_000 });
  });
});
