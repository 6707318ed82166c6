/**
 * The knowledge base's public face: catalogue lookups, code and compare pages, contextual annotation texts
 * and outcome severities, in en, vi and zh.
 */
import { findEntry } from "./catalogue/index.js";
import type { CodeEntry } from "./types.js";

export { CATALOGUE, classOfCode } from "./catalogue/index.js";
export { describeAnnotation } from "./context/describe.js";
export { severityOf } from "./context/severity.js";
export { uiStrings } from "./locale/index.js";
export type { ClassWords, Headings, UiStrings } from "./locale/index.js";
export { compareCodes } from "./pages/compare.js";
export { explainCode } from "./pages/explain.js";
export { cleanCaptureText } from "./text/format.js";
export { LANGS } from "./types.js";
export type {
  AnnotationText,
  AnnotationTextInput,
  ClassInfo,
  CodeClassId,
  CodeEntry,
  CodePage,
  CodeTexts,
  ComparePage,
  Lang,
  MessageContext,
  RfcRef,
} from "./types.js";

/** The catalogue entry of a registered code, or null (the caller reports knowledge.unregistered_code). */
export function lookupCode(code: number): CodeEntry | null {
  return findEntry(code);
}
