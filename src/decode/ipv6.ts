/** IPv6 header decoding (RFC 8200 §3), extension headers walked (§4), the Fragment header (§4.5) read. */
import type { IpHeader } from "./ip-header.js";
import { formatIpv6At } from "./ip-address.js";

export function decodeIpv6(b: Buffer, off: number, end: number, h: IpHeader): string | null {
  if (end - off < 40) return `IPv6 header cut short (${end - off} of 40 bytes)`;
  const plen = b.readUInt16BE(off + 4);
  h.version = 6;
  h.src = formatIpv6At(b, off + 8);
  h.dst = formatIpv6At(b, off + 24);
  h.isFragment = false;
  h.fragOffset = 0;
  h.moreFragments = false;
  h.fragId = 0;
  // Payload length 0 is a jumbogram (RFC 2675) or TSO: trust the frame.
  const declaredEnd = plen === 0 ? end : off + 40 + plen;
  h.payloadEnd = Math.min(end, declaredEnd);
  h.missing = Math.max(0, declaredEnd - end);
  let next = b[off + 6] ?? 0;
  let at = off + 40;
  // RFC 8200 §4: walk extension headers to the upper layer (bounded: 16 headers).
  for (let i = 0; i < 16; i++) {
    switch (next) {
      case 0: // hop-by-hop
      case 43: // routing
      case 60: // destination options
      case 135: // mobility
        if (at + 8 > h.payloadEnd) return "IPv6 extension header cut short";
        next = b[at] ?? 0;
        at += ((b[at + 1] ?? 0) + 1) * 8;
        continue;
      case 51: // AH (RFC 4302 §2.2): length in 4-byte units minus 2
        if (at + 8 > h.payloadEnd) return "IPv6 AH header cut short";
        next = b[at] ?? 0;
        at += ((b[at + 1] ?? 0) + 2) * 4;
        continue;
      case 44: {
        // Fragment header (RFC 8200 §4.5).
        if (at + 8 > h.payloadEnd) return "IPv6 fragment header cut short";
        next = b[at] ?? 0;
        const offFlags = b.readUInt16BE(at + 2);
        h.fragOffset = offFlags & 0xfff8;
        h.moreFragments = (offFlags & 1) !== 0;
        h.isFragment = h.moreFragments || h.fragOffset !== 0;
        h.fragId = b.readUInt32BE(at + 4);
        at += 8;
        continue;
      }
      default:
        if (at > h.payloadEnd) return "IPv6 extension headers run past the packet";
        h.proto = next;
        h.payloadOff = at;
        return null;
    }
  }
  return "too many IPv6 extension headers";
}
