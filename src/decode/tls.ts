/** TLS record detection (RFC 8446 §5.1): a flow starting with a handshake record carries SIPS we cannot read. */

/** True when `b[off]` starts a TLS (or SSL 3.0) record: content type 20..23, version 3.x, sane length. */
export function looksLikeTlsRecord(b: Buffer, off: number, end: number): boolean {
  if (end - off < 5) return false;
  const type = b[off] ?? 0;
  if (type < 20 || type > 23) return false;
  if (b[off + 1] !== 3 || (b[off + 2] ?? 9) > 4) return false;
  const len = b.readUInt16BE(off + 3);
  return len > 0 && len <= 16384 + 2048;
}
