/**
 * Splits a header value on commas that separate list elements (RFC 3261 §7.3.1), ignoring commas inside
 * quoted strings, inside `<...>` and inside `(...)` comments.
 */
export function splitHeaderList(value: string): string[] {
  if (!value.includes(",")) {
    const t = value.trim();
    return t.length > 0 ? [t] : [];
  }
  const out: string[] = [];
  let depthAngle = 0;
  let depthParen = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (quoted) {
      if (c === 0x5c) i++; // backslash escapes the next char inside quotes (RFC 3261 §25.1 quoted-pair)
      else if (c === 0x22) quoted = false;
      continue;
    }
    if (c === 0x22) quoted = true;
    else if (c === 0x3c) depthAngle++;
    else if (c === 0x3e) depthAngle = Math.max(0, depthAngle - 1);
    else if (c === 0x28) depthParen++;
    else if (c === 0x29) depthParen = Math.max(0, depthParen - 1);
    else if (c === 0x2c && depthAngle === 0 && depthParen === 0) {
      const part = value.slice(start, i).trim();
      if (part.length > 0) out.push(part);
      start = i + 1;
    }
  }
  const last = value.slice(start).trim();
  if (last.length > 0) out.push(last);
  return out;
}

/** Finds `ch` at or after `from` outside quoted strings; -1 when absent. */
export function indexOfUnquoted(text: string, ch: string, from = 0): number {
  let quoted = false;
  const code = ch.charCodeAt(0);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 0x5c) i++;
      else if (c === 0x22) quoted = false;
    } else if (c === 0x22) quoted = true;
    else if (c === code) return i;
  }
  return -1;
}

/** Removes surrounding double quotes and resolves quoted-pairs (RFC 3261 §25.1). */
export function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
    return t.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return t;
}
