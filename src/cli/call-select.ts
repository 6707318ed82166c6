/**
 * Which call(s) `flow`, `show` and `tui` open: `--call N` is the number `sipta calls` shows (stable under filters:
 * the call's position in the whole analysis); `--call-id` takes the ID or a unique fragment of it.
 */
import { UsageError } from "../diagnostics/errors.js";
import type { AnalysisDocument } from "../model/document.js";
import { resolveOneCallId } from "./call-id-match.js";

export interface CallSelectArgs {
  readonly call?: number | string | undefined;
  readonly "call-id"?: readonly string[] | undefined;
}

/** The Call-IDs asked for; [] when nothing was asked. */
export function selectCallIds(doc: AnalysisDocument, args: CallSelectArgs): string[] {
  const ids: string[] = [];
  const all = [...new Set(doc.calls.map((c) => c.callId))];
  for (const fr of (args["call-id"] ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s.length > 0)) ids.push(resolveOneCallId(all, fr));
  if (args.call !== undefined) {
    const n = Number(args.call);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--call takes a call number (the # column of \`sipta calls\`), got ${JSON.stringify(String(args.call))}`);
    const c = doc.calls[n - 1];
    if (c === undefined) throw new UsageError(`--call ${n}: the trace has ${doc.calls.length} call(s) (see \`sipta calls\`)`);
    ids.push(c.callId);
  }
  return [...new Set(ids)];
}

/** The asked calls, or the only call of a one-call trace; otherwise a UsageError saying how to choose. */
export function requireCallIds(doc: AnalysisDocument, args: CallSelectArgs): string[] {
  const ids = selectCallIds(doc, args);
  if (ids.length > 0) return ids;
  const only = doc.calls.length === 1 ? doc.calls[0] : undefined;
  if (only !== undefined) return [only.callId];
  throw new UsageError(`give --call-id ID (or a fragment of it) or --call N: the trace has ${doc.calls.length} calls (see \`sipta calls\`)`);
}
