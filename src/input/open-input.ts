/**
 * Opens one input (a file path, or "-" for stdin) as a stream of byte chunks. gzip is recognised by its magic
 * (1f 8b, RFC 1952 §2.3.1), not by the file name, and inflated transparently, so `x.pcap.gz` and `zcat x | sipta -`
 * both work. Chunks are read lazily, ~1 MiB at a time: memory does not follow file size.
 */
import { open, type FileHandle } from "node:fs/promises";
import type { Readable } from "node:stream";
import { crc32, createGunzip, constants as zlibConstants } from "node:zlib";
import { InputFileError } from "../diagnostics/errors.js";
import { withOpenSlot } from "./open-limit.js";

export interface OpenInputOptions {
  /** Read size for files, bytes. */
  readonly chunkSize?: number;
  /**
   * Called when the input ends abnormally after it was opened (corrupt or truncated gzip, read error): the bytes
   * read so far are still delivered. openInput itself has no DiagnosticSink; the caller turns this into one.
   */
  readonly onDamage?: (message: string) => void;
  /** Stream to read for "-"; defaults to process.stdin (tests pass their own). */
  readonly stdin?: Readable;
}

const DEFAULT_CHUNK = 1 << 20;

/** True when `head` starts with the gzip magic bytes 1f 8b (RFC 1952 §2.3.1). */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The bytes of `path` ("-": stdin), inflated when gzip. Throws InputFileError (on first iteration) when the file
 * cannot be opened or is a directory; damage after that is reported through `opts.onDamage`, never thrown.
 */
export async function* openInput(path: string, opts: OpenInputOptions = {}): AsyncGenerator<Buffer, void, undefined> {
  const raw = path === "-" ? readStream(opts.stdin ?? process.stdin, opts) : readFile(path, opts);
  try {
    yield* inflateIfGzip(raw, opts);
  } finally {
    // A consumer that stops early (break) must still close the file.
    await raw.return(undefined);
  }
}

/**
 * A regular file is opened, read at the next position and closed again for every chunk, inside an open slot
 * (open-limit.ts): no descriptor is held between chunks, so hundreds of inputs merged by time hold at most a few
 * descriptors, and a consumer that never finishes cannot leak one ("Closing file descriptor … on garbage
 * collection"). A FIFO or device cannot be reopened at an offset: it keeps its one descriptor until the end.
 */
async function* readFile(path: string, opts: OpenInputOptions): AsyncGenerator<Buffer, void, undefined> {
  const size = opts.chunkSize ?? DEFAULT_CHUNK;
  const held: { handle: FileHandle | null } = { handle: null };
  let position = 0;
  try {
    for (;;) {
      // A fresh buffer per read: consumers may keep slices of earlier chunks (partial packets).
      const buf = Buffer.allocUnsafe(size);
      let n: number;
      try {
        const open = held.handle;
        n = open !== null ? (await open.read(buf, 0, size, null)).bytesRead : await withOpenSlot(() => readAt(path, buf, position, held));
      } catch (e) {
        if (e instanceof InputFileError) throw e;
        opts.onDamage?.(`read error after opening: ${errorText(e)}`);
        return;
      }
      if (n === 0) return;
      position += n;
      // A short read (a small file, the tail of a big one) is copied out: with many small inputs merged by time,
      // a kept view would pin a whole chunk-sized buffer per input.
      yield n === size ? buf : Buffer.from(buf.subarray(0, n));
    }
  } finally {
    await held.handle?.close();
  }
}

/** One open→read→close; on the first read, checks what the path is and keeps a non-regular file open in `held`. */
async function readAt(path: string, buf: Buffer, position: number, held: { handle: FileHandle | null }): Promise<number> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (e) {
    if (position === 0) throw new InputFileError(path, describeOpenError(e));
    throw e;
  }
  let keep = false;
  try {
    if (position === 0) {
      const st = await handle.stat();
      if (st.isDirectory()) throw new InputFileError(path, "is a directory, not a capture or log file");
      if (!st.isFile()) {
        keep = true;
        held.handle = handle;
        return (await handle.read(buf, 0, buf.length, null)).bytesRead;
      }
    }
    return (await handle.read(buf, 0, buf.length, position)).bytesRead;
  } finally {
    if (!keep) await handle.close();
  }
}

async function* readStream(stream: Readable, opts: OpenInputOptions): AsyncGenerator<Buffer, void, undefined> {
  try {
    for await (const chunk of stream) {
      yield typeof chunk === "string" ? Buffer.from(chunk, "latin1") : (chunk as Buffer);
    }
  } catch (e) {
    opts.onDamage?.(`read error on stdin: ${errorText(e)}`);
  }
}

async function* inflateIfGzip(
  raw: AsyncGenerator<Buffer, void, undefined>,
  opts: OpenInputOptions,
): AsyncGenerator<Buffer, void, undefined> {
  // Collect at least 2 bytes to look at the magic.
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 2) {
    const r = await raw.next();
    if (r.done === true) {
      if (head.length > 0) yield head;
      return;
    }
    head = head.length === 0 ? r.value : Buffer.concat([head, r.value]);
  }
  if (!isGzip(head)) {
    yield head;
    yield* raw;
    return;
  }
  // Z_SYNC_FLUSH: a truncated gzip still yields what was inflated before the cut.
  const gunzip = createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH });
  let damage: string | null = null;
  // The last 8 raw bytes: a whole gzip member ends with CRC-32 and ISIZE of its data (RFC 1952 §2.3.1). With a sync
  // flush zlib reports no error for a cut stream, so the trailer is checked here.
  let tail: Buffer = Buffer.from(head.subarray(-8));
  const feed = async (): Promise<void> => {
    try {
      if (!gunzip.write(head)) await waitDrain(gunzip);
      for await (const c of raw) {
        if (gunzip.destroyed) return;
        tail = Buffer.from(c.length >= 8 ? c.subarray(-8) : Buffer.concat([tail, c]).subarray(-8));
        if (!gunzip.write(c)) await waitDrain(gunzip);
      }
      gunzip.end();
    } catch (e) {
      damage = errorText(e);
      gunzip.end();
    }
  };
  const feeding = feed();
  let inflated = 0;
  let crc = 0;
  try {
    for await (const chunk of gunzip) {
      inflated += (chunk as Buffer).length;
      crc = crc32(chunk as Buffer, crc);
      yield chunk as Buffer;
    }
  } catch (e) {
    damage = `gzip data is corrupt: ${errorText(e)}`;
  } finally {
    if (!gunzip.destroyed) gunzip.destroy();
    await raw.return(undefined);
    await feeding;
  }
  // A gzip header with no deflate data after it (or cut inside the first block) is no error to zlib's sync flush.
  if (damage === null && inflated === 0) damage = "gzip stream inflates to nothing (a gzip header only, or cut short)";
  else if (damage === null && !trailerMatches(tail, crc, inflated)) damage = `gzip stream cut short or corrupt: its trailer does not match the ${inflated} bytes inflated`;
  if (damage !== null) opts.onDamage?.(damage);
}

/**
 * True when `tail` is the trailer of the data inflated (CRC-32, then ISIZE = size mod 2^32, little-endian).
 * A stream of several gzip members (concatenated .gz files) is checked against its last member only and may
 * therefore be reported as damaged although it is whole: rare in captures, and the data is still all read.
 */
function trailerMatches(tail: Buffer, crc: number, size: number): boolean {
  return tail.length === 8 && tail.readUInt32LE(0) === crc >>> 0 && tail.readUInt32LE(4) === size % 2 ** 32;
}

function waitDrain(s: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      s.removeListener("drain", done);
      s.removeListener("close", done);
      s.removeListener("error", done);
      resolve();
    };
    s.once("drain", done);
    s.once("close", done);
    s.once("error", done);
  });
}

function describeOpenError(e: unknown): string {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory, not a capture or log file";
    default:
      return `cannot open: ${errorText(e)}`;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
