/**
 * Mutation fuzz suite, bounded sample for CI (fixed seed, so a failure replays): the SIP parser, the pcap and
 * pcapng capture path (TCP, WebSocket and HEP streams inside), every text-log reader, the WebSocket and HEP
 * decoders, and the CLI end to end on a few mutated captures. The long run (>= 1,000,000 cases) is
 * scripts/fuzz/long-run.ts; see docs/security.md.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { runCampaign } from "./campaign.js";
import { mutate } from "./mutate.js";
import { Prng } from "./prng.js";
import { fuzzTargets } from "./targets.js";

const SEED = 0x5197a;

describe("mutation fuzzing (bounded CI sample, seed 0x5197a)", () => {
  it("6,000 mutated inputs over every reader and decoder: no exception escapes, every record renders", async () => {
    const targets = fuzzTargets();
    expect(targets.map((t) => t.name)).toEqual(["sip-parser", "capture", "text-log", "websocket", "hep"]);
    for (const t of targets) expect(t.seeds.length, t.name).toBeGreaterThan(0);
    const r = await runCampaign(targets, { seed: SEED, cases: 6_000 });
    expect(r.crashes.map((c) => `${c.target} #${c.caseNumber} (${c.mutation}): ${c.error.split("\n").slice(0, 4).join(" | ")}`)).toEqual([]);
    expect(Object.values(r.perTarget).reduce((a, b) => a + b, 0)).toBe(6_000);
    for (const t of targets) expect(r.perTarget[t.name], t.name).toBeGreaterThan(150);
  }, 600_000);

  it("the CLI end to end on mutated captures: exit 0 or 3, never 70, no stack trace", async () => {
    const capture = fuzzTargets().find((t) => t.name === "capture");
    if (capture === undefined) throw new Error("no capture target");
    const rng = new Prng(SEED);
    const dir = mkdtempSync(join(tmpdir(), "sipta-fuzz-cli-"));
    for (let i = 0; i < 6; i++) {
      const file = join(dir, `m${i}.pcap`);
      writeFileSync(file, mutate(rng.pick(capture.seeds), "capture", rng).bytes);
      for (const args of [["messages", file], ["analyze", file, "--format", "json"]]) {
        const r = await runCli(args);
        expect([0, 3], `${args.join(" ")}: ${r.err}`).toContain(r.code);
        expect(r.err).not.toMatch(/internal error|\n\s+at /);
        if (args[1] === "analyze" && r.code === 0) expect(() => JSON.parse(r.out.toString("utf8")) as unknown).not.toThrow();
      }
    }
  }, 600_000);
});
