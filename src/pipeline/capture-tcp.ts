/**
 * TCP connections of the capture path: per direction, a TcpDirection (reassembly) feeding a consumer that decides
 * from the first bytes what the stream carries (SIP, WebSocket after an HTTP Upgrade, HEP3, TLS, or nothing we
 * read) and frames it. Connection open/close/reset events are emitted only for connections that carried SIP.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { decodeHep3, isHep3 } from "../decode/hep.js";
import { looksLikeTlsRecord } from "../decode/tls.js";
import { parseHttpUpgradeHead, parseWebSocketFrameHeader, unmaskPayload } from "../decode/websocket.js";
import type { Endpoint } from "../model/endpoint.js";
import { formatEndpoint } from "../model/endpoint.js";
import { frameRef } from "../model/origin.js";
import type { TcpStreamConsumer } from "../reassembly/tcp-stream.js";
import { TcpDirection } from "../reassembly/tcp-stream.js";
import type { FramedItem, FramerProblem } from "../sip/framing-stream.js";
import { SipStreamFramer } from "../sip/framing-stream.js";
import type { CaptureEmitter } from "./capture-emit.js";

/** WebSocket frame / message cap (a SIP message over WS is a few KiB). */
const MAX_WS_MESSAGE = 4 * 1024 * 1024;
/** HTTP head / HEP stream buffer cap. */
const MAX_AUX_BUFFER = 1024 * 1024;

type Mode = "new" | "sip" | "http" | "ws" | "hep" | "tls" | "dead";

export class TcpConnection {
  readonly dirs: [DirectionConsumer, DirectionConsumer];
  lastSeenUs: number;
  carriedSip = false;
  private pendingOpen: { frame: number; timeUs: number; src: Endpoint; dst: Endpoint } | null = null;
  private finSeen = [false, false];
  private closeReported = false;
  tlsReported = false;
  compressedReported = false;

  constructor(
    readonly a: Endpoint,
    readonly b: Endpoint,
    readonly emitter: CaptureEmitter,
    timeUs: number,
  ) {
    this.lastSeenUs = timeUs;
    this.dirs = [new DirectionConsumer(this, a, b), new DirectionConsumer(this, b, a)];
  }

  /** One TCP segment; `fromA` tells the direction. */
  segment(fromA: boolean, seq: number, flags: number, payload: Buffer, missing: number, frame: number, timeUs: number): boolean {
    this.lastSeenUs = timeUs;
    const i = fromA ? 0 : 1;
    const d = this.dirs[i];
    for (const x of this.dirs) x.stream.tick(timeUs, frame);
    const syn = (flags & 0x02) !== 0;
    const ack = (flags & 0x10) !== 0;
    if (syn) {
      d.stream.syn(seq);
      d.sawSyn = true;
      if (!ack) this.pendingOpen = { frame, timeUs, src: d.src, dst: d.dst };
    }
    if (payload.length > 0 || missing > 0) d.stream.segment(syn ? (seq + 1) >>> 0 : seq, payload, missing, frame, timeUs);
    if ((flags & 0x04) !== 0) {
      this.finishAll(frame);
      if (this.carriedSip) this.connectionEvent("reset", frame, timeUs, d.src, d.dst);
      return true; // closed
    }
    if ((flags & 0x01) !== 0) {
      if (!(this.finSeen[i] ?? false)) {
        this.finSeen[i] = true;
        d.stream.finish(frame);
        d.end(frame);
        if (this.carriedSip && !this.closeReported) {
          this.closeReported = true;
          this.connectionEvent("close", frame, timeUs, d.src, d.dst);
        }
      }
      if (this.finSeen[0] === true && this.finSeen[1] === true) return true;
    }
    return false;
  }

  /** End of capture or eviction. */
  finishAll(frame: number): void {
    for (const d of this.dirs) {
      d.stream.finish(frame);
      d.end(frame);
    }
  }

  /** The first SIP item of the connection: report the deferred open event before it. */
  noteSip(): void {
    if (this.carriedSip) return;
    this.carriedSip = true;
    const o = this.pendingOpen;
    if (o !== null) {
      this.emitter.events.push({ kind: "connection", event: "open", origin: this.emitter.origin([o.frame], o.frame), timeUs: o.timeUs, src: o.src, dst: o.dst, transport: "tcp" });
      this.pendingOpen = null;
    }
  }

  private connectionEvent(event: "close" | "reset", frame: number, timeUs: number, src: Endpoint, dst: Endpoint): void {
    this.emitter.events.push({ kind: "connection", event, origin: this.emitter.origin([frame], frame), timeUs, src, dst, transport: "tcp" });
  }
}

class DirectionConsumer implements TcpStreamConsumer {
  readonly stream: TcpDirection;
  mode: Mode = "new";
  sawSyn = false;
  private framer: SipStreamFramer | null = null;
  private aux: Buffer = Buffer.alloc(0);
  private auxFrames: number[] = [];
  private wsParts: Buffer[] = [];
  private wsBytes = 0;
  private wsFrames: number[] = [];
  private wsBinaryOrText = false;
  private readonly items: FramedItem[] = [];
  private readonly problems: FramerProblem[] = [];
  private gapBeforeStart = false;

  constructor(
    private readonly conn: TcpConnection,
    readonly src: Endpoint,
    readonly dst: Endpoint,
  ) {
    this.stream = new TcpDirection(this);
  }

  private where(): string {
    return `TCP ${formatEndpoint(this.src)}→${formatEndpoint(this.dst)}`;
  }

  data(data: Buffer, frame: number, completing: number): void {
    if (this.mode === "new") this.decide(data);
    switch (this.mode) {
      case "new":
      case "dead":
      case "tls":
        return;
      case "sip":
        this.pushSip(data, frame, completing);
        return;
      case "http":
        this.pushHttp(data, frame);
        return;
      case "ws":
        this.pushWs(data, frame);
        return;
      case "hep":
        this.pushHep(data, frame);
        return;
    }
  }

  gap(missing: number, frame: number, why: string): void {
    const e = this.conn.emitter;
    if (this.mode === "new") {
      this.gapBeforeStart = true;
      return;
    }
    if (this.conn.carriedSip && missing > 0) {
      e.sink.report(makeDiagnostic("tcp.gap", frameRef(e.file, frame), `${missing} bytes of ${this.where()} were not captured (${why === "buffer-cap" ? "out-of-order data exceeded the buffer cap" : why === "timeout" ? "the hole stayed open past the timeout" : why === "snaplen" ? "the frame was cut by the snapshot length" : "the stream ended with a hole"}); resynchronising at the next SIP start line`));
    }
    if (this.mode === "sip" && this.framer !== null) {
      this.framer.gap(frame, this.items, this.problems);
      this.flush();
    } else if (this.mode === "ws" || this.mode === "hep" || this.mode === "http") {
      // No start line to resynchronise on inside WebSocket or HEP framing: give the direction up.
      this.mode = "dead";
    }
  }

  end(frame: number): void {
    if (this.mode === "sip" && this.framer !== null) {
      this.framer.end(frame, this.items, this.problems);
      this.flush();
    }
  }

  private decide(data: Buffer): void {
    if (isHep3(data, 0, data.length)) this.mode = "hep";
    else if (looksLikeTlsRecord(data, 0, data.length)) {
      this.mode = "tls";
      this.reportTls();
    } else if (data.length >= 4 && (data.toString("latin1", 0, 4) === "GET " || data.toString("latin1", 0, 5) === "HTTP/")) this.mode = "http";
    else {
      this.mode = "sip";
      this.framer = new SipStreamFramer();
      if (!this.sawSyn || this.gapBeforeStart) this.framer.startUnsynced();
    }
  }

  private reportTls(): void {
    const c = this.conn;
    if (c.tlsReported) return;
    c.tlsReported = true;
    const e = c.emitter;
    e.events.push({ kind: "opaque-flow", protocol: "tls", origin: e.origin([e.frame]), timeUs: e.timeUs, src: this.src, dst: this.dst });
    e.sink.report(makeDiagnostic("decode.tls_flow", frameRef(e.file, e.frame), `${this.where()} carries TLS; without keys its SIP (if any) cannot be decoded`));
  }

  private pushSip(data: Buffer, frame: number, completing: number): void {
    const f = this.framer;
    if (f === null) return;
    f.push(data, frame, this.items, this.problems, completing);
    this.flush();
    if (f.givenUp) {
      this.mode = "dead";
      this.framer = null;
    }
  }

  private flush(): void {
    const e = this.conn.emitter;
    if (this.items.length > 0) {
      this.conn.noteSip();
      for (const it of this.items) {
        if (it.kind === "message") e.sip(it.bytes, it.frames, it.completingFrame, e.timeUs, this.src, this.dst, "tcp", "plain", it.truncated);
        else e.keepalive(it.kind === "ping" ? "crlf-ping" : "crlf-pong", it.frames, it.completingFrame, this.src, this.dst, "tcp");
      }
      this.items.length = 0;
    }
    if (this.problems.length > 0) {
      e.framerProblems(this.problems, this.where());
      this.problems.length = 0;
    }
  }

  private appendAux(data: Buffer, frame: number): void {
    this.aux = this.aux.length === 0 ? Buffer.from(data) : Buffer.concat([this.aux, data]);
    if (this.auxFrames[this.auxFrames.length - 1] !== frame) this.auxFrames.push(frame);
  }

  private takeAux(from: number): void {
    this.aux = from >= this.aux.length ? Buffer.alloc(0) : Buffer.from(this.aux.subarray(from));
    const last = this.auxFrames[this.auxFrames.length - 1];
    this.auxFrames = this.aux.length > 0 && last !== undefined ? [last] : [];
  }

  private pushHttp(data: Buffer, frame: number): void {
    this.appendAux(data, frame);
    const r = parseHttpUpgradeHead(this.aux, 0, this.aux.length);
    if (r === "incomplete") {
      if (this.aux.length > MAX_AUX_BUFFER) this.mode = "dead";
      return;
    }
    if (r?.upgrade !== true) {
      this.mode = "dead"; // plain HTTP (e.g. on port 5060): not SIP, nothing to report
      this.aux = Buffer.alloc(0);
      return;
    }
    this.mode = "ws";
    const rest = this.aux.subarray(r.headEnd);
    this.aux = Buffer.alloc(0);
    this.auxFrames = [];
    if (rest.length > 0) this.pushWs(Buffer.from(rest), frame);
  }

  private pushWs(data: Buffer, frame: number): void {
    const e = this.conn.emitter;
    this.appendAux(data, frame);
    let at = 0;
    while (this.mode === "ws") {
      const r = parseWebSocketFrameHeader(this.aux, at, this.aux.length, MAX_WS_MESSAGE);
      if (r.kind === "incomplete") break;
      if (r.kind === "invalid") {
        if (this.conn.carriedSip || this.wsBytes > 0) e.sink.report(makeDiagnostic("decode.websocket_malformed", frameRef(e.file, frame), `WebSocket on ${this.where()}: ${r.reason}; the rest of this direction is skipped`));
        this.mode = "dead";
        break;
      }
      const h = r.header;
      if (h.payloadOff + h.payloadLen > this.aux.length) break;
      for (const f of this.auxFrames) if (this.wsFrames[this.wsFrames.length - 1] !== f) this.wsFrames.push(f);
      at = h.payloadOff + h.payloadLen;
      if (h.opcode >= 8) continue; // close, ping, pong: control frames carry no SIP
      if (h.opcode !== 0) {
        this.wsParts = [];
        this.wsBytes = 0;
        this.wsBinaryOrText = true;
        if (h.rsv1) {
          this.reportCompressed(frame);
          this.wsBinaryOrText = false;
        }
      }
      if (!this.wsBinaryOrText) continue;
      const payload = unmaskPayload(this.aux, h);
      this.wsParts.push(h.masked ? payload : Buffer.from(payload));
      this.wsBytes += payload.length;
      if (this.wsBytes > MAX_WS_MESSAGE) {
        e.sink.report(makeDiagnostic("decode.websocket_malformed", frameRef(e.file, frame), `WebSocket message on ${this.where()} exceeds ${MAX_WS_MESSAGE} bytes; skipped`));
        this.wsBinaryOrText = false;
        continue;
      }
      if (!h.fin) continue;
      const msg = this.wsParts.length === 1 ? (this.wsParts[0] ?? Buffer.alloc(0)) : Buffer.concat(this.wsParts);
      const frames = [...new Set([...this.wsFrames, frame])].sort((x, y) => x - y);
      // RFC 7118 §5.2: each SIP message is one WebSocket message (text or binary).
      const before = e.events.length;
      e.datagram(msg, 0, msg.length, frames, e.timeUs, this.src, this.dst, "ws", "websocket", true);
      if (e.events.length > before) {
        this.conn.noteSip();
        // noteSip may have inserted the open event after the message: keep it first.
        const last = e.events[e.events.length - 1];
        if (last?.kind === "connection" && e.events.length - before === 2) {
          e.events.splice(e.events.length - 1, 1);
          e.events.splice(before, 0, last);
        }
      }
      this.wsParts = [];
      this.wsBytes = 0;
      this.wsFrames = [];
      this.wsBinaryOrText = false;
    }
    this.takeAux(at);
    if (this.aux.length > MAX_WS_MESSAGE + 16) this.mode = "dead";
  }

  private reportCompressed(frame: number): void {
    const c = this.conn;
    if (c.compressedReported) return;
    c.compressedReported = true;
    const e = c.emitter;
    e.events.push({ kind: "opaque-flow", protocol: "websocket-compressed", origin: e.origin([frame]), timeUs: e.timeUs, src: this.src, dst: this.dst });
    e.sink.report(makeDiagnostic("decode.websocket_compressed", frameRef(e.file, frame), `WebSocket on ${this.where()} uses permessage-deflate (RSV1); its messages are not inflated`));
  }

  private pushHep(data: Buffer, frame: number): void {
    const e = this.conn.emitter;
    this.appendAux(data, frame);
    let at = 0;
    while (this.mode === "hep" && at < this.aux.length) {
      const r = decodeHep3(this.aux, at, this.aux.length);
      if (r.kind === "incomplete") break;
      if (r.kind === "malformed") {
        e.sink.report(makeDiagnostic("decode.hep_malformed", frameRef(e.file, frame), `HEP3 over ${this.where()}: ${r.reason}; the rest of this direction is skipped`));
        this.mode = "dead";
        break;
      }
      e.hep(r.packet, [...new Set([...this.auxFrames, frame])].sort((x, y) => x - y));
      at += r.length;
    }
    this.takeAux(at);
    if (this.aux.length > MAX_AUX_BUFFER) this.mode = "dead";
  }
}
