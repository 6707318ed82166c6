/**
 * One fuzz campaign: `cases` mutated inputs spread over the targets by weight, from a fixed seed. A crash is
 * recorded with its target, case number, mutation and bytes (written to `crashDir` when given, for a regression
 * fixture); the campaign goes on. Used by the CI sample (fuzz.test.ts) and the long run (scripts/fuzz/long-run.ts).
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mutate } from "./mutate.js";
import { Prng } from "./prng.js";
import type { FuzzTarget } from "./targets.js";

export interface Crash {
  readonly target: string;
  readonly caseNumber: number;
  readonly mutation: string;
  readonly error: string;
  readonly file: string | null;
}

export interface CampaignResult {
  readonly cases: number;
  readonly perTarget: Readonly<Record<string, number>>;
  readonly crashes: readonly Crash[];
}

export interface CampaignOptions {
  readonly seed: number;
  readonly cases: number;
  readonly crashDir?: string;
  readonly onProgress?: (done: number, crashes: number) => void;
}

export async function runCampaign(targets: readonly FuzzTarget[], options: CampaignOptions): Promise<CampaignResult> {
  const rng = new Prng(options.seed);
  const perTarget: Record<string, number> = {};
  const crashes: Crash[] = [];
  const seen = new Set<string>();
  // Each target in proportion to its weight (cheap decoders get more cases than whole captures).
  const turns = targets.filter((t) => t.seeds.length > 0).flatMap((t) => Array.from({ length: t.weight }, () => t));
  for (let i = 0; i < options.cases; i++) {
    const target = turns[i % turns.length];
    if (target === undefined) break;
    const m = mutate(rng.pick(target.seeds), target.shape, rng);
    // Byte-at-a-time feeding only for small inputs: it tests chunk boundaries without costing a case per byte.
    const chunk = m.bytes.length <= 2048 ? rng.pick([1, 7, 64, 4096, 1 << 20]) : rng.pick([61, 4096, 1 << 20]);
    perTarget[target.name] = (perTarget[target.name] ?? 0) + 1;
    try {
      await target.run(m.bytes, chunk);
    } catch (e) {
      const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      const key = `${target.name}|${error.replace(/\d+/g, "N")}`;
      let file: string | null = null;
      if (options.crashDir !== undefined && !seen.has(key)) {
        mkdirSync(options.crashDir, { recursive: true });
        file = join(options.crashDir, `${target.name}-${createHash("sha1").update(m.bytes).digest("hex").slice(0, 12)}.bin`);
        writeFileSync(file, m.bytes);
      }
      seen.add(key);
      if (crashes.length < 1000) crashes.push({ target: target.name, caseNumber: i, mutation: m.kind, error: e instanceof Error ? (e.stack ?? error) : error, file });
    }
    if (options.onProgress !== undefined && (i + 1) % 10_000 === 0) options.onProgress(i + 1, crashes.length);
  }
  return { cases: options.cases, perTarget, crashes };
}
