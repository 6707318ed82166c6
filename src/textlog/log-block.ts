/**
 * A log block: the lines one log frame holds (prefix and ANSI already removed), with what the frame header said.
 * Blocks are bounded: past MAX_MESSAGE_CHARS lines are no longer kept and the block is marked overflowed, so a
 * frame that never ends cannot grow memory.
 */
import type { Endpoint } from "../model/endpoint.js";
import type { LogDirection } from "../model/trace-event.js";
import type { Transport } from "../model/transport.js";
import type { LogTime } from "./log-time.js";
import { NO_TIME } from "./log-time.js";
import { isBlank } from "./sip-text.js";

export const MAX_MESSAGE_CHARS = 256 * 1024;

export interface BlockMeta {
  readonly time: LogTime;
  readonly src: Endpoint | null;
  readonly dst: Endpoint | null;
  readonly direction: LogDirection | null;
  /** "unknown" when the frame does not say (then the top Via's is used). */
  readonly transport: Transport;
  /** Message size the frame states (pjsip "(477 bytes)", sofia "recv 584 bytes"), for cutting and checking. */
  readonly byteCount: number | null;
  /**
   * The format may split a message over several records (AudioCodes syslog): a message whose headers are not closed
   * by an empty line is then truncated, not a log that lost the empty line.
   */
  readonly mayBeSplit?: boolean;
}

export const EMPTY_META: BlockMeta = { time: NO_TIME, src: null, dst: null, direction: null, transport: "unknown", byteCount: null };

export interface LogBlock extends BlockMeta {
  /** Line of the frame header (where diagnostics about the frame point). */
  readonly headerLine: number;
  readonly lines: readonly string[];
  /** Line number of each entry of `lines` (several entries share one when a record packs lines, #012). */
  readonly lineNos: readonly number[];
  /** The last line had no line end in the log (sipdump's end marker glued to the body's last byte). */
  readonly lastLineUnterminated: boolean;
  /** Lines were dropped because the block passed MAX_MESSAGE_CHARS. */
  readonly overflow: boolean;
  /** The log itself shortened part of the message (tshark's `[truncated]` fields). */
  readonly cut: boolean;
  /** Several messages may share this block (a TCP read, a pasted run of messages). */
  readonly allowSeveral: boolean;
}

export class BlockBuilder {
  private readonly lines: string[] = [];
  private readonly lineNos: number[] = [];
  private chars = 0;
  private overflow = false;
  private unterminated = false;
  private cut = false;
  private indent: string | null = null;
  /** Bytes of the message so far as CRLF text (from its first non-blank line, indentation removed). */
  private messageBytes = 0;
  /** Lines since the message's first non-blank line (to spot doubled newlines). */
  private messageLines = 0;
  /** The line after the start line is empty: newlines are doubled, so byte counts cannot be matched line by line. */
  private doubled = false;

  constructor(
    readonly meta: BlockMeta,
    readonly headerLine: number,
    private readonly allowSeveral = false,
  ) {}

  add(text: string, no: number): void {
    if (this.overflow) return;
    if (this.chars + text.length > MAX_MESSAGE_CHARS) {
      this.overflow = true;
      return;
    }
    this.chars += text.length + 2;
    this.lines.push(text);
    this.lineNos.push(no);
    if (this.indent === null) {
      if (isBlank(text)) return;
      this.indent = /^[ \t]*/.exec(text)?.[0] ?? "";
    }
    const stripped = text.startsWith(this.indent) ? text.length - this.indent.length : text.length;
    this.messageBytes += stripped + 2;
    if (++this.messageLines === 2 && isBlank(text)) this.doubled = true;
  }

  /** The last added line had no line end (its frame's end marker followed on the same line). */
  markUnterminated(): void {
    if (this.lines.length > 0) {
      this.unterminated = true;
      this.messageBytes -= 2;
    }
  }

  /** The log shortened part of the message: it will be marked truncated. */
  markCut(): void {
    this.cut = true;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /**
   * True once the lines hold exactly the byte count the frame stated: the message is complete. Two bytes more means
   * the message's last line had no line end (a body without a final CRLF) and the log added one.
   */
  get reachedByteCount(): boolean {
    const n = this.meta.byteCount;
    return n !== null && !this.doubled && (this.messageBytes === n || this.messageBytes === n + 2);
  }

  finish(): LogBlock {
    return {
      ...this.meta,
      headerLine: this.headerLine,
      lines: this.lines,
      lineNos: this.lineNos,
      lastLineUnterminated: this.unterminated,
      overflow: this.overflow,
      cut: this.cut,
      allowSeveral: this.allowSeveral,
    };
  }
}
