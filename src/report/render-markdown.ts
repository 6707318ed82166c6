/** The batch report as GitHub Markdown: one heading and table per report table; capture text escaped. */
import { escapeMarkdown } from "../render/markdown-escape.js";
import type { Cell } from "../store/schema.js";
import type { BatchReport } from "./report-data.js";
import { reportTables } from "./report-tables.js";

function cell(c: Cell): string {
  if (c === null) return "—";
  return typeof c === "number" ? String(c) : escapeMarkdown(c, 200);
}

export function renderReportMarkdown(r: BatchReport): string {
  const out: string[] = [`# sipta batch report`, ""];
  out.push(`sipta ${escapeMarkdown(r.tool.version)}${r.generatedAt === null ? "" : ` · generated ${r.generatedAt}`}`, "");
  for (const t of reportTables(r)) {
    out.push(`## ${escapeMarkdown(t.title)}`, "");
    if (t.note !== undefined) out.push(escapeMarkdown(t.note, 1000), "");
    if (t.rows.length === 0) {
      out.push("None.", "");
      continue;
    }
    out.push(`| ${t.columns.map((c) => escapeMarkdown(c)).join(" | ")} |`, `| ${t.columns.map(() => "---").join(" | ")} |`);
    for (const row of t.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
    out.push("");
  }
  return out.join("\n");
}
