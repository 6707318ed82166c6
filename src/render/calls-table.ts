/**
 * `sipta calls`: the call list, like sngrep's (#, start, duration, from, to, method, state, message count,
 * outcomes, Call-ID), with columns fitted to the terminal width, plus json, csv and markdown variants.
 * `#` is the call's 1-based position in the unfiltered document (`numbers`), the number `sipta flow --call N`
 * takes, so a filter never renumbers. Several inputs add a File column. Text that is not fitted to a terminal
 * (width Infinity, the default) is never cut.
 */
import type { AnalysisDocument, CallRecord } from "../model/document.js";
import type { Severity } from "../model/outcomes.js";
import { formatCsvRow } from "./csv-cell.js";
import { indexDocument, worstSeverityOf } from "./document-index.js";
import { stringifyJson } from "./json-text.js";
import { escapeMarkdown } from "./markdown-escape.js";
import { escapeTerminal, paint, severityGlyph } from "./terminal.js";
import { fitColumns, formatTableHeader, formatTableLine, type TableColumn } from "./table-fit.js";
import { formatClock, formatDateTime, formatDurationMs } from "./time-format.js";

function clockOf(ts: string | null): string {
  return ts === null ? "unknown" : formatClock(ts);
}

export type CallsTableFormat = "text" | "json" | "csv" | "markdown";

export interface CallsTableOptions {
  readonly format?: CallsTableFormat;
  /** Terminal columns for the text format; Infinity (default): natural widths, nothing cut. */
  readonly width?: number;
  readonly color?: boolean;
  /** Each call's number in the unfiltered analysis (default: its position in `doc.calls`). */
  readonly numbers?: ReadonlyMap<CallRecord, number>;
  /** Show the File column (default: when the document has several files). */
  readonly showFile?: boolean;
}

export interface CallRow {
  readonly n: number;
  readonly callId: string;
  /** The input file of the call's first message. */
  readonly file: string | null;
  readonly startTs: string | null;
  readonly durationMs: number | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly method: string | null;
  readonly state: string;
  readonly finalStatus: number | null;
  readonly messages: number;
  readonly outcomes: readonly string[];
  readonly linkedCallIds: readonly string[];
  /** Worst severity of the call's notable annotations. */
  readonly severity: Severity | null;
}

/** Number of each call in the unfiltered document: keep it before filtering, pass it to the views. */
export function numberCalls(doc: AnalysisDocument): Map<CallRecord, number> {
  return new Map(doc.calls.map((c, i) => [c, i + 1]));
}

export function listCallRows(doc: AnalysisDocument, numbers?: ReadonlyMap<CallRecord, number>): CallRow[] {
  const index = indexDocument(doc);
  return doc.calls.map((c, i) => ({
    n: numbers?.get(c) ?? i + 1,
    callId: c.callId,
    file: c.messages[0] === undefined ? null : (index.messages.get(c.messages[0])?.file ?? null),
    startTs: c.startTs,
    durationMs: c.durationMs,
    from: c.from,
    to: c.to,
    method: c.method,
    state: c.state,
    finalStatus: c.finalStatus,
    messages: c.messages.length,
    outcomes: c.outcomes,
    linkedCallIds: c.linkedCallIds,
    severity: worstSeverityOf(index, c.messages),
  }));
}

export function renderCallsTable(doc: AnalysisDocument, opts: CallsTableOptions = {}): string {
  return renderCallRows(listCallRows(doc, opts.numbers), { ...opts, showFile: opts.showFile ?? doc.files.length > 1 });
}

/** Rows from one or several documents (`calls --per-file`) in one table. */
export function renderCallRows(rows: readonly CallRow[], opts: CallsTableOptions = {}): string {
  const format = opts.format ?? "text";
  const showFile = opts.showFile === true;
  switch (format) {
    case "text":
      return renderText(rows, opts.width ?? Infinity, opts.color === true, showFile);
    case "json":
      return renderJson(rows, showFile);
    case "csv":
      return renderCsv(rows, showFile);
    case "markdown":
      return renderMarkdown(rows, showFile);
  }
}

function stateText(r: CallRow): string {
  return r.finalStatus === null ? r.state : `${r.state} ${r.finalStatus}`;
}

function renderJson(rows: readonly CallRow[], showFile: boolean): string {
  const out = rows.map((r) => ({
    n: r.n,
    callId: r.callId,
    ...(showFile ? { file: r.file } : {}),
    startTs: r.startTs,
    durationMs: r.durationMs,
    from: r.from,
    to: r.to,
    method: r.method,
    state: r.state,
    finalStatus: r.finalStatus,
    messages: r.messages,
    outcomes: [...r.outcomes],
    linkedCallIds: [...r.linkedCallIds],
    severity: r.severity,
  }));
  return stringifyJson(out, 2) + "\n";
}

const CSV_HEADER = ["n", "call_id", "start", "duration_ms", "from", "to", "method", "state", "final_status", "messages", "outcomes", "linked_call_ids"];

function renderCsv(rows: readonly CallRow[], showFile: boolean): string {
  let out = formatCsvRow(showFile ? [...CSV_HEADER, "file"] : CSV_HEADER);
  for (const r of rows) {
    const cells = [
      r.n, r.callId, r.startTs, r.durationMs, r.from, r.to, r.method, r.state, r.finalStatus, r.messages,
      r.outcomes.join(" "), r.linkedCallIds.join(" "),
    ];
    out += formatCsvRow(showFile ? [...cells, r.file] : cells);
  }
  return out;
}

function renderMarkdown(rows: readonly CallRow[], showFile: boolean): string {
  const lines = [
    `| # | Start | Duration | From | To | Method | State | Msgs | Outcomes |${showFile ? " File |" : ""} Call-ID |`,
    `|--:|---|--:|---|---|---|---|--:|---|${showFile ? "---|" : ""}---|`,
  ];
  for (const r of rows) {
    const outcomes = r.outcomes.length === 0 ? "" : `${r.severity === null ? "" : severityGlyph(r.severity) + " "}${r.outcomes.map((o) => escapeMarkdown(o)).join(", ")}`;
    lines.push(
      `| ${r.n} | ${formatDateTime(r.startTs)} | ${formatDurationMs(r.durationMs)} | ${escapeMarkdown(r.from ?? "")} | ${escapeMarkdown(r.to ?? "")} | ${escapeMarkdown(r.method ?? "")} | ${escapeMarkdown(stateText(r))} | ${r.messages} | ${outcomes} |${showFile ? ` ${escapeMarkdown(r.file ?? "")} |` : ""} ${escapeMarkdown(r.callId)} |`,
    );
  }
  return lines.join("\n") + "\n";
}

function fileCell(r: CallRow): string {
  return escapeTerminal(r.file ?? "");
}

const COLUMNS: readonly TableColumn<CallRow>[] = [
  { header: "#", align: "right", min: 1, max: 7, yield: null, dropRank: null, cell: (r) => String(r.n) },
  { header: "Start", align: "left", min: 12, max: 23, yield: null, dropRank: null, cell: (r) => formatDateTime(r.startTs) },
  { header: "Duration", align: "right", min: 8, max: 9, yield: null, dropRank: 2, cell: (r) => formatDurationMs(r.durationMs) },
  { header: "From", align: "left", min: 12, max: 40, yield: 1, dropRank: 7, cell: (r) => escapeTerminal(r.from ?? "") },
  { header: "To", align: "left", min: 12, max: 40, yield: 1, dropRank: 6, cell: (r) => escapeTerminal(r.to ?? "") },
  { header: "Method", align: "left", min: 6, max: 10, yield: null, dropRank: 3, cell: (r) => escapeTerminal(r.method ?? "") },
  { header: "State", align: "left", min: 9, max: 20, yield: null, dropRank: null, cell: (r) => escapeTerminal(stateText(r)) },
  { header: "Msgs", align: "right", min: 4, max: 6, yield: null, dropRank: 1, cell: (r) => String(r.messages) },
  { header: "Outcomes", align: "left", min: 10, max: 40, yield: 1, dropRank: 4, cell: (r) => r.outcomes.map((o) => escapeTerminal(o)).join(",") },
  { header: "File", align: "left", min: 8, max: 40, yield: 2, dropRank: 5, cell: fileCell },
  // The key an engineer greps for: last, shrinks only after every other column gave way, never dropped.
  { header: "Call-ID", align: "left", min: 12, max: 160, yield: Infinity, dropRank: null, cell: (r) => escapeTerminal(r.callId) },
];

function renderText(rows: readonly CallRow[], width: number, color: boolean, showFile: boolean): string {
  if (rows.length === 0) return "No calls.\n";
  // Within one day the date is noise: print the time of day only.
  const days = new Set(rows.map((r) => r.startTs?.slice(0, 10) ?? ""));
  const columns = COLUMNS.filter((c) => showFile || c.header !== "File").map((c) => (c.header === "Start" && days.size <= 1 ? { ...c, cell: (r: CallRow) => clockOf(r.startTs) } : c));
  const cols = fitColumns(rows, Number.isFinite(width) ? Math.max(40, width) : width, columns);
  const lines = [paint(formatTableHeader(cols, true), "bold", color)];
  for (const r of rows) {
    lines.push(formatTableLine(cols, (c) => c.col.cell(r), true, (c, text) => ((c.col.header === "Outcomes" || c.col.header === "State") && r.severity !== null ? paint(text, r.severity, color) : text)));
  }
  return lines.join("\n") + "\n";
}
