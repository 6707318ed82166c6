/** `sipta explain CODE`: one response code's page (description, when you see it, how to fix) in en, vi or zh. */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { explainCode, lookupCode, type Lang } from "../../knowledge/index.js";
import { renderCodePage } from "../../render/knowledge-page.js";
import { langFromEnv } from "../env.js";
import { KNOWLEDGE_FORMATS, parseCodeArg, readKnowledgeFormat, unregisteredWarning } from "./code-arg.js";

const LANG_CHOICES: readonly Lang[] = ["en", "vi", "zh"];

interface ExplainArgs {
  code?: string;
  lang?: Lang;
  format?: string;
}

export const explainCommand: CommandModule<object, ExplainArgs> = {
  command: "explain <code>",
  describe: "explain a SIP response code: meaning, typical causes, next steps",
  builder: (y: Argv) =>
    y
      .positional("code", { describe: "SIP response code, e.g. 430", type: "string" })
      .option("lang", { describe: "language of the page", choices: LANG_CHOICES, default: langFromEnv(), defaultDescription: "from LC_ALL/LANG, else en" })
      .option("format", { describe: "output format", choices: KNOWLEDGE_FORMATS, default: "text" })
      .example("$0 explain 430", "what 430 Flow Failed means and what to do")
      .example("$0 explain 486 --lang vi --format markdown", "the page in Vietnamese, as Markdown") as Argv<ExplainArgs>,
  handler: (args: ArgumentsCamelCase<ExplainArgs>) => {
    const code = parseCodeArg(args.code, "code");
    const format = readKnowledgeFormat(args.format ?? "text");
    const lang = args.lang ?? langFromEnv();
    if (lookupCode(code) === null) process.stderr.write(unregisteredWarning(code));
    process.stdout.write(renderCodePage(explainCode(code, lang), format));
  },
};
