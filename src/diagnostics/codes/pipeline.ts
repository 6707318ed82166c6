/** Diagnostic codes raised by the pipeline (inputs as a whole, message numbering, annotation), each with its one-line explanation. */
import type { CodeSpec } from "../code-spec.js";

export const PIPELINE_CODES = [
  { code: "pipeline.internal_error", severity: "error", doc: "A bug in sipta stopped the analysis of one item; the rest continues." },
  { code: "pipeline.input_damaged", severity: "error", doc: "The input ended abnormally after it was opened (corrupt gzip, read error); what was read before is analysed." },
  { code: "pipeline.empty_input", severity: "warning", doc: "An input file holds no bytes." },
  { code: "pipeline.no_sip", severity: "info", doc: "An input was read completely and held no SIP message." },
] as const satisfies readonly CodeSpec[];
