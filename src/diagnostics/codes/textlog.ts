/** Diagnostic codes raised by the textlog stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const TEXTLOG_CODES = [
  { code: "textlog.unparsed_line", severity: "info", doc: "A line of a text log that belongs to no SIP message frame." },
  { code: "textlog.date_unknown", severity: "warning", doc: "The log gives only the time of day (or no year): times use 1970-01-01 (or 1970) until --date is given; reported once per file." },
  { code: "textlog.truncated_message", severity: "warning", doc: "A logged SIP message is shorter than its Content-Length or frame byte count, or longer than the size cap: it is kept, marked truncated." },
  { code: "textlog.byte_count_mismatch", severity: "info", doc: "The byte count a log frame states differs from the size of the logged message once its CRLF line ends are restored." },
  { code: "textlog.not_sip", severity: "info", doc: "A log frame whose text does not start with a SIP start line (keep-alives, non-SIP trace records): skipped." },
  { code: "textlog.header_end_missing", severity: "info", doc: "The logged message lacks the empty line after its headers (lost by the log or the paste): one was restored." },
  { code: "textlog.start_line_only", severity: "info", doc: "A logged message is only its start line (a trace cut down to one line per message): it is kept as a message without headers, marked truncated; the parser's missing-header errors are not raised for it." },
  { code: "textlog.line_prefix", severity: "info", doc: "Every line of the log carries a prefix (a syslog header, a container name, a Call-ID or session UUID): it was detected on the first lines, stripped from every line, and its value is shown in this diagnostic." },
  { code: "textlog.long_line", severity: "warning", doc: "A log line longer than the line cap: its tail was dropped." },
  { code: "textlog.no_sip_bodies", severity: "warning", doc: "The log is an index of messages (SIPp -trace_shortmsg, tshark summary lines) without message text: nothing to analyse." },
  { code: "textlog.lossy_reconstruction", severity: "info", doc: "Message bytes were rebuilt from a dissection tree (tshark -V/-O): spacing and body details may differ from the wire." },
  { code: "textlog.no_sip_found", severity: "warning", doc: "No SIP message frame of a known text-log format was found in the input." },
] as const satisfies readonly CodeSpec[];
