/**
 * 202 Accepted to anything but REFER. RFC 6665 §8.3.1 deprecates 202 for SUBSCRIBE (a notifier answers 200);
 * for MESSAGE and PUBLISH a 202 only says "accepted for later processing". Decided at once.
 */
import type { CorrelatedMessage } from "../correlate/types.js";
import type { Tracker, TrackerContext } from "./tracker.js";

export class AcceptedTracker implements Tracker {
  constructor(private readonly ctx: TrackerContext) {}

  observe(): void {
    // Nothing to follow: the finding rests on the response alone.
  }

  claim(c: CorrelatedMessage): void {
    const res = c.msg;
    if (res.kind !== "response") return;
    const method = c.request?.method ?? res.cseq?.method ?? null;
    this.ctx.emitFinding({ kind: "accepted", response: res.index, outcome: "accepted-deprecated", details: { method }, refs: c.requestIndex === null ? [] : [c.requestIndex] }, res.callId);
  }

  advance(): void {
    // No timers.
  }

  finish(): void {
    // Nothing owed: every claim is decided at once.
  }

  holds(): boolean {
    return false;
  }
}
