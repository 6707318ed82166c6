/**
 * `sipta tui FILE...`: the interactive call browser (call list → ladder → message, search, outcome filters,
 * linked legs). Needs a terminal; loads the inputs (or a saved analysis) once with a progress bar.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { UsageError } from "../../diagnostics/errors.js";
import { loadAnalysis } from "../load-analysis.js";
import { inputSize } from "../progress.js";
import { readFiles, readLang, readSourceOptions, withInputOptions, withLangOption } from "../options.js";

interface TuiArgs {
  files?: string[];
  lang?: string;
  "log-format"?: string;
  date?: string;
  tz?: string;
}

export const tuiCommand: CommandModule<object, TuiArgs> = {
  command: "tui <files..>",
  describe: "interactive call browser: call list → ladder → message, search, outcome filters, linked legs",
  builder: (y: Argv) =>
    withLangOption(withInputOptions(y))
      .example("$0 tui trace.pcap", "browse the calls; ? lists the keys")
      .example("$0 analyze big.pcap --format json --raw > a.json && $0 tui a.json", "browse a saved analysis (opens at once)") as Argv<TuiArgs>,
  handler: async (args: ArgumentsCamelCase<TuiArgs>) => {
    if ((process.stdin.isTTY as boolean | undefined) !== true || (process.stdout.isTTY as boolean | undefined) !== true) {
      throw new UsageError("sipta tui needs a terminal (stdin and stdout); for scripts use `sipta calls`, `flow` and `show`");
    }
    const files = readFiles(args);
    const opts = { ...readSourceOptions(args), lang: readLang(args.lang) };
    const total = await inputSize(files);
    // ink draws only the last frame when CI or CONTINUOUS_INTEGRATION is set (its is-in-ci check runs when ink
    // loads). Both ends are a terminal here, so a person is looking: ask for the live screen whatever the shell says.
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    // Loaded here, not at start-up: every other command stays free of React and ink.
    const [{ createElement }, { render }, { TuiApp }] = await Promise.all([import("react"), import("ink"), import("../tui/app.js")]);
    // The alternate screen, as less and sngrep do: the shell's scrollback is left as it was.
    process.stdout.write("\u001b[?1049h\u001b[H");
    try {
      const app = render(createElement(TuiApp, { title: files.join(", "), total, load: (onBytes) => loadAnalysis(files, { ...opts, keepRaw: () => true, printDiagnostics: false, onProgress: onBytes }) }), { exitOnCtrlC: true });
      await app.waitUntilExit();
    } finally {
      process.stdout.write("\u001b[?1049l");
    }
  },
};
