/**
 * A progress line on stderr for inputs that take more than about a second, only when stderr is a terminal (so
 * pipes and CI logs stay clean). Progress is display only: it reads the wall clock, the analysis never does.
 */
import { stat } from "node:fs/promises";

const DELAY_MS = 1000;
const EVERY_MS = 200;

function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e3).toFixed(0)} kB`;
}

/** Bytes the inputs hold on disk, or null when unknown (stdin, a directory). */
export async function inputSize(files: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const f of files) {
    if (f === "-") return null;
    const st = await stat(f).catch(() => null);
    if (st?.isFile() !== true) return null;
    total += st.size;
  }
  return total;
}

export class Progress {
  private bytes = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  private constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number | null,
  ) {}

  /** A progress reporter for these inputs, or null when stderr is not a terminal. */
  static async start(files: readonly string[], stream: NodeJS.WriteStream = process.stderr): Promise<Progress | null> {
    if ((stream.isTTY as boolean | undefined) !== true) return null;
    return new Progress(stream, await inputSize(files));
  }

  /** Counts bytes read; draws at most every 200 ms once a second has passed. */
  readonly add = (n: number): void => {
    this.bytes += n;
    const now = Date.now();
    if (now - this.started < DELAY_MS || now - this.lastDraw < EVERY_MS) return;
    this.lastDraw = now;
    const rate = this.bytes / Math.max(0.001, (now - this.started) / 1000);
    // gzip inflates past the file size: then only bytes and rate are shown.
    const pct = this.total !== null && this.total > 0 && this.bytes <= this.total ? ` ${Math.floor((100 * this.bytes) / this.total)}%` : "";
    this.stream.write(`\r\u001b[2Ksipta: read ${formatBytes(this.bytes)}${this.total !== null ? ` of ${formatBytes(this.total)}` : ""}${pct} (${formatBytes(rate)}/s)`);
    this.drawn = true;
  };

  /** Clears the line before results or errors are printed. */
  done(): void {
    if (this.drawn) this.stream.write("\r\u001b[2K");
    this.drawn = false;
  }
}
