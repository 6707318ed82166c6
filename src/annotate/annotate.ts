/**
 * Findings + knowledge → annotations. Every response gets exactly one annotation: the trackers' finding when
 * they owe one (final response to REFER, 3xx, 430/439, 202), else a generic one with the catalogue's text.
 * Words come from the knowledge base in the chosen language; this stage only assembles the record.
 */
import type { Lang, MessageRecord, AnnotationRecord } from "../model/document.js";
import type { Finding } from "../trackers/index.js";
import { describeAnnotation, explainCode, severityOf, type AnnotationText, type MessageContext } from "../knowledge/index.js";
import { genericSeverity } from "./severity.js";

/** RFC that defines what each tracker decides (shown beside the annotation). */
const KIND_RFC: Readonly<Record<Finding["kind"], string>> = {
  refer: "RFC 3515",
  redirect: "RFC 3261 §8.1.3.4",
  flow: "RFC 5626",
  accepted: "RFC 6665 §8.3.1",
  challenge: "RFC 3261 §22",
};

export interface AnnotateInput {
  readonly response: MessageRecord;
  readonly finding: Finding | null;
  /** Method of the request this response answers (from the transaction, else the CSeq). */
  readonly method: string | null;
  readonly lang: Lang;
  readonly label: (index: number) => string;
  readonly timeUs: (index: number) => number | null;
  readonly responseTimeUs: number | null;
}

/**
 * Generic texts depend only on the code, the reason on the wire, the method and the language; a busy trace repeats
 * the same few hundred combinations, so they are built once. Bounded: cleared when it grows past the limit.
 */
const genericTexts = new Map<string, { readonly text: AnnotationText; readonly reference: string | null }>();
const GENERIC_CACHE_LIMIT = 4096;

function genericText(code: number, reason: string | null, method: string | null, lang: Lang, ctx: MessageContext): { readonly text: AnnotationText; readonly reference: string | null } {
  const key = `${lang}\u0000${code}\u0000${method ?? ""}\u0000${reason ?? ""}`;
  const hit = genericTexts.get(key);
  if (hit !== undefined) return hit;
  const made = {
    text: describeAnnotation({ kind: "generic", outcome: "seen", code, details: { method }, ctx }, lang),
    reference: explainCode(code, lang).reference,
  };
  if (genericTexts.size >= GENERIC_CACHE_LIMIT) genericTexts.clear();
  genericTexts.set(key, made);
  return made;
}

export function buildAnnotation(input: AnnotateInput): AnnotationRecord {
  const r = input.response;
  const code = r.status ?? 0;
  const ctx: MessageContext = {
    label: input.label,
    timeUs: input.timeUs,
    code,
    reason: r.reason,
    method: input.method,
    responseTimeUs: input.responseTimeUs,
  };
  const base = {
    message: r.index,
    file: r.file,
    frame: r.frame,
    line: r.line,
    ts: r.ts,
    code,
    reason: r.reason,
    callId: r.callId,
  };
  const f = input.finding;
  if (f === null) {
    const g = genericText(code, r.reason, input.method, input.lang, ctx);
    return { ...base, ...g.text, nextSteps: [...g.text.nextSteps], kind: "generic", outcome: "seen", details: { method: input.method }, severity: genericSeverity(code, input.method), refs: [], rfc: g.reference };
  }
  const refs = [...f.refs];
  switch (f.kind) {
    case "refer": {
      const text = describeAnnotation({ kind: "refer", outcome: f.outcome, code, details: f.details, ctx }, input.lang);
      return { ...base, ...text, kind: "refer", outcome: f.outcome, details: f.details, severity: severityOf("refer", f.outcome), refs, rfc: KIND_RFC.refer };
    }
    case "redirect": {
      const text = describeAnnotation({ kind: "redirect", outcome: f.outcome, code, details: f.details, ctx }, input.lang);
      return { ...base, ...text, kind: "redirect", outcome: f.outcome, details: f.details, severity: severityOf("redirect", f.outcome), refs, rfc: KIND_RFC.redirect };
    }
    case "flow": {
      const text = describeAnnotation({ kind: "flow", outcome: f.outcome, code, details: f.details, ctx }, input.lang);
      return { ...base, ...text, kind: "flow", outcome: f.outcome, details: f.details, severity: severityOf("flow", f.outcome), refs, rfc: KIND_RFC.flow };
    }
    case "accepted": {
      const text = describeAnnotation({ kind: "accepted", outcome: f.outcome, code, details: f.details, ctx }, input.lang);
      return { ...base, ...text, kind: "accepted", outcome: f.outcome, details: f.details, severity: severityOf("accepted", f.outcome), refs, rfc: KIND_RFC.accepted };
    }
    case "challenge": {
      const text = describeAnnotation({ kind: "challenge", outcome: f.outcome, code, details: f.details, ctx }, input.lang);
      return { ...base, ...text, kind: "challenge", outcome: f.outcome, details: f.details, severity: severityOf("challenge", f.outcome), refs, rfc: KIND_RFC.challenge };
    }
  }
}
