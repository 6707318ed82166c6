/**
 * SIP message framing on raw bytes (RFC 3261 §7, §18.3): recognising a start line, finding the end of the headers
 * (CRLFCRLF, LF-only tolerated), cutting the body at Content-Length (compact `l:` too), several messages per
 * buffer, and the leftover-bytes contract `frameStream(bytes) → { items, rest }` (as sngrep's). CRLF keepalives
 * (RFC 5626 §4.4.1: "\r\n\r\n" ping, "\r\n" pong) are recognised between messages on streams.
 * Knows nothing of transports or frames: framing-stream.ts adds those. Imports nothing else from src/sip/.
 */

export type StartLineCheck = "yes" | "no" | "incomplete";

/** Longest start line considered (long Request-URIs exist; 16 KiB is far beyond any real one). */
export const MAX_START_LINE = 16 * 1024;
/** Header section cap: past this without CRLFCRLF the start line is taken as junk. */
export const MAX_HEADER_BYTES = 128 * 1024;
/** Body cap: a larger Content-Length is treated as bad. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const SIP_VERSION = Buffer.from("SIP/2.0");

/** RFC 3261 §25.1 token characters: alphanum and -.!%*_+`'~ */
const TOKEN = new Uint8Array(256);
for (let c = 0x30; c <= 0x39; c++) TOKEN[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) TOKEN[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) TOKEN[c] = 1;
for (const ch of "-.!%*_+`'~") TOKEN[ch.charCodeAt(0)] = 1;

function isSipVersionAt(b: Buffer, at: number): boolean {
  // "SIP" is case-insensitive in the grammar (RFC 3261 §7.1 / §25: SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT).
  return ((b[at] ?? 0) | 0x20) === 0x73 && ((b[at + 1] ?? 0) | 0x20) === 0x69 && ((b[at + 2] ?? 0) | 0x20) === 0x70 && b[at + 3] === 0x2f && b[at + 4] === 0x32 && b[at + 5] === 0x2e && b[at + 6] === 0x30;
}

/**
 * Whether `b[off, end)` begins with a SIP start line: `Method SP Request-URI SP SIP/2.0 CRLF` (RFC 3261 §7.1) or
 * `SIP/2.0 SP 3DIGIT SP Reason CRLF` (§7.2). "incomplete" when more bytes could still make it one.
 */
export function checkStartLine(b: Buffer, off: number, end: number): StartLineCheck {
  if (off >= end) return "incomplete";
  const first = b[off] ?? 0;
  if (TOKEN[first] !== 1) return "no";
  // Status line?
  if ((first | 0x20) === 0x73 && end - off >= 3 && ((b[off + 1] ?? 0) | 0x20) === 0x69 && ((b[off + 2] ?? 0) | 0x20) === 0x70 && (end - off < 4 || b[off + 3] === 0x2f)) {
    if (end - off < 13) return end - off < 8 || prefixOfStatus(b, off, end) ? "incomplete" : "no";
    if (isSipVersionAt(b, off) && b[off + 7] === 0x20 && isDigit(b[off + 8]) && isDigit(b[off + 9]) && isDigit(b[off + 10])) {
      const after = b[off + 11];
      if (after === 0x20 || after === 0x0d || after === 0x0a) return lineEnds(b, off + 11, end);
    }
    // Could still be a request whose method starts with "SIP" (unlikely): fall through.
  }
  // Request line: method token.
  let at = off;
  const methodEnd = Math.min(end, off + 32);
  while (at < methodEnd && TOKEN[b[at] ?? 0] === 1) at++;
  if (at === end) return end - off < 32 ? "incomplete" : "no";
  if (b[at] !== 0x20 || at === off) return "no";
  at++;
  // Request-URI: visible characters up to the next SP.
  const uriStart = at;
  const lineLimit = Math.min(end, off + MAX_START_LINE);
  while (at < lineLimit) {
    const c = b[at] ?? 0;
    if (c === 0x20) break;
    if (c < 0x21 || c === 0x7f) return "no";
    at++;
  }
  if (at === lineLimit) return lineLimit === end && end - off < MAX_START_LINE ? "incomplete" : "no";
  if (at === uriStart) return "no";
  at++;
  if (end - at < 7) return prefixMatches(b, at, end, SIP_VERSION) ? "incomplete" : "no";
  if (!isSipVersionAt(b, at)) return "no";
  at += 7;
  if (at >= end) return "incomplete";
  const c = b[at];
  if (c === 0x0a) return "yes";
  if (c === 0x0d) return at + 1 >= end || b[at + 1] === 0x0a ? (at + 1 >= end ? "incomplete" : "yes") : "no";
  return "no";
}

function prefixOfStatus(b: Buffer, off: number, end: number): boolean {
  if (!prefixMatches(b, off, Math.min(end, off + 7), SIP_VERSION)) return false;
  if (end - off <= 7) return true;
  if (b[off + 7] !== 0x20) return false;
  for (let i = off + 8; i < end && i < off + 11; i++) if (!isDigit(b[i])) return false;
  return true;
}

function prefixMatches(b: Buffer, off: number, end: number, what: Buffer): boolean {
  for (let i = 0; off + i < end && i < what.length; i++) {
    const x = b[off + i] ?? 0;
    const y = what[i] ?? 0;
    if (x !== y && (x | 0x20) !== (y | 0x20)) return false;
  }
  return true;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

function lineEnds(b: Buffer, from: number, end: number): StartLineCheck {
  const limit = Math.min(end, from + MAX_START_LINE);
  for (let i = from; i < limit; i++) {
    const c = b[i];
    if (c === 0x0a) return "yes";
    if (c === 0x00) return "no";
  }
  return limit === end ? "incomplete" : "no";
}

/**
 * Offset of the next SIP start line that begins a line at or after `from` (`from` itself counts as a line start),
 * or -1. Searches for "SIP/2.0" and checks the line around it, so it is fast on non-SIP bytes.
 */
export function findStartLine(b: Buffer, from: number, end: number): number {
  if (checkStartLine(b, from, end) === "yes") return from;
  let pos = from;
  while (pos < end) {
    const idx = b.indexOf(SIP_VERSION, pos);
    if (idx < 0 || idx >= end) return -1;
    let ls = idx;
    while (ls > from && b[ls - 1] !== 0x0a && idx - ls < MAX_START_LINE) ls--;
    if ((ls === from || b[ls - 1] === 0x0a) && checkStartLine(b, ls, end) === "yes") return ls;
    pos = idx + 1;
  }
  return -1;
}

/** Result of locating one message's extent at `off`. */
export type MessageExtent =
  | {
      readonly kind: "complete";
      readonly end: number;
      /** Offset just after the blank line ending the headers. */
      readonly bodyStart: number;
      /** Content-Length value; null when absent; -1 when present but unusable. */
      readonly contentLength: number | null;
      /** True when the message was cut short (datagram shorter than its Content-Length). */
      readonly truncated: boolean;
      /** Datagram bytes beyond Content-Length that are not whitespace. */
      readonly extraBytes: number;
    }
  | { readonly kind: "incomplete" }
  | { readonly kind: "headers-too-long" };

const INCOMPLETE: MessageExtent = { kind: "incomplete" };

/** End of the header section: the offset after CRLFCRLF (or LF LF / LF CRLF), or -1. */
export function findHeadersEnd(b: Buffer, off: number, end: number): number {
  let i = b.indexOf(0x0a, off);
  while (i >= 0 && i < end) {
    const n = b[i + 1];
    if (n === 0x0a && i + 1 < end) return i + 2;
    if (n === 0x0d && i + 2 < end && b[i + 2] === 0x0a) return i + 3;
    i = b.indexOf(0x0a, i + 1);
  }
  return -1;
}

const CONTENT_LENGTH = Buffer.from("content-length");

function isContentLengthName(b: Buffer, at: number): boolean {
  for (let i = 0; i < 14; i++) {
    const c = b[at + i] ?? 0;
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== CONTENT_LENGTH[i]) return false;
  }
  return true;
}

/** Content-Length (or compact `l`) in the header section [off, headEnd): number, null if absent, -1 if unusable. */
export function findContentLength(b: Buffer, off: number, headEnd: number): number | null {
  let ls = b.indexOf(0x0a, off);
  while (ls >= 0 && ls + 1 < headEnd) {
    const at = ls + 1;
    const c = (b[at] ?? 0) | 0x20;
    if (c === 0x63 || c === 0x6c) {
      let nameEnd = at;
      while (nameEnd < headEnd && TOKEN[b[nameEnd] ?? 0] === 1) nameEnd++;
      const nameLen = nameEnd - at;
      if ((nameLen === 14 && isContentLengthName(b, at)) || (nameLen === 1 && c === 0x6c)) {
        let v = nameEnd;
        while (b[v] === 0x20 || b[v] === 0x09) v++;
        if (b[v] === 0x3a) return contentLengthValue(b, v + 1);
      }
    }
    ls = b.indexOf(0x0a, at);
  }
  return null;
}

/**
 * The Content-Length value whose text starts at `v` (just after the colon; leading SP/HT skipped): 1 to 9 digits
 * followed by a line end or whitespace, else -1 (unusable). The one reading of that value, for framing and parser.
 */
export function contentLengthValue(b: Buffer, v: number): number {
  let at = v;
  while (b[at] === 0x20 || b[at] === 0x09) at++;
  let n = 0;
  let digits = 0;
  while (isDigit(b[at]) && digits < 10) {
    n = n * 10 + ((b[at] ?? 0x30) - 0x30);
    at++;
    digits++;
  }
  const t = b[at];
  if (digits === 0 || digits >= 10 || !(t === 0x0d || t === 0x0a || t === 0x20 || t === 0x09)) return -1;
  return n;
}

/**
 * The extent of the message starting at `off` (a start line must be there). On a stream the body is exactly
 * Content-Length bytes (absent: 0, RFC 3261 §18.3) and an unfinished message is "incomplete". In a datagram the
 * message ends at Content-Length or the datagram's end, whichever is first (§18.3: extra bytes are discarded,
 * missing ones mark it truncated); no Content-Length means the body runs to the end of the datagram.
 */
export function measureMessage(b: Buffer, off: number, end: number, stream: boolean): MessageExtent {
  const headEnd = findHeadersEnd(b, off, end);
  if (headEnd < 0) {
    if (end - off > MAX_HEADER_BYTES) return { kind: "headers-too-long" };
    if (!stream) return { kind: "complete", end, bodyStart: end, contentLength: null, truncated: true, extraBytes: 0 };
    return INCOMPLETE;
  }
  const cl = findContentLength(b, off, headEnd);
  const usable = cl !== null && cl >= 0 && cl <= MAX_BODY_BYTES ? cl : null;
  const contentLength = cl !== null && usable === null ? -1 : cl;
  if (stream) {
    const bodyEnd = headEnd + (usable ?? 0);
    if (bodyEnd > end) return INCOMPLETE;
    return { kind: "complete", end: bodyEnd, bodyStart: headEnd, contentLength, truncated: false, extraBytes: 0 };
  }
  if (usable === null) return { kind: "complete", end, bodyStart: headEnd, contentLength, truncated: false, extraBytes: 0 };
  const bodyEnd = headEnd + usable;
  if (bodyEnd > end) return { kind: "complete", end, bodyStart: headEnd, contentLength, truncated: true, extraBytes: 0 };
  let extra = 0;
  for (let i = bodyEnd; i < end; i++) {
    const c = b[i];
    if (c !== 0x0d && c !== 0x0a && c !== 0x20 && c !== 0x09 && c !== 0x00) extra++;
  }
  return { kind: "complete", end: bodyEnd, bodyStart: headEnd, contentLength, truncated: false, extraBytes: extra };
}

/** One thing found on a stream, as offsets into the buffer given to frameStream. */
export type StreamItem =
  | { readonly kind: "message"; readonly start: number; readonly end: number; readonly contentLength: number | null }
  | { readonly kind: "ping" | "pong"; readonly start: number; readonly end: number }
  | { readonly kind: "junk"; readonly start: number; readonly end: number; readonly reason: "no-start-line" | "headers-too-long" };

export interface FrameStreamResult {
  readonly items: StreamItem[];
  /** Offset of the first byte not consumed (keep `bytes.subarray(rest)` for the next call). */
  readonly rest: number;
  /** Whether the stream is positioned at a message boundary after `rest` (false: resync needed). */
  readonly synced: boolean;
}

/**
 * Frames the complete messages and keepalives in `bytes[from, end)`. With `synced` false (stream start after a
 * gap, or mid-connection) the bytes up to the next start line are returned as junk. A lone CRLF between messages
 * is a pong only when it ends the available data or precedes more data (RFC 5626 §4.4.1); a double CRLF a ping.
 */
export function frameStream(bytes: Buffer, synced = true, from = 0, end = bytes.length): FrameStreamResult {
  const items: StreamItem[] = [];
  let at = from;
  let inSync = synced;
  while (at < end) {
    if (!inSync) {
      const s = findStartLine(bytes, at, end);
      if (s < 0) {
        // Keep a possible partial start line at the end; everything before it is junk.
        let keep = end;
        while (keep > at && bytes[keep - 1] !== 0x0a && end - keep < MAX_START_LINE) keep--;
        // A tail that does not begin a line cannot hold a start line's beginning: keeping it would rescan up to
        // MAX_START_LINE bytes per segment of a long run without line ends (a huge body, binary junk).
        if (keep > at && bytes[keep - 1] !== 0x0a) keep = end;
        if (keep > at) items.push({ kind: "junk", start: at, end: keep, reason: "no-start-line" });
        return { items, rest: keep, synced: false };
      }
      if (s > at) items.push({ kind: "junk", start: at, end: s, reason: "no-start-line" });
      at = s;
      inSync = true;
    }
    const c = bytes[at];
    if (c === 0x0d || c === 0x0a) {
      if (c === 0x0d && at + 1 < end && bytes[at + 1] === 0x0a) {
        if (at + 3 < end && bytes[at + 2] === 0x0d && bytes[at + 3] === 0x0a) {
          items.push({ kind: "ping", start: at, end: at + 4 });
          at += 4;
          continue;
        }
        if (at + 3 === end && bytes[at + 2] === 0x0d) return { items, rest: at, synced: true }; // "\r\n\r": wait
        items.push({ kind: "pong", start: at, end: at + 2 });
        at += 2;
        continue;
      }
      if (c === 0x0d && at + 1 >= end) return { items, rest: at, synced: true };
      // Stray LF or CR: RFC 3261 §7.5 lets a stream receiver ignore CRLFs before a start line.
      at++;
      continue;
    }
    const sl = checkStartLine(bytes, at, end);
    if (sl === "incomplete") return { items, rest: at, synced: true };
    if (sl === "no") {
      inSync = false;
      continue;
    }
    const m = measureMessage(bytes, at, end, true);
    if (m.kind === "incomplete") return { items, rest: at, synced: true };
    if (m.kind === "headers-too-long") {
      // Resynchronise at a start line that begins a LATER line: searching from at + 1 would take the rest of this
      // start line ("NVITE sip:…") for a new one and rescan the oversized headers once per byte.
      const nl = bytes.indexOf(0x0a, at);
      const next = nl < 0 || nl + 1 >= end ? -1 : findStartLine(bytes, nl + 1, end);
      let stop = next;
      if (next < 0) {
        // Keep the last partial line (a start line may be arriving), unless it is already too long to be one.
        stop = end;
        while (stop > at && bytes[stop - 1] !== 0x0a && end - stop < MAX_START_LINE) stop--;
        if (stop <= at || bytes[stop - 1] !== 0x0a) stop = end;
      }
      items.push({ kind: "junk", start: at, end: stop, reason: "headers-too-long" });
      at = stop;
      if (next < 0) return { items, rest: stop, synced: false };
      continue;
    }
    items.push({ kind: "message", start: at, end: m.end, contentLength: m.contentLength });
    at = m.end;
  }
  return { items, rest: at, synced: inSync };
}

/** One SIP message found in a datagram (UDP payload, WebSocket message, HEP payload). */
export interface DatagramMessage {
  readonly start: number;
  readonly end: number;
  readonly truncated: boolean;
  readonly contentLength: number | null;
  /** Bytes before the start line that were skipped (junk or keepalive whitespace). */
  readonly skippedBefore: number;
  readonly extraBytes: number;
}

export type DatagramResult =
  | { readonly kind: "message"; readonly message: DatagramMessage }
  | { readonly kind: "keepalive"; readonly keepalive: "ping" | "pong" }
  | { readonly kind: "not-sip" };

const NOT_SIP: DatagramResult = { kind: "not-sip" };
/** How far into a datagram a start line is looked for after junk (Zeek's "junk before request" trace). */
const MAX_DATAGRAM_JUNK = 256;

/**
 * Frames a datagram: one SIP message (RFC 3261 §18.3: one message per UDP datagram), a CRLF keepalive, or not SIP.
 * A start line a little way in (after junk or whitespace) is still found.
 */
export function frameDatagram(b: Buffer, off: number, end: number): DatagramResult {
  if (off >= end) return NOT_SIP;
  const first = b[off] ?? 0;
  if (first === 0x0d || first === 0x0a) {
    let i = off;
    while (i < end && (b[i] === 0x0d || b[i] === 0x0a || b[i] === 0x20 || b[i] === 0x09 || b[i] === 0)) i++;
    if (i === end) {
      const n = end - off;
      return { kind: "keepalive", keepalive: n >= 4 ? "ping" : "pong" };
    }
  } else if (TOKEN[first] !== 1 && first < 0x20) {
    return NOT_SIP;
  }
  let start = off;
  if (checkStartLine(b, off, end) !== "yes") {
    const s = findStartLine(b, off, Math.min(end, off + MAX_DATAGRAM_JUNK + MAX_START_LINE));
    if (s < 0 || s - off > MAX_DATAGRAM_JUNK) return NOT_SIP;
    start = s;
  }
  const m = measureMessage(b, start, end, false);
  if (m.kind !== "complete") return NOT_SIP;
  return { kind: "message", message: { start, end: m.end, truncated: m.truncated, contentLength: m.contentLength, skippedBefore: start - off, extraBytes: m.extraBytes } };
}
