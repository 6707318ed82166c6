/**
 * Authentication challenges (RFC 3261 §22.2 for 401 + WWW-Authenticate from a UAS or registrar, §22.3 for 407 +
 * Proxy-Authenticate from a proxy). A challenge is not the outcome of the request it answers: the client is to
 * send the same request again with credentials (Authorization / Proxy-Authorization), same Call-ID and From tag,
 * CSeq incremented (§22.2, §8.1.3.5). This follows each challenge to that re-sent request and its final status:
 * `answered` (re-sent, not challenged again), `rejected-again` (challenged again: credentials refused, or a stale
 * nonce, §22.4 / RFC 2617 §3.2.1), `unanswered` (nothing re-sent within 64*T1 = 32 s of capture time).
 * The transfer, redirect or registration itself is judged by its tracker on the re-sent request.
 *
 * Through a proxy a relayed challenge is on the wire once per hop; the re-sent request that belongs to a copy is the
 * one sent by that copy's recipient (the UA on the UA's hop, the proxy's relayed copy on the next).
 */
import type { ChallengeDetails } from "../model/document.js";
import type { Endpoint } from "../model/endpoint.js";
import type { ChallengeOutcome } from "../model/outcomes.js";
import type { CorrelatedMessage } from "../correlate/types.js";
import type { SipRequest } from "../sip/message.js";
import { OwedFindings } from "./owed-findings.js";
import { T1_64_US, type Tracker, type TrackerContext } from "./tracker.js";

interface Pending {
  readonly response: number;
  readonly responseCallId: string | null;
  readonly timeUs: number;
  readonly status: 401 | 407;
  readonly method: string | null;
  readonly request: number | null;
  readonly fromTag: string | null;
  readonly seq: number | null;
  readonly recipient: Endpoint | null;
  readonly scheme: string | null;
  readonly realm: string | null;
  readonly stale: boolean;
  resent: { readonly index: number; readonly seq: number | null; readonly timeUs: number; status: number | null } | null;
  deadlineUs: number;
  decided: boolean;
}

export class ChallengeTracker implements Tracker {
  private readonly owed = new OwedFindings<Pending>();
  /** Re-sent request (its index) → the challenge waiting for its final status. */
  private readonly byResent = new Map<number, Pending>();

  constructor(private readonly ctx: TrackerContext) {}

  observe(c: CorrelatedMessage): void {
    if (c.retransmissionOf !== null) return;
    const msg = c.msg;
    if (msg.kind === "request") {
      if (this.owed.size > 0 && msg.method !== "ACK" && msg.method !== "CANCEL") this.observeResend(msg, c.timeUs);
      return;
    }
    if (!c.isFirstFinal || c.requestIndex === null) return;
    const p = this.byResent.get(c.requestIndex);
    if (p === undefined || p.resent === null) return;
    this.byResent.delete(c.requestIndex);
    p.resent.status = msg.status;
    this.decide(p, msg.status === 401 || msg.status === 407 ? "rejected-again" : "answered");
  }

  claim(c: CorrelatedMessage): void {
    const res = c.msg;
    if (res.kind !== "response" || (res.status !== 401 && res.status !== 407)) return;
    const header = res.status === 401 ? "www-authenticate" : "proxy-authenticate";
    const challenge = parseChallenge(res.headerValues(header)[0] ?? null);
    const p: Pending = {
      response: res.index,
      responseCallId: res.callId,
      timeUs: c.timeUs,
      status: res.status,
      method: c.request?.method ?? res.cseq?.method ?? null,
      request: c.requestIndex,
      fromTag: res.fromTag,
      seq: res.cseq?.seq ?? null,
      recipient: res.payload.dst,
      ...challenge,
      resent: null,
      deadlineUs: c.timeUs + T1_64_US,
      decided: false,
    };
    this.owed.add(p);
  }

  advance(nowUs: number): void {
    for (const p of this.owed.popDue(nowUs)) this.decide(p, p.resent === null ? "unanswered" : "answered");
  }

  finish(): void {
    for (const p of this.owed.values()) this.decide(p, p.resent === null ? "unanswered" : "answered");
  }

  holds(callId: string): boolean {
    return this.owed.holds((p) => p.responseCallId === callId);
  }

  /** §22.2: the same request again, with the credentials header the challenge asked for and a higher CSeq. */
  private observeResend(req: SipRequest, nowUs: number): void {
    let best: Pending | null = null;
    let bestNear = -1;
    for (const p of this.owed) {
      if (p.decided || p.resent !== null || p.method !== req.method || p.responseCallId !== req.callId || p.fromTag !== req.fromTag) continue;
      if (p.seq !== null && (req.cseq === null || req.cseq.seq <= p.seq)) continue;
      if (!req.hasHeader(p.status === 401 ? "authorization" : "proxy-authorization")) continue;
      const near = nearness(p.recipient, req.payload.src);
      if (best === null || near > bestNear) {
        best = p;
        bestNear = near;
      }
    }
    if (best === null) return;
    best.resent = { index: req.index, seq: req.cseq?.seq ?? null, timeUs: nowUs, status: null };
    this.byResent.set(req.index, best);
    // Wait for the re-sent request's final response (a non-INVITE transaction ends within 64*T1).
    this.owed.moveDeadline(best, nowUs + T1_64_US);
  }

  private decide(p: Pending, outcome: ChallengeOutcome): void {
    if (!this.owed.decideOnce(p)) return;
    if (p.resent !== null) this.byResent.delete(p.resent.index);
    const details: ChallengeDetails = {
      method: p.method,
      request: p.request,
      header: p.status === 401 ? "WWW-Authenticate" : "Proxy-Authenticate",
      scheme: p.scheme,
      realm: p.realm,
      stale: p.stale,
      resent: p.resent?.index ?? null,
      resentCseq: p.resent?.seq ?? null,
      resentStatus: p.resent?.status ?? null,
      resendDelayMs: p.resent === null ? null : Math.round((p.resent.timeUs - p.timeUs) / 1000),
    };
    const refs = [...(p.request === null ? [] : [p.request]), ...(p.resent === null ? [] : [p.resent.index])];
    this.ctx.emitFinding({ kind: "challenge", response: p.response, outcome, details, refs }, p.responseCallId);
  }
}

/** `Digest realm="x", nonce="y", stale=TRUE` → scheme, realm, stale (RFC 3261 §25.1 challenge, RFC 2617 §3.2.1). */
function parseChallenge(value: string | null): { readonly scheme: string | null; readonly realm: string | null; readonly stale: boolean } {
  if (value === null) return { scheme: null, realm: null, stale: false };
  const scheme = /^\s*([A-Za-z0-9._-]+)/.exec(value)?.[1] ?? null;
  const realm = /(?:^|[\s,])realm\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/i.exec(value);
  const stale = /(?:^|[\s,])stale\s*=\s*"?true"?/i.test(value);
  return { scheme, realm: realm === null ? null : (realm[1] ?? realm[2] ?? null), stale };
}

/** 2: sent from the endpoint that received the challenge; 1: from its host; 0: neither (or unknown). */
function nearness(recipient: Endpoint | null, sender: Endpoint | null): number {
  if (recipient === null || sender?.ip !== recipient.ip) return 0;
  return recipient.port === sender.port ? 2 : 1;
}
