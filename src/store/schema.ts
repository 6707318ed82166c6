/**
 * The store's tables, once, as data: both engines' DDL is generated from this list, so DuckDB and ClickHouse
 * hold the same columns. Types are the ones both engines have (ClickHouse 18.16 has no DateTime64): capture
 * times are UInt64 microseconds since the epoch, booleans UInt8. docs/store.md documents every column.
 */

/** Column types common to DuckDB and ClickHouse. */
export type ColumnType = "string" | "u64" | "i64" | "u32" | "u8";

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

function col(name: string, type: ColumnType, nullable = false): Column {
  return { name, type, nullable };
}

const FILE_ID = col("file_id", "string");

export const TABLES = {
  files: [
    FILE_ID,
    col("path", "string"),
    col("format", "string"),
    col("bytes", "u64"),
    col("messages", "u64"),
    col("calls", "u64"),
    col("annotations", "u64"),
    col("first_us", "u64", true),
    col("last_us", "u64", true),
    col("diagnostics", "u64"),
    col("error", "string", true),
    col("tool_version", "string"),
  ],
  calls: [
    FILE_ID,
    col("call_id", "string"),
    col("first_message", "u64"),
    col("method", "string", true),
    col("state", "string"),
    col("from_uri", "string", true),
    col("to_uri", "string", true),
    col("start_us", "u64", true),
    col("end_us", "u64", true),
    col("final_status", "u32", true),
    col("pdd_us", "u64", true),
    col("messages", "u32"),
    col("dialogs", "u32"),
    col("transactions", "u32"),
    col("retransmissions", "u32"),
    col("linked_call_ids", "string"),
    col("outcomes", "string"),
  ],
  messages: [
    FILE_ID,
    col("idx", "u64"),
    col("ts_us", "u64", true),
    col("frame", "u64", true),
    col("line", "u64", true),
    col("src", "string", true),
    col("dst", "string", true),
    col("transport", "string"),
    col("method", "string", true),
    col("status", "u32", true),
    col("call_id", "string", true),
    col("cseq_method", "string", true),
    col("size", "u32"),
    col("retransmission", "u8"),
  ],
  annotations: [
    FILE_ID,
    col("message", "u64"),
    col("call_id", "string", true),
    col("ts_us", "u64", true),
    col("frame", "u64", true),
    col("line", "u64", true),
    col("code", "u32"),
    col("method", "string", true),
    col("kind", "string"),
    col("outcome", "string"),
    col("severity", "string"),
    col("severity_rank", "u8"),
    col("retransmission", "u8"),
    col("hop_copy", "u8"),
    col("sipfrag_status", "u32", true),
    col("new_call_status", "u32", true),
    col("dropped_transferee", "u8"),
    col("retry_status", "u32", true),
    col("delay_ms", "i64", true),
    col("summary", "string"),
  ],
  flows: [
    FILE_ID,
    col("flow_id", "string"),
    col("aor", "string", true),
    col("instance", "string", true),
    col("reg_id", "i64", true),
    col("transport", "string"),
    col("state", "string"),
    col("failure_kind", "string", true),
    col("failure_us", "u64", true),
    col("reregister_delay_ms", "i64", true),
    col("pings", "u32"),
    col("pongs", "u32"),
    col("unanswered", "u32"),
    col("late", "u32"),
  ],
  diagnostics: [
    FILE_ID,
    col("code", "string"),
    col("severity", "string"),
    col("frame", "u64", true),
    col("line", "u64", true),
    col("message", "string"),
  ],
  diagnostic_counts: [FILE_ID, col("code", "string"), col("severity", "string"), col("count", "u64")],
} as const satisfies Record<string, readonly Column[]>;

export type TableName = keyof typeof TABLES;

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** A stored value: text, a number (integers up to 2^53, which holds µs times until 2255) or NULL. */
export type Cell = string | number | null;

/** One row, cells in the table's column order. */
export type Row = readonly Cell[];

const DUCK_TYPES: Record<ColumnType, string> = { string: "VARCHAR", u64: "UBIGINT", i64: "BIGINT", u32: "UINTEGER", u8: "UTINYINT" };
const CLICK_TYPES: Record<ColumnType, string> = { string: "String", u64: "UInt64", i64: "Int64", u32: "UInt32", u8: "UInt8" };

export function duckdbDdl(table: TableName): string {
  const cols = TABLES[table].map((c) => `${c.name} ${DUCK_TYPES[c.type]}${c.nullable ? "" : " NOT NULL"}`);
  return `CREATE TABLE IF NOT EXISTS ${table} (${cols.join(", ")})`;
}

/** MergeTree ordered by file: a file's rows sit together, and removing a changed file touches one range. */
export function clickhouseDdl(table: TableName, database: string): string {
  const cols = TABLES[table].map((c) => `${c.name} ${c.nullable ? `Nullable(${CLICK_TYPES[c.type]})` : CLICK_TYPES[c.type]}`);
  return `CREATE TABLE IF NOT EXISTS ${database}.${table} (${cols.join(", ")}) ENGINE = MergeTree() ORDER BY file_id`;
}
