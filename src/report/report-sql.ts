/**
 * The report's SQL, written once for both engines: only what DuckDB and ClickHouse 18.16 both accept (no window
 * functions, no CTEs, no engine-specific functions; CASE sums instead of countIf/count_if; floor(a / b) for
 * buckets; LIMIT n OFFSET m). Capture data never enters SQL text: the only literals are numbers, hex strings and
 * fixed words. `sipta query` users can start from these.
 */

/** One event counted once: a copy of a response relayed on another hop is left out (its first copy counts). */
const ONCE = "hop_copy = 0";
/** Responses counted in code statistics: retransmissions repeat an answer and are left out, as are hop copies. */
const FRESH = `retransmission = 0 AND ${ONCE}`;
/** A failure response: 4xx-6xx except the 401/407 challenges that normal authentication starts with. */
const FAILURE = "code >= 400 AND code NOT IN (401, 407)";

export const SQL = {
  totals: `SELECT count(*) AS files, sum(CASE WHEN error IS NULL THEN 0 ELSE 1 END) AS failed, sum(bytes) AS bytes, sum(messages) AS messages,
    sum(calls) AS calls, sum(annotations) AS annotations, sum(diagnostics) AS diagnostics, min(first_us) AS first_us, max(last_us) AS last_us FROM files`,
  files: "SELECT path, format, bytes, messages, calls, first_us, last_us, diagnostics, error FROM files ORDER BY path, file_id",
  responseClasses: `SELECT floor(code / 100) AS cls, count(*) AS n FROM annotations WHERE ${FRESH} GROUP BY cls ORDER BY cls`,
  responseCodes: `SELECT coalesce(method, '?') AS m, code, count(*) AS n FROM annotations WHERE ${FRESH} GROUP BY m, code ORDER BY m, code`,
  asr: `SELECT count(*) AS seizures, sum(CASE WHEN final_status >= 200 AND final_status < 300 THEN 1 ELSE 0 END) AS answered FROM calls WHERE method = 'INVITE'`,
  inviteStates: "SELECT state, count(*) AS n FROM calls WHERE method = 'INVITE' GROUP BY state ORDER BY state",
  referOutcomes: `SELECT outcome, count(*) AS n FROM annotations WHERE ${ONCE} AND kind = 'refer' GROUP BY outcome ORDER BY outcome`,
  referFailures: `SELECT sipfrag_status, count(*) AS n FROM annotations WHERE ${ONCE} AND kind = 'refer' AND outcome = 'transfer-failed' GROUP BY sipfrag_status ORDER BY sipfrag_status`,
  droppedTransferees: `SELECT count(*) AS n FROM annotations WHERE ${ONCE} AND kind = 'refer' AND dropped_transferee = 1`,
  redirectOutcomes: `SELECT outcome, count(*) AS n FROM annotations WHERE ${ONCE} AND kind = 'redirect' GROUP BY outcome ORDER BY outcome`,
  redirectCodes: `SELECT code, count(*) AS n FROM annotations WHERE kind = 'redirect' AND ${FRESH} GROUP BY code ORDER BY code`,
  flowCount: "SELECT count(*) AS n FROM flows",
  flowFailures: "SELECT failure_kind, count(*) AS n FROM flows WHERE failure_kind IS NOT NULL GROUP BY failure_kind ORDER BY failure_kind",
  flowOutcomes: `SELECT outcome, count(*) AS n FROM annotations WHERE ${ONCE} AND kind = 'flow' GROUP BY outcome ORDER BY outcome`,
  authentication: `SELECT coalesce(method, '?') AS m, code, kind, outcome, count(*) AS n FROM annotations WHERE code IN (401, 407) AND ${FRESH}
    GROUP BY m, code, kind, outcome ORDER BY m, code, kind, outcome`,
  worstCalls: (limit: number) => `SELECT file_id, call_id, max(severity_rank) AS worst, sum(CASE WHEN severity_rank = 3 THEN 1 ELSE 0 END) AS errs,
    sum(CASE WHEN severity_rank = 2 THEN 1 ELSE 0 END) AS warns, sum(CASE WHEN ${FAILURE} AND ${FRESH} THEN 1 ELSE 0 END) AS fails
    FROM annotations WHERE ${ONCE} AND call_id IS NOT NULL GROUP BY file_id, call_id HAVING worst >= 2 OR fails > 0
    ORDER BY worst DESC, errs DESC, warns DESC, fails DESC, file_id, call_id LIMIT ${limit}`,
  /** `fileIds` and `hexCallIds` are hex strings (content hashes, hex(call_id)): safe as literals in both engines. */
  callsByHex: (fileIds: readonly string[], hexCallIds: readonly string[]) => `SELECT file_id, hex(call_id) AS h, method, state, final_status, start_us, outcomes, first_message
    FROM calls WHERE file_id IN (${fileIds.map((f) => `'${f}'`).join(", ")}) AND hex(call_id) IN (${hexCallIds.map((h) => `'${h}'`).join(", ")})
    ORDER BY file_id, h, first_message`,
  failureSpan: `SELECT min(ts_us) AS lo, max(ts_us) AS hi FROM annotations WHERE ts_us IS NOT NULL AND ${FRESH} AND (${FAILURE} OR severity_rank = 3)`,
  failuresOverTime: (bucketUs: number) => `SELECT floor(ts_us / ${bucketUs}) AS b,
    sum(CASE WHEN code >= 400 AND code < 500 AND code NOT IN (401, 407) THEN 1 ELSE 0 END) AS c4,
    sum(CASE WHEN code >= 500 AND code < 600 THEN 1 ELSE 0 END) AS c5, sum(CASE WHEN code >= 600 THEN 1 ELSE 0 END) AS c6,
    sum(CASE WHEN severity_rank = 3 THEN 1 ELSE 0 END) AS errs
    FROM annotations WHERE ts_us IS NOT NULL AND ${FRESH} AND (${FAILURE} OR severity_rank = 3) GROUP BY b ORDER BY b`,
  diagnostics: "SELECT code, severity, sum(count) AS n, count(DISTINCT file_id) AS nfiles FROM diagnostic_counts GROUP BY code, severity ORDER BY n DESC, code, severity",
} as const;

/** A duration column's summary: count, min, max, sum and fixed buckets (`bounds` ascending, in the column's unit). */
export function distributionSql(table: string, column: string, where: string, bounds: readonly number[]): string {
  const buckets = bounds.map((b, i) => {
    const lo = i === 0 ? null : bounds[i - 1];
    return `sum(CASE WHEN ${column} ${lo === null || lo === undefined ? "" : `>= ${lo} AND ${column} `}< ${b} THEN 1 ELSE 0 END) AS b${i}`;
  });
  const last = bounds[bounds.length - 1] ?? 0;
  buckets.push(`sum(CASE WHEN ${column} >= ${last} THEN 1 ELSE 0 END) AS b${bounds.length}`);
  return `SELECT count(*) AS n, min(${column}) AS lo, max(${column}) AS hi, sum(${column}) AS total, ${buckets.join(", ")} FROM ${table} WHERE ${column} IS NOT NULL AND ${where}`;
}

/** The value at a rank (0-based) of the sorted column: nearest-rank percentiles without window functions. */
export function nthValueSql(table: string, column: string, where: string, offset: number): string {
  return `SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL AND ${where} ORDER BY ${column} LIMIT 1 OFFSET ${offset}`;
}
