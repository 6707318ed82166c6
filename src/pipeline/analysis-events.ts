/** What the streaming analysis yields: the NDJSON line types of `sipta analyze --format ndjson` (docs/json-output.md). */
import type {
  AnalysisSummary,
  AnnotationRecord,
  CallRecord,
  DiagnosticRecord,
  FileSummary,
  FlowRecord,
  MessageRecord,
} from "../model/document.js";

export type AnalysisEvent =
  | { readonly type: "message"; readonly message: MessageRecord }
  | { readonly type: "annotation"; readonly annotation: AnnotationRecord }
  | { readonly type: "call"; readonly call: CallRecord }
  | { readonly type: "flow"; readonly flow: FlowRecord }
  | { readonly type: "diagnostic"; readonly diagnostic: DiagnosticRecord }
  | { readonly type: "summary"; readonly summary: AnalysisSummary; readonly files: readonly FileSummary[] };
