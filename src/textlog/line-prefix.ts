/**
 * Logs where every line carries the same kind of prefix before the logger's own text: a Call-ID or session UUID
 * (a trace grepped for one call, FreeSWITCH `uuid` logging as post-processed by 2600hz's sipify.sh), a syslog
 * header (RFC 3164 `Mmm dd hh:mm:ss host tag[pid]: `, RFC 5424 `<pri>1 timestamp host app procid msgid - `, or
 * the ISO-dated form rsyslog writes), or a container name (`docker compose logs`: `name  | `; `kubectl logs
 * --prefix`: `[pod/name/container] `). When the log is not recognised as it is, the prefix is looked for on the
 * first lines, stripped from every line that has it, and its value kept for the diagnostic that says so.
 */
import type { LineSource } from "./line-source.js";

export type LinePrefixKind = "syslog" | "container" | "call-id" | "token";

export interface LinePrefix {
  readonly kind: LinePrefixKind;
  readonly pattern: RegExp;
  /** The prefix value on the first line that had it (shown in the diagnostic). */
  readonly example: string;
}

/** Prefix shapes, most specific first. Each captures the whole prefix, separator included. */
const SHAPES: readonly { readonly kind: LinePrefixKind; readonly pattern: RegExp }[] = [
  { kind: "syslog", pattern: /^(?:<\d{1,3}>)?(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) \S+ [^\s:[]+(?:\[\d+\])?: / },
  { kind: "syslog", pattern: /^<\d{1,3}>1 \S+ \S+ \S+ \S+ \S+ (?:-|\[[^\]]*\]) / },
  { kind: "container", pattern: /^[A-Za-z0-9][\w.-]*\s+\| / },
  { kind: "container", pattern: /^\[pod\/[^\]\s]+\] / },
  { kind: "call-id", pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12} / },
];

/** Share of the non-blank first lines that must carry the prefix. */
const MIN_SHARE = 0.9;
const MIN_LINES = 3;

/**
 * The prefix most of these lines carry, or null. Besides the shapes above, a literal first token shared by the
 * lines (a Call-ID `abc123@host `, a host name) counts when it is followed by a space or `: `.
 */
export function detectLinePrefix(lines: readonly string[]): LinePrefix | null {
  const texts = lines.filter((t) => t.trim() !== "");
  if (texts.length < MIN_LINES) return null;
  const need = Math.ceil(texts.length * MIN_SHARE);
  for (const s of SHAPES) {
    const hits = texts.filter((t) => s.pattern.test(t));
    const first = hits[0];
    if (hits.length >= need && first !== undefined) return { kind: s.kind, pattern: s.pattern, example: s.pattern.exec(first)?.[0] ?? "" };
  }
  const token = /^(\S{6,200}?)(?::? )/.exec(texts[0] ?? "")?.[0];
  if (token === undefined) return null;
  const literal = new RegExp(`^${token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
  if (texts.filter((t) => t.startsWith(token)).length >= need) return { kind: "token", pattern: literal, example: token };
  return null;
}

/** The line without the prefix (unchanged when it does not carry it). */
export function stripLinePrefix(l: LineSource, p: LinePrefix): LineSource {
  const m = p.pattern.exec(l.text);
  if (m === null) return l;
  const n = m[0].length;
  const raw = l.raw.startsWith(m[0]) ? l.raw.slice(n) : l.raw;
  return { no: l.no, raw, text: l.text.slice(n) };
}

export function describeLinePrefix(p: LinePrefix): string {
  switch (p.kind) {
    case "syslog":
      return "a syslog header";
    case "container":
      return "a container name";
    case "call-id":
      return "a session UUID";
    case "token":
      return "the same token (a Call-ID or host name)";
  }
}
