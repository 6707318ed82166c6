/**
 * ngrep `-W byline` output, as ngrep.c's dump_packet and dump_byline print it: a `#` for every packet processed
 * (runs of `#` for packets that did not match), then per matching packet a header line `U|T [time ]src:port ->
 * dst:port[ [AP]]` (`-t`: local `YYYY/MM/DD HH:MM:SS.uuuuuu`; IPv6 addresses without brackets) and the payload with
 * every byte that is neither printable nor LF shown as ".", so each CRLF line ends in "." and an empty line is ".".
 * One trailing "." per line is turned back into the CR; the `interface:`/`filter:`/`exit` lines ngrep adds are
 * skipped; ICMP and other packets (I, G, ?) are not SIP and are skipped with their payload. Not recoverable: other
 * non-printable bytes (a TAB, a binary body) shown as "."; a TCP message split over packets (ngrep does not
 * reassemble) comes out truncated.
 */
import { parseLogDateTime } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parseEndpoint } from "../model/endpoint.js";
import type { Endpoint } from "../model/endpoint.js";

/** `U 2026/01/08 20:28:01.123000 192.0.2.10:5062 -> 192.0.2.1:5060` (time optional; TCP adds ` [AP]`). */
const HEADER = /^([UTIG?])(?:\(\d+\))? (?:(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6}) |\+\d+\.\d{6} )?(\S+?) -> (\S+?)(?: \[[A-Z]*\])?(?: \d+:\d+)?(?: \+?\d+@\d+:\d+)?\s*$/;
const HASHES = /^#+$/;
const PREAMBLE = /^(?:interface|filter|match|input|output): |^exit$/;

/** `1.2.3.4:5060` or `2001:db8::1:5060` (ngrep prints IPv6 without brackets: the port follows the last colon). */
function ngrepEndpoint(text: string): Endpoint | null {
  const i = text.lastIndexOf(":");
  if (i <= 0) return null;
  const host = text.slice(0, i);
  return parseEndpoint(host.includes(":") ? `[${host}]:${text.slice(i + 1)}` : text);
}

class NgrepParser extends BlockParserBase implements LineParser {
  /** Inside a packet that is not UDP or TCP: its payload lines are skipped. */
  private skipping = false;

  line(l: LineSource): void {
    const text = l.text;
    if (HASHES.test(text) || PREAMBLE.test(text)) {
      this.close();
      this.skipping = false;
      return;
    }
    const m = HEADER.exec(text);
    if (m !== null) {
      const proto = m[1];
      if (proto !== "U" && proto !== "T") {
        this.close();
        this.skipping = true;
        return;
      }
      this.skipping = false;
      this.open(
        {
          time: m[2] === undefined ? { kind: "none" } : (parseLogDateTime(m[2]) ?? { kind: "none" }),
          src: ngrepEndpoint(m[3] ?? ""),
          dst: ngrepEndpoint(m[4] ?? ""),
          direction: null,
          transport: proto === "T" ? "tcp" : "udp",
          byteCount: null,
        },
        l.no,
        proto === "T",
      );
      return;
    }
    if (this.skipping) return;
    // dump_byline printed the CR of each CRLF as "."; the LF is the line end.
    this.add(text.endsWith(".") ? text.slice(0, -1) : text, l.no);
  }
}

export const ngrepByline: FormatReader = {
  format: "ngrep-byline",
  detect: (lines) => lines.some((t) => HASHES.test(t)) && lines.some((t) => { const m = HEADER.exec(t); return m !== null && (m[1] === "U" || m[1] === "T"); }),
  create: (env) => new NgrepParser(env),
};
