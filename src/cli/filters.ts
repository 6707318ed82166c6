/**
 * `--call-id`, `--code`, `--method`, `--address`, `--since/--until`: a view over the analysis. A call is kept
 * when any of its messages matches; the document keeps those calls with all their messages and annotations,
 * so a ladder never shows half a call.
 */
import type { AnalysisDocument, MessageRecord } from "../model/document.js";
import { UsageError } from "../diagnostics/errors.js";

export interface MessageFilter {
  readonly callIds: ReadonlySet<string> | null;
  readonly codes: ReadonlySet<number> | null;
  readonly methods: ReadonlySet<string> | null;
  readonly addresses: readonly string[] | null;
  readonly sinceIso: string | null;
  readonly untilIso: string | null;
}

function list(v: unknown): string[] | null {
  if (v === undefined || v === null) return null;
  const items = (Array.isArray(v) ? (v as unknown[]) : [v]).flatMap((x) => (typeof x === "string" || typeof x === "number" ? String(x) : "").split(",")).map((s) => s.trim()).filter((s) => s.length > 0);
  return items.length > 0 ? items : null;
}

/** Accepts RFC 3339 (2026-01-01T10:00:00Z) or a plain date/time; returns ISO text comparable with record `ts`. */
function readTime(v: unknown, flag: string): string | null {
  if (typeof v !== "string" || v === "") return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new UsageError(`${flag} must be a date/time such as 2026-01-01T10:00:00Z, got ${JSON.stringify(v)}`);
  return d.toISOString().replace(/Z$/, "000Z");
}

export function readFilter(args: Record<string, unknown>): MessageFilter {
  const codes = list(args.code);
  const parsedCodes = codes?.map((c) => {
    const n = Number(c);
    if (!Number.isInteger(n) || n < 100 || n > 999) throw new UsageError(`--code takes response codes such as 202,302,430; got ${JSON.stringify(c)}`);
    return n;
  });
  const callIds = list(args["call-id"]);
  const methods = list(args.method);
  return {
    callIds: callIds === null ? null : new Set(callIds),
    codes: parsedCodes === undefined ? null : new Set(parsedCodes),
    methods: methods === null ? null : new Set(methods.map((m) => m.toUpperCase())),
    addresses: list(args.address),
    sinceIso: readTime(args.since, "--since"),
    untilIso: readTime(args.until, "--until"),
  };
}

export function isFilterActive(f: MessageFilter): boolean {
  return f.callIds !== null || f.codes !== null || f.methods !== null || f.addresses !== null || f.sinceIso !== null || f.untilIso !== null;
}

function addressMatches(endpoint: string | null, wanted: string): boolean {
  if (endpoint === null) return false;
  if (endpoint === wanted) return true;
  // "10.0.0.1" matches "10.0.0.1:5060"; "[2001:db8::1]" or "2001:db8::1" match "[2001:db8::1]:5060".
  const host = endpoint.startsWith("[") ? endpoint.slice(1, endpoint.indexOf("]")) : endpoint.slice(0, endpoint.lastIndexOf(":"));
  return host === wanted.replace(/^\[|\]$/g, "");
}

export function messageMatches(m: MessageRecord, f: MessageFilter): boolean {
  if (f.callIds !== null && (m.callId === null || !f.callIds.has(m.callId))) return false;
  if (f.codes !== null && (m.status === null || !f.codes.has(m.status))) return false;
  if (f.methods !== null) {
    const method = m.method ?? m.cseq?.method ?? null;
    if (method === null || !f.methods.has(method.toUpperCase())) return false;
  }
  if (f.addresses !== null && !f.addresses.some((a) => addressMatches(m.src, a) || addressMatches(m.dst, a))) return false;
  if (f.sinceIso !== null && (m.ts === null || m.ts < f.sinceIso)) return false;
  if (f.untilIso !== null && (m.ts === null || m.ts > f.untilIso)) return false;
  return true;
}

/** The document reduced to the calls with at least one matching message (summary counts are left as analysed). */
export function filterDocument(doc: AnalysisDocument, f: MessageFilter): AnalysisDocument {
  if (!isFilterActive(f)) return doc;
  const keepCalls = new Set<string>();
  for (const m of doc.messages) if (m.callId !== null && messageMatches(m, f)) keepCalls.add(m.callId);
  const calls = doc.calls.filter((c) => keepCalls.has(c.callId));
  const keepMessages = new Set<number>();
  for (const c of calls) for (const i of c.messages) keepMessages.add(i);
  return {
    ...doc,
    calls,
    messages: doc.messages.filter((m) => keepMessages.has(m.index)),
    annotations: doc.annotations.filter((a) => keepMessages.has(a.message)),
  };
}
