/**
 * Runs the report's SQL (report-sql.ts) on a store and assembles the BatchReport. Only presentation happens
 * here (µs → ms and RFC 3339, percentages to one decimal, empty time buckets filled with zeros); every count
 * is a SQL result, so DuckDB and ClickHouse give the same report.
 */
import { formatTimeIso } from "../model/time.js";
import { VERSION } from "../pipeline/version.js";
import type { Cell } from "../store/schema.js";
import type { Store } from "../store/store.js";
import { REPORT_SCHEMA, type BatchReport, type Distribution, type TimeBucket, type WorstCall } from "./report-data.js";
import { SQL, distributionSql, nthValueSql } from "./report-sql.js";

const WORST_CALLS = 20;
const SEVERITY_NAME = ["ok", "info", "warning", "error"];
/** Bucket widths for failures over time, seconds: the smallest that keeps the chart within MAX_BUCKETS. */
const BUCKET_WIDTHS_S = [1, 10, 60, 300, 900, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400];
const MAX_BUCKETS = 60;
const PDD_BOUNDS_US = [500_000, 1_000_000, 2_000_000, 4_000_000, 8_000_000, 16_000_000];
const RECOVERY_BOUNDS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

function num(c: Cell | undefined): number {
  return c === null || c === undefined ? 0 : Number(c);
}

function numOrNull(c: Cell | undefined): number | null {
  return c === null || c === undefined ? null : Number(c);
}

function str(c: Cell | undefined): string {
  return c === null || c === undefined ? "" : String(c);
}

function iso(c: Cell | undefined): string | null {
  return c === null || c === undefined ? null : formatTimeIso(Number(c));
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((1000 * part) / whole) / 10;
}

function label(lo: number | null, hi: number | null, unitDiv: number, unit: string): string {
  const f = (v: number): string => `${v / unitDiv}${unit}`;
  if (lo === null && hi !== null) return `< ${f(hi)}`;
  if (hi === null && lo !== null) return `≥ ${f(lo)}`;
  return `${f(lo ?? 0)}–${f(hi ?? 0)}`;
}

async function one(store: Store, sql: string): Promise<readonly Cell[]> {
  return (await store.query(sql)).rows[0] ?? [];
}

/** count/min/median/p95/max/mean and buckets of a duration column; `toMs` divides the column's unit to ms. */
async function distribution(store: Store, table: string, column: string, where: string, bounds: readonly number[], toMs: number, unitDiv: number, unit: string): Promise<Distribution> {
  const row = await one(store, distributionSql(table, column, where, bounds));
  const n = num(row[0]);
  const ms = (c: Cell | undefined): number | null => (c === null || c === undefined ? null : Math.round(Number(c) / toMs));
  const rank = async (p: number): Promise<number | null> => (n === 0 ? null : ms((await one(store, nthValueSql(table, column, where, Math.max(0, Math.ceil(p * n) - 1))))[0]));
  const buckets = [...bounds, null].map((hi, i) => ({ label: label(i === 0 ? null : (bounds[i - 1] ?? null), hi, unitDiv, unit), count: num(row[4 + i]) }));
  return {
    count: n,
    minMs: ms(row[1]),
    medianMs: await rank(0.5),
    p95Ms: await rank(0.95),
    maxMs: ms(row[2]),
    meanMs: n === 0 ? null : Math.round(num(row[3]) / n / toMs),
    buckets,
  };
}

function hexOf(s: string): string {
  return Buffer.from(s, "utf8").toString("hex").toUpperCase();
}

async function worstCalls(store: Store, pathOf: ReadonlyMap<string, string>): Promise<WorstCall[]> {
  const ranked = (await store.query(SQL.worstCalls(WORST_CALLS))).rows;
  if (ranked.length === 0) return [];
  const fileIds = [...new Set(ranked.map((r) => str(r[0])))].filter((f) => /^[0-9a-f]+$/.test(f));
  const details = new Map<string, readonly Cell[]>();
  if (fileIds.length > 0) {
    for (const d of (await store.query(SQL.callsByHex(fileIds, [...new Set(ranked.map((r) => hexOf(str(r[1]))))]))).rows) {
      const key = `${str(d[0])}|${str(d[1])}`;
      if (!details.has(key)) details.set(key, d);
    }
  }
  return ranked.map((r, i) => {
    const d = details.get(`${str(r[0])}|${hexOf(str(r[1]))}`);
    return {
      rank: i + 1,
      path: pathOf.get(str(r[0])) ?? str(r[0]),
      callId: str(r[1]),
      method: d === undefined || d[2] === null ? null : str(d[2]),
      state: d === undefined || d[3] === null ? null : str(d[3]),
      finalStatus: d === undefined ? null : numOrNull(d[4]),
      startTs: d === undefined ? null : iso(d[5]),
      worstSeverity: SEVERITY_NAME[num(r[2])] ?? "info",
      errors: num(r[3]),
      warnings: num(r[4]),
      failures: num(r[5]),
      outcomes: d === undefined ? "" : str(d[6]),
    };
  });
}

async function failuresOverTime(store: Store): Promise<BatchReport["failuresOverTime"]> {
  const span = await one(store, SQL.failureSpan);
  if (span[0] === null || span[0] === undefined) return { bucketSeconds: 0, buckets: [] };
  const lo = num(span[0]);
  const hi = num(span[1]);
  const widthS = BUCKET_WIDTHS_S.find((w) => Math.floor(hi / (w * 1e6)) - Math.floor(lo / (w * 1e6)) < MAX_BUCKETS) ?? 365 * 86400;
  const widthUs = widthS * 1e6;
  const rows = new Map<number, readonly Cell[]>();
  for (const r of (await store.query(SQL.failuresOverTime(widthUs))).rows) rows.set(num(r[0]), r);
  const buckets: TimeBucket[] = [];
  for (let b = Math.floor(lo / widthUs); b <= Math.floor(hi / widthUs); b++) {
    const r = rows.get(b);
    buckets.push({ startTs: formatTimeIso(b * widthUs), c4xx: num(r?.[1]), c5xx: num(r?.[2]), c6xx: num(r?.[3]), trackerErrors: num(r?.[4]) });
  }
  return { bucketSeconds: widthS, buckets };
}

export interface ReportOptions {
  /** Generation time to print; null leaves it out (deterministic output). */
  readonly generatedAt: string | null;
}

export async function buildBatchReport(store: Store, options: ReportOptions): Promise<BatchReport> {
  const t = await one(store, SQL.totals);
  const fileRows = (await store.query(SQL.files)).rows;
  const pathOf = new Map<string, string>();
  for (const r of (await store.query("SELECT file_id, path FROM files ORDER BY path, file_id")).rows) if (!pathOf.has(str(r[0]))) pathOf.set(str(r[0]), str(r[1]));
  const classes = (await store.query(SQL.responseClasses)).rows.map((r) => ({ class: `${num(r[0])}xx`, count: num(r[1]) }));
  const asr = await one(store, SQL.asr);
  const referOutcomes = (await store.query(SQL.referOutcomes)).rows.map((r) => ({ outcome: str(r[0]), count: num(r[1]) }));
  const referCount = (o: string): number => referOutcomes.find((x) => x.outcome === o)?.count ?? 0;
  const decided = ["transfer-succeeded", "transfer-failed", "no-notify", "refer-rejected"].reduce((s, o) => s + referCount(o), 0);
  const redirectOutcomes = (await store.query(SQL.redirectOutcomes)).rows.map((r) => ({ outcome: str(r[0]), count: num(r[1]) }));
  return {
    schema: REPORT_SCHEMA,
    tool: { name: "sipta", version: VERSION },
    generatedAt: options.generatedAt,
    totals: {
      files: num(t[0]),
      filesFailed: num(t[1]),
      bytes: num(t[2]),
      messages: num(t[3]),
      calls: num(t[4]),
      responses: classes.reduce((s, c) => s + c.count, 0),
      annotations: num(t[5]),
      diagnostics: num(t[6]),
      firstTs: iso(t[7]),
      lastTs: iso(t[8]),
    },
    files: fileRows.map((r) => ({
      path: str(r[0]),
      format: str(r[1]),
      bytes: num(r[2]),
      messages: num(r[3]),
      calls: num(r[4]),
      firstTs: iso(r[5]),
      lastTs: iso(r[6]),
      spanS: r[5] === null || r[6] === null ? null : Math.round((num(r[6]) - num(r[5])) / 1000) / 1000,
      diagnostics: num(r[7]),
      error: r[8] === null ? null : str(r[8]),
    })),
    responseClasses: classes,
    responseCodes: (await store.query(SQL.responseCodes)).rows.map((r) => ({ method: str(r[0]), code: num(r[1]), count: num(r[2]) })),
    postDialDelay: await distribution(store, "calls", "pdd_us", "method = 'INVITE'", PDD_BOUNDS_US, 1000, 1e6, " s"),
    answerSeizure: {
      seizures: num(asr[0]),
      answered: num(asr[1]),
      asrPercent: percent(num(asr[1]), num(asr[0])),
      states: (await store.query(SQL.inviteStates)).rows.map((r) => ({ state: str(r[0]), count: num(r[1]) })),
    },
    transfers: {
      total: referOutcomes.reduce((s, o) => s + o.count, 0),
      outcomes: referOutcomes,
      successRatePercent: percent(referCount("transfer-succeeded"), decided),
      failuresBySipfrag: (await store.query(SQL.referFailures)).rows.map((r) => ({ sipfrag: numOrNull(r[0]), count: num(r[1]) })),
      missingNotify: referCount("no-notify"),
      droppedTransferees: num((await one(store, SQL.droppedTransferees))[0]),
    },
    redirects: {
      total: redirectOutcomes.reduce((s, o) => s + o.count, 0),
      outcomes: redirectOutcomes,
      codes: (await store.query(SQL.redirectCodes)).rows.map((r) => ({ code: num(r[0]), count: num(r[1]) })),
    },
    outbound: {
      flows: num((await one(store, SQL.flowCount))[0]),
      failures: (await store.query(SQL.flowFailures)).rows.map((r) => ({ kind: str(r[0]), count: num(r[1]) })),
      outcomes: (await store.query(SQL.flowOutcomes)).rows.map((r) => ({ outcome: str(r[0]), count: num(r[1]) })),
      recovery: await distribution(store, "flows", "reregister_delay_ms", "failure_kind IS NOT NULL", RECOVERY_BOUNDS_MS, 1, 1000, " s"),
    },
    authentication: (await store.query(SQL.authentication)).rows.map((r) => ({ method: str(r[0]), code: num(r[1]), kind: str(r[2]), outcome: str(r[3]), count: num(r[4]) })),
    worstCalls: await worstCalls(store, pathOf),
    failuresOverTime: await failuresOverTime(store),
    diagnostics: (await store.query(SQL.diagnostics)).rows.map((r) => ({ code: str(r[0]), severity: str(r[1]), count: num(r[2]), files: num(r[3]) })),
  };
}
