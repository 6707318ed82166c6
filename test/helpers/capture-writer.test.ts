import { describe, expect, it } from "vitest";
import { buildCapture, expandFrames, sip, sipConversation, sipVerbatim } from "./capture-writer.js";

const a = { ip: "10.0.0.1", port: 5060 };
const b = { ip: "10.0.0.2", port: 5080 };
const invite = sip`
  INVITE sip:bob@example.com SIP/2.0
  Via: SIP/2.0/TCP 10.0.0.1:5060;branch=z9hG4bK1
  Call-ID: c1@a
  CSeq: 1 INVITE
  Content-Type: application/sdp

  v=0
  o=- 1 1 IN IP4 10.0.0.1
`;

describe("sip template", () => {
  it("normalises to CRLF and fills in Content-Length", () => {
    expect(invite.startsWith("INVITE sip:bob@example.com SIP/2.0\r\nVia:")).toBe(true);
    const body = "v=0\r\no=- 1 1 IN IP4 10.0.0.1";
    expect(invite).toContain(`Content-Length: ${body.length}\r\n\r\n${body}`);
    expect(invite.includes("\n\n")).toBe(false);
  });
  it("keeps a wrong Content-Length in sipVerbatim", () => {
    expect(sipVerbatim`
      OPTIONS sip:x SIP/2.0
      Content-Length: 99

    `).toBe("OPTIONS sip:x SIP/2.0\r\nContent-Length: 99\r\n");
  });
});

describe("sipConversation", () => {
  it("adds handshake, segments with consecutive sequence numbers, and FIN", () => {
    const pk = sipConversation([{ timeUs: 1_000_000, src: a, dst: b, transport: "tcp", text: invite, segments: [10, 20] }]);
    const tcp = pk.filter((p) => p.kind === "tcp");
    expect(tcp.map((p) => p.flags)).toEqual(["S", "SA", "A", "PA", "PA", "PA", "FA", "FA", "A"]);
    const data = tcp.filter((p) => p.flags === "PA");
    expect(data[1]!.seq - data[0]!.seq).toBe(10);
    expect(data[2]!.seq - data[1]!.seq).toBe(20);
    expect(Buffer.concat(data.map((p) => Buffer.from(p.payload!))).toString()).toBe(invite);
  });
  it("fragments a UDP datagram into several frames", () => {
    const pk = sipConversation([{ timeUs: 1, src: a, dst: b, transport: "udp", text: invite, fragmentSize: 64, fragmentOrder: [2, 1, 0, 3, 4].filter((i) => i < Math.ceil((invite.length + 8) / 64)) }]);
    expect(expandFrames(pk, { format: "pcap" }).length).toBe(Math.ceil((invite.length + 8) / 64));
  });
});

describe("buildCapture", () => {
  it("writes a classic pcap with one record per frame", () => {
    const cap = buildCapture([{ kind: "udp", timeUs: 1_500_000_000_123_456, src: a, dst: b, payload: "hello" }], { format: "pcap", nanosecond: true, bigEndian: true });
    expect(cap.readUInt32BE(0)).toBe(0xa1b23c4d);
    expect(cap.readUInt32BE(20)).toBe(1);
    expect(cap.readUInt32BE(24)).toBe(1_500_000_000);
    expect(cap.readUInt32BE(28)).toBe(123_456_000);
    expect(cap.readUInt32BE(32)).toBe(14 + 20 + 8 + 5);
  });
  it("writes pcapng blocks whose lengths chain to the end of the file", () => {
    const cap = buildCapture([{ kind: "udp", timeUs: 1, src: { ip: "2001:db8::1", port: 1 }, dst: { ip: "2001:db8::2", port: 2 }, payload: "x" }], { format: "pcapng", linkType: "sll2", fillerBlocks: true });
    let at = 0;
    let blocks = 0;
    while (at < cap.length) {
      const len = cap.readUInt32LE(at + 4);
      expect(cap.readUInt32LE(at + len - 4)).toBe(len);
      at += len;
      blocks++;
    }
    expect(at).toBe(cap.length);
    expect(blocks).toBe(7);
  });
});
