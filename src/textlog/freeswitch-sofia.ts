/**
 * FreeSWITCH / sofia-sip siptrace (tport_logging.c): `recv 584 bytes from udp/[1.2.3.4]:5090 at 12:30:57.916812:`.
 * Pre-2019: an indented 72-dash separator, message lines indented by 3 spaces, and the separator again after;
 * 2019+: an un-indented separator, no closing one. drachtio prints the stamp after its own `YYYY-MM-DD HH:MM:SS.ffffff `
 * prefix and no separators. The stamp has only the time of day: the date comes from that prefix, else from the
 * latest FreeSWITCH log line (`2022-07-07 22:40:56.726624 [DEBUG] ...`), else --date.
 */
import type { LogTime } from "./log-time.js";
import { timeOfDayUs } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";
import { parseTransport } from "../model/transport.js";

const STAMP =
  /(?:^|\s)(recv|send) (\d+) bytes (from|to) ([a-zA-Z]+)\/\[([^\]]+)\]:(\d+)(?:\/\d+)?(?:;comp=sigcomp)? at (\d\d):(\d\d):(\d\d)\.(\d{1,6}):\s*$/;
const SEPARATOR = /^\s*-{60,}\s*$/;
/** A FreeSWITCH / drachtio log line: it carries the date and is never part of a message. */
const DATED_LINE = /^(\d{4})-(\d\d)-(\d\d) \d\d:\d\d:\d\d\.\d+ /;

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function dayOf(m: RegExpExecArray): Day {
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

class SofiaParser extends BlockParserBase implements LineParser {
  private day: Day | null = null;
  /** Right after a stamp: the next separator line is the frame's, not the message's. */
  private expectSeparator = false;

  line(l: LineSource): void {
    const text = l.text;
    const m = STAMP.exec(text);
    if (m !== null) {
      const prefix = text.slice(0, m.index);
      const dated = DATED_LINE.exec(prefix + " ");
      if (dated !== null) this.day = dayOf(dated);
      const tod = timeOfDayUs(m[7] ?? "", m[8] ?? "", m[9] ?? "", m[10]);
      const time: LogTime =
        tod === null ? { kind: "none" } : this.day === null ? { kind: "time-of-day", todUs: tod } : { kind: "date-time", ...this.day, todUs: tod, offsetMin: null };
      const inbound = m[1] === "recv";
      const peer = parsePeer(`[${m[5] ?? ""}]:${m[6] ?? ""}`);
      this.open(
        {
          time,
          src: inbound ? peer : null,
          dst: inbound ? null : peer,
          direction: inbound ? "in" : "out",
          transport: parseTransport(m[4] ?? ""),
          byteCount: Number(m[2]),
        },
        l.no,
      );
      this.expectSeparator = true;
      return;
    }
    if (SEPARATOR.test(text)) {
      if (this.expectSeparator) this.expectSeparator = false;
      else this.close();
      return;
    }
    this.expectSeparator = false;
    const dated = DATED_LINE.exec(text);
    if (dated !== null) {
      this.day = dayOf(dated);
      this.close();
      this.outside(text, l.no);
      return;
    }
    this.add(text, l.no);
  }
}

export const freeswitchSofia: FormatReader = {
  format: "freeswitch-sofia",
  detect: (lines) => lines.some((t) => STAMP.test(t)),
  create: (env) => new SofiaParser(env),
};
