/**
 * Turns ingestion events into analysis items: parses each SIP payload, numbers messages in order (0-based
 * `index`), marks HEP mirror copies of plain messages, and passes keepalive and connection events through.
 */
import { ArraySink, type DiagnosticSink } from "../diagnostics/sink.js";
import type { ConnectionEvent, KeepaliveEvent, OpaqueFlowEvent, SipPayload, TraceEvent, UnreachableEvent } from "../model/trace-event.js";
import type { SipMessage } from "../sip/message.js";
import { parseSipMessage } from "../sip/parser.js";
import { HepCopyDetector } from "./hep-copies.js";

export type ParsedItem =
  | { readonly kind: "message"; readonly msg: SipMessage; readonly copyOf: number | null }
  | KeepaliveEvent
  | ConnectionEvent
  | OpaqueFlowEvent
  | { readonly kind: "unreachable"; readonly event: UnreachableEvent; readonly quoted: SipMessage | null };

export class ParseStage {
  private next = 0;
  private readonly copies = new HepCopyDetector();

  constructor(private readonly sink: DiagnosticSink) {}

  /** Parses one event; returns null for payloads that hold no SIP message (a diagnostic says why). */
  push(ev: TraceEvent): ParsedItem | null {
    if (ev.kind === "unreachable") return { kind: "unreachable", event: ev, quoted: parseQuoted(ev) };
    if (ev.kind !== "sip") return ev;
    const msg = parseSipMessage(detach(ev), this.sink);
    if (msg === null) return null;
    msg.index = this.next++;
    const copyOf = this.copies.check(ev, msg.index);
    return { kind: "message", msg, copyOf };
  }

  get messageCount(): number {
    return this.next;
  }
}

/**
 * The SIP request an ICMP error quotes, parsed for its transaction key only: not a message of the trace (no index),
 * and its own diagnostics (a quote is cut short by design) are not the trace's.
 */
function parseQuoted(ev: UnreachableEvent): SipMessage | null {
  const payload: SipPayload = { kind: "sip", bytes: ev.quoted, origin: ev.origin, timeUs: ev.timeUs, timePrecision: "full", src: ev.src, dst: ev.dst, transport: ev.transport, carrier: "plain", addressesInferred: false, direction: null, truncated: true };
  return parseSipMessage(payload, new ArraySink());
}

/** Views smaller than this share of their backing buffer are copied (the copy costs far less than the pinning). */
const DETACH_RATIO = 8;

/**
 * A message's bytes are often a view into a 1 MiB read chunk. Correlation may keep a message for minutes of
 * capture time, and a kept view would pin the whole chunk: measured, `analyze` on a 200 MB capture grew to 2.8 GB
 * that way. Small views are copied so that a kept message keeps only its own bytes.
 */
function detach(p: SipPayload): SipPayload {
  const b = p.bytes;
  if (b.byteLength * DETACH_RATIO >= b.buffer.byteLength) return p;
  return { ...p, bytes: Buffer.from(b) };
}

export async function* parseEvents(events: AsyncIterable<TraceEvent>, sink: DiagnosticSink): AsyncGenerator<ParsedItem> {
  const stage = new ParseStage(sink);
  for await (const ev of events) {
    const item = stage.push(ev);
    if (item !== null) yield item;
  }
}
