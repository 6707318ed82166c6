/**
 * One SIP message as captured, for `sipta show`, `messages --raw` and `flow --raw`: a heading (frame or line, file,
 * time, route), the start line, headers and body exactly as they were (SDP, sipfrag, multipart parts) with control
 * characters escaped (\x1b shown, never sent), an outline of multipart bodies, and the message's annotations.
 */
import type { AnnotationRecord, MessageRecord } from "../model/document.js";
import { splitMultipart } from "../sip/body.js";
import { parseMediaType } from "../sip/values/media-type.js";
import type { DocumentIndex } from "./document-index.js";
import { describeMessage, describeOrigin } from "./message-label.js";
import { renderAnnotation } from "./report-text.js";
import { escapeTerminal, escapeTerminalBlock, paint } from "./terminal.js";
import { formatDateTime } from "./time-format.js";

export interface RawBlockOptions {
  readonly color?: boolean;
  /** Width for wrapping annotation prose. */
  readonly width?: number;
}

/** `frame 37 · a.pcap · 2026-01-01 10:00:00.123 · 10.0.0.1:5060 → 10.0.0.2:5060 udp · INVITE`. */
export function rawHeading(m: MessageRecord): string {
  const parts = [describeOrigin(m), escapeTerminal(m.file), formatDateTime(m.ts), `${escapeTerminal(m.src ?? "?")} → ${escapeTerminal(m.dst ?? "?")} ${m.transport}`, escapeTerminal(describeMessage(m))];
  return parts.filter((p) => p.length > 0).join(" · ");
}

/** Content types of the body: the message's own, and each part's when it is multipart (lower case). */
export function bodyTypes(raw: string): string[] {
  const split = /\r?\n\r?\n/.exec(raw);
  if (split === null) return [];
  const ctText = /^(?:content-type|c)[ \t]*:[ \t]*(.*)$/im.exec(raw.slice(0, split.index))?.[1];
  const ct = ctText === undefined ? null : parseMediaType(ctText);
  if (ct === null) return [];
  if (ct.type !== "multipart") return [ct.essence];
  const parts = splitMultipart(Buffer.from(raw.slice(split.index + split[0].length), "utf8"), ct) ?? [];
  return [ct.essence, ...parts.map((p) => p.contentType?.essence ?? "")];
}

/** True when the message carries an SDP offer or answer (sngrep's "(SDP)" mark). */
export function carriesSdp(raw: string | null): boolean {
  return raw !== null && bodyTypes(raw).includes("application/sdp");
}

/** "part 1: application/sdp (212 bytes)" lines for a multipart body found in the raw text; [] otherwise. */
export function outlineBody(raw: string): string[] {
  const split = /\r?\n\r?\n/.exec(raw);
  if (split === null) return [];
  const head = raw.slice(0, split.index);
  const ctLine = /^(?:content-type|c)[ \t]*:[ \t]*(.*)$/im.exec(head);
  const ctText = ctLine?.[1];
  const ct = ctText === undefined ? null : parseMediaType(ctText);
  if (ct?.type !== "multipart") return [];
  const parts = splitMultipart(Buffer.from(raw.slice(split.index + split[0].length), "utf8"), ct);
  if (parts === null) return [`multipart body without a boundary parameter (${escapeTerminal(ctText ?? "")})`];
  return parts.map((p, i) => `part ${i + 1}: ${escapeTerminal(p.contentType?.essence ?? "no Content-Type")} (${p.body.length} bytes)`);
}

/** The whole block for one message: heading, raw text (or why it is missing), body outline, annotations. */
export function renderRawBlock(m: MessageRecord, raw: string | null, notes: readonly AnnotationRecord[], opts: RawBlockOptions = {}): string {
  const color = opts.color === true;
  const width = opts.width ?? 100;
  const lines = [paint(`── ${rawHeading(m)}`, "bold", color)];
  if (raw === null) lines.push(paint("(the raw text is not available here: analyse the capture, or save the analysis with --raw)", "dim", color));
  else {
    lines.push(...escapeTerminalBlock(raw).replace(/\n+$/, "").split("\n"));
    const outline = outlineBody(raw);
    if (outline.length > 0) lines.push("", paint("Body parts:", "bold", color), ...outline.map((l) => `  ${l}`));
  }
  for (const a of notes) lines.push("", ...renderAnnotation(m, a, color, width));
  return `${lines.join("\n")}\n`;
}

/** Blocks for several messages, separated by a blank line, streamed. */
export function* renderRawBlocks(messages: readonly MessageRecord[], index: DocumentIndex, raw: (i: number) => string | null, opts: RawBlockOptions = {}): Generator<string> {
  for (const m of messages) yield `\n${renderRawBlock(m, raw(m.index), index.annotations.get(m.index) ?? [], opts)}`;
}
