/**
 * The mutations of the fuzz suite, each one small and typed: bit flips, byte insertions and deletions, and
 * structure-aware edits of the fields that size or date what follows (pcap caplen and timestamps, pcapng block
 * length and EPB timestamps, IPv4 total length, TCP data offset, SIP Content-Length) set to 0, 1 or the maximum.
 * Structure is found with the test oracle of capture-layout.ts, never with the readers under test.
 */
import { captureRecords, type CaptureRecordSpan } from "../helpers/capture-layout.js";
import type { Prng } from "./prng.js";

export type MutationKind = "bitflip" | "insert" | "delete" | "byte" | "length" | "timestamp" | "ip-length" | "tcp-offset" | "content-length" | "splice";

export interface Mutation {
  readonly kind: MutationKind;
  readonly bytes: Buffer;
}

const EXTREMES32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff];
const EXTREMES16 = [0, 1, 0x7fff, 0xffff];
const CONTENT_LENGTHS = ["0", "1", "2147483648", "4294967296", "99999999999999999999", "-1", ""];

function flip(b: Buffer, rng: Prng): Buffer {
  const out = Buffer.from(b);
  const n = 1 + rng.below(4);
  for (let i = 0; i < n && out.length > 0; i++) {
    const at = rng.below(out.length);
    out[at] = (out[at] ?? 0) ^ (1 << rng.below(8));
  }
  return out;
}

function setByte(b: Buffer, rng: Prng): Buffer {
  const out = Buffer.from(b);
  if (out.length > 0) out[rng.below(out.length)] = rng.pick([0, 0xff, 0x7f, 0x80, 0x0d, 0x0a, 0x3a, rng.below(256)]);
  return out;
}

function insert(b: Buffer, rng: Prng): Buffer {
  const at = rng.below(b.length + 1);
  const n = 1 + rng.below(rng.below(2) === 0 ? 4 : 64);
  const extra = Buffer.alloc(n);
  for (let i = 0; i < n; i++) extra[i] = rng.below(256);
  return Buffer.concat([b.subarray(0, at), extra, b.subarray(at)]);
}

function remove(b: Buffer, rng: Prng): Buffer {
  if (b.length === 0) return b;
  const at = rng.below(b.length);
  const n = 1 + rng.below(rng.below(2) === 0 ? 4 : 64);
  return Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + n))]);
}

/** Copies a random slice over another place: duplicated headers, records, blocks. */
function splice(b: Buffer, rng: Prng): Buffer {
  if (b.length < 2) return b;
  const from = rng.below(b.length);
  const len = 1 + rng.below(Math.min(512, b.length - from));
  const to = rng.below(b.length);
  return Buffer.concat([b.subarray(0, to), b.subarray(from, from + len), b.subarray(to)]);
}

function write32(out: Buffer, at: number, v: number, le: boolean): void {
  if (at < 0 || at + 4 > out.length) return;
  if (le) out.writeUInt32LE(v >>> 0, at);
  else out.writeUInt32BE(v >>> 0, at);
}

function record(b: Buffer, rng: Prng): CaptureRecordSpan | null {
  const spans = captureRecords(b);
  return spans.length === 0 ? null : rng.pick(spans);
}

/** caplen (pcap) or block total length (pcapng, leading or trailing copy) set to an extreme. */
function lengthField(b: Buffer, rng: Prng): Buffer {
  const r = record(b, rng);
  const out = Buffer.from(b);
  if (r === null) return flip(b, rng);
  const at = r.format === "pcap" ? r.start + 8 + 4 * rng.below(2) : rng.below(2) === 0 ? r.start + 4 : r.end - 4;
  write32(out, at, rng.pick(EXTREMES32), r.littleEndian);
  return out;
}

/** Record timestamp (pcap seconds/fraction, pcapng EPB ts_hi/ts_lo) set to an extreme. */
function timestamp(b: Buffer, rng: Prng): Buffer {
  const r = record(b, rng);
  const out = Buffer.from(b);
  if (r === null) return flip(b, rng);
  const at = r.format === "pcap" ? r.start + 4 * rng.below(2) : r.start + 12 + 4 * rng.below(2);
  write32(out, at, rng.pick(EXTREMES32), r.littleEndian);
  return out;
}

/** The IPv4 header inside a packet record, found by its 0x45 version/IHL byte after a plausible link header. */
function ipv4At(b: Buffer, r: CaptureRecordSpan): number | null {
  for (const linkLen of [14, 18, 16, 20, 4, 0]) {
    const at = r.data + linkLen;
    if (at + 20 <= r.end && b[at] === 0x45) return at;
  }
  return null;
}

function ipTotalLength(b: Buffer, rng: Prng): Buffer {
  const r = record(b, rng);
  const ip = r === null ? null : ipv4At(b, r);
  if (ip === null) return flip(b, rng);
  const out = Buffer.from(b);
  out.writeUInt16BE(rng.pick(EXTREMES16), ip + 2);
  return out;
}

function tcpDataOffset(b: Buffer, rng: Prng): Buffer {
  const r = record(b, rng);
  const ip = r === null ? null : ipv4At(b, r);
  if (ip === null || b[ip + 9] !== 6 || ip + 33 > b.length) return ipTotalLength(b, rng);
  const out = Buffer.from(b);
  const at = ip + 20 + 12;
  out[at] = (rng.pick([0, 1, 4, 15]) << 4) | ((out[at] ?? 0) & 0x0f);
  return out;
}

/** Every (or one) Content-Length value rewritten to 0, 1, 2^31, absurd, negative or empty. */
function contentLength(b: Buffer, rng: Prng): Buffer {
  const text = b.toString("latin1");
  const re = /(\r?\n(?:Content-Length|l)[ \t]*:[ \t]*)(\d*)/gi;
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return insert(b, rng);
  const target = rng.below(matches.length + 1);
  let i = 0;
  const replaced = text.replace(re, (all, head: string) => (target === matches.length || i++ === target ? `${head}${rng.pick(CONTENT_LENGTHS)}` : all));
  return Buffer.from(replaced, "latin1");
}

const GENERIC: readonly [MutationKind, (b: Buffer, rng: Prng) => Buffer][] = [
  ["bitflip", flip],
  ["byte", setByte],
  ["insert", insert],
  ["delete", remove],
  ["splice", splice],
];

const CAPTURE: readonly [MutationKind, (b: Buffer, rng: Prng) => Buffer][] = [
  ...GENERIC,
  ["length", lengthField],
  ["timestamp", timestamp],
  ["ip-length", ipTotalLength],
  ["tcp-offset", tcpDataOffset],
  ["content-length", contentLength],
];

const TEXT: readonly [MutationKind, (b: Buffer, rng: Prng) => Buffer][] = [...GENERIC, ["content-length", contentLength]];

/** One to three stacked mutations of `seed`, chosen for what it is. */
export function mutate(seed: Buffer, shape: "capture" | "text" | "bytes", rng: Prng): Mutation {
  const table = shape === "capture" ? CAPTURE : shape === "text" ? TEXT : GENERIC;
  let bytes = seed;
  let kind: MutationKind = "bitflip";
  const n = 1 + rng.below(3);
  for (let i = 0; i < n; i++) {
    const [k, f] = rng.pick(table);
    bytes = f(bytes, rng);
    kind = k;
  }
  return { kind, bytes };
}
