/** The streamed JSON document is the text renderJsonReport writes for the same analysis, and leaves no file behind. */
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";
import { renderJsonReport } from "../../src/render/report-json.js";
import { JsonDocumentWriter } from "../../src/render/report-json-stream.js";
import type { AnalysisDocument } from "../../src/model/document.js";

const demo = new URL("../../fixtures/demo/transfer-and-redirect.pcap", import.meta.url).pathname;

function spools(): string[] {
  return readdirSync(tmpdir()).filter((n) => n.startsWith("sipta-spool-"));
}

/** Feeds the writer in an order the stream may use: calls and annotations out of document order. */
function streamed(doc: AnalysisDocument): string {
  const w = new JsonDocumentWriter();
  try {
    for (const m of doc.messages) w.message(m);
    for (const c of [...doc.calls].reverse()) w.call(c);
    for (const a of [...doc.annotations].reverse()) w.annotation(a);
    for (const f of doc.flows) w.flow(f);
    for (const d of doc.diagnostics) w.diagnostic(d);
    return [...w.finish(doc)].join("");
  } finally {
    w.close();
  }
}

describe("JsonDocumentWriter", () => {
  it("writes renderJsonReport's text, sorting calls and annotations as analyze() does", async () => {
    const before = spools().length;
    const doc = await analyze([demo]);
    expect(doc.calls.length).toBeGreaterThan(1);
    expect(streamed(doc)).toBe(renderJsonReport(doc));
    expect(spools().length).toBe(before);
  });

  it("writes empty sections as [] and escapes terminal controls in diagnostics", async () => {
    const doc = await analyze([demo]);
    const empty: AnalysisDocument = { ...doc, messages: [], calls: [], annotations: [], flows: [], diagnostics: [], files: [] };
    expect(streamed(empty)).toBe(renderJsonReport(empty));
    const d = { severity: "warning" as const, code: "sip.bad_header", file: "a", frame: 1, line: null, message: "m\u202e" };
    const flood: AnalysisDocument = { ...doc, diagnostics: [d, d, d] };
    expect(streamed(flood)).toBe(renderJsonReport(flood));
  });
});
