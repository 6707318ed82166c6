/**
 * The one rule for splitting a SIP hostport (RFC 3261 §25.1: `hostport = host [ ":" port ]`, with an IPv6 host
 * written as an `IPv6reference`, i.e. in brackets) into host and port, shared by URIs and Via sent-by.
 *
 * Real phones also send an IPv6 host without brackets (`sip:4321@fec0:0:0:0:216:d3ff:fe0d:22c`). Taking the last
 * colon as the port separator then turns the last group of the address into a port (or rejects the URI), and the
 * call splits. So an unbracketed hostport with more than one colon is read as a bare IPv6 address with no port:
 * the grammar leaves no way to write a port after it, so there is none to lose.
 */
export interface HostPort {
  readonly host: string;
  readonly port: number | null;
  /** False when the port (or the bracket) is malformed; host is then the best-effort text. */
  readonly ok: boolean;
  /** True for an IPv6 address written without the brackets RFC 3261 §25.1 requires. */
  readonly bareIpv6: boolean;
}

function portOf(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) return null;
  const port = Number(t);
  return port <= 65535 ? port : null;
}

export function splitHostPort(text: string): HostPort {
  const hp = text.trim();
  if (hp.startsWith("[")) {
    const close = hp.indexOf("]");
    if (close < 0) return { host: hp, port: null, ok: false, bareIpv6: false };
    const host = hp.slice(1, close);
    const rest = hp.slice(close + 1).trim();
    if (rest.length === 0) return { host, port: null, ok: true, bareIpv6: false };
    const port = rest.startsWith(":") ? portOf(rest.slice(1)) : null;
    return port === null ? { host, port: null, ok: false, bareIpv6: false } : { host, port, ok: true, bareIpv6: false };
  }
  const first = hp.indexOf(":");
  if (first < 0) return { host: hp, port: null, ok: hp.length > 0, bareIpv6: false };
  if (hp.includes(":", first + 1)) {
    // Two or more colons: a bare IPv6 address (see above). Only hex digits, colons and dots (IPv4-mapped) qualify.
    const ipv6 = /^[0-9A-Fa-f:.]+$/.test(hp);
    return { host: hp, port: null, ok: ipv6, bareIpv6: ipv6 };
  }
  const host = hp.slice(0, first).trim();
  const port = portOf(hp.slice(first + 1));
  if (port === null || host.length === 0) return { host: hp, port: null, ok: false, bareIpv6: false };
  return { host, port, ok: true, bareIpv6: false };
}
