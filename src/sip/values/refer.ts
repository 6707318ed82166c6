/**
 * REFER-related headers: Refer-To (RFC 3515 §2.1) with an embedded Replaces (RFC 3891 §3: carried as a URI
 * header `?Replaces=callid%3Bto-tag%3D..%3Bfrom-tag%3D..`), Referred-By (RFC 3892), Replaces (RFC 3891 §6.1),
 * Refer-Sub (RFC 4488 §4), Target-Dialog (RFC 4538).
 */
import { parseNameAddr, type NameAddr } from "../name-addr.js";
import { parseParams } from "../params.js";

export interface DialogId {
  readonly callId: string;
  readonly toTag: string | null;
  readonly fromTag: string | null;
  /** RFC 3891 §3 early-only flag. */
  readonly earlyOnly: boolean;
}

/** Replaces / Target-Dialog value: `callid;to-tag=x;from-tag=y[;early-only]` (RFC 3891 §6.1, RFC 4538 §7). */
export function parseDialogId(text: string, toTagName = "to-tag", fromTagName = "from-tag"): DialogId | null {
  const t = text.trim();
  if (t.length === 0) return null;
  const semi = t.indexOf(";");
  const callId = (semi < 0 ? t : t.slice(0, semi)).trim();
  if (callId.length === 0) return null;
  const params = parseParams(semi < 0 ? "" : t.slice(semi + 1));
  return {
    callId,
    toTag: params.get(toTagName) ?? null,
    fromTag: params.get(fromTagName) ?? null,
    earlyOnly: params.has("early-only"),
  };
}

/** Target-Dialog uses local-tag / remote-tag (RFC 4538 §7). */
export function parseTargetDialog(text: string): DialogId | null {
  return parseDialogId(text, "remote-tag", "local-tag");
}

export interface ReferTo {
  readonly address: NameAddr;
  /** Replaces decoded from the Refer-To URI's headers (attended transfer). */
  readonly replaces: DialogId | null;
  /** The method the URI asks for (`;method=` URI parameter, RFC 3515 §2.4.2), default INVITE. */
  readonly method: string;
}

export type ReferToParse = { readonly ok: true; readonly value: ReferTo } | { readonly ok: false; readonly value: ReferTo; readonly error: string };

export function parseReferTo(text: string): ReferToParse {
  const na = parseNameAddr(text);
  const rep = na.value.uri.headers.get("replaces");
  const value: ReferTo = {
    address: na.value,
    replaces: rep === undefined ? null : parseDialogId(rep),
    method: (na.value.uri.params.get("method") ?? "INVITE").toUpperCase(),
  };
  return na.ok ? { ok: true, value } : { ok: false, value, error: na.error };
}

/** Refer-Sub: `true` / `false` (RFC 4488 §4); anything else is null. */
export function parseReferSub(text: string): boolean | null {
  const v = text.split(";")[0]?.trim().toLowerCase();
  return v === "true" ? true : v === "false" ? false : null;
}
