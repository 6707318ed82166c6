/**
 * The contract between the text-log driver (read-text-log.ts) and the per-format line parsers. A parser sees
 * every line once, in order, and hands back blocks (one log frame each) and the lines that belong to no frame.
 */
import type { DiagnosticCode } from "../diagnostics/catalogue.js";
import type { LineSource } from "./line-source.js";
import type { BlockMeta, LogBlock } from "./log-block.js";
import { BlockBuilder } from "./log-block.js";
import { isBlank } from "./sip-text.js";
import type { TextLogFormat } from "./text-log-format.js";

export interface ParserEnv {
  readonly file: string;
  emit(block: LogBlock): void;
  /** A non-blank line that belongs to no SIP frame. */
  noise(line: number, text: string): void;
  report(code: DiagnosticCode, line: number, message: string): void;
}

export interface LineParser {
  line(l: LineSource): void;
  end(): void;
}

export interface FormatReader {
  readonly format: TextLogFormat;
  /** True when these first lines of a file (ANSI escapes removed) look like this format. */
  detect(lines: readonly string[]): boolean;
  create(env: ParserEnv): LineParser;
}

/** Shared plumbing of the parsers: at most one open block, closed on the format's end marker or next frame. */
export class BlockParserBase {
  protected block: BlockBuilder | null = null;

  constructor(protected readonly env: ParserEnv) {}

  protected open(meta: BlockMeta, headerLine: number, allowSeveral = false): void {
    this.close();
    this.block = new BlockBuilder(meta, headerLine, allowSeveral);
  }

  protected close(): void {
    if (this.block !== null) this.env.emit(this.block.finish());
    this.block = null;
  }

  /** Adds a line to the open block; closes it when the frame's byte count is reached. */
  protected add(text: string, no: number): void {
    if (this.block === null) {
      this.outside(text, no);
      return;
    }
    this.block.add(text, no);
    if (this.block.reachedByteCount) this.close();
  }

  protected outside(text: string, no: number): void {
    if (!isBlank(text)) this.env.noise(no, text);
  }

  end(): void {
    this.close();
  }
}
