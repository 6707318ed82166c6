/**
 * Display width in terminal cells: East Asian wide and fullwidth characters (zh explanations, Vietnamese is
 * narrow) take two cells, combining marks none. Used to fit columns, truncate with "…" and wrap paragraphs.
 * Input must already be escaped (escapeVisible): control characters are not handled here.
 */

const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Combining marks, variation selectors and ZWJ/ZWNJ: drawn on the previous character. */
const ZERO_WIDTH_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200c, 0x200d],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
];

/** Cells one code point takes: 0, 1 or 2. */
export function measureCodePoint(ch: string): 0 | 1 | 2 {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x300) return 1; // below the first combining mark: ASCII and Latin, most of what is measured
  for (const [lo, hi] of ZERO_WIDTH_RANGES) if (cp >= lo && cp <= hi) return 0;
  for (const [lo, hi] of WIDE_RANGES) {
    if (cp < lo) break;
    if (cp <= hi) return 2;
  }
  return 1;
}

export function measureWidth(text: string): number {
  // Addresses, Call-IDs and methods are ASCII: one cell per UTF-16 unit below U+0300, no code point walk needed.
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0x300) i++;
  if (i === text.length) return text.length;
  let w = 0;
  for (const ch of text) w += measureCodePoint(ch);
  return w;
}

/** Cuts `text` to at most `width` cells, ending with "…" when something was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return "";
  if (measureWidth(text) <= width) return text;
  let out = "";
  let w = 0;
  for (const ch of text) {
    const cw = measureCodePoint(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Keeps the start and the end (the port of an IPv6 endpoint), cutting the middle with "…". */
export function truncateMiddle(text: string, width: number): string {
  if (measureWidth(text) <= width) return text;
  if (width <= 2) return truncateToWidth(text, width);
  const chars = Array.from(text);
  const tailBudget = Math.floor((width - 1) / 2);
  let tail = "";
  let tw = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i] ?? "";
    const cw = measureCodePoint(ch);
    if (tw + cw > tailBudget) break;
    tail = ch + tail;
    tw += cw;
  }
  const head = truncateToWidth(text, width - tw);
  return head.endsWith("…") ? head + tail : head;
}

export function padEndToWidth(text: string, width: number): string {
  const w = measureWidth(text);
  return w >= width ? text : text + " ".repeat(width - w);
}

export function padStartToWidth(text: string, width: number): string {
  const w = measureWidth(text);
  return w >= width ? text : " ".repeat(width - w) + text;
}

/** Fits `text` into exactly `width` cells: truncated with "…" or padded. */
export function fitToWidth(text: string, width: number, align: "left" | "right" = "left"): string {
  const cut = truncateToWidth(text, width);
  return align === "left" ? padEndToWidth(cut, width) : padStartToWidth(cut, width);
}

/**
 * Word-wraps a paragraph to `width` cells. Words longer than a line (URIs, CJK runs without spaces) are
 * broken by width. Existing line feeds start new lines.
 */
export function wrapToWidth(text: string, width: number): string[] {
  const limit = Math.max(8, width);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineW = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word.length === 0) continue;
      const ww = measureWidth(word);
      if (lineW > 0 && lineW + 1 + ww <= limit) {
        line += ` ${word}`;
        lineW += 1 + ww;
        continue;
      }
      if (lineW > 0) lines.push(line);
      line = "";
      lineW = 0;
      for (const ch of word) {
        const cw = measureCodePoint(ch);
        if (lineW + cw > limit) {
          lines.push(line);
          line = "";
          lineW = 0;
        }
        line += ch;
        lineW += cw;
      }
    }
    lines.push(line);
  }
  return lines;
}
