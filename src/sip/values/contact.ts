/**
 * Contact (RFC 3261 §20.10) with the parameters that matter for registrations and redirects: q, expires,
 * and RFC 5626 §4.1/§4.2: reg-id, +sip.instance (RFC 5626 §4.1 uses it as a Contact header field parameter), ob
 * (a URI parameter of the Contact, RFC 5626 §5.4). `*` is the wildcard for de-registering all bindings.
 */
import { parseNameAddr, type NameAddr } from "../name-addr.js";
import { paramNumber, paramString } from "../params.js";

export type ContactValue =
  | { readonly kind: "star"; readonly text: string }
  | {
      readonly kind: "address";
      readonly address: NameAddr;
      readonly q: number | null;
      readonly expires: number | null;
      readonly regId: number | null;
      readonly instance: string | null;
      /** `ob` present as a URI parameter (or, leniently, a header parameter). */
      readonly ob: boolean;
      readonly text: string;
    };

export type ContactParse = { readonly ok: true; readonly value: ContactValue } | { readonly ok: false; readonly value: ContactValue; readonly error: string };

export function parseContact(text: string): ContactParse {
  const t = text.trim();
  if (t === "*") return { ok: true, value: { kind: "star", text: t } };
  const na = parseNameAddr(t);
  const p = na.value.params;
  const qRaw = paramNumber(p, "q");
  const value: ContactValue = {
    kind: "address",
    address: na.value,
    q: qRaw !== null && qRaw >= 0 && qRaw <= 1 ? qRaw : null,
    expires: paramNumber(p, "expires"),
    regId: paramNumber(p, "reg-id"),
    instance: paramString(p, "+sip.instance"),
    ob: na.value.uri.params.has("ob") || p.has("ob"),
    text: t,
  };
  return na.ok ? { ok: true, value } : { ok: false, value, error: na.error };
}
