/**
 * Contract: after the inputs were read, names each input that could not be read as a capture or SIP log, and each
 * entry of a walked folder that was skipped, with ONE line on stderr ("sipta: FILE: what it is; expected …"),
 * control characters in names escaped; when not one input could be read, NothingReadError (cli/main.ts: exit 3). A capture with no SIP in it WAS read (it is a capture, like a
 * tcpdump that saw no traffic); a capture cut inside its file header, an empty file, a binary, a text file without
 * SIP messages, an unreadable file or a gzip that inflates to nothing was not.
 */
import type { FileSummary } from "../model/document.js";
import { escapeVisible } from "../render/escape-visible.js";

export const EXPECTED = "expected a pcap, pcapng (optionally gzip-compressed) or SIP text log";

/** The fields of a diagnostic (record) that the verdict reads. */
export interface VerdictDiagnostic {
  readonly code: string;
  readonly file: string | null;
  readonly message: string;
}

const CAPTURE_FORMATS = new Set(["pcap", "pcapng"]);
/** A capture whose file header could not be read: nothing of it was read. */
const CAPTURE_HEADER_FAILURES = new Set(["pcap.bad_header", "pcapng.bad_header", "input.unrecognized_format"]);

export interface UnreadInput {
  readonly path: string;
  readonly reason: string;
}

function reasonFor(file: FileSummary, mine: readonly VerdictDiagnostic[]): string {
  const find = (code: string): VerdictDiagnostic | undefined => mine.find((d) => d.code === code);
  const unreadable = find("input.unreadable");
  if (unreadable !== undefined) return unreadable.message;
  const header = mine.find((d) => CAPTURE_HEADER_FAILURES.has(d.code) && d.code !== "input.unrecognized_format");
  if (header !== undefined) return `${header.message}; ${EXPECTED}`;
  const damaged = find("pipeline.input_damaged");
  if (damaged !== undefined) return `${file.format === "empty" ? "nothing could be read" : "damaged"}: ${damaged.message}; ${EXPECTED}`;
  const unknown = find("input.unrecognized_format");
  if (unknown !== undefined) return `${unknown.message.replace(/; skipped$/, "")}; ${EXPECTED}`;
  if (file.format === "empty") return `empty file; ${EXPECTED}`;
  if (find("textlog.no_sip_found") !== undefined || file.format === "text") return "not a pcap, pcapng or SIP log (a text file with no SIP message in a known log format)";
  return `no SIP message found; ${EXPECTED}`;
}

function unread(file: FileSummary, mine: readonly VerdictDiagnostic[]): boolean {
  if (file.messages > 0) return false;
  if (!CAPTURE_FORMATS.has(file.format)) return true;
  return mine.some((d) => CAPTURE_HEADER_FAILURES.has(d.code));
}

/** The inputs of which nothing was read. */
export function unreadInputs(files: readonly FileSummary[], diagnostics: readonly VerdictDiagnostic[]): UnreadInput[] {
  const byFile = new Map<string, VerdictDiagnostic[]>();
  for (const d of diagnostics) if (d.file !== null) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  return files.filter((f) => unread(f, byFile.get(f.path) ?? [])).map((f) => ({ path: f.path, reason: reasonFor(f, byFile.get(f.path) ?? []) }));
}

/** Nothing at all could be read: main prints `lines` (one per input) and exits 3. */
export class NothingReadError extends Error {
  override readonly name = "NothingReadError";
  constructor(readonly lines: readonly string[]) {
    super(lines.join("\n"));
  }
}

/** Codes whose sentence the verdict's lines already say: the diagnostic summary leaves them out. */
export const VERDICT_CODES: ReadonlySet<string> = new Set(["input.unreadable", "input.skipped"]);

/**
 * One line per skipped folder entry and per unread input; when no input at all was read, throws NothingReadError
 * (exit 3) instead of writing, else writes the lines to `stream` and the command goes on with what was read.
 */
export function checkInputsRead(files: readonly FileSummary[], diagnostics: readonly VerdictDiagnostic[], stream: NodeJS.WritableStream = process.stderr): void {
  const lines: string[] = [];
  for (const d of diagnostics) if (d.code === "input.skipped" && d.file !== null) lines.push(`sipta: ${escapeVisible(d.file)}: ${escapeVisible(d.message)}`);
  const none = unreadInputs(files, diagnostics);
  for (const u of none) lines.push(`sipta: ${escapeVisible(u.path)}: ${escapeVisible(u.reason)}`);
  if (none.length > 0 && none.length === files.length) throw new NothingReadError(lines);
  if (lines.length > 0) stream.write(`${lines.join("\n")}\n`);
}
