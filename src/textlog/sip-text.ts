/**
 * What log repair needs to know of SIP text lines beyond framing (start lines and Content-Length are asked of
 * sip/framing-text.ts, the one owner): blank lines, header lines and their names (to restore a lost empty line before
 * a body), folded continuation lines, and the top Via (to infer addresses a log does not print).
 */
import { COMPACT_FORMS } from "../sip/header-names.js";

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/** Lower-case long header name of a `Name: value` line (RFC 3261 §7.3.3 compact forms expanded), or null when the line is not a header line. */
export function headerName(line: string): string | null {
  const m = /^([A-Za-z0-9!%*_+`'~.-]+)[ \t]*:/.exec(line);
  if (m === null) return null;
  const n = (m[1] ?? "").toLowerCase();
  return COMPACT_FORMS[n] ?? n;
}

export function headerValue(line: string): string {
  const i = line.indexOf(":");
  return i < 0 ? "" : line.slice(i + 1).trim();
}

/** RFC 3261 §7.3.1: a line starting with SP or HT continues the previous header. */
export function isContinuation(line: string): boolean {
  return line.startsWith(" ") || line.startsWith("\t");
}

/** First Via value of a header section (first element when comma-separated), or null. */
export function topVia(lines: readonly string[]): string | null {
  for (const line of lines) {
    if (headerName(line) === "via") return headerValue(line).split(",")[0]?.trim() ?? null;
  }
  return null;
}
