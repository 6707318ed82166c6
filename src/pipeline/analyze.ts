/**
 * The whole analysis: inputs → events → parsed messages → correlation and trackers → annotations, as a stream
 * (`analyzeStream`, memory follows concurrent calls, not file size) or as one document (`analyze`).
 * The only place that knows the whole order of the stages.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { CollectingSink, type DiagnosticSink } from "../diagnostics/sink.js";
import type {
  AnalysisDocument,
  AnnotationRecord,
  CallRecord,
  DiagnosticRecord,
  FileSummary,
  FlowRecord,
  Lang,
  MessageRecord,
} from "../model/document.js";
import { SCHEMA_VERSION } from "../model/document.js";
import { fileRef } from "../model/origin.js";
import type { TraceEvent } from "../model/trace-event.js";
import { TraceAnalyzer, trackerFor, type Finding } from "../trackers/index.js";
import type { SipMessage } from "../sip/message.js";
import { buildAnnotation } from "../annotate/annotate.js";
import type { AnalysisEvent } from "./analysis-events.js";
import { HopEvents } from "./hop-events.js";
import { labelOf, resolveInputs, type AnalysisInput } from "./inputs.js";
import { MessageDirectory } from "./message-directory.js";
import { mergeByTime } from "./merge-by-time.js";
import { ParseStage } from "./parse-stage.js";
import { toMessageRecord } from "./message-record.js";
import { readTraceEvents, type SourceInfo, type SourceOptions } from "./source.js";
import { SummaryCounter } from "./summary-counter.js";
import { VERSION } from "./version.js";

export interface AnalyzeOptions extends SourceOptions {
  readonly lang?: Lang;
  /** Diagnostics kept per code in the document (the rest are counted). Default 1000. */
  readonly diagnosticsPerCode?: number;
  /** Called with every parsed message (e.g. to keep raw text for the HTML report). */
  readonly onMessage?: (msg: SipMessage) => void;
}

export function toDiagnosticRecord(d: Diagnostic): DiagnosticRecord {
  const at = d.at;
  return {
    severity: d.severity,
    code: d.code,
    file: at.file,
    frame: at.kind === "frame" ? at.frame : null,
    line: at.kind === "line" ? at.line : null,
    message: d.message,
  };
}

interface PendingResponse {
  readonly record: MessageRecord;
  readonly method: string | null;
  readonly timeUs: number | null;
}

/**
 * Streams the analysis of `inputs` (paths, Buffers, streams: pipeline/inputs.ts): messages, annotations when
 * decided, calls when ended, flows, diagnostics, a summary.
 */
export async function* analyzeStream(inputs: AnalysisInput | readonly AnalysisInput[], options: AnalyzeOptions = {}): AsyncGenerator<AnalysisEvent> {
  const lang = options.lang ?? "en";
  const collecting = new CollectingSink(options.diagnosticsPerCode ?? 1000);
  const queued: AnalysisEvent[] = [];
  collecting.onReport((d) => queued.push({ type: "diagnostic", diagnostic: toDiagnosticRecord(d) }));
  const sink: DiagnosticSink = collecting;
  const files = await resolveInputs(inputs, { onSkip: (p, reason) => { sink.report(makeDiagnostic("input.skipped", fileRef(p), reason)); } });

  const infos: SourceInfo[] = files.map(() => ({ format: "unknown", bytes: 0 }));
  const perFileMessages = new Map<string, number>();
  const sources: AsyncIterable<TraceEvent>[] = files.map((f, i) => readTraceEvents(f, options, sink, infos[i] ?? { format: "unknown", bytes: 0 }));
  const events = sources.length === 1 && sources[0] !== undefined ? sources[0] : mergeByTime(sources);

  const parser = new ParseStage(sink);
  const analyzer = new TraceAnalyzer(sink);
  const directory = new MessageDirectory(files.length > 1);
  const hopEvents = new HopEvents();
  const counter = new SummaryCounter();
  const parsed = new Map<number, { readonly msg: SipMessage; readonly copyOf: number | null }>();
  const pending = new Map<number, PendingResponse>();
  const earlyFindings = new Map<number, Finding>();

  const emitAnnotation = (a: AnnotationRecord): void => {
    counter.addAnnotation(a);
    queued.push({ type: "annotation", annotation: a });
  };
  const annotate = (p: PendingResponse, finding: Finding | null): void => {
    const sameEventAs = p.record.sameEventAs ?? null;
    emitAnnotation({
      ...buildAnnotation({
        response: p.record,
        finding,
        method: p.method,
        lang,
        label: (i) => directory.label(i),
        timeUs: (i) => directory.timeUs(i),
        responseTimeUs: p.timeUs,
      }),
      sameEventAs,
      hops: [...hopEvents.hopsOf(p.record.index, sameEventAs)],
    });
  };

  const handleOutputs = (outputs: ReturnType<TraceAnalyzer["push"]>): void => {
    for (const out of outputs) {
      switch (out.kind) {
        case "message-info": {
          const item = parsed.get(out.index);
          if (item === undefined) break;
          parsed.delete(out.index);
          emitMessage(item.msg, out.retransmissionOf, item.copyOf, out.requestIndex, out.sameEventAs);
          break;
        }
        case "finding": {
          const p = pending.get(out.finding.response);
          if (p === undefined) earlyFindings.set(out.finding.response, out.finding);
          else {
            pending.delete(out.finding.response);
            annotate(p, out.finding);
          }
          break;
        }
        case "call":
          counter.addCall(out.call);
          queued.push({ type: "call", call: out.call });
          break;
        case "flow":
          counter.flows++;
          queued.push({ type: "flow", flow: out.flow });
          break;
        case "diagnostic":
          sink.report(out.diagnostic);
          break;
      }
    }
  };

  const emitMessage = (msg: SipMessage, retransmissionOf: number | null, copyOf: number | null, requestIndex: number | null, sameEventAs: number | null = null): void => {
    const record = toMessageRecord(msg, { retransmissionOf, copyOf, sameEventAs });
    hopEvents.add(record.index, sameEventAs);
    options.onMessage?.(msg);
    const timeUs = msg.payload.timePrecision === "unknown" ? null : msg.payload.timeUs;
    directory.add(record, timeUs);
    counter.addMessage(record);
    perFileMessages.set(record.file, (perFileMessages.get(record.file) ?? 0) + 1);
    queued.push({ type: "message", message: record });
    if (msg.kind !== "response" || copyOf !== null) return;
    const method = (requestIndex === null ? null : directory.method(requestIndex)) ?? msg.cseq?.method ?? null;
    const p: PendingResponse = { record, method, timeUs };
    // A retransmitted final response repeats its original: it gets a generic annotation, not a second finding.
    if (retransmissionOf === null && trackerFor(msg.status, method) !== null) {
      const early = earlyFindings.get(record.index);
      if (early !== undefined) {
        earlyFindings.delete(record.index);
        annotate(p, early);
      } else pending.set(record.index, p);
    } else annotate(p, null);
  };

  for await (const ev of events) {
    let item;
    try {
      item = parser.push(ev);
    } catch (e) {
      sink.report(makeDiagnostic("pipeline.internal_error", ev.origin.frame !== null ? { kind: "frame", file: ev.origin.file, frame: ev.origin.frame } : fileRef(ev.origin.file), `parser failed: ${e instanceof Error ? e.message : String(e)}`));
      item = null;
    }
    if (item !== null) {
      if (item.kind === "message") {
        if (item.copyOf !== null) {
          // HEP mirror copy: shown, linked to its original, kept out of correlation (not a retransmission).
          emitMessage(item.msg, null, item.copyOf, null);
        } else {
          parsed.set(item.msg.index, item);
          handleOutputs(analyzer.push({ kind: "message", msg: item.msg }));
          item.msg.compact();
          // A message the analyzer did not describe (should not happen) is still reported.
          const left = parsed.get(item.msg.index);
          if (left !== undefined) {
            parsed.delete(item.msg.index);
            emitMessage(left.msg, null, null, null);
          }
        }
      } else if (item.kind === "keepalive" || item.kind === "connection" || item.kind === "unreachable") {
        handleOutputs(analyzer.push(item));
      }
    }
    if (queued.length > 0) yield* queued.splice(0);
  }
  handleOutputs(analyzer.finish());
  // Responses still owed a finding get the generic text rather than nothing (the trackers' contract says they
  // never should); the internal-error diagnostic makes the gap visible.
  for (const [index, p] of pending) {
    sink.report(makeDiagnostic("pipeline.internal_error", fileRef(p.record.file), `no tracker finding for response #${index}; annotated generically`));
    annotate(p, null);
  }
  files.forEach((f, i) => {
    const label = labelOf(f);
    if ((perFileMessages.get(label) ?? 0) === 0 && infos[i]?.format !== "empty" && infos[i]?.format !== "unreadable") {
      sink.report(makeDiagnostic("pipeline.no_sip", fileRef(label), "no SIP message found in this input"));
    }
  });
  if (queued.length > 0) yield* queued.splice(0);
  const fileSummaries: FileSummary[] = files.map((f, i) => {
    const label = labelOf(f);
    return { path: label, format: infos[i]?.format ?? "unknown", messages: perFileMessages.get(label) ?? 0, bytes: infos[i]?.bytes ?? 0 };
  });
  yield { type: "summary", summary: counter.summary(collecting.countsByCode, collecting.droppedCount), files: fileSummaries };
}

/** The analysis of `inputs` (a path, paths, a Buffer or a stream) as one JSON document (schemaVersion 1). */
export async function analyze(inputs: AnalysisInput | readonly AnalysisInput[], options: AnalyzeOptions = {}): Promise<AnalysisDocument> {
  const messages: MessageRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  const calls: CallRecord[] = [];
  const flows: FlowRecord[] = [];
  const diagnostics: DiagnosticRecord[] = [];
  const perCode = new Map<string, number>();
  const limit = options.diagnosticsPerCode ?? 1000;
  let summary: AnalysisDocument["summary"] | null = null;
  let files: readonly FileSummary[] = [];
  for await (const ev of analyzeStream(inputs, options)) {
    switch (ev.type) {
      case "message":
        messages.push(ev.message);
        break;
      case "annotation":
        annotations.push(ev.annotation);
        break;
      case "call":
        calls.push(ev.call);
        break;
      case "flow":
        flows.push(ev.flow);
        break;
      case "diagnostic": {
        const n = (perCode.get(ev.diagnostic.code) ?? 0) + 1;
        perCode.set(ev.diagnostic.code, n);
        if (n <= limit) diagnostics.push(ev.diagnostic);
        break;
      }
      case "summary":
        summary = ev.summary;
        files = ev.files;
        break;
    }
  }
  if (summary === null) throw new Error("analysis ended without a summary");
  annotations.sort((a, b) => a.message - b.message);
  const hops = hopsOfEvents(messages);
  calls.sort((a, b) => (a.messages[0] ?? 0) - (b.messages[0] ?? 0));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "sipta", version: VERSION },
    lang: options.lang ?? "en",
    files,
    summary,
    messages,
    calls,
    annotations: hops.size === 0 ? annotations : annotations.map((a) => ({ ...a, hops: hops.get(a.sameEventAs ?? a.message) ?? [a.message] })),
    flows,
    diagnostics,
  };
}

/** Every copy of each event seen on several hops (the document has them all; a stream knows those seen so far). */
function hopsOfEvents(messages: readonly MessageRecord[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const m of messages) {
    const first = m.sameEventAs ?? null;
    if (first === null) continue;
    const list = out.get(first) ?? [first];
    list.push(m.index);
    out.set(first, list);
  }
  return out;
}
