import { describe, expect, it } from "vitest";
import { runTrace } from "../helpers/sip-trace.js";
import { ALL_SCENARIOS } from "../helpers/scenarios/all.js";

describe.each(ALL_SCENARIOS.map((make) => make()).map((s) => [s.name, s] as const))("scenario %s", (_name, scenario) => {
  const r = runTrace(scenario.steps);

  it("gives each designed response exactly its finding", () => {
    for (const e of scenario.expected) {
      const f = r.byResponse.get(e.message);
      expect(f, `finding for message ${e.message}`).toBeDefined();
      expect(f?.kind).toBe(e.kind);
      expect(f?.outcome).toBe(e.outcome);
      expect(f?.details).toMatchObject(e.details);
    }
  });

  it("gives no finding to any other response", () => {
    const designed = new Set(scenario.expected.map((e) => e.message));
    const extra = r.findings.filter((f) => !designed.has(f.response)).map((f) => `${f.response}:${f.kind}/${f.outcome}`);
    expect(extra).toEqual([]);
  });

  it("ends with the designed flows", () => {
    const flows = scenario.flows ?? [];
    expect(r.flows.length).toBe(flows.length);
    flows.forEach((e, i) => {
      const f = r.flows[i];
      expect(f?.regId).toBe(e.regId);
      expect(f?.state).toBe(e.state);
      expect(f?.failure?.kind ?? null).toBe(e.failureKind);
      expect(f?.reregistered?.message ?? null).toBe(e.reregisteredBy);
      if (e.keepalives !== undefined) expect(f?.keepalives).toMatchObject(e.keepalives);
      if (e.flowTimer !== undefined) expect(f?.flowTimer).toBe(e.flowTimer);
      if (e.registered !== undefined) expect(f?.registered).toEqual(e.registered);
    });
  });

  it("raises the designed warnings", () => {
    const codes = r.diagnostics.filter((d) => d.severity === "warning").map((d) => d.code);
    expect([...new Set(codes)].sort()).toEqual([...(scenario.diagnostics ?? [])].sort());
  });

  it("flags no retransmission and answers every response from its request", () => {
    for (const m of r.messages) {
      const info = r.infos.get(m.index);
      expect(info?.retransmissionOf ?? null).toBeNull();
      if (m.kind === "response") expect(info?.requestIndex, `request of response ${m.index}`).not.toBeNull();
    }
  });
});
