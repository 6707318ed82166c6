/**
 * PJSIP / pjsua logs: `14:28:30.617  pjsua_core.c  .TX 945 bytes Request msg INVITE/cseq=19273 (tdta0x…) to UDP
 * 81.23.228.137:5060:`, the message, an empty line, `--end msg--`. Only the time of day unless the app logs a date
 * first. Wrappers prefix the first line (iOS NSLog, logcat) or indent every line (issue pastes).
 */
import { parseTransport } from "../model/transport.js";
import type { LogTime } from "./log-time.js";
import { timeOfDayUs } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";

const START =
  /^(.*?)(\d\d):(\d\d):(\d\d)\.(\d{3})\s+(\S+)\s+\.*(RX|TX) (\d+) bytes (Request|Response) msg (\S+) \((?:rdata|tdta)[0-9A-Fa-fx]+\) (from|to) (UDP|TCP|TLS|WS|WSS|SCTP)6? (\S+):(\d+):\s*$/;
const END = /^\s*--end msg--\s*$/;
/** Another pjlib log record (time first): ends a block whose `--end msg--` is missing. */
const LOG_RECORD = /^\s*(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d{3} /;

function timeOf(m: RegExpExecArray): LogTime {
  const tod = timeOfDayUs(m[2] ?? "", m[3] ?? "", m[4] ?? "", m[5]);
  if (tod === null) return { kind: "none" };
  const d = /(\d{4})-(\d\d)-(\d\d)\s*$/.exec(m[1] ?? "");
  if (d === null) return { kind: "time-of-day", todUs: tod };
  return { kind: "date-time", year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), todUs: tod, offsetMin: null };
}

class PjsuaParser extends BlockParserBase implements LineParser {
  line(l: LineSource): void {
    const m = START.exec(l.text);
    if (m !== null) {
      const inbound = m[7] === "RX";
      const peer = parsePeer(`${m[13] ?? ""}:${m[14] ?? ""}`);
      this.open(
        {
          time: timeOf(m),
          src: inbound ? peer : null,
          dst: inbound ? null : peer,
          direction: inbound ? "in" : "out",
          transport: parseTransport(m[12] ?? ""),
          byteCount: Number(m[8]),
        },
        l.no,
      );
      return;
    }
    if (END.test(l.text)) {
      this.close();
      return;
    }
    if (LOG_RECORD.test(l.text)) {
      this.close();
      this.outside(l.text, l.no);
      return;
    }
    this.add(l.text, l.no);
  }
}

export const pjsipPjsua: FormatReader = {
  format: "pjsip-pjsua",
  detect: (lines) => lines.some((t) => START.test(t)),
  create: (env) => new PjsuaParser(env),
};
