/** Network endpoints: an IP address (v4 dotted, v6 RFC 5952 text) or a host name, and a port. */

export interface Endpoint {
  readonly ip: string;
  readonly port: number;
}

/** `1.2.3.4:5060`, `[2001:db8::1]:5060`; IPv6 is bracketed so the port stays unambiguous. */
export function formatEndpoint(e: Endpoint): string {
  return e.ip.includes(":") ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`;
}

/**
 * Parses `1.2.3.4:5060`, `[v6]:5060`, `v6:5060` (split on the last colon) or `host:port`.
 * A missing port gives `defaultPort`. Returns null for text that holds no address at all.
 */
export function parseEndpoint(text: string, defaultPort = 5060): Endpoint | null {
  const t = text.trim();
  if (t.length === 0) return null;
  if (t.startsWith("[")) {
    const close = t.indexOf("]");
    if (close < 0) return null;
    const ip = t.slice(1, close);
    const rest = t.slice(close + 1);
    const port = rest.startsWith(":") ? Number(rest.slice(1)) : defaultPort;
    return Number.isInteger(port) && port >= 0 && port <= 65535 ? { ip, port } : null;
  }
  const colons = t.split(":").length - 1;
  if (colons === 0) return { ip: t, port: defaultPort };
  if (colons > 1 && !/^[0-9a-fA-F:.]+:\d{1,5}$/.test(t)) return { ip: t, port: defaultPort };
  const at = t.lastIndexOf(":");
  const port = Number(t.slice(at + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
  return { ip: t.slice(0, at), port };
}

/** Both directions of a conversation share this key (the lower endpoint first). */
export function conversationKey(a: Endpoint, b: Endpoint): string {
  const x = formatEndpoint(a);
  const y = formatEndpoint(b);
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}
