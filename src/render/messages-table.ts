/**
 * `sipta messages`: one line per SIP message (frame or line, time, source → destination, transport, method or
 * status, Call-ID, CSeq, notes) with the width policy of table-fit.ts. Rows stream: widths are measured on the
 * first rows, later cells wider than their column are cut on a terminal and printed whole otherwise. CSV and JSON
 * variants. Every capture-derived value is escaped for the terminal.
 */
import type { MessageRecord } from "../model/document.js";
import { formatCsvRow } from "./csv-cell.js";
import { describeCseq, describeMessage } from "./message-label.js";
import { escapeTerminal } from "./terminal.js";
import { fitColumns, formatTableHeader, formatTableLine, type FittedColumn, type TableColumn } from "./table-fit.js";

/** A message plus what the table shows about it that the record does not hold. */
export interface MessageRow {
  readonly m: MessageRecord;
  /** `frame 12` of the original, for a HEP mirror copy. */
  readonly copyOfWhere: string | null;
}

function whereCell(m: MessageRecord): string {
  return m.frame !== null ? String(m.frame) : m.line !== null ? `L${m.line}` : "-";
}

function timeCell(m: MessageRecord, withDate: boolean): string {
  if (m.ts === null) return "-";
  return withDate && m.timePrecision !== "time-of-day" ? m.ts.slice(0, 26).replace("T", " ") : m.ts.slice(11, 26);
}

function notesCell(r: MessageRow): string {
  const marks = [r.copyOfWhere === null ? "" : `HEP copy of ${r.copyOfWhere}`, ...r.m.warnings].filter((x) => x.length > 0);
  return escapeTerminal(marks.join(", "));
}

export interface MessagesTableLayout {
  readonly withDate: boolean;
  readonly withFile: boolean;
  /** "Frame", "Line" or "Frame/Line" for mixed inputs. */
  readonly whereHeader: string;
}

/** The layout a sample of rows asks for: dates only when the messages span several days, files when several. */
export function layoutFor(sample: readonly MessageRow[]): MessagesTableLayout {
  const days = new Set(sample.map((r) => r.m.ts?.slice(0, 10) ?? ""));
  const files = new Set(sample.map((r) => r.m.file));
  const frames = sample.some((r) => r.m.frame !== null);
  const lines = sample.some((r) => r.m.line !== null);
  return { withDate: days.size > 1, withFile: files.size > 1, whereHeader: frames && lines ? "Frame/Line" : lines ? "Line" : "Frame" };
}

export function messageColumns(layout: MessagesTableLayout): TableColumn<MessageRow>[] {
  const cols: (TableColumn<MessageRow> | null)[] = [
    layout.withFile ? { header: "File", align: "left", min: 8, max: 30, yield: 2, dropRank: 4, cell: (r) => escapeTerminal(r.m.file) } : null,
    { header: layout.whereHeader, align: "right", min: 5, max: 10, yield: null, dropRank: null, cell: (r) => whereCell(r.m) },
    { header: "Time", align: "left", min: 8, max: 26, yield: null, dropRank: null, cell: (r) => timeCell(r.m, layout.withDate) },
    { header: "Source", align: "right", min: 12, max: 47, yield: 1, dropRank: null, cell: (r) => escapeTerminal(r.m.src ?? "?") },
    { header: "", align: "left", min: 1, max: 1, yield: null, dropRank: null, cell: () => "→" },
    { header: "Destination", align: "left", min: 12, max: 47, yield: 1, dropRank: null, cell: (r) => escapeTerminal(r.m.dst ?? "?") },
    { header: "Proto", align: "left", min: 5, max: 5, yield: null, dropRank: 2, cell: (r) => r.m.transport.toUpperCase() },
    { header: "Message", align: "left", min: 10, max: 32, yield: 1, dropRank: null, cell: (r) => escapeTerminal(describeMessage(r.m)) },
    { header: "CSeq", align: "left", min: 8, max: 20, yield: 1, dropRank: 3, cell: (r) => escapeTerminal(describeCseq(r.m)) },
    { header: "Notes", align: "left", min: 8, max: 40, yield: 1, dropRank: 1, cell: notesCell },
    // The key an engineer greps for: last, cut only after every other column gave way.
    { header: "Call-ID", align: "left", min: 12, max: 160, yield: Infinity, dropRank: null, cell: (r) => escapeTerminal(r.m.callId ?? "-") },
  ];
  return cols.filter((c): c is TableColumn<MessageRow> => c !== null);
}

/** A fitted table that formats rows one at a time. */
export class MessagesTable {
  private readonly cols: FittedColumn<MessageRow>[];
  private readonly cut: boolean;

  constructor(sample: readonly MessageRow[], width: number) {
    this.cut = Number.isFinite(width);
    const columns = messageColumns(layoutFor(sample));
    // Notes are mostly empty: a column only when the sample has some.
    const used = sample.some((r) => notesCell(r) !== "") ? columns : columns.filter((c) => c.header !== "Notes");
    this.cols = fitColumns(sample, this.cut ? Math.max(40, width) : width, used);
  }

  header(): string {
    return `${formatTableHeader(this.cols, this.cut)}\n`;
  }

  row(r: MessageRow): string {
    return `${formatTableLine(this.cols, (c) => c.col.cell(r), this.cut)}\n`;
  }
}

export const MESSAGES_CSV_HEADER = ["frame", "line", "file", "time", "src", "dst", "transport", "method", "status", "reason", "call_id", "cseq", "warnings"];

export function formatMessageCsv(m: MessageRecord, raw?: string | null): string {
  const cells = [m.frame, m.line, m.file, m.ts, m.src, m.dst, m.transport, m.method, m.status, m.reason, m.callId, describeCseq(m), m.warnings.join(" ")];
  return formatCsvRow(raw === undefined ? cells : [...cells, raw]);
}

/** Rows in, table text out: holds the first SAMPLE rows to measure the columns, then streams. */
export class StreamedMessagesTable {
  private sample: MessageRow[] = [];
  private table: MessagesTable | null = null;

  constructor(
    private readonly width: number,
    private readonly sampleSize = 200,
  ) {}

  /** Text ready to write (empty while sampling). */
  push(r: MessageRow): string {
    if (this.table !== null) return this.table.row(r);
    this.sample.push(r);
    return this.sample.length >= this.sampleSize ? this.flush() : "";
  }

  /** The rest: the header and the sampled rows when fewer than the sample size came. */
  end(): string {
    return this.table === null && this.sample.length > 0 ? this.flush() : "";
  }

  private flush(): string {
    const table = new MessagesTable(this.sample, this.width);
    this.table = table;
    const text = table.header() + this.sample.map((r) => table.row(r)).join("");
    this.sample = [];
    return text;
  }
}
