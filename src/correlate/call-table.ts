/**
 * Calls by Call-ID: the messages, transactions, dialogs and links of one Call-ID, and when it ended in capture
 * time. A call is released (and its record produced) once it has ended and a grace period without messages has
 * passed, so memory follows the calls that are live, not the size of the capture.
 */
import type { CallLink, CallLinkReason, CallRecord } from "../model/document.js";
import { formatTimeIso, type TimePrecision } from "../model/time.js";
import { deriveCallState } from "./call-state.js";
import { MinHeap } from "../util/min-heap.js";

/** Messages listed per call at most; a call that goes on for ever (REGISTER refreshes) stops listing there. */
export const MAX_MESSAGES_PER_CALL = 100_000;
const MAX_LINKS_PER_CALL = 64;

export interface CallEntry {
  readonly callId: string;
  readonly messages: number[];
  method: string | null;
  from: string | null;
  to: string | null;
  readonly startUs: number;
  lastUs: number;
  readonly timePrecision: TimePrecision;
  /** Key of the transaction of the last initial request. */
  initialKey: string | null;
  finalStatus: number | null;
  provisional: number;
  initialTimedOut: boolean;
  cancelled: boolean;
  hungUp: boolean;
  readonly dialogKeys: Set<string>;
  transactions: number;
  retransmissions: number;
  openTransactions: number;
  readonly links: CallLink[];
  readonly outcomes: string[];
  /** A registration or subscription keeps the call alive until then (capture time). */
  activeUntilUs: number | null;
  /** A confirmed INVITE dialog is up (set by the correlator from the dialog table). */
  dialogUp: boolean;
}

export class CallTable {
  private readonly calls = new Map<string, CallEntry>();
  private readonly releases = new MinHeap<string>();

  private evictedCalls = 0;

  constructor(
    private readonly graceUs: number,
    /** Live calls held at most; past it the oldest are closed early (hostile or pathological traces). */
    private readonly maxCalls = 200_000,
  ) {}

  get evictedCount(): number {
    return this.evictedCalls;
  }

  /**
   * Closes the oldest calls while more than `maxCalls` are live, so that a trace of endless never-ending calls
   * (a flood of unanswered OPTIONS, each with its own Call-ID) cannot grow memory without bound.
   */
  evictOverflow(): CallRecord[] {
    const out: CallRecord[] = [];
    while (this.calls.size > this.maxCalls) {
      const oldest = this.calls.values().next();
      if (oldest.done === true) break;
      this.calls.delete(oldest.value.callId);
      this.evictedCalls++;
      out.push(toCallRecord(oldest.value));
    }
    return out;
  }

  get size(): number {
    return this.calls.size;
  }

  get(callId: string): CallEntry | undefined {
    return this.calls.get(callId);
  }

  getOrCreate(callId: string, nowUs: number, timePrecision: TimePrecision): CallEntry {
    let c = this.calls.get(callId);
    if (c === undefined) {
      c = {
        callId,
        messages: [],
        method: null,
        from: null,
        to: null,
        startUs: nowUs,
        lastUs: nowUs,
        timePrecision,
        initialKey: null,
        finalStatus: null,
        provisional: 0,
        initialTimedOut: false,
        cancelled: false,
        hungUp: false,
        dialogKeys: new Set(),
        transactions: 0,
        retransmissions: 0,
        openTransactions: 0,
        links: [],
        outcomes: [],
        activeUntilUs: null,
        dialogUp: false,
      };
      this.calls.set(callId, c);
    }
    return c;
  }

  addMessage(c: CallEntry, index: number, nowUs: number): void {
    if (c.messages.length < MAX_MESSAGES_PER_CALL) c.messages.push(index);
    c.lastUs = Math.max(c.lastUs, nowUs);
  }

  addLink(callId: string, link: CallLink): boolean {
    const c = this.calls.get(callId);
    if (c === undefined || link.callId === callId) return false;
    if (c.links.some((l) => l.callId === link.callId && l.reason === link.reason)) return true;
    if (c.links.length < MAX_LINKS_PER_CALL) c.links.push(link);
    return true;
  }

  addOutcome(callId: string, outcome: string): void {
    const c = this.calls.get(callId);
    if (c !== undefined && !c.outcomes.includes(outcome)) c.outcomes.push(outcome);
  }

  /** Re-evaluates whether `c` has ended and schedules its release. */
  review(c: CallEntry): void {
    const at = this.releaseTime(c);
    if (at !== null) this.releases.push(at, c.callId);
  }

  /**
   * Calls whose release time has come: ended, quiet for the grace period, and not held (`hold` says a tracker
   * still waits on one of its messages; a held call is looked at again one grace period later).
   */
  releaseDue(nowUs: number, hold: (callId: string) => boolean): CallRecord[] {
    const out: CallRecord[] = [];
    for (const id of this.releases.popDue(nowUs)) {
      const c = this.calls.get(id);
      if (c === undefined) continue;
      const at = this.releaseTime(c);
      if (at === null) continue;
      if (at > nowUs) {
        this.releases.push(at, id);
        continue;
      }
      if (hold(id)) {
        this.releases.push(nowUs + this.graceUs, id);
        continue;
      }
      this.calls.delete(id);
      out.push(toCallRecord(c));
    }
    return out;
  }

  /** Every call still held, in order of first message (end of trace). */
  drain(): CallRecord[] {
    const out = [...this.calls.values()].sort((a, b) => (a.messages[0] ?? 0) - (b.messages[0] ?? 0)).map(toCallRecord);
    this.calls.clear();
    return out;
  }

  private releaseTime(c: CallEntry): number | null {
    if (c.openTransactions > 0) return null;
    if (c.method === "INVITE" && c.finalStatus === null && !c.initialTimedOut) return null;
    if (c.dialogUp) return null;
    return Math.max(c.lastUs, c.activeUntilUs ?? 0) + this.graceUs;
  }
}

export function isLinkReason(r: string): r is CallLinkReason {
  return r === "replaces" || r === "refer" || r === "redirect" || r === "target-dialog" || r === "correlation-header";
}

function toCallRecord(c: CallEntry): CallRecord {
  const hasTime = c.timePrecision !== "unknown";
  const linked: string[] = [];
  for (const l of c.links) if (!linked.includes(l.callId)) linked.push(l.callId);
  return {
    callId: c.callId,
    messages: c.messages,
    linkedCallIds: linked,
    links: c.links,
    state: deriveCallState({ method: c.method, finalStatus: c.finalStatus, provisional: c.provisional, cancelled: c.cancelled, hungUp: c.hungUp }),
    method: c.method,
    from: c.from,
    to: c.to,
    startTs: hasTime ? formatTimeIso(c.startUs) : null,
    endTs: hasTime ? formatTimeIso(c.lastUs) : null,
    durationMs: hasTime ? Math.round((c.lastUs - c.startUs) / 1000) : null,
    finalStatus: c.finalStatus,
    dialogs: c.dialogKeys.size,
    transactions: c.transactions,
    retransmissions: c.retransmissions,
    outcomes: c.outcomes,
  };
}
