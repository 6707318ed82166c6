/** Diagnostic codes raised by the trackers stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const TRACKERS_CODES = [
  { code: "trackers.refer_without_response", severity: "info", doc: "A REFER with no final response in the trace." },
] as const satisfies readonly CodeSpec[];
