/**
 * Known SIP methods as constant strings: the start line and CSeq yield these without allocating when the bytes
 * match exactly (RFC 3261 §7.1: methods are case-sensitive), which is nearly always.
 * RFC 3261 §27.4 plus REFER (3515), NOTIFY/SUBSCRIBE (6665), PRACK (3262), UPDATE (3311), INFO (6086),
 * MESSAGE (3428), PUBLISH (3903).
 */
const KNOWN = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE"];

const BY_LENGTH: string[][] = [];
for (const m of KNOWN) (BY_LENGTH[m.length] ??= []).push(m);

/** The interned method name when [start, end) spells one exactly, else null. */
export function internMethod(buf: Uint8Array, start: number, end: number): string | null {
  const candidates = BY_LENGTH[end - start];
  if (candidates === undefined) return null;
  outer: for (const m of candidates) {
    for (let i = 0; i < m.length; i++) if (buf[start + i] !== m.charCodeAt(i)) continue outer;
    return m;
  }
  return null;
}
