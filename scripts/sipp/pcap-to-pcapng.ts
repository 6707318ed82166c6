// Rewrites a classic pcap file as pcapng (one Section Header Block, one Interface Description Block,
// one Enhanced Packet Block per packet), so the SIPp fixtures also exist as pcapng without depending
// on Wireshark's editcap. tcpdump 4.99 writes only classic pcap.
// Usage: npx tsx scripts/sipp/pcap-to-pcapng.ts IN.pcap OUT.pcapng [interface-name]
// Block layouts: draft-ietf-opsawg-pcapng §4.1 (SHB), §4.2 (IDB, if_tsresol), §4.3 (EPB).
import { readFileSync, writeFileSync } from "node:fs";

interface PcapPacket {
  readonly seconds: number;
  readonly fraction: number;
  readonly originalLength: number;
  readonly data: Buffer;
}

interface PcapFile {
  readonly linkType: number;
  readonly snapLength: number;
  readonly nanosecond: boolean;
  readonly packets: readonly PcapPacket[];
}

const MAGIC_MICRO = 0xa1b2c3d4;
const MAGIC_NANO = 0xa1b23c4d;

function readPcap(bytes: Buffer): PcapFile {
  if (bytes.length < 24) throw new Error("not a pcap file: shorter than its 24-byte header");
  const magicLe = bytes.readUInt32LE(0);
  const magicBe = bytes.readUInt32BE(0);
  const littleEndian = magicLe === MAGIC_MICRO || magicLe === MAGIC_NANO;
  if (!littleEndian && magicBe !== MAGIC_MICRO && magicBe !== MAGIC_NANO) {
    throw new Error(`not a pcap file: magic 0x${magicLe.toString(16)}`);
  }
  const u32 = (at: number): number => (littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const nanosecond = (littleEndian ? magicLe : magicBe) === MAGIC_NANO;
  const packets: PcapPacket[] = [];
  let at = 24;
  while (at + 16 <= bytes.length) {
    const capturedLength = u32(at + 8);
    const end = at + 16 + capturedLength;
    if (end > bytes.length) throw new Error(`truncated packet record at byte ${at}`);
    packets.push({
      seconds: u32(at),
      fraction: u32(at + 4),
      originalLength: u32(at + 12),
      data: bytes.subarray(at + 16, end),
    });
    at = end;
  }
  return { linkType: u32(20), snapLength: u32(16), nanosecond, packets };
}

function padTo4(length: number): number {
  return (4 - (length % 4)) % 4;
}

function encodeOption(code: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16LE(code, 0);
  header.writeUInt16LE(value.length, 2);
  return Buffer.concat([header, value, Buffer.alloc(padTo4(value.length))]);
}

const OPT_END = Buffer.alloc(4);

function encodeBlock(type: number, body: Buffer): Buffer {
  const total = 12 + body.length;
  const head = Buffer.alloc(8);
  head.writeUInt32LE(type, 0);
  head.writeUInt32LE(total, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt32LE(total, 0);
  return Buffer.concat([head, body, tail]);
}

function encodeSectionHeader(): Buffer {
  const fixed = Buffer.alloc(16);
  fixed.writeUInt32LE(0x1a2b3c4d, 0); // byte-order magic
  fixed.writeUInt16LE(1, 4); // major version
  fixed.writeUInt16LE(0, 6); // minor version
  fixed.writeBigInt64LE(-1n, 8); // section length not given
  const application = encodeOption(4, Buffer.from("sipta scripts/sipp/pcap-to-pcapng.ts")); // shb_userappl
  return encodeBlock(0x0a0d0d0a, Buffer.concat([fixed, application, OPT_END]));
}

function encodeInterface(file: PcapFile, name: string): Buffer {
  const fixed = Buffer.alloc(8);
  fixed.writeUInt16LE(file.linkType, 0);
  fixed.writeUInt32LE(file.snapLength, 4);
  const ifName = encodeOption(2, Buffer.from(name));
  // if_tsresol: a power of ten; 6 (microseconds) is the default, 9 must be stated.
  const tsresol = encodeOption(9, Buffer.from([file.nanosecond ? 9 : 6]));
  return encodeBlock(0x00000001, Buffer.concat([fixed, ifName, tsresol, OPT_END]));
}

function encodePacket(packet: PcapPacket, nanosecond: boolean): Buffer {
  const units = BigInt(packet.seconds) * (nanosecond ? 1_000_000_000n : 1_000_000n) + BigInt(packet.fraction);
  const fixed = Buffer.alloc(20);
  fixed.writeUInt32LE(0, 0); // interface 0
  fixed.writeUInt32LE(Number(units >> 32n), 4);
  fixed.writeUInt32LE(Number(units & 0xffffffffn), 8);
  fixed.writeUInt32LE(packet.data.length, 12);
  fixed.writeUInt32LE(packet.originalLength, 16);
  return encodeBlock(0x00000006, Buffer.concat([fixed, packet.data, Buffer.alloc(padTo4(packet.data.length))]));
}

function convertPcapToPcapng(input: Buffer, interfaceName: string): Buffer {
  const file = readPcap(input);
  const blocks = [encodeSectionHeader(), encodeInterface(file, interfaceName)];
  for (const packet of file.packets) blocks.push(encodePacket(packet, file.nanosecond));
  return Buffer.concat(blocks);
}

const [inputPath, outputPath, interfaceName = "lo"] = process.argv.slice(2);
if (inputPath === undefined || outputPath === undefined) {
  console.error("usage: npx tsx scripts/sipp/pcap-to-pcapng.ts IN.pcap OUT.pcapng [interface-name]");
  process.exit(2);
}
writeFileSync(outputPath, convertPcapToPcapng(readFileSync(inputPath), interfaceName));
