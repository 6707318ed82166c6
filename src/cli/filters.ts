/**
 * `--call-id`, `--code`, `--method`, `--address`, `--state`, `--since/--until`: a view over the analysis. A call is
 * kept when any of its messages matches; the document keeps those calls with all their messages and annotations,
 * so a ladder never shows half a call. Call-IDs may be fragments (call-id-match.ts), codes may be classes (4xx),
 * times may be a time of day on the capture's date (10:01:00) or relative to its start (+2m).
 */
import type { AnalysisDocument, CallRecord, CallState, MessageRecord } from "../model/document.js";
import { UsageError } from "../diagnostics/errors.js";
import { callIdContains, resolveCallIdFragments } from "./call-id-match.js";

/** A time as given on the command line, resolved against the capture once its first timestamp is known. */
export type TimeSpec =
  | { readonly kind: "absolute"; readonly iso: string }
  | { readonly kind: "time-of-day"; readonly clock: string }
  | { readonly kind: "relative"; readonly ms: number };

export interface MessageFilter {
  readonly callIds: readonly string[] | null;
  readonly codes: ReadonlySet<number> | null;
  /** Hundreds digits of `--code 4xx` classes. */
  readonly codeClasses: ReadonlySet<number> | null;
  readonly methods: ReadonlySet<string> | null;
  readonly addresses: readonly string[] | null;
  readonly states: ReadonlySet<CallState> | null;
  readonly since: TimeSpec | null;
  readonly until: TimeSpec | null;
}

const CALL_STATES: readonly CallState[] = ["setup", "ringing", "in-call", "completed", "cancelled", "busy", "rejected", "redirected", "failed", "request-ok", "request-failed", "request-pending"];
/** `--state failed`: every state where the initial request did not succeed. */
const FAILED_STATES: readonly CallState[] = ["busy", "rejected", "failed", "request-failed"];

function list(v: unknown): string[] | null {
  if (v === undefined || v === null) return null;
  const items = (Array.isArray(v) ? (v as unknown[]) : [v]).flatMap((x) => (typeof x === "string" || typeof x === "number" ? String(x) : "").split(",")).map((s) => s.trim()).filter((s) => s.length > 0);
  return items.length > 0 ? items : null;
}

/** RFC 3339 text in the document's form (microseconds, Z) so that it compares with record `ts` as text. */
function toRecordIso(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, "000Z");
}

/** `2026-01-01T10:00:00Z`, a time of day `10:01:00` (the capture's date), or `+2m` / `+90s` / `+1h` from the capture's start. */
export function readTimeSpec(v: unknown, flag: string): TimeSpec | null {
  if (typeof v !== "string" || v === "") return null;
  const rel = /^\+(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(v);
  if (rel !== null) {
    const unit = rel[2] === "ms" ? 1 : rel[2] === "s" ? 1000 : rel[2] === "m" ? 60_000 : 3_600_000;
    return { kind: "relative", ms: Number(rel[1]) * unit };
  }
  if (/^\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?$/.test(v)) {
    const [h = "0", rest = ""] = v.split(/:(.*)/s);
    return { kind: "time-of-day", clock: `${h.padStart(2, "0")}:${rest.length === 2 ? `${rest}:00` : rest}` };
  }
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new UsageError(`${flag} takes a time of day on the capture's date (10:01:00), a date/time (2026-01-01T10:00:00Z) or an offset from the start (+2m); got ${JSON.stringify(v)}`);
  return { kind: "absolute", iso: toRecordIso(d.getTime()) };
}

/** The spec as record-comparable ISO text; null when it needs the capture's start and the capture has none. */
export function resolveTime(spec: TimeSpec | null, firstTs: string | null): string | null {
  if (spec === null) return null;
  if (spec.kind === "absolute") return spec.iso;
  if (firstTs === null) return null;
  if (spec.kind === "relative") return toRecordIso(Date.parse(firstTs) + spec.ms);
  // Times in the views are UTC (as in the document), so a time of day is read on the capture's UTC date.
  const ms = Date.parse(`${firstTs.slice(0, 10)}T${spec.clock}Z`);
  return Number.isNaN(ms) ? null : toRecordIso(ms);
}

export function readFilter(args: Readonly<Record<string, unknown>>): MessageFilter {
  const codes = new Set<number>();
  const classes = new Set<number>();
  for (const c of list(args.code) ?? []) {
    const cls = /^([1-6])xx$/i.exec(c);
    if (cls !== null) {
      classes.add(Number(cls[1]));
      continue;
    }
    const n = Number(c);
    if (!Number.isInteger(n) || n < 100 || n > 699) throw new UsageError(`--code takes response codes or classes such as 202,302,430 or 4xx; got ${JSON.stringify(c)}`);
    codes.add(n);
  }
  const states = new Set<CallState>();
  for (const s of list(args.state) ?? []) {
    if (s === "failed") for (const f of FAILED_STATES) states.add(f);
    else if ((CALL_STATES as readonly string[]).includes(s)) states.add(s as CallState);
    else throw new UsageError(`--state takes failed or one of ${CALL_STATES.join(", ")}; got ${JSON.stringify(s)}`);
  }
  const methods = list(args.method);
  return {
    callIds: list(args["call-id"]),
    codes: codes.size > 0 ? codes : null,
    codeClasses: classes.size > 0 ? classes : null,
    methods: methods === null ? null : new Set(methods.map((m) => m.toUpperCase())),
    addresses: list(args.address),
    states: states.size > 0 ? states : null,
    since: readTimeSpec(args.since, "--since"),
    until: readTimeSpec(args.until, "--until"),
  };
}

export function isFilterActive(f: MessageFilter): boolean {
  return f.callIds !== null || f.codes !== null || f.codeClasses !== null || f.methods !== null || f.addresses !== null || f.states !== null || f.since !== null || f.until !== null;
}

function addressMatches(endpoint: string | null, wanted: string): boolean {
  if (endpoint === null) return false;
  if (endpoint === wanted) return true;
  // "10.0.0.1" matches "10.0.0.1:5060"; "[2001:db8::1]" or "2001:db8::1" match "[2001:db8::1]:5060".
  const host = endpoint.startsWith("[") ? endpoint.slice(1, endpoint.indexOf("]")) : endpoint.slice(0, endpoint.lastIndexOf(":"));
  return host === wanted.replace(/^\[|\]$/g, "");
}

/** A filter with its times resolved against the capture's first timestamp, for matching one message at a time. */
export interface BoundFilter {
  readonly filter: MessageFilter;
  /** Exact Call-IDs when resolved against a whole document; null: match fragments loosely (streaming). */
  readonly callIdSet: ReadonlySet<string> | null;
  readonly sinceIso: string | null;
  readonly untilIso: string | null;
}

export function bindFilter(filter: MessageFilter, firstTs: string | null, callIdSet: ReadonlySet<string> | null = null): BoundFilter {
  return { filter, callIdSet, sinceIso: resolveTime(filter.since, firstTs), untilIso: resolveTime(filter.until, firstTs) };
}

/** Message-level test (`--state` is call-level and ignored here). */
export function messageMatches(m: MessageRecord, b: BoundFilter): boolean {
  const f = b.filter;
  if (f.callIds !== null) {
    if (m.callId === null) return false;
    const id = m.callId;
    if (b.callIdSet !== null ? !b.callIdSet.has(id) : !f.callIds.some((fr) => callIdContains(id, fr))) return false;
  }
  if (f.codes !== null || f.codeClasses !== null) {
    const s = m.status;
    if (s === null || !((f.codes?.has(s) ?? false) || (f.codeClasses?.has(Math.floor(s / 100)) ?? false))) return false;
  }
  if (f.methods !== null) {
    const method = m.method ?? m.cseq?.method ?? null;
    if (method === null || !f.methods.has(method.toUpperCase())) return false;
  }
  if (f.addresses !== null && !f.addresses.some((a) => addressMatches(m.src, a) || addressMatches(m.dst, a))) return false;
  if (b.sinceIso !== null && (m.ts === null || m.ts < b.sinceIso)) return false;
  if (b.untilIso !== null && (m.ts === null || m.ts > b.untilIso)) return false;
  return true;
}

/** The filter bound to a whole document: Call-ID fragments resolved (a fragment matching nothing is a UsageError). */
export function bindFilterToDocument(doc: AnalysisDocument, f: MessageFilter): BoundFilter {
  const ids = [...new Set(doc.calls.map((c) => c.callId))];
  const set = f.callIds === null ? null : new Set(resolveCallIdFragments(ids, f.callIds));
  return bindFilter(f, doc.summary.firstTs, set);
}

/** The document reduced to the calls with at least one matching message (summary counts are left as analysed). */
export function filterDocument(doc: AnalysisDocument, f: MessageFilter): AnalysisDocument {
  if (!isFilterActive(f)) return doc;
  const bound = bindFilterToDocument(doc, f);
  const messageFilterActive = f.callIds !== null || f.codes !== null || f.codeClasses !== null || f.methods !== null || f.addresses !== null || f.since !== null || f.until !== null;
  const keepCalls = new Set<string>();
  if (messageFilterActive) for (const m of doc.messages) if (m.callId !== null && messageMatches(m, bound)) keepCalls.add(m.callId);
  const calls = doc.calls.filter((c: CallRecord) => (!messageFilterActive || keepCalls.has(c.callId)) && (f.states === null || f.states.has(c.state)));
  const keepMessages = new Set<number>();
  for (const c of calls) for (const i of c.messages) keepMessages.add(i);
  return {
    ...doc,
    calls,
    messages: doc.messages.filter((m) => keepMessages.has(m.index)),
    annotations: doc.annotations.filter((a) => keepMessages.has(a.message)),
  };
}
