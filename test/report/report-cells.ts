/**
 * Reads the batch report's tables back out of each format (Markdown, CSV, the HTML page's DOM) and compares
 * them with the tables the JSON report gives, cell by cell: numbers and empty cells exactly, text where the
 * format keeps it unescaped.
 */
import { expect } from "vitest";
import type { BatchReport } from "../../src/report/report-data.js";
import { reportTables, type ReportTable } from "../../src/report/report-tables.js";
import { escapeVisible } from "../../src/render/escape-visible.js";

export function tablesOf(json: string): ReportTable[] {
  return reportTables(JSON.parse(json) as BatchReport);
}

/** Markdown tables in order, each as rows of raw cell text (header and separator dropped). */
export function markdownTables(md: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of md.split("\n")) {
    if (!line.startsWith("| ")) {
      current = null;
      continue;
    }
    const cells = line.slice(2, -2).split(/(?<!\\) \| /);
    if (current === null) {
      current = [];
      tables.push(current);
      continue; // header
    }
    if (cells.every((c) => c === "---")) continue;
    current.push(cells);
  }
  return tables;
}

/** RFC 4180 CSV → records. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      out.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return out;
}

export function expectMarkdownAgrees(md: string, tables: readonly ReportTable[]): void {
  const got = markdownTables(md);
  const want = tables.filter((t) => t.rows.length > 0);
  expect(got.length).toBe(want.length);
  want.forEach((t, ti) => {
    const rows = got[ti] ?? [];
    expect(rows.length, t.id).toBe(t.rows.length);
    t.rows.forEach((row, i) => {
      row.forEach((c, j) => {
        const text = rows[i]?.[j];
        if (c === null) expect(text, `${t.id} ${i} ${j}`).toBe("—");
        else if (typeof c === "number") expect(text, `${t.id} ${i} ${j}`).toBe(String(c));
      });
    });
  });
}

export function expectCsvAgrees(csv: string, tables: readonly ReportTable[]): void {
  const records = parseCsv(csv);
  expect(records[0]).toEqual(["table", "row", "column", "value"]);
  const want: string[][] = [];
  for (const t of tables) {
    t.rows.forEach((row, i) => {
      t.columns.forEach((col, j) => {
        const c = row[j] ?? null;
        want.push([t.id, String(i + 1), col, c === null ? "" : typeof c === "number" ? String(c) : escapeVisible(c).replace(/^([=+\-@\t\r])/, "'$1")]);
      });
    });
  }
  expect(records.slice(1)).toEqual(want);
}

/** What a table cell's textContent must be in the HTML page. */
export function htmlText(c: string | number | null): string {
  return c === null ? "—" : typeof c === "number" ? String(c) : escapeVisible(c);
}
