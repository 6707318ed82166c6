/**
 * `sipta messages FILE...`: every SIP message, streamed, as a width-aware table, NDJSON, JSON or CSV
 * (docs/json-output.md), with the message-level filters of `calls` (--call-id fragments, --code 4xx, --method,
 * --address, --since 10:01:00) and `--raw` for the text as captured. Also runs `lint` (grammar violations only).
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { UsageError } from "../../diagnostics/errors.js";
import { CollectingSink } from "../../diagnostics/sink.js";
import { expandInputs } from "../../pipeline/expand-inputs.js";
import { mergeByTime } from "../../pipeline/merge-by-time.js";
import { ParseStage } from "../../pipeline/parse-stage.js";
import { toMessageRecord } from "../../pipeline/message-record.js";
import { readTraceEvents, type SourceInfo } from "../../pipeline/source.js";
import { toDiagnosticRecord } from "../../pipeline/analyze.js";
import { checkGrammar } from "../../sip/grammar.js";
import { fileRef, originRef, formatSourceRef } from "../../model/origin.js";
import type { MessageRecord } from "../../model/document.js";
import { formatMessageCsv, MESSAGES_CSV_HEADER, StreamedMessagesTable, type MessageRow } from "../../render/messages-table.js";
import { renderRawBlock } from "../../render/raw-message.js";
import { escapeVisible } from "../../render/escape-visible.js";
import { formatCsvRow } from "../../render/csv-cell.js";
import { stringifyRecord } from "../../render/json-text.js";
import { Output } from "../output.js";
import { Progress } from "../progress.js";
import { colorFor, outputWidth } from "../env.js";
import { bindFilter, isFilterActive, messageMatches, readFilter, type BoundFilter } from "../filters.js";
import { checkInputsRead, VERDICT_CODES } from "../input-verdict.js";
import { makeDiagnostic } from "../../diagnostics/diagnostic.js";
import { readFiles, readSourceOptions, withColorOption, withInputOptions } from "../options.js";
import { reportDiagnosticSummary } from "../diagnostic-summary.js";
import { withFilterOptions } from "./analyze.js";

interface MessagesArgs {
  files?: string[];
  format?: string;
  strict?: boolean;
  raw?: boolean;
  color?: boolean;
  width?: number;
  "log-format"?: string;
  date?: string;
  tz?: string;
  [key: string]: unknown;
}

/** Rows measured before the table's widths are fixed. */
const SAMPLE = 200;
/** Frames of recent messages, to name the original of a HEP copy (bounded). */
const RECENT = 100_000;

export const messagesCommand: CommandModule<object, MessagesArgs> = {
  command: "messages <files..>",
  describe: "list every SIP message (frame or line, time, addresses, method or status, CSeq, Call-ID)",
  builder: (y: Argv) =>
    withFilterOptions(withColorOption(withInputOptions(y)))
      .option("format", { describe: "output format", choices: ["table", "text", "ndjson", "json", "csv"], default: "table" })
      .option("raw", { describe: "each message as captured (headers and body); in ndjson/json/csv a `raw` field", type: "boolean", default: false })
      .option("strict", { describe: "also check every header against RFC 3261's grammar (jssip)", type: "boolean", default: false })
      .example("$0 messages call.pcap", "table of all SIP messages")
      .example("$0 messages call.pcap --call-id 22d77d74 --raw", "every message of one call, as captured")
      .example("$0 messages call.pcap --code 4xx,5xx --format csv > failures.csv", "failure responses as CSV")
      .example("tcpdump -U -w - port 5060 | $0 messages - --format ndjson", "stream a live capture as NDJSON") as Argv<MessagesArgs>,
  handler: async (args: ArgumentsCamelCase<MessagesArgs>) => {
    await runMessages(args, false);
  },
};

function whereOf(m: MessageRecord, multiFile: boolean): string {
  const at = m.frame !== null ? `frame ${m.frame}` : m.line !== null ? `line ${m.line}` : `#${m.index}`;
  return multiFile ? `${m.file}:${at}` : at;
}

/** Shared by `messages` and `lint`: with `lintOnly`, prints grammar violations instead of messages. */
export async function runMessages(args: MessagesArgs, lintOnly: boolean): Promise<number> {
  const sink = new CollectingSink();
  const files = await expandInputs(readFiles(args), { onSkip: (p, reason) => { sink.report(makeDiagnostic("input.skipped", fileRef(p), reason)); } });
  const format = args.format === "text" ? "table" : (args.format ?? "table");
  const filter = readFilter(args);
  if (filter.states !== null) throw new UsageError("--state is a call state: use `sipta calls --state …` (messages are listed one by one)");
  // Rows streaming to a terminal are progress enough; a progress line would interleave with them.
  const progress = (process.stdout.isTTY as boolean | undefined) === true ? null : await Progress.start(files);
  const opts = { ...readSourceOptions(args), onInputBytes: progress?.add };
  const out = new Output();
  const strict = lintOnly || args.strict === true;
  const raw = args.raw === true;
  const color = colorFor(process.stdout, args.color) === "ansi";
  if (format === "ndjson" && !lintOnly) sink.onReport((d) => process.stderr.write(`${stringifyRecord("diagnostic", toDiagnosticRecord(d))}\n`));
  const infos: SourceInfo[] = files.map(() => ({ format: "unknown", bytes: 0 }));
  const sources = files.map((f, i) => readTraceEvents(f, opts, sink, infos[i] ?? { format: "unknown", bytes: 0 }));
  const events = sources.length === 1 && sources[0] !== undefined ? sources[0] : mergeByTime(sources);
  const stage = new ParseStage(sink);
  const recent = new Map<number, string>();
  const active = isFilterActive(filter);
  let bound: BoundFilter | null = null;
  let violations = 0;
  let shown = 0;
  const table = format === "table" && !raw && !lintOnly ? new StreamedMessagesTable(outputWidth(process.stdout, args.width), SAMPLE) : null;
  let batch = format === "csv" && !lintOnly ? formatCsvRow(raw ? [...MESSAGES_CSV_HEADER, "raw"] : MESSAGES_CSV_HEADER) : format === "json" && !lintOnly ? "[" : "";

  const perFile = new Map<string, number>();
  for await (const ev of events) {
    const item = stage.push(ev);
    if (item?.kind !== "message") continue;
    const msg = item.msg;
    perFile.set(msg.payload.origin.file, (perFile.get(msg.payload.origin.file) ?? 0) + 1);
    if (strict) {
      for (const v of checkGrammar(msg)) {
        violations++;
        const text = `${v.header} rejected by the RFC 3261 grammar (rule ${v.rule}): ${JSON.stringify(v.value.slice(0, 120))}`;
        msg.warn("sip.grammar_violation", text, `${v.header}|${v.value}`);
        if (lintOnly) batch += `${escapeVisible(formatSourceRef(originRef(msg.payload.origin)))}: ${escapeVisible(text)}\n`;
      }
    }
    if (!lintOnly) {
      const record = toMessageRecord(msg, { retransmissionOf: null, copyOf: item.copyOf });
      recent.set(record.index, whereOf(record, files.length > 1));
      if (recent.size > RECENT) recent.delete(recent.keys().next().value ?? -1);
      bound ??= bindFilter(filter, record.ts);
      if (!active || messageMatches(record, bound)) {
        shown++;
        const rawText = raw ? msg.bytes.toString("utf8") : undefined;
        const row: MessageRow = { m: record, copyOfWhere: item.copyOf === null ? null : (recent.get(item.copyOf) ?? `#${item.copyOf}`) };
        if (format === "ndjson") batch += `${stringifyRecord("message", rawText === undefined ? record : { ...record, raw: rawText })}\n`;
        else if (format === "json") batch += `${shown > 1 ? "," : ""}\n  ${stringifyRecord("message", rawText === undefined ? record : { ...record, raw: rawText })}`;
        else if (format === "csv") batch += formatMessageCsv(record, rawText);
        else if (rawText !== undefined) batch += `${shown > 1 ? "\n" : ""}${renderRawBlock(record, rawText, [], { color })}`;
        else if (table !== null) batch += table.push(row);
      }
    }
    if (batch.length >= 65536) {
      await out.write(batch);
      batch = "";
    }
  }
  progress?.done();
  if (table !== null) batch += table.end();
  if (format === "json" && !lintOnly) batch += shown > 0 ? "\n]\n" : "]\n";
  if (batch.length > 0) await out.write(batch);
  if (lintOnly) await out.write(`${stage.messageCount} messages, ${violations} grammar violation(s)\n`);
  const summaries = files.map((f, i) => {
    const path = f === "-" ? "<stdin>" : f;
    return { path, format: infos[i]?.format ?? "unknown", messages: perFile.get(path) ?? 0, bytes: infos[i]?.bytes ?? 0 };
  });
  checkInputsRead(summaries, sink.diagnostics.map(toDiagnosticRecord));
  // NDJSON already wrote every diagnostic to stderr; lint printed its violations on stdout.
  if (format !== "ndjson" || lintOnly) reportDiagnosticSummary(sink, process.stderr, new Set([...VERDICT_CODES, ...(lintOnly ? ["sip.grammar_violation"] : [])]));
  if (!lintOnly && shown === 0 && stage.messageCount > 0 && format === "table") process.stderr.write(`sipta: none of the ${stage.messageCount} messages matched the filters\n`);
  return lintOnly && violations > 0 ? 1 : 0;
}
