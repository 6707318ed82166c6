/**
 * Transaction keys, as RFC 3261 §17.1.3 (client side: responses) and §17.2.3 (server side: requests) match
 * them. A capture is seen by a third party, so one key serves both sides: a response carries the top Via of
 * the request it answers, so request and response give the same key.
 */
import type { SipMessage } from "../sip/message.js";

/** RFC 3261 §8.1.1.7: branches that start with this cookie are unique per transaction. */
export const MAGIC_COOKIE = "z9hG4bK";

export interface TransactionKey {
  readonly key: string;
  /** True when the top Via has no magic-cookie branch and the RFC 2543 fallback key was used. */
  readonly rfc2543: boolean;
}

function sentByHostOf(msg: SipMessage): string {
  return msg.topVia?.host.toLowerCase() ?? "";
}

function sentByOf(msg: SipMessage): string {
  const via = msg.topVia;
  if (via === null) return "";
  return `${via.host.toLowerCase()}:${via.port === null ? "" : String(via.port)}`;
}

/**
 * The key of the transaction `msg` belongs to, for the given method: pass "INVITE" to look up the INVITE an ACK
 * (for a non-2xx final) or a CANCEL refers to; RFC 3261 §17.2.3: "the method of the request matches the one that
 * created the transaction, except for ACK, where the method of the request that created the transaction is INVITE".
 * Null when the message lacks what any key needs (no Call-ID and no branch).
 */
export function transactionKeyOf(msg: SipMessage, method: string): TransactionKey | null {
  const branch = msg.branch;
  if (branch?.startsWith(MAGIC_COOKIE) === true) {
    // RFC 3261 §17.1.3 matches a response to its client transaction on the top Via branch and the CSeq method,
    // §17.2.3 a request to its server transaction on branch, sent-by and method. A capture sees both sides, so the
    // key keeps the sent-by HOST (a proxy that reuses the branch it received still gives another hop) but not the
    // port: a NAT or SIP ALG that rewrote the Via port on the response's path must not split one transaction, and
    // so one call, in two.
    return { key: `b\u0000${branch}\u0000${sentByHostOf(msg)}\u0000${method}`, rfc2543: false };
  }
  // RFC 3261 §17.2.3, RFC 2543 compatibility: Request-URI, To tag, From tag, Call-ID, CSeq and top Via. The
  // Request-URI and To tag are compared separately (a response has no Request-URI, and its To tag is new).
  if (msg.callId === null || msg.cseq === null) return null;
  const sentBy = sentByOf(msg);
  return {
    key: `o\u0000${msg.callId}\u0000${msg.cseq.seq}\u0000${method}\u0000${msg.fromTag ?? ""}\u0000${sentBy}\u0000${branch ?? ""}`,
    rfc2543: true,
  };
}
