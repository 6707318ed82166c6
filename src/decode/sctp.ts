/**
 * SCTP packet decoding (RFC 9260 §3, which obsoletes RFC 4960): the 12-byte common header, then every chunk of the
 * packet walked by its length (chunks are padded to 4 bytes, the padding is not in the length, §3.2). Only user
 * data comes out: DATA chunks (§3.3.1) and I-DATA chunks (RFC 8260 §2.1), several per packet when bundled. The
 * CRC32c checksum is not verified: checksum offload leaves it wrong on the capturing host, as it does for TCP.
 * What the payload is (SIP by content, RFC 4168, or M3UA, Diameter ...) is decided later, not from the PPID.
 */

/** One user-data chunk, or one fragment of a user message (B/E flags, RFC 9260 §3.3.1). */
export interface SctpDataChunk {
  /** Transmission Sequence Number: fragments of one DATA message have consecutive TSNs (RFC 9260 §6.9). */
  readonly tsn: number;
  readonly stream: number;
  /** DATA: Stream Sequence Number; I-DATA: Message Identifier (RFC 8260 §2.1). */
  readonly messageId: number;
  /** I-DATA fragments after the first carry a Fragment Sequence Number instead of the PPID; DATA: 0. */
  readonly fsn: number;
  /** Payload Protocol Identifier (IANA "SCTP Payload Protocol Identifiers"); null for a non-first I-DATA fragment. */
  readonly ppid: number | null;
  readonly unordered: boolean;
  readonly begin: boolean;
  readonly end: boolean;
  readonly idata: boolean;
  readonly payloadOff: number;
  readonly payloadEnd: number;
}

export interface SctpPacket {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly verificationTag: number;
  readonly chunks: readonly SctpDataChunk[];
  /** A chunk whose length runs past the packet (snaplen, damage): chunks before it are kept. */
  readonly problem: string | null;
}

const CHUNK_DATA = 0;
const CHUNK_IDATA = 64;
/** Chunk header + TSN + stream id + SSN + PPID (RFC 9260 §3.3.1). */
const DATA_HEADER = 16;
/** Chunk header + TSN + stream id + reserved + MID + PPID/FSN (RFC 8260 §2.1). */
const IDATA_HEADER = 20;
/** A packet of 64 KiB holds at most 4096 minimal chunks: a hostile packet cannot make more. */
const MAX_CHUNKS = 4096;

/** Decodes the SCTP packet at [off, end); a string when even the common header is unusable. */
export function decodeSctp(b: Buffer, off: number, end: number): SctpPacket | string {
  if (end - off < 12) return `SCTP common header cut short (${end - off} of 12 bytes)`;
  const chunks: SctpDataChunk[] = [];
  let problem: string | null = null;
  let at = off + 12;
  while (end - at >= 4 && chunks.length < MAX_CHUNKS) {
    const type = b[at] ?? 0;
    const flags = b[at + 1] ?? 0;
    const len = b.readUInt16BE(at + 2);
    if (len < 4) {
      problem = `SCTP chunk type ${type} with length ${len} < 4`;
      break;
    }
    if (at + len > end) {
      problem = `SCTP chunk type ${type} of ${len} bytes runs ${at + len - end} bytes past the packet`;
      break;
    }
    if (type === CHUNK_DATA || type === CHUNK_IDATA) {
      const idata = type === CHUNK_IDATA;
      const header = idata ? IDATA_HEADER : DATA_HEADER;
      if (len < header) {
        problem = `SCTP ${idata ? "I-DATA" : "DATA"} chunk of ${len} bytes is shorter than its ${header}-byte header`;
        break;
      }
      const begin = (flags & 0x02) !== 0;
      const last = b.readUInt32BE(at + (idata ? 16 : 12));
      chunks.push({
        tsn: b.readUInt32BE(at + 4),
        stream: b.readUInt16BE(at + 8),
        messageId: idata ? b.readUInt32BE(at + 12) : b.readUInt16BE(at + 10),
        fsn: idata && !begin ? last : 0,
        ppid: idata && !begin ? null : last,
        unordered: (flags & 0x04) !== 0,
        begin,
        end: (flags & 0x01) !== 0,
        idata,
        payloadOff: at + header,
        payloadEnd: at + len,
      });
    }
    at += (len + 3) & ~3;
  }
  return { srcPort: b.readUInt16BE(off), dstPort: b.readUInt16BE(off + 2), verificationTag: b.readUInt32BE(off + 4), chunks, problem };
}
