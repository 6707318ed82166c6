/**
 * The response-code catalogue: every code of the IANA SIP response-code registry, normalised into CodeEntry
 * (class derived from the code so it cannot disagree with it).
 */
import type { CodeClassId, CodeData, CodeEntry } from "../types.js";
import { CODES_1XX } from "./1xx.js";
import { CODES_2XX } from "./2xx.js";
import { CODES_3XX } from "./3xx.js";
import { CODES_4XX } from "./4xx.js";
import { CODES_5XX } from "./5xx.js";
import { CODES_6XX } from "./6xx.js";

/** The class of a status code per RFC 3261 §7.2 (first digit), or null outside 100-699. */
export function classOfCode(code: number): CodeClassId | null {
  if (!Number.isInteger(code) || code < 100 || code > 699) return null;
  switch (Math.floor(code / 100)) {
    case 1:
      return "1xx";
    case 2:
      return "2xx";
    case 3:
      return "3xx";
    case 4:
      return "4xx";
    case 5:
      return "5xx";
    default:
      return "6xx";
  }
}

function normaliseEntry(data: CodeData): CodeEntry {
  const cls = classOfCode(data.code);
  if (cls === null) throw new Error(`catalogue entry ${data.code} is outside 100-699`);
  return {
    code: data.code,
    reason: data.reason,
    cls,
    ref: data.ref,
    seeAlso: data.seeAlso ?? [],
    deprecated: data.deprecated === true,
    texts: data.texts,
  };
}

/** All entries, in code order. */
export const CATALOGUE: readonly CodeEntry[] = [...CODES_1XX, ...CODES_2XX, ...CODES_3XX, ...CODES_4XX, ...CODES_5XX, ...CODES_6XX]
  .map(normaliseEntry)
  .sort((a, b) => a.code - b.code);

const BY_CODE: ReadonlyMap<number, CodeEntry> = new Map(CATALOGUE.map((e) => [e.code, e]));

export function findEntry(code: number): CodeEntry | null {
  return BY_CODE.get(code) ?? null;
}
