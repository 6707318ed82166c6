/** Shorthand for RFC references in the catalogue files. */
import type { RfcRef } from "../types.js";

export function rfc(number: number, section: string | null = null): RfcRef {
  return { rfc: number, section };
}
