/** The one-pass serializers write exactly what the reorder-then-stringify path writes, on real analysis output. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyze } from "../../src/pipeline/analyze.js";
import { orderKeys, orderRecord, stringifyJson, stringifyOrdered, stringifyOrderedIndented, stringifyRecord, stringifyRecordIndented, stringifyTypedRecord } from "../../src/render/json-text.js";

const demo = new URL("../../fixtures/demo/transfer-and-redirect.pcap", import.meta.url).pathname;

describe("stringifyRecord", () => {
  it("matches stringifyJson(orderRecord()) for every record of a real analysis", async () => {
    const doc = await analyze([demo]);
    const cases = [
      ...doc.messages.map((m) => ["message", m] as const),
      ...doc.calls.map((c) => ["call", c] as const),
      ...doc.annotations.map((a) => ["annotation", a] as const),
      ...doc.flows.map((f) => ["flow", f] as const),
      ...doc.diagnostics.map((d) => ["diagnostic", d] as const),
    ];
    expect(cases.length).toBeGreaterThan(20);
    for (const [type, rec] of cases) {
      expect(stringifyRecord(type, rec)).toBe(stringifyJson(orderRecord(type, rec)));
      expect(stringifyTypedRecord(type, rec)).toBe(stringifyJson({ type, ...orderRecord(type, rec) }));
      expect(stringifyRecordIndented(type, rec, 0)).toBe(stringifyJson(orderRecord(type, rec), 2));
    }
  });

  it("orders unknown and out-of-order keys, drops undefined, escapes terminal controls", () => {
    const rec = { zeta: 1, index: 3, extra: undefined, cseq: { seq: 1, method: "INVITE\u2028" }, warnings: ["a\u009b"], type: "x" };
    expect(stringifyRecord("message", rec)).toBe(stringifyJson(orderRecord("message", rec)));
    expect(stringifyTypedRecord("message", rec)).toBe(stringifyJson({ type: "message", ...orderRecord("message", rec) }));
    expect(stringifyTypedRecord("flow", {})).toBe('{"type":"flow"}');
  });

  it("equals orderKeys + stringifyJson on arbitrary JSON-like values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.uniqueArray(fc.string(), { maxLength: 4 }), (v, order) => {
        expect(stringifyOrdered(v, order)).toBe(stringifyJson(orderKeys(v, order)));
        expect(stringifyOrderedIndented(v, 0, order)).toBe(stringifyJson(orderKeys(v, order), 2));
        // Nested two levels deep in an indented document, as the JSON report writes each record.
        const inDoc = stringifyJson({ a: [orderKeys(v, order)] }, 2);
        expect(inDoc).toBe(`{\n  "a": [\n    ${stringifyOrderedIndented(v, 2, order)}\n  ]\n}`);
      }),
      { numRuns: 500 },
    );
  });
});
