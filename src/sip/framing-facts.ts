/**
 * What framing measured about one SIP message framed as a whole (a UDP datagram, a WebSocket or HEP payload, a
 * logged message), worded as diagnostics: junk before the start line, a body shorter or longer than Content-Length
 * (RFC 3261 §18.3: extra bytes are discarded, missing ones mark the message truncated), an unusable Content-Length,
 * and no Content-Length on a stream transport (§18.3, §20.14). The ONE owner of these facts: the parser trusts
 * framing and reports none of them. Callers attach where (frame or line).
 */
import type { DiagnosticCode } from "../diagnostics/catalogue.js";
import { quoteBytes } from "../diagnostics/diagnostic.js";
import type { DatagramMessage } from "./framing.js";

export interface FramingFact {
  readonly code: DiagnosticCode;
  readonly message: string;
}

/**
 * The facts of message `m`, framed from `b` starting at `off` (where the datagram or logged text began). `where`
 * names the carrier for the reader ("UDP 10.0.0.1:5060→10.0.0.2:5060", "the log").
 */
export function wholeMessageFacts(b: Buffer, off: number, m: DatagramMessage, where: string): FramingFact[] {
  const out: FramingFact[] = [];
  if (m.skippedBefore > 0 && hasNonWhitespace(b, off, m.start)) {
    out.push({ code: "framing.junk_skipped", message: `skipped ${m.skippedBefore} bytes before the SIP start line in ${where}: ${quoteBytes(b.subarray(off, m.start))}` });
  }
  if (m.truncated && m.contentLength !== null && m.contentLength >= 0) {
    const got = m.end - m.start;
    out.push({ code: "framing.content_length_mismatch", message: `SIP message in ${where} is shorter than its Content-Length: expected ${m.contentLength} body bytes, got ${Math.max(0, got - bodyOffset(b, m.start, m.end))}` });
  } else if (m.extraBytes > 0) {
    out.push({ code: "framing.content_length_mismatch", message: `SIP message in ${where} has ${m.extraBytes} bytes after the ${m.contentLength ?? 0} body bytes its Content-Length announces; they were discarded (RFC 3261 §18.3)` });
  } else if (m.contentLength === -1) {
    out.push({ code: "framing.bad_content_length", message: `SIP message in ${where} has an unusable Content-Length; the body runs to the end of the bytes present` });
  }
  return out;
}

/** RFC 3261 §20.14: "If a stream-based protocol (such as TCP) is used as transport, the header field MUST be used." */
export function missingContentLengthFact(where: string): FramingFact {
  return { code: "framing.missing_content_length", message: `SIP message on ${where} has no Content-Length (required on streams, RFC 3261 §18.3 and §20.14); assumed 0` };
}

/** A Content-Length on a stream that is not a number or exceeds MAX_BODY_BYTES (`sample`: its header line). */
export function badStreamContentLengthFact(where: string, sample: Buffer, maxBody: number): FramingFact {
  return { code: "framing.bad_content_length", message: `SIP message on ${where} has an unusable ${quoteBytes(sample)} (not a number, or over ${maxBody} bytes); framed with no body, the bytes after it are skipped until the next start line` };
}

function hasNonWhitespace(b: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c !== 0x0d && c !== 0x0a && c !== 0x20 && c !== 0x09 && c !== 0) return true;
  }
  return false;
}

function bodyOffset(b: Buffer, start: number, end: number): number {
  const i = b.indexOf("\r\n\r\n", start);
  return i < 0 || i >= end ? end - start : i + 4 - start;
}
