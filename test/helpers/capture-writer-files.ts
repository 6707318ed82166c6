/**
 * Capture file containers for the capture writer: classic pcap (µs or ns, either byte order) and pcapng
 * (SHB, IDB with if_tsresol/if_tsoffset, EPB, SPB, the obsolete Packet Block, and filler blocks).
 */

export interface FileRecord {
  readonly timeUs: number;
  /** Bytes stored in the file (caplen). */
  readonly data: Buffer;
  /** Length on the wire (origlen); defaults to data.length. */
  readonly origLen?: number;
  /** pcapng interface index; 0 by default. */
  readonly iface?: number;
  /** pcapng: write this 64-bit timestamp (ts_hi:ts_lo, in the interface's units) instead of one made from timeUs. */
  readonly rawTimestamp?: bigint;
}

export interface PcapFileOptions {
  readonly linkType: number;
  readonly nanosecond?: boolean;
  readonly bigEndian?: boolean;
  readonly snaplen?: number;
}

/** Classic libpcap file: 24-byte global header, 16-byte record headers. */
export function writePcap(records: readonly FileRecord[], o: PcapFileOptions): Buffer {
  const be = o.bigEndian === true;
  const parts: Buffer[] = [];
  const gh = Buffer.alloc(24);
  const w32 = (b: Buffer, v: number, at: number): void => {
    if (be) b.writeUInt32BE(v >>> 0, at);
    else b.writeUInt32LE(v >>> 0, at);
  };
  const w16 = (b: Buffer, v: number, at: number): void => {
    if (be) b.writeUInt16BE(v, at);
    else b.writeUInt16LE(v, at);
  };
  w32(gh, o.nanosecond === true ? 0xa1b23c4d : 0xa1b2c3d4, 0);
  w16(gh, 2, 4);
  w16(gh, 4, 6);
  w32(gh, o.snaplen ?? 262144, 16);
  w32(gh, o.linkType, 20);
  parts.push(gh);
  for (const r of records) {
    const h = Buffer.alloc(16);
    const sec = Math.floor(r.timeUs / 1e6);
    const us = r.timeUs - sec * 1e6;
    w32(h, sec, 0);
    w32(h, o.nanosecond === true ? us * 1000 : us, 4);
    w32(h, r.data.length, 8);
    w32(h, r.origLen ?? r.data.length, 12);
    parts.push(h, r.data);
  }
  return Buffer.concat(parts);
}

export type PcapngPacketBlock = "epb" | "spb" | "obsolete";

export interface PcapngInterface {
  readonly linkType: number;
  readonly nanosecond?: boolean;
  /** if_tsoffset, seconds added to every timestamp of this interface. */
  readonly tsOffsetSec?: number;
  readonly snaplen?: number;
  /** Raw if_tsresol byte (pcapng §4.2: MSB clear = 10^-v s, set = 2^-v s); overrides `nanosecond` when given. */
  readonly tsresol?: number;
}

export interface PcapngFileOptions {
  readonly interfaces: readonly PcapngInterface[];
  readonly bigEndian?: boolean;
  readonly packetBlock?: PcapngPacketBlock;
  /** Insert an NRB, an ISB, a DSB and an unknown block (which readers must skip and count). */
  readonly fillerBlocks?: boolean;
  /** Start a new section (new SHB + IDBs) before the record with this index. */
  readonly newSectionAt?: number;
}

class BlockWriter {
  readonly parts: Buffer[] = [];
  constructor(private readonly be: boolean) {}

  u16(v: number): Buffer {
    const b = Buffer.alloc(2);
    if (this.be) b.writeUInt16BE(v);
    else b.writeUInt16LE(v);
    return b;
  }

  u32(v: number): Buffer {
    const b = Buffer.alloc(4);
    if (this.be) b.writeUInt32BE(v >>> 0);
    else b.writeUInt32LE(v >>> 0);
    return b;
  }

  /** General block structure (pcapng spec §3.1): type, total length, body padded to 32 bits, total length. */
  block(type: number, body: Buffer): void {
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    const len = padded.length + 12;
    this.parts.push(this.u32(type), this.u32(len), padded, this.u32(len));
  }

  option(code: number, value: Buffer): Buffer {
    return Buffer.concat([this.u16(code), this.u16(value.length), value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
  }
}

/** pcapng file (draft-ietf-opsawg-pcapng). Timestamps are written in each interface's resolution. */
export function writePcapng(records: readonly FileRecord[], o: PcapngFileOptions): Buffer {
  const w = new BlockWriter(o.bigEndian === true);
  const writeHeader = (): void => {
    const shb = Buffer.concat([w.u32(0x1a2b3c4d), w.u16(1), w.u16(0), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])]);
    w.block(0x0a0d0d0a, shb);
    for (const itf of o.interfaces) {
      const opts: Buffer[] = [];
      if (itf.tsresol !== undefined) opts.push(w.option(9, Buffer.from([itf.tsresol])));
      else if (itf.nanosecond === true) opts.push(w.option(9, Buffer.from([9])));
      if (itf.tsOffsetSec !== undefined) {
        const v = Buffer.alloc(8);
        if (o.bigEndian === true) v.writeBigInt64BE(BigInt(itf.tsOffsetSec));
        else v.writeBigInt64LE(BigInt(itf.tsOffsetSec));
        opts.push(w.option(14, v));
      }
      if (opts.length > 0) opts.push(w.option(0, Buffer.alloc(0)));
      w.block(1, Buffer.concat([w.u16(itf.linkType), w.u16(0), w.u32(itf.snaplen ?? 262144), ...opts]));
    }
  };
  writeHeader();
  if (o.fillerBlocks === true) {
    // NRB (type 4) with one IPv4 record then nrb_record_end; unknown block type 0x0badbeef.
    const rec = Buffer.concat([w.u16(1), w.u16(4 + 6), Buffer.from([10, 0, 0, 1]), Buffer.from("host1\0"), Buffer.alloc(2)]);
    w.block(4, Buffer.concat([rec, w.u16(0), w.u16(0)]));
    w.block(0x0badbeef, Buffer.from("skip me"));
  }
  records.forEach((r, i) => {
    if (o.newSectionAt === i) writeHeader();
    const itf = o.interfaces[r.iface ?? 0];
    if (itf === undefined) throw new Error(`record ${i}: no interface ${r.iface ?? 0}`);
    const rawTs = r.rawTimestamp ?? BigInt(Math.round((r.timeUs - (itf.tsOffsetSec ?? 0) * 1e6) * (itf.nanosecond === true ? 1000 : 1)));
    const hi = Number(rawTs >> 32n);
    const lo = Number(rawTs & 0xffffffffn);
    const orig = r.origLen ?? r.data.length;
    switch (o.packetBlock ?? "epb") {
      case "epb":
        w.block(6, Buffer.concat([w.u32(r.iface ?? 0), w.u32(hi), w.u32(lo), w.u32(r.data.length), w.u32(orig), r.data]));
        break;
      case "spb":
        w.block(3, Buffer.concat([w.u32(orig), r.data]));
        break;
      case "obsolete":
        w.block(2, Buffer.concat([w.u16(r.iface ?? 0), w.u16(0), w.u32(hi), w.u32(lo), w.u32(r.data.length), w.u32(orig), r.data]));
        break;
    }
  });
  if (o.fillerBlocks === true) {
    // ISB (type 5): interface 0, timestamp, no options. DSB (type 10): secrets type, length 0.
    w.block(5, Buffer.concat([w.u32(0), w.u32(0), w.u32(0)]));
    w.block(10, Buffer.concat([w.u32(0x544c534b), w.u32(0)]));
  }
  return Buffer.concat(w.parts);
}
