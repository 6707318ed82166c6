import { describe, expect, it } from "vitest";
import { deriveCallState } from "../../src/correlate/call-state.js";
import { request, response, runTrace, type ReqSpec, type TraceStep } from "../helpers/sip-trace.js";

const A = "10.0.0.1:5060";
const B = "10.0.0.2:5060";
const P = "10.0.0.3:5060";

function inv(over: Partial<ReqSpec> = {}): ReqSpec {
  return { method: "INVITE", uri: "sip:bob@b.example", via: "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1", from: "<sip:alice@a.example>;tag=a1", to: "<sip:bob@b.example>", callId: "c1@a", cseq: 1, ...over };
}

function sipStep(t: number, src: string, dst: string, text: string): TraceStep {
  return { kind: "sip", t, src, dst, text };
}

describe("transactions (RFC 3261 §17)", () => {
  it("flags a retransmitted INVITE, 200 and ACK and does not count them as new transactions", () => {
    const i = inv();
    const ack: ReqSpec = { ...i, method: "ACK", via: "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-ack", to: "<sip:bob@b.example>;tag=b1", cseqMethod: "ACK" };
    const r = runTrace([
      sipStep(0, A, B, request(i)),
      sipStep(0.5, A, B, request(i)),
      sipStep(1, B, A, response(i, 200, "OK", { toTag: "b1" })),
      sipStep(1.5, B, A, response(i, 200, "OK", { toTag: "b1" })),
      sipStep(1.6, A, B, request(ack)),
      sipStep(1.7, A, B, request(ack)),
    ]);
    expect([...r.infos.values()].map((x) => x.retransmissionOf)).toEqual([null, 0, null, 2, null, 4]);
    expect(r.infos.get(2)?.requestIndex).toBe(0);
    expect(r.infos.get(3)?.requestIndex).toBe(0);
    const call = r.calls[0];
    expect(call?.retransmissions).toBe(3);
    expect(call?.transactions).toBe(1);
    expect(call?.state).toBe("in-call");
  });

  it("keeps forked 2xx responses apart: one dialog per To tag, neither a retransmission", () => {
    const i = inv();
    const r = runTrace([
      sipStep(0, A, P, request(i)),
      sipStep(0.1, P, A, response(i, 180, "Ringing", { toTag: "x" })),
      sipStep(0.2, P, A, response(i, 180, "Ringing", { toTag: "y" })),
      sipStep(1, P, A, response(i, 200, "OK", { toTag: "x" })),
      sipStep(1.1, P, A, response(i, 200, "OK", { toTag: "y" })),
    ]);
    expect([1, 2, 3, 4].map((k) => r.infos.get(k)?.retransmissionOf)).toEqual([null, null, null, null]);
    expect([1, 2, 3, 4].map((k) => r.infos.get(k)?.requestIndex)).toEqual([0, 0, 0, 0]);
    expect(r.calls[0]?.dialogs).toBe(2);
    expect(r.calls[0]?.finalStatus).toBe(200);
  });

  it("matches CANCEL to its own transaction, the 487 to the INVITE and the ACK to the INVITE's branch", () => {
    const i = inv();
    const cancel: ReqSpec = { ...i, method: "CANCEL", cseqMethod: "CANCEL" };
    const ack: ReqSpec = { ...i, method: "ACK", to: "<sip:bob@b.example>;tag=b1", cseqMethod: "ACK" };
    const r = runTrace([
      sipStep(0, A, B, request(i)),
      sipStep(0.1, B, A, response(i, 180, "Ringing", { toTag: "b1" })),
      sipStep(2, A, B, request(cancel)),
      sipStep(2.01, B, A, response(cancel, 200, "OK", { toTag: "b1" })),
      sipStep(2.02, B, A, response(i, 487, "Request Terminated", { toTag: "b1" })),
      sipStep(2.03, A, B, request(ack)),
    ]);
    expect(r.infos.get(3)?.requestIndex).toBe(2);
    expect(r.infos.get(4)?.requestIndex).toBe(0);
    expect(r.infos.get(5)?.retransmissionOf).toBeNull();
    expect(r.calls[0]?.state).toBe("cancelled");
    expect(r.calls[0]?.transactions).toBe(2);
  });

  it("falls back to RFC 2543 matching without a magic cookie (Call-ID, CSeq, From tag, Via)", () => {
    const old = (cseq: number): ReqSpec => inv({ via: "SIP/2.0/UDP 10.0.0.1:5060", cseq, method: "OPTIONS", uri: "sip:b.example" });
    const r = runTrace([
      sipStep(0, A, B, request(old(1))),
      sipStep(0.5, A, B, request(old(1))),
      sipStep(0.6, A, B, request(old(2))),
      sipStep(0.7, B, A, response(old(2), 200, "OK", { toTag: "b2" })),
      sipStep(0.8, B, A, response(old(1), 200, "OK", { toTag: "b1" })),
    ]);
    expect(r.infos.get(1)?.retransmissionOf).toBe(0);
    expect(r.infos.get(2)?.retransmissionOf).toBeNull();
    expect(r.infos.get(3)?.requestIndex).toBe(2);
    expect(r.infos.get(4)?.requestIndex).toBe(0);
  });

  it("tells two hops of one request apart by sent-by, though the branch is reused", () => {
    const hop1 = inv();
    const hop2 = inv({ via: ["SIP/2.0/UDP 10.0.0.3:5060;branch=z9hG4bK-1", "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1"] });
    const r = runTrace([
      sipStep(0, A, P, request(hop1)),
      sipStep(0.01, P, B, request(hop2)),
      sipStep(0.5, B, P, response(hop2, 486, "Busy Here", { toTag: "b1" })),
      sipStep(0.51, P, A, response(hop1, 486, "Busy Here", { toTag: "b1" })),
    ]);
    expect(r.infos.get(1)?.retransmissionOf).toBeNull();
    expect(r.infos.get(2)?.requestIndex).toBe(1);
    expect(r.infos.get(3)?.requestIndex).toBe(0);
    expect(r.calls[0]?.state).toBe("busy");
  });

  it("reports a response with no request as an orphan", () => {
    const r = runTrace([sipStep(0, B, A, response(inv(), 200, "OK", { toTag: "b1" }))]);
    expect(r.infos.get(0)?.requestIndex).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain("correlate.orphan_response");
  });
});

describe("calls", () => {
  it("links calls named by X-CID style headers, both ways", () => {
    const a = inv();
    const b = inv({ callId: "c2@b", via: "SIP/2.0/UDP 10.0.0.3:5060;branch=z9hG4bK-2", headers: ["X-CID: c1@a"] });
    const r = runTrace([sipStep(0, A, P, request(a)), sipStep(0.01, P, B, request(b))]);
    const byId = new Map(r.calls.map((c) => [c.callId, c]));
    expect(byId.get("c2@b")?.links).toEqual([{ callId: "c1@a", reason: "correlation-header", message: 1 }]);
    expect(byId.get("c1@a")?.linkedCallIds).toEqual(["c2@b"]);
  });

  it("releases an ended call in capture time, not at the end of the trace", () => {
    const steps: TraceStep[] = [];
    for (let k = 0; k < 20; k++) {
      const o = inv({ method: "OPTIONS", callId: `o${k}@a`, via: `SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-o${k}` });
      steps.push(sipStep(k * 40, A, B, request(o)), sipStep(k * 40 + 0.01, B, A, response(o, 200, "OK", { toTag: `t${k}` })));
    }
    const r = runTrace(steps);
    expect(r.calls.map((c) => c.callId)).toEqual(Array.from({ length: 20 }, (_, k) => `o${k}@a`));
    expect(r.calls.every((c) => c.state === "request-ok")).toBe(true);
    expect(r.streamedCalls).toBe(19);
  });

  it("classifies final statuses of the initial INVITE", () => {
    const base = { method: "INVITE", provisional: 0, cancelled: false, hungUp: false };
    expect(deriveCallState({ ...base, finalStatus: null, provisional: 180 })).toBe("ringing");
    expect(deriveCallState({ ...base, finalStatus: 302 })).toBe("redirected");
    expect(deriveCallState({ ...base, finalStatus: 603 })).toBe("rejected");
    expect(deriveCallState({ ...base, finalStatus: 503 })).toBe("failed");
    expect(deriveCallState({ ...base, finalStatus: 200, hungUp: true })).toBe("completed");
    expect(deriveCallState({ ...base, method: "REGISTER", finalStatus: 401 })).toBe("request-failed");
  });
});
