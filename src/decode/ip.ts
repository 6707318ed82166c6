/**
 * The decoded IP header shared by IPv4 (ipv4.ts) and IPv6 (ipv6.ts): one reusable object, no allocation per
 * packet. Fragment fields feed reassembly/ip-fragments.ts.
 */
import { decodeIpv4 } from "./ipv4.js";
import { decodeIpv6 } from "./ipv6.js";

export interface IpHeader {
  version: 4 | 6;
  src: string;
  dst: string;
  /** Upper-layer protocol (after IPv6 extension headers). */
  proto: number;
  payloadOff: number;
  payloadEnd: number;
  /** True when this packet is a fragment (offset > 0 or more fragments follow). */
  isFragment: boolean;
  /** Fragment offset in bytes. */
  fragOffset: number;
  moreFragments: boolean;
  fragId: number;
  /** Bytes the header says the packet has beyond what was captured (snaplen). */
  missing: number;
}

export function newIpHeader(): IpHeader {
  return { version: 4, src: "", dst: "", proto: 0, payloadOff: 0, payloadEnd: 0, isFragment: false, fragOffset: 0, moreFragments: false, fragId: 0, missing: 0 };
}

/** Decodes the IP header at `off`; returns null on success or a short reason when malformed. */
export function decodeIp(b: Buffer, off: number, end: number, h: IpHeader): string | null {
  const v = (b[off] ?? 0) >> 4;
  if (v === 4) return decodeIpv4(b, off, end, h);
  if (v === 6) return decodeIpv6(b, off, end, h);
  return `IP version ${v}`;
}

