/** RFC 7989 Session-ID links the two legs of a B2BUA (two Call-IDs); the null UUID links nothing. */
import { describe, expect, it } from "vitest";
import { request, runTrace, type ReqSpec } from "../helpers/sip-trace.js";
import { StepList } from "../helpers/scenarios/scenario.js";
import { sessionUuids } from "../../src/correlate/session-id-links.js";

const A = "ab30317f1a784dc48ff824d0d3715d86";
const B = "47755a9de7794ba387653f2099600ef2";

function invite(callId: string, sessionId: string, from: string): ReqSpec {
  return {
    method: "INVITE",
    uri: "sip:bob@10.0.0.30",
    via: `SIP/2.0/UDP ${from};branch=z9hG4bK-${callId}`,
    from: `<sip:alice@a.example>;tag=${callId}`,
    to: "<sip:bob@b.example>",
    callId,
    cseq: 1,
    headers: [`Session-ID: ${sessionId}`],
  };
}

describe("Session-ID (RFC 7989)", () => {
  it("parses the local and remote UUIDs, skipping the null UUID and bad values", () => {
    expect(sessionUuids(`${A.toUpperCase()};remote=${B}`)).toEqual([A, B]);
    expect(sessionUuids(`${A};remote=${"0".repeat(32)}`)).toEqual([A]);
    expect(sessionUuids("not-a-uuid")).toEqual([]);
    expect(sessionUuids(null)).toEqual([]);
  });

  it("links the leg a B2BUA starts to the leg it answers when both carry the same UUID", () => {
    const s = new StepList();
    s.sip(0, "10.0.0.11:5060", "10.0.0.20:5060", request(invite("leg-a@x", `${A};remote=${"0".repeat(32)}`, "10.0.0.11:5060")));
    const legB = s.sip(0.01, "10.0.0.20:5060", "10.0.0.30:5060", request(invite("leg-b@y", `${A};remote=${"0".repeat(32)}`, "10.0.0.20:5060")));
    s.sip(0.02, "10.0.0.40:5060", "10.0.0.30:5060", request(invite("other@z", `${"0".repeat(32)};remote=${"0".repeat(32)}`, "10.0.0.40:5060")));
    const calls = runTrace(s.steps).calls;
    expect(calls.find((c) => c.callId === "leg-b@y")?.links).toEqual([{ callId: "leg-a@x", reason: "correlation-header", message: legB }]);
    expect(calls.find((c) => c.callId === "other@z")?.links).toEqual([]);
  });
});
