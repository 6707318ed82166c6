/** Options shared by the commands, as data (yargs builders) and as a typed reading of argv. */
import type { Argv } from "yargs";
import { TEXT_LOG_FORMATS, isTextLogFormat, type TextLogFormat } from "../textlog/index.js";
import type { Lang } from "../model/document.js";
import { UsageError } from "../diagnostics/errors.js";
import type { SourceOptions } from "../pipeline/source.js";
import { langFromEnv } from "./env.js";

export const LANGS: readonly Lang[] = ["en", "vi", "zh"];

/** Stands for "-" (stdin) while yargs parses the command line. */
export const STDIN_ARG = "\u0000stdin";

export function withInputOptions<T>(y: Argv<T>) {
  return y
    .positional("files", { describe: "capture (pcap, pcapng, .gz), text log, or directory; - reads stdin", type: "string", array: true, demandOption: true })
    .option("log-format", { describe: `force a text-log format (${TEXT_LOG_FORMATS.map((f) => f.name).join(", ")})`, type: "string" })
    .option("date", { describe: "date (YYYY-MM-DD) for logs that print only the time of day", type: "string" })
    .option("tz", { describe: "time zone of a log's local times (UTC, +07:00)", type: "string" });
}

export function withLangOption<T>(y: Argv<T>) {
  return y.option("lang", { describe: "language of explanations (default from LC_ALL/LANG)", choices: LANGS, default: langFromEnv(), defaultDescription: "from LC_ALL/LANG, else en" });
}

export function withColorOption<T>(y: Argv<T>) {
  return y
    .option("color", { describe: "colour output (default: only on a terminal; NO_COLOR / FORCE_COLOR honoured)", type: "boolean" })
    .option("width", { describe: "fit tables and ladders to N columns (default: COLUMNS, else the terminal; never cut when not a terminal)", type: "number" });
}

interface InputArgs {
  readonly files?: readonly string[] | undefined;
  readonly "log-format"?: string | undefined;
  readonly date?: string | undefined;
  readonly tz?: string | undefined;
}

export function readFiles(args: InputArgs): string[] {
  const files = (args.files ?? []).map((f) => (f === STDIN_ARG ? "-" : f));
  if (files.length === 0) throw new UsageError("no input: give one or more capture or log files (or - for stdin)");
  return files;
}

export function readSourceOptions(args: InputArgs): SourceOptions {
  const lf = args["log-format"];
  let logFormat: TextLogFormat | undefined;
  if (lf !== undefined) {
    if (!isTextLogFormat(lf)) throw new UsageError(`unknown --log-format ${JSON.stringify(lf)}; one of: ${TEXT_LOG_FORMATS.map((f) => f.name).join(", ")}`);
    logFormat = lf;
  }
  if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.date)) throw new UsageError(`--date must be YYYY-MM-DD, got ${JSON.stringify(args.date)}`);
  return { logFormat, date: args.date, tz: args.tz };
}

export function readLang(v: unknown): Lang {
  return v === "vi" || v === "zh" ? v : "en";
}
