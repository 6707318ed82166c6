/** Lines that belong to no SIP frame, reported as one diagnostic per run of consecutive lines (not one per line). */
import { makeDiagnostic, quoteBytes } from "../diagnostics/diagnostic.js";
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { lineRef } from "../model/origin.js";

export class UnparsedRuns {
  private first = 0;
  private last = 0;
  private sample = "";
  private count = 0;

  constructor(
    private readonly file: string,
    private readonly sink: DiagnosticSink,
  ) {}

  add(line: number, text: string): void {
    if (this.count > 0 && line !== this.last && line !== this.last + 1) this.flush();
    if (this.count === 0) {
      this.first = line;
      this.sample = text;
    }
    if (line !== this.last || this.count === 0) this.count++;
    this.last = line;
  }

  flush(): void {
    if (this.count === 0) return;
    const where = this.first === this.last ? `line ${this.first} is` : `lines ${this.first}-${this.last} (${this.count} lines) are`;
    const sample = quoteBytes(Buffer.from(this.sample, "latin1"), 60);
    this.sink.report(makeDiagnostic("textlog.unparsed_line", lineRef(this.file, this.first), `${where} not part of any SIP message: ${sample}`));
    this.count = 0;
  }
}
