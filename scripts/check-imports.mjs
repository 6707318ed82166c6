#!/usr/bin/env node
// Import checks for src/ (docs/architecture.md "Stage order"), run by `npm test`:
//  1. direction: a stage may import only itself and earlier stages (ORDER below is data order);
//  2. no cycles: no file reaches itself through imports, type-only imports included (what madge --circular checks);
//  3. jssip only in src/sip/grammar.ts.
// Exits 1 listing every problem.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const ORDER = ["util", "model", "diagnostics", "input", "decode", "reassembly", "sip", "capture", "textlog", "correlate",
  "trackers", "knowledge", "annotate", "render", "pipeline", "store", "report", "cli"];
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

/** The .ts file a relative ESM specifier names ("./x.js" → x.ts, "./dir" → dir/index.ts), or null. */
function resolveSpec(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const c of [base.replace(/\.js$/, ".ts"), `${base}.ts`, join(base, "index.ts")]) {
    if (c.endsWith(".ts") && existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

const problems = [];
const graph = new Map();
for (const file of walk(root)) {
  const from = stageOf(file);
  if (from < 0) problems.push(`${relative(root, file)}: not inside a known stage folder (${ORDER.join(", ")})`);
  const text = readFileSync(file, "utf8");
  const edges = [];
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
    const to = resolveSpec(file, spec);
    if (to !== null) edges.push(to);
  }
  graph.set(file, edges);
}

// Cycles: iterative Tarjan's strongly connected components; every component of 2+ files (or a self-import) is one cycle.
let next = 0;
const index = new Map();
const low = new Map();
const onStack = new Set();
const stack = [];
const cycles = [];
for (const start of graph.keys()) {
  if (index.has(start)) continue;
  const work = [[start, 0]];
  index.set(start, next);
  low.set(start, next++);
  stack.push(start);
  onStack.add(start);
  while (work.length > 0) {
    const top = work[work.length - 1];
    const [v, i] = top;
    const edges = graph.get(v) ?? [];
    if (i < edges.length) {
      top[1]++;
      const w = edges[i];
      if (!index.has(w)) {
        index.set(w, next);
        low.set(w, next++);
        stack.push(w);
        onStack.add(w);
        work.push([w, 0]);
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
      continue;
    }
    work.pop();
    if (work.length > 0) {
      const parent = work[work.length - 1][0];
      low.set(parent, Math.min(low.get(parent), low.get(v)));
    }
    if (low.get(v) !== index.get(v)) continue;
    const scc = [];
    for (;;) {
      const w = stack.pop();
      onStack.delete(w);
      scc.push(w);
      if (w === v) break;
    }
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(scc.map((f) => relative(root, f)).sort());
  }
}
for (const c of cycles) problems.push(`import cycle: ${c.join(" ↔ ")}`);

if (problems.length > 0) {
  console.error(`import check: ${problems.length} problem(s)\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`import check: ${graph.size} files, stages only import earlier stages, no import cycle`);
