/**
 * SIP, SIPS (RFC 3261 §19.1) and tel (RFC 3966) URIs: scheme, user, password, host (IPv4, IPv6 bracketed or
 * bare as real phones send it, names), port, parameters and headers (`?Replaces=...`, percent-decoded). Other schemes keep their text.
 */
import { parseParams, type Params, NO_PARAMS } from "./params.js";
import { splitHostPort } from "./host-port.js";

export type UriScheme = "sip" | "sips" | "tel" | "other";

export interface SipUri {
  readonly scheme: UriScheme;
  /** The URI exactly as written. */
  readonly text: string;
  readonly user: string | null;
  readonly password: string | null;
  readonly host: string | null;
  readonly port: number | null;
  readonly params: Params;
  /** URI headers (RFC 3261 §19.1.1 `?h=v&h=v`), names lower-case, values percent-decoded. */
  readonly headers: ReadonlyMap<string, string>;
}

function percentDecode(s: string): string {
  if (!s.includes("%")) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // malformed escapes stay as written
  }
}

export type UriParse = { readonly ok: true; readonly uri: SipUri } | { readonly ok: false; readonly uri: SipUri; readonly error: string };

/** Parses a URI; on errors still returns the best-effort URI with the error text. */
export function parseUri(text: string): UriParse {
  const t = text.trim();
  const colon = t.indexOf(":");
  const schemeText = colon > 0 ? t.slice(0, colon).toLowerCase() : "";
  const scheme: UriScheme = schemeText === "sip" || schemeText === "sips" || schemeText === "tel" ? schemeText : "other";
  const empty: SipUri = { scheme, text: t, user: null, password: null, host: null, port: null, params: NO_PARAMS, headers: new Map() };
  if (colon <= 0) return { ok: false, uri: empty, error: "no scheme" };
  // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
  if (!/^[a-z][a-z0-9+.-]*$/.test(schemeText)) return { ok: false, uri: empty, error: `bad scheme ${JSON.stringify(t.slice(0, colon))}` };
  const rest = t.slice(colon + 1);
  if (scheme === "other") return { ok: true, uri: empty };
  if (scheme === "tel") {
    // RFC 3966: telephone-subscriber; parameters follow `;`.
    const semi = rest.indexOf(";");
    const user = semi < 0 ? rest : rest.slice(0, semi);
    const uri: SipUri = { ...empty, user, params: semi < 0 ? NO_PARAMS : parseParams(rest.slice(semi + 1)) };
    return user.length > 0 ? { ok: true, uri } : { ok: false, uri, error: "empty telephone number" };
  }
  // sip / sips: [userinfo@]hostport[;params][?headers]
  const q = rest.indexOf("?");
  const beforeHeaders = q < 0 ? rest : rest.slice(0, q);
  const headerText = q < 0 ? "" : rest.slice(q + 1);
  const at = beforeHeaders.lastIndexOf("@");
  const userinfo = at < 0 ? null : beforeHeaders.slice(0, at);
  const hostPart = at < 0 ? beforeHeaders : beforeHeaders.slice(at + 1);
  // Parameters start at the first ';' after the host (a ';' in the user part belongs to the user: RFC 3261 §19.1.1).
  const semi = hostPart.indexOf(";");
  const hostport = semi < 0 ? hostPart : hostPart.slice(0, semi);
  const params = semi < 0 ? NO_PARAMS : parseParams(hostPart.slice(semi + 1));
  let user: string | null = null;
  let password: string | null = null;
  if (userinfo !== null) {
    const pc = userinfo.indexOf(":");
    user = percentDecode(pc < 0 ? userinfo : userinfo.slice(0, pc));
    password = pc < 0 ? null : percentDecode(userinfo.slice(pc + 1));
  }
  const hp = splitHostPort(hostport);
  const headers = new Map<string, string>();
  if (headerText.length > 0) {
    for (const pair of headerText.split("&")) {
      const eq = pair.indexOf("=");
      const name = percentDecode(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      if (name.length > 0) headers.set(name, percentDecode(eq < 0 ? "" : pair.slice(eq + 1)));
    }
  }
  const uri: SipUri = { scheme, text: t, user, password, host: hp.host.length > 0 ? hp.host : null, port: hp.port, params, headers };
  if (!hp.ok || hp.host.length === 0) return { ok: false, uri, error: `bad host or port in ${JSON.stringify(hostport)}` };
  return { ok: true, uri };
}

/**
 * Comparable form of a URI for matching retries to Contacts and loop detection: scheme, user, lower-case host,
 * port (default 5060/5061 dropped) and the transport/maddr params. A simplification of RFC 3261 §19.1.4.
 */
export function uriKey(u: SipUri): string {
  if (u.scheme === "tel") return `tel:${(u.user ?? "").replace(/[-.() ]/g, "")}`;
  if (u.scheme === "other") return u.text.toLowerCase();
  const defaultPort = u.scheme === "sips" ? 5061 : 5060;
  const port = u.port === null || u.port === defaultPort ? "" : `:${u.port}`;
  const transport = u.params.get("transport");
  const maddr = u.params.get("maddr");
  return `${u.scheme}:${u.user ?? ""}@${(u.host ?? "").toLowerCase()}${port}${transport ? `;transport=${transport.toLowerCase()}` : ""}${maddr ? `;maddr=${maddr}` : ""}`;
}
