/**
 * Whether a 439 is the copy the first hop relayed toward the UA rather than the one the registrar generated
 * (RFC 5626 §6: the registrar sends 439; the edge proxy relays it, one Via fewer). The hop facts come from the
 * correlator's hop linker (correlate/hop-links.ts): a copy linked to an earlier one is that event relayed.
 */
import type { CorrelatedMessage } from "../../correlate/types.js";

/** The generated copy's message index when `c` is a relayed copy of it, else null. */
export function relayedFrom(c: CorrelatedMessage): number | null {
  return c.hop.eventOf;
}
