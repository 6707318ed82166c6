/**
 * The one writer of command output (stdout). Contract:
 * - writes honour back-pressure: a large report streams out, and a slow reader slows sipta down, never its memory;
 * - a reader that goes away (`sipta … | head`: EPIPE) ends the command quietly: the next write throws
 *   PipeClosedError, which cli/main.ts maps to exit 0, as grep and tshark end;
 * - each stream gets ONE set of listeners for its whole life (not one per write or per Output), so a slow reader
 *   never triggers MaxListenersExceededWarning;
 * - any other write error (ENOSPC on `> file`) is kept and thrown at the next write as OutputError.
 */

export class PipeClosedError extends Error {
  override readonly name = "PipeClosedError";
}

/** Writing the output failed for a reason other than the reader leaving (disk full, I/O error). */
export class OutputError extends Error {
  override readonly name = "OutputError";
}

interface StreamState {
  closed: boolean;
  failure: Error | null;
  /** Resolvers of writes waiting for "drain"; all woken by drain, close or error. */
  readonly waiters: (() => void)[];
}

const states = new WeakMap<NodeJS.WritableStream, StreamState>();

/** Error codes that mean "nobody reads any more": a closed pipe or socket, or a destroyed stream. */
const READER_GONE = new Set(["EPIPE", "ECONNRESET", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END"]);

function errorCode(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
}

/** The state of `stream`, installing its listeners on first use. */
export function watchStream(stream: NodeJS.WritableStream): StreamState {
  const known = states.get(stream);
  if (known !== undefined) return known;
  const state: StreamState = { closed: false, failure: null, waiters: [] };
  const wake = (): void => {
    for (const w of state.waiters.splice(0)) w();
  };
  stream.on("drain", wake);
  stream.on("close", () => {
    state.closed = true;
    wake();
  });
  stream.on("error", (e: unknown) => {
    if (READER_GONE.has(errorCode(e))) state.closed = true;
    else state.failure = new OutputError(`cannot write the output: ${e instanceof Error ? e.message : String(e)}`);
    wake();
  });
  states.set(stream, state);
  return state;
}

/**
 * Installs the guards on the process's own stdout and stderr before anything is written: a closed stdout is a
 * quiet end (also for code that writes to process.stdout directly), a closed stderr is ignored.
 */
export function guardStandardStreams(): void {
  watchStream(process.stdout);
  process.stderr.on("error", () => {
    // Diagnostics have nowhere to go when stderr is closed (`2>&-`, `|& head`); the data on stdout still matters.
  });
}

/** True once the reader of stdout went away: long computations may stop early. */
export function stdoutClosed(): boolean {
  return watchStream(process.stdout).closed;
}

export class Output {
  private readonly state: StreamState;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {
    this.state = watchStream(stream);
  }

  private check(): void {
    if (this.state.failure !== null) throw this.state.failure;
    if (this.state.closed) throw new PipeClosedError("output closed");
  }

  async write(text: string): Promise<void> {
    this.check();
    if (text.length === 0) return;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => {
        this.state.waiters.push(resolve);
      });
    }
    // A pipe closed during this write reports EPIPE on a later tick: give it that tick before the next write.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.check();
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
