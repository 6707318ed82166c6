/**
 * The TCP connection table of the capture path: one TcpConnection per 4-tuple (both directions share it), opened on
 * the first segment seen, closed on RST or both FINs, finished when idle for IDLE_TIMEOUT_US of capture time, and
 * bounded twice: at MAX_CONNECTIONS connections and at MAX_BUFFERED_BYTES of stream data held across all of them
 * (out-of-order segments, unfinished messages). At either cap the least recently seen connection is finished
 * early (its holes reported as gaps, its unfinished message as truncated), and one diagnostic names the first such
 * eviction and counts them all. Every operation is O(1) amortised: the table keeps its age order (util/
 * age-ordered-map.ts), so neither eviction nor the idle sweep scans it (150,000 connections used to take > 15 min).
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { FirstAndCount } from "../diagnostics/first-and-count.js";
import type { IpHeader } from "../decode/ip-header.js";
import { decodeTcp, newTcpHeader } from "../decode/tcp.js";
import { formatEndpoint } from "../model/endpoint.js";
import { fileRef, frameRef } from "../model/origin.js";
import { AgeOrderedMap } from "../util/age-ordered-map.js";
import type { CaptureEmitter } from "./emit.js";
import { flowKey } from "./frames.js";
import { TcpConnection } from "./tcp-connection.js";

export interface TcpTableLimits {
  /** Live TCP connections tracked at once. */
  readonly maxConnections: number;
  /** Stream bytes held over all connections (out-of-order data and unfinished messages). */
  readonly maxBufferedBytes: number;
  /** A connection silent this long in capture time is finished and forgotten, µs. */
  readonly idleTimeoutUs: number;
}

export const DEFAULT_TCP_TABLE_LIMITS: TcpTableLimits = {
  maxConnections: 100_000,
  maxBufferedBytes: 256 * 1024 * 1024,
  idleTimeoutUs: 10 * 60 * 1_000_000,
};

/** How often (capture time) idle connections are looked for. */
const SWEEP_EVERY_US = 10_000_000;
/** A connection's age is refreshed at most this often (capture time): one queue slot per second, not per packet. */
const TOUCH_EVERY_US = 1_000_000;

interface Entry {
  readonly conn: TcpConnection;
  touchedUs: number;
  /** Bytes this connection held after its last segment, as counted in the table's total. */
  buffered: number;
}

export class TcpTable {
  private readonly tcp = newTcpHeader();
  private readonly conns = new AgeOrderedMap<string, Entry>();
  private lastSweepUs = 0;
  private bufferedTotal = 0;
  private readonly evicted: FirstAndCount;

  constructor(
    private readonly emitter: CaptureEmitter,
    private readonly limits: TcpTableLimits = DEFAULT_TCP_TABLE_LIMITS,
  ) {
    this.evicted = new FirstAndCount(emitter.sink, "tcp.connection_cap");
  }

  /** Connections held right now (for the adversarial tests). */
  get size(): number {
    return this.conns.size;
  }

  /** Stream bytes held right now over all connections. */
  get bufferedBytes(): number {
    return this.bufferedTotal;
  }

  /** The capture clock moved to `nowUs`: every 10 s of capture time (or when it jumps back), sweep idle connections. */
  tick(nowUs: number): void {
    if (nowUs - this.lastSweepUs > SWEEP_EVERY_US || nowUs < this.lastSweepUs) this.sweep(nowUs);
  }

  /** One TCP segment inside IP header `h`; `missing` counts bytes the snapshot length cut off. */
  packet(b: Buffer, off: number, end: number, h: IpHeader, missing: number): void {
    const t = this.tcp;
    const em = this.emitter;
    const err = decodeTcp(b, off, end, t);
    if (err !== null) {
      em.sink.report(makeDiagnostic("decode.malformed_packet", frameRef(em.file, em.frame), `${err}; packet skipped`));
      return;
    }
    const key = flowKey(h.src, t.srcPort, h.dst, t.dstPort);
    let e = this.conns.get(key);
    if (e === undefined) {
      if ((t.flags & 0x04) !== 0 && t.payloadEnd <= t.payloadOff) return; // a lone RST for a connection we never saw
      if (this.conns.size >= this.limits.maxConnections) this.evictOldest(`more than ${this.limits.maxConnections} TCP connections at once`);
      const synAck = (t.flags & 0x12) === 0x12;
      const src = { ip: h.src, port: t.srcPort };
      const dst = { ip: h.dst, port: t.dstPort };
      // The side sending SYN (or receiving SYN-ACK) is "a", the client.
      const conn = synAck ? new TcpConnection(dst, src, em, em.timeUs) : new TcpConnection(src, dst, em, em.timeUs);
      e = { conn, touchedUs: em.timeUs, buffered: 0 };
      this.conns.set(key, e);
    } else if (em.timeUs - e.touchedUs > TOUCH_EVERY_US || em.timeUs < e.touchedUs) {
      e.touchedUs = em.timeUs;
      this.conns.touch(key);
    }
    const c = e.conn;
    const fromA = c.a.ip === h.src && c.a.port === t.srcPort;
    const closed = c.segment(fromA, t.seq, t.flags, b.subarray(t.payloadOff, t.payloadEnd), missing, em.frame, em.timeUs);
    if (closed) {
      this.remove(key, e);
      return;
    }
    const now = c.bufferedBytes;
    this.bufferedTotal += now - e.buffered;
    e.buffered = now;
    while (this.bufferedTotal > this.limits.maxBufferedBytes && this.conns.size > 1) this.evictOldest(`TCP streams held more than ${this.limits.maxBufferedBytes} bytes of unfinished data at once`);
  }

  /** End of input: every connection still open is finished (its framers report what was pending). */
  finishAll(lastFrame: number): void {
    for (const e of this.conns.values()) e.conn.finishAll(lastFrame);
    this.conns.clear();
    this.bufferedTotal = 0;
    this.evicted.summarize(fileRef(this.emitter.file), (n) => `${n} TCP connections in all were finished early to stay within ${this.limits.maxConnections} connections / ${this.limits.maxBufferedBytes} bytes held`);
  }

  /** At a cap: finish the least recently seen connection, O(1). */
  private evictOldest(why: string): void {
    const o = this.conns.oldest();
    if (o === undefined) return;
    const [key, e] = o;
    const frame = this.emitter.frame;
    this.evicted.report(frameRef(this.emitter.file, frame), () => `${why}: finished the least recently seen one early (${formatEndpoint(e.conn.a)}↔${formatEndpoint(e.conn.b)}); its holes are reported as gaps and an unfinished message as truncated`);
    e.conn.finishAll(frame);
    this.remove(key, e);
  }

  private remove(key: string, e: Entry): void {
    this.conns.delete(key);
    this.bufferedTotal -= e.buffered;
  }

  /** Connections idle longer than the timeout are finished and forgotten, oldest first: stops at the first live one. */
  private sweep(nowUs: number): void {
    this.lastSweepUs = nowUs;
    for (let o = this.conns.oldest(); o !== undefined; o = this.conns.oldest()) {
      const [key, e] = o;
      if (nowUs - e.conn.lastSeenUs < this.limits.idleTimeoutUs) break;
      e.conn.finishAll(this.emitter.frame);
      this.remove(key, e);
    }
  }
}
