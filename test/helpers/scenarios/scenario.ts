/**
 * A scenario: a designed SIP trace (steps with times and addresses) plus the findings its design calls for,
 * written by hand. Unit tests run the steps through the analyzer; scripts/fixtures/scenarios.ts writes the same
 * steps as capture files with an expected.json each.
 */
import type { TraceStep } from "../sip-trace.js";

export interface ExpectedFinding {
  /** Index of the annotated response among the scenario's SIP messages (0-based). */
  readonly message: number;
  readonly kind: "refer" | "redirect" | "flow" | "accepted";
  readonly outcome: string;
  /** Facts the details must hold (a subset: fields not listed are not checked). */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface ExpectedFlow {
  readonly regId: number | null;
  readonly state: string;
  readonly failureKind: string | null;
  /** Index of the REGISTER that brought the reg-id back, or null. */
  readonly reregisteredBy: number | null;
  readonly keepalives?: { readonly pings: number; readonly pongs: number; readonly unanswered: number };
  readonly flowTimer?: number | null;
  /** Indices of the REGISTERs (the UA's own) that created or refreshed the flow. */
  readonly registered?: readonly number[];
}

export interface Scenario {
  readonly name: string;
  readonly title: string;
  /** UDP scenarios are written as pcap, TCP ones as pcapng. */
  readonly transport: "udp" | "tcp";
  readonly steps: readonly TraceStep[];
  readonly expected: readonly ExpectedFinding[];
  readonly flows?: readonly ExpectedFlow[];
  /** Diagnostic codes the design produces (warnings for failed flows). */
  readonly diagnostics?: readonly string[];
}

/** Collects steps; `sip` returns the message's index, so expectations can name messages by design. */
export class StepList {
  readonly steps: TraceStep[] = [];
  private messages = 0;

  sip(t: number, src: string, dst: string, text: string, transport?: "udp" | "tcp"): number {
    this.steps.push({ kind: "sip", t, src, dst, text, ...(transport === undefined ? {} : { transport }) });
    return this.messages++;
  }

  keepalive(t: number, src: string, dst: string, keepalive: "crlf-ping" | "crlf-pong"): void {
    this.steps.push({ kind: "keepalive", t, src, dst, keepalive, transport: "tcp" });
  }

  connection(t: number, src: string, dst: string, event: "close" | "reset"): void {
    this.steps.push({ kind: "connection", t, src, dst, event, transport: "tcp" });
  }
}
