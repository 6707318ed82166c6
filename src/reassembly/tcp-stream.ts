/**
 * One direction of a TCP connection turned back into its byte stream (RFC 9293 §3.4 sequence space): segments
 * ordered by sequence number with 32-bit wraparound, retransmissions and duplicates dropped, partial overlaps
 * trimmed, out-of-order data buffered up to a cap, and holes that never fill reported as gaps (after a timeout in
 * capture time, when the buffer cap is hit, or when the stream ends) so the consumer can resynchronise.
 */

export interface TcpStreamLimits {
  /** Out-of-order bytes buffered per direction before the hole is declared a gap. */
  readonly maxBufferedBytes: number;
  /** Capture time a hole may stay open while later data waits, µs. */
  readonly gapTimeoutUs: number;
  /** A segment this far ahead of the expected sequence number starts over (port reuse, bogus seq). */
  readonly maxJump: number;
}

export const DEFAULT_TCP_LIMITS: TcpStreamLimits = {
  maxBufferedBytes: 1024 * 1024,
  gapTimeoutUs: 3_000_000,
  maxJump: 64 * 1024 * 1024,
};

/** How a gap was decided: a hole timed out, the out-of-order buffer filled, the stream ended, the snapshot length cut the frame, or the sequence number jumped. */
export type TcpGapReason = "timeout" | "buffer-cap" | "stream-end" | "snaplen" | "jump";

/** Receives the in-order stream. `data` may be a view into the capture chunk: copy what you keep. */
export interface TcpStreamConsumer {
  /** `frame` carried the bytes; `completing` is the frame being processed (they differ for buffered data). */
  data(data: Buffer, frame: number, completing: number): void;
  /** `missing` bytes were never captured before the next data; `why` says how the gap was decided. */
  gap(missing: number, frame: number, why: TcpGapReason): void;
}

interface Held {
  readonly seq: number;
  readonly data: Buffer;
  readonly frame: number;
  readonly timeUs: number;
}

/** Signed difference a - b in 32-bit sequence space. */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

export class TcpDirection {
  private nextSeq: number | null = null;
  private held: Held[] = [];
  private heldBytes = 0;
  /** Retransmitted or duplicate segments dropped. */
  duplicates = 0;

  constructor(
    private readonly consumer: TcpStreamConsumer,
    private readonly limits: TcpStreamLimits = DEFAULT_TCP_LIMITS,
  ) {}

  get bufferedBytes(): number {
    return this.heldBytes;
  }

  /** A SYN fixes the initial sequence number: data starts at seq + 1. */
  syn(seq: number): void {
    this.nextSeq ??= (seq + 1) >>> 0;
  }

  /**
   * One segment's payload. `missing` is how many bytes of it the capture did not store (snaplen): they are
   * reported as a gap right after the stored bytes.
   */
  segment(seq: number, payload: Buffer, missing: number, frame: number, timeUs: number): void {
    if (payload.length === 0 && missing === 0) return;
    this.nextSeq ??= seq; // capture started mid-connection
    const d = seqDiff(seq, this.nextSeq);
    if (d > this.limits.maxJump || d < -this.limits.maxJump) {
      this.flushHeld(frame, "jump");
      this.consumer.gap(0, frame, "jump");
      this.nextSeq = seq;
      this.deliver(seq, payload, missing, frame);
      return;
    }
    if (d > 0) {
      this.hold(seq, payload, frame, timeUs);
      if (this.heldBytes > this.limits.maxBufferedBytes) this.releaseFirstHole(frame, "buffer-cap");
      return;
    }
    this.deliver(seq, payload, missing, frame);
    this.drain(frame);
  }

  /** Called on every packet of the connection: declares a hole a gap once it has been open too long. */
  tick(nowUs: number, frame: number): void {
    const first = this.held[0];
    if (first !== undefined && nowUs - first.timeUs > this.limits.gapTimeoutUs) this.releaseFirstHole(frame, "timeout");
  }

  /** FIN, RST or end of capture: whatever is held is delivered, holes reported as gaps. */
  finish(frame: number): void {
    this.flushHeld(frame, "stream-end");
  }

  private deliver(seq: number, payload: Buffer, missing: number, frame: number, completing = frame): void {
    const next = this.nextSeq ?? seq;
    const d = seqDiff(seq, next);
    let data = payload;
    if (d < 0) {
      if (-d >= payload.length + missing) {
        this.duplicates++;
        return;
      }
      data = -d >= payload.length ? payload.subarray(payload.length) : payload.subarray(-d);
    }
    const skippedMissing = d < 0 && -d > payload.length ? -d - payload.length : 0;
    if (data.length > 0) this.consumer.data(data, frame, completing);
    this.nextSeq = (next + data.length) >>> 0;
    const stillMissing = missing - skippedMissing;
    if (stillMissing > 0) {
      this.consumer.gap(stillMissing, frame, "snaplen");
      this.nextSeq = (this.nextSeq + stillMissing) >>> 0;
    }
  }

  private hold(seq: number, payload: Buffer, frame: number, timeUs: number): void {
    // Sorted insert; an identical (seq, length) segment already held is a duplicate.
    let i = this.held.length;
    for (let before = this.held[i - 1]; before !== undefined && seqDiff(before.seq, seq) > 0; before = this.held[i - 1]) i--;
    const prev = this.held[i - 1];
    if (prev?.seq === seq && prev.data.length >= payload.length) {
      this.duplicates++;
      return;
    }
    this.held.splice(i, 0, { seq, data: Buffer.from(payload), frame, timeUs });
    this.heldBytes += payload.length;
  }

  private drain(frame: number): void {
    for (let h = this.held[0]; h !== undefined; h = this.held[0]) {
      const next = this.nextSeq ?? h.seq;
      if (seqDiff(h.seq, next) > 0) return;
      this.held.shift();
      this.heldBytes -= h.data.length;
      // The completing frame is the one that filled the hole (as Wireshark reports reassembly).
      this.deliver(h.seq, h.data, 0, h.frame, Math.max(frame, h.frame));
    }
  }

  private releaseFirstHole(frame: number, why: "timeout" | "buffer-cap" | "stream-end"): void {
    const first = this.held[0];
    if (first === undefined || this.nextSeq === null) return;
    const missing = seqDiff(first.seq, this.nextSeq);
    this.consumer.gap(Math.max(0, missing), frame, why);
    this.nextSeq = first.seq;
    this.drain(frame);
  }

  private flushHeld(frame: number, why: "stream-end" | "jump"): void {
    while (this.held.length > 0) this.releaseFirstHole(frame, why === "jump" ? "stream-end" : why);
  }
}
