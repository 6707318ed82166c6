/**
 * `sipta report PATH...`: many captures and logs → one report, computed by SQL over a store (DuckDB in memory by
 * default, a DuckDB file or ClickHouse with --db). Files are analysed in worker threads; a file that fails is
 * listed with why and the batch goes on; the exit code is 3 when any file failed. `--db F` without paths
 * reports from the store alone.
 */
import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { UsageError } from "../../diagnostics/errors.js";
import { buildBatchReport } from "../../report/report-queries.js";
import { ingest } from "../../report/ingest.js";
import { renderReportCsv } from "../../report/render-csv.js";
import { renderReportHtml } from "../../report/render-html.js";
import { renderReportJson } from "../../report/render-json.js";
import { renderReportMarkdown } from "../../report/render-markdown.js";
import { drawWorstLadders } from "../../report/worst-ladders.js";
import { defaultJobs } from "../../report/worker-pool.js";
import { openStore } from "../../store/open-store.js";
import { escapeVisible } from "../../render/escape-visible.js";
import { ExitCode } from "../exit-codes.js";
import { readLang, readSourceOptions, STDIN_ARG, withLangOption } from "../options.js";
import { Output } from "../output.js";
import { reportProgress } from "../report-progress.js";

export interface ReportArgs {
  paths?: string[];
  recursive?: boolean;
  jobs?: number;
  out?: string;
  format?: string;
  db?: string;
  messages?: boolean;
  timestamp?: boolean;
  lang?: string;
  "log-format"?: string;
  date?: string;
  tz?: string;
  [key: string]: unknown;
}

const FORMATS = ["markdown", "json", "csv", "html"] as const;
type ReportFormat = (typeof FORMATS)[number];
const BY_EXTENSION: Readonly<Record<string, ReportFormat>> = { ".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv", ".html": "html", ".htm": "html" };

function formatOf(args: ReportArgs): ReportFormat {
  if (args.format !== undefined) return args.format as ReportFormat;
  if (args.out === undefined) return "markdown";
  const f = BY_EXTENSION[extname(args.out).toLowerCase()];
  if (f === undefined) throw new UsageError(`--out ${JSON.stringify(args.out)}: give a .html, .md, .json or .csv file (or --format)`);
  return f;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: "report [paths..]",
  describe: "one report over many captures and logs (folders too), computed by SQL over a DuckDB or ClickHouse store",
  builder: (y: Argv) =>
    withLangOption(y)
      .positional("paths", { describe: "captures, logs or folders (formats detected by content)", type: "string", array: true })
      .option("recursive", { alias: "r", describe: "descend into subfolders", type: "boolean", default: false })
      .option("jobs", { alias: "j", describe: "files analysed in parallel (worker threads)", type: "number", default: defaultJobs(), defaultDescription: "number of cores" })
      .option("out", { alias: "o", describe: "write the report to this file; the format follows its extension (.html .md .json .csv)", type: "string" })
      .option("format", { describe: "report format (default: from --out, else markdown on stdout)", choices: FORMATS })
      .option("db", { describe: "store: a DuckDB file (kept; re-runs add only new or changed files) or clickhouse://HOST:8123/DB; default: DuckDB in memory", type: "string" })
      .option("messages", { describe: "also store every message (messages table) for ad-hoc queries", type: "boolean", default: false })
      .option("timestamp", { describe: "print the generation time (--no-timestamp: the same store gives the same bytes)", type: "boolean", default: true })
      .option("log-format", { describe: "force a text-log format for every log", type: "string" })
      .option("date", { describe: "date (YYYY-MM-DD) for logs that print only the time of day", type: "string" })
      .option("tz", { describe: "time zone of the logs' local times (UTC, +07:00)", type: "string" })
      .example("$0 report /data/customer-42 -r --out report.html", "every capture and log under a folder, one HTML report")
      .example("$0 report nightly/ --db traces.duckdb --out week.md", "add last night's files to a store, report over all of it")
      .example("$0 report --db traces.duckdb --out report.json", "report from the store alone")
      .example("$0 report /var/spool/sip --db clickhouse://ch1:8123/sipta", "write to ClickHouse; the same SQL reports there") as Argv<ReportArgs>,
  handler: async (args: ArgumentsCamelCase<ReportArgs>) => {
    process.exitCode = await runReport(args);
  },
};

export async function runReport(args: ReportArgs): Promise<number> {
  const paths = (args.paths ?? []).map((p) => (p === STDIN_ARG ? "-" : p));
  if (paths.includes("-")) throw new UsageError("report reads files and folders, not stdin (use `sipta analyze -` for a pipe)");
  if (paths.length === 0 && args.db === undefined) throw new UsageError("give captures, logs or folders to report on, or --db STORE to report from a store");
  const jobs = args.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number >= 1, got ${String(args.jobs)}`);
  const format = formatOf(args);
  const source = readSourceOptions(args);
  const store = await openStore(args.db);
  let failedFiles = 0;
  try {
    if (paths.length > 0) {
      const progress = reportProgress();
      const result = await ingest(store, paths, {
        recursive: args.recursive === true,
        jobs,
        lang: readLang(args.lang),
        withMessages: args.messages === true,
        logFormat: source.logFormat,
        date: source.date,
        tz: source.tz,
        ...(progress === null ? {} : { progress }),
      });
      failedFiles = result.failed.length;
      for (const f of result.failed) process.stderr.write(`sipta: ${escapeVisible(f.path)}: ${escapeVisible(f.why)}\n`);
      if (args.db !== undefined) process.stderr.write(`sipta: ${result.analysed} file(s) added to ${escapeVisible(store.where)}, ${result.skipped} already there, ${result.failed.length} failed\n`);
    }
    const report = await buildBatchReport(store, { generatedAt: args.timestamp === false ? null : new Date().toISOString() });
    const text =
      format === "json" ? renderReportJson(report) : format === "csv" ? renderReportCsv(report) : format === "html" ? renderReportHtml(report, await drawWorstLadders(report)) : renderReportMarkdown(report);
    if (args.out !== undefined) await writeFile(args.out, text);
    else await new Output().write(text);
  } finally {
    await store.close();
  }
  return failedFiles > 0 ? ExitCode.InputUnreadable : ExitCode.Ok;
}
