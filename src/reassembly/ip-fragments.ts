/**
 * IPv4 (RFC 791 §3.2) and IPv6 (RFC 8200 §4.5) fragment reassembly: fragments in any order, overlaps resolved
 * first-copy-wins (Linux behaviour; RFC 5722 forbids overlaps in IPv6, so they are reported), a timeout measured in
 * capture time, and memory caps. Every drop is counted in a diagnostic: the first timeout and the first cap drop
 * are named in full, the totals reported once at the end, so 200,000 fragments that never complete give a handful
 * of diagnostics, not one per datagram.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { FirstAndCount } from "../diagnostics/first-and-count.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { fileRef, frameRef } from "../model/origin.js";
import { AgeOrderedMap } from "../util/age-ordered-map.js";

export interface FragmentLimits {
  /** Capture-time timeout for a datagram's fragments, µs (Linux ipfrag_time: 30 s; RFC 8200 §4.5 says 60 s). */
  readonly timeoutUs: number;
  /** Bytes of pending fragments over all datagrams. */
  readonly maxPendingBytes: number;
  /** Datagrams being reassembled at once. */
  readonly maxDatagrams: number;
  /** Fragments per datagram (a datagram of 64 KiB in 8-byte pieces would be 8192: hostile). */
  readonly maxFragments: number;
}

export const DEFAULT_FRAGMENT_LIMITS: FragmentLimits = {
  timeoutUs: 30_000_000,
  maxPendingBytes: 32 * 1024 * 1024,
  maxDatagrams: 8192,
  maxFragments: 512,
};

/** Largest reassembled IP payload: IPv4 total length is 16 bits; IPv6 without jumbograms likewise. */
const MAX_DATAGRAM = 65_535;

interface Piece {
  readonly off: number;
  readonly data: Buffer;
}

interface Pending {
  readonly firstTimeUs: number;
  readonly pieces: Piece[];
  readonly frames: number[];
  totalLen: number;
  bytes: number;
  overlapReported: boolean;
}

export interface FragmentInput {
  readonly version: 4 | 6;
  readonly src: string;
  readonly dst: string;
  readonly proto: number;
  readonly fragId: number;
  readonly fragOffset: number;
  readonly moreFragments: boolean;
}

export interface ReassembledDatagram {
  /** The IP payload (upper-layer header and data) of the whole datagram. */
  readonly data: Buffer;
  /** Frames of every fragment, ascending (the completing frame included). */
  readonly frames: readonly number[];
}

export class IpFragmentReassembler {
  private readonly pending = new AgeOrderedMap<string, Pending>();
  private pendingBytes = 0;
  private lastSweepUs = 0;
  private readonly timeouts: FirstAndCount;
  private readonly capDrops: FirstAndCount;

  constructor(
    private readonly file: string,
    private readonly sink: DiagnosticSink,
    private readonly limits: FragmentLimits = DEFAULT_FRAGMENT_LIMITS,
  ) {
    this.timeouts = new FirstAndCount(sink, "ip.fragment_timeout");
    this.capDrops = new FirstAndCount(sink, "ip.fragment_cap");
  }

  get pendingDatagrams(): number {
    return this.pending.size;
  }

  /**
   * Adds one fragment (`payload` is its data after the IP header and extension headers; it is copied).
   * Returns the datagram when this fragment completes it, else null.
   */
  add(f: FragmentInput, payload: Buffer, frame: number, timeUs: number): ReassembledDatagram | null {
    this.sweep(timeUs, frame);
    const key = `${f.version}|${f.src}|${f.dst}|${f.version === 4 ? f.proto : 0}|${f.fragId}`;
    const end = f.fragOffset + payload.length;
    if (end > MAX_DATAGRAM || (f.moreFragments && payload.length % 8 !== 0)) {
      this.sink.report(makeDiagnostic("ip.fragment_malformed", frameRef(this.file, frame), `IPv${f.version} fragment ${f.src}→${f.dst} id ${f.fragId} at offset ${f.fragOffset} with ${payload.length} bytes ${end > MAX_DATAGRAM ? `ends past ${MAX_DATAGRAM}` : "is not a multiple of 8 bytes but more fragments follow"}; dropped`));
      return null;
    }
    let p = this.pending.get(key);
    if (p === undefined) {
      if (this.pending.size >= this.limits.maxDatagrams) this.dropOldest(frame, "too many datagrams in reassembly");
      p = { firstTimeUs: timeUs, pieces: [], frames: [], totalLen: -1, bytes: 0, overlapReported: false };
      this.pending.set(key, p);
    }
    if (!f.moreFragments) {
      if (p.totalLen >= 0 && p.totalLen !== end) {
        this.report("ip.fragment_malformed", frame, `IPv${f.version} datagram ${f.src}→${f.dst} id ${f.fragId} has two last fragments (ending at ${p.totalLen} and ${end}); dropped`);
        this.drop(key, p);
        return null;
      }
      p.totalLen = end;
    }
    if (p.totalLen >= 0 && end > p.totalLen) {
      this.report("ip.fragment_malformed", frame, `IPv${f.version} fragment ${f.src}→${f.dst} id ${f.fragId} ends at ${end}, past the last fragment's end ${p.totalLen}; dropped`);
      return null;
    }
    if (p.pieces.length >= this.limits.maxFragments) {
      this.report("ip.fragment_cap", frame, `IPv${f.version} datagram ${f.src}→${f.dst} id ${f.fragId} has more than ${this.limits.maxFragments} fragments; dropped`);
      this.drop(key, p);
      return null;
    }
    if (!p.overlapReported && this.overlapsWithDifferentBytes(p, f.fragOffset, payload)) {
      p.overlapReported = true;
      this.report("ip.fragment_overlap", frame, `IPv${f.version} fragment ${f.src}→${f.dst} id ${f.fragId} at offset ${f.fragOffset} overlaps an earlier fragment with different bytes; the earlier bytes are kept`);
    }
    p.pieces.push({ off: f.fragOffset, data: Buffer.from(payload) });
    p.frames.push(frame);
    p.bytes += payload.length;
    this.pendingBytes += payload.length;
    while (this.pendingBytes > this.limits.maxPendingBytes && this.pending.size > 1) this.dropOldest(frame, `pending fragments exceed ${this.limits.maxPendingBytes} bytes`);
    const whole = this.tryComplete(p);
    if (whole === null) return null;
    this.drop(key, p);
    return { data: whole, frames: [...new Set(p.frames)].sort((a, b) => a - b) };
  }

  /** End of capture: every incomplete datagram is reported. */
  flush(lastFrame: number): void {
    for (const [key, p] of this.pending.entries()) {
      this.timeouts.report(frameRef(this.file, p.frames[p.frames.length - 1] ?? lastFrame), () => `capture ended with an incomplete IP datagram (${describe(key)}, ${p.pieces.length} fragment(s), ${p.bytes} bytes${p.totalLen < 0 ? ", last fragment missing" : ""}); dropped`);
    }
    this.pending.clear();
    this.pendingBytes = 0;
    this.timeouts.summarize(fileRef(this.file), (n) => `${n} IP datagrams in all never completed (timeout of ${(this.limits.timeoutUs / 1e6).toFixed(0)} s capture time, or the end of the capture); their fragments were dropped`);
    this.capDrops.summarize(fileRef(this.file), (n) => `${n} incomplete IP datagrams in all were dropped to stay within ${this.limits.maxDatagrams} datagrams / ${this.limits.maxPendingBytes} bytes of pending fragments`);
  }

  private tryComplete(p: Pending): Buffer | null {
    if (p.totalLen < 0) return null;
    const sorted = [...p.pieces].sort((a, b) => a.off - b.off);
    let covered = 0;
    for (const s of sorted) {
      if (s.off > covered) return null;
      covered = Math.max(covered, s.off + s.data.length);
    }
    if (covered < p.totalLen) return null;
    const out = Buffer.alloc(p.totalLen);
    // Later copies first, so the first copy of every byte wins.
    for (let i = p.pieces.length - 1; i >= 0; i--) {
      const s = p.pieces[i];
      if (s !== undefined) s.data.copy(out, s.off);
    }
    return out;
  }

  private overlapsWithDifferentBytes(p: Pending, off: number, data: Buffer): boolean {
    const end = off + data.length;
    for (const s of p.pieces) {
      const lo = Math.max(off, s.off);
      const hi = Math.min(end, s.off + s.data.length);
      if (lo < hi && !data.subarray(lo - off, hi - off).equals(s.data.subarray(lo - s.off, hi - s.off))) return true;
    }
    return false;
  }

  private sweep(nowUs: number, frame: number): void {
    if (nowUs - this.lastSweepUs < 1_000_000 && nowUs >= this.lastSweepUs) return;
    this.lastSweepUs = nowUs;
    // Oldest first: the first datagram still within the timeout ends the sweep (amortised O(1) per fragment).
    for (let o = this.pending.oldest(); o !== undefined; o = this.pending.oldest()) {
      const [key, p] = o;
      if (nowUs - p.firstTimeUs <= this.limits.timeoutUs) break;
      this.timeouts.report(frameRef(this.file, frame), () => `IP datagram ${describe(key)} still incomplete ${(this.limits.timeoutUs / 1e6).toFixed(0)} s (capture time) after its first fragment (frames ${p.frames.join(", ")}); dropped`);
      this.drop(key, p);
    }
  }

  private dropOldest(frame: number, why: string): void {
    const first = this.pending.oldest();
    if (first === undefined) return;
    const [key, p] = first;
    this.capDrops.report(frameRef(this.file, frame), () => `${why}: dropped the oldest incomplete datagram ${describe(key)} (frames ${p.frames.join(", ")})`);
    this.drop(key, p);
  }

  private drop(key: string, p: Pending): void {
    if (this.pending.delete(key)) this.pendingBytes -= p.bytes;
  }

  private report(code: "ip.fragment_cap" | "ip.fragment_malformed" | "ip.fragment_overlap", frame: number, message: string): void {
    this.sink.report(makeDiagnostic(code, frameRef(this.file, frame), message));
  }
}

function describe(key: string): string {
  const [v, src, dst, , id] = key.split("|");
  return `IPv${v} ${src}→${dst} id ${id}`;
}
