/**
 * One TCP connection of the capture path: per direction, a TcpDirection (reassembly) feeding a consumer that decides
 * from the first bytes what the stream carries (SIP, WebSocket after an HTTP Upgrade, HEP3, TLS, or nothing we
 * read) and frames it: SIP through sip/framing-stream, WebSocket and HEP through their stream assemblers.
 * Connection open/close/reset events are emitted only for connections that carried SIP.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { isHep3 } from "../decode/hep.js";
import { looksLikeTlsRecord } from "../decode/tls.js";
import type { Endpoint } from "../model/endpoint.js";
import { formatEndpoint } from "../model/endpoint.js";
import { frameRef } from "../model/origin.js";
import type { TcpGapReason, TcpStreamConsumer } from "../reassembly/tcp-stream.js";
import { TcpDirection } from "../reassembly/tcp-stream.js";
import type { FramedItem, FramerProblem } from "../sip/framing-stream.js";
import { SipStreamFramer } from "../sip/framing-stream.js";
import type { CaptureEmitter } from "./emit.js";
import { HepStream } from "./hep-stream.js";
import type { StreamHost } from "./stream-host.js";
import { WebSocketStream } from "./websocket-stream.js";

type Mode = "new" | "sip" | "ws" | "hep" | "tls" | "dead";

export class TcpConnection {
  readonly dirs: [DirectionConsumer, DirectionConsumer];
  lastSeenUs: number;
  private sipSeen = false;
  private pendingOpen: { frame: number; timeUs: number; src: Endpoint; dst: Endpoint } | null = null;
  private finSeen = [false, false];
  private closeReported = false;
  private tlsReported = false;
  private compressedReported = false;

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
      if (this.sipSeen) this.connectionEvent("reset", frame, timeUs, d.src, d.dst);
      return true; // closed
    }
    if ((flags & 0x01) !== 0) {
      if (!(this.finSeen[i] ?? false)) {
        this.finSeen[i] = true;
        d.stream.finish(frame);
        d.end(frame);
        if (this.sipSeen && !this.closeReported) {
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

  /** Stream bytes both directions hold (out-of-order segments, unfinished SIP messages), for the table's cap. */
  get bufferedBytes(): number {
    return this.dirs[0].bufferedBytes + this.dirs[1].bufferedBytes;
  }

  /** True once the connection carried SIP in either direction. */
  get carriedSip(): boolean {
    return this.sipSeen;
  }

  /** The first SIP item of the connection: report the deferred open event before it. */
  noteSip(): void {
    if (this.sipSeen) return;
    this.sipSeen = true;
    for (const d of this.dirs) d.reportEarlyGap();
    const o = this.pendingOpen;
    if (o !== null) {
      this.emitter.events.push({ kind: "connection", event: "open", origin: this.emitter.origin([o.frame], o.frame), timeUs: o.timeUs, src: o.src, dst: o.dst, transport: "tcp" });
      this.pendingOpen = null;
    }
  }

  /** TLS seen (from `src`): one opaque-flow event and one diagnostic per connection. */
  reportTls(src: Endpoint, dst: Endpoint, where: string): void {
    if (this.tlsReported) return;
    this.tlsReported = true;
    const e = this.emitter;
    e.events.push({ kind: "opaque-flow", protocol: "tls", origin: e.origin([e.frame]), timeUs: e.timeUs, src, dst });
    e.sink.report(makeDiagnostic("decode.tls_flow", frameRef(e.file, e.frame), `${where} carries TLS; without keys its SIP (if any) cannot be decoded`));
  }

  /** WebSocket permessage-deflate seen: one opaque-flow event and one diagnostic per connection. */
  reportCompressed(frame: number, src: Endpoint, dst: Endpoint, where: string): void {
    if (this.compressedReported) return;
    this.compressedReported = true;
    const e = this.emitter;
    e.events.push({ kind: "opaque-flow", protocol: "websocket-compressed", origin: e.origin([frame]), timeUs: e.timeUs, src, dst });
    e.sink.report(makeDiagnostic("decode.websocket_compressed", frameRef(e.file, frame), `WebSocket on ${where} uses permessage-deflate (RSV1); its messages are not inflated`));
  }

  private connectionEvent(event: "close" | "reset", frame: number, timeUs: number, src: Endpoint, dst: Endpoint): void {
    this.emitter.events.push({ kind: "connection", event, origin: this.emitter.origin([frame], frame), timeUs, src, dst, transport: "tcp" });
  }
}

class DirectionConsumer implements TcpStreamConsumer, StreamHost {
  readonly stream: TcpDirection;
  mode: Mode = "new";
  sawSyn = false;
  private framer: SipStreamFramer | null = null;
  private ws: WebSocketStream | null = null;
  private hepStream: HepStream | null = null;
  private readonly items: FramedItem[] = [];
  private readonly problems: FramerProblem[] = [];
  private gapBeforeStart = false;
  /** Bytes lost before the connection was known to carry SIP: reported once it is (issue 15: never silently). */
  private earlyGap: { missing: number; frame: number; why: TcpGapReason } | null = null;

  constructor(
    private readonly conn: TcpConnection,
    readonly src: Endpoint,
    readonly dst: Endpoint,
  ) {
    this.stream = new TcpDirection(this);
  }

  get emitter(): CaptureEmitter {
    return this.conn.emitter;
  }

  where(): string {
    return `TCP ${formatEndpoint(this.src)}→${formatEndpoint(this.dst)}`;
  }

  carriedSip(): boolean {
    return this.conn.carriedSip;
  }

  noteSip(): void {
    this.conn.noteSip();
  }

  compressed(frame: number): void {
    this.conn.reportCompressed(frame, this.src, this.dst, this.where());
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
      case "ws":
        if (this.ws?.push(data, frame) !== true) this.mode = "dead";
        return;
      case "hep":
        if (this.hepStream?.push(data, frame) !== true) this.mode = "dead";
        return;
    }
  }

  get bufferedBytes(): number {
    return this.stream.bufferedBytes + (this.framer?.bufferedBytes ?? 0);
  }

  gap(missing: number, frame: number, why: TcpGapReason): void {
    const e = this.conn.emitter;
    if (!this.conn.carriedSip && missing > 0) {
      const g = this.earlyGap;
      this.earlyGap = g === null ? { missing, frame, why } : { missing: g.missing + missing, frame: g.frame, why: g.why };
    }
    if (this.mode === "new") {
      this.gapBeforeStart = true;
      return;
    }
    if (this.conn.carriedSip && missing > 0) {
      e.sink.report(makeDiagnostic("tcp.gap", frameRef(e.file, frame), `${missing} bytes of ${this.where()} were not captured (${gapCause(why)}); resynchronising at the next SIP start line`));
    }
    if (this.mode === "sip" && this.framer !== null) {
      this.framer.gap(frame, this.items, this.problems);
      this.flush();
    } else if (this.mode === "ws" || this.mode === "hep") {
      // No start line to resynchronise on inside WebSocket or HEP framing: give the direction up.
      this.mode = "dead";
    }
  }

  /** The connection turned out to carry SIP: bytes this direction lost before that are reported now. */
  reportEarlyGap(): void {
    const g = this.earlyGap;
    if (g === null) return;
    this.earlyGap = null;
    const e = this.conn.emitter;
    e.sink.report(makeDiagnostic("tcp.gap", frameRef(e.file, g.frame), `${g.missing} bytes of ${this.where()} were not captured before the connection was recognised as SIP (${gapCause(g.why)}); reading started at the next SIP start line after them`));
  }

  end(frame: number): void {
    if (this.mode === "sip" && this.framer !== null) {
      this.framer.end(frame, this.items, this.problems);
      this.flush();
    }
  }

  private decide(data: Buffer): void {
    if (isHep3(data, 0, data.length)) {
      this.mode = "hep";
      this.hepStream = new HepStream(this);
    } else if (looksLikeTlsRecord(data, 0, data.length)) {
      this.mode = "tls";
      this.conn.reportTls(this.src, this.dst, this.where());
    } else if (data.length >= 4 && (data.toString("latin1", 0, 4) === "GET " || data.toString("latin1", 0, 5) === "HTTP/")) {
      this.mode = "ws";
      this.ws = new WebSocketStream(this);
    } else {
      this.mode = "sip";
      this.framer = new SipStreamFramer();
      if (!this.sawSyn || this.gapBeforeStart) this.framer.startUnsynced();
    }
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
}

function gapCause(why: TcpGapReason): string {
  switch (why) {
    case "buffer-cap":
      return "out-of-order data exceeded the buffer cap";
    case "timeout":
      return "the hole stayed open past the timeout";
    case "snaplen":
      return "the frame was cut by the snapshot length";
    case "stream-end":
    case "jump":
      return "the stream ended with a hole";
  }
}
