/** Diagnostic codes raised by the knowledge stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const KNOWLEDGE_CODES = [
  { code: "knowledge.unregistered_code", severity: "warning", doc: "A response code that is not in the IANA SIP response-code registry." },
] as const satisfies readonly CodeSpec[];
