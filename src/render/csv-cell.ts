/**
 * CSV cells per RFC 4180 §2 (fields with `"`, `,`, CR or LF quoted, quotes doubled, CRLF between records),
 * with spreadsheet formula injection neutralised: a text cell starting with = + - @ (or tab / CR, which some
 * spreadsheets strip before evaluating) gets a leading `'` (OWASP "CSV Injection").
 */
import { escapeVisible } from "./escape-visible.js";

export function formatCsvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = escapeVisible(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsvRow(cells: readonly (string | number | null)[]): string {
  return cells.map(formatCsvCell).join(",") + "\r\n";
}
