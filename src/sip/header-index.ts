/**
 * One pass over a message's header section: start line bounds and, for every header field, the offsets of its
 * name and value. No strings are made here. Folded lines (RFC 3261 §7.3.1: a line starting with SP or HTAB
 * continues the previous field) extend the previous value; LF-only line ends are accepted and counted.
 */
import { COLON, CR, HTAB, LF, SP } from "./bytes.js";

/** Flat header table: for field k, [4k] name start, [4k+1] name end, [4k+2] value start, [4k+3] value end. */
export interface HeaderIndex {
  readonly startLineEnd: number;
  readonly offsets: readonly number[];
  readonly count: number;
  /** Indices of fields that span several lines; null when none does (the common case). */
  readonly folded: ReadonlySet<number> | null;
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
const NO_BAD_LINES: readonly number[] = [];

/**
 * Measured on this project's bench: native indexOf for both ':' and LF with a plain number array is about three
 * times faster than a JS byte loop filling a typed array.
 */
export function indexHeaders(buf: Buffer): HeaderIndex {
  const len = buf.length;
  let bareLf = 0;
  let p = buf.indexOf(LF);
  if (p < 0) p = len;
  const startLineEnd = p > 0 && buf[p - 1] === CR ? p - 1 : p;
  if (p < len && (p === 0 || buf[p - 1] !== CR)) bareLf++;
  p++;

  const o: number[] = [];
  let folded: Set<number> | null = null;
  let badLines: number[] | null = null;
  let complete = false;
  let bodyStart = len;

  while (p < len) {
    const lineStart = p;
    const first = buf[p];
    if (first === LF || (first === CR && buf[p + 1] === LF)) {
      // Empty line: end of the header section (RFC 3261 §7).
      if (first === LF) bareLf++;
      complete = true;
      bodyStart = first === LF ? p + 1 : p + 2;
      break;
    }
    let nl = buf.indexOf(LF, p);
    if (nl < 0) nl = len;
    let lineEnd = nl;
    if (lineEnd > p && buf[lineEnd - 1] === CR) lineEnd--;
    else if (nl < len) bareLf++;
    p = nl + 1;
    const count = o.length >> 2;
    if ((first === SP || first === HTAB) && count > 0) {
      // Continuation line: extend the previous field's value.
      o[o.length - 1] = lineEnd;
      (folded ??= new Set()).add(count - 1);
      continue;
    }
    const c = buf.indexOf(COLON, lineStart);
    if (c < 0 || c >= lineEnd || count >= MAX_HEADERS) {
      if ((badLines ??= []).length < 32) badLines.push(lineStart);
      continue;
    }
    let nameEnd = c;
    while (nameEnd > lineStart && (buf[nameEnd - 1] === SP || buf[nameEnd - 1] === HTAB)) nameEnd--;
    let vs = c + 1;
    while (vs < lineEnd && (buf[vs] === SP || buf[vs] === HTAB)) vs++;
    o.push(lineStart, nameEnd, vs, lineEnd);
  }
  return {
    startLineEnd,
    offsets: o,
    count: o.length >> 2,
    folded,
    bodyStart,
    complete,
    bareLfLines: bareLf,
    badLines: badLines ?? NO_BAD_LINES,
  };
}

export function isFolded(index: HeaderIndex, k: number): boolean {
  return index.folded?.has(k) === true;
}
