/**
 * How `calls`, `flow`, `show` and `tui` get their analysis: from a saved analysis (a JSON document, read in well
 * under a second) or by analysing the inputs with a progress line on a terminal. Afterwards, once: the human
 * sentences of the diagnostics on stderr, and inputs that held no SIP at all become exit 3 with one line naming
 * them (a capture with no SIP in it, e.g. TLS only, is a result, not an error).
 */
import { stat } from "node:fs/promises";
import { InputFileError } from "../diagnostics/errors.js";
import type { AnalysisDocument, CallRecord, DiagnosticRecord, FileSummary } from "../model/document.js";
import { analyze, type AnalyzeOptions } from "../pipeline/analyze.js";
import { expandInputs } from "../pipeline/expand-inputs.js";
import type { SipMessage } from "../sip/message.js";
import { numberCalls } from "../render/calls-table.js";
import { escapeVisible } from "../render/escape-visible.js";
import { reportDocumentDiagnostics } from "./diagnostic-summary.js";
import { Progress } from "./progress.js";
import { RawMessages } from "./raw-messages.js";
import { isSavedAnalysis, readSavedAnalysis } from "./saved-analysis.js";

export interface LoadedAnalysis {
  readonly doc: AnalysisDocument;
  /** Each call's number in the whole analysis (stable under filters). */
  readonly numbers: ReadonlyMap<CallRecord, number>;
  readonly raw: RawMessages;
  readonly fromSaved: boolean;
}

export interface LoadOptions extends AnalyzeOptions {
  /** Which messages' raw text to keep (default: none). */
  readonly keepRaw?: (m: SipMessage) => boolean;
  /** Diagnostic codes the command prints itself (left out of the stderr summary). */
  readonly quietCodes?: ReadonlySet<string>;
  /** False when the command shows the diagnostics' sentences itself on the same screen (text report on a terminal). */
  readonly printDiagnostics?: boolean;
  readonly stderr?: NodeJS.WriteStream;
}

/** Formats whose reader found the input to be a real capture: no SIP in it is an answer, not an input error. */
const CAPTURE_FORMATS = new Set(["pcap", "pcapng"]);

/** Directories given on the command line that hold no file at all. */
async function checkFolders(paths: readonly string[]): Promise<void> {
  for (const p of paths) {
    if (p === "-") continue;
    const st = await stat(p).catch(() => null);
    if (st?.isDirectory() === true && (await expandInputs([p])).length === 0) throw new InputFileError(p, "no capture or log files found in this folder");
  }
}

/** Exit 3 when no input held a SIP message and none of them was a capture; `hint`: a diagnostic sentence about a file. */
export function checkSipFound(files: readonly Pick<FileSummary, "path" | "format">[], messages: number, hint: (path: string) => string | null): void {
  if (messages > 0 || files.length === 0) return;
  if (files.some((f) => CAPTURE_FORMATS.has(f.format))) return;
  const f = files[0];
  if (f === undefined) return;
  const why = f.format === "empty" ? "the input is empty" : "not a pcap, pcapng or SIP log (no SIP message found)";
  const h = f.format === "empty" ? null : hint(f.path);
  const others = files.length > 1 ? ` (nor in the ${files.length - 1} other input(s))` : "";
  throw new InputFileError(escapeVisible(f.path), `${why}${others}${h === null ? "" : `: ${escapeVisible(h)}`}`);
}

/** The first warning or error sentence about `file` that says more than "no SIP found". */
export function firstHint(diagnostics: readonly DiagnosticRecord[], file: string): string | null {
  return diagnostics.find((x) => x.file === file && x.severity !== "info" && x.code !== "pipeline.no_sip" && x.code !== "input.unrecognized_format")?.message ?? null;
}

export async function loadAnalysis(files: readonly string[], opts: LoadOptions = {}): Promise<LoadedAnalysis> {
  const only = files.length === 1 ? files[0] : undefined;
  if (only !== undefined && (await isSavedAnalysis(only))) {
    const saved = await readSavedAnalysis(only);
    const raw = new RawMessages();
    for (const [i, t] of saved.raw) raw.set(i, t);
    return { doc: saved.doc, numbers: numberCalls(saved.doc), raw, fromSaved: true };
  }
  await checkFolders(files);
  const stderr = opts.stderr ?? process.stderr;
  const progress = await Progress.start(files, stderr);
  const raw = new RawMessages(opts.keepRaw ?? (() => false));
  let doc: AnalysisDocument;
  try {
    doc = await analyze(files, { ...opts, onInputBytes: progress?.add, onMessage: (m) => { raw.add(m); opts.onMessage?.(m); } });
  } finally {
    progress?.done();
  }
  checkSipFound(doc.files, doc.summary.messages, (f) => firstHint(doc.diagnostics, f));
  if (opts.printDiagnostics !== false) reportDocumentDiagnostics(doc.diagnostics, doc.summary.diagnostics, stderr, opts.quietCodes);
  return { doc, numbers: numberCalls(doc), raw, fromSaved: false };
}
