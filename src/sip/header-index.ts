/**
 * One pass over a message's header section: start line bounds and, for every header field, the offsets of its
 * name and value. No strings are made here. Folded lines (RFC 3261 §7.3.1: a line starting with SP or HTAB
 * continues the previous field) extend the previous value; LF-only line ends are accepted and counted.
 * The name is scanned in JS (it is short and ends at ':'); the value's end is found with Buffer.indexOf,
 * a native memchr, because values are the long part of a line.
 */
import { COLON, CR, HTAB, LF, SP } from "./bytes.js";

/** Flat header table: for field k, [4k] name start, [4k+1] name end, [4k+2] value start, [4k+3] value end. */
export interface HeaderIndex {
  readonly startLineEnd: number;
  readonly offsets: Int32Array;
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
let scratch = new Int32Array(256);

export function indexHeaders(buf: Buffer): HeaderIndex {
  const len = buf.length;
  let bareLf = 0;
  let p = buf.indexOf(LF);
  if (p < 0) p = len;
  const startLineEnd = p > 0 && buf[p - 1] === CR ? p - 1 : p;
  if (p < len && (p === 0 || buf[p - 1] !== CR)) bareLf++;
  p++;

  let count = 0;
  let folded: Set<number> | null = null;
  let badLines: number[] | null = null;
  let complete = false;
  let bodyStart = len;
  const o = scratch;

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
    if (first === CR && p + 1 >= len) {
      bodyStart = len;
      break;
    }
    if ((first === SP || first === HTAB) && count > 0) {
      // Continuation line: extend the previous field's value.
      let nl = buf.indexOf(LF, p);
      if (nl < 0) nl = len;
      let e = nl;
      if (e > p && buf[e - 1] === CR) e--;
      else if (nl < len) bareLf++;
      o[(count - 1) * 4 + 3] = e;
      (folded ??= new Set()).add(count - 1);
      p = nl + 1;
      continue;
    }
    // Name: up to ':' (stop at a line end: a line without a colon is bad).
    let c = p;
    let b = first ?? 0;
    while (b !== COLON && b !== LF && c < len) b = buf[++c] ?? 0;
    if (b !== COLON || count >= MAX_HEADERS) {
      let nl = buf.indexOf(LF, c);
      if (nl < 0) nl = len;
      if ((badLines ??= []).length < 32) badLines.push(lineStart);
      p = nl + 1;
      continue;
    }
    let nameEnd = c;
    while (nameEnd > lineStart && (buf[nameEnd - 1] === SP || buf[nameEnd - 1] === HTAB)) nameEnd--;
    let vs = c + 1;
    while (buf[vs] === SP || buf[vs] === HTAB) vs++;
    let nl = buf.indexOf(LF, vs);
    if (nl < 0) nl = len;
    let ve = nl;
    if (ve > vs && buf[ve - 1] === CR) ve--;
    else if (nl < len) bareLf++;
    if (ve < vs) ve = vs;
    if (count * 4 + 4 > o.length) {
      const grown = new Int32Array(o.length * 2);
      grown.set(o);
      scratch = grown;
      return indexHeaders(buf); // rare: restart with the larger scratch table
    }
    const k = count * 4;
    o[k] = lineStart;
    o[k + 1] = nameEnd;
    o[k + 2] = vs;
    o[k + 3] = ve;
    count++;
    p = nl + 1;
  }
  return {
    startLineEnd,
    offsets: o.slice(0, count * 4),
    count,
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
