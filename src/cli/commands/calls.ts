/**
 * `sipta calls FILE...`: the call list, like sngrep's (start, duration, from, to, state, messages, outcomes,
 * Call-ID). Reads captures, logs or a saved analysis; `#` stays the call's number in the whole analysis under
 * filters; `--per-file` analyses unrelated inputs apart (numbers restart per file, a File column says which).
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { expandInputs } from "../../pipeline/expand-inputs.js";
import { listCallRows, renderCallRows, type CallRow, type CallsTableFormat } from "../../render/calls-table.js";
import { colorFor, outputWidth } from "../env.js";
import { filterDocument, readFilter } from "../filters.js";
import { loadAnalysis } from "../load-analysis.js";
import { Output } from "../output.js";
import { readFiles, readLang, readSourceOptions, withColorOption, withInputOptions, withLangOption } from "../options.js";
import { withFilterOptions, type AnalyzeArgs } from "./analyze.js";

interface CallsArgs extends AnalyzeArgs {
  "per-file"?: boolean;
  width?: number;
}

export const callsCommand: CommandModule<object, CallsArgs> = {
  command: "calls <files..>",
  describe: "list the calls: start, duration, from, to, state, message count, outcomes, Call-ID",
  builder: (y: Argv) =>
    withFilterOptions(withColorOption(withLangOption(withInputOptions(y))))
      .option("format", { describe: "output format", choices: ["text", "json", "csv", "markdown"], default: "text" })
      .option("per-file", { describe: "analyse each input file on its own (unrelated captures that may share Call-IDs)", type: "boolean", default: false })
      .example("$0 calls trace.pcap", "the call list; the # column is what `sipta flow --call N` takes, filtered or not")
      .example("$0 calls trace.pcap --code 4xx,5xx --since 10:01:00", "calls with a failure response after 10:01 on the capture's date")
      .example("$0 analyze big.pcap --format json > a.json && $0 calls a.json", "analyse once, list from the saved analysis in well under a second")
      .example("$0 calls logs/ --format csv > calls.csv", "a spreadsheet of the calls in a folder of logs") as Argv<CallsArgs>,
  handler: async (args: ArgumentsCamelCase<CallsArgs>) => {
    const files = readFiles(args);
    const filter = readFilter(args);
    const opts = { ...readSourceOptions(args), lang: readLang(args.lang) };
    const format = (args.format ?? "text") as CallsTableFormat;
    const table = { format, width: outputWidth(process.stdout, args.width), color: colorFor(process.stdout, args.color) === "ansi" };
    const out = new Output();
    if (args["per-file"] === true) {
      const rows: CallRow[] = [];
      const reports: (() => void)[] = [];
      for (const f of await expandInputs(files)) {
        const loaded = await loadAnalysis([f], opts);
        rows.push(...listCallRows(filterDocument(loaded.doc, filter), loaded.numbers));
        reports.push(loaded.reportDiagnostics);
      }
      await out.write(renderCallRows(rows, { ...table, showFile: true }));
      for (const r of reports) r();
      return;
    }
    const loaded = await loadAnalysis(files, opts);
    const doc = filterDocument(loaded.doc, filter);
    await out.write(renderCallRows(listCallRows(doc, loaded.numbers), { ...table, showFile: doc.files.length > 1 }));
    loaded.reportDiagnostics();
  },
};
