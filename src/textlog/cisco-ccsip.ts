/**
 * Cisco IOS / CUBE `debug ccsip messages`: `*Mar  1 00:11:29.123: //-1/xxxxxxxxxxxx/SIP/Msg/ccsipDisplayMsg:`,
 * then `Sent:` or `Received:`, then the message up to the next stamped line. The frame gives the direction only:
 * no peer, no transport (both from the Via). The stamp depends on `service timestamps`: month and day (no year),
 * or an uptime `00:11:29` (read as a time of day: it cannot be told apart), or `1w2d` (no time).
 */
import type { LogTime } from "./log-time.js";
import { NO_TIME, parseLogDateTime, parseTimeOfDay } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";

const STAMP =
  /^(\*?[A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d(?:\.\d{3})?(?: [A-Z]{3,4})?|\d\d:\d\d:\d\d(?:\.\d{3})?|\d+[wdh]\d+[dhm]):? \/\/(-?\d+)\/([0-9A-Fa-f]+|x+)\/SIP\/Msg\/ccsipDisplayMsg:\s*$/;
const DIRECTION = /^(Sent|Received):\s*$/;
/** Any stamped debug line or a CLI prompt: ends the message before it. */
const OTHER = /^(?:\*?[A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d|\d\d:\d\d:\d\d(?:\.\d{3})?: |\d+[wdh]\d+[dhm]: |[\w.-]+[#>]\s*\S)/;

function timeOf(stamp: string): LogTime {
  const full = parseLogDateTime(stamp);
  if (full !== null) return full;
  const tod = parseTimeOfDay(stamp);
  return tod === null ? NO_TIME : { kind: "time-of-day", todUs: tod };
}

class CiscoParser extends BlockParserBase implements LineParser {
  private pending: { readonly time: LogTime; readonly no: number } | null = null;

  line(l: LineSource): void {
    const s = STAMP.exec(l.text);
    if (s !== null) {
      this.close();
      this.pending = { time: timeOf(s[1] ?? ""), no: l.no };
      return;
    }
    const p = this.pending;
    this.pending = null;
    const d = p === null ? null : DIRECTION.exec(l.text);
    if (p !== null && d !== null) {
      const sent = d[1] === "Sent";
      this.open({ time: p.time, src: null, dst: null, direction: sent ? "out" : "in", transport: "unknown", byteCount: null }, p.no);
      return;
    }
    if (OTHER.test(l.text)) {
      this.close();
      this.outside(l.text, l.no);
      return;
    }
    this.add(l.text, l.no);
  }
}

export const ciscoCcsip: FormatReader = {
  format: "cisco-ccsip",
  detect: (lines) => lines.some((t) => STAMP.test(t)),
  create: (env) => new CiscoParser(env),
};
