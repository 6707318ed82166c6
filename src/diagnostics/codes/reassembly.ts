/** Diagnostic codes raised by the reassembly stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const REASSEMBLY_CODES = [
  { code: "tcp.gap", severity: "warning", doc: "Bytes of a TCP stream were never captured; the stream resynchronises at the next SIP start line." },
  { code: "tcp.buffer_overflow", severity: "warning", doc: "A TCP direction held more out-of-order bytes than its cap; the hole is treated as a gap and the data after it delivered." },
  { code: "tcp.connection_cap", severity: "warning", doc: "More TCP connections at once, or more unfinished stream data over all of them, than the table's caps (100,000 connections, 256 MiB): the least recently seen connection was finished early, its holes reported as gaps. The first eviction is named, the total counted at the end." },
  { code: "tcp.stream_cap", severity: "warning", doc: "A SIP message on a TCP/WebSocket stream grew past the per-stream buffer cap without completing; its bytes were dropped and the stream resynchronised." },
  { code: "ip.fragment_overlap", severity: "warning", doc: "IP fragments of one datagram overlap with different bytes; the first copy of each byte is kept (as Linux does)." },
  { code: "ip.fragment_timeout", severity: "warning", doc: "An IP datagram's fragments did not all arrive within the reassembly timeout (capture time); the pieces are dropped." },
  { code: "ip.fragment_cap", severity: "warning", doc: "Pending IP fragments exceeded the memory cap; the oldest incomplete datagram was dropped." },
  { code: "ip.fragment_malformed", severity: "warning", doc: "An IP fragment is inconsistent (too large a datagram, data beyond the last fragment); it is dropped." },
  { code: "sctp.fragments_dropped", severity: "warning", doc: "Fragments of an SCTP user message never completed (timeout in capture time, the pending-bytes cap, or the end of the capture); they were dropped. The first is named, the total counted at the end." },
  { code: "sctp.message_too_large", severity: "warning", doc: "An SCTP user message rebuilt from fragments is larger than the per-message cap; it is skipped. The first is named, the total counted at the end." },
  { code: "framing.content_length_mismatch", severity: "warning", doc: "A SIP message's Content-Length disagrees with the bytes present: a longer body is cut at Content-Length, a shorter one is marked truncated." },
  { code: "framing.missing_content_length", severity: "warning", doc: "A SIP message on a stream has no Content-Length (RFC 3261 §18.3 requires it); a body of 0 bytes is assumed." },
  { code: "framing.bad_content_length", severity: "warning", doc: "A Content-Length value is not a number or too large; the message is framed as if it had none." },
  { code: "framing.junk_skipped", severity: "warning", doc: "Bytes that are not SIP were skipped on a stream (or before a start line in a datagram) until the next SIP start line." },
  { code: "framing.incomplete_at_end", severity: "warning", doc: "A stream ended (FIN, RST or end of capture) inside a SIP message; what was captured is reported, marked truncated." },
  { code: "framing.headers_too_long", severity: "warning", doc: "No end of headers within the header size cap after a start line; the start line is skipped and the stream resynchronised." },
] as const satisfies readonly CodeSpec[];
