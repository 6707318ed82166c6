/**
 * Generic parameters `;name=value;flag` (RFC 3261 §25.1 generic-param): names are case-insensitive and kept
 * lower-case; values keep their case; quoted values are unquoted; a flag has the value null.
 */
import { indexOfUnquoted, unquote } from "./split-list.js";

export type Params = ReadonlyMap<string, string | null>;

export const NO_PARAMS: Params = new Map();

/** Parses the text after the first `;` (or an empty string). */
export function parseParams(text: string): Params {
  if (text.length === 0) return NO_PARAMS;
  const map = new Map<string, string | null>();
  let pos = 0;
  while (pos <= text.length) {
    let next = indexOfUnquoted(text, ";", pos);
    if (next < 0) next = text.length;
    const part = text.slice(pos, next);
    const eq = part.indexOf("=");
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name.length > 0 && !map.has(name)) map.set(name, eq < 0 ? null : unquote(part.slice(eq + 1)));
    pos = next + 1;
  }
  return map;
}

export function paramString(p: Params, name: string): string | null {
  const v = p.get(name);
  return v === undefined ? null : v;
}

export function hasParam(p: Params, name: string): boolean {
  return p.has(name);
}

/** A parameter as a number, or null when absent or not numeric. */
export function paramNumber(p: Params, name: string): number | null {
  const v = p.get(name);
  if (v === undefined || v === null) return null;
  const n = Number(v.trim());
  return v.trim().length > 0 && Number.isFinite(n) ? n : null;
}
