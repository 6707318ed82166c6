/**
 * Asterisk chan_sip `sip set debug on`. In: `<--- SIP read from UDP:ip:port --->` … `<------------->`;
 * out: `<--- Transmitting (no NAT) to ip:port --->` … `<------------>`, or the older `Reliably Transmitting (NAT) to
 * ip:port:` … `---`. File logs may prefix EVERY line with `[Mon DD HH:MM:SS] ` (removed here), newer ones only the
 * first with `[date] VERBOSE[tid] chan_sip.c: `. Outbound frames name no transport (the Via's is used).
 */
import type { LogTime } from "./log-time.js";
import { NO_TIME, parseLogDateTime } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";
import { parseTransport } from "../model/transport.js";

const PREFIX = /^\[([^\]]+)\] (?:\w+\[\d+\](?:\[C-[0-9a-fA-F]+\])? [\w.-]+\.c(?::\d+)?(?: \w+)?: )?/;
const START_IN = /^<--- SIP read from (UDP|TCP|TLS|WS|WSS):(\S+) --->\s*$/;
const START_OUT = /^(<--- )?(?:Reliably |Re)?[Tt]ransmitting(?: #\d+)? \((?:no NAT|NAT)\) to (\S+?)(?: --->|:)\s*$/;
const END = /^<-{12,13}>\s*$/;
const OLD_END = /^---\s*$/;

interface Prefixed {
  readonly text: string;
  readonly time: LogTime | null;
}

function stripPrefix(text: string): Prefixed {
  const m = PREFIX.exec(text);
  if (m === null) return { text, time: null };
  const time = parseLogDateTime(m[1] ?? "");
  return time === null ? { text, time: null } : { text: text.slice(m[0].length), time };
}

class ChanSipParser extends BlockParserBase implements LineParser {
  private context: LogTime = NO_TIME;
  private oldForm = false;

  line(l: LineSource): void {
    const p = stripPrefix(l.text);
    if (p.time !== null) this.context = p.time;
    const text = p.text;
    const mi = START_IN.exec(text);
    const mo = mi === null ? START_OUT.exec(text) : null;
    if (mi !== null || mo !== null) {
      const peer = parsePeer((mi?.[2] ?? mo?.[2]) ?? "");
      this.oldForm = mo !== null && mo[1] === undefined;
      this.open(
        {
          time: this.context,
          src: mi !== null ? peer : null,
          dst: mi !== null ? null : peer,
          direction: mi !== null ? "in" : "out",
          transport: mi !== null ? parseTransport(mi[1] ?? "") : "unknown",
          byteCount: null,
        },
        l.no,
      );
      return;
    }
    if (this.block !== null && (END.test(text) || (this.oldForm && OLD_END.test(text)))) {
      this.close();
      return;
    }
    this.add(text, l.no);
  }
}

export const asteriskChanSip: FormatReader = {
  format: "asterisk-chan-sip",
  detect: (lines) => lines.some((t) => {
    const s = stripPrefix(t).text;
    return START_IN.test(s) || START_OUT.test(s);
  }),
  create: (env) => new ChanSipParser(env),
};
