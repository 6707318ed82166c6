/**
 * For caps that can trip once per packet (a fragment flood, a stream that never ends): the first diagnostic is
 * reported in full, later ones of the same kind are only counted, and `summarize` reports the count once at the
 * end. A hostile capture cannot turn one cap into a flood of diagnostics, and nothing dropped goes uncounted.
 */
import type { SourceRef } from "../model/origin.js";
import type { DiagnosticCode } from "./catalogue.js";
import { makeDiagnostic } from "./diagnostic.js";
import type { DiagnosticSink } from "./sink.js";

export class FirstAndCount {
  private n = 0;

  constructor(
    private readonly sink: DiagnosticSink,
    readonly code: DiagnosticCode,
  ) {}

  /** How many times the cap tripped. */
  get count(): number {
    return this.n;
  }

  /** Counts one occurrence; the message is built (and reported) only for the first. */
  report(at: SourceRef, message: () => string): void {
    if (this.n++ === 0) this.sink.report(makeDiagnostic(this.code, at, message()));
  }

  /** Reports the total once, when more than the first occurrence was counted. */
  summarize(at: SourceRef, message: (count: number) => string): void {
    if (this.n > 1) this.sink.report(makeDiagnostic(this.code, at, message(this.n)));
  }
}
