/**
 * The capture path for ONE file, as a synchronous state machine: push chunks, take events. The record reader
 * (pcap or pcapng, chosen once by the caller from the magic number) yields records → link layer (here) → IpLayer
 * (tunnels, fragments) → UdpLayer / TcpTable → WebSocket, HEP and SIP stream assembly → CaptureEmitter (SIP
 * framing) → TraceEvents. The only awaits are per input chunk; readCaptureEventBatches hands out one array per chunk.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { UNKNOWN_LINK, locateNetworkLayer } from "../decode/link.js";
import type { CaptureRecord, RecordReader } from "../input/capture-record.js";
import { frameRef } from "../model/origin.js";
import type { TraceEvent } from "../model/trace-event.js";
import { CaptureEmitter } from "./emit.js";
import { IpLayer } from "./ip.js";
import { TcpTable } from "./tcp-table.js";

export interface CaptureEventsOptions {
  /** Name used in origins and diagnostics. */
  readonly file: string;
  /** The record reader for this file's format (input/record-reader.ts openRecordReader). */
  readonly reader: RecordReader;
}

export class CaptureProcessor {
  private readonly emitter: CaptureEmitter;
  private readonly tcp: TcpTable;
  private readonly ip: IpLayer;
  private readonly unknownLinkReported = new Set<number>();
  private readonly onRecord = (r: CaptureRecord): void => {
    this.record(r);
  };

  constructor(
    readonly file: string,
    private readonly sink: DiagnosticSink,
    private readonly reader: RecordReader,
  ) {
    this.emitter = new CaptureEmitter(file, sink);
    this.tcp = new TcpTable(this.emitter);
    this.ip = new IpLayer(this.emitter, this.tcp);
  }

  /** Frames read so far. */
  get frames(): number {
    return this.reader.frames;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.reader.push(chunk, this.onRecord);
  }

  /** End of input: flushes the reader, TCP streams and fragment buffers. */
  end(): void {
    this.reader.end(this.onRecord);
    const last = this.reader.frames;
    this.emitter.frame = last;
    this.tcp.finishAll(last);
    this.ip.flush(last);
  }

  /** Events produced since the last call. */
  take(): TraceEvent[] {
    const e = this.emitter.events;
    if (e.length === 0) return e;
    const out = e.slice();
    e.length = 0;
    return out;
  }

  /** One record: the link layer locates the network header; unknown link types are reported once per interface. */
  private record(r: CaptureRecord): void {
    const em = this.emitter;
    em.frame = r.frame;
    em.timeUs = r.timeUs;
    const data = r.data;
    const off = locateNetworkLayer(r.linkType, data, data.length);
    if (off < 0) {
      if (off === UNKNOWN_LINK && !this.unknownLinkReported.has(r.iface)) {
        this.unknownLinkReported.add(r.iface);
        this.sink.report(makeDiagnostic("decode.unknown_link_type", frameRef(this.file, r.frame), `interface ${r.iface} uses link type ${r.linkType}, which sipta does not decode; its packets are skipped`));
      }
      return;
    }
    this.tcp.tick(r.timeUs);
    this.ip.packet(data, off, data.length, null, 0);
  }
}

/** One array of events per input chunk: the cheapest way to consume the capture path. */
export async function* readCaptureEventBatches(chunks: AsyncIterable<Buffer>, opts: CaptureEventsOptions, sink: DiagnosticSink): AsyncGenerator<TraceEvent[], void, undefined> {
  const p = new CaptureProcessor(opts.file, sink, opts.reader);
  for await (const chunk of chunks) {
    p.push(chunk);
    const batch = p.take();
    if (batch.length > 0) yield batch;
  }
  p.end();
  const last = p.take();
  if (last.length > 0) yield last;
}

/** The TraceEvents of one capture file, in the order of the frames that complete them. */
export async function* readCaptureEvents(chunks: AsyncIterable<Buffer>, opts: CaptureEventsOptions, sink: DiagnosticSink): AsyncGenerator<TraceEvent, void, undefined> {
  for await (const batch of readCaptureEventBatches(chunks, opts, sink)) {
    for (const e of batch) yield e;
  }
}
