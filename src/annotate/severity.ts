/** Severity of a plain response (generic annotation), by what it usually means to an operator. */
import type { Severity } from "../model/outcomes.js";

export function genericSeverity(code: number, method: string | null): Severity {
  if (code < 200) return "info";
  if (code < 300) return "ok";
  if (code < 400) return "info";
  // Authentication challenges are routine (RFC 3261 §22); so is 481/487 after a CANCEL race.
  if (code === 401 || code === 407) return "info";
  if (code === 487 && method === "INVITE") return "info";
  if (code < 500) return "warning";
  return "error";
}
