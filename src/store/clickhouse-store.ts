/**
 * The same tables in ClickHouse (`--db clickhouse://HOST:8123/DB`), through the official @clickhouse/client over
 * HTTP. Works with ClickHouse 18.16 (Debian's package): plain MergeTree tables, Nullable columns, JSONEachRow
 * inserts. 64-bit integers come back quoted in JSON; the result's type metadata turns them back into numbers.
 */
import { createClient, type ClickHouseClient } from "@clickhouse/client";
import { TABLE_NAMES, TABLES, clickhouseDdl, type Cell, type Row, type TableName } from "./schema.js";
import type { QueryResult, Store, StoredFile } from "./store.js";

interface JsonResult {
  readonly meta: readonly { readonly name: string; readonly type: string }[];
  readonly data: readonly Record<string, unknown>[];
}

function isNumericType(t: string): boolean {
  return /^(Nullable\()?(U?Int\d+|Float\d+|Decimal)/.test(t);
}

function toCell(v: unknown, numeric: boolean): Cell {
  if (v === null || v === undefined) return null;
  if (numeric) return typeof v === "number" ? v : Number(v);
  return typeof v === "string" ? v : JSON.stringify(v);
}

function sqlString(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

export interface ClickHouseTarget {
  /** http://host:port, without the database or credentials. */
  readonly url: string;
  readonly database: string;
  readonly username?: string;
  readonly password?: string;
}

export class ClickHouseStore implements Store {
  readonly engine = "clickhouse";

  private constructor(
    private readonly client: ClickHouseClient,
    readonly where: string,
  ) {}

  static async open(target: ClickHouseTarget): Promise<ClickHouseStore> {
    const base = createClient({ url: target.url, ...(target.username === undefined ? {} : { username: target.username }), ...(target.password === undefined ? {} : { password: target.password }) });
    await base.command({ query: `CREATE DATABASE IF NOT EXISTS ${target.database}` });
    for (const t of TABLE_NAMES) await base.command({ query: clickhouseDdl(t, target.database) });
    await base.close();
    const client = createClient({
      url: target.url,
      database: target.database,
      ...(target.username === undefined ? {} : { username: target.username }),
      ...(target.password === undefined ? {} : { password: target.password }),
    });
    return new ClickHouseStore(client, `${target.url}/${target.database}`);
  }

  async storedFiles(): Promise<StoredFile[]> {
    const r = await this.query("SELECT file_id, path FROM files ORDER BY path, file_id");
    return r.rows.map((row) => ({ fileId: String(row[0]), path: String(row[1]) }));
  }

  async insert(table: TableName, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = TABLES[table];
    const values = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? null])));
    await this.client.insert({ table, values, format: "JSONEachRow" });
  }

  /** A mutation (ALTER ... DELETE); ClickHouse applies it in the background, so use it for the rare changed file. */
  async removeFile(fileId: string): Promise<void> {
    for (const t of TABLE_NAMES) await this.client.command({ query: `ALTER TABLE ${t} DELETE WHERE file_id = ${sqlString(fileId)}` });
  }

  async query(sql: string): Promise<QueryResult> {
    const rs = await this.client.query({ query: sql, format: "JSON" });
    const json = await rs.json<Record<string, unknown>>() as unknown as JsonResult;
    const columns = json.meta.map((m) => m.name);
    const numeric = json.meta.map((m) => isNumericType(m.type));
    return { columns, rows: json.data.map((d) => columns.map((c, i) => toCell(d[c], numeric[i] === true))) };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
