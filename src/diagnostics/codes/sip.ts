/** Diagnostic codes raised by the sip stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const SIP_CODES = [
  { code: "sip.no_start_line", severity: "error", doc: "The bytes do not begin with a SIP request or status line." },
] as const satisfies readonly CodeSpec[];
