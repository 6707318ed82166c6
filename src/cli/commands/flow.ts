/**
 * `sipta flow FILE --call-id ID` (or a fragment of it, or `--call N` from `sipta calls`): the ladder diagram of one
 * call in the terminal, or as Mermaid, SVG or HTML; `--linked` draws the linked legs (transfer target, redirect
 * retry) too; `--raw` prints every message as captured under the ladder. Reads a saved analysis too.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { renderLadderText } from "../../render/ladder-text.js";
import { renderLadderMermaid } from "../../render/ladder-mermaid.js";
import { renderLadderSvg } from "../../render/ladder-svg.js";
import { renderHtmlReport } from "../../render/html/report-html.js";
import { collectLinkedCalls, indexDocument } from "../../render/document-index.js";
import { requireCallIds } from "../call-select.js";
import { colorFor, outputWidth } from "../env.js";
import { loadAnalysis } from "../load-analysis.js";
import { Output } from "../output.js";
import { readFiles, readLang, readSourceOptions, withColorOption, withInputOptions, withLangOption } from "../options.js";
import { renderRawBlocks } from "../../render/raw-message.js";

interface FlowArgs {
  files?: string[];
  "call-id"?: string[];
  call?: string;
  linked?: boolean;
  raw?: boolean;
  format?: string;
  ascii?: boolean;
  lang?: string;
  color?: boolean;
  width?: number;
  "log-format"?: string;
  date?: string;
  tz?: string;
}

export const flowCommand: CommandModule<object, FlowArgs> = {
  command: "flow <files..>",
  describe: "ladder diagram of a call (terminal, mermaid, svg, html)",
  builder: (y: Argv) =>
    withColorOption(withLangOption(withInputOptions(y)))
      .option("call-id", { describe: "the call's Call-ID, or a unique prefix or piece of it (repeat for several)", type: "string", array: true })
      .option("call", { describe: "the call's number in `sipta calls` (the same with or without filters)", type: "string" })
      .option("linked", { describe: "also draw linked calls (transfer target, redirect retry, Replaces)", type: "boolean", default: false })
      .option("raw", { describe: "print every message of the call as captured (headers and body) under the ladder", type: "boolean", default: false })
      .option("format", { describe: "output format", choices: ["text", "mermaid", "svg", "html"], default: "text" })
      .option("ascii", { describe: "plain ASCII arrows instead of box-drawing characters", type: "boolean", default: false })
      .example("$0 flow trace.pcap --call 3", "ladder of call #3 of `sipta calls`")
      .example("$0 flow trace.pcap --call-id 22d77d74", "a Call-ID fragment (prefix or substring) is enough when it is unique")
      .example("$0 analyze big.pcap --format json --raw > a.json && $0 flow a.json --call 5 --raw", "browse a saved analysis instead of re-reading the capture")
      .example("$0 flow trace.pcap --call-id abc@host --linked --format mermaid", "a Mermaid sequenceDiagram (renders on GitHub)") as Argv<FlowArgs>,
  handler: async (args: ArgumentsCamelCase<FlowArgs>) => {
    const format = args.format ?? "text";
    const wantRaw = format === "html" || args.raw === true;
    const loaded = await loadAnalysis(readFiles(args), { ...readSourceOptions(args), lang: readLang(args.lang), keepRaw: () => wantRaw });
    const doc = loaded.doc;
    const ids = requireCallIds(doc, args);
    const linked = args.linked === true;
    const out = new Output();
    const raw = (i: number): string | null => loaded.raw.get(i);
    switch (format) {
      case "mermaid":
        await out.write(renderLadderMermaid(doc, ids, { linked }));
        break;
      case "svg":
        await out.write(renderLadderSvg(doc, ids, { linked }));
        break;
      case "html":
        await out.write(renderHtmlReport(doc, { calls: ids, linked, raw }));
        break;
      default: {
        const color = colorFor(process.stdout, args.color) === "ansi";
        await out.write(renderLadderText(doc, ids, { linked, width: outputWidth(process.stdout, args.width), color, ascii: args.ascii === true }));
        if (args.raw === true) {
          const index = indexDocument(doc);
          const shown = new Set(linked ? collectLinkedCalls(index, ids) : ids);
          const messages = doc.messages.filter((m) => m.callId !== null && shown.has(m.callId));
          await out.writeAll(renderRawBlocks(messages, index, raw, { color }));
        }
      }
    }
    loaded.reportDiagnostics();
  },
};
