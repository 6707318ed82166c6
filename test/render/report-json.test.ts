import { describe, expect, it } from "vitest";
import type { AnalysisDocument } from "../../src/model/document.js";
import { ANNOTATION_KEYS, CALL_KEYS, DOCUMENT_KEYS, MESSAGE_KEYS } from "../../src/render/json-text.js";
import { renderJsonReport } from "../../src/render/report-json.js";
import { renderNdjson } from "../../src/render/report-ndjson.js";
import { sampleEverything, sampleHostile } from "../helpers/sample-documents.js";
import { findRawUnsafe } from "./terminal-safety.js";

/** The same document with every object's keys inserted in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).reverse()) out[k] = reversed((value as Record<string, unknown>)[k]);
  return out;
}

describe("renderJsonReport", () => {
  const { doc } = sampleEverything(3);

  it("round-trips the document", () => {
    expect(JSON.parse(renderJsonReport(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("writes keys in the contract's order whatever order the producer used", () => {
    const out = renderJsonReport(doc);
    expect(renderJsonReport(reversed(doc) as AnalysisDocument)).toBe(out);
    const parsed = JSON.parse(out) as Record<string, unknown> & { messages: object[]; calls: object[]; annotations: object[] };
    expect(Object.keys(parsed)).toEqual(DOCUMENT_KEYS);
    expect(Object.keys(parsed.messages[0]!)).toEqual(MESSAGE_KEYS);
    expect(Object.keys(parsed.calls[0]!)).toEqual(CALL_KEYS);
    expect(Object.keys(parsed.annotations[0]!)).toEqual(ANNOTATION_KEYS);
    expect(out.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "sipta"')).toBe(true);
  });

  it("escapes ESC, C1 and bidi overrides so the JSON is safe to cat", () => {
    const out = renderJsonReport(sampleHostile().doc);
    expect(findRawUnsafe(out)).toBeNull();
    expect(out).toContain("\\u001b[31mmallory");
    expect(out).toContain("\\u202e");
    expect(out).toContain("\\u009b");
    // ...and still decodes to the original strings.
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(sampleHostile().doc)));
  });
});

describe("renderNdjson", () => {
  const { doc } = sampleEverything(3);

  it("writes one typed object per line, summary last", () => {
    const lines = renderNdjson(doc).trimEnd().split("\n");
    const objects = lines.map((l) => JSON.parse(l) as { type: string } & Record<string, unknown>);
    const count = (t: string): number => objects.filter((o) => o.type === t).length;
    expect(count("message")).toBe(doc.messages.length);
    expect(count("call")).toBe(doc.calls.length);
    expect(count("annotation")).toBe(doc.annotations.length);
    expect(count("flow")).toBe(doc.flows.length);
    expect(count("diagnostic")).toBe(doc.diagnostics.length);
    expect(objects.at(-1)?.type).toBe("summary");
    expect(objects.at(-1)?.schemaVersion).toBe(1);
    expect(objects.at(-1)?.calls).toBe(doc.summary.calls);
    for (const l of lines) expect(l.startsWith('{"type":')).toBe(true);
    const first = objects[0]!;
    expect(Object.keys(first).slice(1)).toEqual(MESSAGE_KEYS);
  });

  it("keeps hostile strings on one line and escaped", () => {
    const out = renderNdjson(sampleHostile().doc);
    const lines = out.trimEnd().split("\n");
    expect(lines.length).toBe(sampleHostile().doc.messages.length + 1 + 1 + 1 + 1);
    expect(findRawUnsafe(out)).toBeNull();
    for (const l of lines) expect(() => JSON.parse(l) as unknown).not.toThrow();
  });
});
