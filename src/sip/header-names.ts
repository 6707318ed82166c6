/**
 * Header names: compact forms and canonical spelling.
 * RFC 3261 §7.3.3 defines i m e l c f s k t v; later RFCs add o and u (RFC 6665 §8.2.1 and §7.2), r (RFC 3515 §2.1),
 * b (RFC 3892 §3), x (RFC 4028 §4), y (RFC 8224 §4.1), n (RFC 4474, obsoleted by RFC 8224), a, j, d (RFC 3841 §9).
 */

export const COMPACT_FORMS: Readonly<Record<string, string>> = {
  i: "call-id",
  m: "contact",
  e: "content-encoding",
  l: "content-length",
  c: "content-type",
  f: "from",
  s: "subject",
  k: "supported",
  t: "to",
  v: "via",
  o: "event",
  u: "allow-events",
  r: "refer-to",
  b: "referred-by",
  x: "session-expires",
  y: "identity",
  n: "identity-info",
  a: "accept-contact",
  j: "reject-contact",
  d: "request-disposition",
};

/** Lower-case full name of a header name as written (compact forms expanded). */
export function canonicalLowerName(name: string): string {
  const lower = name.toLowerCase();
  return lower.length === 1 ? (COMPACT_FORMS[lower] ?? lower) : lower;
}

const SPECIAL_SPELLING: Readonly<Record<string, string>> = {
  "call-id": "Call-ID",
  cseq: "CSeq",
  www: "WWW",
  "www-authenticate": "WWW-Authenticate",
  "mime-version": "MIME-Version",
  "rack": "RAck",
  "rseq": "RSeq",
  "p-asserted-identity": "P-Asserted-Identity",
};

/** Display spelling of a lower-case header name: `call-id` → `Call-ID`, `content-length` → `Content-Length`. */
export function displayName(lower: string): string {
  const special = SPECIAL_SPELLING[lower];
  if (special !== undefined) return special;
  return lower.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/**
 * Headers that may be combined as comma-separated lists (RFC 3261 §7.3.1). Headers whose values contain
 * unquoted commas by their grammar (dates, auth challenges) are not split.
 */
export const LIST_HEADERS: ReadonlySet<string> = new Set([
  "via",
  "contact",
  "route",
  "record-route",
  "path",
  "service-route",
  "supported",
  "require",
  "proxy-require",
  "unsupported",
  "allow",
  "allow-events",
  "accept",
  "accept-encoding",
  "accept-language",
  "content-encoding",
  "in-reply-to",
  "alert-info",
  "call-info",
  "error-info",
  "warning",
  "reason",
  "p-asserted-identity",
  "history-info",
  "accept-contact",
  "reject-contact",
  "request-disposition",
  "security-client",
  "security-server",
  "security-verify",
]);
