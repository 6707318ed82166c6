/**
 * XML/HTML text and attribute escaping for capture text. Control characters and everything XML 1.0 forbids
 * (C0 but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) are made visible first, so the output stays well-formed
 * and bidi overrides cannot reorder what is shown.
 */
import { escapeVisible } from "./escape-visible.js";

const XML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** For element text and quoted attribute values alike. */
export function escapeXml(text: string): string {
  return escapeVisible(text).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/** Multi-line text (a raw message in <pre>): keeps line feeds and tabs. */
export function escapeXmlBlock(text: string): string {
  return escapeVisible(text, { multiline: true }).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}
