/** Recognises a capture file format from its first bytes (magic numbers), never from the file name. */

export type CaptureFormat = "pcap" | "pcapng";

/** Magic numbers of classic pcap as read little-endian: µs and ns (a1b23c4d), both byte orders. */
const PCAP_MAGICS_LE = new Set([0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1]);

/** pcapng Section Header Block type (pcapng spec §4.1), the same in both byte orders. */
export const PCAPNG_SHB_TYPE = 0x0a0d0d0a;

/** "pcap", "pcapng", or null when the first 4 bytes are neither (need at least 4 bytes). */
export function sniffCaptureFormat(head: Buffer): CaptureFormat | null {
  if (head.length < 4) return null;
  const m = head.readUInt32LE(0);
  if (PCAP_MAGICS_LE.has(m)) return "pcap";
  if (m === PCAPNG_SHB_TYPE) return "pcapng";
  return null;
}

/** A short human name for a file we do not read, to make the diagnostic useful. */
export function describeUnknownFormat(head: Buffer): string {
  const ascii = head.subarray(0, 4).toString("latin1");
  if (ascii === "GMBU") return "Microsoft Network Monitor 2.x capture";
  if (ascii === "RTSS") return "Microsoft Network Monitor 1.x capture";
  if (head.subarray(0, 8).toString("latin1") === "XCP\0\0\0\0\0") return "NetXRay/Sniffer capture";
  if (head.subarray(0, 6).toString("latin1") === "snoop\0") return "Solaris snoop capture";
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "gzip data that did not inflate";
  return "unknown format";
}

/** The first bytes, as stored, of the pcap magics (both byte orders, µs and ns), pcapng's SHB type and gzip's 1f 8b. */
const MAGIC_PREFIXES: readonly (readonly number[])[] = [
  [0xd4, 0xc3, 0xb2, 0xa1],
  [0xa1, 0xb2, 0xc3, 0xd4],
  [0x4d, 0x3c, 0xb2, 0xa1],
  [0xa1, 0xb2, 0x3c, 0x4d],
  [0x0a, 0x0d, 0x0d, 0x0a],
  [0x1f, 0x8b],
];

/** True for an input too short to hold a magic number whose bytes so far begin one (a capture cut at 1-3 bytes). */
export function isCutMagic(head: Buffer): boolean {
  if (head.length === 0 || head.length >= 4) return false;
  return MAGIC_PREFIXES.some((m) => head.length < m.length && head.every((b, i) => m[i] === b));
}
