/**
 * The full truncation sweep (issue 15): every capture fixture and every capture of ../shared/corpus/pcap, cut at
 * EVERY offset of its first 4 KiB and at 256 sampled offsets beyond, checked by the same oracle as the CI sample
 * (test/robustness/truncation.test.ts). `node --import tsx scripts/fuzz/truncation-sweep.ts`; prints the number of
 * files and cuts and every problem; exits 1 on any problem.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureFiles, corpusCaptureFiles } from "../../test/helpers/capture-files.js";
import { captureLayout, checkCut, cutOffsets, readCut } from "../../test/helpers/truncation.js";

const scratch = mkdtempSync(join(tmpdir(), "sipta-sweep-"));
const files = [...captureFiles(), ...corpusCaptureFiles()];
let cuts = 0;
const problems: string[] = [];
const started = Date.now();
for (const file of files) {
  const bytes = readFileSync(file);
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const full = await readCut(file);
  const layout = gzip ? null : captureLayout(bytes);
  for (const cut of cutOffsets(bytes.length, 4096, 1, 256)) {
    cuts++;
    const r = await checkCut(bytes, full, layout, gzip, cut, join(scratch, gzip ? "cut.gz" : "cut.bin"));
    if (r.problem !== null) problems.push(`${file} cut at ${cut}: ${r.problem}`);
  }
}
process.stdout.write(`${files.length} files, ${cuts} cuts, ${problems.length} problem(s), ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
for (const p of problems.slice(0, 50)) process.stdout.write(`${p}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
