/**
 * Where diagnostics go. The collecting sink keeps at most `perCodeLimit` diagnostics per code and counts the
 * rest, so a capture with a million broken packets cannot grow memory without bound, and nothing is lost
 * without being counted.
 */
import type { Diagnostic } from "./diagnostic.js";

export interface DiagnosticSink {
  report(d: Diagnostic): void;
}

export class CollectingSink implements DiagnosticSink {
  private readonly kept: Diagnostic[] = [];
  private readonly counts = new Map<string, number>();
  private dropped = 0;
  private readonly listeners: ((d: Diagnostic) => void)[] = [];

  constructor(private readonly perCodeLimit = 1000) {}

  report(d: Diagnostic): void {
    const n = (this.counts.get(d.code) ?? 0) + 1;
    this.counts.set(d.code, n);
    if (n <= this.perCodeLimit) this.kept.push(d);
    else this.dropped++;
    for (const l of this.listeners) l(d);
  }

  /** Called for every diagnostic, kept or not (streaming output). */
  onReport(listener: (d: Diagnostic) => void): void {
    this.listeners.push(listener);
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.kept;
  }

  get countsByCode(): ReadonlyMap<string, number> {
    return this.counts;
  }

  get droppedCount(): number {
    return this.dropped;
  }
}

/** A sink for callers that only need the diagnostics of one small call (tests, the parser alone). */
export class ArraySink implements DiagnosticSink {
  readonly items: Diagnostic[] = [];
  report(d: Diagnostic): void {
    this.items.push(d);
  }
}
