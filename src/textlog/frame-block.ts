/**
 * Frames the SIP message(s) of one log block: the start line, headers up to the empty line, then the body cut
 * by Content-Length (RFC 3261 §18.3, §20.14), falling back to the block's end. Line ends become CRLF; nothing else
 * is changed, except restoring an empty line after the headers that the log lost (reported). Messages shorter
 * than their Content-Length or frame byte count are kept and marked truncated.
 */
import type { DiagnosticCode } from "../diagnostics/catalogue.js";
import { quoteBytes } from "../diagnostics/diagnostic.js";
import type { LogBlock } from "./log-block.js";
import { MAX_MESSAGE_CHARS } from "./log-block.js";
import { headerName, isBlank, isContinuation, isSipStartLine, scanHeaders } from "./sip-text.js";

export interface FramedMessage {
  /** The message as CRLF text (latin1: one char per byte). */
  readonly text: string;
  /** 1-based line of its SIP start line. */
  readonly line: number;
  readonly truncated: boolean;
}

export interface FrameCallbacks {
  report(code: DiagnosticCode, line: number, message: string): void;
  /** A non-blank line of the block that is part of no message. */
  noise(line: number, text: string): void;
}

interface Line {
  readonly text: string;
  readonly no: number;
  /** No line end after it in the log. */
  readonly open: boolean;
}

const SDP_LINE = /^[a-z]=\S/;

export function frameBlock(block: LogBlock, cb: FrameCallbacks): FramedMessage[] {
  const lines = collapseDoubledNewlines(toLines(block));
  let i = skipBlank(lines, 0);
  const first = lines[i];
  if (first === undefined) {
    cb.report("textlog.not_sip", block.headerLine, "log frame holds no message text: skipped");
    return [];
  }
  if (!isSipStartLine(first.text.trim())) {
    cb.report("textlog.not_sip", first.no, `log frame does not start with a SIP start line (keep-alive or non-SIP record): ${quote(first.text)}: skipped`);
    return [];
  }
  const out: FramedMessage[] = [];
  for (;;) {
    const r = frameOne(lines, i, block, out.length === 0, cb);
    out.push(r.message);
    i = skipBlank(lines, r.next);
    const next = lines[i];
    if (next === undefined) break;
    if (block.allowSeveral && isSipStartLine(next.text.trim())) continue;
    for (let k = i; k < lines.length; k++) {
      const l = lines[k];
      if (l !== undefined && !isBlank(l.text)) cb.noise(l.no, l.text);
    }
    break;
  }
  return out;
}

function frameOne(lines: readonly Line[], start: number, block: LogBlock, firstInBlock: boolean, cb: FrameCallbacks): { message: FramedMessage; next: number } {
  const startLine = lines[start];
  const indent = /^[ \t]*/.exec(startLine?.text ?? "")?.[0] ?? "";
  const strip = (t: string): string => (t.startsWith(indent) ? t.slice(indent.length) : t);
  const lineNo = startLine?.no ?? block.headerLine;
  const byteCount = firstInBlock && !block.allowSeveral ? block.byteCount : null;

  const headers: string[] = [];
  let j = start;
  let headerEnded = false;
  for (; j < lines.length; j++) {
    const t = strip(lines[j]?.text ?? "");
    if (isBlank(t)) {
      headerEnded = true;
      j++;
      break;
    }
    if (j > start && !isContinuation(t) && headerName(t) === null && SDP_LINE.test(t)) {
      // The log (or a web page rendering it) dropped the empty line between headers and an SDP body.
      cb.report("textlog.header_end_missing", lines[j]?.no ?? lineNo, "no empty line between the headers and the SDP body: restored");
      headerEnded = true;
      break;
    }
    headers.push(t);
  }
  const facts = scanHeaders(headers);
  const headText = headers.map((h) => `${h}\r\n`).join("");

  if (!headerEnded) {
    const withEnd = headText.length + 2;
    let complete: boolean;
    if (byteCount !== null) complete = withEnd === byteCount;
    else complete = (facts.contentLength ?? 0) === 0 && !block.overflow && block.mayBeSplit !== true;
    if (complete) {
      cb.report("textlog.header_end_missing", lineNo, "the log lost the empty line that ends the headers: restored");
      return { message: { text: `${headText}\r\n`, line: lineNo, truncated: false }, next: j };
    }
    reportTruncated(cb, lineNo, block, byteCount !== null ? `frame says ${byteCount} bytes; the log holds ${headText.length} bytes of headers and no end of headers` : "the log ends inside the headers");
    return { message: { text: headText, line: lineNo, truncated: true }, next: j };
  }

  // Body candidates: up to the next message start (when a block may hold several) or the block end.
  let end = lines.length;
  if (block.allowSeveral) {
    for (let k = j + 1; k < lines.length; k++) {
      if (isBlank(lines[k - 1]?.text ?? "") && isSipStartLine(lines[k]?.text.trim() ?? "")) {
        end = k;
        break;
      }
    }
  }
  const lenOf = (k: number): number => {
    const l = lines[k];
    return l === undefined ? 0 : strip(l.text).length + (l.open ? 0 : 2);
  };
  const cl = facts.contentLength;
  const target = cl ?? (byteCount !== null ? byteCount - headText.length - 2 : null);
  let bodyEnd = -1; // exclusive line index where the body ends
  let dropFinalCrlf = false;
  if (target !== null && target >= 0) {
    let cum = 0;
    if (target === 0) bodyEnd = j;
    for (let k = j; k < end && bodyEnd < 0; k++) {
      cum += lenOf(k);
      if (cum === target) bodyEnd = k + 1;
      else if (cum - 2 === target && !(lines[k]?.open ?? false)) {
        bodyEnd = k + 1;
        dropFinalCrlf = true;
      } else if (cum > target) break;
    }
  }
  let truncated = false;
  let next = bodyEnd;
  if (bodyEnd < 0) {
    // Content-Length not met exactly: keep what the block holds (trailing empty lines are log padding).
    let last = end;
    while (last > j && isBlank(lines[last - 1]?.text ?? "")) last--;
    bodyEnd = last;
    next = end;
    let have = 0;
    for (let k = j; k < bodyEnd; k++) have += lenOf(k);
    const total = headText.length + 2 + have;
    if (cl !== null && have < cl && !(byteCount !== null && total === byteCount)) {
      truncated = true;
      reportTruncated(cb, lineNo, block, `Content-Length is ${cl} but the log holds ${have} body bytes`);
    } else if (byteCount !== null && total < byteCount && cl === null) {
      truncated = true;
      reportTruncated(cb, lineNo, block, `frame says ${byteCount} bytes but the log holds ${total}`);
    }
  }
  let body = "";
  for (let k = j; k < bodyEnd; k++) {
    const l = lines[k];
    if (l !== undefined) body += strip(l.text) + (l.open ? "" : "\r\n");
  }
  if (dropFinalCrlf) body = body.slice(0, -2);
  if (block.overflow && !truncated) {
    truncated = true;
    reportTruncated(cb, lineNo, block, `the frame is longer than the ${MAX_MESSAGE_CHARS}-byte cap`);
  }
  if (block.cut && !truncated) {
    truncated = true;
    reportTruncated(cb, lineNo, block, "the log shortened part of it");
  }
  const text = `${headText}\r\n${body}`;
  if (byteCount !== null && !truncated && text.length !== byteCount) {
    cb.report("textlog.byte_count_mismatch", lineNo, `frame says ${byteCount} bytes; the logged message has ${text.length} bytes with CRLF line ends`);
  }
  return { message: { text, line: lineNo, truncated }, next };
}

function reportTruncated(cb: FrameCallbacks, line: number, block: LogBlock, why: string): void {
  const cause = block.overflow ? " (size cap reached)" : "";
  cb.report("textlog.truncated_message", line, `SIP message is cut short in the log: ${why}${cause}; kept, marked truncated`);
}

function toLines(block: LogBlock): Line[] {
  const n = block.lines.length;
  return block.lines.map((text, k) => ({ text, no: block.lineNos[k] ?? block.headerLine, open: k === n - 1 && block.lastLineUnterminated }));
}

function skipBlank(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i]?.text ?? "")) i++;
  return i;
}

/**
 * Windows builds of some apps write every CRLF as an extra empty line: when each of the first three lines after
 * the start line is followed by an empty one (impossible in a real message, whose headers have no empty line
 * between them), every second line is dropped.
 */
function collapseDoubledNewlines(lines: Line[]): Line[] {
  const s = skipBlank(lines, 0);
  const at = (k: number): string => lines[s + k]?.text ?? "x";
  if (lines.length - s < 6 || !(isBlank(at(1)) && isBlank(at(3)) && isBlank(at(5)))) return lines;
  if (isBlank(at(2)) || isBlank(at(4)) || headerName(at(2).trim()) === null) return lines;
  const out: Line[] = lines.slice(0, s);
  for (let k = s; k < lines.length; ) {
    const l = lines[k];
    if (l !== undefined) out.push(l);
    k += isBlank(lines[k + 1]?.text ?? "x") ? 2 : 1;
  }
  return out;
}

function quote(text: string): string {
  return quoteBytes(Buffer.from(text, "latin1"));
}
