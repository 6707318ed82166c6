/** What the CLI reads from its environment: language, colour, terminal width (COLUMNS). Nothing else reads process.env. */
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

function positiveColumns(v: number | string | undefined): number | null {
  const n = typeof v === "number" ? v : v === undefined || v.trim() === "" ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Cells a table or ladder may use: `--width N`, else `COLUMNS`, else the terminal's width; Infinity when stdout
 * is not a terminal and no width was asked for, so `> file` and `| grep` never get cut data.
 */
export function outputWidth(stream: NodeJS.WriteStream, flag?: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = positiveColumns(flag) ?? positiveColumns(env.COLUMNS);
  if (asked !== null) return Math.max(20, asked);
  if ((stream.isTTY as boolean | undefined) === true) return stream.columns > 20 ? stream.columns : 80;
  return Infinity;
}

/** Width for wrapping prose (explanations, next steps): the output width, or 100 when it is unlimited. */
export function proseWidth(stream: NodeJS.WriteStream, flag?: number, env: NodeJS.ProcessEnv = process.env): number {
  const w = outputWidth(stream, flag, env);
  return Number.isFinite(w) ? w : 100;
}
