/**
 * Test helper: the TraceEvents of a capture held in memory, fed to the capture path in chunks of `chunk` bytes.
 * Sniffs the format from the magic number as pipeline/source.ts does; bytes that are not a capture give no events
 * and one input.unrecognized_format diagnostic, as there.
 */
import { Readable } from "node:stream";
import { readCaptureEvents } from "../../src/capture/processor.js";
import { makeDiagnostic } from "../../src/diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../../src/diagnostics/sink.js";
import { describeUnknownFormat, sniffCaptureFormat } from "../../src/input/detect.js";
import { openRecordReader } from "../../src/input/record-reader.js";
import { fileRef } from "../../src/model/origin.js";
import type { TraceEvent } from "../../src/model/trace-event.js";

export async function* captureEventsOf(bytes: Buffer, chunk: number, file: string, sink: DiagnosticSink): AsyncGenerator<TraceEvent> {
  const format = sniffCaptureFormat(bytes);
  if (format === null) {
    sink.report(makeDiagnostic("input.unrecognized_format", fileRef(file), `not a pcap or pcapng capture (${describeUnknownFormat(bytes)})`));
    return;
  }
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  yield* readCaptureEvents(Readable.from(parts), { file, reader: openRecordReader(format, file, sink) }, sink);
}
