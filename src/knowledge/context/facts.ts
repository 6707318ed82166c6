/**
 * Language-neutral facts for contextual texts: message labels, time deltas from the annotated response,
 * status lines. Everything taken from the capture is cleaned here once (no control characters).
 */
import { findEntry } from "../catalogue/index.js";
import { cleanCaptureText } from "../text/format.js";
import type { MessageContext } from "../types.js";

/** Milliseconds from the annotated response to message `index`, or null when either time is unknown. */
export function msAfterResponse(ctx: MessageContext, index: number | null): number | null {
  if (index === null || ctx.responseTimeUs === null) return null;
  const t = ctx.timeUs(index);
  if (t === null) return null;
  return (t - ctx.responseTimeUs) / 1000;
}

export function labelOf(ctx: MessageContext, index: number | null): string | null {
  return index === null ? null : cleanCaptureText(ctx.label(index));
}

export function cleanOrNull(text: string | null): string | null {
  return text === null ? null : cleanCaptureText(text);
}

/** "486 Busy Here": the wire reason when there is one, else the catalogue's phrase. */
export function statusLine(code: number, reason: string | null): string {
  const wire = reason === null ? "" : cleanCaptureText(reason).trim();
  if (wire !== "") return `${String(code)} ${wire}`;
  const entry = findEntry(code);
  return entry === null ? String(code) : `${String(code)} ${entry.reason}`;
}

/** The annotated response's own status line. */
export function responseLine(ctx: MessageContext): string {
  return statusLine(ctx.code, ctx.reason);
}
