/**
 * The browser's screens as plain lines for a width × height terminal (ink only paints them): the call list
 * (fitted like `sipta calls`, Call-ID last), the ladder of the open call with each annotation beside its arrow,
 * the message pane (raw text as captured, body parts, annotations) and the key help. Capture text is escaped.
 */
import type { TextStyle } from "../../render/terminal.js";
import { escapeTerminal, severityGlyph } from "../../render/terminal.js";
import { buildLadder, type Ladder } from "../../render/ladder-model.js";
import { describeCseq, describeMessage } from "../../render/message-label.js";
import { renderRawBlock } from "../../render/raw-message.js";
import { fitColumns, formatTableHeader, formatTableLine, type TableColumn } from "../../render/table-fit.js";
import { measureWidth, truncateMiddle, truncateToWidth } from "../../render/text-width.js";
import { formatClock } from "../../render/time-format.js";
import { FILTER_LABEL, type BrowseData, type CallEntry } from "./browse-data.js";
import type { TuiState } from "./state.js";

export interface Line {
  readonly text: string;
  readonly style?: TextStyle;
  readonly inverse?: boolean;
}

const CALL_COLUMNS: readonly TableColumn<CallEntry>[] = [
  { header: "#", align: "right", min: 1, max: 7, yield: null, dropRank: null, cell: (e) => String(e.n) },
  { header: "Start", align: "left", min: 12, max: 12, yield: null, dropRank: 2, cell: (e) => formatClock(e.call.startTs) },
  { header: "From", align: "left", min: 10, max: 32, yield: 1, dropRank: 5, cell: (e) => escapeTerminal(e.call.from ?? "") },
  { header: "To", align: "left", min: 10, max: 32, yield: 1, dropRank: 4, cell: (e) => escapeTerminal(e.call.to ?? "") },
  { header: "State", align: "left", min: 9, max: 18, yield: null, dropRank: null, cell: (e) => escapeTerminal(e.call.finalStatus === null ? e.call.state : `${e.call.state} ${e.call.finalStatus}`) },
  { header: "Outcomes", align: "left", min: 8, max: 24, yield: 1, dropRank: 3, cell: (e) => `${e.severity === null || e.call.outcomes.length === 0 ? "" : `${severityGlyph(e.severity)} `}${e.call.outcomes.map((o) => escapeTerminal(o)).join(",")}` },
  { header: "Msgs", align: "right", min: 4, max: 5, yield: null, dropRank: 1, cell: (e) => String(e.call.messages.length) },
  { header: "Call-ID", align: "left", min: 12, max: 120, yield: Infinity, dropRank: null, cell: (e) => escapeTerminal(e.call.callId) },
];

export function callListLines(data: BrowseData, visible: readonly CallEntry[], state: TuiState, width: number, height: number): Line[] {
  const body = Math.max(1, height - 3);
  const start = Math.max(0, Math.min(state.callCursor - Math.floor(body / 2), visible.length - body));
  const shown = visible.slice(start, start + body);
  const cols = fitColumns(shown, width, CALL_COLUMNS);
  const query = state.editing ? `  search: ${escapeTerminal(state.query)}▏` : state.query === "" ? "" : `  search: "${escapeTerminal(state.query)}"`;
  const lines: Line[] = [
    { text: truncateToWidth(`sipta · ${visible.length} of ${data.entries.length} calls · ${FILTER_LABEL[state.filter]}${query}`, width), style: "bold" },
    { text: formatTableHeader(cols, true), style: "dim" },
  ];
  shown.forEach((e, i) => {
    lines.push({ text: formatTableLine(cols, (c) => c.col.cell(e), true), style: e.severity ?? "plain", inverse: start + i === state.callCursor });
  });
  if (visible.length === 0) lines.push({ text: state.query === "" ? "No call matches this filter (f: next filter)." : "No call matches the search (Esc clears it)." });
  return lines;
}

export function ladderFor(data: BrowseData, state: TuiState): Ladder {
  return buildLadder(data.index, state.callId === null ? [] : [state.callId], { linked: state.linked });
}

/** One arrow line per message; an annotated message gets its verdict beside the arrow, on the next line. */
export function ladderLines(data: BrowseData, ladder: Ladder, state: TuiState, legs: readonly string[], width: number, height: number): Line[] {
  const n = Math.max(1, ladder.participants.length);
  const gutter = 13;
  const step = Math.max(10, Math.min(34, Math.floor((width - gutter - 1) / n)));
  const x = (i: number): number => gutter + i * step + Math.floor(step / 2);
  const entry = data.entries.find((e) => e.call.callId === state.callId);
  const legText = legs.length > 1 ? ` · leg ${legs.indexOf(state.callId ?? "") + 1}/${legs.length} (n/p: linked legs${state.linked ? "" : ", L: draw together"})` : "";
  const lines: Line[] = [
    { text: truncateToWidth(`call #${entry?.n ?? "?"} · Call-ID ${escapeTerminal(state.callId ?? "")}${legText}`, width), style: "bold" },
  ];
  const names = new Array<string>(gutter).fill(" ");
  const head = [...names];
  ladder.participants.forEach((p, i) => {
    const label = truncateMiddle(escapeTerminal(p), step - 1);
    const at = Math.max(gutter, x(i) - Math.floor(measureWidth(label) / 2));
    for (const [k, ch] of Array.from(label).entries()) head[at + k] = ch;
  });
  lines.push({ text: truncateToWidth(head.join("").trimEnd(), width), style: "dim" });
  const items: Line[][] = ladder.rows.map((row, ri) => {
    const cells = new Array<string>(Math.max(width, gutter + n * step)).fill(" ");
    for (const [k, ch] of Array.from(formatClock(row.message.ts)).entries()) cells[k] = ch;
    for (let i = 0; i < n; i++) cells[x(i)] = "│";
    const a = x(row.from);
    const b = x(row.to);
    const label = escapeTerminal(`${ladder.legs.length > 1 ? `[${ladder.legs[row.leg]?.label ?? "?"}] ` : ""}${describeMessage(row.message)}${row.message.retransmissionOf === null ? "" : " (retr.)"}`);
    if (a === b) {
      cells[a + 1] = "↺";
      for (const [k, ch] of Array.from(` ${label}`).entries()) if (a + 2 + k < cells.length) cells[a + 2 + k] = ch;
    } else {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      for (let c = lo + 1; c < hi; c++) cells[c] = row.message.retransmissionOf === null ? "─" : "┄";
      cells[a < b ? hi - 1 : lo + 1] = a < b ? "▶" : "◀";
      const room = hi - lo - 3;
      const text = truncateToWidth(label, Math.max(1, room));
      const at = lo + 2 + Math.max(0, Math.floor((room - measureWidth(text)) / 2));
      for (const [k, ch] of Array.from(text).entries()) cells[at + k] = ch;
    }
    const selected = ri === state.rowCursor;
    const arrow: Line = { text: truncateToWidth(cells.join("").trimEnd(), width), style: row.mark ?? "plain", inverse: selected };
    const notes = row.notes.map((note): Line => ({ text: truncateToWidth(`${" ".repeat(gutter)}${severityGlyph(note.severity)} ${note.kind === "generic" ? note.code : `${note.kind}: ${note.outcome}`} — ${escapeTerminal(note.summary)}`, width), style: note.severity }));
    return [arrow, ...notes];
  });
  // Window: start at a row such that the selected row and its notes are on screen.
  const room = Math.max(1, height - lines.length - 1);
  let first = state.rowCursor;
  let used = items[first]?.length ?? 1;
  while (first > 0 && used + (items[first - 1]?.length ?? 1) <= Math.floor(room / 2) + (items[first]?.length ?? 1)) {
    first--;
    used += items[first]?.length ?? 1;
  }
  const body: Line[] = [];
  for (let i = first; i < items.length && body.length < room; i++) body.push(...(items[i] ?? []));
  lines.push(...body.slice(0, room));
  if (ladder.rows.length === 0) lines.push({ text: "No messages to draw." });
  return lines;
}

/** Hard-wraps a line at `width` cells (raw SIP has long Via and SDP lines). */
function hardWrap(text: string, width: number): string[] {
  if (measureWidth(text) <= width) return [text];
  const out: string[] = [];
  let cur = "";
  let w = 0;
  for (const ch of text) {
    const cw = measureWidth(ch);
    if (w + cw > width) {
      out.push(cur);
      cur = "";
      w = 0;
    }
    cur += ch;
    w += cw;
  }
  out.push(cur);
  return out;
}

export function messageLines(data: BrowseData, ladder: Ladder, state: TuiState, raw: (i: number) => string | null, width: number, height: number): Line[] {
  const row = ladder.rows[state.rowCursor];
  if (row === undefined) return [{ text: "No message selected." }];
  const m = row.message;
  const block = renderRawBlock(m, raw(m.index), data.index.annotations.get(m.index) ?? [], { color: false, width });
  const all = block.replace(/\n$/, "").split("\n").flatMap((l) => hardWrap(l, width));
  const room = Math.max(1, height - 2);
  const start = Math.min(state.messageScroll, Math.max(0, all.length - room));
  const head: Line = { text: truncateToWidth(`message ${state.rowCursor + 1}/${ladder.rows.length} · ${escapeTerminal(describeCseq(m))} · lines ${start + 1}-${Math.min(all.length, start + room)} of ${all.length}`, width), style: "bold" };
  return [head, ...all.slice(start, start + room).map((text, i): Line => ({ text, style: start + i === 0 ? "bold" : "plain" }))];
}

export const HELP_LINES: readonly string[] = [
  "sipta tui: keys",
  "",
  "  ↑ ↓ j k, PgUp PgDn, g G   move",
  "  Enter                    open: call → ladder → message",
  "  Esc, h, Backspace        back (in the list: clear search and filter)",
  "  /                        search any piece of a Call-ID, URI or ip:port",
  "  f                        outcome filter: all, problems, failed transfers, 430, redirects",
  "  n p (Tab)                ladder: next / previous linked leg (transfer target, redirect retry)",
  "  L                        ladder: draw the linked legs together",
  "  n p                      message: next / previous message",
  "  ?                        this help      q  quit",
  "",
  "Any key closes this help.",
];

export function footer(state: TuiState): string {
  if (state.editing) return "type a Call-ID fragment, URI or address · Enter keep · Esc cancel";
  switch (state.screen) {
    case "calls":
      return "Enter ladder · / search · f filter · ? help · q quit";
    case "ladder":
      return "Enter message · n/p linked legs · L together · Esc back · ? help";
    case "message":
      return "↑↓ scroll · n/p next/prev message · Esc back · ? help";
  }
}
