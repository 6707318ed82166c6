/** Streaming: the same bytes fed in 1-byte, odd-sized or whole chunks give identical messages and diagnostics. */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { renderTextLogFixtures } from "../../scripts/fixtures/textlogs.js";
import { openInput } from "../../src/input/open-input.js";
import { readTextLogEvents } from "../../src/textlog/index.js";
import { ArraySink } from "../../src/diagnostics/sink.js";
import type { ReadResult } from "./read-all.js";
import { readAll } from "./read-all.js";

function summarise(r: ReadResult): string {
  const ms = r.messages.map((m) => JSON.stringify({ ...m, bytes: m.bytes.toString("latin1") }));
  const ds = r.diagnostics.map((d) => JSON.stringify(d));
  return [...ms, ...ds].join("\n");
}

const PICK = [
  "asterisk-pjsip/console-ansi-noise.log",
  "freeswitch-sofia/basic-pre2019.log",
  "kamailio-sipdump/basic.data",
  "linphone-belle-sip/windows-doubled.log",
  "pjsip-pjsua/truncated.log",
  "tshark-text/basic.log",
  "baresip/basic.log",
  "asterisk-pjsip/crlf.log",
];

describe("chunk boundaries do not change the result", () => {
  const fixtures = renderTextLogFixtures().filter((f) => PICK.includes(f.path));
  it.each(fixtures.map((f) => [f.path, f.bytes] as const))("%s", async (_path, bytes) => {
    const whole = summarise(await readAll(bytes, {}, bytes.length));
    expect(whole.length).toBeGreaterThan(100);
    for (const size of [1, 7, 13, 4096]) {
      expect(summarise(await readAll(bytes, {}, size)), `chunk size ${size}`).toBe(whole);
    }
  });
});

describe("gzip logs through openInput", () => {
  const gz = resolve(import.meta.dirname, "../../fixtures/textlog/asterisk-pjsip/basic.log.gz");
  it.skipIf(!existsSync(gz))("a .gz log reads like the plain one", async () => {
    const sink = new ArraySink();
    const n: string[] = [];
    for await (const m of readTextLogEvents(openInput(gz), { file: "basic.log.gz" }, sink)) n.push(m.bytes.toString("latin1"));
    const plain = await readAll(readFileSync(resolve(import.meta.dirname, "../../fixtures/textlog/asterisk-pjsip/basic.log")));
    expect(n).toHaveLength(16);
    expect(n).toEqual(plain.messages.map((m) => m.bytes.toString("latin1")));
  });
});
