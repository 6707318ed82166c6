/**
 * `sipta analyze FILE...`: the report. Text (default) with every annotated response expanded, or the JSON
 * document, NDJSON (streamed: memory stays flat), Markdown, or one self-contained HTML file.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import type { AnalysisDocument } from "../../model/document.js";
import { analyze, analyzeStream } from "../../pipeline/analyze.js";
import { renderJsonReport } from "../../render/report-json.js";
import { writeTextReport } from "../../render/report-text.js";
import { writeMarkdownReport } from "../../render/report-markdown.js";
import { renderHtmlReport } from "../../render/html/report-html.js";
import { orderRecord, stringifyJson } from "../../render/json-text.js";
import { colorFor, terminalWidth } from "../env.js";
import { filterDocument, isFilterActive, messageMatches, readFilter } from "../filters.js";
import { Output } from "../output.js";
import { readFiles, readLang, readSourceOptions, withColorOption, withInputOptions, withLangOption } from "../options.js";
import { failOnMatches, readFailOn } from "../fail-on.js";
import { RawMessages } from "../raw-messages.js";
import { ExitCode } from "../exit-codes.js";
import { Progress } from "../progress.js";

export interface AnalyzeArgs {
  files?: string[];
  format?: string;
  lang?: string;
  color?: boolean;
  "only-annotated"?: boolean;
  "call-id"?: string[];
  code?: string[];
  method?: string[];
  address?: string[];
  since?: string;
  until?: string;
  "fail-on"?: string[];
  "log-format"?: string;
  date?: string;
  tz?: string;
  [key: string]: unknown;
}

export function withFilterOptions<T>(y: Argv<T>) {
  return y
    .option("call-id", { describe: "only calls with this Call-ID (comma-separated or repeated)", type: "string", array: true })
    .option("code", { describe: "only calls with a response of these codes, e.g. 202,302,430", type: "string", array: true })
    .option("method", { describe: "only calls with these methods, e.g. REFER,NOTIFY", type: "string", array: true })
    .option("address", { describe: "only calls touching this IP or IP:port", type: "string", array: true })
    .option("since", { describe: "only messages at or after this time (2026-01-01T10:00:00Z)", type: "string" })
    .option("until", { describe: "only messages at or before this time", type: "string" });
}

export const analyzeCommand: CommandModule<object, AnalyzeArgs> = {
  command: ["analyze <files..>", "$0 <files..>"],
  describe: "analyze captures/logs: calls, transfers, redirects, outbound flows, every response explained",
  builder: (y: Argv) =>
    withFilterOptions(withColorOption(withLangOption(withInputOptions(y))))
      .option("format", { describe: "output format", choices: ["text", "json", "ndjson", "markdown", "html"], default: "text" })
      .option("only-annotated", { describe: "show only messages that carry a tracker annotation (text, markdown)", type: "boolean", default: false })
      .option("fail-on", { describe: "exit 1 when an annotation has one of these outcomes (e.g. no-notify,transfer-failed,request-lost; or kind:outcome)", type: "string", array: true })
      .example("$0 analyze trace.pcap", "text report, annotated responses expanded")
      .example("$0 analyze trace.pcap --format json > report.json", "the JSON document (docs/json-output.md)")
      .example("$0 analyze logs/ --code 202,302,430 --only-annotated", "transfers, redirects and flow failures in a folder of logs")
      .example("$0 analyze trace.pcapng --format html > report.html", "a self-contained HTML report")
      .example("$0 analyze trace.pcap --fail-on no-notify,transfer-failed", "exit 1 in CI when a transfer broke") as Argv<AnalyzeArgs>,
  handler: async (args: ArgumentsCamelCase<AnalyzeArgs>) => {
    process.exitCode = await runAnalyze(args);
  },
};

export async function runAnalyze(args: AnalyzeArgs): Promise<number> {
  const files = readFiles(args);
  const source = readSourceOptions(args);
  const lang = readLang(args.lang);
  const filter = readFilter(args);
  const failOn = readFailOn(args["fail-on"]);
  const out = new Output();
  const format = args.format ?? "text";
  let failed = false;
  const streamingToTty = format === "ndjson" && (process.stdout.isTTY as boolean | undefined) === true;
  const progress = streamingToTty ? null : await Progress.start(files);
  const withProgress = { ...source, onInputBytes: progress?.add };

  if (format === "ndjson") {
    // Lines are batched: one awaited write per 64 KiB, not per record.
    let batch = "";
    for await (const ev of analyzeStream(files, { ...withProgress, lang })) {
      let line: string | null;
      if (ev.type === "summary") {
        line = stringifyJson({ type: "summary", ...orderRecord("summary", ev.summary), files: ev.files.map((f) => orderRecord("file", f)) });
      } else {
        if (ev.type === "annotation" && failOnMatches(failOn, ev.annotation)) failed = true;
        line = null;
        const skip = isFilterActive(filter) && ((ev.type === "message" && !messageMatches(ev.message, filter)) || (ev.type === "call" && filter.callIds !== null && !filter.callIds.has(ev.call.callId)));
        if (!skip) {
          const record = ev.type === "message" ? ev.message : ev.type === "annotation" ? ev.annotation : ev.type === "call" ? ev.call : ev.type === "flow" ? ev.flow : ev.diagnostic;
          line = stringifyJson({ type: ev.type, ...orderRecord(ev.type, record) });
        }
      }
      if (line === null) continue;
      batch += `${line}\n`;
      if (batch.length >= 65536) {
        await out.write(batch);
        batch = "";
      }
    }
    if (batch.length > 0) await out.write(batch);
    progress?.done();
    return failed ? ExitCode.FailOn : ExitCode.Ok;
  }

  const raw = format === "html" ? new RawMessages() : null;
  const full: AnalysisDocument = await analyze(files, { ...withProgress, lang, ...(raw === null ? {} : { onMessage: (m) => { raw.add(m); } }) });
  progress?.done();
  failed = full.annotations.some((a) => failOnMatches(failOn, a));
  const doc = filterDocument(full, filter);
  switch (format) {
    case "json":
      await out.write(renderJsonReport(doc));
      break;
    case "markdown":
      await out.writeAll(writeMarkdownReport(doc, { onlyAnnotated: args["only-annotated"] === true }));
      break;
    case "html":
      await out.write(renderHtmlReport(doc, { raw: (i) => raw?.get(i) ?? null, title: `sipta report: ${files.join(", ")}` }));
      break;
    default:
      await out.writeAll(writeTextReport(doc, { color: colorFor(process.stdout, args.color) === "ansi", onlyAnnotated: args["only-annotated"] === true, width: terminalWidth(process.stdout) }));
  }
  return failed ? ExitCode.FailOn : ExitCode.Ok;
}
