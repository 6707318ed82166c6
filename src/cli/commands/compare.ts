/** `sipta compare A B`: two response codes side by side (class difference, meanings, causes, what to do). */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { compareCodes, lookupCode, type Lang } from "../../knowledge/index.js";
import { renderComparePage } from "../../render/knowledge-page.js";
import { langFromEnv } from "../env.js";
import { KNOWLEDGE_FORMATS, parseCodeArg, readKnowledgeFormat, unregisteredWarning } from "./code-arg.js";

const LANG_CHOICES: readonly Lang[] = ["en", "vi", "zh"];

interface CompareArgs {
  a?: string;
  b?: string;
  lang?: Lang;
  format?: string;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: "compare <a> <b>",
  describe: "compare two SIP response codes: key difference and when to use which",
  builder: (y: Argv) =>
    y
      .positional("a", { describe: "first response code, e.g. 202", type: "string" })
      .positional("b", { describe: "second response code, e.g. 430", type: "string" })
      .option("lang", { describe: "language of the page", choices: LANG_CHOICES, default: langFromEnv(), defaultDescription: "from LC_ALL/LANG, else en" })
      .option("format", { describe: "output format", choices: KNOWLEDGE_FORMATS, default: "text" })
      .example("$0 compare 202 430", "a 2xx success against a 4xx client failure")
      .example("$0 compare 486 600 --lang zh", "busy here vs busy everywhere, in Chinese") as Argv<CompareArgs>,
  handler: (args: ArgumentsCamelCase<CompareArgs>) => {
    const a = parseCodeArg(args.a, "a");
    const b = parseCodeArg(args.b, "b");
    const format = readKnowledgeFormat(args.format ?? "text");
    const lang = args.lang ?? langFromEnv();
    for (const code of a === b ? [a] : [a, b]) if (lookupCode(code) === null) process.stderr.write(unregisteredWarning(code));
    process.stdout.write(renderComparePage(compareCodes(a, b, lang), format));
  },
};
