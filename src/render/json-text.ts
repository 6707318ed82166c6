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

const NO_NESTED_ORDER = (): readonly string[] => [];

/** Rebuilds `value` with keys in `order` first (in that order) and every other key sorted, recursively. */
export function orderKeys(value: unknown, order: readonly string[] = [], nested: (key: string) => readonly string[] = NO_NESTED_ORDER): Json {
  if (value === null || typeof value === "boolean" || typeof value === "number" || typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v: unknown) => orderKeys(v, order, nested));
  if (typeof value !== "object") return null;
  const obj = value as Readonly<Record<string, unknown>>;
  const out: Record<string, Json> = {};
  for (const k of keysInContractOrder(obj, order)) if (obj[k] !== undefined) out[k] = orderKeys(obj[k], nested(k));
  return out;
}

/**
 * The keys of `obj`: those in `order` first (in that order), the rest sorted. Records are built as literals in the
 * contract's order, so the common case is a straight comparison, with no set or sort.
 */
function keysInContractOrder(obj: object, order: readonly string[]): readonly string[] {
  const keys = Object.keys(obj);
  if (order.length === 0) return keys.sort();
  if (keys.length === order.length && keys.every((k, i) => k === order[i])) return keys;
  const present = new Set(keys);
  const inOrder = new Set(order);
  return [...order.filter((k) => present.has(k)), ...keys.filter((k) => !inOrder.has(k)).sort()];
}

/**
 * `stringifyJson(orderKeys(value, order, nested))` in one pass, without building the reordered copy: this runs for
 * every message and annotation of an NDJSON or JSON output, where the copy and its garbage cost more than the text.
 */
export function stringifyOrdered(value: unknown, order: readonly string[] = [], nested: (key: string) => readonly string[] = NO_NESTED_ORDER): string {
  return escapeUnsafe(writeOrdered(value, order, nested, null));
}

/**
 * As `stringifyJson(orderKeys(...), 2)` writes `value` when it sits at `depth` inside the indented document
 * (without the leading indentation of its first line): lets the JSON document be written one record at a time.
 */
export function stringifyOrderedIndented(value: unknown, depth: number, order: readonly string[] = [], nested: (key: string) => readonly string[] = NO_NESTED_ORDER): string {
  return escapeUnsafe(writeOrdered(value, order, nested, "  ".repeat(depth)));
}

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * orderKeys builds a new object, and a JS object enumerates integer-like keys (array indices, e.g. the status codes
 * of summary.statuses) first, ascending, whatever the insertion order: the one-pass writer must do the same.
 */
function asRebuiltObjectEnumerates(keys: readonly string[]): readonly string[] {
  const isIndex = (k: string): boolean => {
    const c = k.charCodeAt(0);
    return c >= 48 && c <= 57 && ARRAY_INDEX.test(k) && Number(k) < 4294967295;
  };
  if (!keys.some(isIndex)) return keys;
  const indices = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((k) => !isIndex(k))];
}

function isPlainValue(v: unknown): boolean {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

/** `indent` is the indentation of the line `value` starts on, or null for compact output. */
function writeOrdered(value: unknown, order: readonly string[], nested: (key: string) => readonly string[], indent: string | null): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return JSON.stringify(value); // NaN and ±Infinity become null, as JSON.stringify writes them
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    case "bigint":
    case "function":
    case "symbol":
    case "undefined":
      return "null"; // as orderKeys maps them (undefined object members never get here)
  }
  if (value === null) return "null";
  if (Array.isArray(value)) {
    // Frame numbers, warnings, next steps, refs: arrays of plain values need no reordering, native is faster.
    if (value.every(isPlainValue)) return indent === null ? JSON.stringify(value) : JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
    if (indent === null) {
      let s = "[";
      for (let i = 0; i < value.length; i++) s += (i === 0 ? "" : ",") + writeOrdered(value[i], order, nested, null);
      return s + "]";
    }
    const inner = `${indent}  `;
    let s = "[";
    for (let i = 0; i < value.length; i++) s += (i === 0 ? "\n" : ",\n") + inner + writeOrdered(value[i], order, nested, inner);
    return s + `\n${indent}]`;
  }
  const obj = value as Readonly<Record<string, unknown>>;
  const inner = indent === null ? null : `${indent}  `;
  // JSON.stringify's layout: `{"k":v,...}` compact; `{`, then `"k": v` one per line one step in, then `}` indented.
  const separator = inner === null ? "," : `,\n${inner}`;
  let s = inner === null ? "{" : `{\n${inner}`;
  let first = true;
  for (const k of asRebuiltObjectEnumerates(keysInContractOrder(obj, order))) {
    const v = obj[k];
    if (v === undefined) continue;
    s += (first ? "" : separator) + JSON.stringify(k) + (inner === null ? ":" : ": ") + writeOrdered(v, nested(k), NO_NESTED_ORDER, inner);
    first = false;
  }
  if (first) return "{}";
  return inner === null ? `${s}}` : `${s}\n${indent ?? ""}}`;
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
  return orderKeys(value, RECORD_ORDER[type], type === "call" ? CALL_NESTED_ORDER : NO_NESTED_ORDER);
}

const RECORD_ORDER: Readonly<Record<RecordType, readonly string[]>> = {
  message: MESSAGE_KEYS,
  call: CALL_KEYS,
  annotation: ANNOTATION_KEYS,
  flow: FLOW_KEYS,
  diagnostic: DIAGNOSTIC_KEYS,
  file: FILE_KEYS,
  summary: SUMMARY_KEYS,
};
const CALL_NESTED_ORDER = nestedOrderIn("call");

/** `stringifyJson(orderRecord(type, value))`, in one pass (see stringifyOrdered). */
export function stringifyRecordIndented(type: RecordType, value: unknown, depth: number): string {
  return stringifyOrderedIndented(value, depth, RECORD_ORDER[type], type === "call" ? CALL_NESTED_ORDER : NO_NESTED_ORDER);
}

/** `stringifyJson(orderRecord(type, value))`, in one pass (see stringifyOrdered). */
export function stringifyRecord(type: RecordType, value: unknown): string {
  return stringifyOrdered(value, RECORD_ORDER[type], type === "call" ? CALL_NESTED_ORDER : NO_NESTED_ORDER);
}

/** `stringifyJson({ type, ...orderRecord(type, value) })`: one NDJSON line's object, in one pass. */
export function stringifyTypedRecord(type: Exclude<RecordType, "file" | "summary">, value: unknown): string {
  // A record that is not an object, or has its own `type`, takes the general path (the spread decides).
  if (typeof value !== "object" || value === null || Array.isArray(value) || Object.hasOwn(value, "type")) {
    return stringifyJson({ type, ...orderRecord(type, value) });
  }
  const body = stringifyRecord(type, value);
  return `{"type":${JSON.stringify(type)}${body === "{}" ? "}" : `,${body.slice(1)}`}`;
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
  return escapeUnsafe(JSON.stringify(value, null, indent));
}

function escapeUnsafe(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
