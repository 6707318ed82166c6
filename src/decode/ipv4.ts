/** IPv4 header decoding (RFC 791 §3.1), options (IHL > 5) skipped, fragment fields kept. */
import type { IpHeader } from "./ip-header.js";
import { formatIpv4At } from "./ip-address.js";

export function decodeIpv4(b: Buffer, off: number, end: number, h: IpHeader): string | null {
  if (end - off < 20) return `IPv4 header cut short (${end - off} of 20 bytes)`;
  const ihl = ((b[off] ?? 0) & 0x0f) * 4;
  if (ihl < 20) return `IPv4 header length ${ihl} < 20`;
  if (end - off < ihl) return `IPv4 header with options cut short (${end - off} of ${ihl} bytes)`;
  let total = b.readUInt16BE(off + 2);
  // Total length 0 happens with TCP segmentation offload on the capturing host: trust the frame.
  if (total === 0) total = end - off;
  if (total < ihl) return `IPv4 total length ${total} < header length ${ihl}`;
  const ff = b.readUInt16BE(off + 6);
  h.version = 4;
  h.proto = b[off + 9] ?? 0;
  h.src = formatIpv4At(b, off + 12);
  h.dst = formatIpv4At(b, off + 16);
  h.payloadOff = off + ihl;
  h.payloadEnd = Math.min(end, off + total);
  h.missing = Math.max(0, off + total - end);
  h.fragOffset = (ff & 0x1fff) * 8;
  h.moreFragments = (ff & 0x2000) !== 0;
  h.isFragment = h.moreFragments || h.fragOffset !== 0;
  h.fragId = b.readUInt16BE(off + 4);
  return null;
}

