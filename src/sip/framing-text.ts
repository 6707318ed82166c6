/**
 * The framing questions a text log asks of its lines, answered by the byte rules of framing.ts so that captures
 * and logs accept the same start lines (RFC 3261 §7.1, §7.2) and read Content-Length (§20.14, compact `l`) alike.
 * Nothing here decides anything framing.ts does not: each function converts text and asks it.
 */
import { checkStartLine, findContentLength, MAX_BODY_BYTES } from "./framing.js";

/** True when `line` (its line end removed) is a SIP request or status line. */
export function isStartLineText(line: string): boolean {
  // Fast reject: every start line carries the SIP version ("SIP" in any case, RFC 3261 §7.1).
  if (line.length < 9 || !/sip\/2\.0/i.test(line)) return false;
  const b = Buffer.from(`${line}\n`, "latin1");
  return checkStartLine(b, 0, b.length) === "yes";
}

/** True when `line` is a status line (RFC 3261 §7.2); a request's method cannot contain "/", so the prefix decides. */
export function isStatusLineText(line: string): boolean {
  return isStartLineText(line) && line.slice(0, 4).toUpperCase() === "SIP/";
}

/**
 * Content-Length of a header section given as lines (start line excluded): the value, null when absent, -1 when
 * unusable (not a number, or over framing's body cap), exactly as framing measures a message.
 */
export function contentLengthOfLines(headerLines: readonly string[]): number | null {
  const b = Buffer.from(`\n${headerLines.join("\n")}\n\n`, "latin1");
  const cl = findContentLength(b, 0, b.length);
  return cl !== null && cl > MAX_BODY_BYTES ? -1 : cl;
}
