/**
 * The batch report as one self-contained HTML page: the same tables as every other format, charts drawn as
 * inline SVG (charts-svg.ts), and the worst calls linked to their ladders. No script at all; the CSP allows
 * nothing but the page's own stylesheet (by hash), so nothing is fetched and nothing runs. Capture text is
 * escaped by escapeXml.
 */
import { hashSource } from "../render/html/content-security.js";
import { escapeXml } from "../render/xml-escape.js";
import type { Cell } from "../store/schema.js";
import { barChart, stackedColumns, type Bar } from "./charts-svg.js";
import type { BatchReport } from "./report-data.js";
import { REPORT_HTML_CSS } from "./report-html-style.js";
import { reportTables, type ReportTable } from "./report-tables.js";
import type { WorstLadder } from "./worst-ladders.js";

const TONES: Readonly<Record<string, string>> = {
  "transfer-succeeded": "ok", followed: "info", recovered: "info", "no-subscription": "info", unknown: "info",
  "transfer-pending": "warning", "not-followed": "warning", "flow-not-restored": "warning",
};

function toneOfClass(c: string): string {
  return c === "2xx" ? "ok" : c === "1xx" ? "info" : c === "3xx" ? "neutral" : c === "4xx" ? "warning" : "error";
}

function cell(c: Cell, link: string | null): string {
  if (c === null) return `<td class="null">—</td>`;
  if (typeof c === "number") return `<td class="n">${c}</td>`;
  const text = escapeXml(c);
  return `<td>${link === null ? text : `<a href="#${link}">${text}</a>`}</td>`;
}

function table(t: ReportTable): string {
  const head = `<tr>${t.columns.map((c) => `<th scope="col">${escapeXml(c)}</th>`).join("")}</tr>`;
  const callCol = t.id === "worst-calls" ? t.columns.indexOf("Call-ID") : -1;
  const body = t.rows.map((row, i) => `<tr>${row.map((c, j) => cell(c, j === callCol ? `ladder-${i + 1}` : null)).join("")}</tr>`).join("\n");
  return `<table data-table="${escapeXml(t.id)}"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function charts(r: BatchReport): Map<string, string> {
  const outcomeBars = (list: readonly { outcome: string; count: number }[]): Bar[] => list.map((o) => ({ label: o.outcome, value: o.count, tone: TONES[o.outcome] ?? "error" }));
  return new Map([
    ["response-classes", barChart("chart-classes", "Responses by class", r.responseClasses.map((c) => ({ label: c.class, value: c.count, tone: toneOfClass(c.class) })))],
    ["post-dial-delay-buckets", barChart("chart-pdd", "Post-dial delay", r.postDialDelay.buckets.map((b) => ({ label: b.label, value: b.count })))],
    ["transfer-outcomes", barChart("chart-transfers", "Transfer outcomes", outcomeBars(r.transfers.outcomes))],
    ["redirect-outcomes", barChart("chart-redirects", "Redirect outcomes", outcomeBars(r.redirects.outcomes))],
    ["flow-outcomes", barChart("chart-flows", "430 / 439 outcomes", outcomeBars(r.outbound.outcomes))],
    [
      "failures-over-time",
      stackedColumns(
        "chart-failures",
        "Failures over time",
        r.failuresOverTime.buckets.map((b) => ({ label: b.startTs, parts: [{ value: b.c4xx, tone: "warning" }, { value: b.c5xx, tone: "error" }, { value: b.c6xx, tone: "neutral" }, { value: b.trackerErrors, tone: "info" }] })),
        [{ label: "4xx", tone: "warning" }, { label: "5xx", tone: "error" }, { label: "6xx", tone: "neutral" }, { label: "tracker errors", tone: "info" }],
      ),
    ],
    ["diagnostics", barChart("chart-diagnostics", "Diagnostics by code", r.diagnostics.slice(0, 15).map((d) => ({ label: d.code, value: d.count, tone: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info" })))],
  ]);
}

function ladders(r: BatchReport, drawn: ReadonlyMap<number, WorstLadder>): string {
  if (r.worstCalls.length === 0) return "";
  const parts = r.worstCalls.map((w) => {
    const l = drawn.get(w.rank);
    const body = l === undefined ? `<p class="note">No ladder drawn.</p>` : "svg" in l ? `<div class="ladder-box">${l.svg}</div>` : `<p class="note">No ladder: ${escapeXml(l.missing)}.</p>`;
    return `<section id="ladder-${w.rank}" class="ladder-call"><h3>#${w.rank} ${escapeXml(w.callId)} <span class="muted">(${escapeXml(w.path)})</span></h3>${body}</section>`;
  });
  return `<h2 id="ladders">Ladders of the worst calls</h2>\n${parts.join("\n")}`;
}

export function renderReportHtml(r: BatchReport, drawn: ReadonlyMap<number, WorstLadder> = new Map()): string {
  const csp = ["default-src 'none'", `style-src ${hashSource(REPORT_HTML_CSS)}`, "script-src 'none'", "img-src data:", "base-uri 'none'", "form-action 'none'"].join("; ");
  const chartBy = charts(r);
  const tables = reportTables(r);
  const nav = tables.map((t) => `<a href="#${escapeXml(t.id)}">${escapeXml(t.title)}</a>`).join(" ");
  const sections = tables.map((t) => {
    const body = t.rows.length === 0 ? `<p class="muted">None.</p>` : `${chartBy.get(t.id) ?? ""}${table(t)}`;
    return `<section aria-labelledby="${escapeXml(t.id)}"><h2 id="${escapeXml(t.id)}">${escapeXml(t.title)}</h2>${t.note === undefined ? "" : `<p class="note">${escapeXml(t.note)}</p>`}${body}</section>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="sipta ${escapeXml(r.tool.version)}">
<title>sipta batch report</title>
<style>${REPORT_HTML_CSS}</style>
</head>
<body>
<header><h1>sipta batch report</h1><p class="muted">${r.totals.files} files · ${r.totals.messages} messages · ${r.totals.calls} calls · sipta ${escapeXml(r.tool.version)}${r.generatedAt === null ? "" : ` · generated ${escapeXml(r.generatedAt)}`}</p><nav>${nav}</nav></header>
<main>
${sections.join("\n")}
${ladders(r, drawn)}
</main>
<footer>Every number above is the result of SQL over the analysis store (docs/store.md); the JSON, Markdown and CSV forms carry the same tables. All capture text is shown escaped; this file works offline and loads nothing.</footer>
</body>
</html>
`;
}
