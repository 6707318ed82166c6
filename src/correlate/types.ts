/** What correlation adds to each SIP message: its transaction, the request a response answers, retransmissions. */
import type { SipMessage, SipRequest, SipResponse } from "../sip/message.js";
import type { HopFacts } from "./hop-links.js";

export interface ResponseSeen {
  readonly index: number;
  readonly status: number;
  readonly toTag: string | null;
  readonly message: SipResponse;
}

/** One RFC 3261 §17 transaction as a third party sees it on the wire. */
export interface Transaction {
  readonly key: string;
  /** The method that created it (ACK for the ACK of a 2xx, which is a transaction of its own). */
  readonly method: string;
  readonly request: SipRequest;
  readonly requestIndex: number;
  readonly callId: string | null;
  readonly rfc2543: boolean;
  readonly createdUs: number;
  lastUs: number;
  /** Responses kept for retransmission checks (capped). */
  readonly responses: ResponseSeen[];
  finalStatus: number | null;
  finalIndex: number | null;
  finalUs: number | null;
  /** The ACK of a non-2xx final (RFC 3261 §17.1.1.3), or the first ACK of a 2xx matched by Call-ID and CSeq. */
  ackIndex: number | null;
  /** Set on an INVITE when a CANCEL for it was seen. */
  cancelIndex: number | null;
  /** Set while the transaction counts as open in its call. */
  open: boolean;
}

/** A SIP message with what correlation found out about it. */
export interface CorrelatedMessage {
  readonly msg: SipMessage;
  readonly timeUs: number;
  readonly transaction: Transaction | null;
  /** Index of the earlier message this one repeats (same transaction, same start line), else null. */
  readonly retransmissionOf: number | null;
  /** For a response: the request it answers, while still in memory. */
  readonly request: SipRequest | null;
  readonly requestIndex: number | null;
  /** A final response (>= 200) that is not a retransmission. */
  readonly isFinal: boolean;
  /** The first final response of its transaction (not a second 2xx from another fork). */
  readonly isFirstFinal: boolean;
  /** For an ACK: the INVITE transaction it acknowledges. */
  readonly ackFor: Transaction | null;
  /** For a CANCEL: the INVITE transaction it cancels (RFC 3261 §9.1: same branch). */
  readonly cancels: Transaction | null;
  /** Key of the dialog the message belongs to, when one is known. */
  readonly dialogKey: string | null;
  /** The hop this copy was seen on, its Via depth, and the first copy of the same event on another hop. */
  readonly hop: HopFacts;
}
