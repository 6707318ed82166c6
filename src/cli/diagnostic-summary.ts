/**
 * The one rule for diagnostics on stderr, used by every command: once per run, one line per code, with the human
 * sentence of its first occurrence, where it was, and how many times it happened (at most MAX_CODES codes, the
 * rest counted). Data on stdout stays clean; capture text in the sentences is escaped.
 */
import type { CollectingSink } from "../diagnostics/sink.js";
import type { DiagnosticRecord } from "../model/document.js";
import { toDiagnosticRecord } from "../pipeline/analyze.js";
import { escapeVisible } from "../render/escape-visible.js";

const MAX_CODES = 12;

function where(d: DiagnosticRecord): string {
  if (d.file === null) return "";
  return d.frame !== null ? `${d.file} frame ${d.frame}` : d.line !== null ? `${d.file} line ${d.line}` : d.file;
}

/** Lines (without "\n") for the diagnostics kept and the counts per code; `skip` leaves codes shown elsewhere out. */
export function formatDiagnosticLines(kept: readonly DiagnosticRecord[], counts: ReadonlyMap<string, number>, skip: ReadonlySet<string> = new Set()): string[] {
  const first = new Map<string, DiagnosticRecord>();
  for (const d of kept) if (!first.has(d.code)) first.set(d.code, d);
  const lines: string[] = [];
  let rest = 0;
  const rank = (code: string): number => ({ error: 0, warning: 1, info: 2 })[first.get(code)?.severity ?? "info"];
  for (const [code, n] of [...counts.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1])) {
    if (skip.has(code)) continue;
    const d = first.get(code);
    if (d === undefined || lines.length >= MAX_CODES) {
      rest += n;
      continue;
    }
    const at = where(d);
    const more = n > 1 ? ` (×${n}, first at ${at})` : at === "" ? "" : ` (${at})`;
    lines.push(`sipta: ${d.severity}: ${escapeVisible(d.message)}${more} [${code}]`);
  }
  if (rest > 0) lines.push(`sipta: ${rest} more diagnostic(s) (details: sipta analyze --format json)`);
  return lines;
}

export function reportDocumentDiagnostics(kept: readonly DiagnosticRecord[], counts: Readonly<Record<string, number>>, stream: NodeJS.WritableStream, skip?: ReadonlySet<string>): void {
  const lines = formatDiagnosticLines(kept, new Map(Object.entries(counts)), skip);
  if (lines.length > 0) stream.write(`${lines.join("\n")}\n`);
}

export function reportDiagnosticSummary(sink: CollectingSink, stream: NodeJS.WritableStream, skip?: ReadonlySet<string>): void {
  const lines = formatDiagnosticLines(sink.diagnostics.map(toDiagnosticRecord), sink.countsByCode, skip);
  if (lines.length > 0) stream.write(`${lines.join("\n")}\n`);
}
