/**
 * SCTP user messages rebuilt from DATA / I-DATA chunks (decode/sctp.ts). An unfragmented chunk (B and E set) is a
 * message by itself; fragments of a DATA message carry consecutive TSNs from the B fragment to the E fragment
 * (RFC 9260 §6.9), fragments of an I-DATA message share a Message Identifier and count up by FSN (RFC 8260 §2.1).
 * Retransmitted chunks (a TSN seen recently in the same direction) are dropped. Pending fragments are capped in
 * bytes and age (capture time); every drop is counted in a diagnostic, the first one named in full.
 */
import { FirstAndCount } from "../diagnostics/first-and-count.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import type { SctpDataChunk } from "../decode/sctp.js";
import { fileRef, frameRef } from "../model/origin.js";
import { AgeOrderedMap } from "../util/age-ordered-map.js";

export interface SctpLimits {
  /** Largest user message rebuilt from fragments (a SIP message over SCTP is a few KiB). */
  readonly maxMessageBytes: number;
  /** Bytes of fragments pending over all associations. */
  readonly maxPendingBytes: number;
  /** A fragment still incomplete after this much capture time is dropped, µs. */
  readonly timeoutUs: number;
  /** Directions whose recent TSNs are remembered for duplicate detection. */
  readonly maxDirections: number;
  /** Fragments one message may have (bounds the walk that checks a message is complete). */
  readonly maxFragments: number;
}

export const DEFAULT_SCTP_LIMITS: SctpLimits = {
  maxMessageBytes: 1024 * 1024,
  maxPendingBytes: 16 * 1024 * 1024,
  timeoutUs: 30_000_000,
  maxDirections: 10_000,
  maxFragments: 256,
};

/** TSNs remembered per direction to recognise retransmissions. */
const RECENT_TSNS = 64;

export interface SctpUserMessage {
  readonly data: Buffer;
  /** Frames of every fragment, ascending. */
  readonly frames: readonly number[];
  readonly stream: number;
  readonly ppid: number | null;
}

interface Piece {
  readonly data: Buffer;
  readonly frame: number;
  readonly timeUs: number;
  readonly chunk: SctpDataChunk;
}

interface Recent {
  readonly set: Set<number>;
  readonly ring: number[];
  at: number;
}

export class SctpMessageAssembler {
  private readonly pending = new AgeOrderedMap<string, Piece>();
  private pendingBytes = 0;
  private readonly recent = new Map<string, Recent>();
  private lastSweepUs = 0;
  private readonly dropped: FirstAndCount;
  private readonly tooBig: FirstAndCount;

  constructor(
    private readonly file: string,
    sink: DiagnosticSink,
    private readonly limits: SctpLimits = DEFAULT_SCTP_LIMITS,
  ) {
    this.dropped = new FirstAndCount(sink, "sctp.fragments_dropped");
    this.tooBig = new FirstAndCount(sink, "sctp.message_too_large");
  }

  get pendingFragments(): number {
    return this.pending.size;
  }

  /**
   * One chunk of a packet from direction `dir` (addresses, ports and verification tag); `packet` holds its
   * payload at chunk.payloadOff..payloadEnd. Returns the user message this chunk completes, or null.
   */
  add(dir: string, packet: Buffer, chunk: SctpDataChunk, frame: number, timeUs: number): SctpUserMessage | null {
    if (this.isRetransmission(dir, chunk.tsn)) return null;
    const payload = packet.subarray(chunk.payloadOff, chunk.payloadEnd);
    if (chunk.begin && chunk.end) return { data: Buffer.from(payload), frames: [frame], stream: chunk.stream, ppid: chunk.ppid };
    this.sweep(timeUs, frame);
    this.pending.set(this.keyOf(dir, chunk), { data: Buffer.from(payload), frame, timeUs, chunk });
    this.pendingBytes += payload.length;
    while (this.pendingBytes > this.limits.maxPendingBytes && this.pending.size > 0) this.dropOldest(frame, `pending SCTP fragments exceed ${this.limits.maxPendingBytes} bytes`);
    return this.tryComplete(dir, chunk, frame);
  }

  /** End of capture: incomplete messages are counted as dropped. */
  flush(lastFrame: number): void {
    for (const p of this.pending.values()) {
      this.dropped.report(frameRef(this.file, p.frame), () => `capture ended with an incomplete SCTP user message (stream ${p.chunk.stream}, TSN ${p.chunk.tsn}); its fragments were dropped`);
    }
    this.pending.clear();
    this.pendingBytes = 0;
    this.dropped.summarize(fileRef(this.file), (n) => `${n} SCTP fragments in all were dropped without completing a message (last frame ${lastFrame})`);
    this.tooBig.summarize(fileRef(this.file), (n) => `${n} SCTP user messages in all were larger than ${this.limits.maxMessageBytes} bytes and skipped`);
  }

  private keyOf(dir: string, c: SctpDataChunk): string {
    return c.idata ? `${dir}#i${c.stream}|${c.unordered ? 1 : 0}|${c.messageId}|${c.fsn}` : `${dir}#${c.tsn}`;
  }

  private isRetransmission(dir: string, tsn: number): boolean {
    let r = this.recent.get(dir);
    if (r === undefined) {
      if (this.recent.size >= this.limits.maxDirections) this.recent.clear();
      r = { set: new Set(), ring: [], at: 0 };
      this.recent.set(dir, r);
    }
    if (r.set.has(tsn)) return true;
    const old = r.ring[r.at];
    if (old !== undefined) r.set.delete(old);
    r.ring[r.at] = tsn;
    r.at = (r.at + 1) % RECENT_TSNS;
    r.set.add(tsn);
    return false;
  }

  /** The pieces of the message `c` belongs to, first to last, when all are present. */
  private collect(dir: string, c: SctpDataChunk): string[] | null {
    const keys: string[] = [];
    // Walk back to the B fragment, then forward to the E fragment, one TSN (or FSN) at a time.
    let first = c;
    for (let i = 0; !first.begin; i++) {
      if (i >= this.limits.maxFragments) return null;
      const prev: SctpDataChunk = c.idata ? { ...first, fsn: first.fsn - 1 } : { ...first, tsn: (first.tsn - 1) >>> 0 };
      const p = this.pending.get(this.keyOf(dir, prev));
      if (p?.chunk.stream !== c.stream) return null;
      first = p.chunk;
    }
    let at = first;
    for (let i = 0; ; i++) {
      if (i >= this.limits.maxFragments) return null;
      const k = this.keyOf(dir, at);
      const p = this.pending.get(k);
      if (p?.chunk.stream !== c.stream) return null;
      keys.push(k);
      if (p.chunk.end) return keys;
      at = this.next(p.chunk);
    }
  }

  /** A probe for the fragment after `c` (only the fields keyOf reads matter). */
  private next(c: SctpDataChunk): SctpDataChunk {
    return c.idata ? { ...c, fsn: c.fsn + 1, begin: false } : { ...c, tsn: (c.tsn + 1) >>> 0 };
  }

  private tryComplete(dir: string, c: SctpDataChunk, frame: number): SctpUserMessage | null {
    // In-order arrival (the common case) completes only on the E fragment: no walk for the others.
    if (!c.end && !this.pending.has(this.keyOf(dir, this.next(c)))) return null;
    const keys = this.collect(dir, c);
    if (keys === null) return null;
    const pieces: Piece[] = [];
    for (const k of keys) {
      const p = this.pending.get(k);
      if (p === undefined) return null;
      pieces.push(p);
      this.pending.delete(k);
      this.pendingBytes -= p.data.length;
    }
    const size = pieces.reduce((n, p) => n + p.data.length, 0);
    if (size > this.limits.maxMessageBytes) {
      this.tooBig.report(frameRef(this.file, frame), () => `SCTP user message of ${size} bytes on stream ${c.stream} is larger than ${this.limits.maxMessageBytes} bytes; skipped`);
      return null;
    }
    const first = pieces[0];
    return {
      data: Buffer.concat(pieces.map((p) => p.data)),
      frames: [...new Set(pieces.map((p) => p.frame))].sort((x, y) => x - y),
      stream: c.stream,
      ppid: first?.chunk.ppid ?? null,
    };
  }

  /** Every second of capture time: fragments older than the timeout go, oldest first (insertion order). */
  private sweep(nowUs: number, frame: number): void {
    if (nowUs - this.lastSweepUs < 1_000_000 && nowUs >= this.lastSweepUs) return;
    this.lastSweepUs = nowUs;
    for (let o = this.pending.oldest(); o !== undefined; o = this.pending.oldest()) {
      const [k, p] = o;
      if (nowUs - p.timeUs <= this.limits.timeoutUs) break;
      this.drop(k, p, frame, `SCTP fragment (stream ${p.chunk.stream}, TSN ${p.chunk.tsn}, frame ${p.frame}) still incomplete ${this.limits.timeoutUs / 1e6} s later`);
    }
  }

  private dropOldest(frame: number, why: string): void {
    const first = this.pending.oldest();
    if (first === undefined) return;
    const [k, p] = first;
    this.drop(k, p, frame, `${why}: dropped the oldest fragment (stream ${p.chunk.stream}, TSN ${p.chunk.tsn}, frame ${p.frame})`);
  }

  private drop(k: string, p: Piece, frame: number, why: string): void {
    this.pending.delete(k);
    this.pendingBytes -= p.data.length;
    this.dropped.report(frameRef(this.file, frame), () => why);
  }
}
