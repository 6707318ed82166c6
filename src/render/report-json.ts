/** `--format json`: the analysis document itself, stable key order, 2-space indent, terminal-safe escapes. */
import type { AnalysisDocument } from "../model/document.js";
import { orderDocument, stringifyJson } from "./json-text.js";

export function renderJsonReport(doc: AnalysisDocument): string {
  return stringifyJson(orderDocument(doc), 2) + "\n";
}
