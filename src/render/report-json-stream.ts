/**
 * `--format json` written as the analysis streams: the same text as renderJsonReport (2-space indent, contract key
 * order, annotations by message, calls by first message), but never held as one string or one document. Each record
 * is serialized when it arrives and parked in a temporary file (RecordSpool); the summary, which opens the document,
 * is known only at the end, and then the sections are copied out in order. Memory follows live calls, not file size.
 */
import type { AnalysisDocument, AnnotationRecord, CallRecord, DiagnosticRecord, FlowRecord, MessageRecord } from "../model/document.js";
import { RecordSpool } from "../util/record-spool.js";
import { stringifyOrderedIndented, stringifyRecordIndented } from "./json-text.js";

export type DocumentHead = Pick<AnalysisDocument, "schemaVersion" | "tool" | "lang" | "files" | "summary">;

/** Records sit two levels into the document: `{ "messages": [ {...} ] }`. */
const RECORD_DEPTH = 2;

export class JsonDocumentWriter {
  private readonly messages = new RecordSpool();
  private readonly calls = new RecordSpool();
  private readonly annotations = new RecordSpool();
  private readonly flows = new RecordSpool();
  private readonly diagnostics = new RecordSpool();
  private sequence = 0;

  message(m: MessageRecord): void {
    this.messages.add(this.sequence++, stringifyRecordIndented("message", m, RECORD_DEPTH));
  }

  call(c: CallRecord): void {
    this.calls.add(c.messages[0] ?? 0, stringifyRecordIndented("call", c, RECORD_DEPTH));
  }

  annotation(a: AnnotationRecord): void {
    this.annotations.add(a.message, stringifyRecordIndented("annotation", a, RECORD_DEPTH));
  }

  flow(f: FlowRecord): void {
    this.flows.add(this.sequence++, stringifyRecordIndented("flow", f, RECORD_DEPTH));
  }

  /** A diagnostic the document keeps (the caller applies the per-code limit, as analyze() does). */
  diagnostic(d: DiagnosticRecord): void {
    this.diagnostics.add(this.sequence++, stringifyRecordIndented("diagnostic", d, RECORD_DEPTH));
  }

  /** The document's text in pieces, head first. Call close() afterwards (also when the output failed). */
  *finish(head: DocumentHead): Generator<string> {
    const files = head.files.length === 0 ? "[]" : `[\n    ${head.files.map((f) => stringifyRecordIndented("file", f, RECORD_DEPTH)).join(",\n    ")}\n  ]`;
    yield `{\n  "schemaVersion": ${JSON.stringify(head.schemaVersion)},\n  "tool": ${stringifyOrderedIndented(head.tool, 1, ["name", "version"])},\n  "lang": ${JSON.stringify(head.lang)},\n`;
    yield `  "files": ${files},\n  "summary": ${stringifyRecordIndented("summary", head.summary, 1)},\n`;
    yield* section("messages", this.messages, false);
    yield* section("calls", this.calls, false);
    yield* section("annotations", this.annotations, false);
    yield* section("flows", this.flows, false);
    yield* section("diagnostics", this.diagnostics, true);
    yield "}\n";
  }

  close(): void {
    for (const s of [this.messages, this.calls, this.annotations, this.flows, this.diagnostics]) s.close();
  }
}

function* section(name: string, spool: RecordSpool, last: boolean): Generator<string> {
  const end = last ? "\n" : ",\n";
  if (spool.size === 0) {
    yield `  ${JSON.stringify(name)}: []${end}`;
    return;
  }
  yield `  ${JSON.stringify(name)}: [\n`;
  let first = true;
  for (const text of spool.sorted()) {
    yield first ? `    ${text}` : `,\n    ${text}`;
    first = false;
  }
  yield `\n  ]${end}`;
}
