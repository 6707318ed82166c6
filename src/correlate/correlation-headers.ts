/**
 * Vendor headers that name another leg's Call-ID: the B2BUA and SBC habit that sngrep and HOMER link calls by
 * (X-CID, X-Call-ID, X-Orig-Call-ID ...). Not standard SIP; a value equal to the message's own Call-ID is ignored.
 */
import type { SipMessage } from "../sip/message.js";

export const CORRELATION_HEADERS = [
  "x-cid",
  "x-call-id",
  "x-orig-call-id",
  "x-original-call-id",
  "x-callid",
  "x-leg-call-id",
  "x-other-leg-call-id",
] as const;

const MAX_ID_LENGTH = 256;

/** Call-IDs named by correlation headers of `msg`, distinct, without its own. */
export function findCorrelatedCallIds(msg: SipMessage): string[] {
  const out: string[] = [];
  for (const h of CORRELATION_HEADERS) {
    const v = msg.header(h);
    if (v === null) continue;
    const id = v.trim();
    if (id.length === 0 || id.length > MAX_ID_LENGTH || id === msg.callId || out.includes(id)) continue;
    out.push(id);
  }
  return out;
}
