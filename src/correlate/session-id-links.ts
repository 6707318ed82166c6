/**
 * RFC 7989 Session-ID: one end-to-end session identifier (`Session-ID: <32 hex local UUID>;remote=<32 hex>`) that
 * B2BUAs and SBCs keep across the legs they bridge, unlike the Call-ID. Two calls whose requests carry the same
 * non-null UUID are legs of one session. The null UUID (32 zeros) means "not known yet" and links nothing.
 * Bounded: the oldest UUIDs are forgotten first.
 */
import type { SipMessage } from "../sip/message.js";

const UUID = /^[0-9a-f]{32}$/;
const NULL_UUID = "0".repeat(32);

/** The non-null UUIDs of a Session-ID header value (local, then remote). */
export function sessionUuids(value: string | null): string[] {
  if (value === null) return [];
  const [local = "", ...params] = value.split(";").map((s) => s.trim().toLowerCase());
  const remote = params.find((p) => p.startsWith("remote="))?.slice("remote=".length).trim() ?? "";
  return [local, remote].filter((u, i, all) => UUID.test(u) && u !== NULL_UUID && all.indexOf(u) === i);
}

export class SessionIdIndex {
  private readonly callOf = new Map<string, string>();

  constructor(private readonly capacity = 100_000) {}

  /** The other Call-IDs that carried one of `msg`'s Session-ID UUIDs (and remembers `msg`'s). */
  linkedCallIds(msg: SipMessage): string[] {
    const callId = msg.callId;
    if (callId === null) return [];
    const out: string[] = [];
    for (const u of sessionUuids(msg.header("session-id"))) {
      const other = this.callOf.get(u);
      if (other === undefined) {
        this.callOf.set(u, callId);
        if (this.callOf.size > this.capacity) {
          const oldest = this.callOf.keys().next();
          if (oldest.done !== true) this.callOf.delete(oldest.value);
        }
      } else if (other !== callId && !out.includes(other)) out.push(other);
    }
    return out;
  }
}
