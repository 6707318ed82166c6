/** UDP header decoding (RFC 768) into a reusable object: no allocation per packet. */

export interface UdpHeader {
  srcPort: number;
  dstPort: number;
  payloadOff: number;
  payloadEnd: number;
}

export function newUdpHeader(): UdpHeader {
  return { srcPort: 0, dstPort: 0, payloadOff: 0, payloadEnd: 0 };
}

/** Returns null on success or the reason the header is malformed. */
export function decodeUdp(b: Buffer, off: number, end: number, u: UdpHeader): string | null {
  if (end - off < 8) return `UDP header cut short (${end - off} of 8 bytes)`;
  u.srcPort = b.readUInt16BE(off);
  u.dstPort = b.readUInt16BE(off + 2);
  const len = b.readUInt16BE(off + 4);
  u.payloadOff = off + 8;
  // Length 0 is a jumbogram (RFC 2675 §4) or offload: use what the IP layer gave.
  if (len !== 0 && len < 8) return `UDP length ${len} < 8`;
  u.payloadEnd = len === 0 ? end : Math.min(end, off + len);
  return null;
}

