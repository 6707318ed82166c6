import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { captureFixtures } from "../../scripts/fixtures/captures.js";
import { captureEventsOf } from "../helpers/capture-events.js";

async function count(bytes: Buffer, chunk: number): Promise<{ sips: number; diags: number }> {
  const sink = new ArraySink();
  let sips = 0;
  for await (const e of captureEventsOf(bytes, chunk, "x", sink)) if (e.kind === "sip") sips++;
  return { sips, diags: sink.items.length };
}

const fixtures = captureFixtures().filter((f) => f.expect.messages.length > 0);

describe("capture path robustness", () => {
  it("never throws on a fixture cut at any of 64 offsets, and reports the cut", async () => {
    for (const f of fixtures) {
      const full = await count(f.bytes, 1 << 20);
      const step = Math.max(1, Math.floor(f.bytes.length / 64));
      for (let cut = 1; cut < f.bytes.length; cut += step) {
        const r = await count(f.bytes.subarray(0, cut), 4096);
        expect(r.sips).toBeLessThanOrEqual(full.sips + 1);
        // A file cut inside a record says so (a cut exactly on a record boundary is a valid, shorter file).
        expect(r.diags + r.sips).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("every message before the damage is still reported when the tail is cut", async () => {
    const f = fixtures.find((x) => x.name === "tcp-two-messages-one-segment")!;
    const r = await count(f.bytes.subarray(0, f.bytes.length - 60), 100);
    expect(r.sips).toBe(3);
    expect(r.diags).toBeGreaterThan(0);
  });

  it("never throws on garbled bytes (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: fixtures.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), fc.integer({ min: 1, max: 300 }), async (which, edits, chunk) => {
        const f = fixtures[which]!;
        const b = Buffer.from(f.bytes);
        for (const [at, v] of edits) b[at % b.length] = v;
        const r = await count(b, chunk);
        expect(r.sips).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it("random bytes are rejected with one diagnostic", async () => {
    const r = await count(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) & 0xff)), 512);
    expect(r).toEqual({ sips: 0, diags: 1 });
  });
});
