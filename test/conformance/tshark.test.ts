/**
 * Conformance against tshark: every capture in ../shared/corpus/pcap is read by sipta and compared, message by
 * message, with tshark's view in `<file>.tshark.tsv` (frame, method or status, Call-ID, CSeq). Every difference is
 * explained in docs/conformance.md; the test fails when the match rate falls below the documented rate or when a
 * file outside the documented exceptions differs at all.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { readTraceEvents } from "../../src/pipeline/source.js";
import { parseSipMessage } from "../../src/sip/parser.js";

const corpus = resolve(import.meta.dirname, "../../../shared/corpus/pcap");
const present = existsSync(corpus);
if (!present) console.warn(`tshark conformance skipped: ${corpus} is absent`);

/** The rate documented in docs/conformance.md (matched rows / tshark rows). */
const DOCUMENTED_RATE = 0.9975;

/** Files whose differences docs/conformance.md explains, with the number of tshark rows sipta does not match. */
const EXPLAINED: Readonly<Record<string, number>> = {
  "nDPI/fuzz-2006-06-26-2594.pcap": 6,
  "nDPI/http_on_sip_port.pcap": 2,
  "sipnab/c07-sip-r2.cap": 12,
};

/** Files where sipta finds messages tshark has no row for (HEP: tshark 4.0 has no HEP dissector). */
const EXTRA: Readonly<Record<string, number>> = {
  "hep-wireshark/hep.pcap": 6,
  "hep-wireshark/hep3_compressed.pcap.pcapng": 21,
};

interface Row {
  readonly frame: string;
  readonly what: string;
  readonly callId: string;
  readonly cseq: string;
}

function* captures(dir: string): Generator<string> {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) yield* captures(p);
    else if (existsSync(`${p}.tshark.tsv`)) yield p;
  }
}

function readTruth(path: string): Row[] {
  const lines = readFileSync(`${path}.tshark.tsv`, "utf8").split("\n").slice(1);
  return lines
    .filter((l) => l.length > 0)
    .map((l) => {
      const c = l.split("\t");
      return { frame: c[0] ?? "", what: (c[7] ?? "") !== "" ? (c[7] ?? "") : (c[8] ?? ""), callId: c[9] ?? "", cseq: c[10] ?? "" };
    });
}

async function readSipta(path: string): Promise<Row[]> {
  const rows: Row[] = [];
  const sink = new ArraySink();
  for await (const e of readTraceEvents(path, {}, sink, { format: "", bytes: 0 })) {
    if (e.kind !== "sip") continue;
    const m = parseSipMessage(e, new ArraySink());
    if (m === null) {
      rows.push({ frame: String(e.origin.frame), what: "", callId: "", cseq: "" });
      continue;
    }
    rows.push({ frame: String(e.origin.frame), what: m.kind === "request" ? m.method : String(m.status), callId: m.callId ?? "", cseq: m.cseq === null ? "" : `${m.cseq.seq} ${m.cseq.method}` });
  }
  return rows;
}

/** Pairs each tshark row with an unused sipta row of the same frame and method/status; counts full matches. */
function compare(truth: readonly Row[], mine: readonly Row[]): { matched: number; unmatched: string[]; extra: number } {
  const used = new Set<number>();
  const unmatched: string[] = [];
  let matched = 0;
  for (const t of truth) {
    const i = mine.findIndex((m, j) => !used.has(j) && m.frame === t.frame && m.what === t.what);
    const m = mine[i];
    if (m === undefined) {
      unmatched.push(`frame ${t.frame} ${t.what}: not found`);
      continue;
    }
    used.add(i);
    if (m.callId === t.callId && m.cseq === t.cseq) matched++;
    else unmatched.push(`frame ${t.frame} ${t.what}: Call-ID ${JSON.stringify(m.callId)} vs ${JSON.stringify(t.callId)}, CSeq ${JSON.stringify(m.cseq)} vs ${JSON.stringify(t.cseq)}`);
  }
  return { matched, unmatched, extra: mine.length - used.size };
}

describe.skipIf(!present)("tshark conformance over ../shared/corpus/pcap", () => {
  it("matches tshark message by message at the documented rate, with only the documented differences", async () => {
    let truthRows = 0;
    let matchedRows = 0;
    const report: string[] = [];
    for (const path of captures(corpus)) {
      const name = relative(corpus, path);
      const truth = readTruth(path);
      const { matched, unmatched, extra } = compare(truth, await readSipta(path));
      truthRows += truth.length;
      matchedRows += matched;
      const allowed = EXPLAINED[name] ?? 0;
      if (unmatched.length > allowed) report.push(`${name}: ${unmatched.length} rows differ (documented: ${allowed}): ${unmatched.slice(0, 3).join("; ")}`);
      if (extra !== (EXTRA[name] ?? 0)) report.push(`${name}: ${extra} messages tshark has no row for (documented: ${EXTRA[name] ?? 0})`);
    }
    expect(report).toEqual([]);
    expect(truthRows).toBeGreaterThan(9000);
    expect(matchedRows / truthRows).toBeGreaterThanOrEqual(DOCUMENTED_RATE);
  });
});
