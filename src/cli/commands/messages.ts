/** `sipta messages FILE...`: every SIP message, streamed, as a table or NDJSON (docs/json-output.md). */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { CollectingSink } from "../../diagnostics/sink.js";
import { expandInputs } from "../../pipeline/expand-inputs.js";
import { mergeByTime } from "../../pipeline/merge-by-time.js";
import { ParseStage } from "../../pipeline/parse-stage.js";
import { toMessageRecord } from "../../pipeline/message-record.js";
import { readTraceEvents, type SourceInfo } from "../../pipeline/source.js";
import { toDiagnosticRecord } from "../../pipeline/analyze.js";
import { checkGrammar } from "../../sip/grammar.js";
import { originRef } from "../../model/origin.js";
import { formatMessageRow, MESSAGES_TABLE_HEADER } from "../../render/messages-table.js";
import { stringifyJson, orderRecord } from "../../render/json-text.js";
import { Output } from "../output.js";
import { Progress } from "../progress.js";
import { readFiles, readSourceOptions, withInputOptions } from "../options.js";
import { reportDiagnosticSummary } from "../diagnostic-summary.js";

interface MessagesArgs {
  files?: string[];
  format?: string;
  strict?: boolean;
  "log-format"?: string;
  date?: string;
  tz?: string;
}

export const messagesCommand: CommandModule<object, MessagesArgs> = {
  command: "messages <files..>",
  describe: "list every SIP message (frame or line, time, addresses, method or status, Call-ID, CSeq)",
  builder: (y: Argv) =>
    withInputOptions(y)
      .option("format", { describe: "output format", choices: ["table", "ndjson"], default: "table" })
      .option("strict", { describe: "also check every header against RFC 3261's grammar (jssip)", type: "boolean", default: false })
      .example("$0 messages call.pcap", "table of all SIP messages")
      .example("tcpdump -U -w - port 5060 | $0 messages - --format ndjson", "stream a live capture as NDJSON") as Argv<MessagesArgs>,
  handler: async (args: ArgumentsCamelCase<MessagesArgs>) => {
    await runMessages(args, false);
  },
};

/** Shared by `messages` and `lint`: with `lintOnly`, prints grammar violations instead of messages. */
export async function runMessages(args: MessagesArgs, lintOnly: boolean): Promise<number> {
  const files = await expandInputs(readFiles(args));
  // Rows streaming to a terminal are progress enough; a progress line would interleave with them.
  const progress = (process.stdout.isTTY as boolean | undefined) === true ? null : await Progress.start(files);
  const opts = { ...readSourceOptions(args), onInputBytes: progress?.add };
  const sink = new CollectingSink();
  const out = new Output();
  const ndjson = args.format === "ndjson";
  const strict = lintOnly || args.strict === true;
  if (ndjson && !lintOnly) sink.onReport((d) => process.stderr.write(`${stringifyJson(orderRecord("diagnostic", toDiagnosticRecord(d)))}\n`));
  const infos: SourceInfo[] = files.map(() => ({ format: "unknown", bytes: 0 }));
  const sources = files.map((f, i) => readTraceEvents(f, opts, sink, infos[i] ?? { format: "unknown", bytes: 0 }));
  const events = sources.length === 1 && sources[0] !== undefined ? sources[0] : mergeByTime(sources);
  const stage = new ParseStage(sink);
  let violations = 0;
  if (!ndjson && !lintOnly) await out.write(`${MESSAGES_TABLE_HEADER.join(" ")}\n`);
  let batch = "";
  for await (const ev of events) {
    const item = stage.push(ev);
    if (item?.kind !== "message") continue;
    const msg = item.msg;
    if (strict) {
      for (const v of checkGrammar(msg)) {
        violations++;
        const text = `${v.header} rejected by the RFC 3261 grammar (rule ${v.rule}): ${JSON.stringify(v.value.slice(0, 120))}`;
        msg.warn("sip.grammar_violation", text, `${v.header}|${v.value}`);
        if (lintOnly) batch += `${makeLine(originRef(msg.payload.origin), msg.index, text)}\n`;
      }
    }
    if (!lintOnly) {
      const record = toMessageRecord(msg, { retransmissionOf: null, copyOf: item.copyOf });
      batch += ndjson ? `${stringifyJson(orderRecord("message", record))}\n` : formatMessageRow(record);
    }
    if (batch.length >= 65536) {
      await out.write(batch);
      batch = "";
    }
  }
  progress?.done();
  if (batch.length > 0) await out.write(batch);
  if (lintOnly) await out.write(`${stage.messageCount} messages, ${violations} grammar violation(s)\n`);
  reportDiagnosticSummary(sink, process.stderr, !ndjson);
  return lintOnly && violations > 0 ? 1 : 0;
}

function makeLine(ref: ReturnType<typeof originRef>, index: number, text: string): string {
  const where = ref.kind === "frame" ? `${ref.file}:frame ${ref.frame}` : ref.kind === "line" ? `${ref.file}:${ref.line}` : ref.file;
  return `${where}: #${index}: ${text}`;
}
