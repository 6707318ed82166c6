/**
 * One file's analysis events → store rows (docs/store.md). Streaming: per-response and per-call state is held
 * only until the annotation or call record that needs it arrives, so memory follows open calls, not file size.
 * Post-dial delay (ITU-T E.411 style): the first INVITE of a call to its first 180/183, or to its final
 * response when no ringing was seen.
 */
import type { AnalysisEvent } from "../pipeline/analysis-events.js";
import type { AnnotationRecord, AnalysisSummary, CallRecord, DiagnosticRecord, FileSummary, FlowRecord, MessageRecord } from "../model/document.js";
import type { Severity } from "../model/outcomes.js";
import type { Row, TableName } from "../store/schema.js";
import { isoToUs } from "./iso-time.js";

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { ok: 0, info: 1, warning: 2, error: 3 };

/** Diagnostic rows kept per code per file (every one is counted in diagnostic_counts). */
const DIAGNOSTIC_ROWS_PER_CODE = 100;

interface ResponseFacts {
  readonly method: string | null;
  readonly retransmission: boolean;
  /** Capture time when the source gave a full date (time-of-day-only logs stay off the timeline). */
  readonly us: number | null;
}

export interface FileTotals {
  readonly format: string;
  readonly bytes: number;
  readonly messages: number;
  readonly calls: number;
  readonly annotations: number;
  readonly firstUs: number | null;
  readonly lastUs: number | null;
  readonly diagnostics: number;
}

export class StoreRows {
  private readonly buffers = new Map<TableName, Row[]>();
  private buffered = 0;
  private readonly responses = new Map<number, ResponseFacts>();
  private readonly inviteAt = new Map<string, number>();
  private readonly pdd = new Map<string, number>();
  private readonly diagnosticRows = new Map<string, number>();
  private readonly diagnosticSeverity = new Map<string, string>();
  private calls = 0;
  private annotations = 0;
  private totals: FileTotals | null = null;

  constructor(
    private readonly fileId: string,
    private readonly withMessages: boolean,
  ) {}

  /** Rows waiting to be written. */
  get pending(): number {
    return this.buffered;
  }

  /** The buffered rows per table, emptied. */
  take(): [TableName, Row[]][] {
    const out = [...this.buffers.entries()].filter(([, rows]) => rows.length > 0);
    this.buffers.clear();
    this.buffered = 0;
    return out;
  }

  /** The file's totals, once the summary has gone by. */
  get fileTotals(): FileTotals | null {
    return this.totals;
  }

  add(ev: AnalysisEvent): void {
    switch (ev.type) {
      case "message":
        this.message(ev.message);
        break;
      case "annotation":
        this.annotation(ev.annotation);
        break;
      case "call":
        this.call(ev.call);
        break;
      case "flow":
        this.flow(ev.flow);
        break;
      case "diagnostic":
        this.diagnostic(ev.diagnostic);
        break;
      case "summary":
        this.summary(ev.summary, ev.files);
        break;
    }
  }

  private push(table: TableName, row: Row): void {
    let rows = this.buffers.get(table);
    if (rows === undefined) {
      rows = [];
      this.buffers.set(table, rows);
    }
    rows.push(row);
    this.buffered++;
  }

  private message(m: MessageRecord): void {
    if (m.copyOf !== null) return;
    const us = m.timePrecision === "unknown" ? null : isoToUs(m.ts);
    const retransmission = m.retransmissionOf !== null;
    if (m.status !== null) this.responses.set(m.index, { method: m.cseq?.method ?? null, retransmission, us: m.timePrecision === "full" ? us : null });
    if (m.callId !== null && us !== null && !retransmission) this.trackPdd(m, m.callId, us);
    if (this.withMessages) {
      this.push("messages", [this.fileId, m.index, us, m.frame, m.line, m.src, m.dst, m.transport, m.method, m.status, m.callId, m.cseq?.method ?? null, m.size, retransmission ? 1 : 0]);
    }
  }

  private trackPdd(m: MessageRecord, callId: string, us: number): void {
    if (m.method === "INVITE") {
      if (!this.inviteAt.has(callId)) this.inviteAt.set(callId, us);
      return;
    }
    if (m.status === null || m.cseq?.method !== "INVITE" || this.pdd.has(callId)) return;
    const start = this.inviteAt.get(callId);
    if (start === undefined) return;
    if (m.status === 180 || m.status === 183 || m.status >= 200) this.pdd.set(callId, Math.max(0, us - start));
  }

  private annotation(a: AnnotationRecord): void {
    this.annotations++;
    const facts = this.responses.get(a.message);
    this.responses.delete(a.message);
    let sipfrag: number | null = null;
    let newCall: number | null = null;
    let retry: number | null = null;
    let delay: number | null = null;
    let dropped = 0;
    // Kind-specific facts; any other kind (generic, accepted, kinds added later) has none.
    if (a.kind === "refer") {
      sipfrag = a.details.finalStatus;
      newCall = a.details.newCallStatus;
      delay = a.details.finalDelayMs;
      dropped = a.details.droppedBy === null ? 0 : 1;
    } else if (a.kind === "redirect") {
      retry = a.details.retryStatus;
    } else if (a.kind === "flow") {
      retry = a.details.retryStatus;
      delay = a.details.reregisterDelayMs;
    }
    this.push("annotations", [
      this.fileId, a.message, a.callId, facts?.us ?? null, a.frame, a.line, a.code, facts?.method ?? null, a.kind, a.outcome, a.severity,
      SEVERITY_RANK[a.severity], facts?.retransmission === true ? 1 : 0, a.sameEventAs === undefined || a.sameEventAs === null ? 0 : 1, sipfrag, newCall, dropped, retry, delay === null ? null : Math.round(delay), a.summary,
    ]);
  }

  private call(c: CallRecord): void {
    this.calls++;
    const pdd = this.pdd.get(c.callId) ?? null;
    this.pdd.delete(c.callId);
    this.inviteAt.delete(c.callId);
    this.push("calls", [
      this.fileId, c.callId, c.messages[0] ?? 0, c.method, c.state, c.from, c.to, isoToUs(c.startTs), isoToUs(c.endTs), c.finalStatus,
      c.method === "INVITE" ? pdd : null, c.messages.length, c.dialogs, c.transactions, c.retransmissions, [...c.linkedCallIds].sort().join(","), [...c.outcomes].sort().join(","),
    ]);
  }

  private flow(f: FlowRecord): void {
    this.push("flows", [
      this.fileId, f.flowId, f.aor, f.instance, f.regId, f.transport, f.state, f.failure?.kind ?? null, isoToUs(f.failure?.ts ?? null),
      f.reregistered === null ? null : Math.round(f.reregistered.delayMs), f.keepalives.pings, f.keepalives.pongs, f.keepalives.unanswered, f.keepalives.lateCount,
    ]);
  }

  private diagnostic(d: DiagnosticRecord): void {
    if (!this.diagnosticSeverity.has(d.code)) this.diagnosticSeverity.set(d.code, d.severity);
    const n = (this.diagnosticRows.get(d.code) ?? 0) + 1;
    this.diagnosticRows.set(d.code, n);
    if (n <= DIAGNOSTIC_ROWS_PER_CODE) this.push("diagnostics", [this.fileId, d.code, d.severity, d.frame, d.line, d.message]);
  }

  private summary(s: AnalysisSummary, files: readonly FileSummary[]): void {
    let diagnostics = 0;
    for (const code of Object.keys(s.diagnostics).sort()) {
      const count = s.diagnostics[code] ?? 0;
      diagnostics += count;
      this.push("diagnostic_counts", [this.fileId, code, this.diagnosticSeverity.get(code) ?? "info", count]);
    }
    const file = files[0];
    this.totals = {
      format: file?.format ?? "unknown",
      bytes: file?.bytes ?? 0,
      messages: s.messages,
      calls: this.calls,
      annotations: this.annotations,
      firstUs: isoToUs(s.firstTs),
      lastUs: isoToUs(s.lastTs),
      diagnostics,
    };
  }
}
