/**
 * What the report needs from a store, whichever engine holds it: create the tables, know which file contents
 * are already in, add rows, remove a file's rows, and run SQL. The report's SQL is written once and runs on
 * every engine, so `sipta report`, `sipta query` and every output format read the same numbers.
 */
import type { Cell, Row, TableName } from "./schema.js";

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface StoredFile {
  readonly fileId: string;
  readonly path: string;
}

export interface Store {
  /** "duckdb" or "clickhouse"; for messages only, never for choosing SQL. */
  readonly engine: string;
  /** Where the store lives, for messages ("memory", a file, a URL without credentials). */
  readonly where: string;
  /** The files already stored, by content hash. */
  storedFiles(): Promise<StoredFile[]>;
  insert(table: TableName, rows: readonly Row[]): Promise<void>;
  /** Removes every row of one stored file (a changed file's old content, or a file whose analysis broke). */
  removeFile(fileId: string): Promise<void>;
  query(sql: string): Promise<QueryResult>;
  close(): Promise<void>;
}
