/**
 * The trackers stage's public face: a streaming analyzer over SIP messages, keepalives and connection events,
 * in capture order. Bounded in memory: state is kept per live transaction, call, REFER, redirect and flow.
 */
export { TraceAnalyzer, chooseTracker, trackerFor, type AnalyzerOptions } from "./analyzer.js";
export type { AnalysisInput, AnalyzerOutput, Finding, FlowExtras, RedirectExtras } from "./findings.js";
export type { Tracker, TrackerContext } from "./tracker.js";
export { computeBackoffBounds } from "./outbound/flow.js";
