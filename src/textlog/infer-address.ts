/**
 * Addresses a log did not state, taken from the top Via (RFC 3261 §18.2.1: received/rport say where the request
 * really came from, RFC 3581 §4; §18.2.2: responses go back to the top Via's sent-by). A request's top Via names its
 * sender; a response's top Via names the request's sender, i.e. the response's destination.
 */
import type { Endpoint } from "../model/endpoint.js";
import { parseEndpoint } from "../model/endpoint.js";
import type { Transport } from "../model/transport.js";
import { parseTransport } from "../model/transport.js";

export interface ViaAddress {
  readonly endpoint: Endpoint | null;
  readonly transport: Transport;
}

/** `SIP/2.0/UDP host:port;received=x;rport=y` → endpoint and transport. */
export function parseViaAddress(via: string): ViaAddress {
  const m = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z0-9-]+)\s+([^;\s]+)(.*)$/.exec(via.trim());
  if (m === null) return { endpoint: null, transport: "unknown" };
  const transport = parseTransport(m[1] ?? "");
  const params = m[3] ?? "";
  const defaultPort = transport === "tls" || transport === "wss" ? 5061 : 5060;
  const sentBy = parseEndpoint(m[2] ?? "", defaultPort);
  const received = /;\s*received=([^;\s]+)/i.exec(params)?.[1];
  const rport = /;\s*rport=(\d{1,5})/i.exec(params)?.[1];
  const host = received ?? sentBy?.ip;
  const port = rport !== undefined ? Number(rport) : sentBy?.port;
  if (host === undefined || port === undefined || !isPlausibleHost(host)) return { endpoint: null, transport };
  return { endpoint: { ip: host.replace(/^\[|\]$/g, ""), port }, transport };
}

/** Rejects anonymisation garbage (`**ip**`, `XXXX`) that would otherwise pass as a host name. */
export function isPlausibleHost(host: string): boolean {
  return /^(?:\[?[0-9a-fA-F:.]+\]?|[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)*)$/.test(host);
}

/** parseEndpoint, refusing anonymised or garbled text. */
export function parsePeer(text: string, defaultPort = 5060): Endpoint | null {
  const e = parseEndpoint(text.replace(/^\[([^\]]*)\]$/, "$1"), defaultPort);
  return e !== null && isPlausibleHost(e.ip) ? e : null;
}
