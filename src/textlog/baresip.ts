/**
 * baresip SIP trace (`baresip -s`, `sip_trace yes`): `ESC[36;1m#`, `UDP 127.0.0.1:5090 -> 127.0.0.1:5070`, the raw
 * message, then `ESC[;m` closing the colour. The closing escape is the end marker, so it is looked for before
 * escapes are stripped. No time (1.0), no direction (src/dst are given).
 */
import { parseTransport } from "../model/transport.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";

const HASH = /^#\s*$/;
const ADDRESSES = /^(UDP|TCP|TLS|WS|WSS) (\S+) -> (\S+)\s*$/;
const CLOSE = "\x1b[;m";

class BaresipParser extends BlockParserBase implements LineParser {
  private hashLine: number | null = null;

  line(l: LineSource): void {
    if (this.block !== null && l.raw.startsWith(CLOSE)) this.close();
    const h = this.hashLine;
    this.hashLine = null;
    if (HASH.test(l.text)) {
      this.close();
      this.hashLine = l.no;
      return;
    }
    const m = h === null ? null : ADDRESSES.exec(l.text);
    if (h !== null && m !== null) {
      this.open(
        { time: { kind: "none" }, src: parsePeer(m[2] ?? ""), dst: parsePeer(m[3] ?? ""), direction: null, transport: parseTransport(m[1] ?? ""), byteCount: null },
        h,
      );
      return;
    }
    if (this.block === null) this.outside(l.text, l.no);
    else this.block.add(l.text, l.no);
  }
}

export const baresip: FormatReader = {
  format: "baresip",
  detect: (lines) => lines.some((t, i) => HASH.test(t) && ADDRESSES.test(lines[i + 1] ?? "")),
  create: (env) => new BaresipParser(env),
};
