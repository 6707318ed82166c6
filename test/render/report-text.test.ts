import { describe, expect, it } from "vitest";
import { renderTextReport } from "../../src/render/report-text.js";
import { measureWidth } from "../../src/render/text-width.js";
import { HOSTILE_CALL, sampleEverything, sampleHostile } from "../helpers/sample-documents.js";
import { findRawUnsafe, onlySgrEscapes, stripSgr } from "./terminal-safety.js";

describe("renderTextReport", () => {
  const { doc } = sampleEverything(8);

  it("starts with a summary of counts, time span, outcomes and diagnostics", () => {
    const out = renderTextReport(doc, { color: false, onlyAnnotated: false, width: 100 });
    expect(out).toContain(`Messages ${doc.summary.messages}`);
    expect(out).toContain(`Calls ${doc.summary.calls}`);
    expect(out).toContain("Transactions");
    expect(out).toMatch(/Time 2026-03-02 09:15:00\.000 → 2026-03-02 09:23:20\.035 \(8m20s\)/);
    expect(out).toMatch(/refer: transfer-succeeded\s+1/);
    expect(out).toMatch(/flow: recovered\s+1/);
    expect(out).toMatch(/tcp\.gap\s+1/);
  });

  it("lists every call's messages and expands annotated ones with explanation and next steps", () => {
    const out = renderTextReport(doc, { color: false, onlyAnnotated: false, width: 100 });
    expect(out).toContain(`Call 1/${doc.calls.length}`);
    expect(out).toMatch(/09:15:09\.000 +\+6\.340s +10\.0\.0\.2:5060 → 10\.0\.0\.1:5060 +REFER +101 REFER/);
    expect(out).toContain("refer: transfer-succeeded  [RFC 3515 §2.4.4]");
    expect(out).toContain("Next steps:");
    expect(out).toContain("(retransmission)");
    expect(out).toContain("linked (refer): 9f1e22a0-77d1@10.0.0.1 = call 2");
    // Routine annotations (180 Ringing) are not expanded.
    expect(out).not.toContain("The callee's phone is ringing.");
  });

  it("with onlyAnnotated keeps only annotated messages and their calls", () => {
    const out = renderTextReport(doc, { color: false, onlyAnnotated: true, width: 100 });
    expect(out).toContain("202 Accepted");
    expect(out).toContain("302 Moved Temporarily");
    expect(out).toContain("430 Flow Failed");
    expect(/ REFER +101 REFER/.test(out)).toBe(false);
    expect(out).not.toContain("reg-1a2b@10.0.0.1"); // the REGISTER call has only a routine 401 note
    // The delta is still measured from the previous message of the call (the REFER).
    expect(out).toMatch(/09:15:09\.011 +\+0\.011s/);
  });

  it("colours by severity only when asked", () => {
    const plain = renderTextReport(doc, { color: false, onlyAnnotated: true, width: 100 });
    const color = renderTextReport(doc, { color: true, onlyAnnotated: true, width: 100 });
    expect(plain).not.toContain("\u001b");
    expect(color).toContain("\u001b[32m✔ refer: transfer-succeeded");
    expect(color).toContain("\u001b[33m▲ flow: recovered");
    expect(stripSgr(color)).toBe(plain);
  });

  it("never lets control characters from the capture reach the terminal", () => {
    for (const sample of [sampleHostile(), sampleEverything(2)]) {
      for (const color of [false, true]) {
        const out = renderTextReport(sample.doc, { color, onlyAnnotated: false, width: 80 });
        expect(findRawUnsafe(out)).toBeNull();
        expect(onlySgrEscapes(out)).toBe(true);
      }
    }
    const out = renderTextReport(sampleHostile().doc, { color: false, onlyAnnotated: false, width: 80 });
    expect(out).toContain("\\x1b[31mmallory");
    expect(out).toContain("\\u202e");
    expect(out).toContain(HOSTILE_CALL.replace("\u001b", "\\x1b").replace("\u0007", "\\x07"));
  });

  it("keeps message lines within the width even for 10 000-character header values", () => {
    const out = renderTextReport(sampleHostile().doc, { color: false, onlyAnnotated: false, width: 80 });
    for (const line of out.split("\n")) expect(measureWidth(line)).toBeLessThanOrEqual(80);
  });
});
