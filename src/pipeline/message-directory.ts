/**
 * Labels and times of recent messages, so an annotation can say "NOTIFY frame 57" about a message that was
 * already written out. Bounded: the oldest entries are dropped first (trackers decide within minutes of capture
 * time, far inside the window), so streaming a huge capture keeps memory flat.
 */
import type { MessageRecord } from "../model/document.js";

interface Entry {
  readonly file: string;
  readonly frame: number | null;
  readonly line: number | null;
  readonly timeUs: number | null;
  readonly what: string;
}

export class MessageDirectory {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly multiFile: boolean,
    private readonly capacity = 200_000,
  ) {}

  add(r: MessageRecord, timeUs: number | null): void {
    this.entries.set(r.index, { file: r.file, frame: r.frame, line: r.line, timeUs, what: r.method ?? (r.status === null ? "?" : String(r.status)) });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  /**
   * `frame 57` or `line 120` (as Wireshark and the log number them), `a.pcap:frame 57` when several files are
   * analysed; the message's number, 1-based, only when the source gave neither.
   */
  label(index: number): string {
    const e = this.entries.get(index);
    const where = e === undefined ? null : e.frame !== null ? `frame ${e.frame}` : e.line !== null ? `line ${e.line}` : null;
    if (e === undefined || where === null) return `message #${index + 1}`;
    return this.multiFile ? `${e.file}:${where}` : where;
  }

  timeUs(index: number): number | null {
    return this.entries.get(index)?.timeUs ?? null;
  }

  method(index: number): string | null {
    const e = this.entries.get(index);
    return e === undefined || /^\d/.test(e.what) ? null : e.what;
  }
}
