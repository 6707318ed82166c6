/**
 * The little SIP knowledge framing needs, on text lines (the SIP parser is a later stage and is not used here):
 * start lines, header names (with compact forms), Content-Length and the top Via.
 */

// RFC 3261 §7.1 Request-Line: Method SP Request-URI SP SIP-Version; §7.2 Status-Line: SIP-Version SP Status-Code SP.
const REQUEST_LINE = /^[A-Za-z][A-Za-z0-9._!%*+`'~-]* \S+ SIP\/2\.0\s*$/;
const STATUS_LINE = /^SIP\/2\.0 \d{3}(?: |$)/;

export function isSipStartLine(text: string): boolean {
  return REQUEST_LINE.test(text) || STATUS_LINE.test(text);
}

export function isRequestLine(text: string): boolean {
  return REQUEST_LINE.test(text);
}

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

// RFC 3261 §7.3.3 compact forms used in framing.
const COMPACT: Readonly<Record<string, string>> = { l: "content-length", v: "via" };

/** Lower-case long header name of a `Name: value` line, or null when the line is not a header line. */
export function headerName(line: string): string | null {
  const m = /^([A-Za-z0-9!%*_+`'~.-]+)[ \t]*:/.exec(line);
  if (m === null) return null;
  const n = (m[1] ?? "").toLowerCase();
  return COMPACT[n] ?? n;
}

export function headerValue(line: string): string {
  const i = line.indexOf(":");
  return i < 0 ? "" : line.slice(i + 1).trim();
}

/** RFC 3261 §7.3.1: a line starting with SP or HT continues the previous header. */
export function isContinuation(line: string): boolean {
  return line.startsWith(" ") || line.startsWith("\t");
}

export interface HeaderFacts {
  readonly contentLength: number | null;
  /** First Via value (first element when comma-separated). */
  readonly topVia: string | null;
}

export function scanHeaders(lines: readonly string[]): HeaderFacts {
  let contentLength: number | null = null;
  let topVia: string | null = null;
  for (const line of lines) {
    const name = headerName(line);
    if (name === "content-length" && contentLength === null) {
      const v = headerValue(line);
      if (/^\d{1,9}$/.test(v)) contentLength = Number(v);
    } else if (name === "via" && topVia === null) {
      topVia = headerValue(line).split(",")[0]?.trim() ?? null;
    }
  }
  return { contentLength, topVia };
}
