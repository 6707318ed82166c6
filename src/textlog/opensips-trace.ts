/**
 * OpenSIPS `opensips-cli -x trace`: `1559123758.904466 UDP/SIP 10.0.0.12:5075 -> 10.0.0.15:5060` then the raw
 * message. Records of other types (`TCP/LOG`: traced xlog lines) are skipped. No direction: the trace is the
 * proxy's, and src/dst say everything.
 */
import { parseTransport } from "../model/transport.js";
import { parseEpoch } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";

const HEADER = /^(\d{9,12}\.\d{1,6}) ([A-Za-z]+)\/([A-Za-z]+) (\S+) -> (\S+)\s*$/;

class OpensipsParser extends BlockParserBase implements LineParser {
  private skipping = false;

  line(l: LineSource): void {
    const m = HEADER.exec(l.text);
    if (m !== null) {
      this.close();
      if ((m[3] ?? "").toUpperCase() !== "SIP") {
        this.skipping = true;
        this.env.report("textlog.not_sip", l.no, `trace record of type ${m[3] ?? ""} is not a SIP message: skipped`);
        return;
      }
      this.skipping = false;
      const us = parseEpoch(m[1] ?? "");
      this.open(
        {
          time: us === null ? { kind: "none" } : { kind: "epoch", us },
          src: parsePeer(m[4] ?? ""),
          dst: parsePeer(m[5] ?? ""),
          direction: null,
          transport: parseTransport(m[2] ?? ""),
          byteCount: null,
        },
        l.no,
      );
      return;
    }
    if (this.skipping) return;
    this.add(l.text, l.no);
  }
}

export const opensipsTrace: FormatReader = {
  format: "opensips-trace",
  detect: (lines) => lines.some((t) => HEADER.test(t)),
  create: (env) => new OpensipsParser(env),
};
