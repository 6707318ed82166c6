/** The `sipta` command as a user runs it: exit codes, stdout/stderr split, colour rules, formats, escaping. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const DEMO = "fixtures/demo/transfer-and-redirect.pcap";

/** The environment without colour or locale settings of the machine running the tests, plus `extra`. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const drop = new Set(["NO_COLOR", "FORCE_COLOR", "LC_ALL", "LC_MESSAGES"]);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !drop.has(k)));
  return { ...env, LANG: "C", ...extra };
}

function sipta(args: string[], env: Record<string, string> = {}, input?: Buffer) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    env: cleanEnv(env),
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("sipta CLI", () => {
  it("--version and --help (with an example per command)", () => {
    const v = sipta(["--version"]);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    for (const cmd of ["analyze", "messages", "calls", "flow", "explain", "compare", "lint"]) {
      const h = sipta([cmd, "--help"]);
      expect(h.code, cmd).toBe(0);
      expect(h.out, cmd).toContain("Examples:");
    }
  });

  it("analyze: text report on stdout, exit 0, no colour when not a TTY", () => {
    const r = sipta(["analyze", DEMO]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("transfer-succeeded");
    expect(r.out).toContain("redirect: followed");
    expect(r.out).toContain("flow: recovered");
    expect(r.out).not.toContain("\u001b[");
  });

  it("FORCE_COLOR turns colour on, NO_COLOR keeps it off", () => {
    expect(sipta(["analyze", DEMO], { FORCE_COLOR: "1" }).out).toContain("\u001b[");
    expect(sipta(["analyze", DEMO, "--color"], { NO_COLOR: "1" }).out).toContain("\u001b[");
    expect(sipta(["analyze", DEMO], { NO_COLOR: "1" }).out).not.toContain("\u001b[");
  });

  it("exit codes: 1 --fail-on matched, 2 usage, 3 unreadable input", () => {
    expect(sipta(["analyze", DEMO, "--fail-on", "transfer-succeeded"]).code).toBe(1);
    expect(sipta(["analyze", DEMO, "--fail-on", "no-notify,request-lost"]).code).toBe(0);
    expect(sipta(["analyze", DEMO, "--fail-on", "refer:transfer-succeeded"]).code).toBe(1);
    const bad = sipta(["analyze", DEMO, "--fail-on", "nonsense"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--fail-on: unknown");
    expect(sipta(["analyze", DEMO, "--format", "pdf"]).code).toBe(2);
    expect(sipta(["analyze"]).code).toBe(2);
    // A word that is neither a command nor a file is a mistyped command (2); a missing path is exit 3.
    expect(sipta(["frobnicate"]).code).toBe(2);
    expect(sipta(["./frobnicate"]).code).toBe(3);
    const missing = sipta(["analyze", "does/not/exist.pcap"]);
    expect(missing.code).toBe(3);
    expect(missing.err).toContain("does/not/exist.pcap");
  });

  it("messages --format ndjson: one JSON object per message, frame numbers as Wireshark's", () => {
    const r = sipta(["messages", "fixtures/sipp/basic-call-tcp/capture.pcap", "--format", "ndjson"]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l) as { frame: number; method: string | null; status: number | null });
    expect(lines.map((l) => l.method ?? l.status)).toEqual(["INVITE", 100, 180, 200, "ACK", "BYE", 200]);
    expect(lines.map((l) => l.frame)).toEqual([4, 6, 8, 10, 12, 14, 16]);
  });

  it("reads stdin with -", () => {
    const r = sipta(["messages", "-", "--format", "ndjson"], {}, Buffer.from(readDemoBytes()));
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n").length).toBe(47);
  });

  it("analyze --format json / ndjson / markdown / html", () => {
    const doc = JSON.parse(sipta(["analyze", DEMO, "--format", "json"]).out) as { schemaVersion: number; annotations: unknown[] };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.annotations.length).toBe(22);
    const nd = sipta(["analyze", DEMO, "--format", "ndjson"]).out.trim().split("\n").map((l) => JSON.parse(l) as { type: string });
    expect(nd.at(-1)?.type).toBe("summary");
    expect(nd.filter((l) => l.type === "message").length).toBe(47);
    expect(sipta(["analyze", DEMO, "--format", "markdown"]).out).toContain("transfer-succeeded");
    const html = sipta(["analyze", DEMO, "--format", "html"]).out;
    expect(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>")).toBe(true);
  });

  it("filters: --code keeps only the calls with that response", () => {
    const doc = JSON.parse(sipta(["analyze", DEMO, "--format", "json", "--code", "302"]).out) as { calls: { callId: string }[] };
    expect(doc.calls.map((c) => c.callId)).toEqual(["redir-1@a.example"]);
  });

  it("calls and flow", () => {
    const calls = sipta(["calls", DEMO, "--format", "csv"]);
    expect(calls.code).toBe(0);
    expect(calls.out.trim().split("\n").length).toBe(7);
    const flow = sipta(["flow", DEMO, "--call", "1", "--linked"]);
    expect(flow.code).toBe(0);
    expect(flow.out).toContain("[B] INVITE");
    expect(sipta(["flow", DEMO, "--call", "99"]).code).toBe(2);
    expect(sipta(["flow", DEMO, "--call", "3", "--format", "mermaid"]).out).toContain("sequenceDiagram");
  });

  it("explain and compare in three languages", () => {
    expect(sipta(["explain", "430"]).out).toContain("RFC 5626");
    expect(sipta(["explain", "430", "--lang", "vi"]).out).toContain("Mô tả");
    expect(sipta(["compare", "202", "430"], { LANG: "zh_CN.UTF-8" }).out).toContain("主要区别");
  });

  it("hostile bytes from a capture never reach the terminal raw", () => {
    const dir = mkdtempSync(join(tmpdir(), "sipta-cli-"));
    const file = join(dir, "evil.txt");
    const msg = "SIP/2.0 486 Busy \u001b]0;pwned\u0007\u001b[2J Here\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: evil\u001b[31m@x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
    writeFileSync(file, msg);
    for (const args of [["analyze", file], ["messages", file], ["calls", file], ["flow", file]]) {
      const r = sipta(args, { FORCE_COLOR: "0" });
      expect(r.out, args.join(" ")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });
});

function readDemoBytes(): Buffer {
  return readFileSync(join(ROOT, DEMO));
}
