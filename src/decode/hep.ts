/**
 * HEP (Homer Encapsulation Protocol) v2 and v3/EEP decoding: the SIP payload a capture agent mirrored, with the
 * original addresses, ports and capture time. HEP3 (https://github.com/sipcapture/hep, HEP3 Network Protocol
 * Specification): "HEP3", total length, chunks of vendor(2) type(2) length(2, incl. header) value.
 */
import { gunzipSync, inflateSync } from "node:zlib";
import type { Endpoint } from "../model/endpoint.js";
import { formatIpv4At, formatIpv6At } from "./ip-address.js";

export interface HepPacket {
  readonly version: 2 | 3;
  readonly src: Endpoint | null;
  readonly dst: Endpoint | null;
  /** Capture time from the HEP header; null when absent (HEP v1, or no time chunks). */
  readonly timeUs: number | null;
  /** IP protocol of the mirrored packet (17 UDP, 6 TCP, 132 SCTP); null when not given. */
  readonly ipProto: number | null;
  /** HEP3 protocol type chunk (1 SIP, 5 RTCP, 100 log ...); null when absent (v2 carries SIP only). */
  readonly payloadType: number | null;
  readonly payload: Buffer;
  readonly captureId: number | null;
  readonly correlationId: string | null;
}

export type HepResult = { readonly kind: "hep"; readonly packet: HepPacket; readonly length: number } | { readonly kind: "malformed"; readonly reason: string } | { readonly kind: "incomplete" };

/** Largest inflated payload accepted from a compressed chunk (a zip bomb must not grow memory). */
const MAX_INFLATED = 1024 * 1024;

/** True when `b[off]` starts a HEP3 packet ("HEP3" or "EEP\x03"-style magic). */
export function isHep3(b: Buffer, off: number, end: number): boolean {
  return end - off >= 6 && b[off] === 0x48 && b[off + 1] === 0x45 && b[off + 2] === 0x50 && b[off + 3] === 0x33;
}

/** Decodes one HEP3 packet at `off`; `length` is the packet's total length (for streams carrying several). */
export function decodeHep3(b: Buffer, off: number, end: number): HepResult {
  if (end - off < 6) return { kind: "incomplete" };
  const total = b.readUInt16BE(off + 4);
  if (total < 6) return { kind: "malformed", reason: `HEP3 total length ${total} < 6` };
  if (end - off < total) return { kind: "incomplete" };
  const stop = off + total;
  let ipProto: number | null = null;
  let srcIp: string | null = null;
  let dstIp: string | null = null;
  let srcPort: number | null = null;
  let dstPort: number | null = null;
  let sec: number | null = null;
  let usec = 0;
  let payloadType: number | null = null;
  let payload: Buffer | null = null;
  let captureId: number | null = null;
  let correlationId: string | null = null;
  for (let at = off + 6; at < stop; ) {
    if (stop - at < 6) return { kind: "malformed", reason: `HEP3 chunk header cut short at byte ${at - off}` };
    const vendor = b.readUInt16BE(at);
    const type = b.readUInt16BE(at + 2);
    const len = b.readUInt16BE(at + 4);
    if (len < 6 || at + len > stop) return { kind: "malformed", reason: `HEP3 chunk type ${type} has length ${len} past the packet end` };
    const v = at + 6;
    const vlen = len - 6;
    if (vendor === 0) {
      switch (type) {
        case 1: // IP family: implied by which address chunks (3/4 or 5/6) are present
          break;
        case 2:
          ipProto = b[v] ?? null;
          break;
        case 3:
          if (vlen >= 4) srcIp = formatIpv4At(b, v);
          break;
        case 4:
          if (vlen >= 4) dstIp = formatIpv4At(b, v);
          break;
        case 5:
          if (vlen >= 16) srcIp = formatIpv6At(b, v);
          break;
        case 6:
          if (vlen >= 16) dstIp = formatIpv6At(b, v);
          break;
        case 7:
          if (vlen >= 2) srcPort = b.readUInt16BE(v);
          break;
        case 8:
          if (vlen >= 2) dstPort = b.readUInt16BE(v);
          break;
        case 9:
          if (vlen >= 4) sec = b.readUInt32BE(v);
          break;
        case 10:
          if (vlen >= 4) usec = b.readUInt32BE(v);
          break;
        case 11:
          payloadType = b[v] ?? null;
          break;
        case 12:
          if (vlen >= 4) captureId = b.readUInt32BE(v);
          break;
        case 15:
          payload = b.subarray(v, v + vlen);
          break;
        case 16: {
          const inflated = inflateChunk(b.subarray(v, v + vlen));
          if (inflated === null) return { kind: "malformed", reason: "HEP3 compressed payload (chunk 16) does not inflate" };
          payload = inflated;
          break;
        }
        case 17:
          correlationId = b.toString("latin1", v, v + vlen);
          break;
        default:
          break;
      }
    }
    at += len;
  }

  if (payload === null) return { kind: "malformed", reason: "HEP3 packet without a payload chunk (15 or 16)" };
  const src = srcIp !== null && srcPort !== null ? { ip: srcIp, port: srcPort } : null;
  const dst = dstIp !== null && dstPort !== null ? { ip: dstIp, port: dstPort } : null;
  return {
    kind: "hep",
    length: total,
    packet: { version: 3, src, dst, timeUs: sec === null ? null : sec * 1_000_000 + Math.min(usec, 999_999), ipProto, payloadType, payload, captureId, correlationId },
  };
}

function inflateChunk(data: Buffer): Buffer | null {
  try {
    if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) return gunzipSync(data, { maxOutputLength: MAX_INFLATED });
    return inflateSync(data, { maxOutputLength: MAX_INFLATED });
  } catch {
    return null;
  }
}

/**
 * HEP v1/v2 (Kamailio/OpenSIPS siptrace): version(1) header length(1) family(1) protocol(1) sport(2) dport(2),
 * addresses, and for v2 a time header (sec, usec, capture id; little-endian, padded to 12 bytes). Recognised only
 * when the fields are consistent and the payload begins where expected, since it has no magic.
 */
export function decodeHep2(b: Buffer, off: number, end: number): HepResult | null {
  if (end - off < 16) return null;
  const version = b[off] ?? 0;
  if (version !== 1 && version !== 2) return null;
  const hlen = b[off + 1] ?? 0;
  const family = b[off + 2] ?? 0;
  const proto = b[off + 3] ?? 0;
  const v6 = family === 10;
  if (!(family === 2 || v6) || hlen !== (v6 ? 40 : 16)) return null;
  if (proto !== 17 && proto !== 6 && proto !== 132) return null;
  const timeLen = version === 2 ? 12 : 0;
  if (end - off < hlen + timeLen) return { kind: "malformed", reason: "HEP v2 header cut short" };
  const sport = b.readUInt16BE(off + 4);
  const dport = b.readUInt16BE(off + 6);
  const srcIp = v6 ? formatIpv6At(b, off + 8) : formatIpv4At(b, off + 8);
  const dstIp = v6 ? formatIpv6At(b, off + 24) : formatIpv4At(b, off + 12);
  let timeUs: number | null = null;
  let captureId: number | null = null;
  if (version === 2) {
    const t = off + hlen;
    timeUs = b.readUInt32LE(t) * 1_000_000 + Math.min(b.readUInt32LE(t + 4), 999_999);
    captureId = b.readUInt16LE(t + 8);
  }
  const payloadOff = off + hlen + timeLen;
  return {
    kind: "hep",
    length: end - off,
    packet: { version: 2, src: { ip: srcIp, port: sport }, dst: { ip: dstIp, port: dport }, timeUs, ipProto: proto, payloadType: null, payload: b.subarray(payloadOff, end), captureId, correlationId: null },
  };
}
