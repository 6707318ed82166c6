/**
 * One input → TraceEvents. The first bytes decide the reader, here and only here: pcap or pcapng magic → the
 * capture path with that format's record reader; text → the text-log readers (format detected from content unless
 * forced); anything else → one diagnostic naming the format, and no events. gzip is handled by openInput.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { InputFileError } from "../diagnostics/errors.js";
import { readCaptureEvents } from "../capture/processor.js";
import { describeUnknownFormat, isCutMagic, sniffCaptureFormat } from "../input/detect.js";
import { openInput } from "../input/open-input.js";
import { labelOf, type SourceInput } from "./inputs.js";
import { openRecordReader } from "../input/record-reader.js";
import { readTextLogEvents, type TextLogFormat } from "../textlog/index.js";
import { fileRef } from "../model/origin.js";
import type { TraceEvent } from "../model/trace-event.js";


export interface SourceOptions {
  readonly logFormat?: TextLogFormat | undefined;
  readonly date?: string | undefined;
  readonly tz?: string | undefined;
  /** Called with the size of every chunk read (after gzip inflation), for progress display. */
  readonly onInputBytes?: ((n: number) => void) | undefined;
}

export interface SourceInfo {
  format: string;
  bytes: number;
}

async function* prepend(first: Buffer[], rest: AsyncIterator<Buffer>, info: SourceInfo, onBytes: ((n: number) => void) | undefined): AsyncGenerator<Buffer> {
  for (const b of first) {
    onBytes?.(b.length);
    yield b;
  }
  for (;;) {
    const r = await rest.next();
    if (r.done === true) return;
    info.bytes += r.value.length;
    onBytes?.(r.value.length);
    yield r.value;
  }
}

/** True when the head looks like text: no NUL bytes and few other control bytes. */
function looksLikeText(head: Buffer): boolean {
  const n = Math.min(head.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i] ?? 0;
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control <= n / 50;
}

export async function* readTraceEvents(input: SourceInput, opts: SourceOptions, sink: DiagnosticSink, info: SourceInfo): AsyncGenerator<TraceEvent> {
  const file = labelOf(input);
  // A named stream (library input) is read like stdin.
  const chunks = openInput(typeof input === "string" ? input : "-", {
    ...(typeof input === "string" ? {} : { stdin: input.stream }),
    onDamage: (message) => {
      sink.report(makeDiagnostic("pipeline.input_damaged", fileRef(file), message));
    },
  });
  const it = chunks[Symbol.asyncIterator]();
  try {
    yield* readOpened(file, it, opts, sink, info);
  } catch (e) {
    // A file that cannot be opened (permission denied, vanished, a broken link) is one diagnostic; the other inputs
    // are still read. Only this input's opening is caught: an error of a later stage is not an unreadable input.
    const path = typeof input === "string" ? input : "-";
    if (!(e instanceof InputFileError) || e.path !== path) throw e;
    info.format = "unreadable";
    sink.report(makeDiagnostic("input.unreadable", fileRef(file), e.message.slice(path.length + 2)));
  } finally {
    // However reading ended (a reader that stopped early, an unknown format), the input is closed now, not by GC.
    await it.return(undefined);
  }
}

async function* readOpened(file: string, it: AsyncIterator<Buffer>, opts: SourceOptions, sink: DiagnosticSink, info: SourceInfo): AsyncGenerator<TraceEvent> {
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < 8) {
    const r = await it.next();
    if (r.done === true) break;
    head.push(r.value);
    headBytes += r.value.length;
  }
  info.bytes = headBytes;
  const first = Buffer.concat(head);
  if (first.length === 0) {
    info.format = "empty";
    sink.report(makeDiagnostic("pipeline.empty_input", fileRef(file), "the input is empty"));
    return;
  }
  if (isCutMagic(first)) {
    info.format = "unknown";
    sink.report(makeDiagnostic("input.unrecognized_format", fileRef(file), `the input ends after ${first.length} byte(s), inside the magic number of a capture or gzip file: cut short`));
    return;
  }
  const stream = prepend(head, it, info, opts.onInputBytes);
  const capture = sniffCaptureFormat(first);
  if (capture !== null) {
    info.format = capture;
    yield* readCaptureEvents(stream, { file, reader: openRecordReader(capture, file, sink) }, sink);
    return;
  }
  if (opts.logFormat !== undefined || looksLikeText(first)) {
    // "text" until the reader knows which log format it is; then the format's name (asterisk-pjsip, ngrep-byline ...).
    info.format = opts.logFormat ?? "text";
    yield* readTextLogEvents(stream, { file, format: opts.logFormat, date: opts.date, tz: opts.tz, onFormat: (f) => (info.format = f) }, sink);
    return;
  }
  info.format = "unknown";
  sink.report(makeDiagnostic("input.unrecognized_format", fileRef(file), `not a pcap, pcapng or text log (${describeUnknownFormat(first)}); skipped`));
}
