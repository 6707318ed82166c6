/**
 * Kamailio sipdump text records: `====================`, `key: value` lines (tag rcv|snd, time epoch.usec, proto,
 * srcip/srcport/dstip/dstport), `~~~~~~~~~~~~~~~~~~~~`, the raw message, `||||||||||||||||||||`. The end marker
 * directly follows the message's last byte: when the body does not end in CRLF it is glued to the last line.
 */
import type { Endpoint } from "../model/endpoint.js";
import { parseTransport } from "../model/transport.js";
import { parseEpoch } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { isPlausibleHost } from "./infer-address.js";

const RECORD = "====================";
const BODY = "~~~~~~~~~~~~~~~~~~~~";
const END = "||||||||||||||||||||";

type State = "idle" | "fields" | "message";

function endpoint(ip: string | undefined, port: string | undefined): Endpoint | null {
  if (ip === undefined || port === undefined || !/^\d{1,5}$/.test(port) || !isPlausibleHost(ip)) return null;
  return { ip, port: Number(port) };
}

class SipdumpParser extends BlockParserBase implements LineParser {
  private state: State = "idle";
  private fields = new Map<string, string>();
  private recordLine = 0;

  line(l: LineSource): void {
    const text = l.text;
    switch (this.state) {
      case "idle":
        if (text === RECORD) this.startRecord(l.no);
        else this.outside(text, l.no);
        return;
      case "fields": {
        if (text === BODY) {
          this.openMessage();
          return;
        }
        if (text === RECORD) {
          this.startRecord(l.no);
          return;
        }
        const m = /^([a-z]+): ?(.*)$/.exec(text);
        if (m !== null) this.fields.set(m[1] ?? "", m[2] ?? "");
        else this.outside(text, l.no);
        return;
      }
      case "message":
        if (text.endsWith(END)) {
          const rest = text.slice(0, -END.length);
          if (rest.length > 0) {
            this.add(rest, l.no);
            this.block?.markUnterminated();
          }
          this.close();
          this.state = "idle";
          return;
        }
        this.block?.add(text, l.no);
        return;
    }
  }

  private startRecord(no: number): void {
    this.close();
    this.state = "fields";
    this.fields = new Map();
    this.recordLine = no;
  }

  private openMessage(): void {
    const f = this.fields;
    const us = parseEpoch(f.get("time") ?? "");
    const tag = f.get("tag");
    this.open(
      {
        time: us === null ? { kind: "none" } : { kind: "epoch", us },
        src: endpoint(f.get("srcip"), f.get("srcport")),
        dst: endpoint(f.get("dstip"), f.get("dstport")),
        direction: tag === "rcv" ? "in" : tag === "snd" ? "out" : null,
        transport: parseTransport((f.get("proto") ?? "").split(" ")[0] ?? ""),
        byteCount: null,
      },
      this.recordLine,
    );
    this.state = "message";
  }
}

export const kamailioSipdump: FormatReader = {
  format: "kamailio-sipdump",
  detect: (lines) => lines.some((t, i) => t === RECORD && /^tag: (rcv|snd)\s*$/.test(lines[i + 1] ?? "")),
  create: (env) => new SipdumpParser(env),
};
