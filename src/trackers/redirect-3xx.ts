/**
 * Redirect tracker (RFC 3261 §8.1.3.4, §16.7, §21.3): every 3xx with its Contacts ordered by q, the ACK for it,
 * the retry (same Call-ID and From tag with a higher CSeq, or a new Call-ID with the same From and To and a
 * Request-URI equal to a Contact), its final status, later retries to further Contacts, whether the To URI was
 * kept (§8.1.3.4: the retry keeps To), and loops (a Contact equal to a target already requested in the chain).
 */
import type { RedirectContact, RedirectDetails } from "../model/document.js";
import type { Endpoint } from "../model/endpoint.js";
import { ExpiryQueue } from "../util/expiry-queue.js";
import type { CorrelatedMessage } from "../correlate/types.js";
import type { SipRequest, SipResponse } from "../sip/message.js";
import { uriKey } from "../sip/uri.js";
import type { RedirectExtras } from "./findings.js";
import { meaningOf } from "./redirect-meaning.js";
import { OwedFindings } from "./owed-findings.js";
import { redirectOutcomeOf } from "./redirect-outcome.js";
import { T1_64_US, type Tracker, type TrackerContext } from "./tracker.js";

const MAX_RETRIES = 16;

/** Targets requested along one chain of redirects (one Call-ID and From tag, joined by new-Call-ID retries). */
interface Chain {
  /** Target (uriKey) → the request that went there (a relayed copy of that request is no revisit). */
  readonly visited: Map<string, number>;
  lastUs: number;
}

interface Retry {
  readonly message: number;
  readonly uri: string;
  readonly key: string;
  readonly callId: string | null;
  readonly toKey: string | null;
  /** The target had been requested in this chain before. */
  readonly revisit: boolean;
  status: number | null;
}

interface Pending {
  readonly response: number;
  readonly responseCallId: string | null;
  readonly status: number;
  readonly request: number | null;
  readonly requestUri: string | null;
  readonly method: string;
  readonly callId: string | null;
  readonly fromTag: string | null;
  readonly fromKey: string | null;
  readonly toKey: string | null;
  readonly seq: number;
  readonly contacts: readonly (RedirectContact & { readonly key: string })[];
  /** Contacts already requested in the chain when the 3xx came (a loop if every Contact is one). */
  readonly visitedContacts: readonly string[];
  readonly chain: Chain;
  /** Who received this copy of the 3xx: the one expected to retry (through a proxy, each hop's copy has its own). */
  readonly recipient: Endpoint | null;
  ack: number | null;
  readonly retries: Retry[];
  deadlineUs: number;
  decided: boolean;
}

export class RedirectTracker implements Tracker {
  private readonly pending = new OwedFindings<Pending>();
  private readonly retryOwner = new Map<number, { readonly p: Pending; readonly r: Retry }>();
  private readonly chains = new Map<string, Chain>();
  private readonly chainExpiry = new ExpiryQueue<string>();

  constructor(private readonly ctx: TrackerContext) {}

  observe(c: CorrelatedMessage): void {
    if (c.retransmissionOf !== null) return;
    const msg = c.msg;
    if (msg.kind === "request") {
      if (msg.method === "ACK") {
        this.observeAck(c);
        return;
      }
      if (msg.method === "CANCEL" || msg.toTag !== null) return;
      this.visit(msg, c.timeUs);
      if (this.pending.size > 0) this.observeRetry(msg, c.hop.eventOf ?? msg.index, c.timeUs);
      return;
    }
    if (!c.isFirstFinal || c.requestIndex === null) return;
    const owner = this.retryOwner.get(c.requestIndex);
    if (owner === undefined) return;
    owner.r.status = msg.status;
    this.retryOwner.delete(c.requestIndex);
    this.review(owner.p, c.timeUs);
  }

  claim(c: CorrelatedMessage): void {
    const res = c.msg;
    if (res.kind !== "response") return;
    const req = c.request;
    const chain = this.chainFor(res.callId, res.fromTag, c.timeUs);
    const requestKey = req === null ? null : uriKey(req.requestUri);
    if (requestKey !== null && c.requestIndex !== null && !chain.visited.has(requestKey)) chain.visited.set(requestKey, c.requestIndex);
    const contacts = orderedContacts(res);
    const p: Pending = {
      response: res.index,
      responseCallId: res.callId,
      status: res.status,
      request: c.requestIndex,
      requestUri: req?.uri ?? null,
      method: req?.method ?? res.cseq?.method ?? "",
      callId: res.callId,
      fromTag: res.fromTag,
      fromKey: res.from === null ? null : uriKey(res.from.uri),
      toKey: req?.to == null ? (res.to === null ? null : uriKey(res.to.uri)) : uriKey(req.to.uri),
      seq: res.cseq?.seq ?? 0,
      contacts,
      visitedContacts: contacts.filter((x) => chain.visited.has(x.key)).map((x) => x.uri),
      chain,
      recipient: res.payload.dst,
      ack: null,
      retries: [],
      deadlineUs: c.timeUs + T1_64_US,
      decided: false,
    };
    this.pending.add(p);
    this.review(p, c.timeUs);
  }

  advance(nowUs: number): void {
    for (const p of this.pending.popDue(nowUs)) this.decide(p);
    for (const k of this.chainExpiry.popDue(nowUs)) {
      const ch = this.chains.get(k);
      if (ch !== undefined && ch.lastUs + 2 * T1_64_US <= nowUs) this.chains.delete(k);
    }
  }

  finish(): void {
    for (const p of this.pending.values()) this.decide(p);
    this.chains.clear();
  }

  holds(callId: string): boolean {
    return this.pending.holds((p) => p.callId === callId || p.retries.some((r) => r.callId === callId));
  }

  private chainFor(callId: string | null, fromTag: string | null, nowUs: number): Chain {
    const k = `${callId ?? ""}\u0000${fromTag ?? ""}`;
    let ch = this.chains.get(k);
    if (ch === undefined) {
      ch = { visited: new Map(), lastUs: nowUs };
      this.chains.set(k, ch);
    }
    ch.lastUs = nowUs;
    this.chainExpiry.push(nowUs + 2 * T1_64_US, k);
    return ch;
  }

  /** Records the Request-URI of an initial request in its chain, if a chain is open for it. */
  private visit(req: SipRequest, nowUs: number): void {
    const ch = this.chains.get(`${req.callId ?? ""}\u0000${req.fromTag ?? ""}`);
    if (ch === undefined) return;
    ch.lastUs = nowUs;
  }

  private observeAck(c: CorrelatedMessage): void {
    const inv = c.ackFor;
    if (inv?.finalIndex == null) return;
    for (const p of this.pending) {
      if (p.response === inv.finalIndex && p.ack === null) {
        p.ack = c.msg.index;
        this.review(p, c.timeUs);
        return;
      }
    }
  }

  /** RFC 3261 §8.1.3.4: a retry is a new request for the same method to a Contact (or through it, for 305). */
  private observeRetry(req: SipRequest, event: number, nowUs: number): void {
    const ruri = uriKey(req.requestUri);
    const fromKey = req.from === null ? null : uriKey(req.from.uri);
    const toKey = req.to === null ? null : uriKey(req.to.uri);
    let match: Pending | null = null;
    let matchNear = -1;
    for (const p of this.pending) {
      if (p.decided || p.method !== req.method || p.retries.length >= MAX_RETRIES) continue;
      const toContact = p.contacts.some((x) => x.key === ruri);
      const sameCall = req.callId === p.callId && req.fromTag === p.fromTag && (req.cseq?.seq ?? 0) > p.seq;
      const newCall = req.callId !== p.callId && fromKey !== null && fromKey === p.fromKey && toKey === p.toKey && toContact;
      // 305 Use Proxy: the Request-URI stays and the request goes through the proxy in the Contact (§21.3.4).
      if ((sameCall && (toContact || p.status === 305 || p.contacts.length === 0 || p.retries.length === 0)) || newCall) {
        // Through a proxy the 3xx is on the wire once per hop; the retry belongs to the copy its sender received.
        const near = nearness(p.recipient, req.payload.src);
        if (match === null || near > matchNear || (near === matchNear && p.response > match.response)) {
          match = p;
          matchNear = near;
        }
      }
    }
    if (match === null) return;
    // A 305 retry keeps its Request-URI on purpose: that is no revisit.
    const before = match.chain.visited.get(ruri);
    const revisit = match.status !== 305 && before !== undefined && before !== event;
    const r: Retry = { message: req.index, uri: req.uri, key: ruri, callId: req.callId, toKey, revisit, status: null };
    match.retries.push(r);
    if (before === undefined) match.chain.visited.set(ruri, event);
    match.chain.lastUs = nowUs;
    this.retryOwner.set(req.index, { p: match, r });
    if (req.callId !== null && req.callId !== match.callId) {
      this.chains.set(`${req.callId}\u0000${req.fromTag ?? ""}`, match.chain);
      if (match.callId !== null) this.ctx.correlator.linkCalls(match.callId, req.callId, "redirect", req.index);
    }
    this.review(match, nowUs);
  }

  /** Decides as soon as nothing more can change the finding; otherwise waits 32 s of capture time for the next step. */
  private review(p: Pending, nowUs: number): void {
    if (p.decided) return;
    const ackDone = p.ack !== null || p.method !== "INVITE";
    const usable = p.contacts.length;
    if (usable === 0 || (p.retries.length === 0 && p.visitedContacts.length === usable)) {
      if (ackDone) this.decide(p);
      return;
    }
    const last = p.retries[p.retries.length - 1];
    if (last === undefined) return;
    if (last.status === null) {
      this.pending.moveDeadline(p, nowUs + 20 * T1_64_US);
      return;
    }
    const tried = new Set(p.retries.map((r) => r.key));
    const untried = p.contacts.some((x) => !tried.has(x.key));
    // §16.7 / §8.1.3.4: a 2xx or 6xx ends the search; so does running out of Contacts.
    if (ackDone && (last.status < 300 || last.status >= 600 || !untried)) {
      this.decide(p);
      return;
    }
    this.pending.moveDeadline(p, nowUs + T1_64_US);
  }

  private decide(p: Pending): void {
    if (!this.pending.decideOnce(p)) return;
    for (const r of p.retries) this.retryOwner.delete(r.message);
    const { outcome, loopTarget } = redirectOutcomeOf({ contacts: p.contacts.length, retries: p.retries, visitedContacts: p.visitedContacts });
    const first = p.retries[0] ?? null;
    const extras: RedirectExtras = { status: p.status, meaning: meaningOf(p.status) };
    const details: RedirectDetails & RedirectExtras = {
      request: p.request,
      requestUri: p.requestUri,
      contacts: p.contacts.map((x) => ({ uri: x.uri, q: x.q })),
      ack: p.ack,
      retry: first?.message ?? null,
      retryUri: first?.uri ?? null,
      retryCallId: first?.callId ?? null,
      retryStatus: first?.status ?? null,
      retries: p.retries.map((r) => ({ message: r.message, uri: r.uri, status: r.status })),
      toPreserved: first === null || p.toKey === null ? null : first.toKey === p.toKey,
      loopTarget,
      ...extras,
    };
    const refs = [...(p.ack === null ? [] : [p.ack]), ...p.retries.map((r) => r.message)];
    this.ctx.emitFinding({ kind: "redirect", response: p.response, outcome, details, refs }, p.responseCallId);
  }
}

/** 2: the retry came from the endpoint that received the 3xx; 1: from its host; 0: neither (or unknown). */
function nearness(recipient: Endpoint | null, sender: Endpoint | null): number {
  if (recipient === null || sender?.ip !== recipient.ip) return 0;
  return recipient.port === sender.port ? 2 : 1;
}

/** Usable Contacts (sip, sips, tel), highest q first; an absent q counts as 1.0 (RFC 3261 §20.10), ties keep header order. */
function orderedContacts(res: SipResponse): (RedirectContact & { readonly key: string })[] {
  const list: (RedirectContact & { readonly key: string; readonly order: number })[] = [];
  res.contacts.forEach((c, i) => {
    if (c.kind !== "address" || c.address.uri.scheme === "other") return;
    list.push({ uri: c.address.uri.text, q: c.q, key: uriKey(c.address.uri), order: i });
  });
  list.sort((a, b) => (b.q ?? 1) - (a.q ?? 1) || a.order - b.order);
  return list.map(({ uri, q, key }) => ({ uri, q, key }));
}
