/**
 * `analyze` is the default command, so `sipta call F` would read "call" as a file. Before yargs parses, a first
 * word that is neither a command nor an existing path is a mistyped command: "Unknown command 'call'. Did you
 * mean 'calls'?" (exit 2). Words that look like paths (a slash or a dot) are left to the input layer (exit 3).
 */
import { stat } from "node:fs/promises";
import { UsageError } from "../diagnostics/errors.js";

export const COMMAND_NAMES: readonly string[] = ["analyze", "messages", "calls", "flow", "show", "tui", "explain", "compare", "lint", "report", "query", "completion", "help"];

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The command a mistyped word was probably meant to be, or null. */
export function suggestCommand(word: string, names: readonly string[] = COMMAND_NAMES): string | null {
  const w = word.toLowerCase();
  let best: { name: string; d: number } | null = null;
  for (const name of names) {
    const d = name.startsWith(w) || w.startsWith(name) ? 1 : editDistance(w, name);
    if (best === null || d < best.d) best = { name, d };
  }
  return best !== null && best.d <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : null;
}

export async function checkCommandWord(argv: readonly string[], names: readonly string[] = COMMAND_NAMES): Promise<void> {
  const word = argv[0];
  if (word === undefined || word.startsWith("-") || names.includes(word)) return;
  if (/[/\\.]/.test(word)) return;
  if ((await stat(word).catch(() => null)) !== null) return;
  const guess = suggestCommand(word, names);
  throw new UsageError(guess !== null ? `Unknown command '${word}'. Did you mean '${guess}'?` : `Unknown command '${word}' (and no such file). Commands: ${names.filter((n) => n !== "help").join(", ")}`);
}
