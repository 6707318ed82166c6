/**
 * Measures sipta on the adversarial inputs of issue 15 (inputs.ts): writes each as a pcap, then runs the built CLI
 * (`npm run build` first) under /usr/bin/time -v for `messages` and `analyze --format ndjson`, and prints one
 * Markdown row per run: wall time, peak RSS, messages and diagnostics by code. The numbers in docs/security.md
 * ("Caps") come from this script. Usage: npx tsx scripts/adversarial/measure.ts [OUTDIR] [NAME ...]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ADVERSARIAL_INPUTS, writeAdversarialInput } from "./inputs.js";

const ROOT = resolve(import.meta.dirname, "../..");
const out = process.argv[2] ?? join(tmpdir(), "sipta-adversarial");
const only = new Set(process.argv.slice(3));
mkdirSync(out, { recursive: true });

function timed(args: readonly string[]): { wall: string; rssMb: number; stdout: string; code: number | null } {
  const r = spawnSync("/usr/bin/time", ["-v", "node", join(ROOT, "dist/cli/main.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(r.stderr)?.[1] ?? "?";
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? "0");
  return { wall, rssMb: Math.round(rss / 1024), stdout: r.stdout, code: r.status };
}

console.log("| input | size | command | wall | peak RSS | messages | diagnostics |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const input of ADVERSARIAL_INPUTS) {
  if (only.size > 0 && !only.has(input.name)) continue;
  const path = join(out, `${input.name}.pcap`);
  writeAdversarialInput(input, path);
  const size = `${(statSync(path).size / 1e6).toFixed(1)} MB`;
  for (const cmd of [["messages", "--format", "ndjson"], ["analyze", "--format", "ndjson"]]) {
    const r = timed([...cmd, path]);
    const lines = r.stdout.split("\n").filter((l) => l.length > 0);
    let messages = 0;
    const diags = new Map<string, number>();
    for (const l of lines) {
      const rec = JSON.parse(l) as { type?: string; code?: string; diagnostic?: { code?: string } };
      const code = rec.diagnostic?.code ?? (rec.type === "diagnostic" ? rec.code : undefined);
      if (code !== undefined) diags.set(code, (diags.get(code) ?? 0) + 1);
      else if (rec.type === "message" || rec.type === undefined) messages++;
    }
    const d = [...diags].map(([c, n]) => `${c}×${n}`).join(", ");
    console.log(`| ${input.name} | ${size} | ${cmd[0]} | ${r.wall} | ${r.rssMb} MB | ${messages} | ${d || "none"} (exit ${r.code ?? "?"}) |`);
  }
}
