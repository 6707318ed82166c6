/** `sipta calls FILE...`: the call list, like sngrep's (start, duration, from, to, state, messages, outcomes). */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { analyze } from "../../pipeline/analyze.js";
import { renderCallsTable, type CallsTableFormat } from "../../render/calls-table.js";
import { colorFor, terminalWidth } from "../env.js";
import { filterDocument, readFilter } from "../filters.js";
import { Output } from "../output.js";
import { readFiles, readLang, readSourceOptions, withColorOption, withInputOptions, withLangOption } from "../options.js";
import { withFilterOptions, type AnalyzeArgs } from "./analyze.js";

export const callsCommand: CommandModule<object, AnalyzeArgs> = {
  command: "calls <files..>",
  describe: "list the calls: start, duration, from, to, state, message count, outcomes",
  builder: (y: Argv) =>
    withFilterOptions(withColorOption(withLangOption(withInputOptions(y))))
      .option("format", { describe: "output format", choices: ["text", "json", "csv", "markdown"], default: "text" })
      .example("$0 calls trace.pcap", "the call list; the # column is what `sipta flow --call N` takes")
      .example("$0 calls logs/ --format csv > calls.csv", "a spreadsheet of the calls in a folder of logs") as Argv<AnalyzeArgs>,
  handler: async (args: ArgumentsCamelCase<AnalyzeArgs>) => {
    const doc = filterDocument(await analyze(readFiles(args), { ...readSourceOptions(args), lang: readLang(args.lang) }), readFilter(args));
    const format = (args.format ?? "text") as CallsTableFormat;
    await new Output().write(renderCallsTable(doc, { format, width: terminalWidth(process.stdout), color: colorFor(process.stdout, args.color) === "ansi" }));
  },
};
