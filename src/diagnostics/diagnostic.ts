/**
 * Bad input is data, never an exception: every stage reports a Diagnostic to a sink and keeps going.
 * A diagnostic always points back to its source (file and frame, or file and line).
 */
import type { SourceRef } from "../model/origin.js";
import { formatSourceRef } from "../model/origin.js";
import type { DiagnosticCode } from "./catalogue.js";
import { codeSpec } from "./catalogue.js";

export type DiagnosticSeverity = "error" | "warning" | "info";

export interface Diagnostic {
  readonly kind: "diagnostic";
  readonly code: DiagnosticCode;
  readonly severity: DiagnosticSeverity;
  /** What failed; what was expected; what was received (truncated, escaped). */
  readonly message: string;
  readonly at: SourceRef;
  /** Index of the SIP message it concerns, once messages are numbered (set by the pipeline). */
  readonly messageIndex?: number;
}

export function makeDiagnostic(
  code: DiagnosticCode,
  at: SourceRef,
  message: string,
  severity?: DiagnosticSeverity,
): Diagnostic {
  return { kind: "diagnostic", code, severity: severity ?? codeSpec(code).severity, message, at };
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity}: ${d.code}: ${formatSourceRef(d.at)}: ${d.message}`;
}

/** Short, printable rendering of hostile bytes for a diagnostic message: at most `max` chars, controls escaped. */
export function quoteBytes(bytes: Uint8Array, max = 40): string {
  let out = "";
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c) out += String.fromCharCode(b);
    else if (b === 0x0d) out += "\\r";
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x09) out += "\\t";
    else out += `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return `"${out}"${bytes.length > max ? `… (${bytes.length} bytes)` : ""}`;
}
