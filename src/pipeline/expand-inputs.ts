/** Expands the command line's inputs: files as given, directories walked recursively (sorted), "-" for stdin. */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputFileError } from "../diagnostics/errors.js";

const MAX_FILES = 100_000;

export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === "-") {
      out.push(p);
      continue;
    }
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputFileError(p, code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : `cannot be read (${code ?? "error"})`);
    }
    if (st.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (out.length >= MAX_FILES) return;
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}
