/**
 * AudioCodes Mediant SBC syslog: `<133>[S=1718478] [SID=b9027c:24:198173] (N 6891753) ---- Incoming SIP Message
 * from 52.114.75.24:5061 to SIPInterface #2 (Teams) TLS TO(#134) SocketID(200) ---- #012SIP/2.0 200 OK #012FROM: …`.
 * rsyslog escapes newlines as `#012` (CR `#015`, TAB `#011`); a ` [Time:19-12@12:45:02.515]` trailer gives the SBC
 * clock (day-month, no year). One message may continue in further records of the same SID (appended here; this
 * continuation rule is inferred from the format description, not verified on a real multi-record message).
 */
import { parseTransport } from "../model/transport.js";
import type { LogTime } from "./log-time.js";
import { NO_TIME, parseLogDateTime, timeOfDayUs } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";
import { MAX_MESSAGE_CHARS } from "./log-block.js";

const MARKER = /---- (Incoming|Outgoing) SIP Message (?:from|to) (\S+)(?: (?:to|from) SIPInterface #\d+ \([^)]*\))? (UDP|TCP|TLS)\b.*?----/;
const SID = /\[SID=([^\]]+)\]/;
const TRAILER = /\s*\[Time:(\d\d)-(\d\d)@(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?\]\s*$/;
const SYSLOG_TIME = /^(?:<\d+>)?([A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d)/;

function decode(text: string): string {
  return text.replace(/#012/g, "\n").replace(/#015/g, "\r").replace(/#011/g, "\t");
}

function timeOf(record: string, trailer: RegExpExecArray | null): LogTime {
  if (trailer !== null) {
    const tod = timeOfDayUs(trailer[3] ?? "", trailer[4] ?? "", trailer[5] ?? "", trailer[6]);
    if (tod !== null) return { kind: "month-day", month: Number(trailer[2]), day: Number(trailer[1]), todUs: tod, offsetMin: null };
  }
  const s = SYSLOG_TIME.exec(record);
  return s === null ? NO_TIME : (parseLogDateTime(s[1] ?? "") ?? NO_TIME);
}

class AudiocodesParser extends BlockParserBase implements LineParser {
  private sid: string | null = null;
  /** The open message's text so far, still escaped: a continuation record may continue its last line. */
  private pending = "";
  private pendingLine = 0;

  line(l: LineSource): void {
    const m = MARKER.exec(l.text);
    const sid = SID.exec(l.text)?.[1] ?? null;
    if (m !== null) {
      let rest = l.text.slice(m.index + m[0].length);
      const trailer = TRAILER.exec(rest);
      if (trailer !== null) rest = rest.slice(0, trailer.index);
      const inbound = m[1] === "Incoming";
      const peer = parsePeer(m[2] ?? "");
      this.open(
        {
          time: timeOf(l.text, trailer),
          src: inbound ? peer : null,
          dst: inbound ? null : peer,
          direction: inbound ? "in" : "out",
          transport: parseTransport(m[3] ?? ""),
          byteCount: null,
          mayBeSplit: true,
        },
        l.no,
      );
      this.sid = sid;
      this.pending = rest;
      this.pendingLine = l.no;
      return;
    }
    const after = sid === null ? null : l.text.slice((SID.exec(l.text)?.index ?? 0) + `[SID=${sid}]`.length);
    if (this.block !== null && sid !== null && sid === this.sid && after !== null && !/^\s*\(N\s/.test(after)) {
      const trailer = TRAILER.exec(after);
      if (this.pending.length < MAX_MESSAGE_CHARS) this.pending += trailer === null ? after : after.slice(0, trailer.index);
      return;
    }
    this.outside(l.text, l.no);
  }

  protected override close(): void {
    if (this.block !== null) {
      for (const line of decode(this.pending).split("\n")) this.block.add(line.replace(/[ \r]+$/, ""), this.pendingLine);
    }
    this.pending = "";
    super.close();
  }
}

export const audiocodesSyslog: FormatReader = {
  format: "audiocodes-syslog",
  detect: (lines) => lines.some((t) => MARKER.test(t)),
  create: (env) => new AudiocodesParser(env),
};
