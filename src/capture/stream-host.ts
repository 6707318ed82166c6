/**
 * What a stream assembler inside one TCP direction (WebSocket, HEP) needs from that direction: where to emit,
 * how to name it in diagnostics, and the connection's memory of having carried SIP.
 */
import type { Endpoint } from "../model/endpoint.js";
import type { CaptureEmitter } from "./emit.js";

export interface StreamHost {
  readonly emitter: CaptureEmitter;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  /** "TCP a→b", for diagnostics. */
  where(): string;
  /** True once the connection carried SIP in either direction. */
  carriedSip(): boolean;
  /** A SIP message of this direction was emitted (the first reports the deferred connection-open event). */
  noteSip(): void;
  /** The peer uses WebSocket permessage-deflate (RFC 7692): reported once per connection. */
  compressed(frame: number): void;
}
