/**
 * SCTP decoding (RFC 9260 §3) and user-message reassembly: bundled DATA chunks, fragments in and out of order,
 * I-DATA (RFC 8260), retransmitted TSNs, hostile lengths, and the caps' diagnostics.
 */
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { decodeSctp, type SctpPacket } from "../../src/decode/sctp.js";
import { SctpMessageAssembler, type SctpUserMessage } from "../../src/reassembly/sctp-messages.js";
import { buildSctpPacket, crc32c, sackChunk, type SctpChunkSpec } from "../helpers/capture-writer-carriers.js";

function decode(p: Buffer): SctpPacket {
  const d = decodeSctp(p, 0, p.length);
  if (typeof d === "string") throw new Error(d);
  return d;
}

function feed(asm: SctpMessageAssembler, packets: readonly Buffer[], t0 = 0): SctpUserMessage[] {
  const out: SctpUserMessage[] = [];
  packets.forEach((p, i) => {
    const d = decode(p);
    for (const c of d.chunks) {
      const m = asm.add("a|b", p, c, i + 1, t0 + i);
      if (m !== null) out.push(m);
    }
  });
  return out;
}

const text = (n: number): Buffer => Buffer.from(`OPTIONS sip:x SIP/2.0\r\nCall-ID: ${n}\r\nContent-Length: 0\r\n\r\n`);

describe("SCTP decoding", () => {
  it("CRC32c matches RFC 9260 Appendix B's check value for '123456789'", () => {
    expect(crc32c(Buffer.from("123456789")).toString(16)).toBe("e3069283");
  });

  it("walks bundled chunks: SACK skipped, two DATA chunks with PPID, stream and flags, padding honoured", () => {
    const p = buildSctpPacket(5060, 5061, 0xdeadbeef, [sackChunk(9), { kind: "data", tsn: 10, ppid: 0, data: Buffer.from("abc") }, { kind: "data", tsn: 11, stream: 3, ppid: 46, unordered: false, data: text(1) }]);
    const d = decode(p);
    expect([d.srcPort, d.dstPort, d.verificationTag, d.problem]).toEqual([5060, 5061, 0xdeadbeef, null]);
    expect(d.chunks.map((c) => [c.tsn, c.stream, c.ppid, c.unordered, c.begin, c.end, p.subarray(c.payloadOff, c.payloadEnd).toString()])).toEqual([
      [10, 0, 0, true, true, true, "abc"],
      [11, 3, 46, false, true, true, text(1).toString()],
    ]);
  });

  it("a chunk running past the packet is a problem; the chunks before it are kept", () => {
    const p = buildSctpPacket(1, 2, 3, [{ kind: "data", tsn: 1, data: Buffer.from("ok") }, { kind: "data", tsn: 2, data: Buffer.from("cut here") }]);
    const d = decode(p.subarray(0, p.length - 6));
    expect(d.chunks.map((c) => c.tsn)).toEqual([1]);
    expect(d.problem).toMatch(/runs 6 bytes past the packet/);
    expect(decodeSctp(p, 0, 11)).toMatch(/common header cut short/);
    const zero = Buffer.concat([p.subarray(0, 12), Buffer.from([0, 3, 0, 0])]);
    expect(decode(zero).problem).toMatch(/length 0 < 4/);
  });
});

describe("SCTP user messages", () => {
  const whole = text(7);
  const parts = [whole.subarray(0, 10), whole.subarray(10, 30), whole.subarray(30)];
  const frag = (i: number, tsn = 100 + i): SctpChunkSpec => ({ kind: "data", tsn, data: parts[i] ?? Buffer.alloc(0), begin: i === 0, end: i === 2, ppid: 0 });

  it("fragments in order make one message with every frame", () => {
    const asm = new SctpMessageAssembler("f", new ArraySink());
    const out = feed(asm, [0, 1, 2].map((i) => buildSctpPacket(1, 2, 3, [frag(i)])));
    expect(out.map((m) => [m.data.toString(), m.frames])).toEqual([[whole.toString(), [1, 2, 3]]]);
    expect(asm.pendingFragments).toBe(0);
  });

  it("fragments out of order, and a retransmitted fragment, still make exactly one message", () => {
    const asm = new SctpMessageAssembler("f", new ArraySink());
    const out = feed(asm, [2, 0, 0, 1].map((i) => buildSctpPacket(1, 2, 3, [frag(i)])));
    expect(out.map((m) => m.data.toString())).toEqual([whole.toString()]);
  });

  it("a retransmitted unfragmented DATA chunk (same TSN) is not a second message", () => {
    const asm = new SctpMessageAssembler("f", new ArraySink());
    const p = buildSctpPacket(1, 2, 3, [{ kind: "data", tsn: 5, data: text(1) }]);
    expect(feed(asm, [p, p])).toHaveLength(1);
  });

  it("I-DATA fragments (RFC 8260) are joined by message id and FSN", () => {
    const asm = new SctpMessageAssembler("f", new ArraySink());
    const c = (i: number): SctpChunkSpec => ({ kind: "idata", tsn: 50 + i, mid: 9, fsn: i, data: parts[i] ?? Buffer.alloc(0), begin: i === 0, end: i === 2, ppid: 0 });
    const out = feed(asm, [1, 2, 0].map((i) => buildSctpPacket(1, 2, 3, [c(i)])));
    expect(out.map((m) => m.data.toString())).toEqual([whole.toString()]);
  });

  it("fragments that never complete: one diagnostic for the first, one count at the end, pending bytes capped", () => {
    const sink = new ArraySink();
    const asm = new SctpMessageAssembler("f", sink, { maxMessageBytes: 1 << 20, maxPendingBytes: 4096, timeoutUs: 30_000_000, maxDirections: 10, maxFragments: 256 });
    const packets = Array.from({ length: 2000 }, (_, i) => buildSctpPacket(1, 2, 3, [{ kind: "data", tsn: 1000 + 2 * i, data: Buffer.alloc(100, 0x41), begin: true, end: false }]));
    expect(feed(asm, packets)).toHaveLength(0);
    expect(asm.pendingFragments).toBeLessThanOrEqual(41);
    asm.flush(2000);
    const d = sink.items.filter((x) => x.code === "sctp.fragments_dropped");
    expect(d).toHaveLength(2);
    expect(d[1]?.message).toMatch(/^2000 SCTP fragments in all were dropped/);
  });
});
