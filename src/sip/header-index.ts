/**
 * One pass over a message's header section: start line bounds and, for every header field, the offsets of its
 * name and value. No strings are made here. Folded lines (RFC 3261 §7.3.1: a line starting with SP or HTAB
 * continues the previous field) extend the previous value; LF-only line ends are accepted and counted.
 */
import { COLON, CR, HTAB, LF, SP } from "./bytes.js";

/** Flat header table: for field k, [4k] name start, [4k+1] name end, [4k+2] value start, [4k+3] value end. */
export interface HeaderIndex {
  readonly startLineEnd: number;
  readonly offsets: Int32Array;
  readonly count: number;
  /** Bit k set (in `folded`) when field k spans several lines. */
  readonly folded: Uint8Array;
  /** Offset of the first body byte (after the empty line), or buf.length when there is no empty line. */
  readonly bodyStart: number;
  /** True when an empty line ended the header section. */
  readonly complete: boolean;
  /** Lines that ended in a bare LF. */
  readonly bareLfLines: number;
  /** Header lines without a colon (line start offsets), kept for diagnostics. */
  readonly badLines: readonly number[];
}

const MAX_HEADERS = 512;

export function indexHeaders(buf: Uint8Array): HeaderIndex {
  const len = buf.length;
  let bareLf = 0;
  // Start line.
  let p = 0;
  while (p < len && buf[p] !== LF) p++;
  const startLineEnd = p > 0 && buf[p - 1] === CR ? p - 1 : p;
  if (p < len && (p === 0 || buf[p - 1] !== CR)) bareLf++;
  p++;

  let offsets = new Int32Array(64);
  let folded = new Uint8Array(16);
  let count = 0;
  const badLines: number[] = [];
  let complete = false;
  let bodyStart = len;

  while (p < len) {
    const lineStart = p;
    while (p < len && buf[p] !== LF) p++;
    const hasLf = p < len;
    let lineEnd = p;
    if (lineEnd > lineStart && buf[lineEnd - 1] === CR) lineEnd--;
    else if (hasLf) bareLf++;
    p++; // past LF
    if (lineEnd === lineStart) {
      // Empty line: end of headers (RFC 3261 §7).
      complete = hasLf || lineStart < len;
      bodyStart = Math.min(p, len);
      break;
    }
    const first = buf[lineStart];
    if ((first === SP || first === HTAB) && count > 0) {
      // Continuation line: extend the previous field's value.
      offsets[(count - 1) * 4 + 3] = lineEnd;
      const k = count - 1;
      folded[k >> 3] = (folded[k >> 3] ?? 0) | (1 << (k & 7));
      continue;
    }
    let colon = lineStart;
    while (colon < lineEnd && buf[colon] !== COLON) colon++;
    if (colon === lineEnd) {
      if (badLines.length < 32) badLines.push(lineStart);
      continue;
    }
    if (count >= MAX_HEADERS) {
      if (badLines.length < 32) badLines.push(lineStart);
      continue;
    }
    let nameEnd = colon;
    while (nameEnd > lineStart && (buf[nameEnd - 1] === SP || buf[nameEnd - 1] === HTAB)) nameEnd--;
    let valueStart = colon + 1;
    while (valueStart < lineEnd && (buf[valueStart] === SP || buf[valueStart] === HTAB)) valueStart++;
    if (count * 4 + 4 > offsets.length) {
      const grown = new Int32Array(offsets.length * 2);
      grown.set(offsets);
      offsets = grown;
      const grownFolded = new Uint8Array(folded.length * 2);
      grownFolded.set(folded);
      folded = grownFolded;
    }
    const o = count * 4;
    offsets[o] = lineStart;
    offsets[o + 1] = nameEnd;
    offsets[o + 2] = valueStart;
    offsets[o + 3] = lineEnd;
    count++;
  }
  return { startLineEnd, offsets, count, folded, bodyStart, complete, bareLfLines: bareLf, badLines };
}

export function isFolded(index: HeaderIndex, k: number): boolean {
  return ((index.folded[k >> 3] ?? 0) & (1 << (k & 7))) !== 0;
}
