/**
 * The TCP connection table of the capture path: one TcpConnection per 4-tuple (both directions share it), opened on
 * the first segment seen, closed on RST or both FINs, finished when idle for IDLE_TIMEOUT_US of capture time, and
 * bounded at MAX_CONNECTIONS (the least recently seen is finished first).
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { IpHeader } from "../decode/ip-header.js";
import { decodeTcp, newTcpHeader } from "../decode/tcp.js";
import { frameRef } from "../model/origin.js";
import type { CaptureEmitter } from "./emit.js";
import { flowKey } from "./frames.js";
import { TcpConnection } from "./tcp-connection.js";

/** Live TCP connections tracked at once; the least recently seen is finished first beyond that. */
const MAX_CONNECTIONS = 100_000;
/** A connection silent this long in capture time is finished and forgotten. */
const IDLE_TIMEOUT_US = 10 * 60 * 1_000_000;
/** How often (capture time) idle connections are looked for. */
const SWEEP_EVERY_US = 10_000_000;

export class TcpTable {
  private readonly tcp = newTcpHeader();
  private readonly conns = new Map<string, TcpConnection>();
  private lastSweepUs = 0;

  constructor(private readonly emitter: CaptureEmitter) {}

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
    let c = this.conns.get(key);
    if (c === undefined) {
      if ((t.flags & 0x04) !== 0 && t.payloadEnd <= t.payloadOff) return; // a lone RST for a connection we never saw
      if (this.conns.size >= MAX_CONNECTIONS) this.evictOldest();
      const synAck = (t.flags & 0x12) === 0x12;
      const src = { ip: h.src, port: t.srcPort };
      const dst = { ip: h.dst, port: t.dstPort };
      // The side sending SYN (or receiving SYN-ACK) is "a", the client.
      c = synAck ? new TcpConnection(dst, src, em, em.timeUs) : new TcpConnection(src, dst, em, em.timeUs);
      this.conns.set(key, c);
    }
    const fromA = c.a.ip === h.src && c.a.port === t.srcPort;
    const closed = c.segment(fromA, t.seq, t.flags, b.subarray(t.payloadOff, t.payloadEnd), missing, em.frame, em.timeUs);
    if (closed) this.conns.delete(key);
  }

  /** End of input: every connection still open is finished (its framers report what was pending). */
  finishAll(lastFrame: number): void {
    for (const c of this.conns.values()) c.finishAll(lastFrame);
    this.conns.clear();
  }

  /** At the connection cap: finish the least recently seen connection (a scan, but only at the cap). */
  private evictOldest(): void {
    let oldestKey: string | null = null;
    let oldest = Infinity;
    for (const [key, c] of this.conns) {
      if (c.lastSeenUs < oldest) [oldest, oldestKey] = [c.lastSeenUs, key];
    }
    if (oldestKey === null) return;
    this.conns.get(oldestKey)?.finishAll(this.emitter.frame);
    this.conns.delete(oldestKey);
  }

  /** Connections idle longer than IDLE_TIMEOUT_US are finished and forgotten. */
  private sweep(nowUs: number): void {
    this.lastSweepUs = nowUs;
    for (const [key, c] of this.conns) {
      if (nowUs - c.lastSeenUs < IDLE_TIMEOUT_US) continue;
      c.finishAll(this.emitter.frame);
      this.conns.delete(key);
    }
  }
}
