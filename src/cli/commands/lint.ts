/** `sipta lint FILE...`: every header that RFC 3261's grammar (jssip) rejects, with file and frame or line. */
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { withInputOptions } from "../options.js";
import { runMessages } from "./messages.js";

interface LintArgs {
  files?: string[];
  "log-format"?: string;
  date?: string;
  tz?: string;
}

export const lintCommand: CommandModule<object, LintArgs> = {
  command: "lint <files..>",
  describe: "check every header against RFC 3261's grammar; exit 1 when any is rejected",
  builder: (y: Argv) => withInputOptions(y).example("$0 lint trace.pcap", "name every header the RFC 3261 grammar rejects") as Argv<LintArgs>,
  handler: async (args: ArgumentsCamelCase<LintArgs>) => {
    process.exitCode = await runMessages(args, true);
  },
};
