/**
 * The embedded store: DuckDB through @duckdb/node-api, in memory (the default) or in a file (`--db F.duckdb`).
 * Rows are held up to 50 000 and go in through DuckDB's appender (columnar, no SQL text per row; any query,
 * removal or close writes them first); query results come back as plain
 * numbers and strings so that every renderer sees what ClickHouse would give.
 */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { TABLE_NAMES, TABLES, duckdbDdl, type Cell, type Column, type Row, type TableName } from "./schema.js";
import type { QueryResult, Store, StoredFile } from "./store.js";

/** A DuckDB value as a report cell: integers (BIGINT, HUGEINT) as numbers, decimals as doubles, the rest as text. */
function toCell(v: DuckDBValue): Cell {
  if (v === null || typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "object" && "toDouble" in v && typeof v.toDouble === "function") return v.toDouble();
  return String(v);
}

function appendCell(app: DuckDBAppender, column: Column, cell: Cell): void {
  if (cell === null) {
    app.appendNull();
    return;
  }
  switch (column.type) {
    case "string":
      app.appendVarchar(String(cell));
      return;
    case "u64":
      app.appendUBigInt(BigInt(Math.max(0, Math.trunc(Number(cell)))));
      return;
    case "i64":
      app.appendBigInt(BigInt(Math.trunc(Number(cell))));
      return;
    case "u32":
      app.appendUInteger(Math.max(0, Math.trunc(Number(cell))));
      return;
    case "u8":
      app.appendUTinyInt(Math.max(0, Math.trunc(Number(cell))));
      return;
  }
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Rows held before one appender writes them: an appender per small batch cost more than the analysis itself. */
const FLUSH_ROWS = 50_000;

export class DuckDbStore implements Store {
  readonly engine = "duckdb";
  private readonly pending = new Map<TableName, Row[]>();
  private pendingRows = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly where: string,
  ) {}

  /** Opens (or creates) the store; `path` null keeps it in memory. */
  static async open(path: string | null): Promise<DuckDbStore> {
    const instance = await DuckDBInstance.create(path ?? ":memory:");
    const conn = await instance.connect();
    for (const t of TABLE_NAMES) await conn.run(duckdbDdl(t));
    return new DuckDbStore(instance, conn, path ?? "memory");
  }

  /** Writes the held rows, one appender per table. */
  private async flush(): Promise<void> {
    if (this.pendingRows === 0) return;
    for (const [table, rows] of this.pending) {
      if (rows.length === 0) continue;
      const columns: readonly Column[] = TABLES[table];
      const app = await this.conn.createAppender(table);
      for (const row of rows) {
        columns.forEach((c, i) => {
          appendCell(app, c, row[i] ?? null);
        });
        app.endRow();
      }
      app.closeSync();
    }
    this.pending.clear();
    this.pendingRows = 0;
  }

  async storedFiles(): Promise<StoredFile[]> {
    const r = await this.query("SELECT file_id, path FROM files ORDER BY path, file_id");
    return r.rows.map((row) => ({ fileId: String(row[0]), path: String(row[1]) }));
  }

  async insert(table: TableName, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    let held = this.pending.get(table);
    if (held === undefined) {
      held = [];
      this.pending.set(table, held);
    }
    for (const r of rows) held.push(r);
    this.pendingRows += rows.length;
    if (this.pendingRows >= FLUSH_ROWS) await this.flush();
  }

  async removeFile(fileId: string): Promise<void> {
    await this.flush();
    for (const t of TABLE_NAMES) await this.conn.run(`DELETE FROM ${t} WHERE file_id = ${sqlString(fileId)}`);
  }

  async query(sql: string): Promise<QueryResult> {
    await this.flush();
    const reader = await this.conn.runAndReadAll(sql);
    return { columns: reader.columnNames(), rows: reader.getRows().map((r) => r.map(toCell)) };
  }

  async close(): Promise<void> {
    await this.flush();
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
