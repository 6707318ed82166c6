/**
 * The carriers of issue 11 item 2, read from the fixtures the project writes (scripts/fixtures/carrier-captures.ts):
 * SIP-I over SCTP message for message with its ISUP parts byte-exact, I-DATA over IPv6, and ICMP unreachables that
 * become one "never answered" diagnostic per transaction in the analysis, never messages of their own.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import type { SipPayload, TraceEvent, UnreachableEvent } from "../../src/model/trace-event.js";
import { analyze } from "../../src/pipeline/analyze.js";
import { renderTextReport } from "../../src/render/report-text.js";
import { parseSipMessage } from "../../src/sip/parser.js";
import { captureFixtures } from "../../scripts/fixtures/captures.js";
import { ISUP } from "../../scripts/fixtures/lib/sip-i.js";
import { captureEventsOf } from "../helpers/capture-events.js";

const DIR = resolve(import.meta.dirname, "../../fixtures/captures");

async function events(name: string, chunk = 1 << 20): Promise<{ events: TraceEvent[]; sink: ArraySink }> {
  const f = captureFixtures().find((x) => x.name === name);
  if (f === undefined) throw new Error(`no fixture ${name}`);
  const sink = new ArraySink();
  const out: TraceEvent[] = [];
  for await (const e of captureEventsOf(f.bytes, chunk, name, sink)) out.push(e);
  return { events: out, sink };
}

const sips = (evs: readonly TraceEvent[]): SipPayload[] => evs.filter((e): e is SipPayload => e.kind === "sip");

describe("SIP-I over SCTP (RFC 4168, RFC 3204)", () => {
  it("reads every message once, over SCTP, whatever the PPID, with no diagnostics", async () => {
    const { events: evs, sink } = await events("sctp-sip-i");
    const msgs = sips(evs);
    expect(msgs.map((m) => m.bytes.toString("latin1", 0, m.bytes.indexOf(0x0d)))).toEqual([
      "INVITE tel:+4940123456 SIP/2.0",
      "SIP/2.0 100 Trying",
      "SIP/2.0 183 Session Progress",
      "SIP/2.0 180 Ringing",
      "SIP/2.0 200 OK",
      "ACK tel:+4940123456 SIP/2.0",
      "BYE tel:+4940123456 SIP/2.0",
      "SIP/2.0 200 OK",
    ]);
    expect(new Set(msgs.map((m) => `${m.transport}/${m.carrier}`))).toEqual(new Set(["sctp/plain"]));
    expect(msgs[0]?.src).toEqual({ ip: "10.1.0.1", port: 5060 });
    expect(sink.items).toEqual([]);
  });

  it("keeps the ISUP parts byte for byte inside the multipart bodies (IAM, ACM, ANM, REL, RLC)", async () => {
    const msgs = sips((await events("sctp-sip-i")).events);
    const isupOf = (m: SipPayload | undefined): Buffer | null => {
      if (m === undefined) return null;
      const parsed = parseSipMessage(m, new ArraySink());
      const part = parsed?.bodyParts.find((p) => p.contentType?.subtype.toLowerCase() === "isup");
      return part?.body ?? null;
    };
    expect(isupOf(msgs[0])).toEqual(ISUP.iam("4940123456"));
    expect(isupOf(msgs[2])).toEqual(ISUP.acm());
    expect(isupOf(msgs[4])).toEqual(ISUP.anm());
    expect(isupOf(msgs[6])).toEqual(ISUP.rel(16));
    expect(isupOf(msgs[7])).toEqual(ISUP.rlc());
  });

  it("the same messages whatever the read chunk size", async () => {
    const whole = sips((await events("sctp-sip-i")).events).map((m) => m.origin.frame);
    expect(sips((await events("sctp-sip-i", 13)).events).map((m) => m.origin.frame)).toEqual(whole);
  });

  it("I-DATA fragments over IPv6 make the OPTIONS whole", async () => {
    const msgs = sips((await events("sctp-ipv6-idata")).events);
    expect(msgs[0]?.bytes.toString().includes("X-Pad: " + "x".repeat(600))).toBe(true);
    expect(msgs[0]?.src).toEqual({ ip: "2001:db8::10", port: 5060 });
  });
});

describe("ICMP unreachable quoting SIP", () => {
  it("emits one unreachable event per ICMP error, with the reporter and the quoted request's addresses", async () => {
    const { events: evs } = await events("icmp-port-unreachable");
    const u = evs.filter((e): e is UnreachableEvent => e.kind === "unreachable");
    expect(u.map((e) => [e.origin.frame, e.reporter, e.reason, e.icmpVersion, `${e.dst.ip}:${e.dst.port}`])).toEqual([
      [2, "10.0.0.2", "port", 4, "10.0.0.2:5060"],
      [4, "10.0.0.2", "port", 4, "10.0.0.2:5060"],
      [6, "10.0.0.2", "port", 4, "10.0.0.2:5060"],
      [8, "2001:db8::20", "port", 6, "2001:db8::20:5060"],
    ]);
    expect(u[0]?.quoted.toString("latin1", 0, 30)).toBe("INVITE sip:bob@example.com SIP");
  });

  it("the analysis marks each INVITE transaction: never answered, ICMP port unreachable from the target", async () => {
    const doc = await analyze([resolve(DIR, "icmp-port-unreachable.pcap")]);
    expect(doc.messages).toHaveLength(4);
    const d = doc.diagnostics.filter((x) => x.code === "trackers.icmp_unreachable");
    expect(d.map((x) => x.message.replace(/\. The client.*/, ""))).toEqual([
      "INVITE #0 to 10.0.0.2:5060/UDP (Call-ID icmp-v4) never answered: ICMP port unreachable from 10.0.0.2 (frame 2, 3 in all for its retransmissions)",
      "INVITE #3 to [2001:db8::20]:5060/UDP (Call-ID icmp-v6) never answered: ICMPv6 port unreachable from 2001:db8::20 (frame 8)",
    ]);
    // The calls carry the mark, and the text report counts them as problem calls.
    expect(doc.calls.map((c) => [c.callId, c.outcomes.includes("icmp-unreachable")])).toEqual([["icmp-v4", true], ["icmp-v6", true]]);
    expect(renderTextReport(doc, { width: 120, color: false, onlyAnnotated: false })).not.toContain("No call with a problem");
  });
});
