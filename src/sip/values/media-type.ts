/** Content-Type (RFC 3261 §20.15): `type/subtype;params`, lower-cased type and subtype. */
import { parseParams, type Params } from "../params.js";

export interface MediaType {
  readonly type: string;
  readonly subtype: string;
  /** `type/subtype`, lower case. */
  readonly essence: string;
  readonly params: Params;
}

export function parseMediaType(text: string): MediaType | null {
  const t = text.trim();
  const semi = t.indexOf(";");
  const essence = (semi < 0 ? t : t.slice(0, semi)).trim().toLowerCase();
  const slash = essence.indexOf("/");
  if (slash <= 0 || slash === essence.length - 1) return null;
  return { type: essence.slice(0, slash), subtype: essence.slice(slash + 1), essence, params: parseParams(semi < 0 ? "" : t.slice(semi + 1)) };
}
