/**
 * `sipta query --db STORE "SQL"`: ad-hoc questions to a report store (DuckDB file or ClickHouse), answered as an
 * aligned table (default), CSV or JSON. Stored text came from captures: the table escapes it for the terminal,
 * CSV neutralises formulas, JSON is JSON.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { UsageError } from "../../diagnostics/errors.js";
import { formatCsvRow } from "../../render/csv-cell.js";
import { escapeVisible } from "../../render/escape-visible.js";
import { measureWidth } from "../../render/text-width.js";
import type { QueryResult } from "../../store/store.js";
import { openStore } from "../../store/open-store.js";
import { Output } from "../output.js";
import { ExitCode } from "../exit-codes.js";

export interface QueryArgs {
  sql?: string;
  db?: string;
  format?: string;
  [key: string]: unknown;
}

function asTable(r: QueryResult): string {
  const text = (c: string | number | null | undefined): string => (c === null || c === undefined ? "NULL" : escapeVisible(String(c)));
  const rows = [r.columns.map(text), ...r.rows.map((row) => row.map(text))];
  const widths = r.columns.map((_, j) => Math.max(...rows.map((row) => measureWidth(row[j] ?? ""))));
  const line = (row: readonly string[]): string => row.map((c, j) => c + " ".repeat(Math.max(0, (widths[j] ?? 0) - measureWidth(c)))).join("  ").trimEnd();
  return [line(rows[0] ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n") + `\n(${r.rows.length} row${r.rows.length === 1 ? "" : "s"})\n`;
}

function asJson(r: QueryResult): string {
  return `${JSON.stringify(r.rows.map((row) => Object.fromEntries(r.columns.map((c, j) => [c, row[j] ?? null]))), null, 2)}\n`;
}

export const queryCommand: CommandModule<object, QueryArgs> = {
  command: "query <sql>",
  describe: "run SQL on a report store (tables: files, calls, messages, annotations, flows, diagnostics, diagnostic_counts; docs/store.md)",
  builder: (y: Argv) =>
    y
      .positional("sql", { describe: "the SQL to run", type: "string", demandOption: true })
      .option("db", { describe: "the store: a DuckDB file or clickhouse://HOST:8123/DB", type: "string", demandOption: true })
      .option("format", { describe: "output format", choices: ["table", "csv", "json"], default: "table" })
      .example(`$0 query --db traces.duckdb "SELECT code, count(*) AS n FROM annotations GROUP BY code ORDER BY n DESC"`, "response codes across the store")
      .example(`$0 query --db clickhouse://ch1:8123/sipta "SELECT path, error FROM files WHERE error IS NOT NULL" --format csv`, "files that failed, as CSV"),
  handler: async (args: ArgumentsCamelCase<QueryArgs>) => {
    process.exitCode = await runQuery(args);
  },
};

export async function runQuery(args: QueryArgs): Promise<number> {
  if (args.db === undefined || args.db === "") throw new UsageError("--db STORE is required (a DuckDB file or clickhouse://HOST:8123/DB)");
  if (args.sql === undefined || args.sql.trim() === "") throw new UsageError("give the SQL to run");
  const store = await openStore(args.db);
  try {
    let result: QueryResult;
    try {
      result = await store.query(args.sql);
    } catch (e) {
      throw new UsageError(`the store rejected the SQL: ${escapeVisible(e instanceof Error ? e.message : String(e))}`);
    }
    const out = new Output();
    if (args.format === "csv") await out.write(formatCsvRow(result.columns) + result.rows.map((r) => formatCsvRow(r)).join(""));
    else if (args.format === "json") await out.write(asJson(result));
    else await out.write(asTable(result));
  } finally {
    await store.close();
  }
  return ExitCode.Ok;
}
