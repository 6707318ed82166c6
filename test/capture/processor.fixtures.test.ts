import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import type { TraceEvent } from "../../src/model/trace-event.js";
import { captureFixtures } from "../../scripts/fixtures/captures.js";
import { captureEventsOf } from "../helpers/capture-events.js";

async function run(bytes: Buffer, chunks?: number): Promise<{ events: TraceEvent[]; sink: ArraySink }> {
  const sink = new ArraySink();
  const events: TraceEvent[] = [];
  for await (const e of captureEventsOf(bytes, chunks ?? bytes.length, "f.pcap", sink)) events.push(e);
  return { events, sink };
}

const fixtures = captureFixtures();
const dir = resolve(import.meta.dirname, "../../fixtures/captures");

describe("capture fixtures", () => {
  for (const f of fixtures) {
    it(`${f.name}: ${f.description}`, async () => {
      const { events, sink } = await run(f.bytes);
      const sips = events.filter((e) => e.kind === "sip");
      expect(sips.map((s) => ({ frame: s.origin.frame, first: s.bytes.toString("latin1", 0, s.bytes.indexOf(0x20)) }))).toEqual(f.expect.messages.map((m) => ({ frame: m.frame, first: m.first })));
      f.expect.messages.forEach((m, i) => {
        const s = sips[i]!;
        if (m.frames !== undefined) expect(s.origin.frames).toEqual(m.frames);
        if (m.carrier !== undefined) expect(s.carrier).toBe(m.carrier);
        if (m.transport !== undefined) expect(s.transport).toBe(m.transport);
        if (m.truncated !== undefined) expect(s.truncated).toBe(m.truncated);
        expect(s.origin.file).toBe("f.pcap");
        expect(s.origin.frames).toContain(s.origin.frame);
      });
      const codes = new Set(sink.items.map((d) => d.code));
      for (const c of f.expect.diagnostics ?? []) expect(codes).toContain(c);
      if (f.expect.keepalives !== undefined) expect(events.filter((e) => e.kind === "keepalive").map((e) => e.keepalive)).toEqual(f.expect.keepalives);
      if (f.expect.opaque !== undefined) expect(events.filter((e) => e.kind === "opaque-flow")).toHaveLength(f.expect.opaque);
      // Chunk boundaries must not change anything.
      const small = await run(f.bytes, 7);
      expect(small.events.filter((e) => e.kind === "sip").map((s) => s.origin.frame)).toEqual(sips.map((s) => s.origin.frame));
    });
  }

  it("unknown link type is reported once per interface, not per packet", async () => {
    const f = fixtures.find((x) => x.name === "unknown-link-type")!;
    const { sink } = await run(f.bytes);
    expect(sink.items.filter((d) => d.code === "decode.unknown_link_type")).toHaveLength(1);
  });

  it("a HEP3 copy carries the addresses and time of its chunks", async () => {
    const f = fixtures.find((x) => x.name === "hep3")!;
    const { events } = await run(f.bytes);
    const hep = events.find((e) => e.kind === "sip" && e.carrier === "hep3");
    expect(hep?.kind === "sip" ? [hep.src, hep.dst, hep.timeUs] : null).toEqual([{ ip: "192.168.1.10", port: 5060 }, { ip: "192.168.1.20", port: 5080 }, 1_767_261_600_000_000 - 2000]);
  });

  it("diagnostics of damaged files name the file and the frame", async () => {
    for (const name of ["truncated-file", "corrupt-block-length", "impossible-caplen"]) {
      const f = fixtures.find((x) => x.name === name)!;
      const { sink } = await run(f.bytes);
      const d = sink.items.find((x) => x.code === f.expect.diagnostics?.[0]);
      expect(d?.at).toMatchObject({ kind: "frame", file: "f.pcap" });
    }
  });

  it("the committed files in fixtures/captures match the script (run `npx tsx scripts/fixtures/captures.ts`)", () => {
    for (const f of fixtures) {
      const p = resolve(dir, `${f.name}.${f.format}`);
      expect(existsSync(p), p).toBe(true);
      expect(readFileSync(p).equals(f.bytes), p).toBe(true);
    }
  });
});
