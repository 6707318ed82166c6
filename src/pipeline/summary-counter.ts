/** Running totals for the summary, updated as items stream by (so the summary needs no stored document). */
import type { AnalysisSummary, AnnotationRecord, CallRecord, MessageRecord } from "../model/document.js";

export class SummaryCounter {
  messages = 0;
  requests = 0;
  responses = 0;
  retransmissions = 0;
  calls = 0;
  dialogs = 0;
  transactions = 0;
  flows = 0;
  private firstTs: string | null = null;
  private lastTs: string | null = null;
  private readonly methods = new Map<string, number>();
  private readonly statuses = new Map<string, number>();
  private readonly outcomes = new Map<string, number>();

  addMessage(m: MessageRecord): void {
    if (m.copyOf !== null) return;
    this.messages++;
    if (m.retransmissionOf !== null) this.retransmissions++;
    if (m.method !== null) {
      this.requests++;
      bump(this.methods, m.method);
    } else if (m.status !== null) {
      this.responses++;
      bump(this.statuses, String(m.status));
    }
    if (m.ts !== null && m.timePrecision === "full") {
      if (this.firstTs === null || m.ts < this.firstTs) this.firstTs = m.ts;
      if (this.lastTs === null || m.ts > this.lastTs) this.lastTs = m.ts;
    }
  }

  addAnnotation(a: AnnotationRecord): void {
    // An event relayed across hops is counted once, on its first copy.
    if (a.kind !== "generic" && (a.sameEventAs ?? null) === null) bump(this.outcomes, `${a.kind}:${a.outcome}`);
  }

  addCall(c: CallRecord): void {
    this.calls++;
    this.dialogs += c.dialogs;
    this.transactions += c.transactions;
  }

  summary(diagnostics: ReadonlyMap<string, number>, dropped: number): AnalysisSummary {
    return {
      messages: this.messages,
      requests: this.requests,
      responses: this.responses,
      retransmissions: this.retransmissions,
      calls: this.calls,
      dialogs: this.dialogs,
      transactions: this.transactions,
      flows: this.flows,
      firstTs: this.firstTs,
      lastTs: this.lastTs,
      methods: sorted(this.methods),
      statuses: sorted(this.statuses),
      outcomes: sorted(this.outcomes),
      diagnostics: sorted(diagnostics),
      diagnosticsDropped: dropped,
    };
  }
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function sorted(m: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
