/**
 * Text records parked in a temporary file and read back in key order. A document whose head (the summary) is known
 * only at the end, and whose sections are sorted, can then be written with memory that follows the work in flight,
 * not the size of the capture: per record only three numbers stay in memory (key, offset, length).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const WRITE_BUFFER = 1 << 20;
const READ_WINDOW = 1 << 20;

/** Growable column of doubles (offsets and keys exceed 2^32 on multi-gigabyte outputs). */
class DoubleColumn {
  private data = new Float64Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i] ?? 0;
  }
}

export class RecordSpool {
  private readonly dir: string;
  private readonly fd: number;
  private readonly keys = new DoubleColumn();
  private readonly offsets = new DoubleColumn();
  private readonly lengths = new DoubleColumn();
  private readonly buffer = Buffer.allocUnsafe(WRITE_BUFFER);
  private buffered = 0;
  private written = 0;
  private inKeyOrder = true;
  private closed = false;
  private readonly cleanup = (): void => {
    this.close();
  };

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), "sipta-spool-"));
    this.fd = openSync(join(this.dir, "records"), "w+");
    // A run stopped by an error or a closed pipe still removes its temporary file.
    process.once("exit", this.cleanup);
  }

  get size(): number {
    return this.keys.length;
  }

  add(key: number, text: string): void {
    const n = this.keys.length;
    if (n > 0 && key < this.keys.at(n - 1)) this.inKeyOrder = false;
    const start = this.written + this.buffered;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: when that fits, one encode straight into the buffer.
    if (this.buffered + text.length * 3 > WRITE_BUFFER) this.flush();
    let bytes: number;
    if (text.length * 3 <= WRITE_BUFFER) {
      bytes = this.buffer.write(text, this.buffered, "utf8");
      this.buffered += bytes;
    } else {
      const encoded = Buffer.from(text, "utf8");
      bytes = encoded.length;
      this.writeAll(encoded);
    }
    this.keys.push(key);
    this.offsets.push(start);
    this.lengths.push(bytes);
  }

  /** The records by ascending key; records with equal keys in the order they were added. */
  *sorted(): Generator<string> {
    this.flush();
    const n = this.keys.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (!this.inKeyOrder) order.sort((a, b) => this.keys.at(a) - this.keys.at(b) || a - b);
    // Records arrive nearly in key order, so reads go through a window that mostly moves forward.
    let window = Buffer.allocUnsafe(READ_WINDOW);
    let winStart = 0;
    let winEnd = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k] ?? 0;
      const off = this.offsets.at(i);
      const len = this.lengths.at(i);
      if (off < winStart || off + len > winEnd) {
        if (len > window.length) window = Buffer.allocUnsafe(len);
        const got = readSync(this.fd, window, 0, window.length, off);
        winStart = off;
        winEnd = off + got;
      }
      yield window.toString("utf8", off - winStart, off - winStart + len);
    }
  }

  /** Removes the file; safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    process.removeListener("exit", this.cleanup);
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.buffered === 0) return;
    this.writeAll(this.buffer.subarray(0, this.buffered));
    this.buffered = 0;
  }

  private writeAll(bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.written + done);
    this.written += bytes.length;
  }
}
