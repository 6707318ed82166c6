/**
 * SIPp -trace_shortmsg: one tab-separated line per message (date, time, epoch, S|R, Call-ID, CSeq, first line) and
 * no message text. There is nothing to frame or analyse honestly, so the file is recognised, reported once
 * (textlog.no_sip_bodies) and yields no messages; ask for the -trace_msg file or a capture instead.
 */
import type { FormatReader, LineParser } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import type { ParserEnv } from "./parser-env.js";

const ROW = /^\d{4}-\d\d-\d\d\t\d\d:\d\d:\d\d\.\d+\t\d+\.\d+\t[SR]\t/;

class ShortmsgParser implements LineParser {
  private rows = 0;
  private first = 0;

  constructor(private readonly env: ParserEnv) {}

  line(l: LineSource): void {
    if (ROW.test(l.text)) {
      if (this.rows === 0) this.first = l.no;
      this.rows++;
    } else if (l.text.trim() !== "") this.env.noise(l.no, l.text);
  }

  end(): void {
    if (this.rows > 0) {
      this.env.report("textlog.no_sip_bodies", this.first, `SIPp -trace_shortmsg index: ${this.rows} rows, no message text to analyse (use -trace_msg or a capture)`);
    }
  }
}

export const sippTraceShortmsg: FormatReader = {
  format: "sipp-trace-shortmsg",
  detect: (lines) => lines.some((t) => ROW.test(t)),
  create: (env) => new ShortmsgParser(env),
};
