/** The record reader for a capture format that was sniffed once (detect.ts sniffCaptureFormat) by the caller. */
import type { DiagnosticSink } from "../diagnostics/sink.js";
import type { RecordReader } from "./capture-record.js";
import type { CaptureFormat } from "./detect.js";
import { PcapRecordReader } from "./pcap.js";
import { PcapngRecordReader } from "./pcapng.js";

export function openRecordReader(format: CaptureFormat, file: string, sink: DiagnosticSink): RecordReader {
  return format === "pcap" ? new PcapRecordReader(file, sink) : new PcapngRecordReader(file, sink);
}
