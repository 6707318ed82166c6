/**
 * Truncation suite (issue 15): every capture fixture and every capture of ../shared/corpus/pcap (skipped visibly
 * when the corpus is absent), cut at every offset of its first bytes, every few bytes up to 4 KiB and at sampled
 * offsets beyond, read in-process through the public reader. The bounded CI sample is below; the full sweep
 * (every offset of the first 4 KiB) is `node --import tsx scripts/fuzz/truncation-sweep.ts` (docs/security.md).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureFiles, corpusCaptureFiles, CORPUS_PCAP } from "../helpers/capture-files.js";
import { captureLayout, checkCut, cutOffsets, readCut } from "../helpers/truncation.js";

/** Bounded CI sample: every offset of the first 200 bytes, every 16th to 4 KiB, 16 sampled beyond. */
const DENSE = 200;
const STEP = 16;
const SAMPLED = 16;

const scratch = mkdtempSync(join(existsShm() ? "/dev/shm" : tmpdir(), "sipta-cut-"));

function existsShm(): boolean {
  try {
    return readFileSync("/proc/mounts", "utf8").includes(" /dev/shm ");
  } catch {
    return false;
  }
}

async function sweep(files: readonly string[]): Promise<{ cuts: number; problems: string[] }> {
  let cuts = 0;
  const problems: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const full = await readCut(file);
    const layout = gzip ? null : captureLayout(bytes);
    const tmp = join(scratch, gzip ? "cut.gz" : "cut.bin");
    for (const cut of cutOffsets(bytes.length, DENSE, STEP, SAMPLED)) {
      cuts++;
      const r = await checkCut(bytes, full, layout, gzip, cut, tmp);
      if (r.problem !== null && problems.length < 20) problems.push(`${file} cut at ${cut}: ${r.problem}`);
    }
  }
  return { cuts, problems };
}

describe("truncation", () => {
  it("every capture fixture, cut anywhere: nothing escapes, nothing before the cut is lost, one diagnostic names the cut", async () => {
    const files = captureFiles();
    expect(files.length).toBeGreaterThan(30);
    const r = await sweep(files);
    expect(r.problems).toEqual([]);
    expect(r.cuts).toBeGreaterThan(10_000);
  }, 600_000);

  const corpus = corpusCaptureFiles();
  if (corpus.length === 0) console.warn(`SKIPPED: truncation of the corpus captures: ${CORPUS_PCAP} is absent`);
  it.skipIf(corpus.length === 0)(`every capture of ${CORPUS_PCAP}${corpus.length === 0 ? " (SKIPPED: corpus absent)" : ""}`, async () => {
    const r = await sweep(corpus);
    expect(r.problems).toEqual([]);
  }, 600_000);
});
