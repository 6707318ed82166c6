/**
 * ICMP errors against SIP requests. An ICMP / ICMPv6 Destination Unreachable quoting a SIP request is a fatal
 * transport error for that request's transaction, which RFC 3261 §8.1.3.1 says the client MUST treat as a 503
 * (RFC 3261 §18.4: host, network, port or protocol unreachable errors are reported to the transport user). The
 * transaction is found by the quote's top Via branch and method (the correlator's key); every ICMP error for it
 * (one per retransmission) is gathered, and when the trace ends one diagnostic per transaction says what the
 * engineer needs: "INVITE never answered: ICMP port unreachable from X", or that a later copy was answered.
 * RFC 1122 §3.2.2.1: net and host unreachable may come from a routing transient, so they are worded as hints.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import type { Correlator } from "../correlate/correlator.js";
import type { Transaction } from "../correlate/types.js";
import { formatEndpoint } from "../model/endpoint.js";
import { fileRef, frameRef, originRef } from "../model/origin.js";
import type { UnreachableEvent, UnreachableReason } from "../model/trace-event.js";
import type { SipMessage } from "../sip/message.js";

/** Transactions marked at once; past this, errors are reported at once without waiting for the end. */
const MAX_MARKED = 10_000;

interface Mark {
  readonly txn: Transaction;
  readonly first: UnreachableEvent;
  count: number;
}

export class UnreachableTracker {
  private readonly marks = new Map<Transaction, Mark>();

  constructor(
    private readonly correlator: Correlator,
    private readonly sink: DiagnosticSink,
  ) {}

  /** One ICMP error; `quoted` is the SIP message parsed from its quote (null when unreadable). */
  observe(e: UnreachableEvent, quoted: SipMessage | null): void {
    const txn = quoted?.kind === "request" ? this.correlator.findTransaction(quoted) : null;
    if (txn === null) {
      const what = quoted?.kind === "request" ? `${quoted.method} (Call-ID ${quoted.callId ?? "?"}) that is not in the trace` : "a SIP datagram too short to identify";
      this.sink.report(makeDiagnostic("trackers.icmp_unreachable", originRef(e.origin), `ICMP ${describeUnreachable(e.reason, e.icmpCode, e.icmpVersion)} from ${e.reporter} for ${what}, sent ${formatEndpoint(e.src)}→${formatEndpoint(e.dst)}/${e.transport.toUpperCase()}`));
      return;
    }
    const m = this.marks.get(txn);
    if (m !== undefined) {
      m.count++;
      return;
    }
    // The call carries the mark too (calls[].outcomes, the calls table, the report's problem calls).
    if (txn.callId !== null) this.correlator.addOutcome(txn.callId, "icmp-unreachable");
    if (this.marks.size >= MAX_MARKED) {
      this.report({ txn, first: e, count: 1 }, "so far");
      return;
    }
    this.marks.set(txn, { txn, first: e, count: 1 });
  }

  /** End of the trace: one diagnostic per marked transaction, answered or not. */
  finish(): void {
    for (const m of this.marks.values()) this.report(m, "");
    this.marks.clear();
  }

  private report(m: Mark, when: string): void {
    const t = m.txn;
    const e = m.first;
    const icmp = `ICMP${e.icmpVersion === 6 ? "v6" : ""} ${describeUnreachable(e.reason, e.icmpCode, e.icmpVersion)} from ${e.reporter} (frame ${e.origin.frame ?? "?"}${m.count > 1 ? `, ${m.count} in all for its retransmissions` : ""})`;
    const what = `${t.method} #${t.requestIndex} to ${formatEndpoint(e.dst)}/${e.transport.toUpperCase()} (Call-ID ${t.callId ?? "?"})`;
    const hint = e.reason === "net" || e.reason === "host" ? "; a net or host unreachable can be a routing transient (RFC 1122 §3.2.2.1), check the route" : e.reason === "port" ? `; nothing listened for SIP on ${formatEndpoint(e.dst)}/${e.transport.toUpperCase()}: check the target's address, port and transport` : "";
    const text =
      t.finalStatus === null
        ? `${what} never answered${when === "" ? "" : ` ${when}`}: ${icmp}. The client must treat it as a 503 (RFC 3261 §8.1.3.1)${hint}`
        : `${what} drew ${icmp}, but was answered ${t.finalStatus} (#${t.finalIndex ?? "?"}) later: a retransmission got through`;
    const at = e.origin.frame !== null ? frameRef(e.origin.file, e.origin.frame) : fileRef(e.origin.file);
    this.sink.report({ ...makeDiagnostic("trackers.icmp_unreachable", at, text, t.finalStatus === null ? "warning" : "info"), messageIndex: t.requestIndex });
  }
}

/** Words an engineer reads: "port unreachable", "host unreachable" ... (RFC 792, RFC 4443 §3.1 code names). */
export function describeUnreachable(reason: UnreachableReason, code: number, version: 4 | 6): string {
  switch (reason) {
    case "port":
      return "port unreachable";
    case "host":
      return version === 4 ? "host unreachable" : "address unreachable";
    case "net":
      return version === 4 ? "network unreachable" : "no route to destination";
    case "protocol":
      return "protocol unreachable";
    case "admin":
      return "communication administratively prohibited";
    case "other":
      return `destination unreachable (code ${code})`;
  }
}
