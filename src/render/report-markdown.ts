/**
 * `--format markdown`: the report as GitHub-flavoured Markdown, for tickets and pull requests: summary tables,
 * the call list, then per call its messages, a Mermaid ladder (renders on GitHub) and the annotations
 * (summary, explanation, next steps). Capture text is escaped for Markdown (and inside Mermaid for Mermaid).
 */
import type { AnalysisDocument, AnnotationRecord, CallRecord, MessageRecord } from "../model/document.js";
import { renderCallsTable } from "./calls-table.js";
import type { DocumentIndex } from "./document-index.js";
import { indexDocument, isNotable, notableAnnotationsOf, worstSeverityOf } from "./document-index.js";
import { renderLadderMermaid } from "./ladder-mermaid.js";
import { escapeMarkdown } from "./markdown-escape.js";
import type { Lang } from "../knowledge/index.js";
import { describeCseq, describeMessage, describeOrigin } from "./message-label.js";
import { nextStepsLabel } from "./next-steps-label.js";
import { formatBytes, summarizeDocument } from "./report-summary.js";
import { severityGlyph } from "./terminal.js";
import { formatClock, formatDateTime, formatDeltaUs, formatDurationMs, parseTsUs } from "./time-format.js";

export interface MarkdownReportOptions {
  readonly onlyAnnotated: boolean;
  /** A Mermaid ladder per call (default true; calls longer than `maxLadderRows` get none). */
  readonly ladders?: boolean;
  readonly maxLadderRows?: number;
}

export function renderMarkdownReport(doc: AnalysisDocument, opts: MarkdownReportOptions): string {
  return [...writeMarkdownReport(doc, opts)].join("");
}

export function* writeMarkdownReport(doc: AnalysisDocument, opts: MarkdownReportOptions): Generator<string> {
  const index = indexDocument(doc);
  yield* writeSummary(doc);
  yield "\n## Calls\n\n" + renderCallsTable(doc, { format: "markdown" });
  let shown = 0;
  for (const [i, call] of doc.calls.entries()) {
    const part = renderCall(index, call, i + 1, opts);
    if (part !== "") {
      shown++;
      yield part;
    }
  }
  if (shown === 0 && opts.onlyAnnotated) yield "\nNo annotated messages.\n";
}

function* writeSummary(doc: AnalysisDocument): Generator<string> {
  const view = summarizeDocument(doc);
  yield `# sipta report\n\n`;
  for (const f of doc.files) yield `- ${escapeMarkdown(f.path)} (${escapeMarkdown(f.format)}, ${f.messages} messages, ${formatBytes(f.bytes)})\n`;
  yield `\n| ${view.counts.map((c) => c.label).join(" | ")} |\n|${view.counts.map(() => "--:").join("|")}|\n| ${view.counts.map((c) => String(c.value)).join(" | ")} |\n`;
  const span = view.spanUs === null ? "" : ` (${formatDurationMs(view.spanUs / 1000)})`;
  yield `\nCapture time: ${formatDateTime(view.firstTs)} → ${formatDateTime(view.lastTs)} UTC${span}\n`;
  if (view.outcomes.length > 0) {
    yield "\n## Outcomes\n\n| | Kind | Outcome | Count |\n|---|---|---|--:|\n";
    for (const o of view.outcomes) yield `| ${severityGlyph(o.severity)} ${o.severity} | ${escapeMarkdown(o.kind)} | ${escapeMarkdown(o.outcome)} | ${o.count} |\n`;
  }
  if (view.diagnostics.length > 0) {
    yield "\n## Diagnostics\n\n| | Code | Count |\n|---|---|--:|\n";
    for (const d of view.diagnostics) yield `| ${severityGlyph(d.severity)} ${d.severity} | ${escapeMarkdown(d.code)} | ${d.count} |\n`;
    if (view.diagnosticsDropped > 0) yield `\n${view.diagnosticsDropped} more diagnostics were counted but not kept.\n`;
  }
}

function renderCall(index: DocumentIndex, call: CallRecord, n: number, opts: MarkdownReportOptions): string {
  const msgs = call.messages.map((i) => index.messages.get(i)).filter((m): m is MessageRecord => m !== undefined);
  const annotated = msgs.filter((m) => (index.annotations.get(m.index) ?? []).some(isNotable));
  if (opts.onlyAnnotated && annotated.length === 0) return "";
  const worst = worstSeverityOf(index, call.messages);
  const state = call.finalStatus === null ? call.state : `${call.state} ${call.finalStatus}`;
  const lines: string[] = [
    "",
    `## Call ${n}: ${escapeMarkdown(call.method ?? "?")} ${escapeMarkdown(state)}${worst === null ? "" : ` ${severityGlyph(worst)}`}`,
    "",
    `- Call-ID: ${escapeMarkdown(call.callId)}`,
    `- ${escapeMarkdown(call.from ?? "?")} → ${escapeMarkdown(call.to ?? "?")}`,
    `- ${formatDateTime(call.startTs)}, ${formatDurationMs(call.durationMs)}, ${call.messages.length} messages, ${call.transactions} transactions`,
  ];
  for (const l of call.links) {
    const other = index.callNumbers.get(l.callId);
    lines.push(`- Linked (${escapeMarkdown(l.reason)}): ${escapeMarkdown(l.callId)}${other === undefined ? "" : ` (call ${other})`}`);
  }
  if (call.outcomes.length > 0) lines.push(`- Outcomes: ${call.outcomes.map((o) => escapeMarkdown(o)).join(", ")}`);
  lines.push("", "| Time | Δ | From | To | Message | CSeq | |", "|---|--:|---|---|---|---|---|");
  let prev: number | null = null;
  for (const m of msgs) {
    const us = parseTsUs(m.ts);
    const delta = us !== null && prev !== null ? formatDeltaUs(us - prev) : "";
    if (us !== null) prev = us;
    const notes = notableAnnotationsOf(index, m.index);
    if (opts.onlyAnnotated && notes.length === 0) continue;
    const mark = notes.map((a) => severityGlyph(a.severity)).join("") + (m.retransmissionOf === null ? "" : " retransmission");
    lines.push(
      `| ${formatClock(m.ts)} | ${delta} | ${escapeMarkdown(m.src ?? "?")} | ${escapeMarkdown(m.dst ?? "?")} | ${escapeMarkdown(describeMessage(m))} | ${escapeMarkdown(describeCseq(m))} | ${mark.trim()} |`,
    );
  }
  if (opts.ladders !== false && msgs.length <= (opts.maxLadderRows ?? 200)) {
    lines.push("", renderLadderMermaid(index, [call.callId], { fenced: true, times: false, call }).trimEnd());
  }
  for (const m of annotated) for (const a of notableAnnotationsOf(index, m.index)) lines.push("", ...renderAnnotation(m, a, index.doc.lang));
  return lines.join("\n") + "\n";
}

function renderAnnotation(m: MessageRecord, a: AnnotationRecord, lang: Lang): string[] {
  const origin = describeOrigin(m);
  const where = [formatClock(m.ts), origin].filter((x) => x !== "").join(", ");
  const out = [
    `> **${severityGlyph(a.severity)} ${escapeMarkdown(describeMessage(m))} · ${a.kind}: ${a.outcome}** (${where}${a.rfc === null ? "" : `; ${escapeMarkdown(a.rfc)}`})`,
    ">",
    `> ${escapeMarkdown(a.summary, 4000)}`,
    ">",
    `> ${escapeMarkdown(a.explanation, 8000)}`,
  ];
  if (a.nextSteps.length > 0) {
    out.push(">", `> ${nextStepsLabel(lang)}`, ">");
    for (const s of a.nextSteps) out.push(`> - ${escapeMarkdown(s, 4000)}`);
  }
  return out;
}
