/** What the CLI reads from its environment: language, colour, terminal width. Nothing else reads process.env. */
import type { Lang } from "../model/document.js";
import { resolveColorMode, type ColorMode } from "../render/color-mode.js";

/** `--lang` default: LC_ALL, then LC_MESSAGES, then LANG (vi_VN.UTF-8 → vi, zh_CN → zh), else English. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (v === undefined || v.length === 0) continue;
    const l = v.toLowerCase();
    if (l.startsWith("vi")) return "vi";
    if (l.startsWith("zh")) return "zh";
    return "en";
  }
  return "en";
}

/** Colour only on a TTY; NO_COLOR (https://no-color.org) wins over a TTY; FORCE_COLOR forces it on. */
export function colorFor(stream: NodeJS.WriteStream, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): ColorMode {
  if (flag === false) return "none";
  if (flag === true) return "ansi";
  return resolveColorMode({ isTty: (stream.isTTY as boolean | undefined) === true, noColor: env.NO_COLOR, forceColor: env.FORCE_COLOR, term: env.TERM });
}

export function terminalWidth(stream: NodeJS.WriteStream): number {
  return (stream.isTTY as boolean | undefined) === true && stream.columns > 20 ? stream.columns : 120;
}
