/**
 * The batch report as one CSV in long form (RFC 4180): `table,row,column,value`, one line per cell of every
 * report table, so a spreadsheet pivot or `grep` finds any number. Cells pass the project's CSV escaping
 * (formula injection neutralised).
 */
import { formatCsvRow } from "../render/csv-cell.js";
import type { BatchReport } from "./report-data.js";
import { reportTables } from "./report-tables.js";

export function renderReportCsv(r: BatchReport): string {
  let out = formatCsvRow(["table", "row", "column", "value"]);
  for (const t of reportTables(r)) {
    t.rows.forEach((row, i) => {
      t.columns.forEach((c, j) => {
        out += formatCsvRow([t.id, i + 1, c, row[j] ?? null]);
      });
    });
  }
  return out;
}
