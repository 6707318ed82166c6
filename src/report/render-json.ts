/** The batch report as JSON: the BatchReport object itself (report-data.ts), two-space indented, keys in a fixed order. */
import type { BatchReport } from "./report-data.js";

export function renderReportJson(r: BatchReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
