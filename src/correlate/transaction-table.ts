/**
 * RFC 3261 §17 transaction matching for a third party: requests open transactions, responses find theirs by
 * the same key, repeats are flagged as retransmissions. State is released in capture time: 32 s (64*T1, RFC 3261
 * §17.1.1.2 Timer B / §17.2.1 Timer H) after the last activity of a completed transaction; an INVITE still
 * waiting for its final response is kept longer (a phone may ring for minutes, RFC 3261 §16.6 Timer C is > 3 min).
 */
import type { SipRequest, SipResponse } from "../sip/message.js";
import { ExpiryQueue } from "../util/expiry-queue.js";
import { transactionKeyOf } from "./transaction-key.js";
import type { Transaction } from "./types.js";

/** 64*T1 with T1 = 500 ms (RFC 3261 §17.1.1.1). */
export const T1_64_US = 32_000_000;
const PENDING_INVITE_US = 600_000_000;
const MAX_RESPONSES_KEPT = 32;

export interface TransactionTableOptions {
  /** Hard cap on transactions held at once; the oldest are dropped beyond it (hostile input). */
  readonly maxTransactions: number;
}

export type RequestMatch =
  | { readonly kind: "new"; readonly txn: Transaction }
  | { readonly kind: "retransmission"; readonly txn: Transaction; readonly of: number }
  | { readonly kind: "ack"; readonly txn: Transaction | null; readonly ackFor: Transaction | null; readonly retransmissionOf: number | null }
  | { readonly kind: "unkeyed" };

export type ResponseMatch =
  | { readonly kind: "matched"; readonly txn: Transaction; readonly retransmissionOf: number | null; readonly firstFinal: boolean }
  | { readonly kind: "orphan" };

export class TransactionTable {
  private readonly byKey = new Map<string, Transaction>();
  /** INVITE transactions by Call-ID + CSeq number + From tag, to tie the ACK of a 2xx to its INVITE. */
  private readonly inviteBySeq = new Map<string, Transaction>();
  // Queues hold keys, not transactions: an entry outlives its transaction when the deadline moves (a pending INVITE
  // answered early still sits in the 10-minute queue), and a stale key costs a string, not the messages.
  private readonly expiry = new ExpiryQueue<string>();
  private readonly longExpiry = new ExpiryQueue<string>();
  private evicted = 0;
  private evictedSince: Transaction[] = [];

  constructor(private readonly options: TransactionTableOptions) {}

  get size(): number {
    return this.byKey.size;
  }

  /** Transactions dropped because of the cap so far. */
  get evictedCount(): number {
    return this.evicted;
  }

  matchRequest(req: SipRequest, index: number, nowUs: number): RequestMatch {
    if (req.method === "ACK") return this.matchAck(req, index, nowUs);
    const k = transactionKeyOf(req, req.method);
    if (k === null) return { kind: "unkeyed" };
    const found = this.byKey.get(k.key);
    if (found !== undefined && this.isSameRequest(found, req)) {
      found.lastUs = nowUs;
      this.schedule(found, nowUs);
      return { kind: "retransmission", txn: found, of: found.requestIndex };
    }
    const txn = this.create(k.key, req.method, req, index, k.rfc2543, nowUs);
    if (req.method === "INVITE" && req.callId !== null && req.cseq !== null) {
      this.inviteBySeq.set(inviteSeqKey(req.callId, req.cseq.seq, req.fromTag), txn);
    }
    return { kind: "new", txn };
  }

  /** The transaction a copy of `req` belongs to (quoted in an ICMP error), without touching its timers. */
  find(req: SipRequest): Transaction | null {
    const k = transactionKeyOf(req, req.method);
    if (k === null) return null;
    const t = this.byKey.get(k.key);
    return t !== undefined && this.isSameRequest(t, req) ? t : null;
  }

  /** The INVITE transaction a CANCEL refers to (RFC 3261 §9.1: same Request-URI, Call-ID, To, From, CSeq number and top Via). */
  findCancelled(cancel: SipRequest): Transaction | null {
    const k = transactionKeyOf(cancel, "INVITE");
    if (k === null) return null;
    const t = this.byKey.get(k.key);
    if (t !== undefined) return t;
    if (cancel.callId === null || cancel.cseq === null) return null;
    return this.inviteBySeq.get(inviteSeqKey(cancel.callId, cancel.cseq.seq, cancel.fromTag)) ?? null;
  }

  matchResponse(res: SipResponse, index: number, nowUs: number): ResponseMatch {
    const method = res.cseq?.method ?? "";
    const k = transactionKeyOf(res, method);
    if (k === null) return { kind: "orphan" };
    const txn = this.byKey.get(k.key);
    if (txn === undefined || (txn.request.cseq !== null && res.cseq !== null && txn.request.cseq.seq !== res.cseq.seq)) {
      return { kind: "orphan" };
    }
    txn.lastUs = nowUs;
    const repeat = txn.responses.find(
      (r) => r.status === res.status && r.toTag === res.toTag && (res.status >= 200 || r.message.bytes.equals(res.bytes)),
    );
    if (repeat !== undefined) {
      this.schedule(txn, nowUs);
      return { kind: "matched", txn, retransmissionOf: repeat.index, firstFinal: false };
    }
    if (txn.responses.length < MAX_RESPONSES_KEPT) txn.responses.push({ index, status: res.status, toTag: res.toTag, message: res });
    let firstFinal = false;
    if (res.status >= 200 && txn.finalStatus === null) {
      txn.finalStatus = res.status;
      txn.finalIndex = index;
      txn.finalUs = nowUs;
      firstFinal = true;
    }
    this.schedule(txn, nowUs);
    return { kind: "matched", txn, retransmissionOf: null, firstFinal };
  }

  /** Releases transactions whose time is up; returns them so calls can update their open counts. */
  expire(nowUs: number): Transaction[] {
    const out: Transaction[] = this.evictedSince;
    this.evictedSince = [];
    for (const q of [this.expiry, this.longExpiry]) {
      for (const key of q.popDue(nowUs)) {
        const t = this.byKey.get(key);
        if (t === undefined) continue;
        const deadline = deadlineOf(t);
        if (deadline > nowUs) {
          // Refreshed since it was queued (a response, an ACK): queue it again at its real deadline, or it would
          // never expire and would keep its messages for the rest of the trace (measured: memory grew with file size).
          (t.method === "INVITE" && t.finalStatus === null ? this.longExpiry : this.expiry).push(deadline, t.key);
          continue;
        }
        this.remove(t);
        out.push(t);
      }
    }
    return out;
  }

  /** Every transaction still held (end of trace). */
  drain(): Transaction[] {
    const all = [...this.evictedSince, ...this.byKey.values()];
    this.evictedSince = [];
    this.byKey.clear();
    this.inviteBySeq.clear();
    this.expiry.drain();
    this.longExpiry.drain();
    return all;
  }

  private matchAck(req: SipRequest, index: number, nowUs: number): RequestMatch {
    // RFC 3261 §17.1.1.3: the ACK of a non-2xx final has the INVITE's branch and is part of its transaction.
    const k = transactionKeyOf(req, "INVITE");
    const inv = k === null ? undefined : this.byKey.get(k.key);
    if (inv !== undefined) {
      inv.lastUs = nowUs;
      this.schedule(inv, nowUs);
      if (inv.ackIndex === null) {
        inv.ackIndex = index;
        return { kind: "ack", txn: inv, ackFor: inv, retransmissionOf: null };
      }
      return { kind: "ack", txn: inv, ackFor: inv, retransmissionOf: inv.ackIndex };
    }
    // RFC 3261 §13.2.2.4, §17.1.1.3: the ACK of a 2xx is a transaction of its own (new branch).
    const ka = transactionKeyOf(req, "ACK");
    if (ka === null) return { kind: "unkeyed" };
    const prev = this.byKey.get(ka.key);
    if (prev !== undefined) {
      prev.lastUs = nowUs;
      this.schedule(prev, nowUs);
      return { kind: "ack", txn: prev, ackFor: null, retransmissionOf: prev.requestIndex };
    }
    const txn = this.create(ka.key, "ACK", req, index, ka.rfc2543, nowUs);
    txn.open = false;
    let ackFor: Transaction | null = null;
    if (req.callId !== null && req.cseq !== null) {
      ackFor = this.inviteBySeq.get(inviteSeqKey(req.callId, req.cseq.seq, req.fromTag)) ?? null;
      if (ackFor !== null && ackFor.ackIndex === null) ackFor.ackIndex = index;
    }
    return { kind: "ack", txn, ackFor, retransmissionOf: null };
  }

  private isSameRequest(t: Transaction, req: SipRequest): boolean {
    if (t.method !== req.method) return false;
    if (t.request.cseq !== null && req.cseq !== null && t.request.cseq.seq !== req.cseq.seq) return false;
    // RFC 2543 matching also compares the Request-URI and To tag.
    if (t.rfc2543 && (t.request.uri !== req.uri || t.request.toTag !== req.toTag)) return false;
    return true;
  }

  private create(key: string, method: string, req: SipRequest, index: number, rfc2543: boolean, nowUs: number): Transaction {
    const old = this.byKey.get(key);
    if (old !== undefined) this.remove(old);
    const txn: Transaction = {
      key,
      method,
      request: req,
      requestIndex: index,
      callId: req.callId,
      rfc2543,
      createdUs: nowUs,
      lastUs: nowUs,
      responses: [],
      finalStatus: null,
      finalIndex: null,
      finalUs: null,
      ackIndex: null,
      cancelIndex: null,
      open: true,
    };
    this.byKey.set(key, txn);
    this.schedule(txn, nowUs);
    while (this.byKey.size > this.options.maxTransactions) {
      const oldest = this.byKey.values().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
      this.evicted++;
      this.evictedSince.push(oldest);
    }
    return txn;
  }

  private schedule(t: Transaction, nowUs: number): void {
    if (t.method === "INVITE" && t.finalStatus === null) this.longExpiry.push(nowUs + PENDING_INVITE_US, t.key);
    else this.expiry.push(nowUs + T1_64_US, t.key);
  }

  private remove(t: Transaction): void {
    if (this.byKey.get(t.key) === t) this.byKey.delete(t.key);
    if (t.method === "INVITE" && t.request.callId !== null && t.request.cseq !== null) {
      const k = inviteSeqKey(t.request.callId, t.request.cseq.seq, t.request.fromTag);
      if (this.inviteBySeq.get(k) === t) this.inviteBySeq.delete(k);
    }
  }
}

function deadlineOf(t: Transaction): number {
  return t.method === "INVITE" && t.finalStatus === null ? t.lastUs + PENDING_INVITE_US : t.lastUs + T1_64_US;
}

function inviteSeqKey(callId: string, seq: number, fromTag: string | null): string {
  return `${callId}\u0000${seq}\u0000${fromTag ?? ""}`;
}

