/**
 * Repairs the SIP message(s) of one log block into wire text and hands each to sip/framing, which alone knows start
 * lines and Content-Length (RFC 3261 §18.3, §20.14). The repairs are the log's: indentation removed, doubled
 * newlines collapsed, line ends made CRLF, an empty line after the headers that the log lost restored (reported),
 * and the frame's own byte count ("recv 584 bytes") used where the message has no Content-Length. Framing then cuts
 * the body; what it measured (short body, extra bytes, unusable value) is reported once, by sip/framing-facts.ts.
 * Messages shorter than their Content-Length or frame byte count are kept and marked truncated.
 */
import type { DiagnosticCode } from "../diagnostics/catalogue.js";
import { quoteBytes } from "../diagnostics/diagnostic.js";
import { measureMessage } from "../sip/framing.js";
import { wholeMessageFacts } from "../sip/framing-facts.js";
import { contentLengthOfLines, isStartLineText } from "../sip/framing-text.js";
import type { LogBlock } from "./log-block.js";
import { MAX_MESSAGE_CHARS } from "./log-block.js";
import { headerName, isBlank, isContinuation } from "./sip-text.js";

export interface FramedMessage {
  /** The message as CRLF text (latin1: one char per byte). */
  readonly text: string;
  /** 1-based line of its SIP start line. */
  readonly line: number;
  readonly truncated: boolean;
  /** Content-Length as framing read it: null when absent, -1 when unusable. */
  readonly contentLength: number | null;
  /** Only the start line was logged (a trace cut down to start lines). */
  readonly startLineOnly?: boolean;
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
  if (!isStartLineText(first.text.trim())) {
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
    if (block.allowSeveral && isStartLineText(next.text.trim())) continue;
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
  const cl = contentLengthOfLines(headers.slice(1));
  const headText = headers.map((h) => `${h}\r\n`).join("");

  if (!headerEnded && headers.length === 1 && cl === null && (j >= lines.length || isStartLineText(strip(lines[j]?.text ?? "").trim()))) {
    // A trace cut down to start lines (one line per message: grep output, a summary): each line is kept as a
    // message of its own, marked truncated, with this one diagnostic instead of losing all but one.
    cb.report("textlog.start_line_only", lineNo, `only the start line of this message was logged (${quote(headers[0] ?? "")}): kept as a message without headers`);
    return { message: { text: `${headText}\r\n`, line: lineNo, truncated: true, contentLength: null, startLineOnly: true }, next: j };
  }
  if (!headerEnded) {
    const withEnd = headText.length + 2;
    let complete: boolean;
    if (byteCount !== null) complete = withEnd === byteCount;
    else complete = (cl === null || cl <= 0) && !block.overflow && block.mayBeSplit !== true;
    if (complete) {
      cb.report("textlog.header_end_missing", lineNo, "the log lost the empty line that ends the headers: restored");
      return { message: { text: `${headText}\r\n`, line: lineNo, truncated: false, contentLength: cl }, next: j };
    }
    reportTruncated(cb, lineNo, block, byteCount !== null ? `frame says ${byteCount} bytes; the log holds ${headText.length} bytes of headers and no end of headers` : "the log ends inside the headers");
    return { message: { text: headText, line: lineNo, truncated: true, contentLength: cl }, next: j };
  }

  // Body candidates: up to the next message start (when a block may hold several) or the block end.
  let end = lines.length;
  if (block.allowSeveral) {
    for (let k = j + 1; k < lines.length; k++) {
      if (isBlank(lines[k - 1]?.text ?? "") && isStartLineText(lines[k]?.text.trim() ?? "")) {
        end = k;
        break;
      }
    }
  }
  const lineText = (k: number): string => {
    const l = lines[k];
    return l === undefined ? "" : strip(l.text) + (l.open ? "" : "\r\n");
  };
  // Trailing empty lines are log padding unless Content-Length counts them (framing decides below).
  let last = end;
  while (last > j && isBlank(lines[last - 1]?.text ?? "")) last--;
  let body = "";
  for (let k = j; k < end; k++) body += lineText(k);
  let padded = 0;
  for (let k = last; k < end; k++) padded += lineText(k).length;

  // sip/framing measures the repaired text as one whole message: cut at Content-Length, or short (truncated).
  const whole = `${headText}\r\n${body}`;
  const unpadded = whole.slice(0, whole.length - padded);
  let text = unpadded;
  let truncated = false;
  if (cl !== null) {
    const bytes = Buffer.from(whole, "latin1");
    const m = measureMessage(bytes, 0, bytes.length, false);
    if (m.kind === "complete") {
      const framed = { start: 0, end: m.end, truncated: m.truncated, contentLength: m.contentLength, skippedBefore: 0, extraBytes: m.extraBytes };
      // A body cut by the log itself (size cap, a shortened field) is the log's fact, reported below with its cause.
      const logCut = m.truncated && (block.overflow || block.cut);
      if (!logCut) for (const f of wholeMessageFacts(bytes, 0, framed, "the log")) cb.report(f.code, lineNo, f.message);
      truncated = m.truncated && !logCut;
      if (cl >= 0 && !m.truncated) text = bytes.toString("latin1", 0, m.end);
    }
  }
  if (cl === null || cl < 0) {
    // No usable Content-Length: the frame's byte count, when the log gives one, ends the message at a line end.
    if (byteCount !== null && text.length > byteCount && (text.startsWith("\r\n", byteCount) || text.endsWith("\r\n", byteCount))) text = text.slice(0, byteCount);
    else if (byteCount !== null && text.length < byteCount) {
      truncated = true;
      reportTruncated(cb, lineNo, block, `frame says ${byteCount} bytes but the log holds ${text.length}`);
    }
  }
  if (block.overflow && !truncated) {
    truncated = true;
    reportTruncated(cb, lineNo, block, `the frame is longer than the ${MAX_MESSAGE_CHARS}-byte cap`);
  }
  if (block.cut && !truncated) {
    truncated = true;
    reportTruncated(cb, lineNo, block, "the log shortened part of it");
  }
  if (byteCount !== null && !truncated && text.length !== byteCount) {
    cb.report("textlog.byte_count_mismatch", lineNo, `frame says ${byteCount} bytes; the logged message has ${text.length} bytes with CRLF line ends`);
  }
  return { message: { text, line: lineNo, truncated, contentLength: cl }, next: end };
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
