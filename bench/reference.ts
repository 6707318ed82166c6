/**
 * The issue-12 bench: sipta and tshark side by side on the same reference captures, in one run, so that the ratios
 * hold on a loaded machine even when the absolute times do not. For each capture it runs every `sipta analyze`
 * format, `sipta messages --format ndjson`, `cat F | sipta analyze -`, and (when installed) the two tshark anchors,
 * and prints wall and CPU time, MB/s, messages/s, peak RSS and the ratio to the tshark anchor of the same kind.
 *
 * Captures: the paths given on the command line, else the two reference captures of ../shared/bench/README.md
 * generated once into SIPTA_BENCH_DIR (default: <tmp>/sipta-bench) and reused. Stdout of every command goes to
 * /dev/null (the stdin run reads through `cat`). Peak RSS comes from GNU time (`/usr/bin/time -f`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { loadavg, cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface Run {
  readonly label: string;
  /** Which anchor this command is compared with. */
  readonly anchor: "stat" | "fields" | null;
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssMB: number | null;
  readonly ok: boolean;
}

interface Capture {
  readonly path: string;
  readonly bytes: number;
  readonly messages: number | null;
}

const REFERENCE = [
  { name: "c20k.pcap", args: ["--calls", "20000", "--seed", "7"] },
  { name: "c200k.pcap", args: ["--calls", "200000", "--seed", "1"] },
] as const;

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const up = resolve(dir, "..");
    if (up === dir) return resolve(from, "..");
    dir = up;
  }
  return dir;
}

const root = findRoot(import.meta.dirname);
const cli = join(root, "dist/cli/main.js");
const gnuTime = existsSync("/usr/bin/time");

/** Runs `sh -c script` under GNU time: wall (measured here), user+sys CPU and max RSS (from time's last line). */
function measure(label: string, anchor: Run["anchor"], script: string): Run {
  const t0 = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "%U %S %M", "sh", "-c", script], { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" })
    : spawnSync("sh", ["-c", script], { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const last = (r.stderr.trim().split("\n").pop() ?? "").trim().split(/\s+/).map(Number);
  const [user, sys, kb] = last;
  const timed = gnuTime && user !== undefined && sys !== undefined && kb !== undefined && last.every(Number.isFinite);
  return { label, anchor, wallS, cpuS: timed ? user + sys : Number.NaN, rssMB: timed ? Math.round(kb / 1024) : null, ok: r.status === 0 };
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

function hasTshark(): boolean {
  return spawnSync("tshark", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Messages in the capture, from sipta's own NDJSON summary line (the generator's count when it made the file). */
function countMessages(path: string): number | null {
  const r = spawnSync("sh", ["-c", `node ${quote(cli)} analyze ${quote(path)} --format ndjson | tail -n 1`], { encoding: "utf8", maxBuffer: 1 << 24 });
  try {
    const summary = JSON.parse(r.stdout) as { messages?: unknown };
    return typeof summary.messages === "number" ? summary.messages : null;
  } catch {
    return null;
  }
}

function referenceCaptures(): Capture[] {
  const gen = resolve(root, "../shared/bench/gen-capture.mjs");
  if (!existsSync(gen)) {
    console.log(`reference generator ${gen} not found: pass capture paths, e.g. npm run bench -- c20k.pcap c200k.pcap`);
    return [];
  }
  const dir = process.env.SIPTA_BENCH_DIR ?? join(tmpdir(), "sipta-bench");
  mkdirSync(dir, { recursive: true });
  return REFERENCE.map((ref) => {
    const path = join(dir, ref.name);
    let messages: number | null = null;
    if (!existsSync(path)) {
      console.log(`generating ${path} …`);
      const r = spawnSync(process.execPath, [gen, ...ref.args, "--out", path], { encoding: "utf8", maxBuffer: 1 << 24 });
      try {
        messages = (JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as { messages: number }).messages;
      } catch {
        messages = null;
      }
    }
    return { path, bytes: statSync(path).size, messages };
  });
}

function commandsFor(path: string, tshark: boolean): { label: string; anchor: Run["anchor"]; script: string }[] {
  const f = quote(path);
  const node = `${quote(process.execPath)} ${quote(cli)}`;
  const out: { label: string; anchor: Run["anchor"]; script: string }[] = [];
  if (tshark) {
    out.push({ label: "tshark -q -z sip,stat", anchor: null, script: `tshark -n -r ${f} -q -z sip,stat > /dev/null 2>&1` });
    out.push({ label: "tshark -Y sip -T fields", anchor: null, script: `tshark -n -r ${f} -Y sip -T fields -e frame.number -e sip.Call-ID -e sip.CSeq > /dev/null 2>&1` });
  }
  for (const format of ["text", "json", "ndjson", "markdown", "html"]) {
    out.push({ label: `sipta analyze --format ${format}`, anchor: "stat", script: `${node} analyze ${f} --format ${format} > /dev/null` });
  }
  out.push({ label: "cat F | sipta analyze -", anchor: "stat", script: `cat ${f} | ${node} analyze - > /dev/null` });
  out.push({ label: "sipta messages --format ndjson", anchor: "fields", script: `${node} messages ${f} --format ndjson > /dev/null` });
  return out;
}

function fmt(n: number, digits: number): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "?";
}

/** "12.3x faster" / "0.4x (2.5x slower)": tshark's time over sipta's, by wall and by CPU. */
function ratio(anchor: Run | undefined, r: Run): string {
  if (anchor === undefined) return "";
  const wall = anchor.wallS / r.wallS;
  const cpu = anchor.cpuS / r.cpuS;
  return `${fmt(wall, 2)}x wall, ${fmt(cpu, 2)}x cpu`;
}

export function benchReference(paths: readonly string[]): void {
  if (!existsSync(cli)) {
    console.log("dist/cli/main.js missing: run `npm run build` first");
    return;
  }
  const captures: Capture[] = paths.length > 0 ? paths.map((p) => ({ path: resolve(p), bytes: statSync(p).size, messages: null })) : referenceCaptures();
  const tshark = hasTshark();
  console.log(`\nsipta vs tshark, same files, one run — ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}, ${new Date().toISOString()}`);
  if (!tshark) console.log("tshark not installed: ratios skipped");
  for (const c of captures) {
    const messages = c.messages ?? countMessages(c.path);
    console.log(`\n${c.path}: ${(c.bytes / 1e6).toFixed(1)} MB, ${messages ?? "?"} SIP messages`);
    console.log(`  ${"command".padEnd(34)} ${"wall s".padStart(8)} ${"cpu s".padStart(8)} ${"MB/s".padStart(7)} ${"msg/s".padStart(9)} ${"RSS MB".padStart(7)}  vs tshark (>1 = sipta faster)`);
    const runs: Run[] = [];
    for (const cmd of commandsFor(c.path, tshark)) {
      const r = measure(cmd.label, cmd.anchor, cmd.script);
      runs.push(r);
      const anchor = cmd.anchor === "stat" ? runs.find((x) => x.label.includes("sip,stat")) : cmd.anchor === "fields" ? runs.find((x) => x.label.includes("-T fields")) : undefined;
      const rate = messages === null ? "?" : fmt(messages / r.wallS, 0);
      console.log(`  ${r.label.padEnd(34)} ${fmt(r.wallS, 2).padStart(8)} ${fmt(r.cpuS, 2).padStart(8)} ${fmt(c.bytes / 1e6 / r.wallS, 1).padStart(7)} ${rate.padStart(9)} ${String(r.rssMB ?? "?").padStart(7)}  ${ratio(anchor, r)}${r.ok ? "" : "  (non-zero exit)"}`);
    }
  }
  console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}
