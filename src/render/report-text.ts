/**
 * The default `sipta analyze` view for a terminal: the summary (responses by code as `tshark -z sip,stat` counts
 * them, outcomes, diagnostics with their sentences), then each call with its messages (time, src → dst, method or
 * status, CSeq), tracker findings expanded and coloured by severity. A catalogue explanation (489, 403 ...) is
 * printed once per code at the end with the frames it applies to, not once per response. `problemsOnly` keeps the
 * calls with an error or warning or a failed final status. Every string from the capture is escaped; colour codes
 * are the only escapes emitted.
 */
import type { AnalysisDocument, AnnotationRecord, CallRecord, MessageRecord } from "../model/document.js";
import type { Lang } from "../knowledge/index.js";
import type { DocumentIndex } from "./document-index.js";
import { indexDocument, isNotable, notableAnnotationsOf, worstSeverityOf } from "./document-index.js";
import { describeCseq, describeMessage, describeOrigin } from "./message-label.js";
import { nextStepsLabel } from "./next-steps-label.js";
import { formatBytes, summarizeDocument } from "./report-summary.js";
import type { TextStyle } from "./terminal.js";
import { escapeTerminal, paint, severityGlyph } from "./terminal.js";
import { hopNote } from "./hop-note.js";
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
  /** Only the calls with problems (the CLI's default; `--all` turns it off). */
  readonly problemsOnly?: boolean;
  /** Each call's number in the unfiltered analysis ("Call 6/6" stays 6 under filters). */
  readonly numbers?: ReadonlyMap<CallRecord, number>;
}

/** States where the initial request did not succeed. */
const FAILED_STATES: ReadonlySet<string> = new Set(["busy", "rejected", "failed", "request-failed"]);

function hasProblem(index: DocumentIndex, call: CallRecord): boolean {
  const worst = worstSeverityOf(index, call.messages);
  return worst === "error" || worst === "warning" || FAILED_STATES.has(call.state) || call.outcomes.includes("icmp-unreachable");
}

/** Generic (catalogue) explanations met so far: printed once per code at the end, with their frames. */
class Explained {
  readonly byCode = new Map<number, { readonly first: AnnotationRecord; readonly message: MessageRecord; readonly where: string[] }>();

  add(m: MessageRecord, a: AnnotationRecord): void {
    const e = this.byCode.get(a.code);
    const where = describeOrigin(m) || `#${m.index}`;
    if (e === undefined) this.byCode.set(a.code, { first: a, message: m, where: [where] });
    else e.where.push(where);
  }
}

export function renderTextReport(doc: AnalysisDocument, opts: TextReportOptions): string {
  return [...writeTextReport(doc, opts)].join("");
}

/** The report in chunks (one per line or call), for large documents. */
export function* writeTextReport(doc: AnalysisDocument, opts: TextReportOptions): Generator<string> {
  const index = indexDocument(doc);
  const width = Math.max(40, opts.width);
  const explained = new Explained();
  yield* writeSummary(doc, opts.color, width);
  const inCall = new Set<number>();
  let shown = 0;
  let hidden = 0;
  const total = opts.numbers?.size ?? doc.calls.length;
  for (const [i, call] of doc.calls.entries()) {
    for (const m of call.messages) inCall.add(m);
    if (opts.problemsOnly === true && !hasProblem(index, call)) {
      hidden++;
      continue;
    }
    const chunk = renderCall(index, call, opts.numbers?.get(call) ?? i + 1, total, opts, width, explained);
    if (chunk !== "") {
      shown++;
      yield chunk;
    }
  }
  const loose = doc.messages.filter((m) => !inCall.has(m.index));
  if (loose.length > 0 && opts.problemsOnly !== true) {
    const rows = renderMessages(index, loose, opts, width, explained);
    if (rows !== "") {
      yield "\n" + paint("Messages outside any call", "heading", opts.color) + "\n" + rows;
      shown++;
    }
  }
  if (shown === 0) yield "\n" + (opts.onlyAnnotated ? "No annotated messages.\n" : opts.problemsOnly === true && doc.calls.length > 0 ? "No call with a problem.\n" : "No calls.\n");
  yield* writeExplanations(explained, opts.color, width, index.doc.lang);
  if (hidden > 0) yield "\n" + paint(`${hidden} call(s) without problems not shown: --all shows every call and message.`, "dim", opts.color) + "\n";
}

function* writeExplanations(explained: Explained, color: boolean, width: number, lang: Lang): Generator<string> {
  if (explained.byCode.size === 0) return;
  yield "\n" + paint("Explanations (once per response code)", "heading", color) + "\n";
  for (const [, e] of [...explained.byCode.entries()].sort((a, b) => a[0] - b[0])) {
    const frames = e.where.length > 12 ? `${e.where.slice(0, 12).join(", ")} … (${e.where.length} in all)` : e.where.join(", ");
    yield "\n" + renderAnnotation(e.message, e.first, color, width, { origin: `${e.where.length}×: ${frames}`, lang }).join("\n") + "\n";
  }
}

/** `200 OK  12`: response codes by count, the block `tshark -z sip,stat` opens with. */
function* writeResponses(doc: AnalysisDocument, color: boolean, width: number): Generator<string> {
  const entries = Object.entries(doc.summary.statuses).map(([code, n]) => ({ code: Number(code), n })).sort((a, b) => a.code - b.code);
  if (entries.length === 0) return;
  const reasons = new Map<number, string>();
  for (const m of doc.messages) if (m.status !== null && m.reason !== null && !reasons.has(m.status)) reasons.set(m.status, m.reason);
  yield paint("Responses", "bold", color) + "\n";
  for (const { code, n } of entries) {
    const label = truncateToWidth(`${code} ${escapeTerminal(reasons.get(code) ?? "")}`.trim(), Math.max(20, width - 14));
    yield `  ${paint(padEndToWidth(label, 36), code >= 400 ? "warning" : "plain", color)} ${String(n).padStart(7)}\n`;
  }
  const methods = Object.entries(doc.summary.methods).sort((a, b) => b[1] - a[1]).map(([m, n]) => `${escapeTerminal(m)} ${paint(String(n), "bold", color)}`);
  if (methods.length > 0) {
    yield paint("Requests", "bold", color) + "\n";
    yield* wrapJoined(methods, "  ", width, "  ");
  }
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
  yield* writeResponses(doc, color, width);
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
      // The sentence, not only the code: what happened and what to do.
      const first = doc.diagnostics.find((x) => x.code === d.code);
      if (first !== undefined && d.severity !== "info") for (const l of wrapToWidth(escapeTerminal(first.message), width - 6)) yield paint(`      ${l}`, "dim", color) + "\n";
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

function renderCall(index: DocumentIndex, call: CallRecord, n: number, total: number, opts: TextReportOptions, width: number, explained: Explained): string {
  const msgs = call.messages.map((i) => index.messages.get(i)).filter((m): m is MessageRecord => m !== undefined);
  const body = renderMessages(index, msgs, opts, width, explained);
  if (body === "") return "";
  const worst = worstSeverityOf(index, call.messages);
  const color = opts.color;
  const status = call.finalStatus === null ? "" : ` ${call.finalStatus}`;
  const head = `Call ${n}/${total}  ${escapeTerminal(call.method ?? "?")}  ${escapeTerminal(call.state)}${status}  ${formatDurationMs(call.durationMs)}  ${call.messages.length} msgs`;
  const lines: string[] = ["", paint(truncateToWidth(head, width), worst ?? "heading", color)];
  // The Call-ID is the key an engineer greps for: never cut.
  const idLines = wrapToWidth(escapeTerminal(call.callId), width - 10);
  lines.push(`  Call-ID ${idLines[0] ?? ""}`, ...idLines.slice(1).map((l) => `          ${l}`));
  lines.push(`  ${truncateToWidth(`${escapeTerminal(call.from ?? "?")} → ${escapeTerminal(call.to ?? "?")}`, width - 2)}`);
  for (const l of call.links) {
    const linkedCall = index.calls.get(l.callId);
    const other = linkedCall === undefined ? undefined : (opts.numbers?.get(linkedCall) ?? index.callNumbers.get(l.callId));
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

function renderMessages(index: DocumentIndex, msgs: readonly MessageRecord[], opts: TextReportOptions, width: number, explained: Explained): string {
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
    for (const a of notes) {
      if (a.kind === "generic" && opts.allAnnotations !== true) {
        // Catalogue text is the same for every response with this code: one line here, explained once at the end.
        explained.add(m, a);
        out.push(`        ${paint(`${severityGlyph(a.severity)} ${a.code}: ${truncateToWidth(escapeTerminal(a.summary), Math.max(20, width - 16))}`, a.severity, color)}`);
      } else out.push(...renderAnnotation(m, a, color, width, { lang: index.doc.lang }));
    }
  }
  return out.length === 0 ? "" : out.join("\n") + "\n";
}

/** One annotation as indented lines: verdict, summary, explanation, next steps (also used by `sipta show`). */
export function renderAnnotation(m: MessageRecord, a: AnnotationRecord, color: boolean, width: number, opts: { readonly origin?: string; readonly lang?: Lang } = {}): string[] {
  const indent = "        ";
  const inner = width - indent.length - 2;
  const lines: string[] = [];
  const origin = opts.origin ?? describeOrigin(m);
  const what = a.kind === "generic" ? `${a.code}${a.reason === null ? "" : ` ${escapeTerminal(a.reason)}`}` : `${a.kind}: ${a.outcome}`;
  const head = `${severityGlyph(a.severity)} ${what}${hopNote(a)}${a.rfc === null ? "" : `  [${escapeTerminal(a.rfc)}]`}${origin === "" ? "" : `  (${origin})`}`;
  lines.push(indent + paint(truncateToWidth(head, width - indent.length), a.severity, color));
  for (const l of wrapToWidth(escapeTerminal(a.summary), inner)) lines.push(`${indent}  ${paint(l, "bold", color)}`);
  // Catalogue explanations often open with the summary sentence: do not print it twice.
  const explanation = a.explanation.startsWith(a.summary) ? a.explanation.slice(a.summary.length).trim() : a.explanation;
  for (const l of wrapToWidth(escapeTerminal(explanation), inner)) if (l !== "") lines.push(`${indent}  ${l}`);
  if (a.nextSteps.length > 0) {
    lines.push(`${indent}  ${paint(nextStepsLabel(opts.lang ?? "en"), "bold", color)}`);
    for (const step of a.nextSteps) {
      const wrapped = wrapToWidth(escapeTerminal(step), inner - 4);
      lines.push(`${indent}    • ${wrapped[0] ?? ""}`);
      for (const more of wrapped.slice(1)) lines.push(`${indent}      ${more}`);
    }
  }
  return lines;
}
