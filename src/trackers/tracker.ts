/**
 * The tracker interface: one state machine per concern, fed correlated messages (and, for outbound, keepalive
 * and connection events) in capture order, handing back findings as soon as capture time decides them.
 */
import type { FlowRecord } from "../model/document.js";
import type { ConnectionEvent, KeepaliveEvent } from "../model/trace-event.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import type { Correlator } from "../correlate/correlator.js";
import type { CorrelatedMessage } from "../correlate/types.js";
import type { Finding } from "./findings.js";

export interface TrackerContext {
  readonly correlator: Correlator;
  readonly sink: DiagnosticSink;
  /** Hands a decided finding out; `callId` is the Call-ID of the annotated response. */
  emitFinding(finding: Finding, callId: string | null): void;
  emitFlow(flow: FlowRecord): void;
}

export interface Tracker {
  /** Every message, in capture order, after correlation. */
  observe(c: CorrelatedMessage): void;
  /** The response is this tracker's to annotate: it must emit exactly one finding for it, at the latest in finish(). */
  claim(c: CorrelatedMessage): void;
  observeKeepalive?(e: KeepaliveEvent): void;
  observeConnection?(e: ConnectionEvent): void;
  /** Capture time moved to `nowUs`: decide what the time decides. */
  advance(nowUs: number): void;
  /** End of the trace at `lastUs`: decide everything still open. */
  finish(lastUs: number): void;
  /** True while a finding this tracker still owes rests on messages of this call. */
  holds(callId: string): boolean;
}

/** RFC 3261 §17.1.1.1: 64*T1 = 32 s, the transaction timeout that also bounds "no NOTIFY came". */
export const T1_64_US = 32_000_000;
