/** Diagnostic codes raised by the decode stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const DECODE_CODES = [
  { code: "decode.unknown_link_type", severity: "warning", doc: "An interface uses a link type sipta does not decode; its packets are skipped (reported once per interface)." },
] as const satisfies readonly CodeSpec[];
