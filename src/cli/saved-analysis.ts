/**
 * A saved analysis as input: the JSON document `sipta analyze F --format json [--raw] > a.json` wrote. `calls`,
 * `flow`, `show` and `tui` read it instead of the capture, so browsing a big capture costs one analysis. Detected
 * by content (a JSON object naming sipta and schemaVersion 1), whatever the file is called.
 */
import { open, readFile, stat } from "node:fs/promises";
import { InputFileError } from "../diagnostics/errors.js";
import type { AnalysisDocument } from "../model/document.js";

/** True when `path` is a regular file whose first bytes are the start of sipta's JSON document. */
export async function isSavedAnalysis(path: string): Promise<boolean> {
  if (path === "-") return false;
  // stat before open: opening a FIFO (`sipta calls <(tcpdump …)`) to peek would take its writer away from the
  // real read, which then waits forever.
  const st = await stat(path).catch(() => null);
  if (st?.isFile() !== true) return false;
  let handle;
  try {
    handle = await open(path, "r");
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(256);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.toString("utf8", 0, bytesRead).replace(/\s+/g, "");
    return text.startsWith('{"schemaVersion":1,"tool":{"name":"sipta"');
  } finally {
    await handle.close();
  }
}

export interface SavedAnalysis {
  readonly doc: AnalysisDocument;
  /** Raw message text by index, when the analysis was saved with `--raw`. */
  readonly raw: ReadonlyMap<number, string>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads and checks the document's outline; the records themselves are trusted as sipta wrote them. */
export async function readSavedAnalysis(path: string): Promise<SavedAnalysis> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new InputFileError(path, `looks like a saved sipta analysis but is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const arrays = ["files", "messages", "calls", "annotations", "flows", "diagnostics"];
  if (!isObject(parsed) || parsed.schemaVersion !== 1 || !isObject(parsed.summary) || !arrays.every((k) => Array.isArray(parsed[k]))) {
    throw new InputFileError(path, "is not a complete sipta analysis (expected the document of `sipta analyze --format json`)");
  }
  const doc = parsed as unknown as AnalysisDocument;
  const raw = new Map<number, string>();
  for (const m of parsed.messages as unknown[]) {
    if (isObject(m) && typeof m.raw === "string" && typeof m.index === "number") raw.set(m.index, m.raw);
  }
  return { doc, raw };
}
