/**
 * The self-contained HTML report (`--format html`): one file with inline CSS and JS, nothing fetched
 * (CSP default-src 'none', style and script pinned by hash), works offline. Summary, a searchable call
 * list, and per call its ladder with annotations; a click on an arrow shows the message and, when the
 * caller provides them, its raw text. Keyboard accessible, light and dark.
 */
import type { AnalysisDocument, CallRecord } from "../../model/document.js";
import { collectLinkedCalls, indexDocument, worstSeverityOf, type DocumentIndex } from "../document-index.js";
import { carriesSdp } from "../raw-message.js";
import { escapeXml } from "../xml-escape.js";
import { buildContentSecurityPolicy } from "./content-security.js";
import { embedJson } from "./embed-json.js";
import { buildReportData } from "./report-data.js";
import { REPORT_SCRIPT } from "./report-script.js";
import { renderCallTable, renderCallTemplates, renderFlowsSection, renderSummarySection } from "./report-sections.js";
import { REPORT_CSS } from "./report-styles.js";

export interface HtmlReportOptions {
  /** Raw text of a message by index (the document holds none); embedded, escaped, when given. */
  readonly raw?: (index: number) => string | null;
  readonly title?: string;
  /** Only these calls (and, with `linked`, their linked calls): `sipta flow --format html`. */
  readonly calls?: readonly string[];
  /** Open calls with their linked legs drawn. */
  readonly linked?: boolean;
  /** Call to open when the page loads (its Call-ID). */
  readonly open?: string;
  /** At most this many calls get a list row and a ladder (default 5000). */
  readonly maxCalls?: number;
}

/**
 * At most `max` calls, the interesting ones kept: calls with a notable annotation or a failed final state first,
 * then the earliest others; shown in document order.
 */
function capCalls(index: DocumentIndex, selected: readonly { call: CallRecord; n: number }[], max: number): { call: CallRecord; n: number }[] {
  if (selected.length <= max) return [...selected];
  const failed = new Set(["busy", "rejected", "failed", "request-failed"]);
  const important = (c: CallRecord): boolean => worstSeverityOf(index, c.messages) !== null || failed.has(c.state);
  const first = selected.filter(({ call }) => important(call)).slice(0, max);
  const keep = new Set(first.map((c) => c.n));
  for (const c of selected) {
    if (keep.size >= max) break;
    keep.add(c.n);
  }
  return selected.filter((c) => keep.has(c.n));
}

export function renderHtmlReport(doc: AnalysisDocument, options: HtmlReportOptions = {}): string {
  return [...writeHtmlReport(doc, options)].join("");
}

/** The report in pieces (head, sections, call templates, data, script), so a large one is never one string. */
export function* writeHtmlReport(doc: AnalysisDocument, options: HtmlReportOptions = {}): Generator<string> {
  const index = indexDocument(doc);
  const wanted = options.calls === undefined ? null : new Set(options.linked === true ? collectLinkedCalls(index, options.calls) : options.calls);
  const all: { call: CallRecord; n: number }[] = doc.calls.map((call, i) => ({ call, n: i + 1 }));
  const selected = all.filter(({ call }) => wanted === null || wanted.has(call.callId));
  const maxCalls = options.maxCalls ?? 5000;
  const calls = capCalls(index, selected, maxCalls);
  const raw = options.raw;
  const templates = renderCallTemplates(index, calls, raw === undefined ? undefined : (m) => (carriesSdp(raw(m.index)) ? " (SDP)" : ""));
  const openId = options.open ?? (options.calls !== undefined ? options.calls[0] : undefined);
  const open = openId === undefined ? null : (calls.find((c) => c.call.callId === openId)?.n ?? null);
  const data = buildReportData(index, doc, {
    messages: [...templates.messages].sort((a, b) => a - b),
    linked: options.linked === true,
    open,
    ...(options.raw === undefined ? {} : { raw: options.raw }),
  });
  const title = options.title === undefined ? `sipta report: ${doc.files.map((f) => f.path).join(", ")}` : options.title.startsWith("sipta") ? options.title : `sipta ${options.title}`;
  const csp = buildContentSecurityPolicy(REPORT_CSS, REPORT_SCRIPT);
  const cut = selected.length > calls.length ? `<p class="muted">Showing ${calls.length} of ${selected.length} calls: every call with an annotation or a failure first, then the earliest others (\`sipta calls\` lists them all).</p>` : "";
  const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? "" : "s"}`;
  const countText = selected.length > calls.length ? `${calls.length} of ${plural(selected.length, "call")}` : plural(calls.length, "call");
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="sipta ${escapeXml(doc.tool.version)}">
<title>${escapeXml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<a class="skip" href="#calls">Skip to calls</a>
<header class="top"><h1><span class="brand">sipta</span> ${escapeXml((options.title ?? "SIP trace report").replace(/^sipta /, ""))}</h1><p class="meta">${doc.files.length} file${doc.files.length === 1 ? "" : "s"} · ${doc.summary.messages} messages · ${plural(doc.calls.length, "call")} · schema v${doc.schemaVersion} · sipta ${escapeXml(doc.tool.version)}</p></header>
<main>
${renderSummarySection(doc)}
<section id="calls" aria-labelledby="calls-h">
<h2 id="calls-h">Calls</h2>
<div class="toolbar"><label for="search">Search</label><input id="search" type="search" placeholder="Call-ID, URI, method, state, outcome…" autocomplete="off"><span id="call-count" class="muted" aria-live="polite" data-total="${selected.length}">${countText}</span></div>
${cut}${renderCallTable(index, calls)}
<div class="viewer">
<div><p id="viewer-hint" class="hint">Select a call to see its ladder. Annotated messages are numbered; click an arrow to see the message.</p><div id="ladder-host" aria-live="polite"></div></div>
<aside id="detail" class="panel detail" aria-label="Message details"></aside>
</div>
</section>
${renderFlowsSection(doc)}
</main>
<footer>Generated by sipta ${escapeXml(doc.tool.version)} from capture data; all capture text is shown escaped. This file works offline and loads nothing.</footer>
`;
  yield templates.html;
  yield "\n";
  yield embedJson("sipta-data", data);
  yield `
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
