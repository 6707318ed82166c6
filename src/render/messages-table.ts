/** `sipta messages --format table`: one line per SIP message, every capture-derived value escaped for the terminal. */
import type { MessageRecord } from "../model/document.js";
import { escapeVisible } from "./escape-visible.js";

export const MESSAGES_TABLE_HEADER = ["#", "where", "time", "source", "", "destination", "proto", "message", "Call-ID", "CSeq", "warnings"];

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** One table row; columns are padded to fixed widths so the output can be streamed line by line. */
export function formatMessageRow(m: MessageRecord): string {
  const where = m.frame !== null ? `f${m.frame}` : m.line !== null ? `l${m.line}` : "-";
  const time = m.ts === null ? "-" : m.timePrecision === "time-of-day" ? m.ts.slice(11, 26) : m.ts.slice(0, 26).replace("T", " ");
  const what = m.method ?? `${m.status ?? "?"} ${m.reason ?? ""}`.trim();
  const marks = [m.retransmissionOf !== null ? `retransmission of #${m.retransmissionOf}` : "", m.copyOf !== null ? `HEP copy of #${m.copyOf}` : "", ...m.warnings].filter((x) => x.length > 0);
  const cells = [
    String(m.index).padStart(5),
    where.padEnd(7),
    time.padEnd(26),
    clip(escapeVisible(m.src ?? "?"), 28).padStart(28),
    "→",
    clip(escapeVisible(m.dst ?? "?"), 28).padEnd(28),
    m.transport.padEnd(4),
    clip(escapeVisible(what), 24).padEnd(24),
    clip(escapeVisible(m.callId ?? "-"), 36).padEnd(36),
    clip(m.cseq === null ? "-" : escapeVisible(`${m.cseq.seq} ${m.cseq.method}`), 16).padEnd(16),
    escapeVisible(marks.join(", ")),
  ];
  return `${cells.join(" ").trimEnd()}\n`;
}
