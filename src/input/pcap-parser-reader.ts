/**
 * Classic pcap through `pcap-parser` (the client's choice), kept for comparison and cross-checks. It reads only
 * µs files (magic a1b2c3d4 either order) and re-concatenates its buffer on every chunk; sipta's hot path is
 * PcapRecordReader (pcap.ts), which also reads ns files, stdin and gzip and recovers from damage — see
 * docs/capture-ingestion.md for the measured packet rates behind that choice.
 */
import type { Readable } from "node:stream";
import { parse } from "pcap-parser";
import type { CaptureRecord } from "./capture-record.js";

export interface PcapParserResult {
  readonly linkType: number | null;
  readonly frames: number;
  /** Set when pcap-parser reported an error (unknown magic, unsupported version). */
  readonly error: string | null;
}

/** Reads a classic pcap with pcap-parser, calling `onRecord` per packet; resolves at the end of input. */
export function readPcapWithPcapParser(input: string | Readable, onRecord: (r: CaptureRecord) => void): Promise<PcapParserResult> {
  return new Promise((resolve) => {
    let linkType: number | null = null;
    let frames = 0;
    let error: string | null = null;
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      resolve({ linkType, frames, error });
    };
    const p = parse(input);
    p.on("globalHeader", (h) => {
      linkType = h.linkLayerType;
    });
    p.on("packet", (pk) => {
      frames++;
      onRecord({ frame: frames, timeUs: pk.header.timestampSeconds * 1_000_000 + pk.header.timestampMicroseconds, linkType: linkType ?? 1, iface: 0, data: pk.data, origLen: pk.header.originalLength });
    });
    p.on("error", (e) => {
      error = e.message;
      finish();
    });
    p.on("end", finish);
  });
}
