/**
 * `sipta calls`: the call list, like sngrep's (#, start, duration, from, to, method, state, message count,
 * outcomes, Call-ID), with columns fitted to the terminal width, plus json, csv and markdown variants.
 * `#` is the call's 1-based position in the document, the number `sipta flow --call N` takes.
 */
import type { AnalysisDocument } from "../model/document.js";
import type { Severity } from "../model/outcomes.js";
import { formatCsvRow } from "./csv-cell.js";
import { indexDocument, worstSeverityOf } from "./document-index.js";
import { stringifyJson } from "./json-text.js";
import { escapeMarkdown } from "./markdown-escape.js";
import { escapeTerminal, paint, severityGlyph } from "./terminal.js";
import { fitToWidth, measureWidth } from "./text-width.js";
import { formatClock, formatDateTime, formatDurationMs } from "./time-format.js";

function clockOf(ts: string | null): string {
  return ts === null ? "unknown" : formatClock(ts);
}

export type CallsTableFormat = "text" | "json" | "csv" | "markdown";

export interface CallsTableOptions {
  readonly format?: CallsTableFormat;
  /** Terminal columns for the text format (default 120). */
  readonly width?: number;
  readonly color?: boolean;
}

export interface CallRow {
  readonly n: number;
  readonly callId: string;
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

export function listCallRows(doc: AnalysisDocument): CallRow[] {
  const index = indexDocument(doc);
  return doc.calls.map((c, i) => ({
    n: i + 1,
    callId: c.callId,
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
  const rows = listCallRows(doc);
  const format = opts.format ?? "text";
  switch (format) {
    case "text":
      return renderText(rows, opts.width ?? 120, opts.color === true);
    case "json":
      return renderJson(rows);
    case "csv":
      return renderCsv(rows);
    case "markdown":
      return renderMarkdown(rows);
  }
}

function stateText(r: CallRow): string {
  return r.finalStatus === null ? r.state : `${r.state} ${r.finalStatus}`;
}

function renderJson(rows: readonly CallRow[]): string {
  const out = rows.map((r) => ({
    n: r.n,
    callId: r.callId,
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

function renderCsv(rows: readonly CallRow[]): string {
  let out = formatCsvRow(CSV_HEADER);
  for (const r of rows) {
    out += formatCsvRow([
      r.n, r.callId, r.startTs, r.durationMs, r.from, r.to, r.method, r.state, r.finalStatus, r.messages,
      r.outcomes.join(" "), r.linkedCallIds.join(" "),
    ]);
  }
  return out;
}

function renderMarkdown(rows: readonly CallRow[]): string {
  const lines = [
    "| # | Start | Duration | From | To | Method | State | Msgs | Outcomes | Call-ID |",
    "|--:|---|--:|---|---|---|---|--:|---|---|",
  ];
  for (const r of rows) {
    const outcomes = r.outcomes.length === 0 ? "" : `${r.severity === null ? "" : severityGlyph(r.severity) + " "}${r.outcomes.map((o) => escapeMarkdown(o)).join(", ")}`;
    lines.push(
      `| ${r.n} | ${formatDateTime(r.startTs)} | ${formatDurationMs(r.durationMs)} | ${escapeMarkdown(r.from ?? "")} | ${escapeMarkdown(r.to ?? "")} | ${escapeMarkdown(r.method ?? "")} | ${escapeMarkdown(stateText(r))} | ${r.messages} | ${outcomes} | ${escapeMarkdown(r.callId)} |`,
    );
  }
  return lines.join("\n") + "\n";
}

interface Column {
  readonly header: string;
  readonly align: "left" | "right";
  /** Flexible columns shrink (down to `min`) when the table is too wide. */
  readonly flex: boolean;
  readonly min: number;
  readonly max: number;
  /** Dropped first, in this order, when even shrinking is not enough. */
  readonly dropRank: number;
  readonly cell: (r: CallRow) => string;
}

const COLUMNS: readonly Column[] = [
  { header: "#", align: "right", flex: false, min: 1, max: 6, dropRank: 0, cell: (r) => String(r.n) },
  { header: "Start", align: "left", flex: false, min: 12, max: 23, dropRank: 0, cell: (r) => formatDateTime(r.startTs) },
  { header: "Duration", align: "right", flex: false, min: 8, max: 9, dropRank: 4, cell: (r) => formatDurationMs(r.durationMs) },
  { header: "From", align: "left", flex: true, min: 12, max: 40, dropRank: 0, cell: (r) => escapeTerminal(r.from ?? "") },
  { header: "To", align: "left", flex: true, min: 12, max: 40, dropRank: 0, cell: (r) => escapeTerminal(r.to ?? "") },
  { header: "Method", align: "left", flex: false, min: 6, max: 10, dropRank: 3, cell: (r) => escapeTerminal(r.method ?? "") },
  { header: "State", align: "left", flex: false, min: 9, max: 20, dropRank: 0, cell: (r) => escapeTerminal(stateText(r)) },
  { header: "Msgs", align: "right", flex: false, min: 4, max: 6, dropRank: 5, cell: (r) => String(r.messages) },
  { header: "Outcomes", align: "left", flex: true, min: 10, max: 40, dropRank: 2, cell: (r) => r.outcomes.map((o) => escapeTerminal(o)).join(",") },
  { header: "Call-ID", align: "left", flex: true, min: 12, max: 48, dropRank: 1, cell: (r) => escapeTerminal(r.callId) },
];

const GAP = 2;

/** Natural widths, then drop optional columns and shrink flexible ones until the table fits `width`. */
function fitColumns(rows: readonly CallRow[], width: number, columns: readonly Column[]): { col: Column; w: number }[] {
  let cols = columns.map((col) => {
    let w = measureWidth(col.header);
    for (const r of rows) w = Math.max(w, measureWidth(col.cell(r)));
    return { col, w: Math.min(col.max, Math.max(col.header.length, w)) };
  });
  const total = (): number => cols.reduce((n, c) => n + c.w, 0) + GAP * (cols.length - 1);
  // One cell at a time from the widest flexible column, so the flexible columns end up even.
  const shrink = (): void => {
    for (let over = total() - width; over > 0; over--) {
      let widest: { col: Column; w: number } | undefined;
      for (const c of cols) {
        if (c.col.flex && c.w > Math.max(c.col.min, c.col.header.length) && (widest === undefined || c.w > widest.w)) widest = c;
      }
      if (widest === undefined) return;
      widest.w -= 1;
    }
  };
  shrink();
  for (let rank = 1; rank <= 5 && total() > width; rank++) {
    cols = cols.filter((c) => c.col.dropRank !== rank);
    shrink();
  }
  return cols;
}

function renderText(rows: readonly CallRow[], width: number, color: boolean): string {
  if (rows.length === 0) return "No calls.\n";
  // Within one day the date is noise: print the time of day only.
  const days = new Set(rows.map((r) => r.startTs?.slice(0, 10) ?? ""));
  const columns = days.size <= 1 ? COLUMNS.map((c) => (c.header === "Start" ? { ...c, cell: (r: CallRow) => clockOf(r.startTs) } : c)) : COLUMNS;
  const cols = fitColumns(rows, Math.max(40, width), columns);
  const pad = " ".repeat(GAP);
  const lines = [paint(cols.map((c) => fitToWidth(c.col.header, c.w, c.col.align)).join(pad).trimEnd(), "bold", color)];
  for (const r of rows) {
    const cells = cols.map((c) => {
      const text = fitToWidth(c.col.cell(r), c.w, c.col.align);
      if ((c.col.header === "Outcomes" || c.col.header === "State") && r.severity !== null) return paint(text, r.severity, color);
      return text;
    });
    lines.push(cells.join(pad).trimEnd());
  }
  return lines.join("\n") + "\n";
}
