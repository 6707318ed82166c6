/** Parsing and checks shared by `sipta explain` and `sipta compare`. */
import { UsageError } from "../../diagnostics/errors.js";
import type { KnowledgeFormat } from "../../render/knowledge-page.js";

export const KNOWLEDGE_FORMATS: readonly KnowledgeFormat[] = ["text", "markdown", "json"];

/**
 * A status code argument: exactly three digits, 100-999 (RFC 3261 §25.1: Status-Code is 3DIGIT and the
 * first digit is the class). 7xx-9xx are accepted and explained as "no such class"; anything else is a usage error.
 */
export function parseCodeArg(value: unknown, name: string): number {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^[1-9][0-9]{2}$/.test(text)) {
    throw new UsageError(`${name}: expected a 3-digit SIP response code such as 486, got ${JSON.stringify(String(value)).slice(0, 40)}`);
  }
  return Number(text);
}

export function readKnowledgeFormat(value: unknown): KnowledgeFormat {
  const found = KNOWLEDGE_FORMATS.find((f) => f === value);
  if (found === undefined) throw new UsageError(`--format: expected one of ${KNOWLEDGE_FORMATS.join(", ")}`);
  return found;
}

/** The stderr line for a code outside the IANA registry (diagnostic knowledge.unregistered_code). */
export function unregisteredWarning(code: number): string {
  return `sipta: warning: knowledge.unregistered_code: ${String(code)} is not in the IANA SIP response-code registry; showing a class-based page\n`;
}
