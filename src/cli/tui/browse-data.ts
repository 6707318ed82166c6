/**
 * What the call browser lists and searches, computed once from the analysis: one entry per call with its stable
 * number, a lower-cased search text (Call-ID, From/To URIs, every address its messages used) and the facts the
 * outcome filters ask (problem, failed transfer, 430, redirect).
 */
import type { AnalysisDocument, CallRecord } from "../../model/document.js";
import { indexDocument, notableAnnotationsOf, worstSeverityOf, type DocumentIndex } from "../../render/document-index.js";
import type { Severity } from "../../model/outcomes.js";

export type OutcomeFilter = "all" | "problems" | "failed-transfers" | "flow-430" | "redirects";

export const OUTCOME_FILTERS: readonly OutcomeFilter[] = ["all", "problems", "failed-transfers", "flow-430", "redirects"];

export const FILTER_LABEL: Readonly<Record<OutcomeFilter, string>> = {
  all: "all calls",
  problems: "calls with problems",
  "failed-transfers": "failed transfers",
  "flow-430": "430 / outbound flows",
  redirects: "redirects",
};

export interface CallEntry {
  readonly call: CallRecord;
  readonly n: number;
  readonly search: string;
  readonly severity: Severity | null;
  readonly facts: ReadonlySet<OutcomeFilter>;
}

export interface BrowseData {
  readonly doc: AnalysisDocument;
  readonly index: DocumentIndex;
  readonly entries: readonly CallEntry[];
}

const FAILED_STATES = new Set(["busy", "rejected", "failed", "request-failed"]);

export function buildBrowseData(doc: AnalysisDocument): BrowseData {
  const index = indexDocument(doc);
  const entries = doc.calls.map((call, i): CallEntry => {
    const parts = [call.callId, call.from ?? "", call.to ?? ""];
    const facts = new Set<OutcomeFilter>(["all"]);
    const severity = worstSeverityOf(index, call.messages);
    if (severity === "error" || severity === "warning" || FAILED_STATES.has(call.state)) facts.add("problems");
    for (const mi of call.messages) {
      const m = index.messages.get(mi);
      if (m === undefined) continue;
      parts.push(m.src ?? "", m.dst ?? "", m.uri ?? "");
      if (m.status === 430) facts.add("flow-430");
      for (const a of notableAnnotationsOf(index, mi)) {
        if (a.kind === "refer" && (a.severity === "error" || a.severity === "warning")) facts.add("failed-transfers");
        if (a.kind === "flow") facts.add("flow-430");
        if (a.kind === "redirect") facts.add("redirects");
      }
    }
    return { call, n: i + 1, search: parts.join("\n").toLowerCase(), severity, facts };
  });
  return { doc, index, entries };
}

/** Entries passing the outcome filter and containing the search text (case-insensitive), in document order. */
export function visibleEntries(data: BrowseData, filter: OutcomeFilter, query: string): CallEntry[] {
  const q = query.trim().toLowerCase();
  return data.entries.filter((e) => e.facts.has(filter) && (q === "" || e.search.includes(q)));
}

/** The Call-IDs linked to `callId` (transfer target, redirect retry, Replaces), itself included, in document order. */
export function legsOf(data: BrowseData, callId: string): string[] {
  const seen = new Set<string>([callId]);
  const queue = [callId];
  while (queue.length > 0) {
    const id = queue.shift() ?? "";
    for (const c of data.index.callGroups.get(id) ?? []) {
      for (const l of [...c.linkedCallIds, ...c.links.map((x) => x.callId)]) {
        if (!seen.has(l)) {
          seen.add(l);
          queue.push(l);
        }
      }
    }
  }
  for (const c of data.doc.calls) if (!seen.has(c.callId) && (c.linkedCallIds.includes(callId) || c.links.some((l) => l.callId === callId))) seen.add(c.callId);
  return [...new Set(data.doc.calls.map((c) => c.callId))].filter((id) => seen.has(id));
}
