/**
 * SIPp -trace_msg: `----------------------------------------------- 2026-11-21 05:23:46.405756`, then
 * `UDP message sent (506 bytes):` or `UDP message received [305] bytes :`, an empty line, the raw message and an
 * extra LF. No addresses (the Via gives them). SIPp writes its own errors into the same file between frames.
 */
import { parseTransport } from "../model/transport.js";
import type { LogTime } from "./log-time.js";
import { NO_TIME, parseLogDateTime } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";

const SEPARATOR = /^-{20,} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?)\s*$/;
const INFO = /^(?:(UDP|TCP|TLS|SCTP|WS|WSS) )?message (sent|received) *(?:\( *(\d+) *bytes *\)|\[ *(\d+) *\] *bytes)? *:?\s*$/i;

class SippParser extends BlockParserBase implements LineParser {
  private pending: { readonly time: LogTime; readonly no: number } | null = null;

  line(l: LineSource): void {
    const sep = SEPARATOR.exec(l.text);
    if (sep !== null) {
      this.close();
      this.pending = { time: parseLogDateTime(sep[1] ?? "") ?? NO_TIME, no: l.no };
      return;
    }
    const p = this.pending;
    this.pending = null;
    const info = p === null ? null : INFO.exec(l.text);
    if (p !== null && info !== null) {
      const count = info[3] ?? info[4];
      this.open(
        {
          time: p.time,
          src: null,
          dst: null,
          direction: (info[2] ?? "").toLowerCase() === "sent" ? "out" : "in",
          transport: parseTransport(info[1] ?? ""),
          byteCount: count === undefined ? null : Number(count),
        },
        p.no,
      );
      return;
    }
    this.add(l.text, l.no);
  }
}

export const sippTraceMsg: FormatReader = {
  format: "sipp-trace-msg",
  detect: (lines) => lines.some((t, i) => SEPARATOR.test(t) && INFO.test(lines[i + 1] ?? "")),
  create: (env) => new SippParser(env),
};
