/**
 * Hops, on the multi-hop fixtures (fixtures/proxy/, a Kamailio proxy between SIPp parties and baresip UAs, made
 * by scripts/proxy/capture.sh): every copy of every 202, 3xx and 430 gets the outcome right for its hop, the
 * copies are linked as one event, and the summary counts each event once, from the pcap, the pcapng and the
 * proxy's own sipdump text log of the same run (the proxy logs both hops), over UDP and TCP.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";
import type { AnalysisDocument } from "../../src/model/document.js";
import { renderAnnotation } from "../../src/render/report-text.js";
import { buildLadder } from "../../src/render/ladder-model.js";
import { indexDocument } from "../../src/render/document-index.js";

const DIR = resolve(import.meta.dirname, "../../fixtures/proxy");
const present = existsSync(join(DIR, "blind-transfer-udp/capture.pcap"));
if (!present) console.warn(`multi-hop fixtures not found under ${DIR}: skipping`);

const SOURCES = ["capture.pcap", "capture.pcapng", "proxy.sipdump.log"] as const;

interface Expected {
  readonly scenario: string;
  readonly status: number;
  readonly kind: string;
  readonly outcome: string;
}

const CASES: readonly Expected[] = [
  { scenario: "blind-transfer-udp", status: 202, kind: "refer", outcome: "transfer-succeeded" },
  { scenario: "blind-transfer-tcp", status: 202, kind: "refer", outcome: "transfer-succeeded" },
  { scenario: "transfer-failed-udp", status: 202, kind: "refer", outcome: "transfer-failed" },
  { scenario: "attended-transfer-udp", status: 202, kind: "refer", outcome: "transfer-succeeded" },
  { scenario: "baresip-transfer-udp", status: 202, kind: "refer", outcome: "transfer-succeeded" },
  { scenario: "refer-407-udp", status: 202, kind: "refer", outcome: "transfer-succeeded" },
  { scenario: "refer-407-tcp", status: 202, kind: "refer", outcome: "transfer-succeeded" },
  { scenario: "redirect-302-udp", status: 302, kind: "redirect", outcome: "followed" },
  { scenario: "redirect-302-tcp", status: 302, kind: "redirect", outcome: "followed" },
  { scenario: "edge-430-udp", status: 430, kind: "flow", outcome: "request-lost" },
];

function copiesOf(doc: AnalysisDocument, status: number) {
  return doc.annotations.filter((a) => a.code === status && doc.messages[a.message]?.retransmissionOf === null);
}

describe.skipIf(!present)("hops through a Kamailio proxy", () => {
  for (const c of CASES) {
    for (const source of SOURCES) {
      it(`${c.scenario}/${source}: both copies of the ${c.status} are ${c.kind}:${c.outcome}, linked, counted once`, async () => {
        const doc = await analyze([join(DIR, c.scenario, source)]);
        const copies = copiesOf(doc, c.status);
        expect(copies).toHaveLength(2);
        for (const a of copies) {
          expect(`${a.kind}:${a.outcome}`).toBe(`${c.kind}:${c.outcome}`);
          expect(a.hops).toEqual(copies.map((x) => x.message));
        }
        const [first, second] = copies;
        expect(first?.sameEventAs).toBeNull();
        expect(second?.sameEventAs).toBe(first?.message);
        // Two hops: different address pairs, the copy nearer the UAS carries the proxy's Via too.
        const hops = copies.map((a) => doc.messages[a.message]?.hop);
        expect(hops[0]?.peers).not.toEqual(hops[1]?.peers);
        expect(hops.map((h) => h?.viaDepth)).toEqual([2, 1]);
        expect(doc.summary.outcomes[`${c.kind}:${c.outcome}`]).toBe(1);
        const counted = Object.entries(doc.summary.outcomes).filter(([k]) => k.startsWith(`${c.kind}:`));
        expect(counted).toEqual([[`${c.kind}:${c.outcome}`, 1]]);
      });
    }
  }

  for (const scenario of ["refer-407-udp", "refer-407-tcp"]) {
    for (const source of SOURCES) {
      it(`${scenario}/${source}: the proxy's 407 is a challenge answered by the re-sent REFER, not a rejected transfer`, async () => {
        const doc = await analyze([join(DIR, scenario, source)]);
        const challenges = doc.annotations.filter((a) => a.code === 407);
        expect(challenges.map((a) => `${a.kind}:${a.outcome}`)).toEqual(["challenge:answered"]);
        const c = challenges[0];
        if (c?.kind !== "challenge") throw new Error("no challenge annotation");
        expect(c.details).toMatchObject({ method: "REFER", header: "Proxy-Authenticate", scheme: "Digest", realm: "sipta.test", stale: false, resentCseq: 2, resentStatus: 202 });
        // The re-sent REFER is the one the transfer is judged on: its 202 copies are transfer-succeeded.
        const resent = c.details.resent === null ? undefined : doc.messages[c.details.resent];
        expect(resent?.cseq).toEqual({ seq: 2, method: "REFER" });
        expect(doc.annotations.filter((a) => a.code === 202).every((a) => a.kind === "refer" && a.details.referMessage !== null && doc.messages[a.details.referMessage]?.cseq?.seq === 2)).toBe(true);
        expect(doc.summary.outcomes).toMatchObject({ "challenge:answered": 1, "refer:transfer-succeeded": 1 });
        expect(doc.summary.outcomes["refer:refer-rejected"]).toBeUndefined();
        expect(doc.diagnostics.filter((d) => d.code === "trackers.refer_without_response")).toEqual([]);
      });
    }
  }

  it("each party's own log (one hop each) gives that hop's verdict", async () => {
    for (const party of ["alice", "bob"]) {
      const doc = await analyze([join(DIR, "blind-transfer-udp", `${party}.messages.log`)]);
      const a = doc.annotations.filter((x) => x.code === 202);
      expect(a.map((x) => `${x.kind}:${x.outcome}`)).toEqual(["refer:transfer-succeeded"]);
    }
    const both = await analyze([join(DIR, "blind-transfer-udp/alice.messages.log"), join(DIR, "blind-transfer-udp/bob.messages.log")]);
    expect(both.annotations.filter((x) => x.code === 202).map((x) => x.outcome)).toEqual(["transfer-succeeded", "transfer-succeeded"]);
    expect(both.summary.outcomes["refer:transfer-succeeded"]).toBe(1);
  });

  it("a call's outcomes count a relayed transfer once", async () => {
    const doc = await analyze([join(DIR, "blind-transfer-udp/capture.pcap")]);
    const call = doc.calls.find((c) => c.outcomes.length > 0);
    expect(call?.outcomes).toEqual(["transfer-succeeded"]);
  });
});

describe.skipIf(!present)("hops in the views", () => {
  it("the text report and the ladder say 'seen on 2 hops', and the proxy is one column even over TCP", async () => {
    const doc = await analyze([join(DIR, "blind-transfer-tcp/capture.pcap")]);
    const a = doc.annotations.find((x) => x.code === 202);
    const m = a === undefined ? undefined : doc.messages[a.message];
    if (a === undefined || m === undefined) throw new Error("no 202");
    expect(renderAnnotation(m, a, false, 200)[0]).toContain("refer: transfer-succeeded; seen on 2 hops");
    const ladder = buildLadder(indexDocument(doc), [doc.calls[0]?.callId ?? ""], { linked: true });
    expect(ladder.participants).toEqual(["127.0.0.1:5060", "127.0.0.10:5060", "127.0.0.2:5060", "127.0.0.3:5060"]);
  });
});
