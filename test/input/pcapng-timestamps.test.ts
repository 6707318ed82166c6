/**
 * pcapng timestamps that no Date can hold (issue 15's 25 fuzz crashes: `RangeError: Invalid time value`): a flipped
 * bit in ts_hi, an if_tsresol of seconds over microsecond counts, a huge if_tsoffset. The reader keeps the previous
 * frame's time, names the file and the first such frame, counts the rest, and the whole analysis renders.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import type { CaptureRecord } from "../../src/input/capture-record.js";
import { PcapngRecordReader } from "../../src/input/pcapng.js";
import { analyze } from "../../src/pipeline/analyze.js";
import { renderJsonReport } from "../../src/render/report-json.js";
import { renderTextReport } from "../../src/render/report-text.js";
import type { FileRecord, PcapngInterface } from "../helpers/capture-writer.js";
import { expandFrames, sip, writePcapng } from "../helpers/capture-writer.js";

const a = { ip: "10.0.0.1", port: 5060 };
const b = { ip: "10.0.0.2", port: 5060 };
const T = 1_767_261_600_000_000;

function options(n: number): string {
  return sip`
    OPTIONS sip:b@example.com SIP/2.0
    Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-t${n}
    From: <sip:a@example.com>;tag=t${n}
    To: <sip:b@example.com>
    Call-ID: ts-${n}
    CSeq: 1 OPTIONS
    Content-Length: 0
  `;
}

/** Three OPTIONS; `raw` gives frames 2 and 3 raw timestamps on an interface described by `itf`. */
function capture(itf: PcapngInterface, raw: readonly (bigint | undefined)[]): Buffer {
  const frames = expandFrames([0, 1, 2].map((i) => ({ kind: "udp" as const, timeUs: T + i, src: a, dst: b, payload: options(i) })), { format: "pcapng" });
  const records: FileRecord[] = frames.map((f, i) => {
    const r = raw[i];
    return r === undefined ? f : { ...f, rawTimestamp: r };
  });
  return writePcapng(records, { interfaces: [itf] });
}

function read(bytes: Buffer): { recs: CaptureRecord[]; sink: ArraySink } {
  const sink = new ArraySink();
  const r = new PcapngRecordReader("ts.pcapng", sink);
  const recs: CaptureRecord[] = [];
  r.push(bytes, (x) => recs.push(x));
  r.end();
  return { recs, sink };
}

const CASES: readonly { readonly name: string; readonly itf: PcapngInterface; readonly raw: readonly (bigint | undefined)[] }[] = [
  { name: "a flipped top bit of ts_hi (µs)", itf: { linkType: 1 }, raw: [BigInt(T), BigInt(T + 1) | (1n << 63n), BigInt(T + 2) | (1n << 62n)] },
  { name: "if_tsresol 0 (seconds) over µs counts", itf: { linkType: 1, tsresol: 0 }, raw: [1_767_261_600n, BigInt(T + 1), BigInt(T + 2)] },
  { name: "if_tsresol 2^-0 (binary seconds) over µs counts", itf: { linkType: 1, tsresol: 0x80 }, raw: [1_767_261_600n, BigInt(T + 1), BigInt(T + 2)] },
  { name: "a huge if_tsoffset", itf: { linkType: 1, tsOffsetSec: 9_000_000_000_000 }, raw: [undefined, undefined, undefined] },
];

describe("pcapng timestamps beyond the Date range", () => {
  for (const c of CASES) {
    it(`${c.name}: previous frame's time, one diagnostic naming the first frame, a count`, () => {
      const { recs, sink } = read(capture(c.itf, c.raw));
      expect(recs).toHaveLength(3);
      for (const r of recs) expect(Number.isSafeInteger(r.timeUs)).toBe(true);
      const diags = sink.items.filter((d) => d.code === "pcapng.timestamp_out_of_range");
      const first = diags[0];
      expect(first?.at).toEqual({ kind: "frame", file: "ts.pcapng", frame: c.name.includes("tsoffset") ? 1 : 2 });
      expect(diags).toHaveLength(2);
      expect(diags[1]?.message).toMatch(/^\d+ frames in all/);
      // Frames after a bad one keep the last good time: time never runs backwards.
      expect(recs[2]?.timeUs).toBe(recs[1]?.timeUs);
    });
  }

  it("the whole analysis of such a file renders text and JSON without a RangeError", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sipta-ts-"));
    const path = join(dir, "bad-time.pcapng");
    writeFileSync(path, capture({ linkType: 1 }, [undefined, (1n << 63n) | 5n, undefined]));
    const doc = await analyze([path]);
    expect(doc.messages).toHaveLength(3);
    expect(doc.diagnostics.map((d) => d.code)).toContain("pcapng.timestamp_out_of_range");
    expect(() => renderJsonReport(doc)).not.toThrow();
    expect(() => renderTextReport(doc, { width: 100, color: false, onlyAnnotated: false })).not.toThrow();
  });
});
