/**
 * Byte-level extraction of the fields that framing and correlation need, without making strings for anything
 * else: tags of From/To, the branch of the top Via, header parameters by name. Results are returned through
 * a reused range object to keep the hot path allocation-free.
 */
import { CR, HTAB, LF, SP, equalsLower, lowerByte } from "./bytes.js";

export interface ByteRange {
  start: number;
  end: number;
}

const SEMI = 0x3b;
const EQ = 0x3d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const LT = 0x3c;
const GT = 0x3e;
const BACKSLASH = 0x5c;

function isSpace(b: number | undefined): boolean {
  return b === SP || b === HTAB || b === CR || b === LF;
}

/**
 * End of the address part of a name-addr/addr-spec in [start, end): after `>` when the value has `<...>`,
 * else the first `;` (RFC 3261 §20.10: without brackets, `;` starts header parameters).
 * Returns the offset where header parameters may begin.
 */
export function addressEnd(buf: Uint8Array, start: number, end: number): number {
  let quoted = false;
  let firstSemi = -1;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (quoted) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) quoted = false;
      continue;
    }
    if (b === QUOTE) quoted = true;
    else if (b === LT) {
      for (let j = i + 1; j < end; j++) if (buf[j] === GT) return j + 1;
      return end;
    } else if (b === SEMI && firstSemi < 0) firstSemi = i;
    else if (b === COMMA && firstSemi < 0) return i;
  }
  return firstSemi < 0 ? end : firstSemi;
}

/** End of the first list element in [start, end): the first comma outside quotes and angle brackets. */
export function firstElementEnd(buf: Uint8Array, start: number, end: number): number {
  let quoted = false;
  let angle = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (quoted) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) quoted = false;
    } else if (b === QUOTE) quoted = true;
    else if (b === LT) angle++;
    else if (b === GT) angle = angle > 0 ? angle - 1 : 0;
    else if (b === COMMA && angle === 0) return i;
  }
  return end;
}

/**
 * Finds `;name=value` in a parameter region [start, end) (SWS allowed around `;` and `=`, RFC 3261 §25.1) and
 * stores the trimmed value's bounds in `out`. Returns false when the parameter is absent or has no value.
 */
export function findParam(buf: Uint8Array, start: number, end: number, lowerName: string, out: ByteRange): boolean {
  let i = start;
  while (i < end) {
    while (i < end && buf[i] !== SEMI) {
      if (buf[i] === COMMA) return false;
      i++;
    }
    if (i >= end) return false;
    i++; // past ';'
    let ns = i;
    while (ns < end && isSpace(buf[ns])) ns++;
    let ne = ns;
    while (ne < end) {
      const b = buf[ne];
      if (b === EQ || b === SEMI || b === COMMA || isSpace(b)) break;
      ne++;
    }
    let p = ne;
    while (p < end && isSpace(buf[p])) p++;
    const matches = equalsLower(buf, ns, ne, lowerName);
    if (p < end && buf[p] === EQ) {
      p++;
      while (p < end && isSpace(buf[p])) p++;
      let vs = p;
      let ve: number;
      if (buf[p] === QUOTE) {
        vs = p + 1;
        ve = vs;
        while (ve < end && buf[ve] !== QUOTE) ve += buf[ve] === BACKSLASH ? 2 : 1;
        p = Math.min(ve + 1, end);
      } else {
        ve = p;
        while (ve < end) {
          const b = buf[ve];
          if (b === SEMI || b === COMMA || isSpace(b)) break;
          ve++;
        }
        p = ve;
      }
      if (matches) {
        out.start = vs;
        out.end = Math.min(ve, end);
        return out.end > out.start;
      }
      i = p;
    } else {
      if (matches) return false; // flag without a value
      i = p;
    }
  }
  return false;
}

/** True when the header name in [start, end) is `full` or its one-letter compact form. */
export function isHeaderName(buf: Uint8Array, start: number, end: number, full: string, compact: number): boolean {
  const n = end - start;
  if (n === 1) return lowerByte(buf[start] ?? 0) === compact;
  return n === full.length && equalsLower(buf, start, end, full);
}
