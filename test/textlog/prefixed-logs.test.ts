/**
 * Logs that are another log with something around every line (issue 11 item 2), from scripts/fixtures/carrier-logs.ts:
 * a FreeSWITCH sofia trace with the session UUID on every line (as sipify.sh leaves it), raw SIP behind a syslog
 * header, ngrep output behind a `docker compose logs` container name: each gives back the scenario byte for byte,
 * with one diagnostic naming the prefix. A trace cut down to start lines keeps every line as a message.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTAINER_PREFIX, SESSION_UUID, SYSLOG_PREFIX, renderCarrierLogFixtures } from "../../scripts/fixtures/carrier-logs.js";
import { TEXTLOG_SCENARIO } from "../../scripts/fixtures/textlog-scenario.js";
import { analyze } from "../../src/pipeline/analyze.js";
import { codes, firstLine, readAll, text } from "./read-all.js";

const ROOT = resolve(import.meta.dirname, "../../fixtures/textlog");
const FIXTURES = renderCarrierLogFixtures();
const bytesOf = (path: string): Buffer => {
  const f = FIXTURES.find((x) => x.path === path);
  if (f === undefined) throw new Error(path);
  return f.bytes;
};

describe("logs with a prefix on every line", () => {
  const cases = [
    { path: "prefixed/sofia-session-uuid.log", prefix: SESSION_UUID, format: "freeswitch-sofia", date: "2026-01-08" },
    { path: "prefixed/raw-sip-syslog.log", prefix: SYSLOG_PREFIX.trimEnd(), format: "raw-sip" },
    { path: "prefixed/ngrep-docker-compose.log", prefix: CONTAINER_PREFIX.trimEnd(), format: "ngrep-byline" },
  ] as const;

  it.each(cases)("$path: the prefix is stripped, its value named once, every message given back", async (c) => {
    const r = await readAll(bytesOf(c.path), { file: c.path, ...("date" in c ? { date: c.date } : {}) });
    expect(r.messages.map(text)).toEqual(TEXTLOG_SCENARIO.map((m) => m.text));
    const d = r.diagnostics.filter((x) => x.code === "textlog.line_prefix");
    expect(d).toHaveLength(1);
    expect(d[0]?.message).toContain(JSON.stringify(c.prefix));
    expect(d[0]?.message).toContain(`reading the log as ${c.format}`);
  });

  it("a log without a prefix is read as before, with no prefix diagnostic", async () => {
    const r = await readAll(Buffer.from(TEXTLOG_SCENARIO.map((m) => m.text).join("\n"), "latin1"));
    expect(r.messages).toHaveLength(TEXTLOG_SCENARIO.length);
    expect(codes(r)).not.toContain("textlog.line_prefix");
  });
});

describe("a trace cut down to start lines", () => {
  it("keeps one message per line, each marked truncated with one diagnostic, and no missing-header errors", async () => {
    const r = await readAll(bytesOf("prefixed/start-lines-only.log"));
    expect(r.messages.map(firstLine)).toEqual(TEXTLOG_SCENARIO.map((m) => m.text.split("\r\n", 1)[0]));
    expect(r.messages.every((m) => m.truncated)).toBe(true);
    expect(codes(r).filter((c) => c === "textlog.start_line_only")).toHaveLength(TEXTLOG_SCENARIO.length);
    // Through the parser too: the headers were lost, not omitted, so no sip.missing_* errors (6 per line before).
    const doc = await analyze([resolve(ROOT, "prefixed/start-lines-only.log")]);
    expect(doc.messages).toHaveLength(TEXTLOG_SCENARIO.length);
    expect(doc.diagnostics.filter((d) => d.code.startsWith("sip.missing_"))).toEqual([]);
  });
});

it("the committed files in fixtures/textlog/prefixed match the script (npx tsx scripts/fixtures/carrier-logs.ts)", () => {
  for (const f of FIXTURES) {
    const p = resolve(ROOT, f.path);
    expect(existsSync(p), p).toBe(true);
    expect(readFileSync(p).equals(f.bytes), p).toBe(true);
  }
});
