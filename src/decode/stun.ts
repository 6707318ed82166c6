/**
 * STUN (RFC 5389 §6) Binding requests and responses, recognised by the magic cookie: RFC 5626 §4.4.2 keepalives
 * on the same 5-tuple as SIP.
 */

const MAGIC_COOKIE = 0x2112a442;

/** "request" / "response" for a STUN Binding request / success response at `off`, else null. */
export function classifyStun(b: Buffer, off: number, end: number): "request" | "response" | null {
  if (end - off < 20) return null;
  if (((b[off] ?? 0) & 0xc0) !== 0) return null;
  if (b.readUInt32BE(off + 4) !== MAGIC_COOKIE) return null;
  const len = b.readUInt16BE(off + 2);
  if (len % 4 !== 0 || off + 20 + len > end) return null;
  const type = b.readUInt16BE(off);
  if (type === 0x0001) return "request";
  if (type === 0x0101) return "response";
  return null;
}
