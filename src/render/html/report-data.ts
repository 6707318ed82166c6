/**
 * The JSON the report's script reads: per message its label and fields for the detail panel, its notable
 * annotations, and (when a provider is given) the raw text. Every capture string is made visible-safe here
 * (escapeVisible), so bidi overrides or control characters cannot reorder or hide what the analyst reads.
 */
import type { AnalysisDocument, MessageRecord } from "../../model/document.js";
import type { DocumentIndex } from "../document-index.js";
import { notableAnnotationsOf } from "../document-index.js";
import { escapeVisible } from "../escape-visible.js";
import type { Json, JsonObject } from "../json-text.js";
import { describeCseq, describeMessage, describeOrigin } from "../message-label.js";
import { formatDateTime } from "../time-format.js";

/** Raw texts longer than this are cut, so one huge message cannot swell the report without bound. */
const RAW_LIMIT = 256 * 1024;

function safe(text: string | null): Json {
  return text === null ? null : escapeVisible(text);
}

function messageData(index: DocumentIndex, m: MessageRecord): JsonObject {
  const origin = describeOrigin(m);
  return {
    label: escapeVisible(describeMessage(m)),
    frame: m.frame,
    ts: formatDateTime(m.ts),
    src: safe(m.src),
    dst: safe(m.dst),
    transport: m.transport,
    callId: safe(m.callId),
    cseq: escapeVisible(describeCseq(m)),
    uri: safe(m.uri),
    fromUri: safe(m.fromUri),
    toUri: safe(m.toUri),
    branch: safe(m.branch),
    origin: escapeVisible(origin === "" ? m.file : `${m.file} ${origin}`),
    size: `${m.size} bytes`,
    retransmissionOf: m.retransmissionOf,
    warnings: m.warnings.map((w) => escapeVisible(w)),
    notes: notableAnnotationsOf(index, m.index).map((a) => ({
      severity: a.severity,
      kind: a.kind,
      outcome: a.outcome,
      summary: escapeVisible(a.summary),
      explanation: escapeVisible(a.explanation),
      nextSteps: a.nextSteps.map((s) => escapeVisible(s)),
      rfc: safe(a.rfc),
    })),
  };
}

export interface ReportDataOptions {
  readonly raw?: (index: number) => string | null;
  readonly messages: readonly number[];
  readonly linked: boolean;
  readonly open: number | null;
}

export function buildReportData(index: DocumentIndex, doc: AnalysisDocument, opts: ReportDataOptions): JsonObject {
  const messages: Record<string, Json> = {};
  const raw: Record<string, Json> = {};
  for (const i of opts.messages) {
    const m = index.messages.get(i);
    if (m === undefined) continue;
    messages[String(i)] = messageData(index, m);
    if (opts.raw !== undefined) {
      const text = opts.raw(i);
      if (text !== null) {
        const cut = text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT)}\n… (${text.length - RAW_LIMIT} more characters not shown)` : text;
        raw[String(i)] = escapeVisible(cut, { multiline: true });
      }
    }
  }
  return {
    schemaVersion: doc.schemaVersion,
    messages,
    raw: opts.raw === undefined ? null : raw,
    linked: opts.linked,
    open: opts.open,
  };
}
