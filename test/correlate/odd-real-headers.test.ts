/**
 * Issue 10 item 6: headers that real phones and NATs send must not split one call in two. An IPv6 host written
 * without brackets (RFC 3261 §25.1 asks for brackets), and a response whose Via sent-by port a NAT/ALG rewrote
 * (RFC 3261 §17.1.3 matches a response on branch and CSeq method, not sent-by).
 */
import { describe, expect, it } from "vitest";
import { splitHostPort } from "../../src/sip/host-port.js";
import { parseUri } from "../../src/sip/uri.js";
import { parseVia } from "../../src/sip/values/via.js";
import { request, response, runTrace, type ReqSpec, type TraceStep } from "../helpers/sip-trace.js";

const BARE = "fec0:0:0:0:216:d3ff:fe0d:22c";

function sipStep(t: number, src: string, dst: string, text: string): TraceStep {
  return { kind: "sip", t, src, dst, text };
}

describe("one hostport rule (sip/host-port.ts)", () => {
  it.each([
    ["example.com", "example.com", null, true, false],
    ["10.0.0.1:5060", "10.0.0.1", 5060, true, false],
    ["[2001:db8::1]:5070", "2001:db8::1", 5070, true, false],
    ["[2001:db8::1]", "2001:db8::1", null, true, false],
    [BARE, BARE, null, true, true],
    ["fec0:0:0:0:216:d3ff:fe0d:2222", "fec0:0:0:0:216:d3ff:fe0d:2222", null, true, true],
    ["::ffff:10.0.0.1", "::ffff:10.0.0.1", null, true, true],
    ["host:99999", "host:99999", null, false, false],
    ["host:abc", "host:abc", null, false, false],
    ["[2001:db8::1", "[2001:db8::1", null, false, false],
    ["bad:host:name", "bad:host:name", null, false, false],
  ] as const)("%s", (text, host, port, ok, bare) => {
    expect(splitHostPort(text)).toEqual({ host, port, ok, bareIpv6: bare });
  });

  it("reads a URI with a bare IPv6 host as that host, not as a host and a port", () => {
    const u = parseUri(`sip:4321@${BARE}`);
    expect(u.ok).toBe(true);
    expect(u.uri.host).toBe(BARE);
    expect(u.uri.port).toBeNull();
    expect(u.uri.user).toBe("4321");
  });

  it("reads a Via sent-by with a bare IPv6 host", () => {
    const v = parseVia(`SIP/2.0/UDP ${BARE};branch=z9hG4bK-v6;rport`);
    expect(v.ok && v.value.host).toBe(BARE);
    expect(v.ok && v.value.port).toBeNull();
  });
});

describe("matching survives odd but real headers: one call stays one call", () => {
  const phone = "10.0.0.1:5060";
  const pbx = "10.0.0.2:5060";

  it("a bare IPv6 host in Request-URI, From, To, Contact and Via", () => {
    const inv: ReqSpec = {
      method: "INVITE",
      uri: `sip:4321@${BARE}`,
      via: `SIP/2.0/UDP ${BARE};branch=z9hG4bK-bare-1`,
      from: `<sip:1234@${BARE}>;tag=f1`,
      to: `<sip:4321@${BARE}>`,
      callId: "bare-v6@phone",
      cseq: 1,
      headers: [`Contact: <sip:1234@${BARE}>`],
    };
    const ack: ReqSpec = { ...inv, method: "ACK", via: `SIP/2.0/UDP ${BARE};branch=z9hG4bK-bare-ack`, to: `<sip:4321@${BARE}>;tag=t1`, cseqMethod: "ACK" };
    const r = runTrace([
      sipStep(0, phone, pbx, request(inv)),
      sipStep(0.1, pbx, phone, response(inv, 180, "Ringing", { toTag: "t1" })),
      sipStep(1, pbx, phone, response(inv, 200, "OK", { toTag: "t1" })),
      sipStep(1.1, phone, pbx, request(ack)),
    ]);
    expect(r.calls).toHaveLength(1);
    expect(r.infos.get(1)?.requestIndex).toBe(0);
    expect(r.infos.get(2)?.requestIndex).toBe(0);
    expect(r.calls[0]?.transactions).toBe(1);
    expect(r.calls[0]?.finalStatus).toBe(200);
    expect(r.calls[0]?.state).toBe("in-call");
  });

  it("a response whose Via port a NAT rewrote still answers its INVITE", () => {
    const inv: ReqSpec = {
      method: "INVITE",
      uri: "sip:bob@b.example",
      via: "SIP/2.0/UDP 192.168.1.20:5060;branch=z9hG4bK-nat-1;rport",
      from: "<sip:alice@a.example>;tag=a1",
      to: "<sip:bob@b.example>",
      callId: "nat-port@a",
      cseq: 1,
    };
    // The same Via as seen on the response's path after an ALG rewrote its port (5060 -> 34567).
    const rewritten: ReqSpec = { ...inv, via: "SIP/2.0/UDP 192.168.1.20:34567;branch=z9hG4bK-nat-1;rport=34567;received=203.0.113.9" };
    const r = runTrace([
      sipStep(0, phone, pbx, request(inv)),
      sipStep(0.2, pbx, phone, response(rewritten, 180, "Ringing", { toTag: "b1" })),
      sipStep(1, pbx, phone, response(rewritten, 200, "OK", { toTag: "b1" })),
    ]);
    expect(r.calls).toHaveLength(1);
    expect(r.infos.get(1)?.requestIndex).toBe(0);
    expect(r.infos.get(2)?.requestIndex).toBe(0);
    expect(r.calls[0]?.transactions).toBe(1);
    expect(r.calls[0]?.finalStatus).toBe(200);
  });
});
