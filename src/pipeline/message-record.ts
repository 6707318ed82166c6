/** SipMessage → the MessageRecord of the JSON contract (docs/json-output.md). */
import { formatEndpoint } from "../model/endpoint.js";
import type { HopRecord, MessageRecord } from "../model/document.js";
import { formatTimeIso } from "../model/time.js";
import type { SipMessage } from "../sip/message.js";

export interface MessageLinks {
  readonly retransmissionOf: number | null;
  readonly copyOf: number | null;
  /** First copy of the same event on another hop (correlation finds it; `messages` does not correlate). */
  readonly sameEventAs?: number | null;
}

/** The hop of one copy: its endpoints, sorted, and its Via count. */
export function hopRecordOf(m: SipMessage): HopRecord {
  const p = m.payload;
  const peers: [string, string] | null = p.src === null || p.dst === null ? null : [formatEndpoint(p.src), formatEndpoint(p.dst)];
  if (peers !== null && peers[1] < peers[0]) peers.reverse();
  return { peers, viaDepth: m.vias.length };
}

export function toMessageRecord(m: SipMessage, links: MessageLinks): MessageRecord {
  const p = m.payload;
  return {
    index: m.index,
    file: p.origin.file,
    frame: p.origin.frame,
    line: p.origin.line,
    frames: p.origin.frames,
    ts: p.timePrecision === "unknown" ? null : formatTimeIso(p.timeUs),
    timePrecision: p.timePrecision,
    src: p.src === null ? null : formatEndpoint(p.src),
    dst: p.dst === null ? null : formatEndpoint(p.dst),
    addressesInferred: p.addressesInferred,
    transport: p.transport,
    carrier: p.carrier,
    method: m.kind === "request" ? m.method : null,
    uri: m.kind === "request" ? m.uri : null,
    status: m.kind === "response" ? m.status : null,
    reason: m.kind === "response" ? m.reason : null,
    callId: m.callId,
    cseq: m.cseq,
    fromUri: m.from?.uri.text ?? null,
    fromTag: m.fromTag,
    toUri: m.to?.uri.text ?? null,
    toTag: m.toTag,
    branch: m.branch,
    size: p.bytes.length,
    retransmissionOf: links.retransmissionOf,
    copyOf: links.copyOf,
    hop: hopRecordOf(m),
    sameEventAs: links.sameEventAs ?? null,
    warnings: [...m.warnings],
  };
}
