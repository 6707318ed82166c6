#!/usr/bin/env node
// Import-direction check (ARCHITECTURE.md "Rules of the road"): a stage may import only itself and earlier
// stages. Also forbids jssip anywhere but src/sip/grammar.ts. Exits 1 listing every offending import.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const ORDER = ["util", "model", "diagnostics", "input", "decode", "reassembly", "sip", "correlate", "trackers",
  "knowledge", "annotate", "render", "pipeline", "cli"];
const root = resolve(import.meta.dirname, "..", "src");

function stageOf(file) {
  const rel = relative(root, file).split(sep);
  if (rel.length === 1) return ORDER.length; // src/index.ts: the library face sees everything
  const i = ORDER.indexOf(rel[0]);
  return i < 0 ? -1 : i;
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (p.endsWith(".ts")) yield p;
  }
}

const problems = [];
let files = 0;
for (const file of walk(root)) {
  files++;
  const from = stageOf(file);
  if (from < 0) problems.push(`${relative(root, file)}: not inside a known stage folder (${ORDER.join(", ")})`);
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    const spec = m[1] ?? m[2];
    if (spec === undefined) continue;
    if (spec.startsWith("jssip") && relative(root, file) !== join("sip", "grammar.ts")) {
      problems.push(`${relative(root, file)}: imports ${spec}; only sip/grammar.ts may import jssip`);
    }
    if (!spec.startsWith(".")) continue;
    const target = stageOf(resolve(dirname(file), spec));
    if (target > from) {
      problems.push(`${relative(root, file)}: imports ${spec}, a later stage (${ORDER[target] ?? "index"} after ${ORDER[from] ?? "index"})`);
    }
  }
}
if (problems.length > 0) {
  console.error(`import-direction check: ${problems.length} problem(s)\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`import-direction check: ${files} files, stages only import earlier stages`);
