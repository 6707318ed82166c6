/**
 * Inputs that are not captures, as a user meets them on the command line: each gets ONE clear line on stderr naming
 * the file and what was expected, exit 3 when nothing at all could be read, no stack trace, no Node warning. One bad
 * file in a walked folder never aborts the run; symbolic links are followed or reported, never silently skipped;
 * inputs are opened lazily, so 300 inputs run under `ulimit -n 256`.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, cleanEnv, runCli, type CliRun } from "../helpers/run-cli.js";
import { pool } from "../helpers/pool.js";

const DEMO = join(ROOT, "fixtures/demo/transfer-and-redirect.pcap");
const SLOW = 240_000;
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sipta-inputs-"));
  writeFileSync(join(dir, "empty.pcap"), "");
  copyFileSync("/bin/ls", join(dir, "ls"));
  writeFileSync(join(dir, "zero.pcap.gz"), "");
  // A gzip member header (RFC 1952 §2.3) and nothing after it.
  writeFileSync(join(dir, "header-only.gz"), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]));
  writeFileSync(join(dir, "netmon.cap"), Buffer.concat([Buffer.from("GMBU"), Buffer.alloc(124)]));
  writeFileSync(join(dir, "trace.snoop"), Buffer.concat([Buffer.from("snoop\0\0\0"), Buffer.from([0, 0, 0, 2, 0, 0, 0, 4]), Buffer.alloc(64)]));
  writeFileSync(join(dir, "README.md"), "# notes\n\nNothing to see here: no SIP at all.\n");
  mkdirSync(join(dir, "empty-folder"));
  mkdirSync(join(dir, "no-captures"));
  writeFileSync(join(dir, "no-captures", "a.txt"), "hello\n");
  copyFileSync("/bin/true", join(dir, "no-captures", "b.bin"));
  mkdirSync(join(dir, "mixed"));
  copyFileSync(DEMO, join(dir, "mixed", "good.pcap"));
  symlinkSync(join(dir, "nowhere.pcap"), join(dir, "mixed", "dangling.pcap"));
  symlinkSync(DEMO, join(dir, "mixed", "linked.pcap"));
  mkdirSync(join(dir, "many"));
  for (let i = 0; i < 300; i++) copyFileSync(DEMO, join(dir, "many", `t${String(i).padStart(3, "0")}.pcap`));
});

/** stderr without the diagnostic summary's sentences ("sipta: warning: …") about the inputs that were read. */
function inputLines(err: string): string[] {
  return err.split("\n").filter((l) => l !== "" && !/^sipta: (warning|error|info): /.test(l));
}

function expectOneLine(run: CliRun, name: string, what: RegExp): void {
  const lines = run.err.trimEnd().split("\n");
  expect(lines, run.err).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(lines[0]).toMatch(what);
  expect(run.err).not.toMatch(/Warning|\n\s+at |internal error/);
}

describe("inputs that are not captures", () => {
  it("each non-capture alone: one line naming it and what was expected, exit 3, in calls, analyze and messages", async () => {
    const cases: [string, RegExp][] = [
      ["/dev/null", /empty/],
      [join(dir, "empty.pcap"), /empty/],
      [join(dir, "ls"), /not a pcap.*expected/],
      [join(dir, "zero.pcap.gz"), /empty/],
      [join(dir, "header-only.gz"), /gzip.*expected/],
      [join(dir, "netmon.cap"), /Network Monitor.*expected/],
      [join(dir, "trace.snoop"), /snoop.*expected/],
      [join(dir, "README.md"), /not a pcap, pcapng or SIP log \(a text file with no SIP message/],
      [join(dir, "empty-folder"), /no capture or log files/],
      [join(dir, "missing.pcap"), /no such file/],
    ];
    const jobs = cases.flatMap(([path, what]) => ["calls", "analyze", "messages"].map((cmd) => ({ cmd, path, what })));
    const runs = await pool(jobs.map((j) => () => runCli([j.cmd, j.path])), 3);
    jobs.forEach((j, i) => {
      const run = runs[i]!;
      const label = `${j.cmd} ${j.path}`;
      expect(run.code, `${label}: ${run.err}`).toBe(3);
      expectOneLine(run, j.path, j.what);
      expect(run.out.toString("utf8"), label).not.toContain("No calls");
    });
  }, SLOW);

  it("a folder with no captures: one line per file, exit 3", async () => {
    const run = await runCli(["calls", join(dir, "no-captures")]);
    expect(run.code).toBe(3);
    const lines = run.err.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/a\.txt: not a pcap, pcapng or SIP log/);
    expect(lines[1]).toMatch(/b\.bin: .*expected/);
  }, SLOW);

  it("a FIFO is read as a stream; an empty FIFO is an empty input", () => {
    const fifo = join(dir, "trace.fifo");
    spawnSync("mkfifo", [fifo]);
    const sh = (feed: string) =>
      spawnSync("bash", ["-c", `${feed} > "${fifo}" & "${process.execPath}" --import tsx src/cli/main.ts calls "${fifo}" --format csv; echo "exit=$?"`], { cwd: ROOT, env: cleanEnv(), encoding: "utf8" });
    const good = sh(`cat "${DEMO}"`);
    expect(good.stdout).toContain("exit=0");
    expect(good.stdout).toContain("call-1@a.example");
    expect(inputLines(good.stderr)).toEqual([]);
    const empty = sh("true");
    expect(empty.stdout).toContain("exit=3");
    expect(empty.stderr).toMatch(/trace\.fifo: empty/);
  }, SLOW);

  it("a walked folder: a dangling link and a socket are reported, a linked capture is followed, the good file is read", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, "mixed", "control.sock"), resolve));
    try {
      const run = await runCli(["calls", join(dir, "mixed"), "--format", "csv"]);
      expect(run.code, run.err).toBe(0);
      expect(run.err).toMatch(/dangling\.pcap: .*(broken symbolic link|no such file)/);
      expect(run.err).toMatch(/control\.sock: not a regular file/);
      expect(run.err).not.toMatch(/Warning|\n\s+at /);
      // good.pcap and linked.pcap are the same capture: both were read (each call seen twice over).
      const rows = run.out.toString("utf8").trim().split("\n");
      expect(rows.length).toBeGreaterThan(1);
    } finally {
      server.close();
    }
  }, SLOW);

  it("an unreadable file (permission denied, as an unprivileged user) is one line; with a good file the run goes on", () => {
    const locked = join(dir, "locked.pcap");
    copyFileSync(DEMO, locked);
    chmodSync(locked, 0o000);
    // The unprivileged user must reach the test folder (mkdtemp makes it 0700).
    chmodSync(dir, 0o755);
    const probe = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", "0"], { encoding: "utf8" });
    if (probe.status !== 0 || process.getuid?.() !== 0) {
      // Not root, or setpriv missing: then the test user itself cannot read a 000 file.
      const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "calls", locked], { cwd: ROOT, env: cleanEnv(), encoding: "utf8" });
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/locked\.pcap: permission denied/);
      return;
    }
    // tsx keeps its cache under TMPDIR: give the unprivileged user a writable one.
    const scratch = mkdtempSync(join(tmpdir(), "sipta-nobody-"));
    chmodSync(scratch, 0o1777);
    const asNobody = (args: string[]) =>
      spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "--import", "tsx", "src/cli/main.ts", ...args], {
        cwd: ROOT,
        env: cleanEnv({ HOME: scratch, TMPDIR: scratch }),
        encoding: "utf8",
      });
    const alone = asNobody(["calls", locked]);
    expect(alone.status, alone.stderr).toBe(3);
    expect(alone.stderr.trimEnd().split("\n")).toEqual([`sipta: ${locked}: permission denied`]);
    const withGood = asNobody(["calls", locked, DEMO, "--format", "csv"]);
    expect(withGood.status, withGood.stderr).toBe(0);
    expect(inputLines(withGood.stderr)).toEqual([`sipta: ${locked}: permission denied`]);
    expect(withGood.stdout).toContain("call-1@a.example");
    // The same in a walked folder: the locked file is one line, the run goes on.
    const folder = join(dir, "guarded");
    mkdirSync(folder);
    copyFileSync(DEMO, join(folder, "good.pcap"));
    copyFileSync(DEMO, join(folder, "locked.pcap"));
    chmodSync(join(folder, "locked.pcap"), 0o000);
    chmodSync(folder, 0o755);
    const walked = asNobody(["calls", folder, "--format", "csv"]);
    expect(walked.status, walked.stderr).toBe(0);
    expect(inputLines(walked.stderr)).toEqual([`sipta: ${join(folder, "locked.pcap")}: permission denied`]);
    expect(walked.stdout).toContain("call-1@a.example");
  }, SLOW);

  it("300 inputs run under `ulimit -n 256`: inputs are opened lazily, no EMFILE, no descriptor warnings", () => {
    const r = spawnSync("bash", ["-c", `ulimit -n 256 && "${process.execPath}" --import tsx src/cli/main.ts messages "${join(dir, "many")}" --format ndjson | wc -l`], { cwd: ROOT, env: cleanEnv(), encoding: "utf8" });
    expect(r.stderr).not.toMatch(/EMFILE|Warning|internal error/);
    expect(Number(r.stdout.trim())).toBe(300 * 47);
  }, SLOW);
});
