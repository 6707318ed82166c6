/**
 * Terminal safety as a user meets it: a log whose SIP carries ESC sequences, an OSC 52 clipboard write, BEL, CR,
 * BS, the one-byte C1 CSI, DEL, U+202E and the other bidi controls, ZWSP and U+2028/9, read by every command that
 * prints to a terminal (lint included), and a file NAME carrying the same (the "cannot open" error). Neither stdout
 * nor stderr may carry one of them raw.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pool } from "../helpers/pool.js";
import { runCli } from "../helpers/run-cli.js";

/** Everything a capture must never send to a terminal raw (LF and TAB are layout, not attacks). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;

const EVIL = "\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202egnp.exe\u2066x\u2069\u200b\u2028\u2029\u007f\b\r";

function hostileLog(): string {
  const m = (lines: string[]): string => `${lines.join("\r\n")}\r\n\r\n`;
  return [
    m([
      `INVITE sip:bob${EVIL}@b.example SIP/2.0`,
      "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-evil",
      `From: "${EVIL}" <sip:alice@a.example>;tag=1`,
      `To: <sip:bob@b.example>`,
      `Call-ID: evil${EVIL}@a.example`,
      "CSeq: 1 INVITE",
      `Subject: ${EVIL}`,
      "Content-Length: 0",
    ]),
    m([
      `SIP/2.0 486 Busy ${EVIL}`,
      "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-evil",
      `From: "${EVIL}" <sip:alice@a.example>;tag=1`,
      "To: <sip:bob@b.example>;tag=2",
      `Call-ID: evil${EVIL}@a.example`,
      "CSeq: 1 INVITE",
      "Content-Length: 0",
    ]),
  ].join("");
}

describe("terminal safety: no raw control character from a capture reaches stdout or stderr", () => {
  it("every terminal command on a hostile log, and the cannot-open error on a hostile file name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sipta-term-"));
    const log = join(dir, "hostile.log");
    writeFileSync(log, hostileLog());
    const missing = join(dir, `nope${EVIL}.pcap`);
    const runs = [
      ["analyze", log, "--all"],
      ["analyze", log, "--format", "markdown"],
      ["messages", log],
      ["messages", log, "--raw"],
      ["calls", log],
      ["calls", log, "--format", "csv"],
      ["flow", log],
      ["lint", log],
      ["show", log, "--line", "1"],
      ["calls", missing],
      ["messages", missing],
      ["lint", missing],
    ];
    const results = await pool(runs.map((args) => () => runCli(args, { kind: "all" }, { FORCE_COLOR: "0" })), 3);
    runs.forEach((args, i) => {
      const r = results[i]!;
      const what = args.join(" ");
      expect(r.err, what).not.toMatch(/internal error|\n\s+at /);
      // CSV separates records with CRLF (RFC 4180 §2): layout, not capture data.
      const out = r.out.toString("utf8").replace(/\r\n/g, "\n");
      expect(RAW_CONTROL.test(out), `stdout of ${what}: ${JSON.stringify(r.out.toString("utf8").slice(0, 300))}`).toBe(false);
      expect(RAW_CONTROL.test(r.err), `stderr of ${what}: ${JSON.stringify(r.err.slice(0, 300))}`).toBe(false);
    });
    // The payload was there to escape: its visible form is printed.
    expect(results[2]!.out.toString("utf8")).toMatch(/\\x1b|\\u202e/);
    expect(results[9]!.code).toBe(3);
    expect(results[9]!.err).toContain("\\x1b]52;c;");
  }, 600_000);
});
