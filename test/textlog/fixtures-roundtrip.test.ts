/**
 * The project's own fixtures (scripts/fixtures/textlogs.ts renders one SIP scenario into every format, with quirks):
 * each must give back the scenario's messages byte for byte, with the times, addresses and directions the format
 * carries. The committed files under fixtures/textlog must match what the script writes today.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { formatEndpoint } from "../../src/model/endpoint.js";
import { renderTextLogFixtures } from "../../scripts/fixtures/textlogs.js";
import { TEXTLOG_SCENARIO } from "../../scripts/fixtures/textlog-scenario.js";
import { codes, readAll, text } from "./read-all.js";

const ROOT = resolve(import.meta.dirname, "../../fixtures/textlog");
const FIXTURES = renderTextLogFixtures();

type TimeKind = "exact" | "second" | "none";
type Addresses = "both" | "peer" | "none";

interface Expect {
  readonly times: TimeKind;
  readonly date?: string;
  readonly addresses: Addresses;
  readonly direction: boolean;
  readonly truncatedLast?: boolean;
  /** tshark follow writes one section per conversation: messages come grouped by address pair. */
  readonly byConversation?: boolean;
}

function conversationOrder(): typeof TEXTLOG_SCENARIO {
  const groups = new Map<string, (typeof TEXTLOG_SCENARIO)[number][]>();
  for (const m of TEXTLOG_SCENARIO) {
    const k = [formatEndpoint(m.src), formatEndpoint(m.dst)].sort().join("|");
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  return [...groups.values()].flat();
}

// What each fixture carries (docs/text-logs.md); `date` is passed as --date for formats without a full date.
const EXPECT: Readonly<Record<string, Expect>> = {
  "asterisk-pjsip/basic.log": { times: "exact", addresses: "peer", direction: true },
  "asterisk-pjsip/basic.log.gz": { times: "exact", addresses: "peer", direction: true },
  "asterisk-pjsip/console-ansi-noise.log": { times: "none", addresses: "peer", direction: true },
  "asterisk-pjsip/lf-paste.log": { times: "exact", addresses: "peer", direction: true },
  "asterisk-pjsip/crlf.log": { times: "exact", addresses: "peer", direction: true },
  "asterisk-chan-sip/basic.log": { times: "none", addresses: "peer", direction: true },
  "asterisk-chan-sip/line-prefixed.log": { times: "second", date: "2026-01-08", addresses: "peer", direction: true },
  "freeswitch-sofia/basic-2019.log": { times: "exact", date: "2026-01-08", addresses: "peer", direction: true },
  "freeswitch-sofia/basic-pre2019.log": { times: "exact", date: "2026-01-08", addresses: "peer", direction: true },
  "freeswitch-sofia/dated-ansi.log": { times: "exact", addresses: "peer", direction: true },
  "freeswitch-sofia/truncated-pre2019.log": { times: "exact", date: "2026-01-08", addresses: "peer", direction: true, truncatedLast: true },
  "sipp-trace-msg/basic.log": { times: "exact", addresses: "none", direction: true },
  "sipp-trace-msg/errors-interleaved.log": { times: "exact", addresses: "none", direction: true },
  "sipp-trace-msg/truncated.log": { times: "exact", addresses: "none", direction: true, truncatedLast: true },
  "pjsip-pjsua/basic.log": { times: "exact", date: "2026-01-08", addresses: "peer", direction: true },
  "pjsip-pjsua/indented-paste.log": { times: "exact", date: "2026-01-08", addresses: "peer", direction: true },
  "pjsip-pjsua/truncated.log": { times: "exact", date: "2026-01-08", addresses: "peer", direction: true, truncatedLast: true },
  "kamailio-sipdump/basic.data": { times: "exact", addresses: "both", direction: true },
  "opensips-trace/basic.log": { times: "exact", addresses: "both", direction: false },
  "sngrep-txt/basic.log": { times: "exact", addresses: "both", direction: false },
  "linphone-belle-sip/basic.log": { times: "exact", addresses: "peer", direction: true },
  "linphone-belle-sip/windows-doubled.log": { times: "exact", addresses: "peer", direction: true },
  "cisco-ccsip/basic.log": { times: "exact", date: "2026-01-08", addresses: "none", direction: true },
  "audiocodes-syslog/basic.log": { times: "exact", date: "2026-01-08", addresses: "peer", direction: true },
  "baresip/basic.log": { times: "none", addresses: "both", direction: false },
  "tshark-text/basic.log": { times: "none", addresses: "both", direction: false, byConversation: true },
  "raw-sip/basic.log": { times: "none", addresses: "none", direction: false },
  "raw-sip/lf-paste.log": { times: "none", addresses: "none", direction: false },
  "ngrep-byline/basic.log": { times: "exact", addresses: "both", direction: false },
  "ngrep-byline/preamble-no-time.log": { times: "none", addresses: "both", direction: false },
};

describe("text-log fixtures written by scripts/fixtures/textlogs.ts", () => {
  it("cover every format and every fixture has an expectation", () => {
    const formats = new Set(FIXTURES.map((f) => f.path.split("/")[0]));
    expect(formats.size).toBe(15);
    expect(FIXTURES.map((f) => f.path).sort()).toEqual(Object.keys(EXPECT).sort());
  });

  it.each(FIXTURES.map((f) => [f.path, f] as const))("%s on disk is what the script renders", (path, f) => {
    const p = resolve(ROOT, path);
    expect(existsSync(p), `${p} missing: run npx tsx scripts/fixtures/textlogs.ts`).toBe(true);
    expect(readFileSync(p).equals(f.bytes)).toBe(true);
  });

  it.each(FIXTURES.map((f) => [f.path, f] as const))("%s gives back the scenario", async (path, f) => {
    const e = EXPECT[path];
    if (e === undefined) throw new Error(`no expectation for ${path}`);
    const bytes = path.endsWith(".gz") ? gunzipSync(f.bytes) : f.bytes;
    const r = await readAll(bytes, { file: path, ...(e.date === undefined ? {} : { date: e.date }) });
    expect(r.messages).toHaveLength(TEXTLOG_SCENARIO.length);
    const scenario = e.byConversation === true ? conversationOrder() : TEXTLOG_SCENARIO;
    const n = scenario.length;
    for (let i = 0; i < n; i++) {
      const want = scenario[i]!;
      const got = r.messages[i]!;
      const last = i === n - 1;
      if (last && e.truncatedLast === true) {
        expect(got.truncated).toBe(true);
        expect(want.text.startsWith(text(got).slice(0, 20))).toBe(true);
        continue;
      }
      expect(text(got), `message ${i}`).toBe(want.text);
      expect(got.truncated).toBe(false);
      expect(got.carrier).toBe("log");
      expect(got.transport).toBe("udp");
      expect(got.origin.frame).toBeNull();
      expect(got.origin.line).toBeGreaterThan(0);
      if (e.times === "exact") {
        expect(got.timePrecision).toBe("full");
        expect(got.timeUs).toBe(want.timeUs);
      } else if (e.times === "second") {
        expect(got.timePrecision).toBe("full");
        expect(Math.floor(got.timeUs / 1e6)).toBe(Math.floor(want.timeUs / 1e6));
      } else {
        expect(got.timePrecision).toBe("unknown");
      }
      expect(got.direction).toBe(e.direction ? want.direction : null);
      const peer = want.direction === "in" ? want.src : want.dst;
      if (e.addresses === "both") {
        expect(got.src === null ? null : formatEndpoint(got.src)).toBe(formatEndpoint(want.src));
        expect(got.dst === null ? null : formatEndpoint(got.dst)).toBe(formatEndpoint(want.dst));
        expect(got.addressesInferred).toBe(false);
      } else if (e.addresses === "peer") {
        const side = want.direction === "in" ? got.src : got.dst;
        expect(side === null ? null : formatEndpoint(side)).toBe(formatEndpoint(peer));
      }
    }
    if (e.truncatedLast === true) expect(codes(r)).toContain("textlog.truncated_message");
    else expect(codes(r)).not.toContain("textlog.truncated_message");
  });
});

describe("quirks", () => {
  const get = (p: string): Buffer => {
    const f = FIXTURES.find((x) => x.path === p);
    if (f === undefined) throw new Error(p);
    return f.bytes;
  };

  it("asterisk console: the byte count ends a message that a console line follows directly", async () => {
    const r = await readAll(get("asterisk-pjsip/console-ansi-noise.log"));
    const refer = r.messages.find((m) => text(m).startsWith("REFER "));
    expect(text(refer)).toBe(TEXTLOG_SCENARIO[4]!.text);
    const noise = r.diagnostics.filter((d) => d.code === "textlog.unparsed_line").map((d) => d.message);
    expect(noise.some((m) => m.includes("glued console line"))).toBe(true);
  });

  it("a keep-alive frame in chan_sip is reported and skipped", async () => {
    const r = await readAll(get("asterisk-chan-sip/line-prefixed.log"), { date: "2026-01-08" });
    expect(codes(r)).toContain("textlog.not_sip");
    expect(r.messages).toHaveLength(TEXTLOG_SCENARIO.length);
  });

  it("without --date, a time-of-day log is dated 1970-01-01 with one diagnostic", async () => {
    const r = await readAll(get("pjsip-pjsua/basic.log"));
    expect(r.messages.every((m) => m.timePrecision === "time-of-day")).toBe(true);
    expect(codes(r).filter((c) => c === "textlog.date_unknown")).toHaveLength(1);
    expect(r.messages[0]!.timeUs).toBe(TEXTLOG_SCENARIO[0]!.timeUs % 86_400_000_000);
  });

  it("--tz shifts local times to UTC", async () => {
    const r = await readAll(get("sipp-trace-msg/basic.log"), { tz: "+07:00" });
    expect(r.messages[0]!.timeUs).toBe(TEXTLOG_SCENARIO[0]!.timeUs - 7 * 3600e6);
  });

  it("addresses the frame does not give are inferred from the top Via and flagged", async () => {
    const r = await readAll(get("sipp-trace-msg/basic.log"));
    const invite = r.messages[0]!;
    expect(invite.addressesInferred).toBe(true);
    expect(invite.src).toEqual({ ip: "192.0.2.10", port: 5062 });
    expect(invite.dst).toBeNull();
    const trying = r.messages[1]!;
    expect(trying.dst).toEqual({ ip: "192.0.2.10", port: 5062 });
    const options = r.messages[8]!;
    expect(options.src).toEqual({ ip: "2001:db8::1", port: 5060 });
  });

  it("kamailio sipdump: the end marker glued to a body without final CRLF", async () => {
    const r = await readAll(get("kamailio-sipdump/basic.data"));
    const msg = r.messages.find((m) => text(m).startsWith("MESSAGE "));
    expect(text(msg).endsWith("\r\n\r\ntransfer done")).toBe(true);
  });

  it("compact and folded headers pass through unchanged", async () => {
    const r = await readAll(get("freeswitch-sofia/basic-2019.log"), { date: "2026-01-08" });
    expect(text(r.messages[5])).toContain("\r\nl: 0\r\n");
    expect(text(r.messages[2])).toContain("OPTIONS,\r\n    REFER, NOTIFY, MESSAGE\r\n");
  });
});
