/**
 * The layout-free model of a ladder (sequence) diagram, shared by the text, Mermaid, SVG and HTML views:
 * participants (one per endpoint, in order of first appearance), one row per message in time order, legs
 * (one per Call-ID when several are drawn together) and the annotation marks.
 */
import type { AnnotationRecord, CallLinkReason, CallRecord, MessageRecord } from "../model/document.js";
import type { Severity } from "../model/outcomes.js";
import type { DocumentIndex } from "./document-index.js";
import { collectLinkedCalls, notableAnnotationsOf } from "./document-index.js";
import { parseTsUs } from "./time-format.js";
import { worseSeverity } from "./terminal.js";

export interface LadderLeg {
  readonly callId: string;
  /** "A", "B" ... in the order the legs appear in the document. */
  readonly label: string;
  /** How this leg is linked to another drawn leg, when it is. */
  readonly reason: CallLinkReason | null;
}

export interface LadderRow {
  readonly message: MessageRecord;
  readonly from: number;
  readonly to: number;
  readonly leg: number;
  /** Time since the previous row (capture time), null for the first row or unknown times. */
  readonly deltaUs: number | null;
  readonly notes: readonly AnnotationRecord[];
  /** Worst severity among `notes`, null when the message is not annotated. */
  readonly mark: Severity | null;
  /** 1-based number of the mark, for legends ("★2"); null when not annotated. */
  readonly markNumber: number | null;
}

export interface Ladder {
  readonly participants: readonly string[];
  readonly rows: readonly LadderRow[];
  readonly legs: readonly LadderLeg[];
  /** Call-IDs that were asked for but are not in the document. */
  readonly missing: readonly string[];
}

export interface LadderOptions {
  /** Also draw the calls linked to the requested ones (transfer target, redirect retry). */
  readonly linked?: boolean;
  /** Hard cap on drawn rows, so a huge call cannot blow up a diagram (default 5000). */
  readonly maxRows?: number;
  /**
   * Draw only this call record's messages (when the document has several records with one Call-ID);
   * without it, every record of each requested Call-ID is drawn. Ignored with `linked`.
   */
  readonly call?: CallRecord;
}

/** Where a message whose address is unknown (some text logs) is drawn. */
export const UNKNOWN_PARTICIPANT = "unknown";

export function buildLadder(index: DocumentIndex, callIds: readonly string[], options: LadderOptions = {}): Ladder {
  const linked = options.linked === true;
  const ids = linked ? collectLinkedCalls(index, callIds) : [...new Set(callIds)];
  const missing = ids.filter((id) => !index.calls.has(id));
  const present = ids.filter((id) => index.calls.has(id));
  const legs: LadderLeg[] = present.map((callId, i) => ({ callId, label: legLabel(i), reason: linkReasonOf(index, callId, present) }));
  const legOf = new Map(present.map((id, i) => [id, i] as const));

  const picked: { m: MessageRecord; leg: number }[] = [];
  const seen = new Set<number>();
  for (const [leg, id] of present.entries()) {
    const records = !linked && options.call?.callId === id ? [options.call] : (index.callGroups.get(id) ?? []);
    for (const mi of records.flatMap((r) => r.messages)) {
      const m = index.messages.get(mi);
      if (m === undefined || seen.has(mi)) continue;
      seen.add(mi);
      picked.push({ m, leg: legOf.get(m.callId ?? id) ?? leg });
    }
  }
  // Capture-time order; messages without a time keep their document position.
  picked.sort((a, b) => compareMessages(a.m, b.m));
  const limited = picked.slice(0, options.maxRows ?? 5000);

  const participants: string[] = [];
  const party = partyOf(limited.map((p) => p.m));
  const column = (addr: string | null): number => {
    const key = addr === null ? UNKNOWN_PARTICIPANT : (party.get(addr) ?? addr);
    let i = participants.indexOf(key);
    if (i < 0) {
      participants.push(key);
      i = participants.length - 1;
    }
    return i;
  };
  const rows: LadderRow[] = [];
  let prevUs: number | null = null;
  let marks = 0;
  for (const { m, leg } of limited) {
    const from = column(m.src);
    const to = column(m.dst);
    const us = parseTsUs(m.ts);
    const notes = notableAnnotationsOf(index, m.index);
    let mark: Severity | null = null;
    for (const n of notes) mark = worseSeverity(mark, n.severity);
    rows.push({
      message: m,
      from,
      to,
      leg,
      deltaUs: us !== null && prevUs !== null ? us - prevUs : null,
      notes,
      mark,
      markNumber: notes.length > 0 ? ++marks : null,
    });
    if (us !== null) prevUs = us;
  }
  return { participants, rows, legs, missing };
}

/**
 * One column per party, so a proxy is one column whatever socket it used: an address that no initial request was
 * sent to (a TCP connection's ephemeral port) is drawn in the column of the one address of the same host that
 * initial requests were sent to (its listening port), when there is exactly one such address.
 */
function partyOf(messages: readonly MessageRecord[]): Map<string, string> {
  const listening = new Map<string, Set<string>>();
  for (const m of messages) {
    if (m.method === null || m.toTag !== null || m.dst === null) continue;
    const host = hostOf(m.dst);
    let set = listening.get(host);
    if (set === undefined) {
      set = new Set();
      listening.set(host, set);
    }
    set.add(m.dst);
  }
  const out = new Map<string, string>();
  for (const m of messages) {
    for (const addr of [m.src, m.dst]) {
      if (addr === null || out.has(addr)) continue;
      const set = listening.get(hostOf(addr));
      if (set === undefined || set.has(addr) || set.size !== 1) continue;
      const only = set.values().next();
      if (only.done !== true) out.set(addr, only.value);
    }
  }
  return out;
}

/** `10.0.0.1:5060` → `10.0.0.1`, `[2001:db8::1]:5060` → `[2001:db8::1]`. */
function hostOf(addr: string): string {
  const i = addr.lastIndexOf(":");
  return i < 0 || addr.endsWith("]") ? addr : addr.slice(0, i);
}

function compareMessages(a: MessageRecord, b: MessageRecord): number {
  const ta = parseTsUs(a.ts);
  const tb = parseTsUs(b.ts);
  if (ta !== null && tb !== null && ta !== tb) return ta - tb;
  return a.index - b.index;
}

/** A, B, ..., Z, AA, AB ... */
export function legLabel(i: number): string {
  let n = i;
  let s = "";
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

function linkReasonOf(index: DocumentIndex, callId: string, drawn: readonly string[]): CallLinkReason | null {
  const own = (index.callGroups.get(callId) ?? []).flatMap((c) => c.links).find((l) => drawn.includes(l.callId) && l.callId !== callId);
  if (own !== undefined) return own.reason;
  for (const other of drawn) {
    if (other === callId) continue;
    const l = (index.callGroups.get(other) ?? []).flatMap((c) => c.links).find((x) => x.callId === callId);
    if (l !== undefined) return l.reason;
  }
  return null;
}
