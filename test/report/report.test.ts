/**
 * `sipta report` as a user runs it, over ../shared/corpus plus the project's fixtures: JSON, Markdown, CSV and
 * HTML whose numbers agree; `--db` alone reproducing the report byte for byte; a re-run adding only new or
 * changed files; `sipta query`; a bad file listed with why and exit 3 while the batch goes on; and the HTML in
 * headless Chromium (no console error, no request, charts drawn, the numbers the JSON has).
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectCsvAgrees, expectMarkdownAgrees, htmlText, tablesOf } from "./report-cells.js";
import type { BatchReport } from "../../src/report/report-data.js";

const ROOT = resolve(import.meta.dirname, "../..");
const CORPUS = resolve(ROOT, "../shared/corpus");
const haveCorpus = existsSync(CORPUS);
if (!haveCorpus) console.warn(`SKIPPED (part): ${CORPUS} is absent; the report test runs over the fixtures only`);
const INPUTS = haveCorpus ? [CORPUS, "fixtures"] : ["fixtures"];
const CHROMIUM = "/usr/bin/chromium";
/** The ClickHouse server .ci/run starts (scripts/clickhouse/start.sh); SIPTA_CLICKHOUSE_HTTP points elsewhere. */
const CLICKHOUSE_HTTP = process.env.SIPTA_CLICKHOUSE_HTTP ?? "http://127.0.0.1:8123";
const clickhouseDown = await fetch(`${CLICKHOUSE_HTTP}/ping`, { signal: AbortSignal.timeout(3000) }).then(
  (r) => (r.ok ? null : `HTTP ${r.status}`),
  (e: unknown) => (e instanceof Error ? e.message : String(e)),
);
if (clickhouseDown !== null && process.env.CI === undefined) console.warn(`SKIPPED: ClickHouse store test: no server at ${CLICKHOUSE_HTTP} (${clickhouseDown}); start one with scripts/clickhouse/start.sh`);

export function sipta(args: readonly string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LANG: "C" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The DOM shape read in the page (the project compiles without the DOM lib). */
interface Cells {
  querySelectorAll(selector: string): ArrayLike<{ readonly textContent: string | null }>;
}

interface Box {
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}

const dir = mkdtempSync(join(tmpdir(), "sipta-report-"));
const out = (name: string): string => join(dir, name);
let json = "";

describe("sipta report over the corpus and the fixtures", () => {
  beforeAll(() => {
    const mem = sipta(["report", ...INPUTS, "-r", "--jobs", "2", "--no-timestamp", "--out", out("mem.json")]);
    expect(mem.err).not.toContain("internal error");
    expect(mem.code).toBe(0);
    const db = sipta(["report", ...INPUTS, "-r", "--no-timestamp", "--db", out("store.duckdb"), "--out", out("first.md")]);
    expect(db.code).toBe(0);
    for (const f of ["alone.json", "alone.md", "alone.csv", "alone.html"]) {
      const r = sipta(["report", "--db", out("store.duckdb"), "--no-timestamp", "--out", out(f)]);
      expect(r.code, r.err).toBe(0);
    }
    json = readFileSync(out("mem.json"), "utf8");
  }, 600_000);

  it("covers every input file, with real numbers", () => {
    const r = JSON.parse(json) as BatchReport;
    expect(r.totals.files).toBeGreaterThan(100);
    expect(r.totals.filesFailed).toBe(0);
    expect(r.totals.messages).toBe(r.files.reduce((s, f) => s + f.messages, 0));
    expect(r.responseClasses.reduce((s, c) => s + c.count, 0)).toBe(r.responseCodes.reduce((s, c) => s + c.count, 0));
    expect(r.transfers.outcomes.find((o) => o.outcome === "transfer-succeeded")?.count).toBeGreaterThan(0);
    expect(r.redirects.total).toBeGreaterThan(0);
    expect(r.outbound.failures.length).toBeGreaterThan(0);
    expect(r.answerSeizure.seizures).toBeGreaterThan(0);
    expect(r.postDialDelay.count).toBeGreaterThan(0);
    expect(r.worstCalls.length).toBeGreaterThan(0);
    expect(r.worstCalls[0]?.worstSeverity).toBe("error");
    expect(r.failuresOverTime.buckets.length).toBeGreaterThan(0);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.generatedAt).toBeNull();
  });

  it("--db alone reproduces the in-memory report byte for byte", () => {
    expect(readFileSync(out("alone.json"), "utf8")).toBe(json);
    expect(readFileSync(out("alone.md"), "utf8")).toBe(readFileSync(out("first.md"), "utf8"));
  });

  it("Markdown and CSV show the JSON's numbers", () => {
    const tables = tablesOf(json);
    expectMarkdownAgrees(readFileSync(out("alone.md"), "utf8"), tables);
    expectCsvAgrees(readFileSync(out("alone.csv"), "utf8"), tables);
  });

  it("sipta query answers from the same store", () => {
    const r = JSON.parse(json) as BatchReport;
    const q = sipta(["query", "--db", out("store.duckdb"), "SELECT count(*) AS files, sum(messages) AS messages FROM files", "--format", "json"]);
    expect(q.code, q.err).toBe(0);
    expect(JSON.parse(q.out)).toEqual([{ files: r.totals.files, messages: r.totals.messages }]);
    const t = sipta(["query", "--db", out("store.duckdb"), "SELECT code, count(*) AS n FROM annotations GROUP BY code ORDER BY code LIMIT 2"]);
    expect(t.out).toMatch(/^code\s+n\n-+\s+-+\n/);
    const bad = sipta(["query", "--db", out("store.duckdb"), "SELEC nonsense"]);
    expect(bad.code).toBe(2);
  }, 300_000);

  describe.skipIf(!existsSync(CHROMIUM))("the HTML in headless Chromium", () => {
    it("loads with no console error and no request, draws its charts, and shows the JSON's numbers", async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
      try {
        const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        const url = pathToFileURL(out("alone.html")).href;
        page.on("console", (m) => {
          if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
        });
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("request", (r) => {
          if (r.url() !== url) requests.push(r.url());
        });
        await page.goto(url);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        const bars = await page.locator("svg.chart rect").evaluateAll((rs) => rs.filter((r) => (r as unknown as Box).getBoundingClientRect().width > 0).length);
        expect(bars).toBeGreaterThan(10);
        expect(await page.locator("svg.chart").count()).toBeGreaterThanOrEqual(5);
        for (const t of tablesOf(json).filter((x) => x.rows.length > 0)) {
          const cells = await page.locator(`table[data-table="${t.id}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => Array.from((tr as unknown as Cells).querySelectorAll("td"), (td) => td.textContent)));
          expect(cells, t.id).toEqual(t.rows.map((row) => row.map(htmlText)));
        }
        // The worst call links to its drawn ladder.
        await page.click('table[data-table="worst-calls"] a[href="#ladder-1"]');
        expect(await page.locator("#ladder-1 svg.ladder").count()).toBe(1);
      } finally {
        await browser.close();
      }
    }, 300_000);
  });
});

describe("the same report from ClickHouse", () => {
  if (clickhouseDown !== null && process.env.CI !== undefined) {
    it("needs the ClickHouse server in CI", () => {
      expect.fail(`no ClickHouse at ${CLICKHOUSE_HTTP} (${clickhouseDown}); .ci/run must install and start it (scripts/clickhouse/start.sh)`);
    });
    return;
  }
  const database = `sipta_test_${process.pid}`;
  const url = `${CLICKHOUSE_HTTP.replace(/^http:/, "clickhouse:")}/${database}`;
  it.skipIf(clickhouseDown !== null)("writes the store there, and report and --db alone give the DuckDB report byte for byte", async () => {
    try {
      const written = sipta(["report", ...INPUTS, "-r", "--jobs", "2", "--no-timestamp", "--db", url, "--out", out("ch.json")]);
      expect(written.code, written.err).toBe(0);
      expect(readFileSync(out("ch.json"), "utf8")).toBe(json);
      const alone = sipta(["report", "--db", url, "--no-timestamp", "--format", "json"]);
      expect(alone.code, alone.err).toBe(0);
      expect(alone.out).toBe(json);
      const q = sipta(["query", "--db", url, "SELECT count(*) AS files FROM files", "--format", "csv"]);
      expect(q.out).toBe(`files\r\n${(JSON.parse(json) as BatchReport).totals.files}\r\n`);
    } finally {
      await fetch(`${CLICKHOUSE_HTTP}/`, { method: "POST", body: `DROP DATABASE IF EXISTS ${database}` });
    }
  }, 600_000);
});

describe("events seen on several hops count once", () => {
  it("transfer and redirect outcomes of the proxy fixtures equal analyze's summary (which counts an event once)", () => {
    const folder = "fixtures/proxy";
    const rep = sipta(["report", folder, "-r", "--format", "json", "--no-timestamp", "--jobs", "2"]);
    expect(rep.code, rep.err).toBe(0);
    const r = JSON.parse(rep.out) as BatchReport;
    const pcaps = r.files.filter((f) => f.format === "pcap").map((f) => f.path);
    expect(pcaps.length).toBeGreaterThan(5);
    const want = new Map<string, number>();
    for (const p of pcaps) {
      const a = sipta(["analyze", p, "--format", "json"]);
      const doc = JSON.parse(a.out) as { summary: { outcomes: Record<string, number> } };
      for (const [k, n] of Object.entries(doc.summary.outcomes)) want.set(k, (want.get(k) ?? 0) + n);
    }
    // The report's store has both the captures and the logs of each run; compare on the captures alone.
    const only = sipta(["report", ...pcaps, "--format", "json", "--no-timestamp", "--jobs", "2"]);
    const rc = JSON.parse(only.out) as BatchReport;
    const got = new Map<string, number>();
    for (const o of rc.transfers.outcomes) got.set(`refer:${o.outcome}`, o.count);
    for (const o of rc.redirects.outcomes) got.set(`redirect:${o.outcome}`, o.count);
    for (const o of rc.outbound.outcomes) got.set(`flow:${o.outcome}`, o.count);
    const wantTracked = new Map([...want].filter(([k]) => /^(refer|redirect|flow):/.test(k)));
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(wantTracked));
  }, 600_000);
});

describe("sipta report on a folder that changes, with a bad file", () => {
  it("re-runs add only new or changed files; a bad file is listed with why, the rest reported, exit 3", () => {
    const folder = join(dir, "batch");
    mkdirSync(folder);
    copyFileSync(join(ROOT, "fixtures/demo/transfer-and-redirect.pcap"), join(folder, "a.pcap"));
    copyFileSync(join(ROOT, "fixtures/textlog/raw-sip/basic.log"), join(folder, "b.log"));
    writeFileSync(join(folder, "c.bin"), Buffer.from("this is not SIP at all\n"));
    const db = out("batch.duckdb");
    const first = sipta(["report", folder, "--db", db, "--format", "json", "--no-timestamp"]);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain("3 file(s) added");
    const again = sipta(["report", folder, "--db", db, "--format", "json", "--no-timestamp"]);
    expect(again.err).toContain("0 file(s) added");
    expect(again.out).toBe(first.out);
    appendFileSync(join(folder, "b.log"), "\n");
    symlinkSync(join(folder, "gone.pcap"), join(folder, "d.pcap"));
    const changed = sipta(["report", folder, "--db", db, "--format", "json", "--no-timestamp"]);
    expect(changed.code).toBe(3);
    expect(changed.err).toContain("1 file(s) added");
    expect(changed.err).toMatch(/d\.pcap: no such file or directory/);
    const r = JSON.parse(changed.out) as BatchReport;
    expect(r.files.map((f) => f.path.slice(folder.length + 1))).toEqual(["a.pcap", "b.log", "c.bin", "d.pcap"]);
    expect(r.files.find((f) => f.path.endsWith("d.pcap"))?.error).toBe("no such file or directory");
    expect(r.totals.messages).toBe((JSON.parse(first.out) as BatchReport).totals.messages);
    expect(r.diagnostics.some((d) => d.code === "pipeline.no_sip")).toBe(true);
  }, 300_000);
});

