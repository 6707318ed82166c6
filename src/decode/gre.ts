/**
 * GRE (RFC 2784, RFC 2890 key/sequence, RFC 2637 enhanced GRE carrying PPP): returns the offset of the inner
 * IP header or -1. IP-in-IP (protocols 4 and 41) needs no header of its own.
 */
import { followEtherType, followPpp, ipIfAt } from "./link.js";

export const IPPROTO_IPIP = 4;
export const IPPROTO_IPV6 = 41;
export const IPPROTO_GRE = 47;

/** Offset of the IP header inside a GRE packet at `off`, or -1. */
export function unwrapGre(b: Buffer, off: number, end: number): number {
  if (end - off < 4) return -1;
  const flags = b.readUInt16BE(off);
  const version = flags & 0x7;
  const proto = b.readUInt16BE(off + 2);
  let at = off + 4;
  if (version === 0) {
    if ((flags & 0x8000) !== 0 || (flags & 0x4000) !== 0) at += 4; // checksum (+ reserved) or routing present
    if ((flags & 0x2000) !== 0) at += 4; // key
    if ((flags & 0x1000) !== 0) at += 4; // sequence
  } else if (version === 1) {
    at += 4; // payload length + call id
    if ((flags & 0x1000) !== 0) at += 4; // sequence
    if ((flags & 0x0080) !== 0) at += 4; // acknowledgment
  } else return -1;
  if (at > end) return -1;
  if (proto === 0x880b) return followPpp(b, at, end);
  if (proto === 0x6558) return at + 14 <= end ? followEtherType(b, at + 12, end) : -1; // transparent Ethernet bridging
  if (proto === 0x0800 || proto === 0x86dd) return ipIfAt(b, at, end);
  return -1;
}

