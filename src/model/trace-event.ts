/**
 * The unit that crosses from ingestion (captures: input → decode → reassembly → SIP framing; text logs:
 * textlog/) into SIP parsing and correlation. Ingestion knows where bytes came from; it does not parse SIP
 * beyond framing. Diagnostics travel separately, through a DiagnosticSink.
 */
import type { Endpoint } from "./endpoint.js";
import type { Origin } from "./origin.js";
import type { TimePrecision, TimeUs } from "./time.js";
import type { Transport } from "./transport.js";

/** How the SIP bytes were carried, outermost wrapper that matters to the analyst. */
export type Carrier = "plain" | "websocket" | "hep2" | "hep3" | "log";

/** Direction relative to the logging host, where a text log states it. */
export type LogDirection = "in" | "out";

/** One complete SIP message's bytes (start line to end of body), framed. */
export interface SipPayload {
  readonly kind: "sip";
  readonly bytes: Buffer;
  readonly origin: Origin;
  readonly timeUs: TimeUs;
  readonly timePrecision: TimePrecision;
  readonly src: Endpoint | null;
  readonly dst: Endpoint | null;
  readonly transport: Transport;
  readonly carrier: Carrier;
  /** True when src/dst were not given by the source but inferred (from Via/Contact). */
  readonly addressesInferred: boolean;
  /** Set by text logs that state a direction. */
  readonly direction: LogDirection | null;
  /** Set when framing knows the message was cut short (truncated log, capture snaplen, stream gap). */
  readonly truncated: boolean;
}

/**
 * RFC 5626 §4.4.1 CRLF keepalive ("\r\n\r\n" ping, "\r\n" pong) on a stream, or §4.4.2 STUN binding
 * request/response (RFC 5389 magic cookie) on the same 5-tuple as SIP.
 */
export interface KeepaliveEvent {
  readonly kind: "keepalive";
  readonly keepalive: "crlf-ping" | "crlf-pong" | "stun-request" | "stun-response";
  readonly origin: Origin;
  readonly timeUs: TimeUs;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly transport: Transport;
}

/** A connection-oriented transport opening or closing (TCP SYN, FIN, RST), for flow failure detection. */
export interface ConnectionEvent {
  readonly kind: "connection";
  readonly event: "open" | "close" | "reset";
  readonly origin: Origin;
  readonly timeUs: TimeUs;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly transport: Transport;
}

/** A flow that carries SIP we cannot read (TLS without keys): reported once per flow, counted. */
export interface OpaqueFlowEvent {
  readonly kind: "opaque-flow";
  readonly protocol: "tls" | "dtls" | "websocket-compressed";
  readonly origin: Origin;
  readonly timeUs: TimeUs;
  readonly src: Endpoint;
  readonly dst: Endpoint;
}

/** Why a datagram was not delivered, from an ICMP / ICMPv6 Destination Unreachable code (decode/icmp.ts). */
export type UnreachableReason = "port" | "host" | "net" | "protocol" | "admin" | "other";

/**
 * An ICMP or ICMPv6 Destination Unreachable (RFC 792; RFC 4443 §3.1) quoting a datagram that carried SIP: the
 * quoted request never reached a SIP listener. `src`/`dst` are the undelivered datagram's; the quote is usually
 * cut short (RFC 1812 §4.3.2.3 quotes up to 576 bytes in all), so `quoted` is framed but may be truncated.
 */
export interface UnreachableEvent {
  readonly kind: "unreachable";
  readonly origin: Origin;
  readonly timeUs: TimeUs;
  /** The host or router that sent the ICMP message. */
  readonly reporter: string;
  readonly reason: UnreachableReason;
  readonly icmpCode: number;
  readonly icmpVersion: 4 | 6;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly transport: Transport;
  readonly quoted: Buffer;
}

export type TraceEvent = SipPayload | KeepaliveEvent | ConnectionEvent | OpaqueFlowEvent | UnreachableEvent;
