/**
 * One width policy for the terminal tables (`calls`, `messages`): columns take their natural width; when the
 * table must fit `width` cells, flexible columns give way in their `yield` order (lower first), optional columns
 * are dropped in `dropRank` order, and the key column (yield Infinity: the Call-ID) shrinks last and is never
 * dropped. With `width` = Infinity (output that is not a terminal) nothing is capped or cut.
 * Cells must already be escaped for the terminal (escapeTerminal); measuring is by display cells.
 */
import { fitToWidth, measureWidth, padEndToWidth, padStartToWidth } from "./text-width.js";

export interface TableColumn<R> {
  readonly header: string;
  readonly align: "left" | "right";
  /** Narrowest the column gets before it is dropped or the table is left wider than asked. */
  readonly min: number;
  /** Widest the column gets when the table is fitted to a finite width (ignored when unlimited). */
  readonly max: number;
  /** Order in which flexible columns shrink towards `min` (lower first); null: fixed width. */
  readonly yield: number | null;
  /** Order in which optional columns are dropped (1 first); null: never dropped. */
  readonly dropRank: number | null;
  readonly cell: (row: R) => string;
}

export interface FittedColumn<R> {
  readonly col: TableColumn<R>;
  w: number;
}

export const TABLE_GAP = 2;

function totalWidth<R>(cols: readonly FittedColumn<R>[]): number {
  return cols.reduce((n, c) => n + c.w, 0) + TABLE_GAP * Math.max(0, cols.length - 1);
}

/** Shrinks the columns of the lowest yield group first, one cell at a time from the widest, until `width` fits. */
function shrink<R>(cols: readonly FittedColumn<R>[], width: number, keyToo: boolean): void {
  const groups = [...new Set(cols.map((c) => c.col.yield).filter((y): y is number => y !== null && (keyToo || y !== Infinity)))].sort((a, b) => a - b);
  for (const group of groups) {
    for (let over = totalWidth(cols) - width; over > 0; over--) {
      let widest: FittedColumn<R> | undefined;
      for (const c of cols) {
        if (c.col.yield === group && c.w > Math.max(c.col.min, measureWidth(c.col.header)) && (widest === undefined || c.w > widest.w)) widest = c;
      }
      if (widest === undefined) break;
      widest.w -= 1;
    }
    if (totalWidth(cols) <= width) return;
  }
}

/** Column widths for `rows` within `width` cells (Infinity: natural widths, nothing cut). */
export function fitColumns<R>(rows: readonly R[], width: number, columns: readonly TableColumn<R>[]): FittedColumn<R>[] {
  const limited = Number.isFinite(width);
  let cols: FittedColumn<R>[] = columns.map((col) => {
    let w = measureWidth(col.header);
    for (const r of rows) w = Math.max(w, measureWidth(col.cell(r)));
    return { col, w: limited ? Math.min(col.max, w) : w };
  });
  if (!limited) return cols;
  // Other columns give way first: shrink them, then drop optional ones; the key column shrinks last.
  shrink(cols, width, false);
  const ranks = [...new Set(cols.map((c) => c.col.dropRank).filter((r): r is number => r !== null))].sort((a, b) => a - b);
  for (const rank of ranks) {
    if (totalWidth(cols) <= width) break;
    cols = cols.filter((c) => c.col.dropRank !== rank);
    shrink(cols, width, false);
  }
  shrink(cols, width, true);
  return cols;
}

/**
 * One table line. `cut`: cells are cut to their column with "…" (terminal); otherwise a cell wider than its
 * column is printed whole and pushes the rest of the line (streamed rows measured on a sample).
 */
export function formatTableLine<R>(cols: readonly FittedColumn<R>[], cellOf: (c: FittedColumn<R>) => string, cut: boolean, style?: (c: FittedColumn<R>, text: string) => string): string {
  const cells = cols.map((c) => {
    const raw = cellOf(c);
    const text = cut ? fitToWidth(raw, c.w, c.col.align) : c.col.align === "left" ? padEndToWidth(raw, c.w) : padStartToWidth(raw, c.w);
    return style === undefined ? text : style(c, text);
  });
  return cells.join(" ".repeat(TABLE_GAP)).trimEnd();
}

export function formatTableHeader<R>(cols: readonly FittedColumn<R>[], cut: boolean): string {
  return formatTableLine(cols, (c) => c.col.header, cut);
}
