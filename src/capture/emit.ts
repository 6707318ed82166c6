/**
 * Builds the TraceEvents of the capture path (SipPayload, KeepaliveEvent, ConnectionEvent, OpaqueFlowEvent) and
 * reports the framing facts (worded once, in sip/framing-facts.ts) with the frame they belong to, so that the UDP,
 * TCP, WebSocket and HEP paths all emit the same shapes.
 */
import { makeDiagnostic, quoteBytes } from "../diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import type { HepPacket } from "../decode/hep.js";
import type { Endpoint } from "../model/endpoint.js";
import { formatEndpoint } from "../model/endpoint.js";
import { frameRef } from "../model/origin.js";
import type { Origin } from "../model/origin.js";
import type { Carrier, TraceEvent } from "../model/trace-event.js";
import type { Transport } from "../model/transport.js";
import { MAX_BODY_BYTES, MAX_HEADER_BYTES, frameDatagram } from "../sip/framing.js";
import { badStreamContentLengthFact, missingContentLengthFact, wholeMessageFacts } from "../sip/framing-facts.js";
import type { FramerProblem } from "../sip/framing-stream.js";

/** Collects the events of one chunk and knows the file and the record being processed. */
export class CaptureEmitter {
  readonly events: TraceEvent[] = [];
  frame = 0;
  timeUs = 0;

  constructor(
    readonly file: string,
    readonly sink: DiagnosticSink,
  ) {}

  origin(frames: readonly number[], completing: number = this.frame): Origin {
    return { file: this.file, frame: completing, line: null, frames };
  }

  sip(bytes: Buffer, frames: readonly number[], completing: number, timeUs: number, src: Endpoint | null, dst: Endpoint | null, transport: Transport, carrier: Carrier, truncated: boolean): void {
    this.events.push({ kind: "sip", bytes, origin: this.origin(frames, completing), timeUs, timePrecision: "full", src, dst, transport, carrier, addressesInferred: false, direction: null, truncated });
  }

  keepalive(keepalive: "crlf-ping" | "crlf-pong" | "stun-request" | "stun-response", frames: readonly number[], completing: number, src: Endpoint, dst: Endpoint, transport: Transport): void {
    this.events.push({ kind: "keepalive", keepalive, origin: this.origin(frames, completing), timeUs: this.timeUs, src, dst, transport });
  }

  /**
   * Frames a datagram-like payload (UDP payload, WebSocket message, HEP payload) and emits what it holds.
   * Returns false when it is not SIP (nothing emitted).
   */
  datagram(b: Buffer, off: number, end: number, frames: readonly number[], timeUs: number, src: Endpoint | null, dst: Endpoint | null, transport: Transport, carrier: Carrier, keepalives: boolean | (() => boolean)): boolean {
    const r = frameDatagram(b, off, end);
    switch (r.kind) {
      case "not-sip":
        return false;
      case "keepalive":
        if (src === null || dst === null || !(typeof keepalives === "boolean" ? keepalives : keepalives())) return carrier !== "plain";
        this.keepalive(r.keepalive === "ping" ? "crlf-ping" : "crlf-pong", frames, this.frame, src, dst, transport);
        return true;
      case "message": {
        const m = r.message;
        const where = `${transport.toUpperCase()}${carrier === "plain" ? "" : `/${carrier}`} ${src === null ? "?" : formatEndpoint(src)}→${dst === null ? "?" : formatEndpoint(dst)}`;
        for (const f of wholeMessageFacts(b, off, m, where)) this.sink.report(makeDiagnostic(f.code, frameRef(this.file, this.frame), f.message));
        this.sip(Buffer.from(b.subarray(m.start, m.end)), frames, this.frame, timeUs, src, dst, transport, carrier, m.truncated);
        return true;
      }
    }
  }

  hep(p: HepPacket, frames: readonly number[]): void {
    const carrier: Carrier = p.version === 3 ? "hep3" : "hep2";
    if (p.payloadType !== null && p.payloadType !== 1) {
      this.sink.report(makeDiagnostic("decode.hep_payload_not_sip", frameRef(this.file, this.frame), `HEP${p.version} packet carries protocol type ${p.payloadType}, not SIP (1); skipped`));
      return;
    }
    const transport: Transport = p.ipProto === 17 ? "udp" : p.ipProto === 6 ? "tcp" : p.ipProto === 132 ? "sctp" : "unknown";
    const ok = this.datagram(p.payload, 0, p.payload.length, frames, p.timeUs ?? this.timeUs, p.src, p.dst, transport, carrier, false);
    if (!ok) {
      this.sink.report(makeDiagnostic("decode.hep_payload_not_sip", frameRef(this.file, this.frame), `HEP${p.version} payload is not a SIP message: ${quoteBytes(p.payload)}`));
    }
  }

  framerProblems(problems: readonly FramerProblem[], where: string): void {
    for (const p of problems) {
      switch (p.kind) {
        case "junk":
          if (p.reason === "headers-too-long") this.sink.report(makeDiagnostic("framing.headers_too_long", frameRef(this.file, p.frame), `no end of headers within ${MAX_HEADER_BYTES} bytes after a start line on ${where}; skipped ${p.bytes} bytes up to the next start line: ${quoteBytes(p.sample)}`));
          else this.sink.report(makeDiagnostic("framing.junk_skipped", frameRef(this.file, p.frame), `skipped ${p.bytes} bytes that are not SIP on ${where} until the next start line: ${quoteBytes(p.sample)}`));
          break;
        case "bad-content-length": {
          const f = badStreamContentLengthFact(where, p.sample, MAX_BODY_BYTES);
          this.sink.report(makeDiagnostic(f.code, frameRef(this.file, p.frame), f.message));
          break;
        }
        case "cap":
          this.sink.report(makeDiagnostic("tcp.stream_cap", frameRef(this.file, p.frame), `unfinished SIP data on ${where} reached ${p.bytes} bytes, over the per-stream cap; dropped and resynchronising`));
          break;
        case "cut":
          if (p.why === "end") this.sink.report(makeDiagnostic("framing.incomplete_at_end", frameRef(this.file, p.frame), `${where} ended inside a SIP message (${p.bytes} bytes pending); reported as truncated when its headers were complete`));
          break;
        case "missing-content-length": {
          const f = missingContentLengthFact(where);
          this.sink.report(makeDiagnostic(f.code, frameRef(this.file, p.frame), f.message));
          break;
        }
      }
    }
  }
}
