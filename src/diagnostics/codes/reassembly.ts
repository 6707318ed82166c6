/** Diagnostic codes raised by the reassembly stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const REASSEMBLY_CODES = [
  { code: "tcp.gap", severity: "warning", doc: "Bytes of a TCP stream were never captured; the stream resynchronises at the next SIP start line." },
] as const satisfies readonly CodeSpec[];
