/**
 * Test oracle, independent of the readers under test: where the records of a pcap or the blocks of a pcapng file
 * end, and which frame each packet record is. A truncation test uses it to know which messages lie wholly before a
 * cut and whether a cut falls on a boundary (a valid, shorter file) or inside a record. The walk stops at the first
 * damage (an impossible length): nothing after it is a known boundary.
 */

export interface CaptureLayout {
  /** Offsets at which the file may end cleanly: the end of the file header and of every whole record/block. */
  readonly boundaries: ReadonlySet<number>;
  /** Frame number (1-based, Wireshark's numbering) → offset just past its record. */
  readonly frameEnd: ReadonlyMap<number, number>;
  /** Offset up to which the structure is known to be well formed. */
  readonly wellFormedTo: number;
  /** Offset where the file header ends (24 for pcap, the end of the first Section Header Block for pcapng). */
  readonly headerEnd: number;
}

const PCAP_MAGIC_LE = new Set([0xa1b2c3d4, 0xa1b23c4d]);
const PCAP_MAGIC_BE = new Set([0xd4c3b2a1, 0x4d3cb2a1]);
const PCAPNG_SHB = 0x0a0d0d0a;
/** Enhanced, Simple and obsolete Packet Blocks: each is one frame. */
const PACKET_BLOCKS = new Set([6, 3, 2]);

export function captureLayout(b: Buffer): CaptureLayout | null {
  if (b.length < 4) return null;
  const magic = b.readUInt32LE(0);
  if (PCAP_MAGIC_LE.has(magic) || PCAP_MAGIC_BE.has(magic)) return pcapLayout(b, PCAP_MAGIC_LE.has(magic));
  if (magic === PCAPNG_SHB) return pcapngLayout(b);
  return null;
}

function pcapLayout(b: Buffer, le: boolean): CaptureLayout {
  const boundaries = new Set<number>();
  const frameEnd = new Map<number, number>();
  const u32 = (at: number): number => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  if (b.length < 24) return { boundaries, frameEnd, wellFormedTo: 0, headerEnd: 24 };
  const snaplen = Math.max(u32(16), 262144);
  let at = 24;
  boundaries.add(at);
  let frame = 0;
  while (at + 16 <= b.length) {
    const caplen = u32(at + 8);
    if (caplen > snaplen || at + 16 + caplen > b.length) break;
    at += 16 + caplen;
    frameEnd.set(++frame, at);
    boundaries.add(at);
  }
  return { boundaries, frameEnd, wellFormedTo: at, headerEnd: 24 };
}

function pcapngLayout(b: Buffer): CaptureLayout {
  const boundaries = new Set<number>();
  const frameEnd = new Map<number, number>();
  let le = true;
  let at = 0;
  let frame = 0;
  let headerEnd = -1;
  while (at + 12 <= b.length) {
    const typeLe = b.readUInt32LE(at);
    if (typeLe === PCAPNG_SHB) {
      const bom = b.readUInt32LE(at + 8);
      if (bom === 0x1a2b3c4d) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else break;
    }
    const type = le ? typeLe : b.readUInt32BE(at);
    const len = le ? b.readUInt32LE(at + 4) : b.readUInt32BE(at + 4);
    if (len < 12 || len % 4 !== 0 || at + len > b.length) break;
    const trailer = le ? b.readUInt32LE(at + len - 4) : b.readUInt32BE(at + len - 4);
    if (trailer !== len) break;
    at += len;
    if (headerEnd < 0) headerEnd = at;
    if (PACKET_BLOCKS.has(type)) frameEnd.set(++frame, at);
    boundaries.add(at);
  }
  return { boundaries, frameEnd, wellFormedTo: at, headerEnd: headerEnd < 0 ? b.length + 1 : headerEnd };
}

/** One packet record (pcap) or block (pcapng) of a well-formed prefix: where it starts, its data, where it ends. */
export interface CaptureRecordSpan {
  readonly format: "pcap" | "pcapng";
  readonly littleEndian: boolean;
  readonly start: number;
  /** Offset of the packet bytes (pcap: after the 16-byte header; pcapng EPB: after its 28 bytes of fields). */
  readonly data: number;
  readonly end: number;
  /** pcapng block type; 0 for pcap records. */
  readonly type: number;
}

/** The records/blocks of `b` up to the first damage. */
export function captureRecords(b: Buffer): CaptureRecordSpan[] {
  if (b.length < 4) return [];
  const magic = b.readUInt32LE(0);
  const spans: CaptureRecordSpan[] = [];
  if (PCAP_MAGIC_LE.has(magic) || PCAP_MAGIC_BE.has(magic)) {
    const le = PCAP_MAGIC_LE.has(magic);
    let at = 24;
    while (at + 16 <= b.length) {
      const caplen = le ? b.readUInt32LE(at + 8) : b.readUInt32BE(at + 8);
      if (at + 16 + caplen > b.length) break;
      spans.push({ format: "pcap", littleEndian: le, start: at, data: at + 16, end: at + 16 + caplen, type: 0 });
      at += 16 + caplen;
    }
    return spans;
  }
  if (magic !== PCAPNG_SHB) return [];
  let le = true;
  let at = 0;
  while (at + 12 <= b.length) {
    if (b.readUInt32LE(at) === PCAPNG_SHB) {
      const bom = b.readUInt32LE(at + 8);
      if (bom === 0x1a2b3c4d) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else break;
    }
    const type = le ? b.readUInt32LE(at) : b.readUInt32BE(at);
    const len = le ? b.readUInt32LE(at + 4) : b.readUInt32BE(at + 4);
    if (len < 12 || len % 4 !== 0 || at + len > b.length) break;
    spans.push({ format: "pcapng", littleEndian: le, start: at, data: at + (type === 6 ? 28 : type === 3 ? 12 : 8), end: at + len, type });
    at += len;
  }
  return spans;
}
