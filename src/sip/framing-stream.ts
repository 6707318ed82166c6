/**
 * Stateful SIP framing of one stream direction (TCP, or the byte stream inside WebSocket messages is framed per
 * message instead): keeps the leftover bytes between segments, remembers which frames contributed bytes, handles
 * gaps (the partial message is reported truncated, then resync at the next start line) and caps its buffer.
 * Hostile streams stay linear and quiet: a run of non-SIP bytes is one problem however many segments it spans (a
 * 2 GB Content-Length is one fact, not one per segment), a body still arriving is collected without re-framing
 * every segment, and a start line whose headers overflow the cap counts as SIP seen (later messages still come).
 */
import { MAX_BODY_BYTES, frameStream, findContentLength, findHeadersEnd } from "./framing.js";

export interface FramedMessage {
  readonly kind: "message";
  /** A copy: safe to keep. */
  readonly bytes: Buffer;
  /** Frames whose bytes are in the message plus the completing frame, ascending. */
  readonly frames: readonly number[];
  readonly completingFrame: number;
  readonly truncated: boolean;
  readonly contentLength: number | null;
}

export interface FramedKeepalive {
  readonly kind: "ping" | "pong";
  readonly frames: readonly number[];
  readonly completingFrame: number;
}

export type FramedItem = FramedMessage | FramedKeepalive;

export type FramerProblem =
  | { readonly kind: "junk"; readonly bytes: number; readonly sample: Buffer; readonly frame: number; readonly reason: "no-start-line" | "headers-too-long" }
  | { readonly kind: "cap"; readonly bytes: number; readonly frame: number }
  | { readonly kind: "cut"; readonly bytes: number; readonly frame: number; readonly why: "gap" | "end" }
  | { readonly kind: "missing-content-length"; readonly frame: number }
  /** A Content-Length that is not a number or exceeds MAX_BODY_BYTES: framed with no body (RFC 3261 §18.3 needs it). */
  | { readonly kind: "bad-content-length"; readonly frame: number; readonly sample: Buffer };

export interface StreamFramerOptions {
  /** Most bytes kept for one unfinished message (per stream). */
  readonly maxBuffered: number;
  /** Bytes without any start line after which a never-SIP stream is declared not SIP. */
  readonly giveUpAfter: number;
}

export const DEFAULT_STREAM_FRAMER_OPTIONS: StreamFramerOptions = { maxBuffered: 2 * 1024 * 1024, giveUpAfter: 64 * 1024 };

interface Contribution {
  readonly frame: number;
  /** Offset in `pending` just after this frame's bytes. */
  end: number;
}

export class SipStreamFramer {
  private pending: Buffer = Buffer.alloc(0);
  private contributions: Contribution[] = [];
  private synced = true;
  /** True once a SIP message or keepalive was framed on this stream. */
  sawSip = false;
  /** Bytes skipped while the stream had never shown SIP. */
  skippedBeforeSip = 0;
  /** The run of non-SIP bytes being skipped, reported once when it ends. */
  private junk: { bytes: number; sample: Buffer; frame: number; reason: "no-start-line" | "headers-too-long" } | null = null;
  /** Data held back while a message's body is known to be incomplete, and the pending length that completes it. */
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private waitFor = 0;

  constructor(private readonly options: StreamFramerOptions = DEFAULT_STREAM_FRAMER_OPTIONS) {}

  /** True when a never-SIP stream has been skipped long enough to stop looking. */
  get givenUp(): boolean {
    return !this.sawSip && this.skippedBeforeSip > this.options.giveUpAfter;
  }

  get bufferedBytes(): number {
    return this.pending.length + this.partsBytes;
  }

  /** Starts out of sync (capture began mid-connection): bytes up to the first start line are skipped. */
  startUnsynced(): void {
    this.synced = false;
  }

  /** `frame` carried `data`; `completing` (default `frame`) is the frame being processed, reported as completing. */
  push(data: Buffer, frame: number, out: FramedItem[], problems: FramerProblem[], completing = frame): void {
    if (data.length === 0) return;
    const total = this.pending.length + this.partsBytes + data.length;
    this.contributions.push({ frame, end: total });
    if (total < this.waitFor && total <= this.options.maxBuffered) {
      // The body is still arriving: keep a copy of the segment, frame nothing yet (linear in the body size).
      this.parts.push(Buffer.from(data));
      this.partsBytes += data.length;
      return;
    }
    this.pending = this.pending.length === 0 && this.parts.length === 0 ? data : Buffer.concat([this.pending, ...this.parts, data]);
    this.parts = [];
    this.partsBytes = 0;
    this.waitFor = 0;
    const r = frameStream(this.pending, this.synced);
    for (const it of r.items) {
      if (it.kind !== "junk") this.endJunk(problems);
      switch (it.kind) {
        case "message": {
          this.sawSip = true;
          const frames = this.framesIn(it.start, it.end, completing);
          out.push({ kind: "message", bytes: Buffer.from(this.pending.subarray(it.start, it.end)), frames, completingFrame: completing, truncated: false, contentLength: it.contentLength });
          if (it.contentLength === null) problems.push({ kind: "missing-content-length", frame });
          else if (it.contentLength < 0) problems.push({ kind: "bad-content-length", frame, sample: contentLengthSample(this.pending, it.start, it.end) });
          break;
        }
        case "ping":
        case "pong":
          this.sawSip = true;
          out.push({ kind: it.kind, frames: this.framesIn(it.start, it.end, completing), completingFrame: completing });
          break;
        case "junk":
          if (it.reason === "headers-too-long") {
            // A start line was there: this is SIP whose headers overflow the cap, not a stream to give up on. The
            // run it starts (the rest of the oversized message) is one fact, reported when the next start line comes.
            this.endJunk(problems);
            this.sawSip = true;
            this.junk = { bytes: it.end - it.start, sample: Buffer.from(this.pending.subarray(it.start, Math.min(it.end, it.start + 40))), frame, reason: it.reason };
          } else if (this.sawSip) {
            this.junk ??= { bytes: 0, sample: Buffer.from(this.pending.subarray(it.start, Math.min(it.end, it.start + 40))), frame, reason: it.reason };
            this.junk.bytes += it.end - it.start;
          } else this.skippedBeforeSip += it.end - it.start;
          break;
      }
    }
    this.synced = r.synced;
    this.consume(r.rest);
    if (this.pending.length > this.options.maxBuffered) {
      this.endJunk(problems);
      if (this.sawSip) problems.push({ kind: "cap", bytes: this.pending.length, frame });
      else this.skippedBeforeSip += this.pending.length;
      this.reset(false);
    } else if (r.synced && this.pending.length > 0) this.waitFor = bodyEndOf(this.pending);
  }

  /** The run of skipped bytes ended (a message, a keepalive, a gap, the end): one problem for all of it. */
  private endJunk(problems: FramerProblem[]): void {
    const j = this.junk;
    if (j === null) return;
    this.junk = null;
    problems.push({ kind: "junk", bytes: j.bytes, sample: j.sample, frame: j.frame, reason: j.reason });
  }

  /** Segments held back while a body arrived become part of `pending` again. */
  private materialize(): void {
    if (this.parts.length === 0) return;
    this.pending = Buffer.concat([this.pending, ...this.parts]);
    this.parts = [];
    this.partsBytes = 0;
    this.waitFor = 0;
  }

  /** Bytes were lost before the next data: a message in progress is reported truncated, then resync. */
  gap(frame: number, out: FramedItem[], problems: FramerProblem[]): void {
    this.materialize();
    this.endJunk(problems);
    this.cutPending(frame, out, problems, "gap");
    this.reset(false);
  }

  /** The stream ended (FIN, RST, end of capture). */
  end(frame: number, out: FramedItem[], problems: FramerProblem[]): void {
    this.materialize();
    this.endJunk(problems);
    this.cutPending(frame, out, problems, "end");
    this.reset(true);
  }

  private cutPending(frame: number, out: FramedItem[], problems: FramerProblem[], why: "gap" | "end"): void {
    if (this.pending.length === 0 || !this.synced) return;
    const p = this.pending;
    // Only whitespace left (a half keepalive): nothing to report.
    let only = true;
    for (let i = 0; i < p.length && only; i++) only = p[i] === 0x0d || p[i] === 0x0a;
    if (only) return;
    const headEnd = findHeadersEnd(p, 0, p.length);
    if (headEnd >= 0) {
      this.sawSip = true;
      const cl = findContentLength(p, 0, headEnd);
      out.push({ kind: "message", bytes: Buffer.from(p), frames: this.framesIn(0, p.length, frame), completingFrame: this.lastFrame(frame), truncated: true, contentLength: cl });
    }
    if (this.sawSip) problems.push({ kind: "cut", bytes: p.length, frame, why });
  }

  private lastFrame(fallback: number): number {
    return this.contributions[this.contributions.length - 1]?.frame ?? fallback;
  }

  private framesIn(start: number, end: number, completing: number): number[] {
    const frames: number[] = [];
    let prevEnd = 0;
    for (const c of this.contributions) {
      if (c.end > start && prevEnd < end && frames[frames.length - 1] !== c.frame) frames.push(c.frame);
      prevEnd = c.end;
      if (prevEnd >= end) break;
    }
    if (!frames.includes(completing)) frames.push(completing);
    return frames.length > 1 ? [...new Set(frames)].sort((a, b) => a - b) : frames;
  }

  private consume(rest: number): void {
    if (rest >= this.pending.length) {
      this.pending = Buffer.alloc(0);
      this.contributions = [];
      return;
    }
    // Copy the leftover (even when nothing was consumed): the pending view may point into a large capture chunk,
    // and a partial message must not pin a whole chunk in memory.
    this.pending = Buffer.from(this.pending.subarray(rest));
    if (rest === 0) return;
    const kept: Contribution[] = [];
    for (const c of this.contributions) {
      if (c.end > rest) kept.push({ frame: c.frame, end: c.end - rest });
    }
    this.contributions = kept;
  }

  private reset(synced: boolean): void {
    this.parts = [];
    this.partsBytes = 0;
    this.waitFor = 0;
    this.pending = Buffer.alloc(0);
    this.contributions = [];
    this.synced = synced;
  }
}

/**
 * Where the message at the start of `p` ends, when its headers are complete and its Content-Length usable; else 0
 * (frame again on the next segment). Lets push() collect a long body without re-framing every segment.
 */
function bodyEndOf(p: Buffer): number {
  const headEnd = findHeadersEnd(p, 0, p.length);
  if (headEnd < 0) return 0;
  const cl = findContentLength(p, 0, headEnd);
  return cl === null || cl < 0 || cl > MAX_BODY_BYTES ? 0 : headEnd + cl;
}

/** The Content-Length header line of the message in p[start, end), for a diagnostic. */
function contentLengthSample(p: Buffer, start: number, end: number): Buffer {
  const text = p.toString("latin1", start, Math.min(end, start + 64 * 1024));
  const m = /^(?:content-length|l)[ \t]*:[^\r\n]{0,40}/im.exec(text);
  return Buffer.from(m?.[0] ?? "Content-Length: ?", "latin1");
}
