/**
 * The RFC 5626 outbound tracker: the flow registry (flows, keepalives, connections, re-registrations) and the
 * 430/439 findings built on it, fed in the one order both rely on (flow facts before the findings that read them).
 */
import type { ConnectionEvent, KeepaliveEvent } from "../../model/trace-event.js";
import type { CorrelatedMessage } from "../../correlate/types.js";
import type { Tracker, TrackerContext } from "../tracker.js";
import { FlowFailures } from "./flow-failure.js";
import { FlowRegistry } from "./flow-registry.js";

export class OutboundTracker implements Tracker {
  private readonly flows: FlowRegistry;
  private readonly failures: FlowFailures;

  constructor(ctx: TrackerContext) {
    this.flows = new FlowRegistry(ctx, (failed, nowUs) => {
      this.failures.onRecovery(failed, nowUs);
    });
    this.failures = new FlowFailures(ctx, this.flows);
  }

  observe(c: CorrelatedMessage): void {
    if (c.retransmissionOf !== null) return;
    const msg = c.msg;
    if (msg.kind === "request") {
      if (msg.method === "REGISTER") this.flows.observeRegister(msg, c.timeUs);
      else if (this.failures.open > 0 && msg.method !== "ACK" && msg.method !== "CANCEL") this.failures.observeRetry(msg, c.timeUs);
      return;
    }
    if (!c.isFirstFinal || c.requestIndex === null) return;
    this.failures.observeResponse(c, msg);
    this.flows.observeResponse(c, msg);
  }

  claim(c: CorrelatedMessage): void {
    const res = c.msg;
    if (res.kind !== "response") return;
    if (res.status === 439) this.failures.claim439(c, res);
    else this.failures.claim430(c, res);
  }

  observeKeepalive(e: KeepaliveEvent): void {
    this.flows.observeKeepalive(e);
  }

  observeConnection(e: ConnectionEvent): void {
    this.flows.observeConnection(e);
  }

  advance(nowUs: number): void {
    this.flows.advance(nowUs);
    this.failures.advance(nowUs);
  }

  finish(lastUs: number): void {
    this.flows.finishKeepalives(lastUs);
    this.failures.finish();
    this.flows.finishFlows();
  }

  holds(callId: string): boolean {
    return this.failures.holds(callId);
  }
}
