/**
 * How `calls`, `flow`, `show` and `tui` get their analysis: from a saved analysis (a JSON document, read in well
 * under a second) or by analysing the inputs with a progress line on a terminal. Afterwards, once: the human
 * sentences of the diagnostics on stderr, and the inputs that could not be read named one line each
 * (cli/input-verdict.ts: exit 3 when none could be read; a capture with no SIP in it is a result, not an error).
 */
import type { AnalysisDocument, CallRecord } from "../model/document.js";
import { analyze, type AnalyzeOptions } from "../pipeline/analyze.js";
import type { SipMessage } from "../sip/message.js";
import { numberCalls } from "../render/calls-table.js";
import { reportDocumentDiagnostics } from "./diagnostic-summary.js";
import { checkInputsRead, VERDICT_CODES } from "./input-verdict.js";
import { Progress } from "./progress.js";
import { RawMessages } from "./raw-messages.js";
import { isSavedAnalysis, readSavedAnalysis } from "./saved-analysis.js";

export interface LoadedAnalysis {
  readonly doc: AnalysisDocument;
  /** Each call's number in the whole analysis (stable under filters). */
  readonly numbers: ReadonlyMap<CallRecord, number>;
  readonly raw: RawMessages;
  readonly fromSaved: boolean;
  /**
   * Writes the diagnostics' sentences to stderr (once). Commands call it after their output is written, so a
   * reader that closed the pipe early gets a quiet end (the output writer throws before this runs).
   */
  readonly reportDiagnostics: () => void;
}

export interface LoadOptions extends AnalyzeOptions {
  /** Which messages' raw text to keep (default: none). */
  readonly keepRaw?: (m: SipMessage) => boolean;
  /** Diagnostic codes the command prints itself (left out of the stderr summary). */
  readonly quietCodes?: ReadonlySet<string>;
  /** False when the command shows the diagnostics' sentences itself on the same screen (text report on a terminal). */
  readonly printDiagnostics?: boolean;
  /** Counts bytes read instead of the stderr progress line (the TUI draws its own bar). */
  readonly onProgress?: (bytes: number) => void;
  readonly stderr?: NodeJS.WriteStream;
}

export async function loadAnalysis(files: readonly string[], opts: LoadOptions = {}): Promise<LoadedAnalysis> {
  const only = files.length === 1 ? files[0] : undefined;
  if (only !== undefined && (await isSavedAnalysis(only))) {
    const saved = await readSavedAnalysis(only);
    const raw = new RawMessages();
    for (const [i, t] of saved.raw) raw.set(i, t);
    return { doc: saved.doc, numbers: numberCalls(saved.doc), raw, fromSaved: true, reportDiagnostics: () => undefined };
  }
  const stderr = opts.stderr ?? process.stderr;
  const progress = opts.onProgress === undefined ? await Progress.start(files, stderr) : null;
  const raw = new RawMessages(opts.keepRaw ?? (() => false));
  let doc: AnalysisDocument;
  try {
    doc = await analyze(files, { ...opts, onInputBytes: opts.onProgress ?? progress?.add, onMessage: (m) => { raw.add(m); opts.onMessage?.(m); } });
  } finally {
    progress?.done();
  }
  checkInputsRead(doc.files, doc.diagnostics, stderr);
  let reported = opts.printDiagnostics === false;
  const reportDiagnostics = (): void => {
    if (!reported) reportDocumentDiagnostics(doc.diagnostics, doc.summary.diagnostics, stderr, new Set([...(opts.quietCodes ?? []), ...VERDICT_CODES]));
    reported = true;
  };
  return { doc, numbers: numberCalls(doc), raw, fromSaved: false, reportDiagnostics };
}
