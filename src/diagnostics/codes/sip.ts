/** Diagnostic codes raised by the SIP message layer, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const SIP_CODES = [
  { code: "sip.no_start_line", severity: "error", doc: "The bytes do not begin with a SIP request or status line; the item is not a SIP message." },
  { code: "sip.unsupported_version", severity: "warning", doc: "The start line names a SIP version other than SIP/2.0." },
  { code: "sip.bad_status_code", severity: "warning", doc: "A status code outside 100-699 (RFC 3261 §7.2)." },
  { code: "sip.bare_lf", severity: "info", doc: "Lines end in LF without CR; RFC 3261 §7 requires CRLF. Accepted." },
  { code: "sip.header_without_colon", severity: "warning", doc: "A header line without a colon; it is skipped and the other headers still parse." },
  { code: "sip.headers_incomplete", severity: "warning", doc: "The header section has no terminating empty line: the message was probably cut short." },
  { code: "sip.bad_header", severity: "warning", doc: "A header whose value does not parse by its grammar; the header is named, the message is kept." },
  { code: "sip.missing_call_id", severity: "error", doc: "No Call-ID header (mandatory, RFC 3261 §8.1.1.4)." },
  { code: "sip.missing_cseq", severity: "error", doc: "No CSeq header (mandatory, RFC 3261 §8.1.1.5)." },
  { code: "sip.missing_from", severity: "error", doc: "No From header (mandatory, RFC 3261 §8.1.1.3)." },
  { code: "sip.missing_to", severity: "error", doc: "No To header (mandatory, RFC 3261 §8.1.1.2)." },
  { code: "sip.missing_via", severity: "error", doc: "No Via header (mandatory, RFC 3261 §8.1.1.7)." },
  { code: "sip.duplicate_header", severity: "warning", doc: "From, To, Call-ID or CSeq appears more than once; the first is used." },
  { code: "sip.bad_cseq", severity: "warning", doc: "CSeq is not `<32-bit number> <method>` (RFC 3261 §20.16)." },
  { code: "sip.cseq_method_mismatch", severity: "warning", doc: "A request whose CSeq method differs from its method (RFC 3261 §8.1.1.5)." },
  { code: "sip.bad_request_uri", severity: "warning", doc: "The Request-URI does not parse as a SIP, SIPS or tel URI." },
  { code: "sip.bad_sipfrag", severity: "warning", doc: "A message/sipfrag body that does not start with a SIP status line (RFC 3420)." },
  { code: "sip.bad_sdp", severity: "warning", doc: "An application/sdp body that does not parse." },
  { code: "sip.bad_multipart", severity: "warning", doc: "A multipart body without a boundary parameter (RFC 2046 §5.1.1)." },
  { code: "sip.grammar_violation", severity: "warning", doc: "A header that jssip's RFC 3261 grammar rejects (sipta lint / --strict)." },
] as const satisfies readonly CodeSpec[];
