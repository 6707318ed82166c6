/** The capture files the robustness suites sweep: the repo's fixtures and, when present, ../shared/corpus/pcap. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
export const CORPUS_PCAP = resolve(ROOT, "../shared/corpus/pcap");

const CAPTURE_NAME = /\.(pcap|pcapng|cap|gz)$/i;

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (CAPTURE_NAME.test(name) || (st.isFile() && /^[A-Z_0-9]+$/.test(name))) out.push(p);
  }
  return out;
}

/** Every pcap/pcapng fixture of the repo. */
export function captureFiles(): string[] {
  return walk(join(ROOT, "fixtures"), []).filter((f) => /\.(pcap|pcapng)$/i.test(f));
}

/** Every capture of the shared corpus (empty when the corpus is absent). */
export function corpusCaptureFiles(): string[] {
  if (!existsSync(CORPUS_PCAP)) return [];
  return walk(CORPUS_PCAP, []).filter((f) => !f.endsWith(".tsv"));
}
