/**
 * The report's Content-Security-Policy: nothing may be fetched (default-src 'none'), and only the report's
 * own inline <style> and <script> run, pinned by their SHA-256 hashes (CSP Level 2 hash sources), so even
 * markup that slipped through escaping could neither run script nor load anything.
 */
import { createHash } from "node:crypto";

export function hashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

export function buildContentSecurityPolicy(style: string, script: string): string {
  return [
    "default-src 'none'",
    `style-src ${hashSource(style)}`,
    `script-src ${hashSource(script)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
