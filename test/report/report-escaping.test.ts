/**
 * Capture text in the batch report is hostile: a Call-ID, file name or outcome carrying markup, Markdown table
 * syntax, a spreadsheet formula or terminal escapes must come out as text in every format.
 */
import { describe, expect, it } from "vitest";
import { REPORT_SCHEMA, type BatchReport } from "../../src/report/report-data.js";
import { renderReportCsv } from "../../src/report/render-csv.js";
import { renderReportHtml } from "../../src/report/render-html.js";
import { renderReportMarkdown } from "../../src/report/render-markdown.js";
import { parseCsv } from "./report-cells.js";

const EVIL_CALL = `<img src=x onerror=alert(1)>|x\u001b[31m`;
const EVIL_PATH = `=HYPERLINK("http://evil")|</td><script>alert(2)</script>.log`;

const empty = { count: 0, minMs: null, medianMs: null, p95Ms: null, maxMs: null, meanMs: null, buckets: [] };
const REPORT: BatchReport = {
  schema: REPORT_SCHEMA,
  tool: { name: "sipta", version: "0.0.0" },
  generatedAt: null,
  totals: { files: 1, filesFailed: 1, bytes: 1, messages: 2, calls: 1, responses: 1, annotations: 1, diagnostics: 0, firstTs: null, lastTs: null },
  files: [{ path: EVIL_PATH, format: "text", bytes: 1, messages: 2, calls: 1, firstTs: null, lastTs: null, spanS: null, diagnostics: 0, error: `<b>why</b>` }],
  responseClasses: [{ class: "4xx", count: 1 }],
  responseCodes: [{ method: "<i>INVITE</i>", code: 486, count: 1 }],
  postDialDelay: empty,
  answerSeizure: { seizures: 1, answered: 0, asrPercent: 0, states: [] },
  transfers: { total: 0, outcomes: [], successRatePercent: null, failuresBySipfrag: [], missingNotify: 0, droppedTransferees: 0 },
  redirects: { total: 0, outcomes: [], codes: [] },
  outbound: { flows: 0, failures: [], outcomes: [], recovery: empty },
  authentication: [],
  worstCalls: [{ rank: 1, path: EVIL_PATH, callId: EVIL_CALL, method: "INVITE", state: "busy", finalStatus: 486, startTs: null, worstSeverity: "warning", errors: 0, warnings: 1, failures: 1, outcomes: "<u>x</u>" }],
  failuresOverTime: { bucketSeconds: 0, buckets: [] },
  diagnostics: [],
};

describe("batch report escaping", () => {
  it("HTML: no markup from the capture survives, the ladder link keeps its own id", () => {
    const html = renderReportHtml(REPORT, new Map([[1, { missing: `<script>alert(3)</script>` }]]));
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>/i);
    expect(html).not.toContain("\u001b");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('href="#ladder-1"');
    expect(html).toContain("script-src 'none'");
  });

  it("Markdown: pipes, markup and escapes are escaped, so every row keeps its columns", () => {
    const md = renderReportMarkdown(REPORT);
    expect(md).not.toMatch(/<img|<script/);
    expect(md).not.toContain("\u001b");
    const worst = md.split("\n").find((l) => l.startsWith("| 1 |"));
    expect(worst?.split(/(?<!\\) \| /).length).toBe(12);
  });

  it("CSV: formulas neutralised, cells intact", () => {
    const rows = parseCsv(renderReportCsv(REPORT));
    const path = rows.find((r) => r[0] === "files" && r[2] === "file");
    expect(path?.[3]?.startsWith("'=")).toBe(true);
    const call = rows.find((r) => r[0] === "worst-calls" && r[2] === "Call-ID");
    expect(call?.[3]).toBe("<img src=x onerror=alert(1)>|x\\x1b[31m");
  });
});
