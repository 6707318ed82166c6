/** Decodes an IP header of either version into the shared IpHeader (ip-header.ts), by the version nibble. */
import type { IpHeader } from "./ip-header.js";
import { decodeIpv4 } from "./ipv4.js";
import { decodeIpv6 } from "./ipv6.js";

/** Decodes the IP header at `off`; returns null on success or a short reason when malformed. */
export function decodeIp(b: Buffer, off: number, end: number, h: IpHeader): string | null {
  const v = (b[off] ?? 0) >> 4;
  if (v === 4) return decodeIpv4(b, off, end, h);
  if (v === 6) return decodeIpv6(b, off, end, h);
  return `IP version ${v}`;
}

