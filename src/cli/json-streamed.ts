/**
 * `sipta analyze --format json` without holding the document: records go to the writer's spool as the analysis
 * streams, and the text goes out at the end (the summary opens the document). Everything else is what
 * loadAnalysis + renderJsonReport do: the progress line, the inputs that could not be read (exit 3 when none), the diagnostics' sentences
 * on stderr, --fail-on listing the first matches by message order.
 */
import type { AnalysisEvent } from "../pipeline/analysis-events.js";
import { analyzeStream, type AnalyzeOptions } from "../pipeline/analyze.js";
import type { AnnotationRecord, DiagnosticRecord } from "../model/document.js";
import { SCHEMA_VERSION } from "../model/document.js";
import { VERSION } from "../pipeline/version.js";
import { JsonDocumentWriter, type DocumentHead } from "../render/report-json-stream.js";
import { InternalError } from "../diagnostics/errors.js";
import { reportDocumentDiagnostics } from "./diagnostic-summary.js";
import { failOnMatches, type FailOn, type FailOnReport } from "./fail-on.js";
import { checkInputsRead, VERDICT_CODES } from "./input-verdict.js";
import type { Output } from "./output.js";
import { Progress } from "./progress.js";
import { isSavedAnalysis } from "./saved-analysis.js";

/** Whether the streamed path applies: a saved analysis as input is read whole by loadAnalysis instead. */
export async function canStreamJson(files: readonly string[]): Promise<boolean> {
  const only = files.length === 1 ? files[0] : undefined;
  return only === undefined || !(await isSavedAnalysis(only));
}

export async function writeJsonStreamed(files: readonly string[], options: AnalyzeOptions, failOn: FailOn | null, report: FailOnReport, out: Output): Promise<void> {
  const limit = options.diagnosticsPerCode ?? 1000;
  const writer = new JsonDocumentWriter();
  const matches = new FirstMatches();
  // The diagnostics the document keeps (at most `limit` per code, as analyze() keeps them) for stderr's summary.
  const kept: DiagnosticRecord[] = [];
  const perCode = new Map<string, number>();
  try {
    let head: DocumentHead | null = null;
    const progress = await Progress.start(files, process.stderr);
    try {
      for await (const ev of analyzeStream(files, { ...options, onInputBytes: progress?.add })) {
        if (ev.type === "summary") {
          head = { schemaVersion: SCHEMA_VERSION, tool: { name: "sipta", version: VERSION }, lang: options.lang ?? "en", files: ev.files, summary: ev.summary };
        } else if (ev.type === "diagnostic") {
          const n = (perCode.get(ev.diagnostic.code) ?? 0) + 1;
          perCode.set(ev.diagnostic.code, n);
          if (n > limit) continue;
          kept.push(ev.diagnostic);
          writer.diagnostic(ev.diagnostic);
        } else {
          if (ev.type === "annotation" && failOnMatches(failOn, ev.annotation)) matches.add(ev.annotation);
          toWriter(writer, ev);
        }
      }
    } finally {
      progress?.done();
    }
    if (head === null) throw new InternalError("analysis ended without a summary");
    const summary = head.summary;
    checkInputsRead(head.files, kept, process.stderr);
    reportDocumentDiagnostics(kept, summary.diagnostics, process.stderr, VERDICT_CODES);
    matches.reportTo(report);
    await out.writeAll(writer.finish(head));
  } finally {
    writer.close();
  }
}

function toWriter(writer: JsonDocumentWriter, ev: Exclude<AnalysisEvent, { type: "summary" | "diagnostic" }>): void {
  switch (ev.type) {
    case "message":
      writer.message(ev.message);
      return;
    case "annotation":
      writer.annotation(ev.annotation);
      return;
    case "call":
      writer.call(ev.call);
      return;
    case "flow":
      writer.flow(ev.flow);
      return;
  }
}

/**
 * --fail-on names the first three matches of each kind by message order (the document's order), but annotations
 * stream in the order they are decided: keep the three lowest per kind and count the rest.
 */
class FirstMatches {
  private readonly byKey = new Map<string, { first: AnnotationRecord[]; count: number }>();

  add(a: AnnotationRecord): void {
    const key = `${a.kind}:${a.outcome} ${a.code}`;
    const entry = this.byKey.get(key) ?? { first: [], count: 0 };
    this.byKey.set(key, entry);
    entry.count++;
    entry.first.push(a);
    entry.first.sort((x, y) => x.message - y.message);
    if (entry.first.length > 3) entry.first.pop();
  }

  /** Replays the matches as the document order would have given them: kinds by first match, lowest first. */
  reportTo(report: FailOnReport): void {
    const entries = [...this.byKey.values()].sort((a, b) => (a.first[0]?.message ?? 0) - (b.first[0]?.message ?? 0));
    for (const { first, count } of entries) {
      for (const a of first) report.add(a);
      // The report keeps three places per kind; the others only count, so any match stands for them.
      const sample = first[0];
      if (sample !== undefined) for (let n = first.length; n < count; n++) report.add(sample);
    }
  }
}
