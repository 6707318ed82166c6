/**
 * Lookups over an AnalysisDocument that every view needs: messages by index, annotations by message,
 * calls by Call-ID, linked-call closure. Built once per render; the document itself is not changed.
 */
import type { AnalysisDocument, AnnotationRecord, CallRecord, MessageRecord } from "../model/document.js";
import type { Severity } from "../model/outcomes.js";
import { worseSeverity } from "./terminal.js";

export interface DocumentIndex {
  readonly doc: AnalysisDocument;
  readonly messages: ReadonlyMap<number, MessageRecord>;
  readonly annotations: ReadonlyMap<number, readonly AnnotationRecord[]>;
  /** The first call record of each Call-ID. */
  readonly calls: ReadonlyMap<string, CallRecord>;
  /** Every call record of each Call-ID (an analyzer may split one Call-ID, e.g. REGISTER refreshes). */
  readonly callGroups: ReadonlyMap<string, readonly CallRecord[]>;
  /** 1-based position of each call in `doc.calls`, the number `--call N` refers to. */
  readonly callNumbers: ReadonlyMap<string, number>;
}

export function indexDocument(doc: AnalysisDocument): DocumentIndex {
  const messages = new Map<number, MessageRecord>();
  for (const m of doc.messages) messages.set(m.index, m);
  const annotations = new Map<number, AnnotationRecord[]>();
  for (const a of doc.annotations) {
    const list = annotations.get(a.message);
    if (list === undefined) annotations.set(a.message, [a]);
    else list.push(a);
  }
  const calls = new Map<string, CallRecord>();
  const callNumbers = new Map<string, number>();
  const callGroups = new Map<string, CallRecord[]>();
  doc.calls.forEach((c, i) => {
    const group = callGroups.get(c.callId);
    if (group === undefined) {
      callGroups.set(c.callId, [c]);
      calls.set(c.callId, c);
      callNumbers.set(c.callId, i + 1);
    } else group.push(c);
  });
  return { doc, messages, annotations, calls, callGroups, callNumbers };
}

/**
 * An annotation worth showing expanded: every tracker finding (refer, redirect, flow, accepted) and any
 * catalogue-only one that is a warning or an error. Routine responses (100, 180, 200) are not.
 */
export function isNotable(a: AnnotationRecord): boolean {
  return a.kind !== "generic" || a.severity === "error" || a.severity === "warning";
}

export function notableAnnotationsOf(index: DocumentIndex, message: number): readonly AnnotationRecord[] {
  return (index.annotations.get(message) ?? []).filter(isNotable);
}

/** The worst severity among the notable annotations of a set of messages. */
export function worstSeverityOf(index: DocumentIndex, messages: readonly number[]): Severity | null {
  let worst: Severity | null = null;
  for (const m of messages) for (const a of notableAnnotationsOf(index, m)) worst = worseSeverity(worst, a.severity);
  return worst;
}

/** The calls reachable from `callIds` through linkedCallIds and links, in document order. */
export function collectLinkedCalls(index: DocumentIndex, callIds: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...callIds];
  while (queue.length > 0) {
    const id = queue.shift();
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    for (const call of index.callGroups.get(id) ?? []) {
      for (const l of call.linkedCallIds) if (!seen.has(l)) queue.push(l);
      for (const l of call.links) if (!seen.has(l.callId)) queue.push(l.callId);
    }
  }
  // Links may be recorded on one side only: also take calls that point at a call already in the set.
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of index.doc.calls) {
      if (seen.has(c.callId)) continue;
      if (c.linkedCallIds.some((l) => seen.has(l)) || c.links.some((l) => seen.has(l.callId))) {
        seen.add(c.callId);
        grew = true;
      }
    }
  }
  const ordered = [...new Set(index.doc.calls.map((c) => c.callId))].filter((id) => seen.has(id));
  for (const id of callIds) if (!ordered.includes(id)) ordered.push(id);
  return ordered;
}
