/**
 * The summary every report starts with, as data: files, counts, time span, outcomes by kind and
 * diagnostics by code, each with the severity the views colour it by.
 */
import type { AnalysisDocument } from "../model/document.js";
import type { Severity } from "../model/outcomes.js";
import { worseSeverity } from "./terminal.js";
import { parseTsUs } from "./time-format.js";

export interface SummaryCount {
  readonly label: string;
  readonly value: number;
}

export interface OutcomeCount {
  readonly kind: string;
  readonly outcome: string;
  readonly count: number;
  readonly severity: Severity;
}

export interface DiagnosticCount {
  readonly code: string;
  readonly count: number;
  readonly severity: Severity;
}

export interface SummaryView {
  readonly counts: readonly SummaryCount[];
  readonly firstTs: string | null;
  readonly lastTs: string | null;
  readonly spanUs: number | null;
  readonly outcomes: readonly OutcomeCount[];
  readonly diagnostics: readonly DiagnosticCount[];
  readonly diagnosticsDropped: number;
}

export function summarizeDocument(doc: AnalysisDocument): SummaryView {
  const s = doc.summary;
  const counts: SummaryCount[] = [
    { label: "Messages", value: s.messages },
    { label: "Requests", value: s.requests },
    { label: "Responses", value: s.responses },
    { label: "Retransmissions", value: s.retransmissions },
    { label: "Calls", value: s.calls },
    { label: "Dialogs", value: s.dialogs },
    { label: "Transactions", value: s.transactions },
    { label: "Outbound flows", value: s.flows },
  ];
  const outcomeSeverity = new Map<string, Severity>();
  for (const a of doc.annotations) {
    const key = `${a.kind}:${a.outcome}`;
    outcomeSeverity.set(key, worseSeverity(outcomeSeverity.get(key) ?? null, a.severity) ?? a.severity);
  }
  const outcomes: OutcomeCount[] = Object.entries(s.outcomes)
    .map(([key, count]) => {
      const at = key.indexOf(":");
      return {
        kind: at < 0 ? key : key.slice(0, at),
        outcome: at < 0 ? "" : key.slice(at + 1),
        count,
        severity: outcomeSeverity.get(key) ?? "info",
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.count - a.count || a.outcome.localeCompare(b.outcome));
  const diagSeverity = new Map<string, Severity>();
  for (const d of doc.diagnostics) diagSeverity.set(d.code, worseSeverity(diagSeverity.get(d.code) ?? null, d.severity) ?? d.severity);
  const diagnostics: DiagnosticCount[] = Object.entries(s.diagnostics)
    .map(([code, count]) => ({ code, count, severity: diagSeverity.get(code) ?? "info" }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const first = parseTsUs(s.firstTs);
  const last = parseTsUs(s.lastTs);
  return {
    counts,
    firstTs: s.firstTs,
    lastTs: s.lastTs,
    spanUs: first !== null && last !== null ? last - first : null,
    outcomes,
    diagnostics,
    diagnosticsDropped: s.diagnosticsDropped,
  };
}

/** 1.2 kB, 3.4 MB ... */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u] ?? "TB"}`;
}
