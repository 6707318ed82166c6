/**
 * Asterisk chan_pjsip `pjsip set logger on`. Console form: `<--- Received SIP request (477 bytes) from
 * UDP:1.2.3.4:5060 --->`, no time; full-log form: the first line gets `[date] VERBOSE[tid][C-id] res_pjsip_logger.c: `.
 * No end marker: the frame's byte count ends the message, else the next frame or log-prefixed line. Messages without
 * their own time take the time of the latest `[date]` log line before them (or none).
 */
import type { LogTime } from "./log-time.js";
import { NO_TIME, parseLogDateTime } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";
import { parseTransport } from "../model/transport.js";

const START =
  /^(?:\[([^\]]+)\] \w+\[\d+\](?:\[C-[0-9a-fA-F]+\])? res_pjsip_logger\.c:(?:\d+ \w+:)? )?<--- (Received|Transmitting) SIP (request|response) \((\d+) bytes\) (from|to) (UDP|TCP|TLS|WS|WSS):(\S+) --->\s*$/;
/** Lines that are Asterisk's own output, never part of a message: `[date] ...`, `  == `, `    -- `, a CLI prompt. */
const LOG_LINE = /^(?:\[[^\]]+\] |\s{1,4}(?:==|--) |\S+\*CLI> |Connected to Asterisk )/;

class AsteriskPjsipParser extends BlockParserBase implements LineParser {
  private context: LogTime = NO_TIME;

  line(l: LineSource): void {
    const m = START.exec(l.text);
    if (m !== null) {
      const own = m[1] === undefined ? null : parseLogDateTime(m[1]);
      if (own !== null) this.context = own;
      const inbound = m[2] === "Received";
      const peer = parsePeer(m[7] ?? "");
      this.open(
        {
          time: own ?? this.context,
          src: inbound ? peer : null,
          dst: inbound ? null : peer,
          direction: inbound ? "in" : "out",
          transport: parseTransport(m[6] ?? ""),
          byteCount: Number(m[4]),
        },
        l.no,
      );
      return;
    }
    if (LOG_LINE.test(l.text)) {
      this.close();
      const d = /^\[([^\]]+)\]/.exec(l.text);
      const t = d === null ? null : parseLogDateTime(d[1] ?? "");
      if (t !== null) this.context = t;
      this.outside(l.text, l.no);
      return;
    }
    this.add(l.text, l.no);
  }
}

export const asteriskPjsip: FormatReader = {
  format: "asterisk-pjsip",
  detect: (lines) => lines.some((t) => START.test(t)),
  create: (env) => new AsteriskPjsipParser(env),
};
