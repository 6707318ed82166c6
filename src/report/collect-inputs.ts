/**
 * `sipta report PATH...` inputs: files as given, a directory's files (sorted by name), its subdirectories too
 * with --recursive. Names never decide anything (formats are detected by content); duplicates are dropped.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export interface CollectedInputs {
  readonly files: readonly string[];
  /** Paths that could not be listed or read at all, with why. */
  readonly unreadable: readonly { readonly path: string; readonly why: string }[];
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : `cannot be read (${code ?? String(e)})`;
}

export async function collectInputs(paths: readonly string[], recursive: boolean): Promise<CollectedInputs> {
  const files: string[] = [];
  const unreadable: { path: string; why: string }[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    if (seen.has(p)) return;
    seen.add(p);
    files.push(p);
  };
  const visit = async (p: string, top: boolean): Promise<void> => {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      unreadable.push({ path: p, why: why(e) });
      return;
    }
    if (!st.isDirectory()) {
      if (st.isFile() || top) add(p);
      return;
    }
    if (!top && !recursive) return;
    let names: string[];
    try {
      names = await readdir(p);
    } catch (e) {
      unreadable.push({ path: p, why: why(e) });
      return;
    }
    for (const name of names.sort()) await visit(join(p, name), false);
  };
  for (const p of paths) await visit(p, true);
  return { files, unreadable };
}
