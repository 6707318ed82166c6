/**
 * The default `sipta analyze` view for a terminal: the summary, then each call with its messages (time,
 * src → dst, method or status, CSeq), annotated ones expanded (summary, explanation, next steps) and coloured
 * by severity. Every string from the capture is escaped; colour codes are the only escapes emitted.
 */
import type { AnalysisDocument, AnnotationRecord, CallRecord, MessageRecord } from "../model/document.js";
import type { DocumentIndex } from "./document-index.js";
import { indexDocument, isNotable, notableAnnotationsOf, worstSeverityOf } from "./document-index.js";
import { describeCseq, describeMessage, describeOrigin } from "./message-label.js";
import { formatBytes, summarizeDocument } from "./report-summary.js";
import type { TextStyle } from "./terminal.js";
import { escapeTerminal, paint, severityGlyph } from "./terminal.js";
import { fitToWidth, measureWidth, padEndToWidth, truncateToWidth, wrapToWidth } from "./text-width.js";
import { formatClock, formatDateTime, formatDeltaUs, formatDurationMs, parseTsUs } from "./time-format.js";

export interface TextReportOptions {
  readonly color: boolean;
  /** Show only messages with a notable annotation, and only calls that have one. */
  readonly onlyAnnotated: boolean;
  /** Terminal columns to wrap to. */
  readonly width: number;
  /** Also expand routine catalogue annotations (100 Trying, 200 OK ...). */
  readonly allAnnotations?: boolean;
}

export function renderTextReport(doc: AnalysisDocument, opts: TextReportOptions): string {
  return [...writeTextReport(doc, opts)].join("");
}

/** The report in chunks (one per line or call), for large documents. */
export function* writeTextReport(doc: AnalysisDocument, opts: TextReportOptions): Generator<string> {
  const index = indexDocument(doc);
  const width = Math.max(40, opts.width);
  yield* writeSummary(doc, opts.color, width);
  const inCall = new Set<number>();
  let shown = 0;
  for (const [i, call] of doc.calls.entries()) {
    for (const m of call.messages) inCall.add(m);
    const chunk = renderCall(index, call, i + 1, opts, width);
    if (chunk !== "") {
      shown++;
      yield chunk;
    }
  }
  const loose = doc.messages.filter((m) => !inCall.has(m.index));
  if (loose.length > 0) {
    const rows = renderMessages(index, loose, opts, width);
    if (rows !== "") {
      yield "\n" + paint("Messages outside any call", "heading", opts.color) + "\n" + rows;
      shown++;
    }
  }
  if (shown === 0) yield "\n" + (opts.onlyAnnotated ? "No annotated messages.\n" : "No calls.\n");
}

function* writeSummary(doc: AnalysisDocument, color: boolean, width: number): Generator<string> {
  const view = summarizeDocument(doc);
  const title = `sipta ${escapeTerminal(doc.tool.version)} analysis`;
  yield paint(title, "heading", color) + "\n";
  for (const f of doc.files) {
    yield `  ${truncateToWidth(escapeTerminal(f.path), width - 40)}  ${paint(`${escapeTerminal(f.format)}, ${f.messages} messages, ${formatBytes(f.bytes)}`, "dim", color)}\n`;
  }
  const counts = view.counts.map((c) => `${c.label} ${paint(String(c.value), "bold", color)}`);
  yield* wrapJoined(counts, "  ", width, "  ");
  const span = view.spanUs === null ? "" : ` (${formatDurationMs(view.spanUs / 1000)})`;
  yield `  Time ${formatDateTime(view.firstTs)} → ${formatDateTime(view.lastTs)}${span}\n`;
  if (view.outcomes.length > 0) {
    yield paint("Outcomes", "bold", color) + "\n";
    for (const o of view.outcomes) {
      const label = `${severityGlyph(o.severity)} ${escapeTerminal(o.kind)}: ${escapeTerminal(o.outcome)}`;
      yield `  ${paint(padEndToWidth(label, 36), o.severity, color)} ${o.count}\n`;
    }
  }
  if (view.diagnostics.length > 0) {
    yield paint("Diagnostics", "bold", color) + "\n";
    for (const d of view.diagnostics) {
      const label = `${severityGlyph(d.severity)} ${escapeTerminal(d.code)}`;
      yield `  ${paint(padEndToWidth(label, 36), d.severity, color)} ${d.count}\n`;
    }
    if (view.diagnosticsDropped > 0) yield paint(`  (${view.diagnosticsDropped} more not listed)`, "dim", color) + "\n";
  }
}

function* wrapJoined(parts: readonly string[], indent: string, width: number, sep: string): Generator<string> {
  // Parts may hold colour codes, so wrap on the plain length.
  const plain = (s: string): number => s.replace(/\u001b\[[0-9;]*m/g, "").length;
  let line = indent;
  let len = indent.length;
  for (const p of parts) {
    const w = plain(p);
    if (len > indent.length && len + sep.length + w > width) {
      yield line + "\n";
      line = indent;
      len = indent.length;
    }
    line += (len > indent.length ? sep : "") + p;
    len += (len > indent.length ? sep.length : 0) + w;
  }
  if (len > indent.length) yield line + "\n";
}

function renderCall(index: DocumentIndex, call: CallRecord, n: number, opts: TextReportOptions, width: number): string {
  const msgs = call.messages.map((i) => index.messages.get(i)).filter((m): m is MessageRecord => m !== undefined);
  const body = renderMessages(index, msgs, opts, width);
  if (body === "") return "";
  const worst = worstSeverityOf(index, call.messages);
  const color = opts.color;
  const status = call.finalStatus === null ? "" : ` ${call.finalStatus}`;
  const head = `Call ${n}/${index.doc.calls.length}  ${escapeTerminal(call.method ?? "?")}  ${escapeTerminal(call.state)}${status}  ${formatDurationMs(call.durationMs)}  ${call.messages.length} msgs`;
  const lines: string[] = ["", paint(truncateToWidth(head, width), worst ?? "heading", color)];
  lines.push(`  Call-ID ${truncateToWidth(escapeTerminal(call.callId), width - 10)}`);
  lines.push(`  ${truncateToWidth(`${escapeTerminal(call.from ?? "?")} → ${escapeTerminal(call.to ?? "?")}`, width - 2)}`);
  for (const l of call.links) {
    const other = index.callNumbers.get(l.callId);
    lines.push(paint(`  linked (${escapeTerminal(l.reason)}): ${truncateToWidth(escapeTerminal(l.callId), width - 30)}${other === undefined ? "" : ` = call ${other}`}`, "dim", color));
  }
  if (call.outcomes.length > 0) lines.push(`  outcomes: ${call.outcomes.map((o) => escapeTerminal(o)).join(", ")}`);
  return lines.join("\n") + "\n" + body;
}

function styleOfMessage(m: MessageRecord, notes: readonly AnnotationRecord[]): TextStyle {
  let style: TextStyle = "plain";
  for (const a of notes) style = a.severity;
  if (style === "plain" && m.status !== null && m.status >= 400) style = "warning";
  return style;
}

function renderMessages(index: DocumentIndex, msgs: readonly MessageRecord[], opts: TextReportOptions, width: number): string {
  const out: string[] = [];
  const color = opts.color;
  let prevUs: number | null = null;
  // The route column is as wide as this call's longest route, up to 60% of what follows the time columns.
  const routeOf = (m: MessageRecord): string => `${escapeTerminal(m.src ?? "?")} → ${escapeTerminal(m.dst ?? "?")}`;
  const natural = msgs.reduce((w, m) => Math.max(w, measureWidth(routeOf(m))), 0);
  const routeW = Math.min(natural, Math.max(20, Math.floor((width - 27) * 0.6)));
  for (const m of msgs) {
    const all = index.annotations.get(m.index) ?? [];
    const notes = opts.allAnnotations === true ? all : notableAnnotationsOf(index, m.index);
    // The delta is to the previous message of the call, shown or not.
    const us = parseTsUs(m.ts);
    const delta = us !== null && prevUs !== null ? formatDeltaUs(us - prevUs) : "";
    if (us !== null) prevUs = us;
    if (opts.onlyAnnotated && !all.some(isNotable)) continue;
    const style = styleOfMessage(m, notes);
    const route = routeOf(m);
    const what = escapeTerminal(describeMessage(m));
    const cseq = truncateToWidth(escapeTerminal(describeCseq(m)), 24);
    const retr = m.retransmissionOf === null ? "" : paint(" (retransmission)", "dim", color);
    const mark = notes.length > 0 ? paint(severityGlyph(notes[0]?.severity ?? "info"), style, color) + " " : "  ";
    const fixed = `  ${formatClock(m.ts)} ${paint(fitToWidth(delta, 9, "right"), "dim", color)} `;
    // 27 cells of time, delta and mark come before the route.
    // The message label keeps at least 12 cells; the route gives way first.
    const cseqW = measureWidth(cseq);
    const routeHere = Math.max(12, Math.min(routeW, width - 27 - 4 - cseqW - 12));
    const whatW = Math.max(1, width - 27 - routeHere - 4 - cseqW);
    const rest = `${fitToWidth(route, routeHere)}  ${paint(truncateToWidth(what, whatW), style === "plain" ? "bold" : style, color)}  ${paint(cseq, "dim", color)}`;
    out.push(`${fixed}${mark}${rest}${retr}`);
    if (m.warnings.length > 0) out.push(paint(`        warnings: ${m.warnings.map((w) => escapeTerminal(w)).join(", ")}`, "warning", color));
    for (const a of notes) out.push(...renderAnnotation(m, a, color, width));
  }
  return out.length === 0 ? "" : out.join("\n") + "\n";
}

function renderAnnotation(m: MessageRecord, a: AnnotationRecord, color: boolean, width: number): string[] {
  const indent = "        ";
  const inner = width - indent.length - 2;
  const lines: string[] = [];
  const origin = describeOrigin(m);
  const head = `${severityGlyph(a.severity)} ${a.kind}: ${a.outcome}${a.rfc === null ? "" : `  [${escapeTerminal(a.rfc)}]`}${origin === "" ? "" : `  (${origin})`}`;
  lines.push(indent + paint(head, a.severity, color));
  for (const l of wrapToWidth(escapeTerminal(a.summary), inner)) lines.push(`${indent}  ${paint(l, "bold", color)}`);
  for (const l of wrapToWidth(escapeTerminal(a.explanation), inner)) lines.push(`${indent}  ${l}`);
  if (a.nextSteps.length > 0) {
    lines.push(`${indent}  ${paint("Next steps:", "bold", color)}`);
    for (const step of a.nextSteps) {
      const wrapped = wrapToWidth(escapeTerminal(step), inner - 4);
      lines.push(`${indent}    • ${wrapped[0] ?? ""}`);
      for (const more of wrapped.slice(1)) lines.push(`${indent}      ${more}`);
    }
  }
  return lines;
}
