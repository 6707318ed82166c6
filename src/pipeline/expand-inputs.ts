/**
 * Expands the command line's inputs: files as given, directories walked recursively (sorted), "-" for stdin.
 * In a walked directory: symbolic links are followed (a link cycle is walked once), hidden entries are skipped,
 * and an entry that cannot be read as a file (a broken link, a socket, a FIFO or device, which would block or
 * mean nothing, a subfolder that cannot be listed) is reported through `onSkip` and the walk goes on.
 * A path given by name that does not exist, and a run whose folders hold no file at all, throw InputFileError.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import { join } from "node:path";
import { InputFileError } from "../diagnostics/errors.js";

const MAX_FILES = 100_000;

export interface ExpandOptions {
  /** An entry of a walked folder that is not read, and why. */
  readonly onSkip?: (path: string, reason: string) => void;
}

function errorReason(e: unknown): string {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many levels of symbolic links";
  return `cannot be read (${code === "" ? "error" : code})`;
}

export async function expandInputs(paths: readonly string[], options: ExpandOptions = {}): Promise<string[]> {
  const out: string[] = [];
  const emptyFolders: string[] = [];
  let named = 0;
  for (const p of paths) {
    if (p === "-") {
      out.push(p);
      named++;
      continue;
    }
    let st: Stats;
    try {
      st = await stat(p);
    } catch (e) {
      throw new InputFileError(p, errorReason(e));
    }
    if (st.isDirectory()) {
      const before = out.length;
      await walk(p, out, new Set([await realpath(p)]), options);
      if (out.length === before) emptyFolders.push(p);
    } else {
      // A FIFO or device named on the command line is read as a stream (`sipta calls <(tcpdump -w - …)`).
      out.push(p);
      named++;
    }
  }
  if (out.length === 0 && named === 0 && emptyFolders.length > 0) {
    throw new InputFileError(emptyFolders.join(", "), "no capture or log files found in this folder (expected pcap, pcapng, .gz or SIP text logs)");
  }
  for (const f of out.length > 0 ? emptyFolders : []) options.onSkip?.(f, "no capture or log files found in this folder");
  return out;
}

async function walk(dir: string, out: string[], seen: Set<string>, options: ExpandOptions): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort((a, b) => a.localeCompare(b));
  } catch (e) {
    options.onSkip?.(dir, `folder cannot be listed: ${errorReason(e)}`);
    return;
  }
  for (const name of names) {
    if (out.length >= MAX_FILES) return;
    if (name.startsWith(".")) continue;
    const p = join(dir, name);
    let st: Stats;
    try {
      // stat, not lstat: a symbolic link is followed to what it names.
      st = await stat(p);
    } catch (e) {
      const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
      options.onSkip?.(p, code === "ENOENT" ? "broken symbolic link (its target does not exist)" : errorReason(e));
      continue;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = await realpath(p);
      } catch (e) {
        options.onSkip?.(p, errorReason(e));
        continue;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      await walk(p, out, seen, options);
    } else if (st.isFile()) out.push(p);
    else options.onSkip?.(p, "not a regular file (socket, FIFO or device); name it on the command line to read it as a stream");
  }
}
