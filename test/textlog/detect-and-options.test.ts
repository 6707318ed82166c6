/** Format detection, forced formats, --date / --tz handling and the format list. */
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/diagnostics/errors.js";
import { TEXT_LOG_FORMATS, detectTextLogFormat, isTextLogFormat } from "../../src/textlog/index.js";
import { renderTextLogFixtures } from "../../scripts/fixtures/textlogs.js";
import { gunzipSync } from "node:zlib";
import { codes, readAll } from "./read-all.js";

describe("detectTextLogFormat", () => {
  it.each(renderTextLogFixtures().map((f) => [f.path, f.bytes] as const))("%s", (path, bytes) => {
    const head = (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).subarray(0, 8192).toString("latin1");
    expect(detectTextLogFormat(head)).toBe(path.split("/")[0]);
  });

  it("returns null for text with no SIP in it", () => {
    expect(detectTextLogFormat("hello\nworld\n2026-01-01 nothing here\n")).toBeNull();
    expect(detectTextLogFormat("")).toBeNull();
  });

  it("lists every format once with a description", () => {
    const names = TEXT_LOG_FORMATS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("raw-sip");
    expect(TEXT_LOG_FORMATS.every((f) => f.description.length > 10)).toBe(true);
    expect(isTextLogFormat("asterisk-pjsip")).toBe(true);
    expect(isTextLogFormat("nope")).toBe(false);
  });
});

describe("reading", () => {
  const invite = "INVITE sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 10.0.0.1:5070;branch=z9hG4bK1\r\nContent-Length: 0\r\n\r\n";

  it("finds the first frame after a long non-SIP preamble (detection keeps scanning)", async () => {
    const preamble = Array.from({ length: 600 }, (_, i) => `2026-01-01 00:00:00.000000 [INFO] startup line ${i}`).join("\n");
    const log = `${preamble}\nrecv 80 bytes from tcp/[10.0.0.1]:5070 at 10:00:00.000001:\n${"-".repeat(72)}\n${invite.replace(/\r\n/g, "\n")}`;
    const r = await readAll(Buffer.from(log, "latin1"));
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]?.transport).toBe("tcp");
    expect(r.messages[0]?.timePrecision).toBe("full");
    expect(codes(r)).toContain("textlog.unparsed_line");
  });

  it("a forced format is used even when detection would pick another", async () => {
    const r = await readAll(Buffer.from(invite, "latin1"), { format: "raw-sip" });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]?.transport).toBe("tcp");
    expect(r.messages[0]?.src).toEqual({ ip: "10.0.0.1", port: 5070 });
    expect(r.messages[0]?.addressesInferred).toBe(true);
  });

  it("no SIP at all gives a diagnostic, not an exception", async () => {
    const r = await readAll(Buffer.from("just some text\nnothing else\n"));
    expect(r.messages).toHaveLength(0);
    expect(codes(r)).toContain("textlog.no_sip_found");
  });

  it("bad --date / --tz are usage errors", async () => {
    await expect(readAll(Buffer.from(invite), { date: "08/01/2026" })).rejects.toBeInstanceOf(UsageError);
    await expect(readAll(Buffer.from(invite), { tz: "Mars/Olympus" })).rejects.toBeInstanceOf(UsageError);
  });

  it("a time of day that goes back more than 12 h is the next day", async () => {
    const frame = (t: string): string => `20:00:00.000 x\n${t}   pjsua_core.c  .RX 80 bytes Request msg INVITE/cseq=1 (rdata0x1) from TCP 10.0.0.1:5070:\n${invite}\n--end msg--\n`;
    const r = await readAll(Buffer.from(frame("23:59:59.000") + frame("00:00:01.000"), "latin1"), { date: "2026-01-08" });
    expect(r.messages.map((m) => m.timeUs)).toEqual([Date.UTC(2026, 0, 8, 23, 59, 59) * 1000, Date.UTC(2026, 0, 9, 0, 0, 1) * 1000]);
  });

  it("raw SIP: a sipfrag body that starts with a status line stays in its NOTIFY", async () => {
    const notify = "NOTIFY sip:a@x SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.2;branch=z9hG4bK2\r\nContent-Type: message/sipfrag\r\nContent-Length: 16\r\n\r\nSIP/2.0 200 OK\r\n";
    const r = await readAll(Buffer.from(`${notify}\n${invite}`, "latin1"));
    expect(r.messages.map((m) => m.bytes.toString("latin1"))).toEqual([notify, invite]);
  });
});
