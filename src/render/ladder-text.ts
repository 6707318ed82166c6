/**
 * The terminal ladder: one column per endpoint (ip:port), one arrow per message with method or status and
 * CSeq, capture time (absolute and +delta) on the left, retransmissions dashed, annotated messages marked
 * ★n (or [!n] in ASCII) with their notes under the diagram. Several Call-IDs (`--linked`) are drawn in one
 * diagram with leg labels [A], [B].
 */
import type { AnalysisDocument } from "../model/document.js";
import type { DocumentIndex } from "./document-index.js";
import { indexDocument } from "./document-index.js";
import type { Ladder, LadderRow } from "./ladder-model.js";
import { buildLadder } from "./ladder-model.js";
import { describeCseq, describeMessage } from "./message-label.js";
import { CellCanvas } from "./cell-canvas.js";
import type { TextStyle } from "./terminal.js";
import { escapeTerminal, paint, severityGlyph } from "./terminal.js";
import { padStartToWidth, truncateMiddle, truncateToWidth, wrapToWidth, measureWidth } from "./text-width.js";
import { formatClock, formatDeltaUs } from "./time-format.js";
import { hopNote } from "./hop-note.js";

export interface LadderTextOptions {
  /** Terminal columns (default 100; Infinity: natural width). With many endpoints the ladder may be wider (columns stay >= 14). */
  readonly width?: number;
  readonly color?: boolean;
  readonly linked?: boolean;
  /** Plain ASCII instead of box-drawing characters. */
  readonly ascii?: boolean;
  /** Omit the notes of annotated messages under the diagram. */
  readonly noNotes?: boolean;
}

interface Glyphs {
  readonly life: string;
  readonly line: string;
  readonly dashed: string;
  readonly right: string;
  readonly left: string;
  readonly mark: string;
  readonly selfTop: string;
  readonly selfBottom: string;
  readonly dash: string;
  readonly step: string;
}

const UNICODE: Glyphs = { life: "│", line: "─", dashed: "┄", right: "▶", left: "◀", mark: "★", selfTop: "──┐", selfBottom: "◀─┘", dash: "—", step: "→" };
const ASCII: Glyphs = { life: "|", line: "-", dashed: ".", right: ">", left: "<", mark: "!", selfTop: "--.", selfBottom: "<-'", dash: "-", step: "->" };

const GUTTER = 13;
const MIN_STEP = 14;
const MAX_STEP = 44;

export function renderLadderText(doc: AnalysisDocument | DocumentIndex, callIds: readonly string[], options: LadderTextOptions = {}): string {
  const index = "doc" in doc ? doc : indexDocument(doc);
  const ladder = buildLadder(index, callIds, { linked: options.linked === true });
  return [...writeLadderText(ladder, options)].join("");
}

/** The ladder as lines (each ending in "\n"), for streaming. */
export function* writeLadderText(ladder: Ladder, options: LadderTextOptions = {}): Generator<string> {
  const color = options.color === true;
  const g = options.ascii === true ? ASCII : UNICODE;
  const n = Math.max(1, ladder.participants.length);
  // Width Infinity (not a terminal): the natural layout, widest columns, nothing cut to fit.
  const unlimited = options.width === Infinity;
  const width = unlimited ? GUTTER + n * MAX_STEP + 2 : Math.max(40, options.width ?? 100);
  const step = Math.min(MAX_STEP, Math.max(MIN_STEP, Math.floor((width - GUTTER) / n)));
  // Extra room on the right for self-addressed messages and labels that overrun the last lifeline.
  const total = Math.max(GUTTER + n * step + 2, width);
  const xOf = (i: number): number => GUTTER + i * step + Math.floor(step / 2);
  const multiLeg = ladder.legs.length > 1;

  for (const id of ladder.missing) yield paint(`Call-ID not found: ${escapeTerminal(id)}`, "warning", color) + "\n";
  if (ladder.rows.length === 0) {
    yield "No messages to draw.\n";
    return;
  }
  for (const leg of ladder.legs) {
    const how = leg.reason === null ? "" : ` (linked: ${leg.reason})`;
    const label = multiLeg ? `[${leg.label}] ` : "Call-ID ";
    yield paint(`${label}${escapeTerminal(leg.callId)}${how}`, "bold", color) + "\n";
  }

  const header = new CellCanvas(total);
  header.put(0, "Time", "bold");
  ladder.participants.forEach((p, i) => {
    const text = truncateMiddle(escapeTerminal(p), step - 1);
    header.put(xOf(i) - Math.floor(measureWidth(text) / 2), text, "bold");
  });
  yield header.render(color) + "\n";
  yield lifelines(total, n, xOf, g).render(color) + "\n";

  for (const row of ladder.rows) {
    const [top, bottom] = drawRow(row, { total, n, xOf, step, g, multiLeg, ladder });
    yield top.render(color) + "\n";
    yield bottom.render(color) + "\n";
  }
  yield lifelines(total, n, xOf, g).render(color) + "\n";
  yield* writeLegend(ladder, g, color, width, options.noNotes === true);
}

function lifelines(total: number, n: number, xOf: (i: number) => number, g: Glyphs): CellCanvas {
  const c = new CellCanvas(total);
  for (let i = 0; i < n; i++) c.put(xOf(i), g.life, "dim");
  return c;
}

interface RowContext {
  readonly total: number;
  readonly n: number;
  readonly xOf: (i: number) => number;
  readonly step: number;
  readonly g: Glyphs;
  readonly multiLeg: boolean;
  readonly ladder: Ladder;
}

function styleOf(row: LadderRow): TextStyle {
  if (row.mark !== null) return row.mark;
  const s = row.message.status;
  if (s !== null && s >= 400) return "warning";
  return "plain";
}

function labelOf(row: LadderRow, ctx: RowContext): string {
  const m = row.message;
  const leg = ctx.multiLeg ? `[${ctx.ladder.legs[row.leg]?.label ?? "?"}] ` : "";
  const mark = row.markNumber === null ? "" : ctx.g === ASCII ? `[!${row.markNumber}] ` : `${ctx.g.mark}${row.markNumber} `;
  const cseq = describeCseq(m);
  const retr = m.retransmissionOf === null ? "" : " (retr.)";
  return `${mark}${leg}${escapeTerminal(describeMessage(m))}${cseq === "" ? "" : ` (${escapeTerminal(cseq)})`}${retr}`;
}

function drawRow(row: LadderRow, ctx: RowContext): [CellCanvas, CellCanvas] {
  const { total, n, xOf, g } = ctx;
  const top = lifelines(total, n, xOf, g);
  const bottom = lifelines(total, n, xOf, g);
  top.put(0, formatClock(row.message.ts), "dim");
  bottom.put(0, padStartToWidth(formatDeltaUs(row.deltaUs), GUTTER - 2), "dim");
  const style = styleOf(row);
  const label = labelOf(row, ctx);
  const body = row.message.retransmissionOf === null ? g.line : g.dashed;
  const xa = xOf(row.from);
  const xb = xOf(row.to);
  if (xa === xb) {
    top.put(xa + 1, g.selfTop, style);
    bottom.put(xa + 1, g.selfBottom, style);
    const right = total - xa - 6;
    if (right >= 16 || xa < 16) top.put(xa + 5, truncateToWidth(label, Math.max(10, right)), style);
    else {
      const text = truncateToWidth(label, xa - GUTTER - 1);
      top.put(xa - 1 - measureWidth(text), text, style);
    }
    return [top, bottom];
  }
  const lo = Math.min(xa, xb);
  const hi = Math.max(xa, xb);
  // The label sits above the arrow; when the span is narrow it may run over further lifelines.
  const room = Math.max(hi - lo - 3, Math.min(40, total - lo - 2));
  top.put(lo + 2, truncateToWidth(label, room), style);
  bottom.fill(lo + 1, hi, body, style);
  if (xb > xa) bottom.put(hi - 1, g.right, style);
  else bottom.put(lo + 1, g.left, style);
  return [top, bottom];
}

function* writeLegend(ladder: Ladder, g: Glyphs, color: boolean, width: number, noNotes: boolean): Generator<string> {
  const parts: string[] = [];
  if (ladder.rows.some((r) => r.markNumber !== null)) parts.push(g === ASCII ? "[!n] annotated (notes below)" : `${g.mark}n annotated (notes below)`);
  if (ladder.rows.some((r) => r.message.retransmissionOf !== null)) parts.push(`${g.dashed}${g.dashed}${g.right} (retr.) retransmission`);
  if (ladder.legs.length > 1) parts.push("[A] [B] legs (Call-IDs above)");
  if (parts.length > 0) yield paint(`Legend: ${parts.join("   ")}`, "dim", color) + "\n";
  if (noNotes) return;
  for (const row of ladder.rows) {
    if (row.markNumber === null) continue;
    for (const a of row.notes) {
      const tag = g === ASCII ? `[!${row.markNumber}]` : `${g.mark}${row.markNumber}`;
      const glyph = g === ASCII ? `(${a.severity})` : severityGlyph(a.severity);
      const head = `${tag} ${glyph} ${formatClock(row.message.ts)} ${escapeTerminal(describeMessage(row.message))} ${g.dash} ${a.kind}: ${a.outcome}${hopNote(a)}`;
      for (const line of wrapToWidth(head, width)) yield paint(line, a.severity, color) + "\n";
      for (const line of wrapToWidth(escapeTerminal(a.summary), width - 4)) yield `    ${line}\n`;
      for (const step of a.nextSteps) {
        const lines = wrapToWidth(escapeTerminal(step), width - 8);
        yield `    ${g.step} ${lines[0] ?? ""}\n`;
        for (const more of lines.slice(1)) yield `${" ".repeat(5 + g.step.length)}${more}\n`;
      }
    }
  }
}
