/**
 * SIP over WebSocket (RFC 7118) in one TCP direction: the HTTP Upgrade head (RFC 6455 §4), then WebSocket frames
 * (RFC 6455 §5.2) reassembled into messages; RFC 7118 §5.2: each SIP message is one WebSocket message (text or
 * binary), framed like a datagram. Control frames are skipped; a compressed message (RSV1, RFC 7692) is reported
 * and skipped. Any framing error gives the direction up: WebSocket has no resynchronisation point.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { parseHttpUpgradeHead, parseWebSocketFrameHeader, unmaskPayload } from "../decode/websocket.js";
import { frameRef } from "../model/origin.js";
import { FrameBuffer } from "./frame-buffer.js";
import { unionFrames } from "./frames.js";
import type { StreamHost } from "./stream-host.js";

/** WebSocket frame / message cap (a SIP message over WS is a few KiB). */
const MAX_WS_MESSAGE = 4 * 1024 * 1024;
/** HTTP head buffer cap. */
const MAX_HTTP_HEAD = 1024 * 1024;

export class WebSocketStream {
  private phase: "http" | "ws" | "dead" = "http";
  private readonly buf = new FrameBuffer();
  private parts: Buffer[] = [];
  private bytes = 0;
  private frames: number[] = [];
  /** Inside a data message we read (text or binary, not compressed, not over the cap). */
  private reading = false;

  constructor(private readonly host: StreamHost) {}

  /** Feeds bytes; false when the direction must be given up (not an Upgrade, malformed frame or cap). */
  push(data: Buffer, frame: number): boolean {
    if (this.phase === "http") this.pushHttp(data, frame);
    else if (this.phase === "ws") this.pushWs(data, frame);
    return this.phase !== "dead";
  }

  private pushHttp(data: Buffer, frame: number): void {
    const buf = this.buf;
    buf.append(data, frame);
    const r = parseHttpUpgradeHead(buf.data, 0, buf.data.length);
    if (r === "incomplete") {
      if (buf.data.length > MAX_HTTP_HEAD) this.phase = "dead";
      return;
    }
    if (r?.upgrade !== true) {
      this.phase = "dead"; // plain HTTP (e.g. on port 5060): not SIP, nothing to report
      buf.clear();
      return;
    }
    this.phase = "ws";
    const rest = buf.data.subarray(r.headEnd);
    buf.clear();
    if (rest.length > 0) this.pushWs(Buffer.from(rest), frame);
  }

  private pushWs(data: Buffer, frame: number): void {
    const e = this.host.emitter;
    const buf = this.buf;
    buf.append(data, frame);
    let at = 0;
    while (this.phase === "ws") {
      const r = parseWebSocketFrameHeader(buf.data, at, buf.data.length, MAX_WS_MESSAGE);
      if (r.kind === "incomplete") break;
      if (r.kind === "invalid") {
        if (this.host.carriedSip() || this.bytes > 0) e.sink.report(makeDiagnostic("decode.websocket_malformed", frameRef(e.file, frame), `WebSocket on ${this.host.where()}: ${r.reason}; the rest of this direction is skipped`));
        this.phase = "dead";
        break;
      }
      const h = r.header;
      if (h.payloadOff + h.payloadLen > buf.data.length) break;
      for (const f of buf.frames) if (this.frames[this.frames.length - 1] !== f) this.frames.push(f);
      at = h.payloadOff + h.payloadLen;
      if (h.opcode >= 8) continue; // close, ping, pong: control frames carry no SIP
      if (h.opcode !== 0) {
        this.parts = [];
        this.bytes = 0;
        this.reading = true;
        if (h.rsv1) {
          this.host.compressed(frame);
          this.reading = false;
        }
      }
      if (!this.reading) continue;
      const payload = unmaskPayload(buf.data, h);
      this.parts.push(h.masked ? payload : Buffer.from(payload));
      this.bytes += payload.length;
      if (this.bytes > MAX_WS_MESSAGE) {
        e.sink.report(makeDiagnostic("decode.websocket_malformed", frameRef(e.file, frame), `WebSocket message on ${this.host.where()} exceeds ${MAX_WS_MESSAGE} bytes; skipped`));
        this.reading = false;
        continue;
      }
      if (!h.fin) continue;
      this.message(frame);
    }
    buf.take(at);
    if (buf.data.length > MAX_WS_MESSAGE + 16) this.phase = "dead";
  }

  /** A whole WebSocket message: framed as a datagram. */
  private message(frame: number): void {
    const e = this.host.emitter;
    const msg = this.parts.length === 1 ? (this.parts[0] ?? Buffer.alloc(0)) : Buffer.concat(this.parts);
    const frames = unionFrames(this.frames, frame);
    const before = e.events.length;
    e.datagram(msg, 0, msg.length, frames, e.timeUs, this.host.src, this.host.dst, "ws", "websocket", true);
    if (e.events.length > before) {
      this.host.noteSip();
      // noteSip may have appended the open event after the message: keep it first.
      const last = e.events[e.events.length - 1];
      if (last?.kind === "connection" && e.events.length - before === 2) {
        e.events.splice(e.events.length - 1, 1);
        e.events.splice(before, 0, last);
      }
    }
    this.parts = [];
    this.bytes = 0;
    this.frames = [];
    this.reading = false;
  }
}
