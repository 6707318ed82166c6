import { describe, expect, it } from "vitest";
import { request, response, runTrace, type ReqSpec } from "../helpers/sip-trace.js";
import { StepList } from "../helpers/scenarios/scenario.js";
import { REDIRECTOR, UAC, ackOf, invite } from "../helpers/scenarios/redirect-scenarios.js";

describe("redirect tracker", () => {
  it("follows a retry sent with a new Call-ID to a Contact and links the two calls", () => {
    const s = new StepList();
    const i1 = invite("sip:bob@b.example", 1, "a");
    s.sip(0, UAC, REDIRECTOR, request(i1));
    const moved = s.sip(0.01, REDIRECTOR, UAC, response(i1, 301, "Moved Permanently", { toTag: "r", headers: ["Contact: <sip:bob@new.example>"] }));
    s.sip(0.02, UAC, REDIRECTOR, request(ackOf(i1, "r")));
    const i2 = invite("sip:bob@new.example", 1, "b", "other@a");
    const retry = s.sip(0.1, UAC, "10.0.0.40:5060", request(i2));
    s.sip(0.2, "10.0.0.40:5060", UAC, response(i2, 486, "Busy Here", { toTag: "n" }));
    s.sip(0.21, UAC, "10.0.0.40:5060", request(ackOf(i2, "n")));
    const r = runTrace(s.steps);
    const f = r.byResponse.get(moved);
    expect(f?.outcome).toBe("followed");
    expect(f?.details).toMatchObject({ retry, retryCallId: "other@a", retryStatus: 486, toPreserved: true, status: 301, meaning: "moved-permanently" });
    expect(r.calls.find((c) => c.callId === "redir-1@a.example")?.links).toEqual([{ callId: "other@a", reason: "redirect", message: retry }]);
  });

  it("flags a Contact equal to the URI just requested as a loop", () => {
    const s = new StepList();
    const i1 = invite("sip:bob@b.example", 1, "a");
    s.sip(0, UAC, REDIRECTOR, request(i1));
    const moved = s.sip(0.01, REDIRECTOR, UAC, response(i1, 302, "Moved Temporarily", { toTag: "r", headers: ["Contact: <sip:bob@B.EXAMPLE:5060>"] }));
    s.sip(0.02, UAC, REDIRECTOR, request(ackOf(i1, "r")));
    const f = runTrace(s.steps).byResponse.get(moved);
    expect(f?.outcome).toBe("loop");
    expect(f?.details).toMatchObject({ loopTarget: "sip:bob@B.EXAMPLE:5060" });
  });

  it("notes when the retry changed the To URI (RFC 3261 §8.1.3.4 keeps it)", () => {
    const s = new StepList();
    const i1 = invite("sip:bob@b.example", 1, "a");
    s.sip(0, UAC, REDIRECTOR, request(i1));
    const moved = s.sip(0.01, REDIRECTOR, UAC, response(i1, 302, "Moved Temporarily", { toTag: "r", headers: ["Contact: <sip:bob@10.0.0.31>"] }));
    s.sip(0.02, UAC, REDIRECTOR, request(ackOf(i1, "r")));
    const i2: ReqSpec = { ...invite("sip:bob@10.0.0.31", 2, "b"), to: "<sip:bob@10.0.0.31>" };
    s.sip(0.05, UAC, "10.0.0.31:5060", request(i2));
    s.sip(0.5, "10.0.0.31:5060", UAC, response(i2, 200, "OK", { toTag: "z" }));
    const f = runTrace(s.steps).byResponse.get(moved);
    expect(f?.outcome).toBe("followed");
    expect(f?.details).toMatchObject({ toPreserved: false, retryStatus: 200 });
  });

  it("treats 305 as a retry through the proxy with the same Request-URI, and 380 without Contact as no-contact", () => {
    const s = new StepList();
    const i1 = invite("sip:bob@b.example", 1, "a");
    s.sip(0, UAC, REDIRECTOR, request(i1));
    const useProxy = s.sip(0.01, REDIRECTOR, UAC, response(i1, 305, "Use Proxy", { toTag: "r", headers: ["Contact: <sip:proxy.b.example;lr>"] }));
    s.sip(0.02, UAC, REDIRECTOR, request(ackOf(i1, "r")));
    const i2 = invite("sip:bob@b.example", 2, "b");
    s.sip(0.05, UAC, "10.0.0.50:5060", request(i2));
    const alt = s.sip(0.1, "10.0.0.50:5060", UAC, response(i2, 380, "Alternative Service", { toTag: "p" }));
    s.sip(0.11, UAC, "10.0.0.50:5060", request(ackOf(i2, "p")));
    const r = runTrace(s.steps);
    expect(r.byResponse.get(useProxy)?.outcome).toBe("followed");
    expect(r.byResponse.get(useProxy)?.details).toMatchObject({ meaning: "use-proxy", retryStatus: 380 });
    expect(r.byResponse.get(alt)?.outcome).toBe("no-contact");
    expect(r.byResponse.get(alt)?.details).toMatchObject({ meaning: "alternative-service", contacts: [] });
  });
});
