/** Short labels for messages, shared by tables and ladders. Raw capture text: callers escape it. */
import type { MessageRecord } from "../model/document.js";

/** `INVITE`, `200 OK`, `430 Flow Failed`, or `?` when the start line was not understood. */
export function describeMessage(m: MessageRecord): string {
  if (m.method !== null) return m.method;
  if (m.status !== null) return m.reason === null || m.reason === "" ? String(m.status) : `${m.status} ${m.reason}`;
  return "?";
}

/** `1 INVITE`, or "" when the message had no CSeq. */
export function describeCseq(m: MessageRecord): string {
  return m.cseq === null ? "" : `${m.cseq.seq} ${m.cseq.method}`;
}

/** Where a message came from in its source: `frame 12` or `line 340`. */
export function describeOrigin(m: { readonly frame: number | null; readonly line: number | null }): string {
  if (m.frame !== null) return `frame ${m.frame}`;
  if (m.line !== null) return `line ${m.line}`;
  return "";
}

export function isRequest(m: MessageRecord): boolean {
  return m.method !== null;
}
