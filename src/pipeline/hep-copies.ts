/**
 * A proxy that mirrors its traffic over HEP puts each message in the capture twice: once on the wire and once
 * inside HEP. The HEP copy is marked as a copy of the plain message (same bytes, within a short capture-time
 * window), so it is neither a retransmission nor a second message in the counts. A small ring of recent
 * payloads is enough (the copy follows its original closely) and costs nothing per message beyond a store.
 */
import type { SipPayload } from "../model/trace-event.js";

const WINDOW_US = 2_000_000;
const RING = 32;

interface Seen {
  readonly index: number;
  readonly timeUs: number;
  readonly hep: boolean;
  readonly bytes: Buffer;
}

export class HepCopyDetector {
  private readonly ring: (Seen | undefined)[] = new Array<Seen | undefined>(RING);
  private pos = 0;
  private hepSeen = false;

  /** Returns the index of the message this one duplicates across the plain/HEP divide, or null. */
  check(p: SipPayload, index: number): number | null {
    const isHep = p.carrier === "hep2" || p.carrier === "hep3";
    if (isHep) this.hepSeen = true;
    let match: number | null = null;
    if (this.hepSeen) {
      for (const s of this.ring) {
        if (s === undefined || s.hep === isHep || s.bytes.length !== p.bytes.length) continue;
        if (Math.abs(p.timeUs - s.timeUs) <= WINDOW_US && s.bytes.equals(p.bytes)) {
          match = s.index;
          break;
        }
      }
    }
    if (match === null) {
      this.ring[this.pos] = { index, timeUs: p.timeUs, hep: isHep, bytes: p.bytes };
      this.pos = (this.pos + 1) % RING;
    }
    return match;
  }
}
