/**
 * ICMP and ICMPv6 Destination Unreachable messages (RFC 792 "Destination Unreachable Message"; RFC 4443 §3.1):
 * type, code, 4 unused bytes, then the start of the IP packet that could not be delivered. RFC 792 guarantees the
 * IP header and 64 bits of its data; routers and hosts quote more (RFC 1812 §4.3.2.3: up to 576 bytes in all;
 * RFC 4443 §3.1: as much as fits in the IPv6 minimum MTU), which is why the quoted SIP request is often readable.
 * Everything else ICMP carries is of no interest here and yields null.
 */
import type { UnreachableReason } from "../model/trace-event.js";

export interface IcmpUnreachable {
  readonly version: 4 | 6;
  readonly code: number;
  readonly reason: UnreachableReason;
  /** The quoted IP packet: [quotedOff, quotedEnd) of the buffer given. */
  readonly quotedOff: number;
  readonly quotedEnd: number;
}

/** RFC 792 codes 0-3; 9, 10 and 13 (RFC 1812 §5.2.7.1) are administrative prohibitions. */
function reasonV4(code: number): UnreachableReason {
  switch (code) {
    case 0:
      return "net";
    case 1:
      return "host";
    case 2:
      return "protocol";
    case 3:
      return "port";
    case 9:
    case 10:
    case 13:
      return "admin";
    default:
      return "other";
  }
}

/** RFC 4443 §3.1: 0 no route, 1 administratively prohibited, 3 address unreachable, 4 port unreachable. */
function reasonV6(code: number): UnreachableReason {
  switch (code) {
    case 0:
      return "net";
    case 1:
      return "admin";
    case 3:
      return "host";
    case 4:
      return "port";
    default:
      return "other";
  }
}

/** The ICMP message at [off, end) when it is a Destination Unreachable (IPv4 type 3, ICMPv6 type 1), else null. */
export function decodeIcmpUnreachable(b: Buffer, off: number, end: number, version: 4 | 6): IcmpUnreachable | null {
  if (end - off < 8) return null;
  const type = b[off] ?? 0;
  const code = b[off + 1] ?? 0;
  if (version === 4 ? type !== 3 : type !== 1) return null;
  return { version, code, reason: version === 4 ? reasonV4(code) : reasonV6(code), quotedOff: off + 8, quotedEnd: end };
}
