/**
 * Markdown (GitHub-flavoured) escaping of capture text for inline use: paragraphs, list items and table
 * cells. HTML-significant characters become entities (GitHub renders raw HTML), emphasis/link/code/table
 * characters get a backslash, and a leading character that would start a block (heading, list, quote,
 * setext line) is escaped too. Control characters are made visible first.
 */
import { escapeVisible } from "./escape-visible.js";
import { truncateToWidth } from "./text-width.js";

/** `max` cuts long capture values (a 10 000-character header) with "…" before escaping. */
export function escapeMarkdown(text: string, max = 300): string {
  return truncateToWidth(escapeVisible(text), max)
    .replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])(?= |$)/, "$1\\$2")
    .replace(/^( +)/, (s) => "&#32;".repeat(s.length));
}
