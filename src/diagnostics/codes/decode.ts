/** Diagnostic codes raised by the decode stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const DECODE_CODES = [
  { code: "decode.unknown_link_type", severity: "warning", doc: "An interface uses a link type sipta does not decode; its packets are skipped (reported once per interface)." },
  { code: "decode.malformed_packet", severity: "warning", doc: "An IP, UDP or TCP header is cut short or inconsistent (lengths, header size); the packet is skipped." },
  { code: "decode.tls_flow", severity: "info", doc: "A TCP flow carries TLS (SIPS); without keys it cannot be decoded, so no messages come from it." },
  { code: "decode.websocket_compressed", severity: "warning", doc: "A WebSocket frame uses a compression extension (RSV1, permessage-deflate) that sipta does not inflate; its message is skipped." },
  { code: "decode.websocket_malformed", severity: "warning", doc: "A WebSocket frame header is invalid or announces an oversized payload; the connection's WebSocket stream is abandoned." },
  { code: "decode.hep_malformed", severity: "warning", doc: "A HEP v2/v3 packet is cut short, has a bad chunk length, or lacks the payload chunk; it is skipped." },
  { code: "decode.hep_payload_not_sip", severity: "info", doc: "A HEP packet carries something other than SIP (RTCP, logs, QoS reports); it is skipped." },
  { code: "decode.sctp_malformed", severity: "warning", doc: "An SCTP packet's common header is cut short, or a chunk's length is impossible or runs past the packet; the chunks before it are kept." },
] as const satisfies readonly CodeSpec[];
