/**
 * Linphone / belle-sip: `channel [0x…]: received [722] new bytes from [UDP://host:5060]:` and
 * `channel [0x…]: message sent to [UDP://host:5060], size: [553] bytes`, after a platform prefix (desktop
 * `2021-03-16 12:35:47:993 [/belle-sip] MESSAGE `, iOS `Dec 15 18:39:30  linphone[3434] <Notice>: bel/`, logcat
 * `2021-11-09 19:11:31.203 22648-22648/app I/belle-sip: `). The message follows un-prefixed (logcat pastes indent
 * it) and ends at the next prefixed line. Windows builds double every newline (collapsed by frame-block.ts).
 * A read of several messages (TCP) is split on their Content-Length.
 */
import type { LogTime } from "./log-time.js";
import { NO_TIME, parseLogDateTime } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";
import { parseTransport } from "../model/transport.js";

const CHANNEL =
  /channel \[(?:0x)?[0-9a-fA-F]+\]: (received \[(\d+)\] new bytes from|message sent to) \[([A-Za-z]+):\/\/(\[[^\]]+\](?::\d+)?|[^\]]+)\](?:, size: \[(\d+)\] bytes)?:?\s*$/;
/** A log record of any platform: it ends the message before it. */
const PREFIXED = /^(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.:]\d{3} |[A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d |[VDIWEF]\/[\w.-]+(?:\(\s*\d+\))?: )/;

function timeOf(prefix: string): LogTime {
  // belle-sip writes `12:35:47:993`: make the millisecond separator a dot for the shared parser.
  return parseLogDateTime(prefix.replace(/^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d):(\d{3})/, "$1.$2")) ?? NO_TIME;
}

class BelleSipParser extends BlockParserBase implements LineParser {
  line(l: LineSource): void {
    const m = CHANNEL.exec(l.text);
    if (m !== null) {
      const inbound = (m[1] ?? "").startsWith("received");
      const peer = parsePeer(m[4] ?? "");
      const count = m[2] ?? m[5];
      this.open(
        {
          time: timeOf(l.text.slice(0, m.index)),
          src: inbound ? peer : null,
          dst: inbound ? null : peer,
          direction: inbound ? "in" : "out",
          transport: parseTransport(m[3] ?? ""),
          byteCount: count === undefined ? null : Number(count),
        },
        l.no,
      );
      return;
    }
    if (PREFIXED.test(l.text)) {
      this.close();
      this.outside(l.text, l.no);
      return;
    }
    this.add(l.text, l.no);
  }
}

export const linphoneBelleSip: FormatReader = {
  format: "linphone-belle-sip",
  detect: (lines) => lines.some((t) => CHANNEL.test(t)),
  create: (env) => new BelleSipParser(env),
};
