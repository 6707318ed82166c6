/** Event (RFC 6665 §8.2.1: package with `id` param) and Subscription-State (RFC 6665 §8.2.3). */
import { paramNumber, parseParams } from "../params.js";

export interface EventHeader {
  readonly package: string;
  readonly id: string | null;
}

export function parseEvent(text: string): EventHeader | null {
  const t = text.trim();
  if (t.length === 0) return null;
  const semi = t.indexOf(";");
  const pkg = (semi < 0 ? t : t.slice(0, semi)).trim().toLowerCase();
  const params = parseParams(semi < 0 ? "" : t.slice(semi + 1));
  return { package: pkg, id: params.get("id") ?? null };
}

export interface SubscriptionState {
  /** active | pending | terminated, or another extension value as written (lower case). */
  readonly state: string;
  readonly reason: string | null;
  readonly expires: number | null;
  readonly retryAfter: number | null;
}

export function parseSubscriptionState(text: string): SubscriptionState | null {
  const t = text.trim();
  if (t.length === 0) return null;
  const semi = t.indexOf(";");
  const state = (semi < 0 ? t : t.slice(0, semi)).trim().toLowerCase();
  const params = parseParams(semi < 0 ? "" : t.slice(semi + 1));
  return {
    state,
    reason: params.get("reason")?.toLowerCase() ?? null,
    expires: paramNumber(params, "expires"),
    retryAfter: paramNumber(params, "retry-after"),
  };
}
