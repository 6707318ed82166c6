/**
 * `--format ndjson`: one JSON object per line, each with a `type` first: `message`, `call`, `annotation`,
 * `flow`, `diagnostic`, then one `summary` last (it carries schemaVersion, tool, lang and files, so a reader
 * can check the version once it has everything). Each record keeps the contract's key order.
 */
import type { AnalysisDocument } from "../model/document.js";
import { orderRecord, stringifyJson, stringifyTypedRecord } from "./json-text.js";

export type NdjsonType = "message" | "call" | "annotation" | "flow" | "diagnostic" | "summary";

function line(type: Exclude<NdjsonType, "summary">, record: unknown): string {
  return stringifyTypedRecord(type, record) + "\n";
}

/** The lines in document order; use it to stream a large document. */
export function* writeNdjson(doc: AnalysisDocument): Generator<string> {
  for (const m of doc.messages) yield line("message", m);
  for (const c of doc.calls) yield line("call", c);
  for (const a of doc.annotations) yield line("annotation", a);
  for (const f of doc.flows) yield line("flow", f);
  for (const d of doc.diagnostics) yield line("diagnostic", d);
  yield stringifyJson({
    type: "summary",
    schemaVersion: doc.schemaVersion,
    tool: { name: doc.tool.name, version: doc.tool.version },
    lang: doc.lang,
    files: doc.files.map((f) => orderRecord("file", f)),
    ...orderRecord("summary", doc.summary),
  }) + "\n";
}

export function renderNdjson(doc: AnalysisDocument): string {
  return [...writeNdjson(doc)].join("");
}
