/**
 * `sipta flow FILE --call-id ID` (or `--call N` from `sipta calls`): the ladder diagram of one call in the
 * terminal, or as Mermaid, SVG or HTML; `--linked` draws the linked legs (transfer target, redirect retry) too.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { UsageError } from "../../diagnostics/errors.js";
import { analyze } from "../../pipeline/analyze.js";
import { renderLadderText } from "../../render/ladder-text.js";
import { renderLadderMermaid } from "../../render/ladder-mermaid.js";
import { renderLadderSvg } from "../../render/ladder-svg.js";
import { renderHtmlReport } from "../../render/html/report-html.js";
import { colorFor, terminalWidth } from "../env.js";
import { Output } from "../output.js";
import { readFiles, readLang, readSourceOptions, withColorOption, withInputOptions, withLangOption } from "../options.js";
import { RawMessages } from "../raw-messages.js";

interface FlowArgs {
  files?: string[];
  "call-id"?: string[];
  call?: number;
  linked?: boolean;
  format?: string;
  ascii?: boolean;
  lang?: string;
  color?: boolean;
  "log-format"?: string;
  date?: string;
  tz?: string;
}

export const flowCommand: CommandModule<object, FlowArgs> = {
  command: "flow <files..>",
  describe: "ladder diagram of a call (terminal, mermaid, svg, html)",
  builder: (y: Argv) =>
    withColorOption(withLangOption(withInputOptions(y)))
      .option("call-id", { describe: "the call's Call-ID (repeat for several)", type: "string", array: true })
      .option("call", { describe: "the call's number in `sipta calls`", type: "number" })
      .option("linked", { describe: "also draw linked calls (transfer target, redirect retry, Replaces)", type: "boolean", default: false })
      .option("format", { describe: "output format", choices: ["text", "mermaid", "svg", "html"], default: "text" })
      .option("ascii", { describe: "plain ASCII arrows instead of box-drawing characters", type: "boolean", default: false })
      .example("$0 flow trace.pcap --call 3", "ladder of call #3 of `sipta calls`")
      .example("$0 flow trace.pcap --call-id abc@host --linked --format mermaid", "a Mermaid sequenceDiagram (renders on GitHub)") as Argv<FlowArgs>,
  handler: async (args: ArgumentsCamelCase<FlowArgs>) => {
    const format = args.format ?? "text";
    const raw = format === "html" ? new RawMessages() : null;
    const doc = await analyze(readFiles(args), { ...readSourceOptions(args), lang: readLang(args.lang), ...(raw === null ? {} : { onMessage: (m) => { raw.add(m); } }) });
    const ids = (args["call-id"] ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s.length > 0);
    if (args.call !== undefined) {
      const c = doc.calls[args.call - 1];
      if (c === undefined) throw new UsageError(`--call ${args.call}: the trace has ${doc.calls.length} call(s) (see \`sipta calls\`)`);
      ids.push(c.callId);
    }
    if (ids.length === 0) {
      if (doc.calls.length === 1 && doc.calls[0] !== undefined) ids.push(doc.calls[0].callId);
      else throw new UsageError(`give --call-id ID or --call N: the trace has ${doc.calls.length} calls (see \`sipta calls\`)`);
    }
    for (const id of ids) if (!doc.calls.some((c) => c.callId === id)) throw new UsageError(`no call with Call-ID ${JSON.stringify(id)} in the trace`);
    const linked = args.linked === true;
    const out = new Output();
    switch (format) {
      case "mermaid":
        await out.write(renderLadderMermaid(doc, ids, { linked }));
        break;
      case "svg":
        await out.write(renderLadderSvg(doc, ids, { linked }));
        break;
      case "html":
        await out.write(renderHtmlReport(doc, { calls: ids, linked, raw: (i) => raw?.get(i) ?? null }));
        break;
      default:
        await out.write(renderLadderText(doc, ids, { linked, width: terminalWidth(process.stdout), color: colorFor(process.stdout, args.color) === "ansi", ascii: args.ascii === true }));
    }
  },
};
