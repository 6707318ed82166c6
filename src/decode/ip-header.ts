/**
 * The decoded IP header shared by IPv4 (ipv4.ts) and IPv6 (ipv6.ts): one reusable object, no allocation per
 * packet. Fragment fields feed reassembly/ip-fragments.ts. Its own file so that ip.ts and the version decoders
 * do not import each other.
 */
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
