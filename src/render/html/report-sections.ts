/**
 * Server-rendered parts of the HTML report: summary cards, outcome and diagnostic lists, the call table,
 * the outbound flows, and one <template> per call holding its ladder (SVG) and annotation cards.
 * Every capture string goes through escapeXml.
 */
import type { AnalysisDocument, AnnotationRecord, CallRecord, MessageRecord } from "../../model/document.js";
import type { Severity } from "../../model/outcomes.js";
import type { DocumentIndex } from "../document-index.js";
import { worstSeverityOf } from "../document-index.js";
import type { Ladder } from "../ladder-model.js";
import { buildLadder } from "../ladder-model.js";
import { drawLadderSvg } from "../ladder-svg.js";
import { describeMessage } from "../message-label.js";
import { formatBytes, summarizeDocument } from "../report-summary.js";
import { formatClock, formatDateTime, formatDurationMs } from "../time-format.js";
import { escapeXml } from "../xml-escape.js";

function chip(severity: Severity | null, text: string): string {
  return `<span class="chip ${severity ?? "none"}">${escapeXml(text)}</span>`;
}

/** The state chip is coloured by how the call ended, not by its annotations (those colour the outcome chips). */
function stateSeverity(call: CallRecord): Severity | null {
  if (call.state === "failed" || call.state === "rejected" || call.state === "request-failed") return "error";
  if (call.state === "busy" || call.state === "cancelled") return "warning";
  return null;
}

/** Escaped prose with every "frame N" turned into a link to that arrow (the text is escaped first, so no markup gets in). */
export function linkFrames(text: string): string {
  return escapeXml(text).replace(/\bframe (\d+)\b/g, '<button type="button" class="link" data-frame="$1">frame $1</button>');
}

export function renderSummarySection(doc: AnalysisDocument): string {
  const view = summarizeDocument(doc);
  const cards = view.counts
    .map((c) => `<div class="card"><div class="v">${c.value.toLocaleString("en-US")}</div><div class="k">${escapeXml(c.label)}</div></div>`)
    .join("");
  const span = `<div class="card"><div class="v">${escapeXml(view.spanUs === null ? "—" : formatDurationMs(view.spanUs / 1000))}</div><div class="k">Time span</div></div>`;
  const outcomes =
    view.outcomes.length === 0
      ? `<p class="muted">No transfer, redirect or flow findings.</p>`
      : `<ul class="list">${view.outcomes.map((o) => `<li><span>${chip(o.severity, o.severity)} ${escapeXml(`${o.kind}: ${o.outcome}`)}</span><span class="num">${o.count}</span></li>`).join("")}</ul>`;
  const diags =
    view.diagnostics.length === 0
      ? `<p class="muted">No diagnostics: every byte was understood.</p>`
      : `<ul class="list">${view.diagnostics.map((d) => `<li><span>${chip(d.severity, d.severity)} <code>${escapeXml(d.code)}</code></span><span class="num">${d.count}</span></li>`).join("")}</ul>` +
        (view.diagnosticsDropped > 0 ? `<p class="muted">${view.diagnosticsDropped} more diagnostics were counted but not kept.</p>` : "") +
        renderDiagnosticDetails(doc);
  const files = doc.files
    .map((f) => `<li><span class="mono">${escapeXml(f.path)}</span><span class="muted">${escapeXml(f.format)} · ${f.messages} messages · ${escapeXml(formatBytes(f.bytes))}</span></li>`)
    .join("");
  return `<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<div class="cards">${cards}${span}</div>
<div class="row2">
<div class="panel"><h3>Outcomes</h3>${outcomes}</div>
<div class="panel"><h3>Diagnostics</h3>${diags}</div>
</div>
<div class="panel"><h3>Files</h3><ul class="list">${files}</ul>
<p class="muted">Capture time ${escapeXml(formatDateTime(view.firstTs))} → ${escapeXml(formatDateTime(view.lastTs))} (UTC)</p></div>
</section>`;
}

function renderDiagnosticDetails(doc: AnalysisDocument): string {
  if (doc.diagnostics.length === 0) return "";
  const rows = doc.diagnostics
    .slice(0, 500)
    .map((d) => {
      const where = d.frame !== null ? `frame ${d.frame}` : d.line !== null ? `line ${d.line}` : "";
      return `<tr><td>${chip(d.severity, d.severity)}</td><td class="mono">${escapeXml(d.code)}</td><td class="mono">${escapeXml(where)}</td><td>${escapeXml(d.message)}</td></tr>`;
    })
    .join("");
  return `<details><summary>Diagnostic messages (${doc.diagnostics.length})</summary><table><thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>Message</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

/** Call table columns: label, numeric (sorted as numbers). */
const SORTABLE: readonly (readonly [string, boolean])[] = [["#", true], ["Start", false], ["Duration", false], ["From", false], ["To", false], ["Method", false], ["State", false], ["Msgs", true], ["Outcomes", false], ["Call-ID", false]];

export function renderCallTable(index: DocumentIndex, calls: readonly { call: CallRecord; n: number }[]): string {
  const rows = calls
    .map(({ call, n }) => {
      const sev = worstSeverityOf(index, call.messages);
      const state = call.finalStatus === null ? call.state : `${call.state} ${call.finalStatus}`;
      const outcomes = call.outcomes.map((o) => chip(sev, o)).join(" ");
      const search = [call.callId, call.from ?? "", call.to ?? "", call.method ?? "", state, ...call.outcomes, ...call.linkedCallIds].join(" ").toLowerCase();
      const linked = call.linkedCallIds.length > 0 ? ` <span class="muted" title="linked calls">⇄${call.linkedCallIds.length}</span>` : "";
      return `<tr data-call="${n}" data-search="${escapeXml(search.slice(0, 4000))}"><td class="num"><button type="button" class="open" aria-pressed="false" aria-controls="ladder-host" aria-label="Show call ${n}">${n}</button></td><td class="mono">${escapeXml(formatClock(call.startTs))}</td><td class="num">${escapeXml(formatDurationMs(call.durationMs))}</td><td class="mono" title="${escapeXml(call.from ?? "")}">${escapeXml(call.from ?? "")}</td><td class="mono" title="${escapeXml(call.to ?? "")}">${escapeXml(call.to ?? "")}</td><td>${escapeXml(call.method ?? "")}</td><td>${chip(stateSeverity(call), state)}</td><td class="num">${call.messages.length}</td><td>${outcomes}${linked}</td><td class="mono" title="${escapeXml(call.callId)}">${escapeXml(call.callId)}</td></tr>`;
    })
    .join("\n");
  return `<div class="calllist" role="region" aria-label="Calls" tabindex="-1"><table id="call-table"><thead><tr>${SORTABLE.map(([label, num], i) => `<th${num ? ' class="num"' : ""} aria-sort="none"><button type="button" class="sort" data-col="${i}"${num ? ' data-num="1"' : ""}>${label}</button></th>`).join("")}</tr></thead><tbody>
${rows}
</tbody></table></div>`;
}

function renderNote(a: AnnotationRecord, mark: number | null, label: string, message: number): string {
  const steps = a.nextSteps.length === 0 ? "" : `<ul>${a.nextSteps.map((s) => `<li>${linkFrames(s)}</li>`).join("")}</ul>`;
  return `<div class="note ${a.severity}"><div class="nh">${chip(a.severity, a.severity)}<strong>${mark === null ? "" : `(${mark}) `}${escapeXml(label)} · ${escapeXml(`${a.kind}: ${a.outcome}`)}</strong>${a.rfc === null ? "" : `<span class="muted">${escapeXml(a.rfc)}</span>`}<button type="button" class="link" data-msg="${message}">show message</button></div><p class="sum">${linkFrames(a.summary)}</p><p>${linkFrames(a.explanation)}</p>${steps}</div>`;
}

function renderCallView(call: CallRecord, n: number, ladder: Ladder, linkedAvailable: boolean, linked: boolean, labelSuffix: ((m: MessageRecord) => string) | undefined): string {
  const state = call.finalStatus === null ? call.state : `${call.state} ${call.finalStatus}`;
  const toggle = linkedAvailable
    ? `<label><input type="checkbox" class="linked-toggle"${linked ? " checked" : ""}> Show linked legs (${ladder.legs.length > 1 ? ladder.legs.length : call.linkedCallIds.length + 1} calls)</label>`
    : "";
  const notes = ladder.rows
    .flatMap((r) => r.notes.map((a) => renderNote(a, r.markNumber, `${formatClock(r.message.ts)} ${describeMessage(r.message)}`, r.message.index)))
    .join("");
  const svg = drawLadderSvg(ladder, { standalone: false, interactive: true, notes: false, ...(labelSuffix === undefined ? {} : { labelSuffix }) });
  const zoom = `<span class="zoom" role="group" aria-label="Ladder size"><button type="button" data-zoom="fit">Fit</button><button type="button" data-zoom="out" aria-label="Zoom out">−</button><button type="button" data-zoom="in" aria-label="Zoom in">+</button><button type="button" data-zoom="1">100%</button></span>`;
  return `<div class="callview"><div class="callhead"><h3>Call ${n}: ${escapeXml(call.method ?? "?")} ${escapeXml(state)}</h3><span class="mono muted">${escapeXml(call.callId)}</span><span class="muted">${escapeXml(formatDurationMs(call.durationMs))} · ${call.messages.length} messages</span>${toggle}${zoom}</div>
<div class="ladder-wrap">${svg}</div>
${notes === "" ? `<p class="muted">No annotated messages in this call.</p>` : `<div class="notes">${notes}</div>`}</div>`;
}

/** One template per call, plus a `-linked` one for calls with linked legs. */
export function renderCallTemplates(index: DocumentIndex, calls: readonly { call: CallRecord; n: number }[], labelSuffix?: (m: MessageRecord) => string): { html: string; messages: Set<number> } {
  const messages = new Set<number>();
  const out: string[] = [];
  for (const { call, n } of calls) {
    const single = buildLadder(index, [call.callId], { maxRows: 3000, call });
    for (const r of single.rows) messages.add(r.message.index);
    const linkedLadder = call.linkedCallIds.length > 0 || call.links.length > 0 ? buildLadder(index, [call.callId], { linked: true, maxRows: 3000 }) : null;
    const hasLinked = linkedLadder !== null && linkedLadder.legs.length > 1;
    out.push(`<template id="call-${n}">${renderCallView(call, n, single, hasLinked, false, labelSuffix)}</template>`);
    if (hasLinked) {
      for (const r of linkedLadder.rows) messages.add(r.message.index);
      out.push(`<template id="call-${n}-linked">${renderCallView(call, n, linkedLadder, true, true, labelSuffix)}</template>`);
    }
  }
  return { html: out.join("\n"), messages };
}

export function renderFlowsSection(doc: AnalysisDocument): string {
  if (doc.flows.length === 0) return "";
  const rows = doc.flows
    .map((f) => {
      const sev: Severity = f.state === "failed" ? (f.reregistered === null ? "error" : "warning") : f.state === "active" ? "ok" : "info";
      const ka = `${f.keepalives.pings} pings / ${f.keepalives.pongs} pongs${f.keepalives.unanswered > 0 ? `, ${f.keepalives.unanswered} unanswered` : ""}`;
      const failure = f.failure === null ? "" : f.failure.kind;
      const rereg = f.reregistered === null ? "" : `after ${formatDurationMs(f.reregistered.delayMs)}`;
      return `<tr><td class="mono">${escapeXml(f.flowId)}</td><td class="mono">${escapeXml(f.aor ?? "")}</td><td class="num">${f.regId ?? ""}</td><td>${escapeXml(f.transport)}</td><td class="mono">${escapeXml(f.ua)}</td><td class="mono">${escapeXml(f.edge)}</td><td class="num">${f.flowTimer ?? ""}</td><td>${chip(sev, f.state)}</td><td>${escapeXml(ka)}</td><td>${escapeXml(failure)}</td><td>${escapeXml(rereg)}</td></tr>`;
    })
    .join("");
  return `<section id="flows" aria-labelledby="flows-h"><h2 id="flows-h">Outbound flows (RFC 5626)</h2><div class="panel tablewrap"><table><thead><tr><th>Flow</th><th>AOR</th><th class="num">reg-id</th><th>Transport</th><th>UA</th><th>Edge</th><th class="num">Flow-Timer</th><th>State</th><th>Keepalives</th><th>Failure</th><th>Re-registered</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}
