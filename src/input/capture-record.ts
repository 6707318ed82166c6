/**
 * One packet record read from a capture file, before any decoding, and the contract of the record readers
 * (pcap.ts, pcapng.ts): push chunks in, get records out synchronously, no Promise per packet.
 */
import type { TimeUs } from "../model/time.js";

export interface CaptureRecord {
  /** 1-based, counted over every packet record of the file, as Wireshark numbers frames. */
  readonly frame: number;
  readonly timeUs: TimeUs;
  /** LINKTYPE_* number of the interface that captured it. */
  readonly linkType: number;
  /** Interface number, unique in the file (pcapng: across sections); 0 for classic pcap. */
  readonly iface: number;
  /**
   * Captured bytes. Usually a view into the input chunk: a consumer that keeps bytes beyond the callback
   * (fragment or out-of-order buffers) must copy them.
   */
  readonly data: Buffer;
  /** Length on the wire; larger than data.length when the snapshot length cut the packet. */
  readonly origLen: number;
}

export type RecordCallback = (r: CaptureRecord) => void;

export interface RecordReader {
  /** Feeds the next chunk of the file; calls `emit` for each complete record, in file order. */
  push(chunk: Buffer, emit: RecordCallback): void;
  /** The input ended: reports a record cut short by the end of file. */
  end(emit: RecordCallback): void;
  /** Number of records delivered so far (the last frame number). */
  readonly frames: number;
}

/** Largest packet Wireshark accepts in a standard capture (WTAP_MAX_PACKET_SIZE_STANDARD). */
export const MAX_STANDARD_PACKET = 262_144;
