/**
 * Visible escaping of text that came from captures. Control characters (C0, DEL, C1), bidi overrides and
 * isolates, invisible separators and lone surrogates are replaced by `\xNN` / `\uNNNN` so that a capture can
 * neither drive a terminal (ESC sequences), nor reorder what the analyst reads (U+202E), nor break XML/JSON.
 * Every renderer runs capture strings through this before its own format-specific escaping.
 */

/**
 * C0, DEL, C1; Arabic letter mark; zero-width space; LRM/RLM; line/paragraph separators; LRE..RLO embeddings
 * and overrides; word joiner; LRI..PDI isolates; BOM; the XML-invalid noncharacters U+FFFE/U+FFFF; and
 * surrogates that are not part of a pair.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface EscapeVisibleOptions {
  /** Keep line feeds and tabs (CRLF becomes LF) for multi-line text such as a raw SIP message. */
  readonly multiline?: boolean;
}

/** `\x1b` for code units below 0x100, `\u202e` above. */
export function formatCodeUnit(unit: number): string {
  return unit < 0x100 ? `\\x${unit.toString(16).padStart(2, "0")}` : `\\u${unit.toString(16).padStart(4, "0")}`;
}

/** True when `text` holds a character that `escapeVisible` would replace. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** Replaces every unsafe character by its visible escape; safe text is returned unchanged. */
export function escapeVisible(text: string, options: EscapeVisibleOptions = {}): string {
  const multiline = options.multiline === true;
  const source = multiline ? text.replace(/\r\n/g, "\n") : text;
  return source.replace(UNSAFE, (ch) => {
    if (multiline && (ch === "\n" || ch === "\t")) return ch;
    return formatCodeUnit(ch.charCodeAt(0));
  });
}
