/** Diagnostic codes raised by the trackers stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const TRACKERS_CODES = [
  { code: "trackers.refer_without_response", severity: "info", doc: "A REFER with no final response in the trace." },
  { code: "trackers.flow_keepalive_unanswered", severity: "warning", doc: "An RFC 5626 keepalive ping (CRLF or STUN) got no pong within 10 s: the outbound flow failed (RFC 5626 §4.4.1)." },
  { code: "trackers.flow_connection_closed", severity: "warning", doc: "The connection of a registered RFC 5626 outbound flow was closed or reset: the flow failed and the UA must register again (§4.4)." },
  { code: "trackers.flow_keepalive_late", severity: "info", doc: "Two keepalives on an outbound flow were further apart than the Flow-Timer the registrar asked for (RFC 5626 §4.4.1)." },
  { code: "trackers.icmp_unreachable", severity: "warning", doc: "An ICMP / ICMPv6 Destination Unreachable quoted a SIP request: a fatal transport error the client must treat as a 503 (RFC 3261 §8.1.3.1). One per transaction at the end of the trace, saying whether it was ever answered (info when a retransmission got through)." },
] as const satisfies readonly CodeSpec[];
