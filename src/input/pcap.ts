/**
 * Classic libpcap reader over Buffer chunks (the hot path): µs and ns magic, both byte orders, records split
 * across chunks. Damage is a diagnostic: an impossible caplen makes the reader scan for the next plausible record
 * header; a cut last record is reported with its frame number. See docs/capture-ingestion.md for why this is
 * hand-written rather than pcap-parser (which is kept in pcap-parser-reader.ts for comparison and cross-checks).
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { fileRef, frameRef } from "../model/origin.js";
import type { CaptureRecord, RecordCallback, RecordReader } from "./capture-record.js";
import { MAX_STANDARD_PACKET } from "./capture-record.js";

const GLOBAL_HEADER = 24;
const RECORD_HEADER = 16;
/** A caplen above this is damage even when the header's snaplen is larger (corrupt snaplen). */
const HARD_CAPLEN_LIMIT = 16 * 1024 * 1024;

export interface PcapHeader {
  readonly littleEndian: boolean;
  readonly nanosecond: boolean;
  readonly versionMajor: number;
  readonly versionMinor: number;
  readonly snaplen: number;
  readonly linkType: number;
}

/** Parses the 24-byte global header; null when the magic is not pcap's. */
export function parsePcapHeader(b: Buffer): PcapHeader | null {
  if (b.length < GLOBAL_HEADER) return null;
  const m = b.readUInt32LE(0);
  let le: boolean;
  let ns: boolean;
  if (m === 0xa1b2c3d4) [le, ns] = [true, false];
  else if (m === 0xd4c3b2a1) [le, ns] = [false, false];
  else if (m === 0xa1b23c4d) [le, ns] = [true, true];
  else if (m === 0x4d3cb2a1) [le, ns] = [false, true];
  else return null;
  const u16 = (at: number): number => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (at: number): number => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  // The link-type field's upper bits carry FCS information (pcap spec §4, LinkType and additional information).
  return { littleEndian: le, nanosecond: ns, versionMajor: u16(4), versionMinor: u16(6), snaplen: u32(16), linkType: u32(20) & 0xffff };
}

export class PcapRecordReader implements RecordReader {
  private pending: Buffer | null = null;
  private header: PcapHeader | null = null;
  private failed = false;
  private frame = 0;
  private lastSec = -1;
  private resyncing = false;
  private skippedBytes = 0;
  private caplenLimit = MAX_STANDARD_PACKET;
  private snapCut = false;
  private eof = false;

  constructor(
    private readonly file: string,
    private readonly sink: DiagnosticSink,
  ) {}

  get frames(): number {
    return this.frame;
  }

  push(chunk: Buffer, emit: RecordCallback): void {
    if (this.failed) return;
    let buf = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = null;
    let at = 0;
    if (this.header === null) {
      if (buf.length < GLOBAL_HEADER) {
        this.pending = buf;
        return;
      }
      const h = parsePcapHeader(buf);
      if (h?.versionMajor !== 2) {
        this.failed = true;
        this.sink.report(makeDiagnostic("pcap.bad_header", fileRef(this.file), h === null ? "not a pcap global header" : `unsupported pcap version ${h.versionMajor}.${h.versionMinor}: expected 2.x`));
        return;
      }
      this.header = h;
      if (h.snaplen > MAX_STANDARD_PACKET) this.caplenLimit = Math.min(h.snaplen, HARD_CAPLEN_LIMIT);
      at = GLOBAL_HEADER;
    }
    const h = this.header;
    const le = h.littleEndian;
    const fracDiv = h.nanosecond ? 1000 : 1;
    const linkType = h.linkType;
    const len = buf.length;
    for (;;) {
      if (this.resyncing) {
        const { found: next, keepFrom } = this.findPlausibleRecord(buf, at);
        if (next < 0) {
          // Keep the tail that may hold the start of a plausible header (or a candidate awaiting confirmation).
          const keep = Math.max(at, Math.min(keepFrom, len - RECORD_HEADER * 2));
          this.skippedBytes += keep - at;
          buf = buf.subarray(keep);
          this.pending = buf.length > 0 ? Buffer.from(buf) : null;
          return;
        }
        this.skippedBytes += next - at;
        at = next;
        this.resyncing = false;
        this.sink.report(makeDiagnostic("pcap.resynchronised", frameRef(this.file, this.frame + 1), `resumed reading after skipping ${this.skippedBytes} damaged bytes; frame numbers from here on may differ from Wireshark's, which stops at the damage`));
        this.skippedBytes = 0;
      }
      if (len - at < RECORD_HEADER) break;
      const sec = le ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
      const frac = le ? buf.readUInt32LE(at + 4) : buf.readUInt32BE(at + 4);
      const caplen = le ? buf.readUInt32LE(at + 8) : buf.readUInt32BE(at + 8);
      const origLen = le ? buf.readUInt32LE(at + 12) : buf.readUInt32BE(at + 12);
      if (caplen > this.caplenLimit) {
        this.sink.report(makeDiagnostic("pcap.impossible_caplen", frameRef(this.file, this.frame + 1), `record header claims ${caplen} captured bytes (limit ${this.caplenLimit}, original length ${origLen}); the file is damaged here, looking for the next valid record`));
        this.resyncing = true;
        at += 1;
        continue;
      }
      if (len - at - RECORD_HEADER < caplen) break;
      const dataStart = at + RECORD_HEADER;
      this.frame++;
      this.lastSec = sec;
      if (origLen > caplen && !this.snapCut) {
        this.snapCut = true;
        this.sink.report(makeDiagnostic("pcap.snaplen_truncated", frameRef(this.file, this.frame), `frame stored with ${caplen} of its ${origLen} bytes (snapshot length ${h.snaplen}); later frames may be cut too`));
      }
      const r: CaptureRecord = {
        frame: this.frame,
        timeUs: sec * 1_000_000 + Math.floor(frac / fracDiv),
        linkType,
        iface: 0,
        data: buf.subarray(dataStart, dataStart + caplen),
        origLen,
      };
      at = dataStart + caplen;
      emit(r);
    }
    if (at < len) this.pending = buf.subarray(at);
  }

  end(emit: RecordCallback): void {
    if (this.failed) return;
    if (this.resyncing && this.pending !== null) {
      // At the end of the file a candidate record that ends exactly at EOF needs no following record to confirm it.
      this.eof = true;
      this.push(Buffer.alloc(0), emit);
    }
    if (this.header === null) {
      this.sink.report(makeDiagnostic("pcap.bad_header", fileRef(this.file), `file ends after ${this.pending?.length ?? 0} bytes, inside the 24-byte pcap header`));
      return;
    }
    if (this.resyncing) {
      this.sink.report(makeDiagnostic("pcap.truncated_record", frameRef(this.file, this.frame + 1), `no valid record found in the ${this.skippedBytes + (this.pending?.length ?? 0)} bytes after the damage`));
      return;
    }
    const rest = this.pending?.length ?? 0;
    if (rest > 0) {
      this.sink.report(makeDiagnostic("pcap.truncated_record", frameRef(this.file, this.frame + 1), `file ends ${rest} bytes into frame ${this.frame + 1} (record header is ${RECORD_HEADER} bytes plus the captured length): the capture was cut short`));
    }
    this.pending = null;
  }

  /**
   * Offset ≥ from of a record header that looks valid and is followed by another valid one; or -1 with the
   * offset from which bytes must be kept until more data arrives (a candidate not yet confirmed).
   */
  private findPlausibleRecord(buf: Buffer, from: number): { found: number; keepFrom: number } {
    const h = this.header;
    if (h === null) return { found: -1, keepFrom: buf.length };
    const le = h.littleEndian;
    const fracMax = h.nanosecond ? 1_000_000_000 : 1_000_000;
    const plausible = (at: number): number => {
      if (at + RECORD_HEADER > buf.length) return -1;
      const sec = le ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
      const frac = le ? buf.readUInt32LE(at + 4) : buf.readUInt32BE(at + 4);
      const caplen = le ? buf.readUInt32LE(at + 8) : buf.readUInt32BE(at + 8);
      const orig = le ? buf.readUInt32LE(at + 12) : buf.readUInt32BE(at + 12);
      if (frac >= fracMax || caplen === 0 || caplen > this.caplenLimit || orig < caplen || orig > HARD_CAPLEN_LIMIT) return -1;
      if (this.lastSec >= 0 && Math.abs(sec - this.lastSec) > 86_400) return -1;
      return at + RECORD_HEADER + caplen;
    };
    for (let at = from; at + RECORD_HEADER <= buf.length; at++) {
      const next = plausible(at);
      if (next < 0) continue;
      if (this.eof && next === buf.length) return { found: at, keepFrom: at };
      if (next + RECORD_HEADER > buf.length) return { found: -1, keepFrom: at }; // confirm with the next chunk
      if (plausible(next) >= 0) return { found: at, keepFrom: at };
    }
    return { found: -1, keepFrom: buf.length };
  }
}
