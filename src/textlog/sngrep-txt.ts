/**
 * sngrep "Save as .txt": `2026/11/21 05:24:31.445765 127.0.0.1:5071 -> 127.0.0.1:5060`, the raw message, then
 * an empty line. Capture time with date; src and dst, no transport (the Via's is used), no direction. Grouped by
 * dialog, so not in global time order.
 */
import { parseLogDateTime } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";

const HEADER = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})?) (\S+) -> (\S+)\s*$/;

class SngrepParser extends BlockParserBase implements LineParser {
  line(l: LineSource): void {
    const m = HEADER.exec(l.text);
    if (m === null) {
      this.add(l.text, l.no);
      return;
    }
    this.open(
      {
        time: parseLogDateTime(m[1] ?? "") ?? { kind: "none" },
        src: parsePeer(m[2] ?? ""),
        dst: parsePeer(m[3] ?? ""),
        direction: null,
        transport: "unknown",
        byteCount: null,
      },
      l.no,
    );
  }
}

export const sngrepTxt: FormatReader = {
  format: "sngrep-txt",
  detect: (lines) => lines.some((t) => HEADER.test(t)),
  create: (env) => new SngrepParser(env),
};
