/** GTP-U v1 (3GPP TS 29.281 §5) as used for IMS/VoLTE user plane: unwrapped to reach SIP over the inner IP. */
import { ipIfAt } from "./link.js";

/**
 * Offset of the IP header in a GTP-U G-PDU (version 1, PT=1, message type 255) at `off`, or -1. Recognised by
 * content (the header's length field must match the datagram), not only by port 2152.
 */
export function unwrapGtpU(b: Buffer, off: number, end: number): number {
  if (end - off < 8) return -1;
  const f = b[off] ?? 0;
  if ((f & 0xf0) !== 0x30 || b[off + 1] !== 0xff) return -1;
  if (b.readUInt16BE(off + 2) !== end - off - 8) return -1;
  let at = off + 8;
  if ((f & 0x07) !== 0) {
    // Sequence number, N-PDU number and next extension header type present (4 bytes), then extension headers.
    if (at + 4 > end) return -1;
    let nextExt = b[at + 3] ?? 0;
    at += 4;
    while (nextExt !== 0) {
      const len = (b[at] ?? 0) * 4;
      if (len === 0 || at + len > end) return -1;
      nextExt = b[at + len - 1] ?? 0;
      at += len;
    }
  }
  return ipIfAt(b, at, end);
}
