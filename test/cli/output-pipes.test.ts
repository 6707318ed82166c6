/**
 * The output writer as a shell sees it: `sipta … | head -c 10`, a reader gone before the first byte, a slow
 * reader. Every command and every format must end quietly with exit 0 and nothing on stderr (no EPIPE stack,
 * no MaxListenersExceededWarning, no "Closing file descriptor" warning), as grep and tshark do.
 */
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { writeManyCallsCapture } from "../helpers/many-calls.js";
import { ROOT, cleanEnv, runCli, type CliRun, type Reader } from "../helpers/run-cli.js";
import { pool } from "../helpers/pool.js";

const DEMO = "fixtures/demo/transfer-and-redirect.pcap";
/** Spawning the CLI through tsx on a shared 2-core machine: seconds per run. */
const SLOW = 240_000;

let big = "";
beforeAll(() => {
  // 300 calls: messages, analyze (text, json, ndjson, markdown, html) outgrow a 64 KiB pipe buffer.
  big = writeManyCallsCapture(300);
});

/** Every command that writes a report, in every format it offers. */
function commandsAndFormats(file: string): string[][] {
  const runs: string[][] = [];
  for (const f of ["text", "json", "ndjson", "markdown", "html"]) runs.push(["analyze", file, "--format", f]);
  for (const f of ["table", "ndjson"]) runs.push(["messages", file, "--format", f]);
  for (const f of ["text", "json", "csv", "markdown"]) runs.push(["calls", file, "--format", f]);
  for (const f of ["text", "mermaid", "svg", "html"]) runs.push(["flow", file, "--call", "1", "--format", f]);
  runs.push(["lint", file], ["explain", "430"], ["compare", "202", "430"]);
  return runs;
}

async function runAll(file: string, reader: Reader): Promise<{ args: string[]; run: CliRun }[]> {
  const all = commandsAndFormats(file);
  const runs = await pool(all.map((args) => () => runCli(args, reader)), 3);
  return all.map((args, i) => ({ args, run: runs[i]! }));
}

/** Nothing on stderr but sipta's own lines about the input (its diagnostics' sentences): no EPIPE, no Node warning. */
function expectQuietEnd(args: readonly string[], run: CliRun): void {
  const what = args.join(" ");
  expect(run.err, what).not.toMatch(/EPIPE|Warning|internal error|\n\s+at /);
  for (const line of run.err.split("\n").filter((l) => l !== "")) expect(line, what).toMatch(/^sipta: (warning|error|info): /);
  expect(run.signal, what).toBeNull();
  expect(run.code, what).toBe(0);
}

describe("output writer: pipes that close early and slow readers", () => {
  it("`| head -c 10`: exit 0, empty stderr, in every command and format", async () => {
    for (const { args, run } of await runAll(big, { kind: "head", bytes: 10 })) {
      expectQuietEnd(args, run);
      expect(run.out.length, args.join(" ")).toBe(10);
    }
  }, SLOW);

  it("a reader gone before the first byte (certain EPIPE): exit 0, empty stderr, in every command and format", async () => {
    for (const { args, run } of await runAll(DEMO, { kind: "closed" })) expectQuietEnd(args, run);
  }, SLOW);

  it("a slow reader gets the whole output, with no MaxListenersExceededWarning", async () => {
    const fast = await runCli(["analyze", big, "--format", "ndjson"]);
    const slow = await runCli(["analyze", big, "--format", "ndjson"], { kind: "slow", everyMs: 2 });
    expectQuietEnd(["slow ndjson"], slow);
    expect(slow.out.equals(fast.out)).toBe(true);
    const slowMessages = await runCli(["messages", big], { kind: "slow", everyMs: 2 });
    expectQuietEnd(["slow messages"], slowMessages);
    expect(slowMessages.out.toString("utf8").split("\n").length).toBe(300 * 6 + 2);
  }, SLOW);

  it("a real shell pipeline with pipefail: `set -o pipefail; sipta messages F | head -3` exits 0", () => {
    const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" --import tsx src/cli/main.ts messages "${big}" | head -3`], { cwd: ROOT, env: cleanEnv(), encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").length).toBe(4);
  });
});
