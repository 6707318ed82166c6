/**
 * The ladder as SVG: a standalone file (`sipta flow --format svg`, its own <style> with light and dark
 * colours, generic monospace font, nothing external) or a fragment for the HTML report (classes styled by
 * the page, arrows focusable with data-msg for the raw-message view). All capture text is XML-escaped.
 */
import type { AnalysisDocument, MessageRecord } from "../model/document.js";
import type { Severity } from "../model/outcomes.js";
import type { DocumentIndex } from "./document-index.js";
import { indexDocument } from "./document-index.js";
import type { Ladder, LadderRow } from "./ladder-model.js";
import { buildLadder } from "./ladder-model.js";
import { describeCseq, describeMessage } from "./message-label.js";
import { measureWidth, truncateMiddle, truncateToWidth, wrapToWidth } from "./text-width.js";
import { formatClock, formatDeltaUs } from "./time-format.js";
import { escapeXml } from "./xml-escape.js";

export interface LadderSvgOptions {
  readonly linked?: boolean;
  /** A complete SVG document with its own styles (default true); false gives a fragment for HTML. */
  readonly standalone?: boolean;
  /** Focusable arrows with `data-msg` (for the HTML report). */
  readonly interactive?: boolean;
  /** List annotation notes under the diagram (default true). */
  readonly notes?: boolean;
  /** Text appended to an arrow's label, e.g. " (SDP)" when the message carries SDP. */
  readonly labelSuffix?: (m: MessageRecord) => string;
}

const CHAR_W = 7.2; // 12px monospace: 0.6em per cell
const GUTTER = 112;
const HEADER_H = 44;
const ROW_H = 36;
const MIN_COL = 170;
const MAX_COL = 330;

/** Colours for a standalone SVG; the HTML report defines the same classes in its own stylesheet. */
export const LADDER_SVG_CSS = `
.ladder{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
.ladder .bg{fill:#ffffff}.ladder .pbox{fill:#eef2f7;stroke:#5b6b82;stroke-width:1}
.ladder .ptext{fill:#1b2430;font-weight:600}.ladder .life{stroke:#9aa7b8;stroke-dasharray:4 4}
.ladder .time{fill:#5b6b82}.ladder .delta{fill:#8592a3;font-size:11px}
.ladder .msg line{stroke:#2f3b4c;stroke-width:1.4}.ladder .msg polygon{fill:#2f3b4c}.ladder .msg text{fill:#1b2430}
.ladder .msg.retr line{stroke-dasharray:5 4}.ladder .msg.resp-err text{fill:#9a5b00}
.ladder .hit{fill:transparent}
.ladder .sev-error line{stroke:#c62828}.ladder .sev-error polygon,.ladder .mark.sev-error{fill:#c62828}
.ladder .sev-warning line{stroke:#b26a00}.ladder .sev-warning polygon,.ladder .mark.sev-warning{fill:#b26a00}
.ladder .sev-info line{stroke:#00838f}.ladder .sev-info polygon,.ladder .mark.sev-info{fill:#00838f}
.ladder .sev-ok line{stroke:#2e7d32}.ladder .sev-ok polygon,.ladder .mark.sev-ok{fill:#2e7d32}
.ladder .mark text,.ladder text.marknum{fill:#ffffff;font-size:10px;font-weight:700}
.ladder .leg{fill:#5b6b82;font-weight:600}.ladder .note{fill:#1b2430}.ladder .notehead{font-weight:700}
@media (prefers-color-scheme:dark){
.ladder .bg{fill:#14181f}.ladder .pbox{fill:#1f2733;stroke:#7d8da3}.ladder .ptext,.ladder .msg text,.ladder .note{fill:#e3e8ef}
.ladder .life{stroke:#4a5566}.ladder .time{fill:#9fb0c4}.ladder .delta{fill:#7d8da3}
.ladder .msg line{stroke:#c9d3df}.ladder .msg polygon{fill:#c9d3df}.ladder .msg.resp-err text{fill:#f0b45a}
.ladder .sev-error line{stroke:#ef5350}.ladder .sev-error polygon,.ladder .mark.sev-error{fill:#ef5350}
.ladder .sev-warning line{stroke:#ffb74d}.ladder .sev-warning polygon,.ladder .mark.sev-warning{fill:#ffb74d}
.ladder .sev-info line{stroke:#4dd0e1}.ladder .sev-info polygon,.ladder .mark.sev-info{fill:#4dd0e1}
.ladder .sev-ok line{stroke:#66bb6a}.ladder .sev-ok polygon,.ladder .mark.sev-ok{fill:#66bb6a}
.ladder .leg{fill:#9fb0c4}}
`;

export function renderLadderSvg(doc: AnalysisDocument | DocumentIndex, callIds: readonly string[], options: LadderSvgOptions = {}): string {
  const index = "doc" in doc ? doc : indexDocument(doc);
  const ladder = buildLadder(index, callIds, { linked: options.linked === true, maxRows: 3000 });
  return drawLadderSvg(ladder, options);
}

function labelOf(row: LadderRow, ladder: Ladder, suffix?: (m: MessageRecord) => string): string {
  const m = row.message;
  const leg = ladder.legs.length > 1 ? `[${ladder.legs[row.leg]?.label ?? "?"}] ` : "";
  const cseq = describeCseq(m);
  const retr = m.retransmissionOf === null ? "" : " (retr.)";
  return `${leg}${describeMessage(m)}${cseq === "" ? "" : ` (${cseq})`}${retr}${suffix?.(m) ?? ""}`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function drawLadderSvg(ladder: Ladder, options: LadderSvgOptions = {}): string {
  const standalone = options.standalone !== false;
  const interactive = options.interactive === true;
  const n = Math.max(1, ladder.participants.length);
  const longest = ladder.rows.reduce((w, r) => Math.max(w, measureWidth(labelOf(r, ladder, options.labelSuffix)) + (r.markNumber === null ? 0 : 4)), 0);
  const col = Math.round(Math.min(MAX_COL, Math.max(MIN_COL, longest * CHAR_W + 36)));
  const xOf = (i: number): number => GUTTER + col / 2 + i * col;
  const legsH = ladder.legs.length > 1 ? ladder.legs.length * 16 + 8 : 0;
  const top = 12 + legsH;
  const rowsTop = top + HEADER_H + 14;
  const bodyH = ladder.rows.length * ROW_H;
  const width = GUTTER + n * col + 16;
  const notes = options.notes === false ? [] : noteLines(ladder, Math.floor((width - 40) / CHAR_W));
  const notesTop = rowsTop + bodyH + 24;
  const height = notesTop + notes.length * 17 + 12;
  const out: string[] = [];
  const title = ladder.legs.map((l) => l.callId).join(", ");
  const open = `<svg xmlns="http://www.w3.org/2000/svg" class="ladder" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-label="Call flow ${escapeXml(truncateToWidth(title, 200))}">`;
  if (standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(open);
  out.push(`<title>${escapeXml(truncateToWidth(`Call flow: ${title}`, 400))}</title>`);
  if (standalone) out.push(`<style>${LADDER_SVG_CSS}</style>`);
  out.push(`<rect class="bg" x="0" y="0" width="${num(width)}" height="${num(height)}"/>`);
  if (ladder.legs.length > 1) {
    ladder.legs.forEach((l, i) => {
      const how = l.reason === null ? "" : ` (linked: ${l.reason})`;
      out.push(`<text class="leg" x="12" y="${num(12 + 12 + i * 16)}">[${escapeXml(l.label)}] ${escapeXml(truncateToWidth(l.callId, 120))}${escapeXml(how)}</text>`);
    });
  }
  // Participants and lifelines; the boxes form one group the HTML report repeats in a sticky header.
  ladder.participants.forEach((_p, i) => {
    const x = xOf(i);
    out.push(`<line class="life" x1="${num(x)}" y1="${num(top + HEADER_H)}" x2="${num(x)}" y2="${num(rowsTop + bodyH + 6)}"/>`);
  });
  out.push(`<g class="phead" data-h="${num(top + HEADER_H)}">`);
  ladder.participants.forEach((p, i) => {
    const x = xOf(i);
    const label = truncateMiddle(p, Math.floor((col - 16) / CHAR_W));
    out.push(`<rect class="pbox" x="${num(x - col / 2 + 6)}" y="${num(top)}" width="${num(col - 12)}" height="${HEADER_H - 10}" rx="5"/>`);
    out.push(`<text class="ptext" x="${num(x)}" y="${num(top + 21)}" text-anchor="middle"><title>${escapeXml(p)}</title>${escapeXml(label)}</text>`);
  });
  out.push("</g>");
  ladder.rows.forEach((row, i) => out.push(drawRow(row, i, { ladder, xOf, rowsTop, col, interactive, suffix: options.labelSuffix })));
  notes.forEach((line, i) => {
    out.push(`<text class="note${line.head ? " notehead" : ""}" x="16" y="${num(notesTop + i * 17)}">${escapeXml(line.text)}</text>`);
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}

interface RowGeometry {
  readonly ladder: Ladder;
  readonly xOf: (i: number) => number;
  readonly rowsTop: number;
  readonly col: number;
  readonly interactive: boolean;
  readonly suffix: ((m: MessageRecord) => string) | undefined;
}

function drawRow(row: LadderRow, i: number, g: RowGeometry): string {
  const m = row.message;
  const y = g.rowsTop + i * ROW_H + 22;
  const xa = g.xOf(row.from);
  const xb = g.xOf(row.to);
  const classes = ["msg"];
  if (row.mark !== null) classes.push(`sev-${row.mark}`);
  if (m.retransmissionOf !== null) classes.push("retr");
  if (row.mark === null && m.status !== null && m.status >= 400) classes.push("resp-err");
  const label = labelOf(row, g.ladder, g.suffix);
  const aria = `${describeMessage(m)} from ${m.src ?? "unknown"} to ${m.dst ?? "unknown"} at ${formatClock(m.ts)}`;
  const attrs = g.interactive ? ` data-msg="${m.index}"${m.frame === null ? "" : ` data-frame="${m.frame}"`} tabindex="0" role="button" aria-label="${escapeXml(truncateToWidth(aria, 300))}"` : "";
  const parts: string[] = [`<g class="${classes.join(" ")}"${attrs}>`];
  parts.push(`<text class="time" x="8" y="${num(y - 5)}">${formatClock(m.ts)}</text>`);
  const delta = formatDeltaUs(row.deltaUs);
  if (delta !== "") parts.push(`<text class="delta" x="8" y="${num(y + 9)}">${delta}</text>`);
  const markW = row.markNumber === null ? 0 : 22;
  if (xa === xb) {
    // A message to itself: a small loop to the right of the lifeline.
    parts.push(`<rect class="hit" x="${num(xa)}" y="${num(y - 20)}" width="${num(g.col / 2)}" height="${ROW_H}"/>`);
    parts.push(`<polyline fill="none" stroke="currentColor" points="${num(xa)},${num(y - 8)} ${num(xa + 24)},${num(y - 8)} ${num(xa + 24)},${num(y + 4)} ${num(xa + 6)},${num(y + 4)}"/>`);
    parts.push(`<line x1="${num(xa + 24)}" y1="${num(y - 8)}" x2="${num(xa + 24)}" y2="${num(y + 4)}"/>`);
    parts.push(`<polygon points="${num(xa)},${num(y + 4)} ${num(xa + 8)},${num(y)} ${num(xa + 8)},${num(y + 8)}"/>`);
    parts.push(...markAndLabel(row, xa + 30 + markW, y - 12, "start", label, g.col / 2 - 30));
    parts.push("</g>");
    return parts.join("");
  }
  const lo = Math.min(xa, xb);
  const hi = Math.max(xa, xb);
  const dir = xb > xa ? 1 : -1;
  parts.push(`<rect class="hit" x="${num(lo)}" y="${num(y - 20)}" width="${num(hi - lo)}" height="${ROW_H - 4}"/>`);
  parts.push(`<line x1="${num(xa)}" y1="${num(y)}" x2="${num(xb - dir * 8)}" y2="${num(y)}"/>`);
  parts.push(`<polygon points="${num(xb)},${num(y)} ${num(xb - dir * 10)},${num(y - 5)} ${num(xb - dir * 10)},${num(y + 5)}"/>`);
  const mid = (lo + hi) / 2;
  parts.push(...markAndLabel(row, mid + markW / 2, y - 6, "middle", label, hi - lo - 16 - markW));
  parts.push("</g>");
  return parts.join("");
}

function markAndLabel(row: LadderRow, x: number, y: number, anchor: "start" | "middle", label: string, room: number): string[] {
  const maxChars = Math.max(8, Math.floor(room / CHAR_W));
  const text = truncateToWidth(label, maxChars);
  const out: string[] = [];
  if (row.markNumber !== null && row.mark !== null) {
    const textW = measureWidth(text) * CHAR_W;
    const cx = (anchor === "middle" ? x - textW / 2 : x) - 13;
    out.push(markCircle(row.markNumber, row.mark, cx, y - 4, row));
  }
  out.push(`<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}">${escapeXml(text)}</text>`);
  return out;
}

function markCircle(n: number, severity: Severity, cx: number, cy: number, row: LadderRow): string {
  const tip = row.notes.map((a) => `${a.kind}: ${a.outcome} — ${a.summary}`).join("\n");
  return `<g class="mark sev-${severity}"><title>${escapeXml(truncateToWidth(tip, 600))}</title><circle cx="${num(cx)}" cy="${num(cy)}" r="8"/><text class="marknum" x="${num(cx)}" y="${num(cy + 3.5)}" text-anchor="middle">${n}</text></g>`;
}

function noteLines(ladder: Ladder, chars: number): { text: string; head: boolean }[] {
  const lines: { text: string; head: boolean }[] = [];
  for (const row of ladder.rows) {
    if (row.markNumber === null) continue;
    for (const a of row.notes) {
      lines.push({ text: `(${row.markNumber}) ${formatClock(row.message.ts)} ${describeMessage(row.message)} — ${a.severity} · ${a.kind}: ${a.outcome}`, head: true });
      for (const l of wrapToWidth(truncateToWidth(a.summary, 600), Math.max(30, chars - 4))) lines.push({ text: `    ${l}`, head: false });
    }
  }
  return lines;
}
