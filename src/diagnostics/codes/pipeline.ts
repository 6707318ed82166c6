/** Diagnostic codes raised by the pipeline stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const PIPELINE_CODES = [
  { code: "pipeline.internal_error", severity: "error", doc: "A bug in sipta stopped the analysis of one item; the rest continues." },
] as const satisfies readonly CodeSpec[];
