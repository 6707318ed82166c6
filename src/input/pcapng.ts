/**
 * pcapng reader over Buffer chunks (draft-ietf-opsawg-pcapng): Section Header Blocks in either byte order and any
 * number of sections, Interface Description Blocks (link type, if_tsresol, if_tsoffset), Enhanced, Simple and the
 * obsolete Packet Blocks. Other blocks (NRB, ISB, DSB, custom, unknown) are skipped and counted. A bad block
 * length is a diagnostic; reading resumes at the next block that looks valid. A timestamp outside what sipta can
 * represent (a flipped bit in ts_hi, an if_tsresol of seconds over microsecond counts) never reaches a Date: the
 * frame keeps the previous frame's time and one diagnostic names the file and the first such frame.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { fileRef, frameRef } from "../model/origin.js";
import type { RecordCallback, RecordReader } from "./capture-record.js";
import { PCAPNG_SHB_TYPE } from "./detect.js";

const BOM = 0x1a2b3c4d;
/** Blocks larger than this are damage (Wireshark's limit for a block is 16 MiB as well). */
const MAX_BLOCK = 16 * 1024 * 1024;

const BT_IDB = 1;
const BT_PB = 2;
const BT_SPB = 3;
const BT_EPB = 6;

interface Interface {
  readonly linkType: number;
  readonly snaplen: number;
  /** Timestamp units per second is 10^k (pow10) or 2^k. */
  readonly tsPow10: number | null;
  readonly tsPow2: number | null;
  readonly tsOffsetUs: number;
  /** Unique over the file (section base + index). */
  readonly globalId: number;
}

export class PcapngRecordReader implements RecordReader {
  private pending: Buffer | null = null;
  private le = true;
  private inSection = false;
  private interfaces: Interface[] = [];
  private interfaceCount = 0;
  private frame = 0;
  private skipped = new Map<number, number>();
  private resyncing = false;
  private skippedBytes = 0;
  private offset = 0;
  /** Simple Packet Blocks have no timestamp: they get the last one seen, so time order holds. */
  private lastTimeUs = 0;
  /** Frames whose timestamp was out of range (the first one is reported at once, the count at the end). */
  private badTimes = 0;

  constructor(
    private readonly file: string,
    private readonly sink: DiagnosticSink,
  ) {}

  get frames(): number {
    return this.frame;
  }

  push(chunk: Buffer, emit: RecordCallback): void {
    const buf = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = null;
    const len = buf.length;
    let at = 0;
    while (len - at >= 12) {
      if (this.resyncing) {
        const { found, keepFrom } = this.findBlock(buf, at);
        if (found < 0) {
          // Blocks are 32-bit aligned from the file start: keep the scan position aligned too.
          const keep = at + Math.max(0, Math.floor((Math.min(keepFrom, len - 64) - at) / 4) * 4);
          this.skippedBytes += keep - at;
          this.offset += keep - at;
          at = keep;
          break;
        }
        this.skippedBytes += found - at;
        this.offset += found - at;
        at = found;
        this.resyncing = false;
        this.sink.report(makeDiagnostic("pcap.resynchronised", frameRef(this.file, this.frame + 1), `resumed at file offset ${this.offset} after skipping ${this.skippedBytes} damaged bytes; frame numbers from here on may differ from Wireshark's, which stops at the damage`));
        this.skippedBytes = 0;
      }
      const typeLE = buf.readUInt32LE(at);
      if (typeLE === PCAPNG_SHB_TYPE) {
        const bom = buf.readUInt32LE(at + 8);
        if (bom === BOM) this.le = true;
        else if (bom === 0x4d3c2b1a) this.le = false;
        else {
          this.damaged(`section header with byte-order magic 0x${bom.toString(16)} (expected 1a2b3c4d)`);
          at += 4;
          this.offset += 4;
          continue;
        }
      }
      const le = this.le;
      const type = le ? typeLE : buf.readUInt32BE(at);
      const blockLen = le ? buf.readUInt32LE(at + 4) : buf.readUInt32BE(at + 4);
      if (blockLen < 12 || blockLen % 4 !== 0 || blockLen > MAX_BLOCK || (!this.inSection && type !== PCAPNG_SHB_TYPE)) {
        this.damaged(!this.inSection && type !== PCAPNG_SHB_TYPE ? `block type 0x${type.toString(16)} before any section header` : `block type 0x${type.toString(16)} has an impossible length ${blockLen} (must be a multiple of 4 between 12 and ${MAX_BLOCK})`);
        at += 4;
        this.offset += 4;
        continue;
      }
      if (len - at < blockLen) break;
      const trailer = le ? buf.readUInt32LE(at + blockLen - 4) : buf.readUInt32BE(at + blockLen - 4);
      if (trailer !== blockLen) {
        this.damaged(`block type 0x${type.toString(16)} length ${blockLen} disagrees with its trailing copy ${trailer}`);
        at += 4;
        this.offset += 4;
        continue;
      }
      this.handleBlock(buf, at, type, blockLen, emit);
      at += blockLen;
      this.offset += blockLen;
    }
    if (at < len) this.pending = buf.subarray(at);
  }

  end(): void {
    const rest = this.pending?.length ?? 0;
    if (this.resyncing) {
      this.sink.report(makeDiagnostic("pcapng.truncated_block", frameRef(this.file, this.frame + 1), `no valid block found in the ${this.skippedBytes + rest} bytes after the damage`));
    } else if (rest > 0 && this.offset === 0) {
      // Mirrors pcap.bad_header: the file ends inside its first Section Header Block, so nothing can be read.
      this.sink.report(makeDiagnostic("pcapng.bad_header", fileRef(this.file), `file ends after ${rest} bytes, inside the pcapng Section Header Block: the capture was cut short`));
    } else if (rest > 0) {
      this.sink.report(makeDiagnostic("pcapng.truncated_block", frameRef(this.file, this.frame + 1), `file ends ${rest} bytes into a block at offset ${this.offset} (after frame ${this.frame}): the capture was cut short`));
    }
    if (this.badTimes > 1) {
      this.sink.report(makeDiagnostic("pcapng.timestamp_out_of_range", fileRef(this.file), `${this.badTimes} frames in all had timestamps sipta cannot represent; each was given the time of the frame before it`));
    }
    if (this.skipped.size > 0) {
      const parts = [...this.skipped].map(([t, n]) => `${n}× ${blockName(t)}`).join(", ");
      this.sink.report(makeDiagnostic("pcapng.skipped_blocks", fileRef(this.file), `skipped blocks without packets: ${parts}`));
    }
    this.pending = null;
  }

  private damaged(what: string): void {
    this.sink.report(makeDiagnostic("pcapng.bad_block_length", frameRef(this.file, this.frame + 1), `${what} at file offset ${this.offset} (after frame ${this.frame}); looking for the next valid block`));
    this.resyncing = true;
  }

  /**
   * Next 4-aligned offset holding an SHB with a valid BOM, or a known block whose trailer matches its length; or
   * -1 with the offset from which bytes must be kept (a candidate whose trailer is not in the buffer yet).
   */
  private findBlock(buf: Buffer, from: number): { found: number; keepFrom: number } {
    for (let at = from; at + 12 <= buf.length; at += 4) {
      const tLE = buf.readUInt32LE(at);
      if (tLE === PCAPNG_SHB_TYPE) {
        const bom = buf.readUInt32LE(at + 8);
        if (bom === BOM || bom === 0x4d3c2b1a) return { found: at, keepFrom: at };
        continue;
      }
      if (!this.inSection) continue;
      const type = this.le ? tLE : buf.readUInt32BE(at);
      if (type !== BT_EPB && type !== BT_SPB && type !== BT_IDB && type !== 5 && type !== BT_PB) continue;
      const l = this.le ? buf.readUInt32LE(at + 4) : buf.readUInt32BE(at + 4);
      if (l < 12 || l % 4 !== 0 || l > MAX_BLOCK) continue;
      if (at + l > buf.length) return { found: -1, keepFrom: at }; // wait for more data to check the trailer
      const tr = this.le ? buf.readUInt32LE(at + l - 4) : buf.readUInt32BE(at + l - 4);
      if (tr === l) return { found: at, keepFrom: at };
    }
    return { found: -1, keepFrom: Math.max(from, buf.length - 12) };
  }

  private handleBlock(b: Buffer, at: number, type: number, blockLen: number, emit: RecordCallback): void {
    const le = this.le;
    const u16 = (o: number): number => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
    const end = at + blockLen - 4;
    switch (type) {
      case PCAPNG_SHB_TYPE:
        if (blockLen < 28) {
          this.malformed(type, blockLen);
          return;
        }
        // pcapng §4.1: a new section resets interfaces and byte order.
        this.inSection = true;
        this.interfaces = [];
        return;
      case BT_IDB: {
        if (blockLen < 20) {
          this.malformed(type, blockLen);
          return;
        }
        let pow10: number | null = 6;
        let pow2: number | null = null;
        let offsetUs = 0;
        for (let o = at + 16; o + 4 <= end; ) {
          const code = u16(o);
          const olen = u16(o + 2);
          if (code === 0 || o + 4 + olen > end) break;
          if (code === 9 && olen >= 1) {
            // if_tsresol: MSB clear → 10^-v, set → 2^-v (pcapng §4.2).
            const v = b[o + 4] ?? 6;
            if ((v & 0x80) === 0) [pow10, pow2] = [v, null];
            else [pow10, pow2] = [null, v & 0x7f];
          } else if (code === 14 && olen >= 8) {
            const sec = le ? b.readBigInt64LE(o + 4) : b.readBigInt64BE(o + 4);
            offsetUs = Number(sec) * 1_000_000;
          }
          o += 4 + ((olen + 3) & ~3);
        }
        this.interfaces.push({ linkType: u16(at + 8), snaplen: u32(at + 12), tsPow10: pow10, tsPow2: pow2, tsOffsetUs: offsetUs, globalId: this.interfaceCount++ });
        return;
      }
      case BT_EPB: {
        if (blockLen < 32) {
          this.malformed(type, blockLen);
          return;
        }
        const itf = this.interfaceFor(u32(at + 8));
        const caplen = u32(at + 20);
        const origLen = u32(at + 24);
        this.frame++;
        if (itf === null) return;
        if (28 + caplen > blockLen - 4) {
          this.sink.report(makeDiagnostic("pcap.impossible_caplen", frameRef(this.file, this.frame), `enhanced packet block claims ${caplen} captured bytes but holds only ${blockLen - 32}; using what it holds`));
        }
        const dataEnd = Math.min(at + 28 + caplen, end);
        emit({ frame: this.frame, timeUs: this.stamp(itf, u32(at + 12), u32(at + 16)), linkType: itf.linkType, iface: itf.globalId, data: b.subarray(at + 28, dataEnd), origLen });
        return;
      }
      case BT_SPB: {
        if (blockLen < 16) {
          this.malformed(type, blockLen);
          return;
        }
        this.frame++;
        const itf = this.interfaceFor(0);
        if (itf === null) return;
        const origLen = u32(at + 8);
        // pcapng §4.4: captured length is min(original length, snaplen, what the block holds).
        let cap = Math.min(origLen, blockLen - 16);
        if (itf.snaplen > 0) cap = Math.min(cap, itf.snaplen);
        emit({ frame: this.frame, timeUs: this.lastTimeUs, linkType: itf.linkType, iface: itf.globalId, data: b.subarray(at + 12, at + 12 + cap), origLen });
        return;
      }
      case BT_PB: {
        if (blockLen < 32) {
          this.malformed(type, blockLen);
          return;
        }
        const itf = this.interfaceFor(u16(at + 8));
        this.frame++;
        if (itf === null) return;
        const caplen = Math.min(u32(at + 20), blockLen - 32);
        emit({ frame: this.frame, timeUs: this.stamp(itf, u32(at + 12), u32(at + 16)), linkType: itf.linkType, iface: itf.globalId, data: b.subarray(at + 28, at + 28 + caplen), origLen: u32(at + 24) });
        return;
      }
      default:
        this.skipped.set(type, (this.skipped.get(type) ?? 0) + 1);
    }
  }

  /**
   * The frame's time in µs, or the previous frame's when the timestamp is not a safe integer of µs (beyond about
   * ±285 years around 1970: model/time.ts keeps time exact only that far, and Date itself ends soon after).
   */
  private stamp(itf: Interface, hi: number, lo: number): number {
    const t = toUs(itf, hi, lo);
    if (Number.isSafeInteger(t)) {
      this.lastTimeUs = t;
      return t;
    }
    if (++this.badTimes === 1) {
      const unit = itf.tsPow2 !== null ? `2^-${itf.tsPow2} s` : `10^-${itf.tsPow10 ?? 6} s`;
      this.sink.report(makeDiagnostic("pcapng.timestamp_out_of_range", frameRef(this.file, this.frame), `timestamp ${((BigInt(hi) << 32n) | BigInt(lo)).toString()} in units of ${unit} (if_tsresol) is outside the dates sipta can represent; the frame keeps the previous frame's time`));
    }
    return this.lastTimeUs;
  }

  private interfaceFor(id: number): Interface | null {
    const itf = this.interfaces[id];
    if (itf !== undefined) return itf;
    this.sink.report(makeDiagnostic("pcapng.unknown_interface", frameRef(this.file, this.frame + (this.frame === 0 ? 1 : 0)), `packet names interface ${id}, but the section describes only ${this.interfaces.length}; packet skipped`));
    return null;
  }

  private malformed(type: number, blockLen: number): void {
    this.sink.report(makeDiagnostic("pcapng.malformed_block", frameRef(this.file, this.frame + 1), `${blockName(type)} of ${blockLen} bytes is too short for its fields; skipped`));
  }
}

/** 64-bit timestamp in the interface's units → µs since the epoch (sub-µs dropped, see model/time.ts). */
function toUs(itf: Interface, hi: number, lo: number): number {
  if (itf.tsPow10 === 6) return hi * 4294967296 + lo + itf.tsOffsetUs;
  if (itf.tsPow10 === 9) {
    // hi·2^32 = hi·(4294967·1000 + 296): exact in doubles, unlike hi·2^32 + lo for ns.
    return hi * 4294967 + Math.floor((hi * 296 + lo) / 1000) + itf.tsOffsetUs;
  }
  const raw = (BigInt(hi) << 32n) | BigInt(lo);
  if (itf.tsPow10 !== null) {
    const k = itf.tsPow10;
    const us = k >= 6 ? raw / 10n ** BigInt(k - 6) : raw * 10n ** BigInt(6 - k);
    return Number(us) + itf.tsOffsetUs;
  }
  const p = BigInt(itf.tsPow2 ?? 0);
  return Number((raw * 1_000_000n) >> p) + itf.tsOffsetUs;
}

function blockName(type: number): string {
  switch (type) {
    case 4:
      return "name resolution block";
    case 5:
      return "interface statistics block";
    case 10:
      return "decryption secrets block";
    case 0xbad:
    case 0x40000bad:
      return "custom block";
    case BT_EPB:
      return "enhanced packet block";
    case BT_IDB:
      return "interface description block";
    case BT_PB:
      return "packet block";
    case BT_SPB:
      return "simple packet block";
    case PCAPNG_SHB_TYPE:
      return "section header block";
    default:
      return `block type 0x${type.toString(16)}`;
  }
}
