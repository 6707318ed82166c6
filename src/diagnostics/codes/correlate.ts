/** Diagnostic codes raised by the correlate stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const CORRELATE_CODES = [
  { code: "correlate.orphan_response", severity: "info", doc: "A response whose request is not in the trace." },
  { code: "correlate.state_limit", severity: "warning", doc: "More transactions were open at once than sipta keeps; the oldest were dropped (responses to them show as orphans)." },
] as const satisfies readonly CodeSpec[];
