/**
 * Bodies: `message/sipfrag` (RFC 3420; REFER progress in NOTIFY, RFC 3515 §2.4.5), `multipart/*` (RFC 2046 §5.1)
 * and an SDP summary (RFC 4566) through the `sdp-transform` package, parsed only when asked for.
 */
import { parse as parseSdpText } from "sdp-transform";
import { decodeText } from "./bytes.js";
import type { MediaType } from "./values/media-type.js";
import { parseMediaType } from "./values/media-type.js";

export interface SipfragStatus {
  readonly status: number;
  readonly reason: string;
}

/** The status line of a sipfrag body, e.g. `SIP/2.0 486 Busy Here`; null when the fragment is a request or garbage. */
export function parseSipfrag(body: Buffer): SipfragStatus | null {
  let end = body.indexOf(0x0a);
  if (end < 0) end = body.length;
  const line = decodeText(body, 0, end).trim();
  const m = /^SIP\/\d+\.\d+\s+(\d{3})(?:\s+(.*))?$/i.exec(line);
  if (m === null) return null;
  return { status: Number(m[1]), reason: (m[2] ?? "").trim() };
}

export interface SdpMedia {
  readonly type: string;
  readonly port: number;
  readonly protocol: string;
  readonly codecs: readonly string[];
  readonly direction: string | null;
  readonly connection: string | null;
}

export interface SdpSummary {
  readonly origin: string | null;
  readonly connection: string | null;
  readonly media: readonly SdpMedia[];
}

interface SdpRtp {
  readonly codec?: unknown;
  readonly rate?: unknown;
}

function str(v: unknown): string | null {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
}

/** A short summary of an SDP body; null when it is not SDP. */
export function summarizeSdp(body: Buffer): SdpSummary | null {
  const text = body.toString("utf8");
  if (!/^v=/m.test(text)) return null;
  const parsed: unknown = parseSdpText(text);
  if (typeof parsed !== "object" || parsed === null) return null;
  const rec = parsed as Record<string, unknown>;
  const conn = rec.connection as Record<string, unknown> | undefined;
  const origin = rec.origin as Record<string, unknown> | undefined;
  const mediaList = Array.isArray(rec.media) ? (rec.media as Record<string, unknown>[]) : [];
  return {
    origin: origin === undefined ? null : `${str(origin.username) ?? "-"} ${str(origin.address) ?? ""}`.trim(),
    connection: conn === undefined ? null : str(conn.ip),
    media: mediaList.map((m) => {
      const rtp = Array.isArray(m.rtp) ? (m.rtp as SdpRtp[]) : [];
      const mc = m.connection as Record<string, unknown> | undefined;
      return {
        type: str(m.type) ?? "?",
        port: typeof m.port === "number" ? m.port : -1,
        protocol: str(m.protocol) ?? "",
        codecs: rtp.map((r) => `${str(r.codec) ?? "?"}/${str(r.rate) ?? "?"}`),
        direction: str(m.direction),
        connection: mc === undefined ? null : str(mc.ip),
      };
    }),
  };
}

export interface BodyPart {
  readonly contentType: MediaType | null;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/** Splits a multipart body on its boundary (RFC 2046 §5.1.1); null when the boundary is missing. */
export function splitMultipart(body: Buffer, contentType: MediaType): BodyPart[] | null {
  const boundary = contentType.params.get("boundary");
  if (boundary === undefined || boundary === null || boundary.length === 0) return null;
  const delim = Buffer.from(`--${boundary}`, "latin1");
  const parts: BodyPart[] = [];
  let pos = body.indexOf(delim);
  while (pos >= 0) {
    let start = pos + delim.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // close-delimiter
    // skip transport padding and the CRLF after the delimiter
    while (start < body.length && body[start] !== 0x0a) start++;
    start++;
    const next = body.indexOf(delim, start);
    let end = next < 0 ? body.length : next;
    if (end >= 2 && body[end - 1] === 0x0a) end -= body[end - 2] === 0x0d ? 2 : 1;
    const chunk = body.subarray(Math.min(start, end), end);
    let sep = chunk.indexOf("\r\n\r\n");
    let sepLen = 4;
    if (sep < 0) {
      sep = chunk.indexOf("\n\n");
      sepLen = 2;
    }
    const headText = sep < 0 ? "" : chunk.subarray(0, sep).toString("utf8");
    const headers = new Map<string, string>();
    for (const line of headText.split(/\r?\n/)) {
      const c = line.indexOf(":");
      if (c > 0) headers.set(line.slice(0, c).trim().toLowerCase(), line.slice(c + 1).trim());
    }
    const ct = headers.get("content-type");
    parts.push({ contentType: ct === undefined ? null : parseMediaType(ct), headers, body: sep < 0 ? chunk : chunk.subarray(sep + sepLen) });
    if (next < 0) break;
    pos = next;
  }
  return parts;
}
