/**
 * The ladder as a Mermaid `sequenceDiagram` that renders on GitHub. Participants get plain ids (P1, P2 ...)
 * aliased to their ip:port, because the id lexer stops at `:`, `-`, `>`, `,` and `;`. Label text is made of
 * Mermaid entity codes wherever the grammar or its pre-processing would read a character as syntax:
 * `#` starts a comment and `;` ends a statement (sequenceDiagram.jison: TXT is `[^#\n;]+`), `%%` starts a
 * comment, `<`, `>`, `&` would be read as HTML, and in text holding "style" or "classDef" a `:` would let the
 * `style.*:\S*#.*;` pre-processing (encodeEntities) cut the line's last character. Entities (`#35;`, `#59;`,
 * `#lt;` ...) are decoded only when the SVG is drawn.
 */
import type { AnalysisDocument, AnnotationRecord, CallRecord } from "../model/document.js";
import type { DocumentIndex } from "./document-index.js";
import { indexDocument } from "./document-index.js";
import type { Ladder, LadderRow } from "./ladder-model.js";
import { buildLadder } from "./ladder-model.js";
import { describeCseq, describeMessage } from "./message-label.js";
import { escapeVisible } from "./escape-visible.js";
import { truncateToWidth, wrapToWidth } from "./text-width.js";
import { formatClock } from "./time-format.js";

export interface LadderMermaidOptions {
  readonly linked?: boolean;
  /** Wrap in a ```mermaid fence for Markdown. */
  readonly fenced?: boolean;
  /** Add a note under annotated messages with their outcome and summary (default true). */
  readonly notes?: boolean;
  /** Prefix labels with the capture time (default true). */
  readonly times?: boolean;
  /** Longest label kept, in characters (default 80). */
  readonly maxLabel?: number;
  /** Only this call record (see LadderOptions.call). */
  readonly call?: CallRecord;
}

const ENTITY: Readonly<Record<string, string>> = {
  "#": "#35;",
  ";": "#59;",
  ":": "#58;",
  "%": "#37;",
  "<": "#lt;",
  ">": "#gt;",
  "&": "#amp;",
};

/** Capture text as Mermaid label text: visible control escapes, then entity codes for syntax characters. */
export function escapeMermaidText(text: string): string {
  const visible = escapeVisible(text);
  const special = /style|classDef/.test(visible) ? /[#;:%<>&]/g : /[#;%<>&]/g;
  return visible.replace(special, (c) => ENTITY[c] ?? c);
}

export function renderLadderMermaid(doc: AnalysisDocument | DocumentIndex, callIds: readonly string[], options: LadderMermaidOptions = {}): string {
  const index = "doc" in doc ? doc : indexDocument(doc);
  const ladder = buildLadder(index, callIds, { linked: options.linked === true, maxRows: 2000, ...(options.call === undefined ? {} : { call: options.call }) });
  const body = writeMermaid(ladder, options).join("\n") + "\n";
  return options.fenced === true ? "```mermaid\n" + body + "```\n" : body;
}

function writeMermaid(ladder: Ladder, options: LadderMermaidOptions): string[] {
  const maxLabel = options.maxLabel ?? 80;
  const lines = ["sequenceDiagram"];
  const multi = ladder.legs.length > 1;
  const title = ladder.legs.map((l) => (multi ? `[${l.label}] ${l.callId}` : l.callId)).join("  ");
  if (title !== "") lines.push(`  title ${escapeMermaidText(truncateToWidth(title, 160))}`);
  ladder.participants.forEach((p, i) => lines.push(`  participant P${i + 1} as ${escapeMermaidText(truncateToWidth(p, 60))}`));
  for (const row of ladder.rows) {
    const arrow = row.message.method !== null ? "->>" : "-->>";
    lines.push(`  P${row.from + 1}${arrow}P${row.to + 1}: ${escapeMermaidText(truncateToWidth(labelOf(row, ladder, options), maxLabel))}`);
    if (options.notes !== false) {
      for (const a of row.notes) lines.push(`  Note ${placement(row)}: ${noteText(row, a)}`);
    }
  }
  return lines;
}

function labelOf(row: LadderRow, ladder: Ladder, options: LadderMermaidOptions): string {
  const m = row.message;
  const leg = ladder.legs.length > 1 ? `[${ladder.legs[row.leg]?.label ?? "?"}] ` : "";
  const mark = row.markNumber === null ? "" : `★${row.markNumber} `;
  const time = options.times === false ? "" : `${formatClock(m.ts)} `;
  const cseq = describeCseq(m);
  const retr = m.retransmissionOf === null ? "" : " (retransmission)";
  return `${mark}${time}${leg}${describeMessage(m)}${cseq === "" ? "" : ` (${cseq})`}${retr}`;
}

function placement(row: LadderRow): string {
  return row.from === row.to ? `right of P${row.from + 1}` : `over P${Math.min(row.from, row.to) + 1},P${Math.max(row.from, row.to) + 1}`;
}

/** `★n severity kind: outcome` then the summary, wrapped with <br/> (the only markup we emit). */
function noteText(row: LadderRow, a: AnnotationRecord): string {
  const head = escapeMermaidText(`★${row.markNumber ?? ""} ${a.severity} · ${a.kind}: ${a.outcome}`);
  const body = wrapToWidth(truncateToWidth(a.summary, 300), 60).map(escapeMermaidText);
  return [head, ...body].join("<br/>");
}
