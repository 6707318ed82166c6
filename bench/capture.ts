/**
 * Capture throughput bench (issue 3): generates a ~100 MB and a ~1 GB classic pcap (SIP over UDP and TCP, the
 * large one with well over a million messages), then measures in child processes (so peak RSS is per run):
 *  - sipta's readCaptureEvents: MB/s, SIP messages/s, peak RSS at both sizes (target: RSS flat between them);
 *  - the CLI `node dist/cli/main.js messages FILE --format ndjson > /dev/null` when dist/ is built;
 *  - tshark `-Y sip -T fields -e frame.number -e sip.Call-ID -e sip.CSeq` when installed (target: sipta ≥ 10×);
 *  - record reading alone: the hand-written PcapRecordReader against pcap-parser (packets/s).
 * Set SIPTA_BENCH_SMALL=1 to use 20 MB / 200 MB files (quick runs), SIPTA_BENCH_DIR to choose the temp dir.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, closeSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateBenchCapture } from "./capture-generate.js";

const here = import.meta.dirname;

/** The repository root: the nearest folder up from here with a package.json (bench/ under tsx, dist-bench/bench/ compiled). */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const up = resolve(dir, "..");
    if (up === dir) return resolve(from, "..");
    dir = up;
  }
  return dir;
}

const root = findRoot(here);
/** The child runs compiled when the bench is compiled (how `npm run bench` runs it), else through tsx. */
const childArgs = existsSync(join(here, "capture-child.js")) ? [join(here, "capture-child.js")] : ["--import", "tsx", join(here, "capture-child.ts")];

interface ChildResult {
  readonly mode: string;
  readonly messages: number;
  readonly frames: number;
  readonly ms: number;
  readonly maxRssMB: number;
}

function runChild(mode: string, file: string): ChildResult | null {
  const r = spawnSync(process.execPath, [...childArgs, mode, file], { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as ChildResult;
  } catch {
    console.log(`  (${mode} run failed: ${r.stderr.trim().split("\n").slice(-2).join(" ")})`);
    return null;
  }
}

/** Wall time and peak RSS of a command whose stdout goes to /dev/null (peak RSS via GNU time when present). */
function runCommand(cmd: string, args: readonly string[]): { ms: number; maxRssMB: number | null; ok: boolean } {
  const devnull = openSync("/dev/null", "w");
  const gnuTime = existsSync("/usr/bin/time");
  const t0 = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], { cwd: root, stdio: ["ignore", devnull, "pipe"], encoding: "utf8" })
    : spawnSync(cmd, args, { cwd: root, stdio: ["ignore", devnull, "pipe"], encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(devnull);
  const kb = gnuTime ? Number((r.stderr.trim().split("\n").pop() ?? "").trim()) : NaN;
  return { ms, maxRssMB: Number.isFinite(kb) ? Math.round(kb / 1024) : null, ok: r.status === 0 };
}

function hasTshark(): boolean {
  return spawnSync("tshark", ["--version"], { stdio: "ignore" }).status === 0;
}

function mbps(bytes: number, ms: number): string {
  return (bytes / 1e6 / (ms / 1000)).toFixed(1);
}

export async function benchCapture(): Promise<void> {
  await Promise.resolve();
  const small = process.env.SIPTA_BENCH_SMALL === "1";
  const dir = process.env.SIPTA_BENCH_DIR ?? mkdtempSync(join(tmpdir(), "sipta-capture-bench-"));
  const sizes = small ? [20e6, 200e6] : [100e6, 1000e6];
  console.log(`\ncapture throughput (files in ${dir})`);
  const files: { path: string; bytes: number; messages: number; frames: number }[] = [];
  for (const size of sizes) {
    const path = join(dir, `bench-${Math.round(size / 1e6)}MB.pcap`);
    const g = generateBenchCapture(path, size);
    files.push({ path, ...g });
    console.log(`  generated ${path}: ${(g.bytes / 1e6).toFixed(0)} MB, ${g.frames} frames, ${g.messages} SIP messages (60% UDP, 40% TCP)`);
  }
  const siptaRate = new Map<string, number>();
  for (const f of files) {
    const r = runChild("events", f.path);
    if (r === null) continue;
    siptaRate.set(f.path, f.bytes / r.ms);
    console.log(`  sipta readCaptureEvents ${(f.bytes / 1e6).toFixed(0)} MB: ${r.messages} messages in ${(r.ms / 1000).toFixed(2)} s = ${mbps(f.bytes, r.ms)} MB/s, ${Math.round(r.messages / (r.ms / 1000))} messages/s, peak RSS ${r.maxRssMB} MB${r.messages === f.messages ? "" : ` (expected ${f.messages} messages!)`}`);
  }
  const cli = join(root, "dist/cli/main.js");
  if (existsSync(cli)) {
    for (const f of files) {
      const r = runCommand(process.execPath, [cli, "messages", f.path, "--format", "ndjson"]);
      console.log(`  sipta CLI messages --format ndjson ${(f.bytes / 1e6).toFixed(0)} MB: ${(r.ms / 1000).toFixed(2)} s = ${mbps(f.bytes, r.ms)} MB/s, ${Math.round(f.messages / (r.ms / 1000))} messages/s, peak RSS ${r.maxRssMB ?? "?"} MB${r.ok ? "" : " (exit status non-zero)"}`);
    }
  } else {
    console.log("  sipta CLI: dist/cli/main.js missing (run `npm run build`); CLI line skipped");
  }
  const first = files[0];
  if (first !== undefined) {
    if (hasTshark()) {
      // tshark runs at well under 1 MB/s on this traffic: a 10 MB file of the same mix keeps the bench short.
      const path = join(dir, "bench-tshark-10MB.pcap");
      const g = generateBenchCapture(path, 10e6);
      const ours = runChild("events", path);
      const r = runCommand("tshark", ["-r", path, "-Y", "sip", "-T", "fields", "-e", "frame.number", "-e", "sip.Call-ID", "-e", "sip.CSeq"]);
      const ratio = ours === null ? "" : `; sipta readCaptureEvents on the same file: ${mbps(g.bytes, ours.ms)} MB/s, ${(r.ms / ours.ms).toFixed(0)}× tshark (target ≥ 10×)`;
      console.log(`  tshark 10 MB (${g.messages} messages): ${(r.ms / 1000).toFixed(2)} s = ${mbps(g.bytes, r.ms)} MB/s, ${Math.round(g.messages / (r.ms / 1000))} messages/s, peak RSS ${r.maxRssMB ?? "?"} MB${ratio}`);
    } else {
      console.log("  tshark not installed: tshark comparison skipped");
    }
    const own = runChild("records", first.path);
    const lib = runChild("pcap-parser", first.path);
    if (own !== null && lib !== null) {
      console.log(`  record reading only, ${(first.bytes / 1e6).toFixed(0)} MB: hand-written PcapRecordReader ${Math.round(own.frames / (own.ms / 1000))} packets/s (${mbps(first.bytes, own.ms)} MB/s); pcap-parser ${Math.round(lib.frames / (lib.ms / 1000))} packets/s (${mbps(first.bytes, lib.ms)} MB/s)`);
    }
  }
  if (process.env.SIPTA_BENCH_DIR === undefined) rmSync(dir, { recursive: true, force: true });
}
