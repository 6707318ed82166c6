/**
 * name-addr / addr-spec with header parameters (RFC 3261 §25.1, §20.10): From, To, Contact, Route,
 * Record-Route, Path, Refer-To, Referred-By. Without angle brackets, every `;param` belongs to the header,
 * not to the URI (RFC 3261 §20.10).
 */
import { parseParams, type Params, NO_PARAMS } from "./params.js";
import { indexOfUnquoted, unquote } from "./split-list.js";
import { parseUri, type SipUri } from "./uri.js";

export interface NameAddr {
  readonly displayName: string | null;
  readonly uri: SipUri;
  readonly params: Params;
  /** The whole value as written. */
  readonly text: string;
}

export type NameAddrParse = { readonly ok: true; readonly value: NameAddr } | { readonly ok: false; readonly value: NameAddr; readonly error: string };

export function parseNameAddr(text: string): NameAddrParse {
  const t = text.trim();
  const lt = indexOfUnquoted(t, "<");
  if (lt >= 0) {
    const gt = t.indexOf(">", lt);
    const display = t.slice(0, lt).trim();
    const displayName = display.length > 0 ? unquote(display) : null;
    const uriText = gt < 0 ? t.slice(lt + 1) : t.slice(lt + 1, gt);
    const after = gt < 0 ? "" : t.slice(gt + 1);
    const semi = after.indexOf(";");
    const params = semi < 0 ? NO_PARAMS : parseParams(after.slice(semi + 1));
    const u = parseUri(uriText);
    const value: NameAddr = { displayName, uri: u.uri, params, text: t };
    if (gt < 0) return { ok: false, value, error: "missing '>'" };
    if (!u.ok) return { ok: false, value, error: u.error };
    return { ok: true, value };
  }
  // addr-spec: URI up to the first ';' (outside quotes), then header params.
  const semi = indexOfUnquoted(t, ";");
  const uriText = semi < 0 ? t : t.slice(0, semi);
  const params = semi < 0 ? NO_PARAMS : parseParams(t.slice(semi + 1));
  const u = parseUri(uriText);
  const value: NameAddr = { displayName: null, uri: u.uri, params, text: t };
  return u.ok ? { ok: true, value } : { ok: false, value, error: u.error };
}

export function tagOf(na: NameAddr | null): string | null {
  if (na === null) return null;
  const v = na.params.get("tag");
  return v ?? null;
}
