/**
 * Application payload builders for the capture writer: the `sip` template, WebSocket frames (RFC 6455 §5.2)
 * and HEP v2/v3 encapsulation (HEP/EEP, as sent by Kamailio, OpenSIPS, heplify and captagent).
 */
import { gzipSync } from "node:zlib";
import type { Endpoint } from "../../src/model/endpoint.js";
import { parseIp } from "./capture-writer-packets.js";

/** Strips the common indentation and the first/last blank line of a template literal. */
function outdent(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 0 && (lines[0] ?? "").trim() === "") lines.shift();
  if (lines.length > 0 && (lines[lines.length - 1] ?? "").trim() === "") lines.pop();
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join("\n");
}

function interpolate(strings: TemplateStringsArray, values: readonly unknown[]): string {
  let s = strings[0] ?? "";
  values.forEach((v, i) => {
    s += String(v) + (strings[i + 1] ?? "");
  });
  return s;
}

/**
 * Normalises a SIP message to CRLF line ends (outdented), and sets Content-Length (or `l:`) to the body's byte
 * length, adding the header when it is missing. The header/body separator is the first empty line; with no
 * empty line the message gets one and an empty body.
 */
export function sipText(text: string): string {
  const t = outdent(text);
  const split = t.indexOf("\n\n");
  const head = split < 0 ? t : t.slice(0, split);
  const body = split < 0 ? "" : t.slice(split + 2).replace(/\n/g, "\r\n");
  const len = Buffer.byteLength(body, "utf8");
  const lengthHeader = /^(content-length|l)[ \t]*:/i;
  const headLines = head.split("\n").map((l) => {
    const m = lengthHeader.exec(l);
    return m === null ? l : `${m[1]}: ${len}`;
  });
  if (!headLines.some((l) => lengthHeader.test(l))) headLines.push(`Content-Length: ${len}`);
  return `${headLines.join("\r\n")}\r\n\r\n${body}`;
}

/** Tagged template: sip`INVITE sip:b@x SIP/2.0 ...` → CRLF text with a correct Content-Length. */
export function sip(strings: TemplateStringsArray, ...values: unknown[]): string {
  return sipText(interpolate(strings, values));
}

/** Like `sip` but keeps the Content-Length as written (for mismatch fixtures); only line ends are normalised. */
export function sipVerbatim(strings: TemplateStringsArray, ...values: unknown[]): string {
  const t = outdent(interpolate(strings, values));
  return t.replace(/\n/g, "\r\n");
}

export interface WebSocketFrameOptions {
  /** 1 text, 2 binary, 0 continuation, 8 close, 9 ping, 10 pong. */
  readonly opcode?: number;
  readonly fin?: boolean;
  /** 4-byte masking key (client-to-server frames must be masked, RFC 6455 §5.3). */
  readonly mask?: Buffer | null;
  /** Set RSV1 (permessage-deflate, RFC 7692). */
  readonly rsv1?: boolean;
}

/** One WebSocket frame (RFC 6455 §5.2). */
export function buildWebSocketFrame(payload: string | Buffer, o: WebSocketFrameOptions = {}): Buffer {
  const data = typeof payload === "string" ? Buffer.from(payload, "utf8") : payload;
  const mask = o.mask ?? null;
  const head: number[] = [((o.fin ?? true) ? 0x80 : 0) | (o.rsv1 === true ? 0x40 : 0) | ((o.opcode ?? 1) & 0x0f)];
  const m = mask === null ? 0 : 0x80;
  let ext = Buffer.alloc(0);
  if (data.length < 126) head.push(m | data.length);
  else if (data.length < 65536) {
    head.push(m | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(data.length);
  } else {
    head.push(m | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(data.length));
  }
  const body = Buffer.from(data);
  if (mask !== null) for (let i = 0; i < body.length; i++) body[i] = (body[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return Buffer.concat([Buffer.from(head), ext, mask ?? Buffer.alloc(0), body]);
}

/** The HTTP/1.1 Upgrade request of a SIP WebSocket client (RFC 7118 §4.1, RFC 6455 §4.1). */
export function webSocketUpgradeRequest(host: string): string {
  return [
    "GET / HTTP/1.1",
    `Host: ${host}`,
    "Upgrade: websocket",
    "Connection: Upgrade",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    "Origin: http://www.example.com",
    "Sec-WebSocket-Protocol: sip",
    "Sec-WebSocket-Version: 13",
    "",
    "",
  ].join("\r\n");
}

export function webSocketUpgradeResponse(): string {
  return [
    "HTTP/1.1 101 Switching Protocols",
    "Upgrade: websocket",
    "Connection: Upgrade",
    "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
    "Sec-WebSocket-Protocol: sip",
    "",
    "",
  ].join("\r\n");
}

export interface HepSpec {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly timeUs: number;
  readonly payload: string | Buffer;
  /** IP protocol of the original packet: 17 UDP (default), 6 TCP. */
  readonly ipProto?: number;
  readonly captureId?: number;
  /** HEP3 only: send the payload gzip-compressed in chunk 0x0010. */
  readonly compress?: boolean;
  /** HEP3 only: correlation id chunk 0x0011. */
  readonly correlationId?: string;
}

function hepChunk(type: number, value: Buffer): Buffer {
  const h = Buffer.alloc(6);
  h.writeUInt16BE(0, 0); // generic vendor
  h.writeUInt16BE(type, 2);
  h.writeUInt16BE(6 + value.length, 4);
  return Buffer.concat([h, value]);
}

function u8(v: number): Buffer {
  return Buffer.from([v & 0xff]);
}
function u16(v: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(v);
  return b;
}
function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v >>> 0);
  return b;
}

/** A HEP3 (EEP) packet: "HEP3", total length, then chunks (vendor 0, type, length incl. 6-byte header). */
export function buildHep3(s: HepSpec): Buffer {
  const src = parseIp(s.src.ip);
  const dst = parseIp(s.dst.ip);
  const v6 = src.length === 16;
  const payload = typeof s.payload === "string" ? Buffer.from(s.payload, "utf8") : s.payload;
  const sec = Math.floor(s.timeUs / 1e6);
  const chunks = [
    hepChunk(1, u8(v6 ? 10 : 2)),
    hepChunk(2, u8(s.ipProto ?? 17)),
    hepChunk(v6 ? 5 : 3, src),
    hepChunk(v6 ? 6 : 4, dst),
    hepChunk(7, u16(s.src.port)),
    hepChunk(8, u16(s.dst.port)),
    hepChunk(9, u32(sec)),
    hepChunk(10, u32(s.timeUs - sec * 1e6)),
    hepChunk(11, u8(1)), // protocol type 1 = SIP
    hepChunk(12, u32(s.captureId ?? 2001)),
    ...(s.correlationId === undefined ? [] : [hepChunk(17, Buffer.from(s.correlationId))]),
    s.compress === true ? hepChunk(16, gzipSync(payload)) : hepChunk(15, payload),
  ];
  const body = Buffer.concat(chunks);
  return Buffer.concat([Buffer.from("HEP3"), u16(6 + body.length), body]);
}

/**
 * A HEP v2 packet (Kamailio/OpenSIPS siptrace "hep_version 2"): 8-byte header (version, header length, family,
 * protocol, ports), the addresses, then a 12-byte time header in host (little-endian) byte order.
 */
export function buildHep2(s: HepSpec): Buffer {
  const src = parseIp(s.src.ip);
  const dst = parseIp(s.dst.ip);
  const v6 = src.length === 16;
  const payload = typeof s.payload === "string" ? Buffer.from(s.payload, "utf8") : s.payload;
  const h = Buffer.alloc(8);
  h[0] = 2;
  h[1] = 8 + src.length * 2;
  h[2] = v6 ? 10 : 2;
  h[3] = s.ipProto ?? 17;
  h.writeUInt16BE(s.src.port, 4);
  h.writeUInt16BE(s.dst.port, 6);
  const t = Buffer.alloc(12);
  const sec = Math.floor(s.timeUs / 1e6);
  t.writeUInt32LE(sec, 0);
  t.writeUInt32LE(s.timeUs - sec * 1e6, 4);
  t.writeUInt16LE(s.captureId ?? 2001, 8);
  return Buffer.concat([h, src, dst, t, payload]);
}
