/**
 * Link layers: finds where the IP header starts in a captured frame. Ethernet II (802.1Q, QinQ 802.1ad, PPPoE
 * session, MPLS, LLC/SNAP), Linux SLL and SLL2, raw IP (LINKTYPE 101, 12, 14, 228, 229), BSD NULL and LOOP, PPP.
 * Link-type numbers are the tcpdump.org LINKTYPE_* registry values.
 */

/** Returned when the frame holds no IP packet (ARP, LLDP, STP ...). */
export const NOT_IP = -1;
/** Returned when sipta does not decode the link type at all. */
export const UNKNOWN_LINK = -2;

export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
  PPP: 9,
  RAW_OPENBSD: 12,
  RAW_BSDOS: 14,
  PPP_HDLC: 50,
  PPP_ETHER: 51,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;

/** True for the link types this module decodes. */
export function isKnownLinkType(linkType: number): boolean {
  return (Object.values(LINKTYPE) as number[]).includes(linkType);
}

/**
 * Offset of the IP header in `b[0, end)`, NOT_IP, or UNKNOWN_LINK. The caller reads the version nibble there.
 */
export function locateNetworkLayer(linkType: number, b: Buffer, end: number): number {
  switch (linkType) {
    case LINKTYPE.ETHERNET:
      return end < 14 ? NOT_IP : followEtherType(b, 12, end);
    case LINKTYPE.LINUX_SLL:
      // SLL: packet type(2) ARPHRD(2) addr len(2) addr(8) protocol(2).
      return end < 16 ? NOT_IP : followEtherType(b, 14, end);
    case LINKTYPE.LINUX_SLL2: {
      // SLL2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1) addr len(1) addr(8).
      if (end < 20) return NOT_IP;
      const proto = b.readUInt16BE(0);
      return proto === ETH_IPV4 || proto === ETH_IPV6 ? 20 : NOT_IP;
    }
    case LINKTYPE.RAW:
    case LINKTYPE.RAW_OPENBSD:
    case LINKTYPE.RAW_BSDOS:
    case LINKTYPE.IPV4:
    case LINKTYPE.IPV6:
      return ipIfAt(b, 0, end);
    case LINKTYPE.NULL:
    case LINKTYPE.LOOP: {
      if (end < 4) return NOT_IP;
      // NULL stores the address family in the capturing host's byte order, LOOP in network order: accept both.
      const le = b.readUInt32LE(0);
      const af = le < 256 ? le : b.readUInt32BE(0);
      if (af === 2 || af === 24 || af === 28 || af === 30 || af === 10) return ipIfAt(b, 4, end);
      return NOT_IP;
    }
    case LINKTYPE.PPP:
    case LINKTYPE.PPP_HDLC:
      return followPpp(b, 0, end);
    case LINKTYPE.PPP_ETHER:
      return end < 6 ? NOT_IP : followPpp(b, 6, end);
    default:
      return UNKNOWN_LINK;
  }
}

/** `off` when an IPv4 or IPv6 header starts there, else NOT_IP. */
export function ipIfAt(b: Buffer, off: number, end: number): number {
  if (off >= end) return NOT_IP;
  const v = (b[off] ?? 0) >> 4;
  return v === 4 || v === 6 ? off : NOT_IP;
}

/** Follows the EtherType at `at` through VLAN tags, PPPoE, MPLS and LLC/SNAP to an IP header. */
export function followEtherType(b: Buffer, typeAt: number, end: number): number {
  let at = typeAt;
  for (let depth = 0; depth < 8 && at + 2 <= end; depth++) {
    const t = b.readUInt16BE(at);
    switch (t) {
      case ETH_IPV4:
      case ETH_IPV6:
        return ipIfAt(b, at + 2, end);
      case 0x8100: // 802.1Q
      case 0x88a8: // 802.1ad (QinQ outer)
      case 0x9100: // pre-standard QinQ
        at += 4;
        continue;
      case 0x8864: // PPPoE session: ver/type, code, session id, length, then PPP protocol (RFC 2516 §4)
        return followPpp(b, at + 8, end);
      case 0x8847: // MPLS unicast: labels until bottom-of-stack (RFC 3032 §2.1), then guess IP by version
      case 0x8848: {
        let o = at + 2;
        while (o + 4 <= end) {
          const bos = ((b[o + 2] ?? 0) & 1) === 1;
          o += 4;
          if (bos) return ipIfAt(b, o, end);
        }
        return NOT_IP;
      }
      default:
        if (t <= 1500 && at + 10 <= end && b[at + 2] === 0xaa && b[at + 3] === 0xaa && b[at + 4] === 0x03) {
          at += 8; // 802.3 length + LLC/SNAP header: EtherType follows the OUI
          continue;
        }
        return NOT_IP;
    }
  }
  return NOT_IP;
}

/** PPP (RFC 1661): optional HDLC address/control (ff 03), protocol 0x0021 IPv4 / 0x0057 IPv6 (RFC 1332, 5072). */
export function followPpp(b: Buffer, off: number, end: number): number {
  let at = off;
  if (at + 2 <= end && b[at] === 0xff && b[at + 1] === 0x03) at += 2;
  if (at >= end) return NOT_IP;
  let proto: number;
  if (((b[at] ?? 0) & 1) === 1) {
    proto = b[at] ?? 0; // protocol field compression: one byte
    at += 1;
  } else {
    if (at + 2 > end) return NOT_IP;
    proto = b.readUInt16BE(at);
    at += 2;
  }
  return proto === 0x21 || proto === 0x57 ? ipIfAt(b, at, end) : NOT_IP;
}
