/** Hostile input: cut anywhere, garbage, endless frames and lines. The reader never throws and stays bounded. */
import { describe, expect, it } from "vitest";
import { renderTextLogFixtures } from "../../scripts/fixtures/textlogs.js";
import { MAX_MESSAGE_CHARS } from "../../src/textlog/log-block.js";
import { codes, readAll } from "./read-all.js";

describe("robustness", () => {
  it("every format cut at 40 offsets never throws and never yields more than the whole", async () => {
    for (const f of renderTextLogFixtures().filter((x) => !x.path.endsWith(".gz"))) {
      const whole = (await readAll(f.bytes)).messages.length;
      for (let k = 1; k <= 40; k++) {
        const at = Math.floor((f.bytes.length * k) / 41);
        const r = await readAll(f.bytes.subarray(0, at));
        expect(r.messages.length).toBeLessThanOrEqual(whole);
      }
    }
  });

  it("a frame that never ends is cut at the cap and marked truncated", async () => {
    const body = "a=x\n".repeat(MAX_MESSAGE_CHARS / 2);
    const log = `<--- Received SIP request (999999 bytes) from UDP:10.0.0.1:5060 --->\nMESSAGE sip:a@b SIP/2.0\nContent-Length: 999999\n\n${body}`;
    const r = await readAll(Buffer.from(log, "latin1"), {}, 65536);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]?.truncated).toBe(true);
    expect(r.messages[0]!.bytes.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 1024);
    expect(codes(r)).toContain("textlog.truncated_message");
  });

  it("an endless line is cut and reported", async () => {
    const log = `INVITE sip:a@b SIP/2.0\nX-Long: ${"y".repeat(200_000)}\nContent-Length: 0\n\n`;
    const r = await readAll(Buffer.from(log, "latin1"), {}, 8192);
    expect(codes(r)).toContain("textlog.long_line");
    expect(r.messages).toHaveLength(1);
  });

  it("binary garbage gives diagnostics only", async () => {
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const r = await readAll(junk, {}, 333);
    expect(r.messages).toHaveLength(0);
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});
