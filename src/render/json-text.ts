/**
 * JSON text for the machine-readable views: a stable key order (the contract's field order for the records
 * of src/model/document.ts, alphabetical for everything nested), and DEL, C1, bidi controls and U+2028/2029
 * written as \uNNNN so that `cat`ing the output cannot drive or reorder a terminal.
 */
import type {
  AnalysisDocument,
  AnalysisSummary,
  AnnotationRecord,
  CallLink,
  CallRecord,
  DiagnosticRecord,
  FileSummary,
  FlowRecord,
  MessageRecord,
} from "../model/document.js";

/** The keys of T in the order given; the mapped type makes the list exhaustive at compile time. */
function keysInOrder<T>(keys: { readonly [K in keyof T]-?: true }): readonly Extract<keyof T, string>[] {
  return Object.keys(keys) as Extract<keyof T, string>[];
}

export const DOCUMENT_KEYS: readonly string[] = keysInOrder<AnalysisDocument>({
  schemaVersion: true, tool: true, lang: true, files: true, summary: true, messages: true, calls: true,
  annotations: true, flows: true, diagnostics: true,
});
const FILE_KEYS: readonly string[] = keysInOrder<FileSummary>({ path: true, format: true, messages: true, bytes: true });
const SUMMARY_KEYS: readonly string[] = keysInOrder<AnalysisSummary>({
  messages: true, requests: true, responses: true, retransmissions: true, calls: true, dialogs: true,
  transactions: true, flows: true, firstTs: true, lastTs: true, methods: true, statuses: true, outcomes: true,
  diagnostics: true, diagnosticsDropped: true,
});
export const MESSAGE_KEYS: readonly string[] = keysInOrder<MessageRecord>({
  index: true, file: true, frame: true, line: true, frames: true, ts: true, timePrecision: true, src: true,
  dst: true, addressesInferred: true, transport: true, carrier: true, method: true, uri: true, status: true,
  reason: true, callId: true, cseq: true, fromUri: true, fromTag: true, toUri: true, toTag: true, branch: true,
  size: true, retransmissionOf: true, copyOf: true, hop: true, sameEventAs: true, warnings: true,
});
export const CALL_KEYS: readonly string[] = keysInOrder<CallRecord>({
  callId: true, messages: true, linkedCallIds: true, links: true, state: true, method: true, from: true, to: true,
  startTs: true, endTs: true, durationMs: true, finalStatus: true, dialogs: true, transactions: true,
  retransmissions: true, outcomes: true,
});
const LINK_KEYS: readonly string[] = keysInOrder<CallLink>({ callId: true, reason: true, message: true });
export const ANNOTATION_KEYS: readonly string[] = keysInOrder<AnnotationRecord>({
  message: true, file: true, frame: true, line: true, ts: true, code: true, reason: true, callId: true, kind: true,
  outcome: true, severity: true, summary: true, explanation: true, nextSteps: true, refs: true, rfc: true,
  sameEventAs: true, hops: true, details: true,
});
export const FLOW_KEYS: readonly string[] = keysInOrder<FlowRecord>({
  flowId: true, aor: true, instance: true, regId: true, transport: true, ua: true, edge: true, ob: true,
  outboundSupported: true, flowTimer: true, registered: true, state: true, keepalives: true, failure: true,
  reregistered: true,
});
export const DIAGNOSTIC_KEYS: readonly string[] = keysInOrder<DiagnosticRecord>({
  severity: true, code: true, file: true, frame: true, line: true, message: true,
});

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export interface JsonObject {
  readonly [k: string]: Json;
}

/** Rebuilds `value` with keys in `order` first (in that order) and every other key sorted, recursively. */
export function orderKeys(value: unknown, order: readonly string[] = [], nested: (key: string) => readonly string[] = () => []): Json {
  if (value === null || typeof value === "boolean" || typeof value === "number" || typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v: unknown) => orderKeys(v, order, nested));
  if (typeof value !== "object") return null;
  const obj = value as Readonly<Record<string, unknown>>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const known = order.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !order.includes(k)).sort();
  const out: Record<string, Json> = {};
  for (const k of [...known, ...rest]) out[k] = orderKeys(obj[k], nested(k));
  return out;
}

function nestedOrderIn(record: "call" | "summary" | "other"): (key: string) => readonly string[] {
  return (key) => (record === "call" && key === "links" ? LINK_KEYS : []);
}

export type RecordType = "message" | "call" | "annotation" | "flow" | "diagnostic" | "file" | "summary";

/** One record of the given type with the contract's key order ({} if it is not an object). */
export function orderRecord(type: RecordType, value: unknown): JsonObject {
  const ordered = orderRecordValue(type, value);
  return typeof ordered === "object" && ordered !== null && !Array.isArray(ordered) ? (ordered as JsonObject) : {};
}

function orderRecordValue(type: RecordType, value: unknown): Json {
  switch (type) {
    case "message":
      return orderKeys(value, MESSAGE_KEYS);
    case "call":
      return orderKeys(value, CALL_KEYS, nestedOrderIn("call"));
    case "annotation":
      return orderKeys(value, ANNOTATION_KEYS);
    case "flow":
      return orderKeys(value, FLOW_KEYS);
    case "diagnostic":
      return orderKeys(value, DIAGNOSTIC_KEYS);
    case "file":
      return orderKeys(value, FILE_KEYS);
    case "summary":
      return orderKeys(value, SUMMARY_KEYS);
  }
}

/** The whole document in the contract's key order. */
export function orderDocument(doc: AnalysisDocument): Json {
  return {
    schemaVersion: doc.schemaVersion,
    tool: orderKeys(doc.tool, ["name", "version"]),
    lang: doc.lang,
    files: doc.files.map((f) => orderRecord("file", f)),
    summary: orderRecord("summary", doc.summary),
    messages: doc.messages.map((m) => orderRecord("message", m)),
    calls: doc.calls.map((c) => orderRecord("call", c)),
    annotations: doc.annotations.map((a) => orderRecord("annotation", a)),
    flows: doc.flows.map((f) => orderRecord("flow", f)),
    diagnostics: doc.diagnostics.map((d) => orderRecord("diagnostic", d)),
  };
}

const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** JSON.stringify (which already escapes C0 and lone surrogates) plus \uNNNN for the characters above. */
export function stringifyJson(value: Json, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
