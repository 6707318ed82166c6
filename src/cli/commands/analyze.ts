/**
 * `sipta analyze FILE...`: the report. Text (default) with every annotated response expanded, or the JSON
 * document, NDJSON (streamed: memory stays flat), Markdown, or one self-contained HTML file.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import type { AnalysisDocument, DiagnosticRecord, FileSummary } from "../../model/document.js";
import { analyzeStream, type AnalyzeOptions } from "../../pipeline/analyze.js";
import { renderJsonReport } from "../../render/report-json.js";
import { writeTextReport } from "../../render/report-text.js";
import { writeMarkdownReport } from "../../render/report-markdown.js";
import { writeHtmlReport } from "../../render/html/report-html.js";
import { orderRecord, stringifyJson, stringifyTypedRecord } from "../../render/json-text.js";
import { colorFor, proseWidth } from "../env.js";
import { bindFilter, filterDocument, isFilterActive, messageMatches, readFilter, type BoundFilter, type MessageFilter } from "../filters.js";
import { callIdContains } from "../call-id-match.js";
import { loadAnalysis } from "../load-analysis.js";
import { canStreamJson, writeJsonStreamed } from "../json-streamed.js";
import { checkInputsRead } from "../input-verdict.js";
import { Output } from "../output.js";
import { readFiles, readLang, readSourceOptions, withColorOption, withInputOptions, withLangOption } from "../options.js";
import { FailOnReport, failOnMatches, readFailOn, type FailOn } from "../fail-on.js";
import { ExitCode } from "../exit-codes.js";
import { Progress } from "../progress.js";

export interface AnalyzeArgs {
  files?: string[];
  format?: string;
  lang?: string;
  color?: boolean;
  "only-annotated"?: boolean;
  all?: boolean;
  raw?: boolean;
  width?: number;
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
    .option("call-id", { describe: "only calls whose Call-ID is, starts with or contains this (comma-separated or repeated)", type: "string", array: true })
    .option("code", { describe: "only calls with a response of these codes or classes, e.g. 202,302,430 or 4xx,5xx", type: "string", array: true })
    .option("method", { describe: "only calls with these methods, e.g. REFER,NOTIFY", type: "string", array: true })
    .option("address", { describe: "only calls touching this IP or IP:port", type: "string", array: true })
    .option("state", { describe: "only calls in this state: failed (busy, rejected, failed, request-failed) or a state of `sipta calls`", type: "string", array: true })
    .option("since", { describe: "only messages at or after this time: 10:01:00 (on the capture's date), +2m (from its start), or 2026-01-01T10:00:00Z", type: "string" })
    .option("until", { describe: "only messages at or before this time (same forms as --since)", type: "string" });
}

export const analyzeCommand: CommandModule<object, AnalyzeArgs> = {
  command: ["analyze <files..>", "$0 <files..>"],
  describe: "analyze captures/logs: calls, transfers, redirects, outbound flows, every response explained",
  builder: (y: Argv) =>
    withFilterOptions(withColorOption(withLangOption(withInputOptions(y))))
      .option("format", { describe: "output format", choices: ["text", "json", "ndjson", "markdown", "html"], default: "text" })
      .option("only-annotated", { describe: "show only messages that carry a tracker annotation (text, markdown)", type: "boolean", default: false })
      .option("all", { describe: "text: every call and every message (default: the summary and the calls with problems)", type: "boolean", default: false })
      .option("raw", { describe: "json: add each message's raw text as captured (`raw`), for `sipta show` on the saved file", type: "boolean", default: false })
      .option("fail-on", { describe: "exit 1 (and say what matched on stderr) when an annotation has one of these outcomes (no-notify,transfer-failed; or kind:outcome), severities (error, warning) or codes (486, 5xx)", type: "string", array: true })
      .example("$0 analyze trace.pcap", "text report: responses by code, the summary and the calls with problems (--all: everything)")
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
  const report = new FailOnReport();
  const format = args.format ?? "text";
  const code = format === "ndjson" ? await streamNdjson(files, { ...source, lang }, filter, failOn, report) : await renderDocument(args, files, { ...source, lang }, filter, failOn, report);
  if (report.matched) process.stderr.write(`${report.lines().join("\n")}\n`);
  return code;
}

async function streamNdjson(files: readonly string[], opts: AnalyzeOptions, filter: MessageFilter, failOn: FailOn | null, report: FailOnReport): Promise<number> {
  const out = new Output();
  const progress = (process.stdout.isTTY as boolean | undefined) === true ? null : await Progress.start(files);
  let bound: BoundFilter | null = null;
  const active = isFilterActive(filter);
  // Lines are batched: one awaited write per 64 KiB, not per record.
  let batch = "";
  const inputDiagnostics: DiagnosticRecord[] = [];
  let inputFiles: readonly FileSummary[] = [];
  for await (const ev of analyzeStream(files, { ...opts, onInputBytes: progress?.add })) {
    let line: string | null;
    // File-level diagnostics only (no frame, no line): one or two per input, so memory stays flat.
    if (ev.type === "diagnostic" && ev.diagnostic.frame === null && ev.diagnostic.line === null) inputDiagnostics.push(ev.diagnostic);
    if (ev.type === "summary") {
      inputFiles = ev.files;
      line = stringifyJson({ type: "summary", ...orderRecord("summary", ev.summary), files: ev.files.map((f) => orderRecord("file", f)) });
    } else {
      if (ev.type === "annotation" && failOnMatches(failOn, ev.annotation)) report.add(ev.annotation);
      if (ev.type === "message" && bound === null) bound = bindFilter(filter, ev.message.ts);
      const skip = active && bound !== null && ((ev.type === "message" && !messageMatches(ev.message, bound)) || (ev.type === "call" && filter.callIds !== null && !filter.callIds.some((fr) => callIdContains(ev.call.callId, fr))));
      const record = ev.type === "message" ? ev.message : ev.type === "annotation" ? ev.annotation : ev.type === "call" ? ev.call : ev.type === "flow" ? ev.flow : ev.diagnostic;
      line = skip ? null : stringifyTypedRecord(ev.type, record);
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
  // The NDJSON (diagnostics and summary included) is written either way; the verdict is on stderr and the exit code.
  checkInputsRead(inputFiles, inputDiagnostics);
  return report.matched ? ExitCode.FailOn : ExitCode.Ok;
}

async function renderDocument(args: AnalyzeArgs, files: readonly string[], opts: AnalyzeOptions, filter: MessageFilter, failOn: FailOn | null, report: FailOnReport): Promise<number> {
  const format = args.format ?? "text";
  if (format === "json" && args.raw !== true && !isFilterActive(filter) && (await canStreamJson(files))) {
    await writeJsonStreamed(files, opts, failOn, report, new Output());
    return report.matched ? ExitCode.FailOn : ExitCode.Ok;
  }
  const wantRaw = format === "html" || (format === "json" && args.raw === true);
  // A text report on a terminal shows the diagnostics' sentences itself, on the same screen: not twice.
  const textOnTty = format === "text" && (process.stdout.isTTY as boolean | undefined) === true;
  const loaded = await loadAnalysis(files, { ...opts, keepRaw: () => wantRaw, printDiagnostics: !textOnTty });
  for (const a of loaded.doc.annotations) if (failOnMatches(failOn, a)) report.add(a);
  const doc = filterDocument(loaded.doc, filter);
  const raw = (i: number): string | null => loaded.raw.get(i);
  const out = new Output();
  switch (format) {
    case "json":
      await out.write(renderJsonReport(args.raw === true ? withRawText(doc, raw) : doc));
      break;
    case "markdown":
      await out.writeAll(writeMarkdownReport(doc, { onlyAnnotated: args["only-annotated"] === true }));
      break;
    case "html":
      await out.writeAll(writeHtmlReport(doc, { raw, title: `report: ${files.join(", ")}` }));
      break;
    default:
      await out.writeAll(writeTextReport(doc, { color: colorFor(process.stdout, args.color) === "ansi", onlyAnnotated: args["only-annotated"] === true, width: proseWidth(process.stdout, args.width), problemsOnly: args.all !== true && args["only-annotated"] !== true, numbers: loaded.numbers }));
  }
  loaded.reportDiagnostics();
  return report.matched ? ExitCode.FailOn : ExitCode.Ok;
}

/** The document with each message's raw text as an added `raw` field (schema: fields may be added). */
function withRawText(doc: AnalysisDocument, raw: (i: number) => string | null): AnalysisDocument {
  return { ...doc, messages: doc.messages.map((m) => ({ ...m, raw: raw(m.index) })) };
}
