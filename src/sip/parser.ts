/**
 * The tolerant SIP parser: bytes of one framed message → SipMessage, or null (with a diagnostic) when the
 * bytes hold no SIP start line. Everything after that is kept: a bad header is named in a diagnostic and the
 * other headers still parse. Only the fields framing and correlation need are made into strings here.
 */
import { makeDiagnostic, quoteBytes } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/catalogue.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { originRef } from "../model/origin.js";
import type { SipPayload } from "../model/trace-event.js";
import { decodeText, lowerByte, trimEnd, trimStart } from "./bytes.js";
import { addressEnd, findParam, firstElementEnd, isHeaderName, type ByteRange } from "./fast-fields.js";
import { contentLengthValue } from "./framing.js";
import { indexHeaders } from "./header-index.js";
import { SipRequest, SipResponse, type FastFields, type SipMessage } from "./message.js";
import { parseStartLine } from "./start-line.js";
import { internMethod } from "./methods.js";
import type { CSeq } from "./values/cseq.js";
import { parseCSeq } from "./values/cseq.js";

const range: ByteRange = { start: 0, end: 0 };

interface Pending {
  code: DiagnosticCode;
  message: string;
}

export function parseSipMessage(payload: SipPayload, sink: DiagnosticSink): SipMessage | null {
  const buf = payload.bytes;
  const ix = indexHeaders(buf);
  const sl = parseStartLine(buf, ix.startLineEnd);
  if (!sl.ok) {
    sink.report(
      makeDiagnostic("sip.no_start_line", originRef(payload.origin), `${sl.error}: ${quoteBytes(buf.subarray(0, ix.startLineEnd), 60)}`),
    );
    return null;
  }
  const pending: Pending[] = [];
  const offs = ix.offsets;
  let kCallId = -1;
  let kCseq = -1;
  let kFrom = -1;
  let kTo = -1;
  let kVia = -1;
  let kLen = -1;
  let duplicates = 0;
  for (let k = 0; k < ix.count; k++) {
    const ns = offs[k * 4] ?? 0;
    const ne = offs[k * 4 + 1] ?? 0;
    const n = ne - ns;
    if (n > 14) continue;
    const c = lowerByte(buf[ns] ?? 0);
    // Dispatch on first letter and length; compact forms per RFC 3261 §7.3.3.
    if (c === 0x76 /* v */ && kVia < 0 && isHeaderName(buf, ns, ne, "via", 0x76)) kVia = k;
    else if (c === 0x66 /* f */ && isHeaderName(buf, ns, ne, "from", 0x66)) {
      if (kFrom < 0) kFrom = k;
      else duplicates |= 1;
    } else if (c === 0x74 /* t */ && isHeaderName(buf, ns, ne, "to", 0x74)) {
      if (kTo < 0) kTo = k;
      else duplicates |= 2;
    } else if ((c === 0x69 || c === 0x63) && isHeaderName(buf, ns, ne, "call-id", 0x69)) {
      if (kCallId < 0) kCallId = k;
      else duplicates |= 4;
    } else if (c === 0x63 && n === 4 && isHeaderName(buf, ns, ne, "cseq", 0)) {
      if (kCseq < 0) kCseq = k;
      else duplicates |= 8;
    } else if ((c === 0x6c || c === 0x63) && isHeaderName(buf, ns, ne, "content-length", 0x6c)) {
      if (kLen < 0) kLen = k;
    }
  }

  let callId: string | null = null;
  if (kCallId >= 0) {
    const vs = offs[kCallId * 4 + 2] ?? 0;
    const ve = trimEnd(buf, vs, offs[kCallId * 4 + 3] ?? 0);
    callId = ve > vs ? decodeText(buf, vs, ve) : null;
  }
  let cseq: CSeq | null = null;
  if (kCseq >= 0) cseq = parseCSeqBytes(buf, offs[kCseq * 4 + 2] ?? 0, offs[kCseq * 4 + 3] ?? 0, pending);
  const fromTag = kFrom >= 0 ? tagFrom(buf, offs[kFrom * 4 + 2] ?? 0, offs[kFrom * 4 + 3] ?? 0) : null;
  const toTag = kTo >= 0 ? tagFrom(buf, offs[kTo * 4 + 2] ?? 0, offs[kTo * 4 + 3] ?? 0) : null;
  let branch: string | null = null;
  if (kVia >= 0) {
    const vs = offs[kVia * 4 + 2] ?? 0;
    const ve = firstElementEnd(buf, vs, offs[kVia * 4 + 3] ?? 0);
    branch = fastParam(buf, vs, ve, BRANCH, "branch");
  }

  // Body: framing (framing.ts) already cut the bytes at Content-Length (RFC 3261 §18.3, §20.14) and reported any
  // disagreement, short body or missing value (framing-facts.ts): the parser trusts it and reports none of that.
  const cl = kLen >= 0 ? contentLengthValue(buf, offs[kLen * 4 + 2] ?? 0) : null;
  const contentLength = cl !== null && cl >= 0 ? cl : null;
  const bodyEnd = contentLength !== null && ix.bodyStart + contentLength <= buf.length ? ix.bodyStart + contentLength : buf.length;
  if (!ix.complete && ix.count > 0) pending.push({ code: "sip.headers_incomplete", message: "the header section has no terminating empty line (message cut short?)" });
  if (ix.bareLfLines > 0) pending.push({ code: "sip.bare_lf", message: `${ix.bareLfLines} line(s) end in LF without CR (RFC 3261 §7 requires CRLF); accepted` });
  for (const at of ix.badLines) {
    let e = at;
    while (e < buf.length && buf[e] !== 0x0a && e - at < 80) e++;
    pending.push({ code: "sip.header_without_colon", message: `header line without ':' skipped: ${quoteBytes(buf.subarray(at, e), 60)}` });
  }
  // RFC 3261 §8.1.1: To, From, CSeq, Call-ID, Max-Forwards (requests) and Via are mandatory. A message cut short
  // before any header (a trace of start lines only) lost them; it did not omit them: sip.truncated says so once.
  const headersLost = payload.truncated && ix.count === 0;
  if (!headersLost) {
    if (callId === null) pending.push({ code: "sip.missing_call_id", message: "no Call-ID header" });
    if (kCseq < 0) pending.push({ code: "sip.missing_cseq", message: "no CSeq header" });
    if (kFrom < 0) pending.push({ code: "sip.missing_from", message: "no From header" });
    if (kTo < 0) pending.push({ code: "sip.missing_to", message: "no To header" });
    if (kVia < 0) pending.push({ code: "sip.missing_via", message: "no Via header" });
  }
  if (duplicates !== 0) pending.push({ code: "sip.duplicate_header", message: "a header that must appear once (From, To, Call-ID or CSeq) appears more than once; the first is used" });

  const fast: FastFields = { callId, cseq, fromTag, toTag, branch, contentLength, bodyStart: ix.bodyStart, bodyEnd };
  const line = sl.line;
  let msg: SipMessage;
  if (line.kind === "request") {
    msg = new SipRequest(payload, ix, fast, sink, line.method, line.uri);
    if (cseq !== null && cseq.method !== line.method && line.method !== "ACK" && line.method !== "CANCEL") {
      pending.push({ code: "sip.cseq_method_mismatch", message: `CSeq method ${cseq.method} differs from the request method ${line.method}` });
    }
  } else {
    msg = new SipResponse(payload, ix, fast, sink, line.status, line.reason);
    if (line.status < 100 || line.status > 699) pending.push({ code: "sip.bad_status_code", message: `status code ${line.status} is outside 100-699` });
  }
  if (!line.version.toUpperCase().startsWith("SIP/2.0")) pending.push({ code: "sip.unsupported_version", message: `SIP version ${line.version} (expected SIP/2.0)` });
  for (const p of pending) msg.warn(p.code, p.message, p.message);
  return msg;
}

/** CSeq from bytes: digits, LWS, method token (RFC 3261 §20.16). */
function parseCSeqBytes(buf: Buffer, start: number, end: number, pending: Pending[]): CSeq | null {
  let p = trimStart(buf, start, end);
  const e = trimEnd(buf, p, end);
  let seq = 0;
  const ds = p;
  while (p < e && (buf[p] ?? 0) >= 0x30 && (buf[p] ?? 0) <= 0x39) {
    seq = seq * 10 + ((buf[p] ?? 0) - 0x30);
    p++;
  }
  const digits = p - ds;
  let ms = p;
  // LWS between number and method may include a line fold (RFC 3261 §25.1 LWS = [*WSP CRLF] 1*WSP).
  while (ms < e && (buf[ms] === 0x20 || buf[ms] === 0x09 || buf[ms] === 0x0d || buf[ms] === 0x0a)) ms++;
  if (digits === 0 || digits > 10 || ms === p || ms === e || seq > 0xffffffff) {
    const r = parseCSeq(decodeText(buf, start, end));
    pending.push({ code: "sip.bad_cseq", message: r.ok ? "CSeq is malformed" : r.error });
    return r.ok ? r.value : null;
  }
  return { seq, method: internMethod(buf, ms, e) ?? decodeText(buf, ms, e) };
}

/** Bytes of ";tag=" and ";branch=": the exact spelling nearly every stack writes, found with a native search. */
const TAG = Buffer.from(";tag=", "latin1");
const BRANCH = Buffer.from(";branch=", "latin1");

/** End of a plain parameter value: the next `;`, `,`, whitespace, or the end. */
function plainValueEnd(buf: Buffer, at: number, end: number): number {
  let e = at;
  while (e < end) {
    const b = buf[e];
    if (b === 0x3b || b === 0x2c || b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a) break;
    e++;
  }
  return e;
}

/**
 * Finds `;name=value` after `from`: first the exact lower-case spelling with Buffer.indexOf, then, when that
 * is absent, the general scanner (SWS around `;` and `=`, any case, quoted values).
 */
function fastParam(buf: Buffer, from: number, end: number, needle: Buffer, name: string): string | null {
  const i = buf.indexOf(needle, from);
  if (i >= 0 && i + needle.length <= end && buf[i + needle.length] !== 0x22) {
    const vs = i + needle.length;
    const ve = plainValueEnd(buf, vs, end);
    return ve > vs ? decodeText(buf, vs, ve) : null;
  }
  return findParam(buf, from, end, name, range) ? decodeText(buf, range.start, range.end) : null;
}

/** The tag parameter of a From/To value (RFC 3261 §19.3), found in the header params after the address. */
function tagFrom(buf: Buffer, start: number, end: number): string | null {
  return fastParam(buf, addressEnd(buf, start, end), end, TAG, "tag");
}
