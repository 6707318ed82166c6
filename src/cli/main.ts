#!/usr/bin/env node
/**
 * The `sipta` command: a thin shell over the library. The only place that maps errors to exit codes:
 * 0 ok (also when the reader of stdout went away: `| head`), 1 `--fail-on` matched (or lint found violations),
 * 2 usage error, 3 unreadable input, 70 internal error, 74 the output could not be written (disk full).
 */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { InputFileError, InternalError, UsageError } from "../diagnostics/errors.js";
import { VERSION } from "../pipeline/version.js";
import { analyzeCommand } from "./commands/analyze.js";
import { callsCommand } from "./commands/calls.js";
import { compareCommand } from "./commands/compare.js";
import { explainCommand } from "./commands/explain.js";
import { flowCommand } from "./commands/flow.js";
import { lintCommand } from "./commands/lint.js";
import { messagesCommand } from "./commands/messages.js";
import { queryCommand } from "./commands/query.js";
import { reportCommand } from "./commands/report.js";
import { showCommand } from "./commands/show.js";
import { tuiCommand } from "./commands/tui.js";
import { ExitCode } from "./exit-codes.js";
import { escapeVisible } from "../render/escape-visible.js";
import { NothingReadError } from "./input-verdict.js";
import { guardStandardStreams, OutputError, PipeClosedError } from "./output.js";
import { STDIN_ARG } from "./options.js";
import { checkCommandWord } from "./command-word.js";

const EPILOGUE = `Exit codes: 0 ok; 1 --fail-on matched (or lint found violations); 2 usage error; 3 unreadable input; 70 internal error; 74 output not written.
Docs: README.md, docs/json-output.md (the JSON contract), docs/text-logs.md (log formats).`;

export async function main(argv: readonly string[]): Promise<number> {
  guardStandardStreams();
  let usageMessage: string | null = null;
  try {
    await checkCommandWord(argv);
  } catch (e) {
    return reportError(e, null);
  }
  // yargs drops a lone "-" positional; carry it through as a sentinel no real path can be (readFiles maps it back).
  const parser = yargs(argv.map((a) => (a === "-" ? STDIN_ARG : a)))
    .scriptName("sipta")
    .usage("$0 <command> [options]\n\nSIP trace analyzer: captures and text logs in; calls, transfers, redirects, outbound flows and every response explained.")
    .command(analyzeCommand)
    .command(messagesCommand)
    .command(callsCommand)
    .command(flowCommand)
    .command(showCommand)
    .command(tuiCommand)
    .command(explainCommand)
    .command(compareCommand)
    .command(lintCommand)
    .command(reportCommand)
    .command(queryCommand)
    .completion("completion", "print a bash/zsh completion script (sipta completion >> ~/.bashrc)")
    .demandCommand(1, "give a command, e.g. `sipta analyze trace.pcap` (sipta --help lists them)")
    .strict()
    .recommendCommands()
    .version(VERSION)
    .alias("h", "help")
    .alias("v", "version")
    .alias("V", "version")
    .epilogue(EPILOGUE)
    .wrap(Math.min(120, process.stdout.columns || 100))
    .fail((msg, err) => {
      // yargs passes no error object for validation failures, whatever its types say.
      if ((err as Error | undefined) !== undefined) throw err;
      usageMessage = msg;
      throw new UsageError(msg);
    });
  try {
    if (argv.length === 0) {
      // Bare `sipta`: the help, not a complaint about a missing argument.
      process.stdout.write(`${await parser.getHelp()}\n`);
      return ExitCode.Ok;
    }
    if (argv[0] === "completion" && argv.some((a) => a === "--help" || a === "-h")) {
      process.stdout.write("sipta completion\n\nPrints a bash/zsh completion script for sipta (needs `sipta` on PATH):\n  sipta completion >> ~/.bashrc    (or ~/.zshrc)\n");
      return ExitCode.Ok;
    }
    await parser.parseAsync();
    return typeof process.exitCode === "number" ? process.exitCode : ExitCode.Ok;
  } catch (e) {
    return reportError(e, usageMessage);
  }
}

function reportError(e: unknown, usageMessage: string | null): number {
  if (e instanceof PipeClosedError) return ExitCode.Ok;
  if (e instanceof UsageError) {
    process.stderr.write(`sipta: ${escapeVisible(usageMessage ?? e.message, { multiline: true })}\nRun \`sipta --help\` for usage.\n`);
    return ExitCode.Usage;
  }
  if (e instanceof OutputError) {
    process.stderr.write(`sipta: ${escapeVisible(e.message, { multiline: true })}\n`);
    return ExitCode.OutputFailed;
  }
  if (e instanceof NothingReadError) {
    process.stderr.write(`${e.lines.join("\n")}\n`);
    return ExitCode.InputUnreadable;
  }
  if (e instanceof InputFileError) {
    process.stderr.write(`sipta: ${escapeVisible(e.message, { multiline: true })}\n`);
    return ExitCode.InputUnreadable;
  }
  const err = e instanceof InternalError ? e : new InternalError(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.stderr.write(`sipta: internal error: ${escapeVisible(err.message, { multiline: true })}\n`);
  return ExitCode.Internal;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sipta: ${escapeVisible(String(e), { multiline: true })}\n`);
    process.exitCode = ExitCode.Internal;
  },
);
