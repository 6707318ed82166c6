/**
 * Labels and times of recent messages, so an annotation can say "NOTIFY frame 57" about a message that was
 * already written out. Bounded: a ring of the last `capacity` message indices (trackers decide within minutes of
 * capture time, far inside the window), so streaming a huge capture keeps memory flat.
 *
 * A ring, not a Map trimmed from its oldest key: V8's Map leaves a hole per deleted entry at its front until the
 * next rehash, and `keys().next()` walks over them, which made every message past the capacity cost tens of
 * thousands of steps (analyze on a 1.5 M-message capture ran for more than 15 minutes).
 */
import type { MessageRecord } from "../model/document.js";

export class MessageDirectory {
  /** Message index held in each slot; -1 when empty. A lookup whose slot holds another index is a miss. */
  private readonly indexAt: Float64Array;
  private readonly frames: Float64Array;
  private readonly lines: Float64Array;
  private readonly times: Float64Array;
  private readonly files: string[];
  /** Method of a request, null for a response. */
  private readonly methods: (string | null)[];

  constructor(
    private readonly multiFile: boolean,
    private readonly capacity = 200_000,
  ) {
    this.indexAt = new Float64Array(capacity).fill(-1);
    this.frames = new Float64Array(capacity);
    this.lines = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
    this.files = new Array<string>(capacity).fill("");
    this.methods = new Array<string | null>(capacity).fill(null);
  }

  add(r: MessageRecord, timeUs: number | null): void {
    const slot = r.index % this.capacity;
    this.indexAt[slot] = r.index;
    this.frames[slot] = r.frame ?? Number.NaN;
    this.lines[slot] = r.line ?? Number.NaN;
    this.times[slot] = timeUs ?? Number.NaN;
    this.files[slot] = r.file;
    this.methods[slot] = r.method;
  }

  /**
   * `frame 57` or `line 120` (as Wireshark and the log number them), `a.pcap:frame 57` when several files are
   * analysed; the message's number, 1-based, only when the source gave neither.
   */
  label(index: number): string {
    const slot = this.slotOf(index);
    const frame = slot === null ? Number.NaN : (this.frames[slot] ?? Number.NaN);
    const line = slot === null ? Number.NaN : (this.lines[slot] ?? Number.NaN);
    const where = !Number.isNaN(frame) ? `frame ${frame}` : !Number.isNaN(line) ? `line ${line}` : null;
    if (slot === null || where === null) return `message #${index + 1}`;
    return this.multiFile ? `${this.files[slot] ?? ""}:${where}` : where;
  }

  timeUs(index: number): number | null {
    const slot = this.slotOf(index);
    const t = slot === null ? Number.NaN : (this.times[slot] ?? Number.NaN);
    return Number.isNaN(t) ? null : t;
  }

  /** The method of request `index`; null for a response or a message no longer (or never) held. */
  method(index: number): string | null {
    const slot = this.slotOf(index);
    return slot === null ? null : (this.methods[slot] ?? null);
  }

  private slotOf(index: number): number | null {
    if (!Number.isInteger(index) || index < 0) return null;
    const slot = index % this.capacity;
    return this.indexAt[slot] === index ? slot : null;
  }
}
