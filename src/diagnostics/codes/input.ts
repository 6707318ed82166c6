/** Diagnostic codes raised by the input stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const INPUT_CODES = [
  { code: "input.unrecognized_format", severity: "error", doc: "The file is neither pcap, pcapng, gzip nor a recognised text log." },
] as const satisfies readonly CodeSpec[];
