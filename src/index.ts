/**
 * sipta as a library: the same analysis the CLI runs, as functions and async iterables.
 *
 *   import { analyze, analyzeStream } from "sipta";
 *   const doc = await analyze("trace.pcap", { lang: "en" });   // a path, paths, a Buffer or a stream
 * Every export is documented in docs/library.md.
 *   for await (const ev of analyzeStream(["huge.pcapng"])) if (ev.type === "annotation") console.log(ev.annotation.summary);
 */
export { analyze, analyzeStream, type AnalyzeOptions } from "./pipeline/analyze.js";
export type { AnalysisInput, InputData } from "./pipeline/inputs.js";
export type { AnalysisEvent } from "./pipeline/analysis-events.js";
export { readTraceEvents, type SourceOptions } from "./pipeline/source.js";
export { parseEvents, type ParsedItem } from "./pipeline/parse-stage.js";
export type * from "./model/document.js";
export type { Endpoint } from "./model/endpoint.js";
export type { Origin, SourceRef } from "./model/origin.js";
export type { TraceEvent, SipPayload, KeepaliveEvent, ConnectionEvent } from "./model/trace-event.js";
export { REFER_OUTCOMES, REDIRECT_OUTCOMES, FLOW_OUTCOMES, OUTCOMES_BY_KIND, type AnnotationKind, type Severity } from "./model/outcomes.js";
export { parseSipMessage } from "./sip/parser.js";
export { SipRequest, SipResponse, type SipMessage } from "./sip/message.js";
export { checkGrammar, type GrammarViolation } from "./sip/grammar.js";
export { TraceAnalyzer, type Finding } from "./trackers/index.js";
export { explainCode, compareCodes, lookupCode, describeAnnotation } from "./knowledge/index.js";
export type { Diagnostic } from "./diagnostics/diagnostic.js";
export { CollectingSink, ArraySink, type DiagnosticSink } from "./diagnostics/sink.js";
export { CATALOGUE as DIAGNOSTIC_CODES, type DiagnosticCode } from "./diagnostics/catalogue.js";
export { UsageError, InputFileError, InternalError } from "./diagnostics/errors.js";
export { renderTextReport } from "./render/report-text.js";
export { renderJsonReport } from "./render/report-json.js";
export { renderCallsTable } from "./render/calls-table.js";
export { renderLadderText } from "./render/ladder-text.js";
export { renderLadderMermaid } from "./render/ladder-mermaid.js";
export { renderLadderSvg } from "./render/ladder-svg.js";
export { renderHtmlReport } from "./render/html/report-html.js";
