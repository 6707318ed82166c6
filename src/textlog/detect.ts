/**
 * Format detection from the first lines of a file: each reader recognises its own frame marker; the most specific
 * markers are tried first, raw SIP (any SIP start line) last.
 */
import { stripAnsi } from "./ansi.js";
import { asteriskChanSip } from "./asterisk-chan-sip.js";
import { asteriskPjsip } from "./asterisk-pjsip.js";
import { audiocodesSyslog } from "./audiocodes-syslog.js";
import { baresip } from "./baresip.js";
import { ciscoCcsip } from "./cisco-ccsip.js";
import { freeswitchSofia } from "./freeswitch-sofia.js";
import { kamailioSipdump } from "./kamailio-sipdump.js";
import { linphoneBelleSip } from "./linphone-belle-sip.js";
import { ngrepByline } from "./ngrep-byline.js";
import { opensipsTrace } from "./opensips-trace.js";
import type { FormatReader } from "./parser-env.js";
import { pjsipPjsua } from "./pjsip-pjsua.js";
import { rawSip } from "./raw-sip.js";
import { sippTraceMsg } from "./sipp-trace-msg.js";
import { sippTraceShortmsg } from "./sipp-trace-shortmsg.js";
import { sngrepTxt } from "./sngrep-txt.js";
import type { TextLogFormat } from "./text-log-format.js";
import { tsharkText } from "./tshark-text.js";

/** Detection order: structured records first, then frame markers, raw SIP last. */
export const READERS: readonly FormatReader[] = [
  kamailioSipdump,
  sippTraceMsg,
  sippTraceShortmsg,
  opensipsTrace,
  ngrepByline,
  sngrepTxt,
  tsharkText,
  audiocodesSyslog,
  ciscoCcsip,
  linphoneBelleSip,
  pjsipPjsua,
  asteriskPjsip,
  asteriskChanSip,
  freeswitchSofia,
  baresip,
  rawSip,
];

export function readerFor(format: TextLogFormat): FormatReader {
  const r = READERS.find((x) => x.format === format);
  return r ?? rawSip;
}

/** The reader whose markers appear in these lines (ANSI already stripped), or null. */
export function detectReader(lines: readonly string[]): FormatReader | null {
  return READERS.find((r) => r.detect(lines)) ?? null;
}

/** Format of a text log from its first lines (a few KiB is enough); null when no SIP text is recognised. */
export function detectTextLogFormat(head: string): TextLogFormat | null {
  const lines = head.split("\n").map((l) => stripAnsi(l.replace(/\r+$/, "")));
  return detectReader(lines)?.format ?? null;
}
