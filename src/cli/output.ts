/**
 * Writing to stdout with back-pressure: large reports stream out without buffering the whole text, and a closed
 * pipe (`sipta ... | head`) ends the program quietly instead of crashing.
 */
import { once } from "node:events";

export class PipeClosedError extends Error {
  override readonly name = "PipeClosedError";
}

export class Output {
  private closed = false;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") this.closed = true;
      else throw e;
    });
  }

  async write(text: string): Promise<void> {
    if (this.closed) throw new PipeClosedError("output closed");
    if (!this.stream.write(text)) {
      await Promise.race([once(this.stream, "drain"), once(this.stream, "close")]);
    }
    if (this.isClosed()) throw new PipeClosedError("output closed");
  }

  /** Set asynchronously by the stream's error handler. */
  private isClosed(): boolean {
    return this.closed;
  }

  async writeAll(parts: Iterable<string>): Promise<void> {
    let buf = "";
    for (const p of parts) {
      buf += p;
      if (buf.length >= 65536) {
        await this.write(buf);
        buf = "";
      }
    }
    if (buf.length > 0) await this.write(buf);
  }
}
