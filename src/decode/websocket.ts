/**
 * WebSocket framing (RFC 6455 §5.2) for SIP over WebSocket (RFC 7118): frame headers, masking, continuation
 * frames reassembled into messages. Works on an in-order byte stream; leftover bytes stay with the caller
 * (the same leftover contract as SIP stream framing).
 */

export interface WebSocketFrameHeader {
  readonly fin: boolean;
  readonly rsv1: boolean;
  readonly opcode: number;
  readonly masked: boolean;
  readonly maskOff: number;
  readonly payloadOff: number;
  readonly payloadLen: number;
}

export type FrameHeaderResult =
  | { readonly kind: "frame"; readonly header: WebSocketFrameHeader }
  | { readonly kind: "incomplete" }
  | { readonly kind: "invalid"; readonly reason: string };

const INCOMPLETE: FrameHeaderResult = { kind: "incomplete" };

/** Parses the frame header at `off` (RFC 6455 §5.2). The payload may extend beyond `end`. */
export function parseWebSocketFrameHeader(b: Buffer, off: number, end: number, maxPayload: number): FrameHeaderResult {
  if (end - off < 2) return INCOMPLETE;
  const b0 = b[off] ?? 0;
  const b1 = b[off + 1] ?? 0;
  const opcode = b0 & 0x0f;
  if ((b0 & 0x30) !== 0) return { kind: "invalid", reason: "reserved bits RSV2/RSV3 set" };
  if (opcode > 2 && opcode < 8) return { kind: "invalid", reason: `reserved opcode ${opcode}` };
  if (opcode > 10) return { kind: "invalid", reason: `reserved opcode ${opcode}` };
  const masked = (b1 & 0x80) !== 0;
  let len = b1 & 0x7f;
  let at = off + 2;
  if (len === 126) {
    if (end - at < 2) return INCOMPLETE;
    len = b.readUInt16BE(at);
    at += 2;
  } else if (len === 127) {
    if (end - at < 8) return INCOMPLETE;
    const hi = b.readUInt32BE(at);
    len = hi * 4294967296 + b.readUInt32BE(at + 4);
    at += 8;
  }
  if (len > maxPayload) return { kind: "invalid", reason: `frame payload of ${len} bytes exceeds the ${maxPayload}-byte cap` };
  const maskOff = at;
  if (masked) {
    if (end - at < 4) return INCOMPLETE;
    at += 4;
  }
  return { kind: "frame", header: { fin: (b0 & 0x80) !== 0, rsv1: (b0 & 0x40) !== 0, opcode, masked, maskOff, payloadOff: at, payloadLen: len } };
}

/** Unmasked copy of a frame's payload (RFC 6455 §5.3), or a view when the frame is not masked. */
export function unmaskPayload(b: Buffer, h: WebSocketFrameHeader): Buffer {
  const data = b.subarray(h.payloadOff, h.payloadOff + h.payloadLen);
  if (!h.masked) return data;
  const out = Buffer.allocUnsafe(data.length);
  const m0 = b[h.maskOff] ?? 0;
  const m1 = b[h.maskOff + 1] ?? 0;
  const m2 = b[h.maskOff + 2] ?? 0;
  const m3 = b[h.maskOff + 3] ?? 0;
  for (let i = 0; i < data.length; i++) {
    const k = (i & 3) === 0 ? m0 : (i & 3) === 1 ? m1 : (i & 3) === 2 ? m2 : m3;
    out[i] = (data[i] ?? 0) ^ k;
  }
  return out;
}

const CRLFCRLF = Buffer.from("\r\n\r\n");

/**
 * When `b[off, end)` starts with an HTTP request or response head (RFC 9112), returns its end offset and whether
 * it negotiates a WebSocket Upgrade; "incomplete" when the head has not ended yet; null when it is not HTTP.
 */
export function parseHttpUpgradeHead(b: Buffer, off: number, end: number): { readonly headEnd: number; readonly upgrade: boolean; readonly sipProtocol: boolean } | "incomplete" | null {
  const isRequest = end - off >= 4 && b.toString("latin1", off, off + 4) === "GET ";
  const isResponse = end - off >= 9 && b.toString("latin1", off, off + 5) === "HTTP/";
  if (!isRequest && !isResponse) return null;
  const at = b.indexOf(CRLFCRLF, off);
  if (at < 0 || at + 4 > end) return end - off > 16384 ? null : "incomplete";
  const head = b.toString("latin1", off, at).toLowerCase();
  const upgrade = /\r\nupgrade:[ \t]*websocket/.test(head) || (isResponse && head.startsWith("http/1.1 101"));
  const sipProtocol = /\r\nsec-websocket-protocol:[^\r\n]*\bsip\b/.test(head);
  return { headEnd: at + 4, upgrade, sipProtocol };
}
