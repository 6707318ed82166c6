/**
 * The whole capture path for ONE file: format sniff → pcap/pcapng records → link layer → IP (tunnels, fragment
 * reassembly) → UDP / TCP (stream reassembly) → WebSocket, HEP, STUN, TLS detection → SIP framing → TraceEvents.
 * SIP is found by content on any port. Synchronous per chunk: the only awaits are per input chunk (and per event
 * handed to the consumer of the async generator); readCaptureEventBatches hands out one array per chunk.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { classifyStun } from "../decode/stun.js";
import { decodeHep2, decodeHep3, isHep3 } from "../decode/hep.js";
import { unwrapGre } from "../decode/gre.js";
import { unwrapGtpU } from "../decode/gtp.js";
import type { IpHeader } from "../decode/ip.js";
import { decodeIp, newIpHeader } from "../decode/ip.js";
import { UNKNOWN_LINK, locateNetworkLayer } from "../decode/link.js";
import { decodeTcp, newTcpHeader } from "../decode/tcp.js";
import { decodeUdp, newUdpHeader } from "../decode/udp.js";
import type { CaptureRecord, RecordReader } from "../input/capture-record.js";
import { describeUnknownFormat, sniffCaptureFormat } from "../input/detect.js";
import { PcapRecordReader } from "../input/pcap.js";
import { PcapngRecordReader } from "../input/pcapng.js";
import { fileRef, frameRef } from "../model/origin.js";
import type { TraceEvent } from "../model/trace-event.js";
import { IpFragmentReassembler } from "../reassembly/ip-fragments.js";
import { CaptureEmitter } from "./capture-emit.js";
import { TcpConnection } from "./capture-tcp.js";

export interface CaptureEventsOptions {
  /** Name used in origins and diagnostics. */
  readonly file: string;
}

/** Tunnels nest at most this deep (IP-in-IP in GRE in GTP ...): hostile input cannot recurse forever. */
const MAX_DEPTH = 4;
/** Live TCP connections tracked at once; the least recently seen is finished first beyond that. */
const MAX_CONNECTIONS = 100_000;
/** A connection silent this long in capture time is finished and forgotten. */
const IDLE_TIMEOUT_US = 10 * 60 * 1_000_000;
/** UDP 5-tuples remembered as SIP flows (for STUN keepalives). */
const MAX_SIP_UDP_FLOWS = 100_000;

/** The capture path as a synchronous state machine: push chunks, take events. */
export class CaptureProcessor {
  private readonly emitter: CaptureEmitter;
  private reader: RecordReader | null = null;
  private head: Buffer | null = null;
  private failed = false;
  private readonly ip: IpHeader[] = Array.from({ length: MAX_DEPTH + 1 }, newIpHeader);
  private readonly udp = newUdpHeader();
  private readonly tcp = newTcpHeader();
  private readonly frags: IpFragmentReassembler;
  private readonly conns = new Map<string, TcpConnection>();
  private readonly unknownLinkReported = new Set<number>();
  private readonly sipUdpFlows = new Set<string>();
  private lastSipFlow = { src: "", dst: "", sp: -1, dp: -1 };
  private lastSweepUs = 0;
  private readonly onRecord = (r: CaptureRecord): void => {
    this.record(r);
  };

  constructor(
    readonly file: string,
    private readonly sink: DiagnosticSink,
  ) {
    this.emitter = new CaptureEmitter(file, sink);
    this.frags = new IpFragmentReassembler(file, sink);
  }

  /** Frames read so far. */
  get frames(): number {
    return this.reader?.frames ?? 0;
  }

  push(chunk: Buffer): void {
    if (this.failed || chunk.length === 0) return;
    if (this.reader === null) {
      const head = this.head === null ? chunk : Buffer.concat([this.head, chunk]);
      if (head.length < 4) {
        this.head = head;
        return;
      }
      this.head = null;
      const fmt = sniffCaptureFormat(head);
      if (fmt === null) {
        this.failed = true;
        this.sink.report(makeDiagnostic("input.unrecognized_format", fileRef(this.file), `not a pcap or pcapng capture (${describeUnknownFormat(head)}); first bytes ${head.subarray(0, 8).toString("hex")}`));
        return;
      }
      this.reader = fmt === "pcap" ? new PcapRecordReader(this.file, this.sink) : new PcapngRecordReader(this.file, this.sink);
      this.reader.push(head, this.onRecord);
      return;
    }
    this.reader.push(chunk, this.onRecord);
  }

  /** End of input: flushes readers, streams and fragment buffers. */
  end(): void {
    if (this.reader === null) {
      if (!this.failed) this.sink.report(makeDiagnostic("input.unrecognized_format", fileRef(this.file), `input of ${this.head?.length ?? 0} bytes is too short to be a capture`));
      return;
    }
    this.reader.end(this.onRecord);
    const last = this.reader.frames;
    this.emitter.frame = last;
    for (const c of this.conns.values()) c.finishAll(last);
    this.conns.clear();
    this.frags.flush(last);
  }

  /** Events produced since the last call. */
  take(): TraceEvent[] {
    const e = this.emitter.events;
    if (e.length === 0) return e;
    const out = e.slice();
    e.length = 0;
    return out;
  }

  private record(r: CaptureRecord): void {
    const em = this.emitter;
    em.frame = r.frame;
    em.timeUs = r.timeUs;
    const data = r.data;
    const off = locateNetworkLayer(r.linkType, data, data.length);
    if (off < 0) {
      if (off === UNKNOWN_LINK && !this.unknownLinkReported.has(r.iface)) {
        this.unknownLinkReported.add(r.iface);
        this.sink.report(makeDiagnostic("decode.unknown_link_type", frameRef(this.file, r.frame), `interface ${r.iface} uses link type ${r.linkType}, which sipta does not decode; its packets are skipped`));
      }
      return;
    }
    if (r.timeUs - this.lastSweepUs > 10_000_000 || r.timeUs < this.lastSweepUs) this.sweep(r.timeUs);
    this.ipPacket(data, off, data.length, null, 0);
  }

  private ipPacket(b: Buffer, off: number, end: number, fragFrames: readonly number[] | null, depth: number): void {
    const h = this.ip[depth];
    if (h === undefined) return;
    const err = decodeIp(b, off, end, h);
    if (err !== null) {
      this.sink.report(makeDiagnostic("decode.malformed_packet", frameRef(this.file, this.emitter.frame), `${err}; packet skipped`));
      return;
    }
    let payload = b;
    let pOff = h.payloadOff;
    let pEnd = h.payloadEnd;
    let frames = fragFrames;
    if (h.isFragment) {
      const whole = this.frags.add(h, b.subarray(h.payloadOff, h.payloadEnd), this.emitter.frame, this.emitter.timeUs);
      if (whole === null) return;
      payload = whole.data;
      pOff = 0;
      pEnd = whole.data.length;
      frames = fragFrames === null ? whole.frames : [...new Set([...fragFrames, ...whole.frames])].sort((x, y) => x - y);
    }
    switch (h.proto) {
      case 17:
        this.udpPacket(payload, pOff, pEnd, h, frames, depth);
        return;
      case 6:
        this.tcpPacket(payload, pOff, pEnd, h, h.missing);
        return;
      case 4:
      case 41:
        if (depth < MAX_DEPTH) this.ipPacket(payload, pOff, pEnd, frames, depth + 1);
        return;
      case 47: {
        const inner = unwrapGre(payload, pOff, pEnd);
        if (inner >= 0 && depth < MAX_DEPTH) this.ipPacket(payload, inner, pEnd, frames, depth + 1);
        return;
      }
      default:
        return;
    }
  }

  private udpPacket(b: Buffer, off: number, end: number, h: IpHeader, fragFrames: readonly number[] | null, depth: number): void {
    const u = this.udp;
    const err = decodeUdp(b, off, end, u);
    const em = this.emitter;
    if (err !== null) {
      this.sink.report(makeDiagnostic("decode.malformed_packet", frameRef(this.file, em.frame), `${err}; packet skipped`));
      return;
    }
    const po = u.payloadOff;
    const pe = u.payloadEnd;
    if (pe - po <= 0) return;
    const first = b[po] ?? 0;
    // Tunnels and encapsulations first, recognised by content.
    if (first >= 0x30 && first <= 0x37 && depth < MAX_DEPTH) {
      const inner = unwrapGtpU(b, po, pe);
      if (inner >= 0) {
        this.ipPacket(b, inner, pe, fragFrames, depth + 1);
        return;
      }
    }
    const frames = fragFrames ?? [em.frame];
    if (first === 0x48 && isHep3(b, po, pe)) {
      const r = decodeHep3(b, po, pe);
      if (r.kind === "hep") em.hep(r.packet, frames);
      else this.sink.report(makeDiagnostic("decode.hep_malformed", frameRef(this.file, em.frame), r.kind === "incomplete" ? "HEP3 packet longer than its UDP datagram; skipped" : `${r.reason}; skipped`));
      return;
    }
    if (first === 1 || first === 2) {
      const r = decodeHep2(b, po, pe);
      if (r !== null && r.kind === "hep") {
        const p = r.packet;
        const before = em.events.length;
        em.datagram(p.payload, 0, p.payload.length, frames, p.timeUs ?? em.timeUs, p.src, p.dst, p.ipProto === 6 ? "tcp" : "udp", "hep2", false);
        if (em.events.length > before) return;
      }
    }
    if ((first === 0 || first === 1) && this.stun(b, po, pe, h, u.srcPort, u.dstPort)) return;
    // Fast reject: a SIP datagram starts with a token character (or CR/LF for a keepalive).
    if (first < 0x21 && first !== 0x0d && first !== 0x0a) return;
    if (first > 0x7e) return;
    const src = { ip: h.src, port: u.srcPort };
    const dst = { ip: h.dst, port: u.dstPort };
    const before = em.events.length;
    const sp = u.srcPort;
    const dp = u.dstPort;
    // Keepalive datagrams count only on a 5-tuple that carried SIP: checked lazily, the key costs a string.
    if (!em.datagram(b, po, pe, frames, em.timeUs, src, dst, "udp", "plain", () => this.isSipUdpFlow(h, sp, dp))) return;
    if (em.events.length > before && em.events[em.events.length - 1]?.kind === "sip") this.rememberSipUdpFlow(h, sp, dp);
  }

  private udpFlowKey(h: IpHeader, sp: number, dp: number): string {
    const x = `${h.src}|${sp}`;
    const y = `${h.dst}|${dp}`;
    return x < y ? `${x}|${y}` : `${y}|${x}`;
  }

  private isSipUdpFlow(h: IpHeader, sp: number, dp: number): boolean {
    return this.sipUdpFlows.has(this.udpFlowKey(h, sp, dp));
  }

  private rememberSipUdpFlow(h: IpHeader, sp: number, dp: number): void {
    // The same flow as the previous SIP datagram (the common case) needs no key.
    if (this.lastSipFlow.src === h.src && this.lastSipFlow.dst === h.dst && this.lastSipFlow.sp === sp && this.lastSipFlow.dp === dp) return;
    this.lastSipFlow = { src: h.src, dst: h.dst, sp, dp };
    if (this.sipUdpFlows.size >= MAX_SIP_UDP_FLOWS) this.sipUdpFlows.clear();
    this.sipUdpFlows.add(this.udpFlowKey(h, sp, dp));
  }

  /** RFC 5626 §4.4.2 STUN keepalive on a 5-tuple that carried SIP. */
  private stun(b: Buffer, po: number, pe: number, h: IpHeader, sp: number, dp: number): boolean {
    const s = classifyStun(b, po, pe);
    if (s === null) return false;
    if (!this.isSipUdpFlow(h, sp, dp)) return true;
    const em = this.emitter;
    em.keepalive(s === "request" ? "stun-request" : "stun-response", [em.frame], em.frame, { ip: h.src, port: sp }, { ip: h.dst, port: dp }, "udp");
    return true;
  }

  // TCP over IP fragments: the completing fragment's frame stands for the segment.
  private tcpPacket(b: Buffer, off: number, end: number, h: IpHeader, missing: number): void {
    const t = this.tcp;
    const em = this.emitter;
    const err = decodeTcp(b, off, end, t);
    if (err !== null) {
      this.sink.report(makeDiagnostic("decode.malformed_packet", frameRef(this.file, em.frame), `${err}; packet skipped`));
      return;
    }
    const x = `${h.src}|${t.srcPort}`;
    const y = `${h.dst}|${t.dstPort}`;
    const key = x < y ? `${x}|${y}` : `${y}|${x}`;
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

  /** Every 10 s of capture time: connections idle longer than IDLE_TIMEOUT_US are finished and forgotten. */
  private sweep(nowUs: number): void {
    this.lastSweepUs = nowUs;
    for (const [key, c] of this.conns) {
      if (nowUs - c.lastSeenUs < IDLE_TIMEOUT_US) continue;
      c.finishAll(this.emitter.frame);
      this.conns.delete(key);
    }
  }
}

/** One array of events per input chunk: the cheapest way to consume the capture path. */
export async function* readCaptureEventBatches(chunks: AsyncIterable<Buffer>, opts: CaptureEventsOptions, sink: DiagnosticSink): AsyncGenerator<TraceEvent[], void, undefined> {
  const p = new CaptureProcessor(opts.file, sink);
  for await (const chunk of chunks) {
    p.push(chunk);
    const batch = p.take();
    if (batch.length > 0) yield batch;
  }
  p.end();
  const last = p.take();
  if (last.length > 0) yield last;
}

/** The TraceEvents of one capture file, in the order of the frames that complete them. */
export async function* readCaptureEvents(chunks: AsyncIterable<Buffer>, opts: CaptureEventsOptions, sink: DiagnosticSink): AsyncGenerator<TraceEvent, void, undefined> {
  for await (const batch of readCaptureEventBatches(chunks, opts, sink)) {
    for (const e of batch) yield e;
  }
}
