/**
 * Packet bytes for the capture writer: IPv4/IPv6 headers (with fragmentation), UDP and TCP with correct
 * checksums, and the link-layer framings sipta reads. Test-only code: clarity over speed.
 */
import type { Endpoint } from "../../src/model/endpoint.js";

export type LinkType = "ethernet" | "sll" | "sll2" | "raw" | "null" | "loop" | "ipv4" | "ipv6";

/** LINKTYPE_* numbers from the tcpdump.org link-layer header types registry. */
export const LINK_TYPE_NUMBER: Readonly<Record<LinkType, number>> = {
  ethernet: 1,
  sll: 113,
  sll2: 276,
  raw: 101,
  null: 0,
  loop: 108,
  ipv4: 228,
  ipv6: 229,
};

export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_IPIP = 4;
export const IPPROTO_GRE = 47;
export const IPPROTO_IPV6_FRAG = 44;

/** Parses dotted IPv4 or RFC 4291 §2.2 IPv6 text into 4 or 16 bytes. Throws on bad text (test input). */
export function parseIp(ip: string): Buffer {
  if (!ip.includes(":")) {
    const parts = ip.split(".").map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`bad IPv4 ${ip}`);
    return Buffer.from(parts);
  }
  let text = ip;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    tail = [...parseIp(text.slice(lastColon + 1))];
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head = "", rest] = text.split("::");
  const h = head === "" ? [] : head.split(":");
  const r = rest === undefined || rest === "" ? [] : rest.split(":");
  const fill = rest === undefined ? 0 : 8 - h.length - r.length;
  const groups = [...h, ...Array<string>(fill).fill("0"), ...r].map((g) => parseInt(g, 16));
  if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) throw new Error(`bad IPv6 ${ip}`);
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(g, i * 2));
  if (tail.length === 4) Buffer.from(tail).copy(out, 12);
  return out;
}

export function isIpv6(e: Endpoint): boolean {
  return e.ip.includes(":");
}

export function sum16(buf: Buffer, initial = 0): number {
  let s = initial;
  for (let i = 0; i + 1 < buf.length; i += 2) s += buf.readUInt16BE(i);
  if (buf.length % 2 === 1) s += (buf[buf.length - 1] ?? 0) << 8;
  return s;
}

export function fold(s: number): number {
  let x = s;
  while (x > 0xffff) x = (x & 0xffff) + Math.floor(x / 0x10000);
  return ~x & 0xffff;
}

/** Internet checksum over pseudo-header + segment (RFC 768, RFC 793 §3.1, RFC 8200 §8.1). */
export function transportChecksum(src: Buffer, dst: Buffer, proto: number, segment: Buffer): number {
  const pseudo =
    src.length === 4
      ? Buffer.concat([src, dst, Buffer.from([0, proto, segment.length >> 8, segment.length & 0xff])])
      : Buffer.concat([src, dst, u32be(segment.length), Buffer.from([0, 0, 0, proto])]);
  const c = fold(sum16(segment, sum16(pseudo)));
  return c === 0 && proto === IPPROTO_UDP ? 0xffff : c;
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export function buildUdp(src: Endpoint, dst: Endpoint, payload: Buffer): Buffer {
  const seg = Buffer.alloc(8 + payload.length);
  seg.writeUInt16BE(src.port, 0);
  seg.writeUInt16BE(dst.port, 2);
  seg.writeUInt16BE(Math.min(0xffff, seg.length), 4);
  payload.copy(seg, 8);
  seg.writeUInt16BE(transportChecksum(parseIp(src.ip), parseIp(dst.ip), IPPROTO_UDP, seg), 6);
  return seg;
}

export interface TcpHeaderSpec {
  readonly seq: number;
  readonly ack?: number;
  /** Any of "S" SYN, "A" ACK, "F" FIN, "R" RST, "P" PSH, "U" URG, e.g. "SA", "PA", "FA". */
  readonly flags: string;
  readonly window?: number;
}

export function buildTcp(src: Endpoint, dst: Endpoint, h: TcpHeaderSpec, payload: Buffer): Buffer {
  const seg = Buffer.alloc(20 + payload.length);
  seg.writeUInt16BE(src.port, 0);
  seg.writeUInt16BE(dst.port, 2);
  seg.writeUInt32BE(h.seq >>> 0, 4);
  seg.writeUInt32BE((h.ack ?? 0) >>> 0, 8);
  seg[12] = 5 << 4;
  let f = 0;
  if (h.flags.includes("F")) f |= 0x01;
  if (h.flags.includes("S")) f |= 0x02;
  if (h.flags.includes("R")) f |= 0x04;
  if (h.flags.includes("P")) f |= 0x08;
  if (h.flags.includes("A")) f |= 0x10;
  if (h.flags.includes("U")) f |= 0x20;
  seg[13] = f;
  seg.writeUInt16BE(h.window ?? 65535, 14);
  payload.copy(seg, 20);
  seg.writeUInt16BE(transportChecksum(parseIp(src.ip), parseIp(dst.ip), IPPROTO_TCP, seg), 16);
  return seg;
}

export interface IpOptions {
  /** IPv4 identification / IPv6 fragment id. */
  readonly ipId?: number;
  readonly ttl?: number;
  /** Fragment the IP payload into pieces of at most this many bytes (rounded down to a multiple of 8). */
  readonly fragmentSize?: number;
  /** Emission order of the fragments, as indices (e.g. [2, 0, 1]); default in order. */
  readonly fragmentOrder?: readonly number[];
  /** IPv4 options bytes (padded to 4) to exercise IHL > 5. */
  readonly ipv4Options?: Buffer;
}

/** One or more IP packets (several when fragmented) carrying `payload` of protocol `proto`. */
export function buildIp(srcIp: string, dstIp: string, proto: number, payload: Buffer, o: IpOptions = {}): Buffer[] {
  const src = parseIp(srcIp);
  const dst = parseIp(dstIp);
  if (src.length !== dst.length) throw new Error("mixed IPv4/IPv6 endpoints");
  const size = o.fragmentSize === undefined ? payload.length : Math.max(8, Math.floor(o.fragmentSize / 8) * 8);
  const pieces: { off: number; data: Buffer; more: boolean }[] = [];
  if (o.fragmentSize === undefined || payload.length <= size) pieces.push({ off: 0, data: payload, more: false });
  else {
    for (let off = 0; off < payload.length; off += size) {
      pieces.push({ off, data: payload.subarray(off, off + size), more: off + size < payload.length });
    }
  }
  const fragmented = pieces.length > 1;
  const packets = pieces.map((p) =>
    src.length === 4 ? buildIpv4(src, dst, proto, p.data, p.off, p.more, fragmented, o) : buildIpv6(src, dst, proto, p.data, p.off, p.more, fragmented, o),
  );
  if (o.fragmentOrder === undefined) return packets;
  return o.fragmentOrder.map((i) => {
    const p = packets[i];
    if (p === undefined) throw new Error(`fragmentOrder index ${i} out of range`);
    return p;
  });
}

function buildIpv4(src: Buffer, dst: Buffer, proto: number, data: Buffer, off: number, more: boolean, frag: boolean, o: IpOptions): Buffer {
  const opts = o.ipv4Options ?? Buffer.alloc(0);
  const optLen = Math.ceil(opts.length / 4) * 4;
  const hl = 20 + optLen;
  const p = Buffer.alloc(hl + data.length);
  p[0] = 0x40 | (hl / 4);
  p.writeUInt16BE(p.length, 2);
  p.writeUInt16BE((o.ipId ?? 0x1234) & 0xffff, 4);
  const flagsOff = (more ? 0x2000 : 0) | (off / 8) | (frag ? 0 : 0x4000); // DF when not fragmented
  p.writeUInt16BE(flagsOff, 6);
  p[8] = o.ttl ?? 64;
  p[9] = proto;
  src.copy(p, 12);
  dst.copy(p, 16);
  opts.copy(p, 20);
  p.writeUInt16BE(fold(sum16(p.subarray(0, hl))), 10);
  data.copy(p, hl);
  return p;
}

function buildIpv6(src: Buffer, dst: Buffer, proto: number, data: Buffer, off: number, more: boolean, frag: boolean, o: IpOptions): Buffer {
  const ext = frag ? 8 : 0;
  const p = Buffer.alloc(40 + ext + data.length);
  p.writeUInt32BE(0x60000000, 0);
  p.writeUInt16BE(ext + data.length, 4);
  p[6] = frag ? IPPROTO_IPV6_FRAG : proto;
  p[7] = o.ttl ?? 64;
  src.copy(p, 8);
  dst.copy(p, 24);
  if (frag) {
    // RFC 8200 §4.5 Fragment header: next header, reserved, offset(13 bits)|res|M, identification.
    p[40] = proto;
    p.writeUInt16BE(off | (more ? 1 : 0), 42);
    p.writeUInt32BE((o.ipId ?? 0x1234) >>> 0, 44);
  }
  data.copy(p, 40 + ext);
  return p;
}

function macFor(ip: string): Buffer {
  const b = parseIp(ip);
  const tail = b.subarray(b.length - 4);
  return Buffer.concat([Buffer.from([0x02, 0x00]), tail]);
}

export interface LinkOptions {
  readonly linkType: LinkType;
  /** 802.1Q VLAN ids, outermost first; two or more give QinQ (outer TPID 0x88a8). Ethernet only. */
  readonly vlan?: readonly number[];
  /** Byte order the file is written in; DLT_NULL stores the address family in it. */
  readonly bigEndian?: boolean;
}

/** Wraps one IP packet in the link-layer header of `o.linkType`. */
export function wrapLink(ip: Buffer, srcIp: string, dstIp: string, o: LinkOptions): Buffer {
  const v6 = (ip[0] ?? 0) >> 4 === 6;
  const etherType = v6 ? 0x86dd : 0x0800;
  switch (o.linkType) {
    case "ethernet": {
      const tags = o.vlan ?? [];
      const h = Buffer.alloc(14 + 4 * tags.length);
      macFor(dstIp).copy(h, 0);
      macFor(srcIp).copy(h, 6);
      let at = 12;
      tags.forEach((id, i) => {
        h.writeUInt16BE(tags.length > 1 && i === 0 ? 0x88a8 : 0x8100, at);
        h.writeUInt16BE(id & 0x0fff, at + 2);
        at += 4;
      });
      h.writeUInt16BE(etherType, at);
      return Buffer.concat([h, ip]);
    }
    case "sll": {
      const h = Buffer.alloc(16);
      h.writeUInt16BE(0, 0); // packet to us
      h.writeUInt16BE(1, 2); // ARPHRD_ETHER
      h.writeUInt16BE(6, 4);
      macFor(srcIp).copy(h, 6);
      h.writeUInt16BE(etherType, 14);
      return Buffer.concat([h, ip]);
    }
    case "sll2": {
      const h = Buffer.alloc(20);
      h.writeUInt16BE(etherType, 0);
      h.writeUInt32BE(2, 4); // interface index
      h.writeUInt16BE(1, 8); // ARPHRD_ETHER
      h[10] = 0; // packet to us
      h[11] = 6;
      macFor(srcIp).copy(h, 12);
      return Buffer.concat([h, ip]);
    }
    case "raw":
    case "ipv4":
    case "ipv6":
      return ip;
    case "null": {
      // DLT_NULL: address family in the capturing host's byte order; AF_INET6 is 24, 28 or 30 by BSD flavour.
      const h = Buffer.alloc(4);
      const af = v6 ? 30 : 2;
      if (o.bigEndian === true) h.writeUInt32BE(af);
      else h.writeUInt32LE(af);
      return Buffer.concat([h, ip]);
    }
    case "loop": {
      const h = Buffer.alloc(4);
      h.writeUInt32BE(v6 ? 24 : 2);
      return Buffer.concat([h, ip]);
    }
  }
}
