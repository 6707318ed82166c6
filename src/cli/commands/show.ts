/**
 * `sipta show FILE --frame N` (or `--line N` for logs, or `--call-id ID --index k` / `--call N --index k`): one
 * message as captured (start line, headers, body: SDP, sipfrag, multipart parts) with control characters escaped,
 * and its annotations. `--format json` gives the record, the raw text and the annotations. Reads a saved analysis
 * too (the raw text is there when it was saved with `analyze --format json --raw`).
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { UsageError } from "../../diagnostics/errors.js";
import type { AnalysisDocument, MessageRecord } from "../../model/document.js";
import type { SipMessage } from "../../sip/message.js";
import { indexDocument } from "../../render/document-index.js";
import { orderRecord, stringifyJson } from "../../render/json-text.js";
import { renderRawBlock } from "../../render/raw-message.js";
import { callIdContains } from "../call-id-match.js";
import { selectCallIds } from "../call-select.js";
import { colorFor, proseWidth } from "../env.js";
import { loadAnalysis } from "../load-analysis.js";
import { Output } from "../output.js";
import { readFiles, readLang, readSourceOptions, withColorOption, withInputOptions, withLangOption } from "../options.js";

interface ShowArgs {
  files?: string[];
  frame?: number;
  line?: number;
  "call-id"?: string[];
  call?: string;
  index?: number;
  format?: string;
  lang?: string;
  color?: boolean;
  width?: number;
  "log-format"?: string;
  date?: string;
  tz?: string;
}

export const showCommand: CommandModule<object, ShowArgs> = {
  command: "show <files..>",
  describe: "one message as captured (headers, SDP, sipfrag, multipart), with its annotation",
  builder: (y: Argv) =>
    withColorOption(withLangOption(withInputOptions(y)))
      .option("frame", { describe: "the capture frame (as Wireshark numbers it)", type: "number" })
      .option("line", { describe: "the log line where the message starts", type: "number" })
      .option("call-id", { describe: "a call's Call-ID or a unique fragment of it (with --index)", type: "string", array: true })
      .option("call", { describe: "a call's number in `sipta calls` (with --index)", type: "string" })
      .option("index", { describe: "the k-th message of that call, 1-based (default 1)", type: "number" })
      .option("format", { describe: "output format", choices: ["text", "json"], default: "text" })
      .example("$0 show trace.pcap --frame 37", "frame 37 as captured, with its SDP and annotation")
      .example("$0 show trace.pcap --call-id 22d77d74 --index 3", "the third message of that call")
      .example("$0 show asterisk.log --line 1200", "the message that starts on line 1200 of a log") as Argv<ShowArgs>,
  handler: async (args: ArgumentsCamelCase<ShowArgs>) => {
    const asked = [args.frame, args.line, args["call-id"], args.call].filter((x) => x !== undefined).length;
    if (asked !== 1) throw new UsageError("give one of --frame N, --line N, --call-id ID or --call N (with --index k)");
    const keep = keepFor(args);
    const loaded = await loadAnalysis(readFiles(args), { ...readSourceOptions(args), lang: readLang(args.lang), keepRaw: keep });
    const messages = pick(loaded.doc, args);
    const index = indexDocument(loaded.doc);
    const out = new Output();
    if (args.format === "json") {
      const items = messages.map((m) => ({
        message: orderRecord("message", m),
        raw: loaded.raw.get(m.index),
        annotations: (index.annotations.get(m.index) ?? []).map((a) => orderRecord("annotation", a)),
      }));
      await out.write(`${stringifyJson(items, 2)}\n`);
      loaded.reportDiagnostics();
      return;
    }
    const color = colorFor(process.stdout, args.color) === "ansi";
    const width = proseWidth(process.stdout, args.width);
    await out.write(messages.map((m) => renderRawBlock(m, loaded.raw.get(m.index), index.annotations.get(m.index) ?? [], { color, width })).join("\n"));
    loaded.reportDiagnostics();
  },
};

/** Which messages' raw text to keep while analysing: only what can be asked for. */
function keepFor(args: ShowArgs): (m: SipMessage) => boolean {
  if (args.frame !== undefined) {
    const f = args.frame;
    return (m) => m.payload.origin.frame === f || m.payload.origin.frames.includes(f);
  }
  if (args.line !== undefined) {
    const l = args.line;
    return (m) => m.payload.origin.line === l;
  }
  const fragments = (args["call-id"] ?? []).flatMap((s) => s.split(","));
  if (fragments.length > 0) return (m) => m.callId !== null && fragments.some((fr) => callIdContains(m.callId ?? "", fr));
  return () => true;
}

function nearby(doc: AnalysisDocument, value: number, of: (m: MessageRecord) => number | null, what: string): string {
  const all = doc.messages.map(of).filter((v): v is number => v !== null);
  const before = all.filter((v) => v < value).at(-1);
  const after = all.find((v) => v > value);
  const near = [before, after].filter((v) => v !== undefined).map((v) => `${what} ${v}`);
  return near.length === 0 ? `the input has no SIP message with a ${what} number` : `nearest ${what}s with SIP: ${near.join(", ")}`;
}

function pick(doc: AnalysisDocument, args: ShowArgs): MessageRecord[] {
  if (args.frame !== undefined) {
    const f = args.frame;
    const found = doc.messages.filter((m) => m.frame === f);
    const within = found.length > 0 ? found : doc.messages.filter((m) => m.frames.includes(f));
    if (within.length === 0) throw new UsageError(`frame ${f} holds no SIP message; ${nearby(doc, f, (m) => m.frame, "frame")}`);
    return within;
  }
  if (args.line !== undefined) {
    const l = args.line;
    const found = doc.messages.filter((m) => m.line === l);
    if (found.length === 0) throw new UsageError(`no SIP message starts on line ${l}; ${nearby(doc, l, (m) => m.line, "line")}`);
    return found;
  }
  const ids = selectCallIds(doc, args);
  const id = ids[0];
  const call = id === undefined ? undefined : doc.calls.find((c) => c.callId === id);
  if (call === undefined) throw new UsageError("no such call (see `sipta calls`)");
  const k = args.index ?? 1;
  const msgIndex = call.messages[k - 1];
  if (!Number.isInteger(k) || k < 1 || msgIndex === undefined) throw new UsageError(`--index ${k}: the call has ${call.messages.length} message(s)`);
  const m = doc.messages.find((x) => x.index === msgIndex);
  if (m === undefined) throw new UsageError(`message ${msgIndex} is not in the analysis`);
  return [m];
}
