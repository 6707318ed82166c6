/**
 * The embedded store: DuckDB through @duckdb/node-api, in memory (the default) or in a file (`--db F.duckdb`).
 * Rows go in through DuckDB's appender (columnar, no SQL text per row); query results come back as plain
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

export class DuckDbStore implements Store {
  readonly engine = "duckdb";

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

  async storedFiles(): Promise<StoredFile[]> {
    const r = await this.query("SELECT file_id, path FROM files ORDER BY path, file_id");
    return r.rows.map((row) => ({ fileId: String(row[0]), path: String(row[1]) }));
  }

  async insert(table: TableName, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
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

  async removeFile(fileId: string): Promise<void> {
    for (const t of TABLE_NAMES) await this.conn.run(`DELETE FROM ${t} WHERE file_id = ${sqlString(fileId)}`);
  }

  async query(sql: string): Promise<QueryResult> {
    const reader = await this.conn.runAndReadAll(sql);
    return { columns: reader.columnNames(), rows: reader.getRows().map((r) => r.map(toCell)) };
  }

  close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
    return Promise.resolve();
  }
}
