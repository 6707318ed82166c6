/**
 * The long fuzz run (issue 15: at least 1,000,000 cases): `nice node --import tsx scripts/fuzz/long-run.ts
 * [--cases 1000000] [--seed 1] [--crashes fuzz-crashes] [--targets capture,text-log]`. Same targets and mutations as the CI sample
 * (test/fuzz/), many more cases; prints progress every 10,000 cases and a summary; writes one file per distinct
 * crash for a regression fixture; exits 1 when anything crashed.
 */
import { parseArgs } from "node:util";
import { runCampaign } from "../../test/fuzz/campaign.js";
import { fuzzTargets } from "../../test/fuzz/targets.js";

const { values } = parseArgs({ options: { cases: { type: "string", default: "1000000" }, seed: { type: "string", default: "1" }, crashes: { type: "string", default: "fuzz-crashes" }, targets: { type: "string" } } });
const only = values.targets?.split(",") ?? null;
const targets = fuzzTargets().filter((t) => only === null || only.includes(t.name));
const cases = Number(values.cases);
const seed = Number(values.seed);
const started = Date.now();
const result = await runCampaign(targets, {
  seed,
  cases,
  crashDir: values.crashes,
  onProgress: (done, crashes) => {
    const rate = done / Math.max(1, (Date.now() - started) / 1000);
    process.stderr.write(`fuzz: ${done} / ${cases} cases, ${crashes} crash(es), ${rate.toFixed(0)} cases/s\n`);
  },
});
const seconds = ((Date.now() - started) / 1000).toFixed(0);
process.stdout.write(`${JSON.stringify({ seed, cases: result.cases, seconds: Number(seconds), perTarget: result.perTarget, crashes: result.crashes.length }, null, 2)}\n`);
for (const c of result.crashes.slice(0, 20)) process.stdout.write(`CRASH ${c.target} case ${c.caseNumber} (${c.mutation}) ${c.file ?? ""}\n${c.error}\n`);
process.exitCode = result.crashes.length > 0 ? 1 : 0;
