/**
 * End to end over the scenario capture fixtures: the committed files are what scripts/fixtures/scenarios.ts
 * writes, and `analyze` (the whole pipeline) gives every designed response its kind, outcome and details, in
 * pcap and in pcapng.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";
import { buildScenarioCapture } from "../../scripts/fixtures/scenarios.js";
import { ALL_SCENARIOS } from "../helpers/scenarios/all.js";

const ROOT = resolve(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "sipta-scenarios-"));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe.each(ALL_SCENARIOS.map((make) => make()).map((s) => [s.name, s] as const))("fixture %s", (name, s) => {
  const committed = s.transport === "udp" ? "pcap" : "pcapng";

  it("is the file the fixture script writes", () => {
    const built = buildScenarioCapture(s.steps, committed);
    expect(readFileSync(join(ROOT, "fixtures/scenarios", `${name}.${committed}`)).equals(built.bytes)).toBe(true);
  });

  it.each(["pcap", "pcapng"] as const)("gives the designed annotations through the pipeline (%s)", async (format) => {
    const path = join(tmp, `${name}.${format}`);
    const cap = buildScenarioCapture(s.steps, format);
    writeFileSync(path, cap.bytes);
    const doc = await analyze([path]);
    expect(doc.messages.length).toBe(cap.messageFrames.length);
    for (const e of s.expected) {
      const a = doc.annotations.find((x) => x.message === e.message);
      expect(a?.frame).toBe(cap.messageFrames[e.message]);
      expect(a?.kind).toBe(e.kind);
      expect(a?.outcome).toBe(e.outcome);
      expect(a?.details).toMatchObject(e.details);
    }
    expect(doc.annotations.filter((x) => x.kind !== "generic").length).toBe(s.expected.length);
    expect(doc.flows.map((f) => [f.regId, f.state, f.failure?.kind ?? null, f.reregistered?.message ?? null])).toEqual(
      (s.flows ?? []).map((f) => [f.regId, f.state, f.failureKind, f.reregisteredBy]),
    );
  });
});
