/** One physical log line as the parsers see it: raw text (ANSI kept, for formats whose markers are escapes) and clean text. */
import { stripAnsi } from "./ansi.js";
import type { LogLine } from "./line-reader.js";

export interface LineSource {
  readonly no: number;
  readonly raw: string;
  /** ANSI escapes removed. */
  readonly text: string;
}

export function toLineSource(l: LogLine): LineSource {
  return { no: l.no, raw: l.text, text: stripAnsi(l.text) };
}
