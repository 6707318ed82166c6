/**
 * tshark / Wireshark text. Three forms:
 * - follow stream (`-z follow,udp,ascii,N`): `Node 0: ip:port`, `Node 1: ip:port`, then chunks: a byte-count line
 *   (un-indented: node 0 → node 1; TAB-indented: node 1 → node 0) and the raw payload. Exact bytes, no time.
 * - dissection (`-V`, `-O sip`): the message is rebuilt from the tree: `Request-Line:`/`Status-Line:`, the header
 *   lines under `Message Header`, and an SDP body from its `(v):`, `(o):` … fields or a text body from
 *   `Line-based text data`. Lossy by nature (reported once per file); time from `Epoch Time` (-V only).
 * - summary (one line per packet): no message text; reported once (textlog.no_sip_bodies), nothing yielded.
 */
import type { Endpoint } from "../model/endpoint.js";
import type { Transport } from "../model/transport.js";
import { parseTransport } from "../model/transport.js";
import type { LogTime } from "./log-time.js";
import { NO_TIME, parseEpoch, parseLogDateTime } from "./log-time.js";
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { parsePeer } from "./infer-address.js";

const FOLLOW = /^Follow: ([a-z]+),(\w+)\s*$/;
const NODE = /^Node ([01]): (\S+)\s*$/;
const CHUNK = /^(\t?)(\d+)\s*$/;
const RULE = /^={20,}\s*$/;
const FRAME = /^Frame (\d+): /;
const SUMMARY = /^\s*\d+\s+\d+\.\d+\s+\S+\s+\S+\s+\S+\s+SIP(?:\/[\w/]+)?\s+\d+\s/;
const IP = /^Internet Protocol Version [46], Src: (\S+)(?: \(([^)]+)\))?, Dst: (\S+)(?: \(([^)]+)\))?/;
const L4 = /^(User Datagram Protocol|Transmission Control Protocol|Stream Control Transmission Protocol), Src Port: (\d+), Dst Port: (\d+)/;
const SIP_SECTION = /^Session Initiation Protocol\b/;
const START_LINE = /^ {4}(?:Request-Line|Status-Line): (.*)$/;
const HEADER_LINE = /^ {8}([^\s[].*)$/;
/** Wireshark cuts field labels longer than its label limit and prefixes them with `[truncated]`. */
const TRUNCATED_LINE = /^ {8,12}\[truncated\] ?(.*)$/;
const SDP_FIELD = /^ {12}[^\s[][^(]*\(([a-z])\): (.*)$/;
const TEXT_LINE = /^ {12}([^[].*)$/;

type Mode =
  | "none"
  | "follow"
  | "frame"
  | "sip-start"
  | "sip-headers"
  | "sip-body"
  | "sip-sdp"
  | "sip-text"
  | "sip-other";

class TsharkParser extends BlockParserBase implements LineParser {
  private mode: Mode = "none";
  private nodes: (Endpoint | null)[] = [null, null];
  private followTransport: Transport = "unknown";
  private frameTime: LogTime = NO_TIME;
  private src: string | null = null;
  private dst: string | null = null;
  private transport: Transport = "unknown";
  private summaryRows = 0;
  private summaryLine = 0;
  private lossyReported = false;
  private lastBlank = true;

  line(l: LineSource): void {
    const t = l.text;
    if (this.mode === "follow" || FOLLOW.test(t)) {
      this.followLine(l);
      return;
    }
    if (FRAME.test(t)) {
      this.close();
      this.mode = "frame";
      this.frameTime = NO_TIME;
      this.src = this.dst = null;
      this.transport = "unknown";
      return;
    }
    if (SUMMARY.test(t)) {
      if (this.summaryRows++ === 0) this.summaryLine = l.no;
      return;
    }
    if (this.mode === "none") {
      if (!RULE.test(t)) this.outside(t, l.no);
      return;
    }
    this.dissectionLine(l);
  }

  private followLine(l: LineSource): void {
    const t = l.text;
    const blank = this.lastBlank;
    this.lastBlank = t.trim() === "";
    const f = FOLLOW.exec(t);
    if (f !== null) {
      this.close();
      this.mode = "follow";
      this.nodes = [null, null];
      this.followTransport = parseTransport(f[1] ?? "");
      return;
    }
    if (RULE.test(t)) {
      this.close();
      if (this.nodes[0] !== null) this.mode = "none";
      return;
    }
    const n = NODE.exec(t);
    if (n !== null && this.block === null) {
      this.nodes[n[1] === "1" ? 1 : 0] = parsePeer(n[2] ?? "");
      return;
    }
    if (t.startsWith("Filter: ") && this.block === null) return;
    const c = CHUNK.exec(t);
    // A chunk header: no payload open, or (byte count not met) right after the payload's trailing empty line.
    if (c !== null && (this.block === null || blank)) {
      const reverse = c[1] === "\t";
      const a = this.nodes[0] ?? null;
      const b = this.nodes[1] ?? null;
      const stream = this.followTransport !== "udp";
      this.open(
        { time: NO_TIME, src: reverse ? b : a, dst: reverse ? a : b, direction: null, transport: this.followTransport, byteCount: stream ? null : Number(c[2]) },
        l.no,
        stream,
      );
      return;
    }
    this.add(t, l.no);
  }

  private dissectionLine(l: LineSource): void {
    const t = l.text;
    if (t.trim() === "") {
      this.close();
      this.mode = "none";
      return;
    }
    if (this.mode === "frame") {
      const epoch = /^ {4}Epoch Time: (\d+\.\d+) seconds/.exec(t);
      if (epoch !== null) {
        const us = parseEpoch(epoch[1] ?? "");
        if (us !== null) this.frameTime = { kind: "epoch", us };
        return;
      }
      const arrival = /^ {4}Arrival Time: (.*)$/.exec(t);
      if (arrival !== null && this.frameTime.kind === "none") {
        this.frameTime = parseLogDateTime(arrival[1] ?? "") ?? NO_TIME;
        return;
      }
    }
    const ip = IP.exec(t);
    if (ip !== null) {
      this.src = ip[2] ?? ip[1] ?? null;
      this.dst = ip[4] ?? ip[3] ?? null;
      return;
    }
    const l4 = L4.exec(t);
    if (l4 !== null) {
      this.transport = l4[1]?.startsWith("User") === true ? "udp" : l4[1]?.startsWith("Stream") === true ? "sctp" : "tcp";
      if (this.src !== null) this.src = `${this.src.includes(":") ? `[${this.src}]` : this.src}:${l4[2] ?? ""}`;
      if (this.dst !== null) this.dst = `${this.dst.includes(":") ? `[${this.dst}]` : this.dst}:${l4[3] ?? ""}`;
      return;
    }
    if (SIP_SECTION.test(t)) {
      this.close();
      this.mode = "sip-start";
      return;
    }
    if (!t.startsWith(" ")) {
      this.close();
      this.mode = "frame";
      return;
    }
    this.sipLine(l);
  }

  private sipLine(l: LineSource): void {
    const t = l.text;
    const start = START_LINE.exec(t);
    if (start !== null && this.mode === "sip-start") {
      this.reportLossy(l.no);
      this.open(
        { time: this.frameTime, src: parsePeer(this.src ?? ""), dst: parsePeer(this.dst ?? ""), direction: null, transport: this.transport, byteCount: null },
        l.no,
      );
      this.block?.add(start[1] ?? "", l.no);
      return;
    }
    if (this.block === null) return;
    if (t === "    Message Header") {
      this.mode = "sip-headers";
      return;
    }
    if (t === "    Message Body") {
      this.block.add("", l.no);
      this.mode = "sip-body";
      return;
    }
    switch (this.mode) {
      case "sip-headers": {
        const cut = /^ {8}\[truncated\]/.test(t) ? TRUNCATED_LINE.exec(t) : null;
        if (cut !== null) {
          this.block.add(cut[1] ?? "", l.no);
          this.block.markCut();
          return;
        }
        const h = HEADER_LINE.exec(t);
        if (h !== null) this.block.add(h[1] ?? "", l.no);
        return;
      }
      case "sip-body":
        if (t === "        Session Description Protocol") this.mode = "sip-sdp";
        // packet-sipfrag.c shows each line as is under "Sipfrag"; text media as "Line-based text data".
        else if (t.startsWith("        Line-based text data") || t === "        Sipfrag") this.mode = "sip-text";
        else this.mode = "sip-other";
        return;
      case "sip-sdp": {
        const f = SDP_FIELD.exec(t);
        if (f !== null) this.block.add(`${f[1] ?? ""}=${f[2] ?? ""}`, l.no);
        return;
      }
      case "sip-text": {
        const cut = TRUNCATED_LINE.exec(t);
        if (cut !== null) this.block.markCut();
        const x = cut ?? TEXT_LINE.exec(t);
        if (x !== null) this.block.add((x[1] ?? "").replace(/(?:\\r)?\\n$/, ""), l.no);
        return;
      }
      case "none":
      case "follow":
      case "frame":
      case "sip-start":
      case "sip-other":
        return;
    }
  }

  /** A SIP section without `Message Body` ends after its headers: the empty line is implied, not lost. */
  protected override close(): void {
    if (this.block !== null && (this.mode === "sip-headers" || this.mode === "sip-start")) this.block.add("", this.block.headerLine);
    super.close();
  }

  private reportLossy(line: number): void {
    if (this.lossyReported) return;
    this.lossyReported = true;
    this.env.report("textlog.lossy_reconstruction", line, "tshark dissection text: messages are rebuilt from the dissection tree (header spacing and non-SDP bodies may differ from the wire); prefer the capture");
  }

  override end(): void {
    this.close();
    if (this.summaryRows > 0) {
      this.env.report("textlog.no_sip_bodies", this.summaryLine, `tshark summary: ${this.summaryRows} packet lines, no message text to analyse (use -V, follow stream, or the capture)`);
    }
  }
}

export const tsharkText: FormatReader = {
  format: "tshark-text",
  detect: (lines) => lines.some((t) => FRAME.test(t) || FOLLOW.test(t) || SUMMARY.test(t)),
  create: (env) => new TsharkParser(env),
};
