/**
 * Every diagnostic code sipta can emit. Each layer declares its own in codes/<layer>.ts; this file joins them
 * so that DiagnosticCode is a closed union and docs/diagnostics.md can be generated from it.
 */
import type { CodeSpec } from "./code-spec.js";
import { INPUT_CODES } from "./codes/input.js";
import { DECODE_CODES } from "./codes/decode.js";
import { REASSEMBLY_CODES } from "./codes/reassembly.js";
import { SIP_CODES } from "./codes/sip.js";
import { TEXTLOG_CODES } from "./codes/textlog.js";
import { CORRELATE_CODES } from "./codes/correlate.js";
import { TRACKERS_CODES } from "./codes/trackers.js";
import { KNOWLEDGE_CODES } from "./codes/knowledge.js";
import { PIPELINE_CODES } from "./codes/pipeline.js";

export const CATALOGUE = [
  ...INPUT_CODES,
  ...DECODE_CODES,
  ...REASSEMBLY_CODES,
  ...SIP_CODES,
  ...TEXTLOG_CODES,
  ...CORRELATE_CODES,
  ...TRACKERS_CODES,
  ...KNOWLEDGE_CODES,
  ...PIPELINE_CODES,
] as const satisfies readonly CodeSpec[];

export type DiagnosticCode = (typeof CATALOGUE)[number]["code"];

const BY_CODE: ReadonlyMap<string, CodeSpec> = new Map(CATALOGUE.map((c) => [c.code, c]));

export function codeSpec(code: DiagnosticCode): CodeSpec {
  const spec = BY_CODE.get(code);
  if (spec === undefined) throw new Error(`diagnostic code not in catalogue: ${code}`);
  return spec;
}

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return BY_CODE.has(code);
}
