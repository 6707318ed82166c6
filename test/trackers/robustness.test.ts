import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { TraceAnalyzer, type AnalyzerOutput } from "../../src/trackers/index.js";
import { buildInputs, request, response, type ReqSpec, type TraceStep } from "../helpers/sip-trace.js";

const METHODS = ["INVITE", "ACK", "BYE", "CANCEL", "REFER", "NOTIFY", "SUBSCRIBE", "REGISTER", "OPTIONS"] as const;
const STATUSES = [100, 180, 200, 202, 301, 302, 305, 380, 403, 405, 430, 439, 481, 486, 603] as const;
const EXTRA = [
  "Refer-To: <sip:c@x?Replaces=k1%3Bto-tag%3Dt1%3Bfrom-tag%3Dt2>",
  "Refer-To: garbage<<",
  "Event: refer;id=1",
  "Subscription-State: terminated;reason=noresource",
  "Contact: <sip:a@x>;q=0.3, <sip:b@x>;q=0.9",
  "Contact: *",
  'Contact: <sip:u@x;ob>;reg-id=1;+sip.instance="<urn:uuid:1>"',
  "Replaces: k2;to-tag=t1;from-tag=t2",
  "Route: <sip:tok@10.0.0.1;lr;ob>",
  "Refer-Sub: false",
  "X-CID: k3",
  "Flow-Timer: abc",
] as const;

const arbStep = fc.record({
  dt: fc.integer({ min: 0, max: 40_000 }),
  response: fc.boolean(),
  method: fc.constantFrom(...METHODS),
  status: fc.constantFrom(...STATUSES),
  callId: fc.constantFrom("k1", "k2", "k3"),
  fromTag: fc.constantFrom("t1", "t2"),
  toTag: fc.constantFrom(null, "t1", "t2", "t3"),
  branch: fc.constantFrom("z9hG4bK-1", "z9hG4bK-2", "old", null),
  cseq: fc.integer({ min: 1, max: 3 }),
  extra: fc.subarray([...EXTRA], { maxLength: 3 }),
  sipfrag: fc.constantFrom(null, "SIP/2.0 200 OK", "SIP/2.0 486 Busy", "junk"),
  dir: fc.boolean(),
});

type StepValue = typeof arbStep extends fc.Arbitrary<infer T> ? T : never;

function toStep(s: StepValue, t: number): TraceStep {
  const spec: ReqSpec = {
    method: s.method,
    uri: "sip:x@10.0.0.2",
    via: s.branch === null ? "SIP/2.0/UDP 10.0.0.1:5060" : `SIP/2.0/UDP 10.0.0.1:5060;branch=${s.branch}`,
    from: `<sip:a@x>;tag=${s.fromTag}`,
    to: s.toTag === null ? "<sip:b@x>" : `<sip:b@x>;tag=${s.toTag}`,
    callId: s.callId,
    cseq: s.cseq,
    headers: s.extra,
    ...(s.sipfrag === null ? {} : { body: { type: "message/sipfrag", text: s.sipfrag } }),
  };
  const text = s.response ? response(spec, s.status, "X", { headers: s.extra }) : request(spec);
  return { kind: "sip", t, src: s.dir ? "10.0.0.1:5060" : "10.0.0.2:5060", dst: s.dir ? "10.0.0.2:5060" : "10.0.0.1:5060", text };
}

describe("trace analyzer on hostile sequences", () => {
  it("never throws and owes no finding after finish, whatever the order of messages", () => {
    fc.assert(
      fc.property(fc.array(arbStep, { maxLength: 40 }), (raw) => {
        let t = 0;
        const steps = raw.map((s) => {
          t += s.dt / 1000;
          return toStep(s, t);
        });
        const sink = new ArraySink();
        const { inputs } = buildInputs(steps, sink);
        const a = new TraceAnalyzer(sink);
        const out: AnalyzerOutput[] = [];
        for (const i of inputs) out.push(...a.push(i));
        out.push(...a.finish());
        const responses = out.flatMap((o) => (o.kind === "finding" ? [o.finding.response] : []));
        expect(new Set(responses).size).toBe(responses.length);
        expect(a.heldState.owed).toBe(0);
        expect(out.filter((o) => o.kind === "message-info").length).toBe(inputs.length);
      }),
      { numRuns: 150, seed: 4 },
    );
  });

  it("holds state for live calls only: 2 000 short calls spaced 40 s apart leave almost nothing behind", () => {
    const sink = new ArraySink();
    const a = new TraceAnalyzer(sink);
    let maxCalls = 0;
    let calls = 0;
    for (let k = 0; k < 2000; k++) {
      const spec: ReqSpec = { method: "OPTIONS", uri: "sip:x@b", via: `SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-${k}`, from: "<sip:a@x>;tag=f", to: "<sip:b@x>", callId: `m${k}`, cseq: 1 };
      const { inputs } = buildInputs(
        [
          { kind: "sip", t: k * 40, src: "10.0.0.1:5060", dst: "10.0.0.2:5060", text: request(spec) },
          { kind: "sip", t: k * 40 + 0.01, src: "10.0.0.2:5060", dst: "10.0.0.1:5060", text: response(spec, 200, "OK", { toTag: "g" }) },
        ],
        sink,
      );
      inputs.forEach((input, j) => {
        if (input.kind === "message") input.msg.index = 2 * k + j;
        calls += a.push(input).filter((o) => o.kind === "call").length;
      });
      maxCalls = Math.max(maxCalls, a.heldState.calls);
    }
    expect(maxCalls).toBeLessThanOrEqual(2);
    expect(a.heldState.transactions).toBeLessThanOrEqual(2);
    expect(calls).toBe(1999);
  });
});
