/**
 * The BatchReport as titled tables: the one layout that Markdown, CSV and HTML all print, so that every format
 * shows the same cells (test/report compares them). Cells are numbers, text or null (printed as "—" or empty).
 */
import type { Cell } from "../store/schema.js";
import type { BatchReport, Distribution } from "./report-data.js";

export interface ReportTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** One line saying how the numbers are counted. */
  readonly note?: string;
}

function distributionTables(id: string, title: string, unit: string, d: Distribution): ReportTable[] {
  return [
    {
      id,
      title,
      columns: ["measure", "value"],
      rows: [
        [`${unit} measured`, d.count],
        ["min ms", d.minMs],
        ["median ms", d.medianMs],
        ["p95 ms", d.p95Ms],
        ["max ms", d.maxMs],
        ["mean ms", d.meanMs],
      ],
    },
    { id: `${id}-buckets`, title: `${title}: distribution`, columns: ["range", unit], rows: d.buckets.map((b) => [b.label, b.count]) },
  ];
}

export function reportTables(r: BatchReport): ReportTable[] {
  const t = r.totals;
  return [
    {
      id: "totals",
      title: "Totals",
      columns: ["measure", "value"],
      rows: [
        ["files", t.files],
        ["files failed", t.filesFailed],
        ["bytes", t.bytes],
        ["messages", t.messages],
        ["calls", t.calls],
        ["responses", t.responses],
        ["annotations", t.annotations],
        ["diagnostics", t.diagnostics],
        ["first message", t.firstTs],
        ["last message", t.lastTs],
      ],
    },
    {
      id: "files",
      title: "Files",
      columns: ["file", "format", "bytes", "messages", "calls", "first", "last", "span s", "diagnostics", "read error"],
      rows: r.files.map((f) => [f.path, f.format, f.bytes, f.messages, f.calls, f.firstTs, f.lastTs, f.spanS, f.diagnostics, f.error]),
    },
    { id: "response-classes", title: "Responses by class", columns: ["class", "responses"], rows: r.responseClasses.map((c) => [c.class, c.count]), note: "Retransmissions left out." },
    { id: "response-codes", title: "Response codes per method", columns: ["method", "code", "responses"], rows: r.responseCodes.map((c) => [c.method, c.code, c.count]), note: "Method of the CSeq the response answers; retransmissions left out." },
    ...distributionTables("post-dial-delay", "Post-dial delay (INVITE to first 180/183, else to the final response)", "calls", r.postDialDelay),
    {
      id: "answer-seizure",
      title: "Answer-seizure ratio (INVITE calls)",
      columns: ["measure", "value"],
      rows: [
        ["seizures", r.answerSeizure.seizures],
        ["answered", r.answerSeizure.answered],
        ["ASR %", r.answerSeizure.asrPercent],
      ],
    },
    { id: "invite-states", title: "INVITE calls by state", columns: ["state", "calls"], rows: r.answerSeizure.states.map((s) => [s.state, s.count]) },
    {
      id: "transfers",
      title: "Transfers (REFER)",
      columns: ["measure", "value"],
      rows: [
        ["transfers", r.transfers.total],
        ["success rate %", r.transfers.successRatePercent],
        ["missing NOTIFY", r.transfers.missingNotify],
        ["dropped transferees", r.transfers.droppedTransferees],
      ],
      note: "Success rate: succeeded / (succeeded + failed + no NOTIFY + rejected). Dropped transferee: after a failed transfer the transferor hung up on the transferee instead of resuming the call (RFC 5589).",
    },
    { id: "transfer-outcomes", title: "Transfer outcomes", columns: ["outcome", "transfers"], rows: r.transfers.outcomes.map((o) => [o.outcome, o.count]) },
    { id: "transfer-failures", title: "Failed transfers by sipfrag status", columns: ["sipfrag status", "transfers"], rows: r.transfers.failuresBySipfrag.map((o) => [o.sipfrag, o.count]) },
    { id: "redirect-outcomes", title: "Redirect outcomes (3xx)", columns: ["outcome", "redirects"], rows: r.redirects.outcomes.map((o) => [o.outcome, o.count]) },
    { id: "redirect-codes", title: "Redirects by code", columns: ["code", "responses"], rows: r.redirects.codes.map((o) => [o.code, o.count]) },
    { id: "flow-failures", title: `Outbound flow failures (of ${r.outbound.flows} flows)`, columns: ["failure", "flows"], rows: r.outbound.failures.map((o) => [o.kind, o.count]) },
    { id: "flow-outcomes", title: "430 / 439 outcomes", columns: ["outcome", "responses"], rows: r.outbound.outcomes.map((o) => [o.outcome, o.count]) },
    ...distributionTables("flow-recovery", "Recovery delay after a flow failure (re-registration)", "flows", r.outbound.recovery),
    {
      id: "authentication",
      title: "Authentication challenges (401/407)",
      columns: ["method", "code", "kind", "outcome", "responses"],
      rows: r.authentication.map((a) => [a.method, a.code, a.kind, a.outcome, a.count]),
    },
    {
      id: "worst-calls",
      title: "Worst calls",
      columns: ["rank", "file", "Call-ID", "method", "state", "final", "start", "worst", "errors", "warnings", "failures", "outcomes"],
      rows: r.worstCalls.map((w) => [w.rank, w.path, w.callId, w.method, w.state, w.finalStatus, w.startTs, w.worstSeverity, w.errors, w.warnings, w.failures, w.outcomes]),
      note: "Ranked by the most severe finding, then errors, warnings and failure responses (4xx-6xx but 401/407).",
    },
    {
      id: "failures-over-time",
      title: `Failures over time (${r.failuresOverTime.bucketSeconds} s buckets)`,
      columns: ["from", "4xx", "5xx", "6xx", "tracker errors"],
      rows: r.failuresOverTime.buckets.map((b) => [b.startTs, b.c4xx, b.c5xx, b.c6xx, b.trackerErrors]),
      note: "4xx without 401/407; sources with only a time of day are left out.",
    },
    { id: "diagnostics", title: "Diagnostics by code", columns: ["code", "severity", "count", "files"], rows: r.diagnostics.map((d) => [d.code, d.severity, d.count, d.files]) },
  ];
}
