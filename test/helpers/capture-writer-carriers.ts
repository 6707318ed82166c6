/**
 * Payload builders for the capture writer's less common carriers, byte for byte as their specifications lay them
 * out: SCTP packets (RFC 9260 §3: common header with a real CRC32c, Appendix B; DATA chunks §3.3.1 with U/B/E
 * flags; I-DATA chunks, RFC 8260 §2.1; SACK §3.3.4; INIT/INIT ACK/COOKIE ECHO/COOKIE ACK for the association
 * start, §5.1) and ICMP destination unreachable messages quoting an IP packet (RFC 792 for IPv4, quoting up to 576
 * bytes in all as RFC 1812 §4.3.2.3 allows; RFC 4443 §3.1 for IPv6, up to the 1280-byte minimum MTU).
 * They return IP payloads: put them in an `{ kind: "ip" }` PacketSpec with protocol 132, 1 or 58.
 */
import { fold, parseIp, sum16, transportChecksum } from "./capture-writer-packets.js";

export const IPPROTO_ICMP = 1;
export const IPPROTO_SCTP = 132;
export const IPPROTO_ICMPV6 = 58;

/** CRC32c (Castagnoli), reflected polynomial 0x82F63B78, as RFC 9260 Appendix B computes it. */
const CRC32C_TABLE = ((): Uint32Array => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = (c & 1) !== 0 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

export function crc32c(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = (CRC32C_TABLE[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

export interface SctpDataChunkSpec {
  readonly kind: "data";
  readonly tsn: number;
  readonly stream?: number;
  /** DATA: Stream Sequence Number (ignored when unordered). */
  readonly ssn?: number;
  /** Payload Protocol Identifier; RFC 4168 leaves SIP's unspecified, so 0 by default. */
  readonly ppid?: number;
  /** RFC 4168 §5.1: SIP messages SHOULD go on stream 0 with the U bit set. Default true. */
  readonly unordered?: boolean;
  /** B and E flags; default both (an unfragmented message). */
  readonly begin?: boolean;
  readonly end?: boolean;
  readonly data: Buffer;
}

export interface SctpIDataChunkSpec {
  readonly kind: "idata";
  readonly tsn: number;
  readonly stream?: number;
  readonly mid: number;
  readonly fsn?: number;
  readonly ppid?: number;
  readonly unordered?: boolean;
  readonly begin?: boolean;
  readonly end?: boolean;
  readonly data: Buffer;
}

/** Any other chunk, written as given (type, flags, value). */
export interface SctpRawChunkSpec {
  readonly kind: "raw";
  readonly type: number;
  readonly flags?: number;
  readonly value: Buffer;
}

export type SctpChunkSpec = SctpDataChunkSpec | SctpIDataChunkSpec | SctpRawChunkSpec;

function chunk(type: number, flags: number, value: Buffer): Buffer {
  const len = 4 + value.length;
  const out = Buffer.alloc((len + 3) & ~3); // RFC 9260 §3.2: padding to 4 bytes, not counted in the length
  out[0] = type;
  out[1] = flags;
  out.writeUInt16BE(len, 2);
  value.copy(out, 4);
  return out;
}

function flagsOf(c: { readonly unordered?: boolean; readonly begin?: boolean; readonly end?: boolean }): number {
  return ((c.unordered ?? true) ? 0x04 : 0) | ((c.begin ?? true) ? 0x02 : 0) | ((c.end ?? true) ? 0x01 : 0);
}

function chunkBytes(c: SctpChunkSpec): Buffer {
  switch (c.kind) {
    case "data": {
      const v = Buffer.alloc(12 + c.data.length);
      v.writeUInt32BE(c.tsn >>> 0, 0);
      v.writeUInt16BE(c.stream ?? 0, 4);
      v.writeUInt16BE(c.ssn ?? 0, 6);
      v.writeUInt32BE((c.ppid ?? 0) >>> 0, 8);
      c.data.copy(v, 12);
      return chunk(0, flagsOf(c), v);
    }
    case "idata": {
      const v = Buffer.alloc(16 + c.data.length);
      v.writeUInt32BE(c.tsn >>> 0, 0);
      v.writeUInt16BE(c.stream ?? 0, 4);
      v.writeUInt32BE(c.mid >>> 0, 8);
      v.writeUInt32BE(((c.begin ?? true) ? (c.ppid ?? 0) : (c.fsn ?? 0)) >>> 0, 12);
      c.data.copy(v, 16);
      return chunk(64, flagsOf(c), v);
    }
    case "raw":
      return chunk(c.type, c.flags ?? 0, c.value);
  }
}

/** One SCTP packet: common header (ports, verification tag, CRC32c over the whole packet) and its chunks. */
export function buildSctpPacket(srcPort: number, dstPort: number, verificationTag: number, chunks: readonly SctpChunkSpec[]): Buffer {
  const h = Buffer.alloc(12);
  h.writeUInt16BE(srcPort, 0);
  h.writeUInt16BE(dstPort, 2);
  h.writeUInt32BE(verificationTag >>> 0, 4);
  const p = Buffer.concat([h, ...chunks.map(chunkBytes)]);
  p.writeUInt32LE(crc32c(p), 8); // Appendix B: the CRC is stored in network order of its reflected form
  return p;
}

/** SACK (RFC 9260 §3.3.4) acknowledging everything up to `cumulativeTsn`, no gaps. */
export function sackChunk(cumulativeTsn: number): SctpRawChunkSpec {
  const v = Buffer.alloc(12);
  v.writeUInt32BE(cumulativeTsn >>> 0, 0);
  v.writeUInt32BE(65536, 4);
  return { kind: "raw", type: 3, value: v };
}

/** INIT or INIT ACK (RFC 9260 §3.3.2, §3.3.3) with the given initiate tag and initial TSN; INIT ACK carries a cookie. */
export function initChunk(ack: boolean, initiateTag: number, initialTsn: number): SctpRawChunkSpec {
  const fixed = Buffer.alloc(16);
  fixed.writeUInt32BE(initiateTag >>> 0, 0);
  fixed.writeUInt32BE(65536, 4);
  fixed.writeUInt16BE(10, 8);
  fixed.writeUInt16BE(10, 10);
  fixed.writeUInt32BE(initialTsn >>> 0, 12);
  const cookie = Buffer.concat([Buffer.from([0, 7, 0, 12]), Buffer.from("cookie00")]); // State Cookie parameter
  return { kind: "raw", type: ack ? 2 : 1, value: ack ? Buffer.concat([fixed, cookie]) : fixed };
}

export function cookieEchoChunk(): SctpRawChunkSpec {
  return { kind: "raw", type: 10, value: Buffer.from("cookie00") };
}

export function cookieAckChunk(): SctpRawChunkSpec {
  return { kind: "raw", type: 11, value: Buffer.alloc(0) };
}

/** ICMP Destination Unreachable code (RFC 792; 13 is RFC 1812 §5.2.7.1's administratively prohibited). */
export type UnreachableCode = "net" | "host" | "protocol" | "port" | "admin";

const ICMP4_CODES: Readonly<Record<UnreachableCode, number>> = { net: 0, host: 1, protocol: 2, port: 3, admin: 13 };
/** RFC 4443 §3.1: 0 no route, 1 administratively prohibited, 3 address unreachable, 4 port unreachable. */
const ICMP6_CODES: Readonly<Record<UnreachableCode, number>> = { net: 0, host: 3, protocol: 4, port: 4, admin: 1 };

/**
 * ICMP (IPv4) or ICMPv6 Destination Unreachable sent by `reporterIp` to `toIp`, quoting `original` (the IP packet
 * that could not be delivered), cut to the size the host would quote: 576 bytes in all for IPv4 (Linux), the
 * 1280-byte minimum MTU for IPv6. `quoteBytes` quotes less (RFC 792's minimum is the IP header + 8 bytes).
 */
export function buildIcmpUnreachable(reporterIp: string, toIp: string, code: UnreachableCode, original: Buffer, quoteBytes?: number): Buffer {
  const v6 = parseIp(reporterIp).length === 16;
  const limit = quoteBytes ?? (v6 ? 1280 - 40 - 8 : 576 - 20 - 8);
  const quoted = original.subarray(0, Math.min(original.length, limit));
  const m = Buffer.alloc(8 + quoted.length);
  m[0] = v6 ? 1 : 3;
  m[1] = v6 ? ICMP6_CODES[code] : ICMP4_CODES[code];
  quoted.copy(m, 8);
  const sum = v6 ? transportChecksum(parseIp(reporterIp), parseIp(toIp), IPPROTO_ICMPV6, m) : fold(sum16(m));
  m.writeUInt16BE(sum, 2);
  return m;
}
