/** The text-log formats sipta reads, with the one-line description `--help` and `--log-format` list. */

export type TextLogFormat =
  | "asterisk-pjsip"
  | "asterisk-chan-sip"
  | "freeswitch-sofia"
  | "sipp-trace-msg"
  | "sipp-trace-shortmsg"
  | "pjsip-pjsua"
  | "kamailio-sipdump"
  | "opensips-trace"
  | "sngrep-txt"
  | "linphone-belle-sip"
  | "cisco-ccsip"
  | "audiocodes-syslog"
  | "baresip"
  | "tshark-text"
  | "ngrep-byline"
  | "raw-sip";

export interface TextLogFormatInfo {
  readonly name: TextLogFormat;
  readonly description: string;
}

export const TEXT_LOG_FORMATS: readonly TextLogFormatInfo[] = [
  { name: "asterisk-pjsip", description: "Asterisk chan_pjsip `pjsip set logger on` (console, or full log with a [date] prefix)" },
  { name: "asterisk-chan-sip", description: "Asterisk chan_sip `sip set debug on` (all marker variants, per-line [date] prefixes)" },
  { name: "freeswitch-sofia", description: "FreeSWITCH / sofia-sip siptrace (pre-2019 indented, 2019+ and drachtio layouts)" },
  { name: "sipp-trace-msg", description: "SIPp -trace_msg message file" },
  { name: "sipp-trace-shortmsg", description: "SIPp -trace_shortmsg index (no message text: reported, not analysed)" },
  { name: "pjsip-pjsua", description: "PJSIP / pjsua log (`RX/TX N bytes ... --end msg--`)" },
  { name: "kamailio-sipdump", description: "Kamailio sipdump module text file (.data)" },
  { name: "opensips-trace", description: "OpenSIPS `opensips-cli -x trace` output" },
  { name: "sngrep-txt", description: "sngrep \"Save as .txt\" export" },
  { name: "linphone-belle-sip", description: "Linphone / belle-sip log (desktop, Android, iOS, logcat)" },
  { name: "cisco-ccsip", description: "Cisco IOS / CUBE `debug ccsip messages`" },
  { name: "audiocodes-syslog", description: "AudioCodes SBC syslog (#012-escaped newlines)" },
  { name: "baresip", description: "baresip SIP trace (`-s` / sip_trace)" },
  { name: "tshark-text", description: "tshark text: follow-stream ascii, -V / -O sip dissection (summary lines hold no messages)" },
  { name: "ngrep-byline", description: "ngrep -W byline output (`#` lines, `U|T src:port -> dst:port`, every CR shown as a trailing `.`)" },
  { name: "raw-sip", description: "Raw SIP messages pasted as text (fallback)" },
];

export function isTextLogFormat(name: string): name is TextLogFormat {
  return TEXT_LOG_FORMATS.some((f) => f.name === name);
}
