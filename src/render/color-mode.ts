/**
 * Whether terminal output may carry ANSI colour. The CLI decides it once (it knows the stream and the
 * environment) and passes the result down as data; renderers never look at process.env or isTTY.
 */

export type ColorMode = "none" | "ansi";

export interface ColorEnvironment {
  /** The output stream is a terminal. */
  readonly isTty: boolean;
  readonly noColor: string | undefined;
  readonly forceColor: string | undefined;
  readonly term: string | undefined;
}

/**
 * FORCE_COLOR wins (any value but "0"/"false" turns colour on, "0"/"false" turns it off), then NO_COLOR
 * (https://no-color.org: set and non-empty means no colour), then TERM=dumb, then whether stdout is a TTY.
 */
export function resolveColorMode(env: ColorEnvironment): ColorMode {
  if (env.forceColor !== undefined) {
    const v = env.forceColor.trim().toLowerCase();
    return v === "0" || v === "false" ? "none" : "ansi";
  }
  if (env.noColor !== undefined && env.noColor !== "") return "none";
  if (env.term === "dumb") return "none";
  return env.isTty ? "ansi" : "none";
}
