/**
 * Splits a stream of byte chunks into lines without holding the file: one line at a time, each capped at
 * MAX_LINE_CHARS (the tail of a longer line is dropped and reported). Bytes are decoded as latin1, so every byte
 * maps to one char and `Buffer.from(text, "latin1")` gives the original bytes back. A line ends at LF; trailing
 * CRs are removed (CRLF, and the "\r\r\n" Windows text-mode streams write), bare CRs inside a line are kept.
 */

export const MAX_LINE_CHARS = 64 * 1024;

export interface LogLine {
  /** Line text without its terminator. */
  readonly text: string;
  /** 1-based line number. */
  readonly no: number;
  /** Chars dropped because the line was longer than the cap (0 normally). */
  readonly dropped: number;
}

export async function* readLines(chunks: AsyncIterable<Buffer>, maxChars = MAX_LINE_CHARS): AsyncGenerator<LogLine[]> {
  let parts: string[] = [];
  let kept = 0;
  let dropped = 0;
  let no = 0;
  const take = (s: string): void => {
    const room = maxChars - kept;
    if (room >= s.length) {
      parts.push(s);
      kept += s.length;
    } else {
      if (room > 0) parts.push(s.slice(0, room));
      kept += Math.max(room, 0);
      dropped += s.length - Math.max(room, 0);
    }
  };
  const finish = (): LogLine => {
    let text = parts.length === 1 ? (parts[0] ?? "") : parts.join("");
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0x0d) end--;
    if (end !== text.length) text = text.slice(0, end);
    no++;
    const line: LogLine = { text, no, dropped };
    parts = [];
    kept = 0;
    dropped = 0;
    return line;
  };
  for await (const chunk of chunks) {
    const s = chunk.toString("latin1");
    const out: LogLine[] = [];
    let from = 0;
    for (;;) {
      const lf = s.indexOf("\n", from);
      if (lf < 0) break;
      take(s.slice(from, lf));
      out.push(finish());
      from = lf + 1;
    }
    if (from < s.length) take(s.slice(from));
    if (out.length > 0) yield out;
  }
  if (kept > 0 || dropped > 0) yield [finish()];
}
