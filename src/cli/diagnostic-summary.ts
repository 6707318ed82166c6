/** Diagnostics go to stderr: counts per code, and the first few in full, so data on stdout stays clean. */
import type { CollectingSink } from "../diagnostics/sink.js";
import { formatDiagnostic } from "../diagnostics/diagnostic.js";
import { escapeVisible } from "../render/escape-visible.js";

export function reportDiagnosticSummary(sink: CollectingSink, stream: NodeJS.WritableStream, detailed: boolean, maxShown = 10): void {
  const total = [...sink.countsByCode.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return;
  const lines: string[] = [];
  if (detailed) {
    for (const d of sink.diagnostics.filter((x) => x.severity !== "info").slice(0, maxShown)) lines.push(escapeVisible(formatDiagnostic(d)));
  }
  const counts = [...sink.countsByCode.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ×${n}`);
  lines.push(`diagnostics: ${total} (${counts.join(", ")})`);
  stream.write(`${lines.join("\n")}\n`);
}
