/** Byte-level helpers for the SIP hot path: work on Buffer offsets, make strings only when asked. */

export const CR = 0x0d;
export const LF = 0x0a;
export const SP = 0x20;
export const HTAB = 0x09;
export const COLON = 0x3a;

export function isWsp(b: number): boolean {
  return b === SP || b === HTAB;
}

/** ASCII lower case of one byte (only letters change). */
export function lowerByte(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b | 0x20 : b;
}

/** Case-insensitive compare of buf[start, start+lowerName.length) with an all-lowercase ASCII name. */
export function equalsLower(buf: Uint8Array, start: number, end: number, lowerName: string): boolean {
  const n = lowerName.length;
  if (end - start !== n) return false;
  for (let i = 0; i < n; i++) {
    if (lowerByte(buf[start + i] ?? 0) !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}

/** Node's Buffer has had `utf8Slice` on its prototype since v0.x; it skips toString()'s argument handling. */
interface NodeBufferSlices {
  utf8Slice?: (start: number, end: number) => string;
}

const hasUtf8Slice = typeof (Buffer.prototype as NodeBufferSlices).utf8Slice === "function";

/** Decodes [start, end) as UTF-8 (RFC 3261 §7.3.1: header text is UTF-8); measured fastest for short tokens. */
export function decodeText(buf: Buffer, start: number, end: number): string {
  if (end <= start) return "";
  const slices = buf as NodeBufferSlices;
  return hasUtf8Slice && slices.utf8Slice !== undefined ? slices.utf8Slice(start, end) : buf.toString("utf8", start, end);
}

/** Trims SP/HTAB/CR/LF at both ends of [start, end); returns the new bounds packed as start*2^21+end is avoided: two calls. */
export function trimStart(buf: Uint8Array, start: number, end: number): number {
  let s = start;
  while (s < end) {
    const b = buf[s] ?? 0;
    if (b !== SP && b !== HTAB && b !== CR && b !== LF) break;
    s++;
  }
  return s;
}

export function trimEnd(buf: Uint8Array, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const b = buf[e - 1] ?? 0;
    if (b !== SP && b !== HTAB && b !== CR && b !== LF) break;
    e--;
  }
  return e;
}

/** Parses an unsigned decimal integer in [start, end) (surrounding whitespace allowed); -1 if none or too long. */
export function parseUint(buf: Uint8Array, start: number, end: number): number {
  const s = trimStart(buf, start, end);
  const e = trimEnd(buf, s, end);
  if (e <= s || e - s > 15) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = (buf[i] ?? 0) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
