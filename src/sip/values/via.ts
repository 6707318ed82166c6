/** Via (RFC 3261 §20.42, §18.2.1 received, RFC 3581 rport): `SIP/2.0/UDP host:port;branch=...;received=...;rport=...`. */
import { parseParams, type Params, NO_PARAMS } from "../params.js";
import { indexOfUnquoted } from "../split-list.js";
import { splitHostPort } from "../host-port.js";

export interface Via {
  readonly protocol: string;
  /** Upper-case transport token: UDP, TCP, TLS, SCTP, WS, WSS ... */
  readonly transport: string;
  readonly host: string;
  readonly port: number | null;
  readonly branch: string | null;
  readonly received: string | null;
  /** `rport` with a value → that number; a bare `rport` flag → true; absent → null. */
  readonly rport: number | true | null;
  readonly params: Params;
  readonly text: string;
}

export type ViaParse = { readonly ok: true; readonly value: Via } | { readonly ok: false; readonly error: string };

export function parseVia(text: string): ViaParse {
  const t = text.trim();
  // sent-protocol: "SIP / 2.0 / UDP" (whitespace around slashes is legal, RFC 3261 §25.1 SLASH = SWS "/" SWS)
  const m = /^([A-Za-z0-9.!%*_+`'~-]+)\s*\/\s*([A-Za-z0-9.!%*_+`'~-]+)\s*\/\s*([A-Za-z0-9.!%*_+`'~-]+)\s+/.exec(t);
  if (m === null) return { ok: false, error: `not a Via value: ${JSON.stringify(t.slice(0, 60))}` };
  const rest = t.slice(m[0].length);
  const semi = indexOfUnquoted(rest, ";");
  const sentBy = (semi < 0 ? rest : rest.slice(0, semi)).trim();
  const params = semi < 0 ? NO_PARAMS : parseParams(rest.slice(semi + 1));
  // One hostport rule for URIs and Vias (sip/host-port.ts), bare IPv6 sent-by included.
  const split = splitHostPort(sentBy);
  const host = split.host;
  const port = split.port;
  if (!split.ok && host.length > 0) return { ok: false, error: `bad Via sent-by ${JSON.stringify(sentBy)}` };
  if (host.length === 0) return { ok: false, error: "Via without sent-by host" };
  const rp = params.get("rport");
  const rport: number | true | null = rp === undefined ? null : rp === null || rp === "" ? true : Number.isInteger(Number(rp)) ? Number(rp) : true;
  return {
    ok: true,
    value: {
      protocol: `${m[1] ?? ""}/${m[2] ?? ""}`,
      transport: (m[3] ?? "").toUpperCase(),
      host,
      port,
      branch: params.get("branch") ?? null,
      received: params.get("received") ?? null,
      rport,
      params,
      text: t,
    },
  };
}
