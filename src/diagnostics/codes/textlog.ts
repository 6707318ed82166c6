/** Diagnostic codes raised by the textlog stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const TEXTLOG_CODES = [
  { code: "textlog.unparsed_line", severity: "info", doc: "A line of a text log that belongs to no SIP message frame." },
] as const satisfies readonly CodeSpec[];
