/**
 * IP address text from header bytes, cached: a capture talks between few hosts, so formatting each address once
 * keeps per-packet string building out of the hot path. IPv6 text follows RFC 5952 §4.
 */

const CACHE_LIMIT = 4096;
const v4Cache = new Map<number, string>();
const v6Cache = new Map<string, string>();

/** Dotted-quad text of the IPv4 address at `off`. */
export function formatIpv4At(b: Buffer, off: number): string {
  const key = b.readUInt32BE(off);
  let s = v4Cache.get(key);
  if (s === undefined) {
    s = `${b[off] ?? 0}.${b[off + 1] ?? 0}.${b[off + 2] ?? 0}.${b[off + 3] ?? 0}`;
    if (v4Cache.size >= CACHE_LIMIT) v4Cache.clear();
    v4Cache.set(key, s);
  }
  return s;
}

/** RFC 5952 text of the IPv6 address at `off`. */
export function formatIpv6At(b: Buffer, off: number): string {
  const key = b.toString("latin1", off, off + 16);
  let s = v6Cache.get(key);
  if (s === undefined) {
    s = formatIpv6Groups(b, off);
    if (v6Cache.size >= CACHE_LIMIT) v6Cache.clear();
    v6Cache.set(key, s);
  }
  return s;
}

function formatIpv6Groups(b: Buffer, off: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push(b.readUInt16BE(off + i * 2));
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted quad.
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `::ffff:${b[off + 12] ?? 0}.${b[off + 13] ?? 0}.${b[off + 14] ?? 0}.${b[off + 15] ?? 0}`;
  }
  // RFC 5952 §4.2: compress the longest run (≥ 2) of zero groups, the first one on ties.
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [bestAt, bestLen] = [i, j - i];
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestAt < 0) return hex.join(":");
  return `${hex.slice(0, bestAt).join(":")}::${hex.slice(bestAt + bestLen).join(":")}`;
}
