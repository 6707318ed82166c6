/**
 * The start line (RFC 3261 §7.1, §7.2): `Method SP Request-URI SP SIP-Version` or
 * `SIP-Version SP Status-Code SP Reason-Phrase`. Parsed from bytes; tolerant of extra spaces.
 */
import { decodeText } from "./bytes.js";
import { internMethod } from "./methods.js";

export type StartLine =
  | { readonly kind: "request"; readonly method: string; readonly uri: string; readonly version: string }
  | { readonly kind: "response"; readonly status: number; readonly reason: string; readonly version: string };

export type StartLineParse = { readonly ok: true; readonly line: StartLine } | { readonly ok: false; readonly error: string };

function isTokenChar(b: number): boolean {
  // RFC 3261 §25.1 token: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"
  return (
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x2d || b === 0x2e || b === 0x21 || b === 0x25 || b === 0x2a || b === 0x5f || b === 0x2b || b === 0x60 || b === 0x27 || b === 0x7e
  );
}

const SIP_2_0 = "SIP/2.0";

/** The version text; the constant for the usual `SIP/2.0` (no allocation). */
function versionText(buf: Buffer, at: number, len: number): string {
  if (len === 7 && buf[at + 4] === 0x32 && buf[at + 5] === 0x2e && buf[at + 6] === 0x30 && buf[at] === 0x53 && buf[at + 1] === 0x49 && buf[at + 2] === 0x50) return SIP_2_0;
  return decodeText(buf, at, at + len);
}

/** `SIP/` followed by digits.digits, case-insensitive (RFC 3261 §7.1: the version string is case-insensitive). */
function versionLength(buf: Uint8Array, at: number, end: number): number {
  if (end - at < 7) return 0;
  if (((buf[at] ?? 0) | 0x20) !== 0x73 || ((buf[at + 1] ?? 0) | 0x20) !== 0x69 || ((buf[at + 2] ?? 0) | 0x20) !== 0x70 || buf[at + 3] !== 0x2f) return 0;
  let p = at + 4;
  const d1 = p;
  while (p < end && (buf[p] ?? 0) >= 0x30 && (buf[p] ?? 0) <= 0x39) p++;
  if (p === d1 || buf[p] !== 0x2e) return 0;
  p++;
  const d2 = p;
  while (p < end && (buf[p] ?? 0) >= 0x30 && (buf[p] ?? 0) <= 0x39) p++;
  if (p === d2) return 0;
  return p - at;
}

export function parseStartLine(buf: Buffer, end: number): StartLineParse {
  const vlen = versionLength(buf, 0, end);
  if (vlen > 0) {
    let p = vlen;
    if (buf[p] !== 0x20) return { ok: false, error: "no space after SIP version" };
    while (buf[p] === 0x20) p++;
    const cs = p;
    let code = 0;
    while (p < end && (buf[p] ?? 0) >= 0x30 && (buf[p] ?? 0) <= 0x39) {
      code = code * 10 + ((buf[p] ?? 0) - 0x30);
      p++;
    }
    // RFC 3261 §7.2 / §25.1: Status-Code is exactly 3 digits; classes 1xx-6xx are defined.
    if (p - cs !== 3) return { ok: false, error: "status code is not 3 digits" };
    while (p < end && buf[p] === 0x20) p++;
    return { ok: true, line: { kind: "response", status: code, reason: decodeText(buf, p, end).trim(), version: versionText(buf, 0, vlen) } };
  }
  let p = 0;
  while (p < end && isTokenChar(buf[p] ?? 0)) p++;
  if (p === 0 || buf[p] !== 0x20) return { ok: false, error: "not a SIP request or status line" };
  const method = internMethod(buf, 0, p) ?? decodeText(buf, 0, p);
  while (buf[p] === 0x20) p++;
  const us = p;
  while (p < end && buf[p] !== 0x20) p++;
  const ue = p;
  while (p < end && buf[p] === 0x20) p++;
  let ve = end;
  while (ve > p && (buf[ve - 1] === 0x20 || buf[ve - 1] === 0x09)) ve--;
  if (ue === us) return { ok: false, error: "request line without a Request-URI" };
  const vl = versionLength(buf, p, ve);
  if (vl === 0 || p + vl !== ve) return { ok: false, error: "request line does not end in SIP/2.0" };
  return { ok: true, line: { kind: "request", method, uri: decodeText(buf, us, ue), version: versionText(buf, p, vl) } };
}
