/**
 * Every real example under ../shared/corpus/text parses with the message count verified by reading the file.
 * How each count was made is noted per file. Skipped, visibly, when the corpus folder is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { detectTextLogFormat } from "../../src/textlog/index.js";
import type { TextLogFormat } from "../../src/textlog/index.js";
import { formatEndpoint } from "../../src/model/endpoint.js";
import { formatTimeIso } from "../../src/model/time.js";
import { codes, firstLine, readAll, text } from "./read-all.js";

const CORPUS = resolve(import.meta.dirname, "../..", "../shared/corpus/text");
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus not found at ${CORPUS}: text-log corpus tests skipped`);

interface Case {
  readonly file: string;
  readonly format: TextLogFormat;
  readonly count: number;
  /** How the count was verified by reading the file. */
  readonly how: string;
  readonly first?: string;
  readonly firstLine?: number;
  readonly truncated?: number;
  readonly expectCodes?: readonly string[];
}

const CASES: readonly Case[] = [
  { file: "asterisk-chan-pjsip/example-1-console-rvvvvv.log", format: "asterisk-pjsip", count: 6, how: "6 `<--- Received/Transmitting SIP` markers (lines 2, 16, 39, 70, 81, 96)", first: "OPTIONS sip:s@31.97.210.100:5060 SIP/2.0", firstLine: 3 },
  { file: "asterisk-chan-sip/example-1-full-log-timestamp-prefixed.log", format: "asterisk-chan-sip", count: 4, how: "6 `<--- SIP read/Transmitting` frames; 2 hold only the `jaK` keep-alive", first: "REGISTER sip:10.49.0.2 SIP/2.0", firstLine: 8, expectCodes: ["textlog.not_sip"] },
  { file: "asterisk-chan-sip/example-2-console-old-and-new-markers.log", format: "asterisk-chan-sip", count: 2, how: "old `Reliably Transmitting ... :` frame (NOTIFY) + `<--- SIP read from` frame (200)", first: "NOTIFY sip:6002@10.24.18.138:5060;ob SIP/2.0", firstLine: 6 },
  { file: "freeswitch-sofia/example-1-sofia-pre2019-indented.log", format: "freeswitch-sofia", count: 5, how: "5 `send/recv N bytes` stamps (lines 1, 30, 42, 69, 81)", first: "INVITE sip:10.11.34.37 SIP/2.0", firstLine: 3 },
  { file: "freeswitch-sofia/example-2-sofia-siptrace-unindented.log", format: "freeswitch-sofia", count: 3, how: "3 stamps (lines 1, 17, 37)", first: "REGISTER sip:192.168.4.4;transport=UDP SIP/2.0", firstLine: 3 },
  { file: "freeswitch-sofia/example-3-drachtio-sofia-timestamped.log", format: "freeswitch-sofia", count: 1, how: "1 stamp (line 4); body cut at `Content-Ty` (Content-Length 449)", first: "INVITE sip:DRACHTIO:15060 SIP/2.0", firstLine: 5, truncated: 1 },
  { file: "kamailio-sipdump/example-1.data", format: "kamailio-sipdump", count: 26, how: "26 `====================` records, each closed by `||||...`, all SIP (2 calls x 13)", first: "INVITE sip:service@127.0.0.1:5060 SIP/2.0", firstLine: 13 },
  { file: "opensips-trace/example-1-opensips-cli-trace.log", format: "opensips-trace", count: 2, how: "2 `epoch UDP/SIP a -> b` headers (lines 1, 35)", first: "INVITE sip:11@10.0.0.15 SIP/2.0", firstLine: 2 },
  { file: "pjsip-pjsua/example-1-pjsua-tx-retransmit.log", format: "pjsip-pjsua", count: 1, how: "1 `TX 945 bytes` record; the leading `--end msg--` closes a block outside the excerpt", first: "INVITE sip:3034944774@sip2sip.info SIP/2.0", firstLine: 3 },
  { file: "pjsip-pjsua/example-2-pjsua-rx-compact-headers-TRUNCATED.log", format: "pjsip-pjsua", count: 1, how: "1 `RX 1386 bytes` record, stops inside the SDP (no --end msg--)", first: "INVITE sip:90060020@223.104.41.1:16090;ob SIP/2.0", firstLine: 2, truncated: 1 },
  { file: "sipp-trace-msg/example-1-uac-udp.log", format: "sipp-trace-msg", count: 12, how: "12 dashed separators, each followed by `UDP message sent/received` (2 calls x 6)", first: "INVITE sip:service@127.0.0.1:5070 SIP/2.0", firstLine: 4 },
  { file: "sipp-trace-msg/example-2-uas-udp.log", format: "sipp-trace-msg", count: 12, how: "12 dashed separators (UAS side of the same 2 calls)", first: "INVITE sip:service@127.0.0.1:5070 SIP/2.0", firstLine: 4 },
  { file: "sipp-trace-msg/example-3-uac-tcp.log", format: "sipp-trace-msg", count: 6, how: "6 dashed separators after 2 SIPp error lines (1 call)", first: "INVITE sip:service@127.0.0.1:5072 SIP/2.0", firstLine: 6 },
  { file: "sipp-trace-shortmsg/example-1-uac.log", format: "sipp-trace-shortmsg", count: 0, how: "12 TSV index rows and no message text: nothing to frame", expectCodes: ["textlog.no_sip_bodies"] },
  { file: "sngrep-txt-export/example-1.txt", format: "sngrep-txt", count: 26, how: "26 `YYYY/MM/DD ... a -> b` headers (same traffic as the sipdump file)", first: "INVITE sip:service@127.0.0.1:5060 SIP/2.0", firstLine: 2 },
  { file: "linphone-belle-sip/example-1-linphone-desktop-windows-doubled-newlines.log", format: "linphone-belle-sip", count: 1, how: "1 `received [722] new bytes` block; the `message sent` at the end has no text after it", first: "OPTIONS sip:04041338391@149.224.17.100;transport=udp SIP/2.0", firstLine: 4 },
  { file: "linphone-belle-sip/example-2-linphone-android.log", format: "linphone-belle-sip", count: 1, how: "1 `received [411] new bytes` block", first: "SIP/2.0 100 Trying", firstLine: 7 },
  { file: "linphone-belle-sip/example-3-ios-syslog-and-logcat.log", format: "linphone-belle-sip", count: 2, how: "1 iOS `message sent` (488) + 1 logcat `received [363]` (ACK, indented 4)", first: "SIP/2.0 488 Not acceptable here", firstLine: 2 },
  { file: "cisco-cube-ccsip/example-1-debug-ccsip-messages.log", format: "cisco-ccsip", count: 2, how: "2 `ccsipDisplayMsg:` stamps, `Sent:` INVITE and `Received:` 100", first: "INVITE sip:78002@csps-release.example1.com:5060 SIP/2.0", firstLine: 4 },
  { file: "audiocodes-syslog/example-1-paStash-errors-wrapping-syslog.log", format: "audiocodes-syslog", count: 1, how: "2 records with a SIP Message marker; the first holds a 200 OK cut after Via, the second no message text", first: "SIP/2.0 200 OK", firstLine: 1, truncated: 1 },
  { file: "baresip-siptrace/example-1-console.log", format: "baresip", count: 6, how: "6 `#` + `UDP a -> b` blocks (INVITE, 180, 200, ACK, BYE, 200)", first: "INVITE sip:service@127.0.0.1:5070 SIP/2.0", firstLine: 21 },
  { file: "tshark-text/example-1-V-full.txt", format: "tshark-text", count: 6, how: "6 `Frame N:` trees, each with one `Session Initiation Protocol` section", first: "INVITE sip:service@127.0.0.1:5060 SIP/2.0", firstLine: 59, expectCodes: ["textlog.lossy_reconstruction"] },
  { file: "tshark-text/example-2-O-sip.txt", format: "tshark-text", count: 12, how: "12 `Frame N:` trees / 12 `Session Initiation Protocol` lines", first: "INVITE sip:service@127.0.0.1:5060 SIP/2.0", firstLine: 6 },
  { file: "tshark-text/example-3-summary.txt", format: "tshark-text", count: 0, how: "26 summary lines, no message text", expectCodes: ["textlog.no_sip_bodies"] },
  { file: "tshark-text/example-4-follow-udp-ascii.txt", format: "tshark-text", count: 14, how: "14 byte-count lines (un-indented or TAB-indented) in the follow section of udp.stream 0", first: "INVITE sip:service@127.0.0.1:5060 SIP/2.0", firstLine: 8 },
];

const read = (f: string): Buffer => readFileSync(resolve(CORPUS, f));

describe.skipIf(!present)("text-log corpus (../shared/corpus/text)", () => {
  it.each(CASES.map((c) => [c.file, c] as const))("%s", async (file, c) => {
    const bytes = read(file);
    expect(detectTextLogFormat(bytes.subarray(0, 64 * 1024).toString("latin1"))).toBe(c.format);
    const r = await readAll(bytes, { file });
    expect(r.messages, c.how).toHaveLength(c.count);
    if (c.first !== undefined) expect(firstLine(r.messages[0])).toBe(c.first);
    if (c.firstLine !== undefined) expect(r.messages[0]?.origin.line).toBe(c.firstLine);
    expect(r.messages.filter((m) => m.truncated)).toHaveLength(c.truncated ?? 0);
    for (const code of c.expectCodes ?? []) expect(codes(r)).toContain(code);
    for (const m of r.messages) expect(m.carrier).toBe("log");
  });

  it("asterisk pjsip: byte counts match once CRLF is restored; times inherit the latest [date] line", async () => {
    const r = await readAll(read("asterisk-chan-pjsip/example-1-console-rvvvvv.log"), { date: "2025-12-11" });
    expect(r.messages.map((m) => m.bytes.length)).toEqual([477, 951, 964, 400, 759, 426]);
    expect(codes(r)).not.toContain("textlog.byte_count_mismatch");
    expect(r.messages[0]?.timePrecision).toBe("unknown");
    expect(r.messages[2]?.timePrecision).toBe("full");
    expect(formatTimeIso(r.messages[2]?.timeUs ?? 0)).toBe("2025-12-11T00:03:02.000000Z");
    expect(r.messages[0]?.src).toEqual({ ip: "46.19.209.44", port: 5060 });
    expect(r.messages[0]?.direction).toBe("in");
    expect(r.messages[1]?.direction).toBe("out");
  });

  it("sipdump, sngrep and tshark -V/-O/follow give the same bytes for the same packets", async () => {
    const dump = await readAll(read("kamailio-sipdump/example-1.data"));
    const sngrep = await readAll(read("sngrep-txt-export/example-1.txt"));
    const v = await readAll(read("tshark-text/example-1-V-full.txt"));
    const o = await readAll(read("tshark-text/example-2-O-sip.txt"));
    const follow = await readAll(read("tshark-text/example-4-follow-udp-ascii.txt"));
    for (let i = 0; i < 6; i++) {
      expect(text(sngrep.messages[i])).toBe(text(dump.messages[i]));
      expect(text(v.messages[i])).toBe(text(dump.messages[i]));
      expect(text(o.messages[i])).toBe(text(dump.messages[i]));
    }
    expect(text(follow.messages[0])).toBe(text(dump.messages[0]));
    // Capture time: sipdump stamps when Kamailio read the packet, tshark when the kernel saw it.
    expect(formatTimeIso(dump.messages[0]?.timeUs ?? 0)).toBe("2026-11-21T05:24:31.445876Z");
    expect(formatTimeIso(v.messages[0]?.timeUs ?? 0)).toBe("2026-11-21T05:24:31.445765Z");
    expect(formatTimeIso(sngrep.messages[0]?.timeUs ?? 0)).toBe("2026-11-21T05:24:31.445765Z");
    const m = dump.messages[0];
    expect(m === undefined || m.src === null || m.dst === null ? null : `${formatEndpoint(m.src)} ${formatEndpoint(m.dst)}`).toBe("127.0.0.1:5071 127.0.0.1:5060");
  });

  it("sipp: full dates, sent/received as direction, byte counts exact", async () => {
    const r = await readAll(read("sipp-trace-msg/example-1-uac-udp.log"));
    expect(formatTimeIso(r.messages[0]?.timeUs ?? 0)).toBe("2026-11-21T05:23:46.405756Z");
    expect(r.messages.map((m) => m.direction)).toEqual(["out", "in", "in", "out", "out", "in", "out", "in", "in", "out", "out", "in"]);
    expect(r.messages.map((m) => m.bytes.length).slice(0, 3)).toEqual([506, 305, 464]);
    expect(codes(r)).not.toContain("textlog.byte_count_mismatch");
  });

  it("freeswitch pre-2019: indentation removed, byte counts exact, time of day completed by --date", async () => {
    const r = await readAll(read("freeswitch-sofia/example-1-sofia-pre2019-indented.log"), { date: "2009-06-01" });
    expect(r.messages.map((m) => m.bytes.length)).toEqual([765, 282, 668, 296, 353]);
    expect(formatTimeIso(r.messages[0]?.timeUs ?? 0)).toBe("2009-06-01T15:46:48.569658Z");
    expect(r.messages[0]?.dst).toEqual({ ip: "10.11.34.37", port: 5060 });
  });

  it("drachtio: date from the log prefix, time from the sofia stamp", async () => {
    const r = await readAll(read("freeswitch-sofia/example-3-drachtio-sofia-timestamped.log"));
    expect(r.messages[0]?.timePrecision).toBe("full");
    expect(formatTimeIso(r.messages[0]?.timeUs ?? 0)).toBe("2021-09-07T07:36:14.784706Z");
    // The body is shorter than its Content-Length: one diagnostic, from framing (as for a capture), not three.
    expect(r.messages[0]?.truncated).toBe(true);
    expect(codes(r).filter((c) => c !== "textlog.unparsed_line")).toEqual(["framing.content_length_mismatch"]);
  });

  it("linphone: doubled newlines collapsed to the exact byte count; host names kept as peers", async () => {
    const r = await readAll(read("linphone-belle-sip/example-1-linphone-desktop-windows-doubled-newlines.log"));
    expect(r.messages[0]?.bytes.length).toBe(722);
    expect(r.messages[0]?.src).toEqual({ ip: "cx.dtst.de", port: 5060 });
    const ios = await readAll(read("linphone-belle-sip/example-3-ios-syslog-and-logcat.log"));
    expect(ios.messages.map((m) => m.bytes.length)).toEqual([392, 363]);
    expect(ios.messages[1]?.transport).toBe("tls");
  });

  it("cisco: the missing empty line before the SDP is restored and reported", async () => {
    const r = await readAll(read("cisco-cube-ccsip/example-1-debug-ccsip-messages.log"));
    expect(text(r.messages[0])).toContain("Content-Length: 234\r\n\r\nv=0\r\n");
    expect(codes(r)).toContain("textlog.header_end_missing");
    expect(r.messages[0]?.src).toEqual({ ip: "192.168.1.174", port: 5060 });
    expect(r.messages[0]?.addressesInferred).toBe(true);
  });
});
