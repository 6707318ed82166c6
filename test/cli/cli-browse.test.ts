/**
 * The CLI in pipes and scripts (issue 14): widths when stdout is not a terminal, COLUMNS and --width, Call-ID
 * fragments, call numbers that filters do not change, `show`, the messages table and its formats, saved analyses,
 * clear words for typos and non-captures, --fail-on on stderr.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const DEMO = "fixtures/demo/transfer-and-redirect.pcap";

function sipta(args: string[], env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !["NO_COLOR", "FORCE_COLOR", "COLUMNS", "LC_ALL"].includes(k)));
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: ROOT, env: { ...base, LANG: "C", ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const maxLine = (text: string): number => Math.max(...text.split("\n").map((l) => Array.from(l).length));

describe("widths", () => {
  it("never cuts when stdout is not a terminal; COLUMNS and --width fit the table and keep the Call-ID", () => {
    const piped = sipta(["calls", DEMO]);
    expect(piped.code).toBe(0);
    expect(piped.out).not.toContain("…");
    for (const id of ["call-1@a.example", "call-ob@example.net", "redir-1@a.example"]) expect(piped.out).toContain(id);
    for (const narrow of [sipta(["calls", DEMO], { COLUMNS: "70" }), sipta(["calls", DEMO, "--width", "70"])]) {
      expect(maxLine(narrow.out)).toBeLessThanOrEqual(70);
      expect(narrow.out).toContain("call-ob@example.net");
    }
  });

  it("messages: aligned header, frame numbers only, width-aware", () => {
    const r = sipta(["messages", DEMO]);
    const [head, first] = r.out.split("\n");
    expect(head).toMatch(/^Frame +Time +Source +Destination +Proto +Message +CSeq +Call-ID$/);
    expect(first).toMatch(/^ +1 +10:00:00\.000000 +10\.0\.0\.11:5060 +→ +10\.0\.0\.12:5060 +UDP +INVITE +1 INVITE +call-1@a\.example$/);
    // Columns line up: the Call-ID starts where its header does.
    expect(first?.indexOf("call-1@a.example")).toBe(head?.indexOf("Call-ID"));
    const narrow = sipta(["messages", DEMO, "--width", "80"]);
    expect(maxLine(narrow.out)).toBeLessThanOrEqual(80);
  });

  it("messages: filters of calls, csv and json, --raw", () => {
    const csv = sipta(["messages", DEMO, "--call-id", "redir", "--format", "csv"]);
    const rows = csv.out.trimEnd().split("\r\n");
    expect(rows[0]).toBe("frame,line,file,time,src,dst,transport,method,status,reason,call_id,cseq,warnings");
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows.slice(1)) expect(r).toContain("redir-1@a.example");
    const json = JSON.parse(sipta(["messages", DEMO, "--code", "2xx", "--method", "REFER", "--format", "json"]).out) as { status: number; cseq: { method: string } }[];
    expect(json.length).toBeGreaterThan(0);
    for (const m of json) expect(m.status).toBe(202);
    const raw = sipta(["messages", DEMO, "--call-id", "call-1", "--method", "NOTIFY", "--raw"]);
    expect(raw.out).toContain("Content-Type: message/sipfrag");
    expect(raw.out).toContain("SIP/2.0 100 Trying");
  });
});

describe("finding calls", () => {
  it("--call-id takes a unique prefix or substring, lists candidates otherwise", () => {
    const prefix = sipta(["flow", DEMO, "--call-id", "redir"]);
    expect(prefix.code).toBe(0);
    expect(prefix.out).toContain("Call-ID redir-1@a.example");
    const piece = sipta(["flow", DEMO, "--call-id", "ob@exam"]);
    expect(piece.out).toContain("Call-ID call-ob@example.net");
    const cut = sipta(["flow", DEMO, "--call-id", "call-ob@exa…"]);
    expect(cut.out).toContain("Call-ID call-ob@example.net");
    const several = sipta(["flow", DEMO, "--call-id", "call-"]);
    expect(several.code).toBe(2);
    expect(several.err).toContain("matches 3 calls");
    expect(several.err).toContain("call-2@b.example");
    const none = sipta(["flow", DEMO, "--call-id", "redir-9"]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no Call-ID contains "redir-9"; nearest:\n +redir-1@a\.example/);
    expect(sipta(["calls", DEMO, "--call-id", "ob@"]).out).toContain("call-ob@example.net");
  });

  it("call numbers stay those of the unfiltered list, and flow --call N takes them", () => {
    const filtered = sipta(["calls", DEMO, "--address", "10.0.0.13"]);
    const lines = filtered.out.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^2 .*call-2@b\.example$/);
    const csv = sipta(["calls", DEMO, "--address", "10.0.0.13", "--format", "csv"]);
    expect(csv.out.split("\r\n")[1]).toMatch(/^2,call-2@b\.example,/);
    expect(sipta(["flow", DEMO, "--call", "2"]).out).toContain("Call-ID call-2@b.example");
    const nan = sipta(["flow", DEMO, "--call", "abc"]);
    expect(nan.code).toBe(2);
    expect(nan.err).toContain("--call takes a call number");
  });

  it("--code classes, --state, --since on the capture's date", () => {
    expect(sipta(["calls", DEMO, "--code", "4xx"]).out).toContain("call-ob@example.net");
    const since = sipta(["calls", DEMO, "--since", "10:01:00"]).out;
    expect(since).not.toContain("call-1@a.example");
    expect(since).toContain("redir-1@a.example");
    expect(sipta(["calls", DEMO, "--since", "+60s"]).out).not.toContain("call-1@a.example");
    expect(sipta(["calls", DEMO, "--code", "4yy"]).code).toBe(2);
  });

  it("several unrelated inputs: a File column, and --per-file keeps them apart", () => {
    const two = sipta(["calls", DEMO, "fixtures/scenarios/redirect-302-followed.pcap"]);
    expect(two.out.split("\n")[0]).toMatch(/File +Call-ID$/);
    expect(two.out).toContain("redirect-302-followed.pcap");
    const per = sipta(["calls", DEMO, "fixtures/scenarios/redirect-302-followed.pcap", "--per-file", "--format", "csv"]);
    const rows = per.out.trimEnd().split("\r\n");
    expect(rows[0]?.endsWith(",file")).toBe(true);
    expect(rows.filter((r) => r.startsWith("1,"))).toHaveLength(2);
  });
});

describe("show and saved analyses", () => {
  it("show --frame prints the message as captured with its annotation; --call-id --index; json", () => {
    const r = sipta(["show", DEMO, "--frame", "6"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^── frame 6 · .* · 202 Accepted/);
    expect(r.out).toContain("SIP/2.0 202 Accepted\nVia: ");
    expect(r.out).toContain("refer: transfer-succeeded");
    const k = sipta(["show", DEMO, "--call-id", "redir", "--index", "1"]);
    expect(k.out).toMatch(/^INVITE sip:/m);
    const json = JSON.parse(sipta(["show", DEMO, "--frame", "1", "--format", "json"]).out) as { message: { frame: number }; raw: string }[];
    expect(json[0]?.message.frame).toBe(1);
    expect(json[0]?.raw).toMatch(/^INVITE /);
    const missing = sipta(["show", DEMO, "--frame", "100000"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nearest frames with SIP");
  });

  it("calls, flow and show read the saved JSON analysis (with --raw) instead of the capture", () => {
    const dir = mkdtempSync(join(tmpdir(), "sipta-saved-"));
    const saved = join(dir, "a.json");
    writeFileSync(saved, sipta(["analyze", DEMO, "--format", "json", "--raw"]).out);
    expect(sipta(["calls", saved]).out).toBe(sipta(["calls", DEMO]).out);
    expect(sipta(["flow", saved, "--call", "3"]).out).toBe(sipta(["flow", DEMO, "--call", "3"]).out);
    expect(sipta(["show", saved, "--frame", "6"]).out).toBe(sipta(["show", DEMO, "--frame", "6"]).out);
  });
});

describe("clear words", () => {
  it("typos, bare sipta, -V", () => {
    const typo = sipta(["call", DEMO]);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain("Unknown command 'call'. Did you mean 'calls'?");
    expect(sipta(["anlyze", DEMO]).err).toContain("Did you mean 'analyze'?");
    const bare = sipta([]);
    expect(bare.code).toBe(0);
    expect(bare.out).toContain("Commands:");
    expect(sipta(["-V"]).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("a non-capture or an empty folder: exit 3 and one line naming it", () => {
    const readme = sipta(["calls", "README.md"]);
    expect(readme.code).toBe(3);
    expect(readme.err.trim().split("\n")).toHaveLength(1);
    expect(readme.err).toMatch(/^sipta: README\.md: not a pcap, pcapng or SIP log/);
    const dir = mkdtempSync(join(tmpdir(), "sipta-empty-"));
    mkdirSync(join(dir, "sub"));
    const empty = sipta(["calls", dir]);
    expect(empty.code).toBe(3);
    expect(empty.err).toContain("no capture or log files found");
    expect(sipta(["messages", "README.md"]).code).toBe(3);
  });

  it("warnings as sentences on stderr, once; --fail-on says what matched", () => {
    const r = sipta(["calls", DEMO]);
    const lines = r.err.trim().split("\n");
    expect(lines.filter((l) => l.includes("lost its connection"))).toHaveLength(1);
    const fail = sipta(["analyze", DEMO, "--fail-on", "transfer-succeeded", "--format", "json"]);
    expect(fail.code).toBe(1);
    expect(fail.err).toMatch(/--fail-on matched refer:transfer-succeeded \(202\) ×1 \(frame 6, Call-ID call-1@a\.example\)/);
    expect(sipta(["analyze", DEMO, "--fail-on", "4xx", "--format", "json"]).code).toBe(1);
  });
});
