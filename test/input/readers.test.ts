import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import type { CaptureRecord } from "../../src/input/capture-record.js";
import { sniffCaptureFormat } from "../../src/input/detect.js";
import { PcapRecordReader } from "../../src/input/pcap.js";
import { readPcapWithPcapParser } from "../../src/input/pcap-parser-reader.js";
import { PcapngRecordReader } from "../../src/input/pcapng.js";
import { buildCapture } from "../helpers/capture-writer.js";

const a = { ip: "10.0.0.1", port: 5060 };
const b = { ip: "10.0.0.2", port: 5060 };
const T = 1_767_261_600_123_456;
const pk = (i: number) => ({ kind: "udp" as const, timeUs: T + i, src: a, dst: b, payload: `p${i}` });

function read(bytes: Buffer, chunk: number): { recs: CaptureRecord[]; sink: ArraySink } {
  const sink = new ArraySink();
  const r = sniffCaptureFormat(bytes) === "pcap" ? new PcapRecordReader("f", sink) : new PcapngRecordReader("f", sink);
  const recs: CaptureRecord[] = [];
  for (let i = 0; i < bytes.length; i += chunk) r.push(bytes.subarray(i, i + chunk), (x) => recs.push({ ...x, data: Buffer.from(x.data) }));
  r.end((x) => recs.push(x));
  return { recs, sink };
}

describe("record readers", () => {
  for (const format of ["pcap", "pcapng"] as const) {
    for (const nanosecond of [false, true]) {
      for (const bigEndian of [false, true]) {
        it(`${format} ${nanosecond ? "ns" : "µs"} ${bigEndian ? "big" : "little"}-endian, any chunking`, () => {
          const cap = buildCapture([pk(0), pk(1), pk(2)], { format, nanosecond, bigEndian, linkType: "sll" });
          for (const chunk of [1, 5, 64, 1 << 20]) {
            const { recs, sink } = read(cap, chunk);
            expect(recs.map((r) => [r.frame, r.timeUs, r.linkType])).toEqual([[1, T, 113], [2, T + 1, 113], [3, T + 2, 113]]);
            expect(sink.items).toEqual([]);
          }
        });
      }
    }
  }

  it("pcapng: several sections, if_tsoffset, obsolete Packet Blocks", () => {
    const cap = buildCapture([pk(0), pk(1)], { format: "pcapng", newSectionAt: 1, tsOffsetSec: 100, packetBlock: "obsolete" });
    const { recs } = read(cap, 7);
    expect(recs.map((r) => [r.frame, r.timeUs, r.iface])).toEqual([[1, T, 0], [2, T + 1, 1]]);
  });

  it("detects formats by magic only", () => {
    expect(sniffCaptureFormat(Buffer.from("0a0d0d0a", "hex"))).toBe("pcapng");
    expect(sniffCaptureFormat(Buffer.from("4d3cb2a1", "hex"))).toBe("pcap");
    expect(sniffCaptureFormat(Buffer.from("GMBU"))).toBeNull();
  });

  it("pcap-parser and the hand-written reader agree on a classic pcap", async () => {
    const cap = buildCapture([pk(0), pk(1), pk(2)], { format: "pcap" });
    const lib: CaptureRecord[] = [];
    const res = await readPcapWithPcapParser(Readable.from([cap]), (r) => lib.push(r));
    expect(res.error).toBeNull();
    expect(lib.map((r) => [r.frame, r.timeUs, r.data.toString("hex")])).toEqual(read(cap, 100).recs.map((r) => [r.frame, r.timeUs, r.data.toString("hex")]));
  });

  const nsec = resolve(import.meta.dirname, "../../../shared/corpus/pcap/derived/aaa-nsec.pcap");
  it.skipIf(!existsSync(nsec))("pcap-parser rejects nanosecond pcap, the hand-written reader reads it", async () => {
    const res = await readPcapWithPcapParser(nsec, () => undefined);
    expect(res.error).toMatch(/unknown magic/);
  });
});
