/**
 * A fixed-width grid of terminal cells with a style per cell, for drawing ladders. Wide characters take two
 * cells; text past the right edge is clipped. Styles become SGR codes only when colour is on.
 * Text written here must already be escaped (escapeTerminal).
 */
import type { TextStyle } from "./terminal.js";
import { sgrFor, sgrReset } from "./terminal.js";
import { measureCodePoint } from "./text-width.js";

interface Cell {
  ch: string;
  style: TextStyle;
}

export class CellCanvas {
  private readonly cells: Cell[];

  constructor(readonly width: number) {
    this.cells = Array.from({ length: width }, () => ({ ch: " ", style: "plain" }));
  }

  /** Writes `text` from column `x`; returns the column after the last cell written. */
  put(x: number, text: string, style: TextStyle = "plain"): number {
    let col = x;
    let last: Cell | undefined;
    for (const ch of text) {
      const w = measureCodePoint(ch);
      if (w === 0) {
        if (last !== undefined) last.ch += ch;
        continue;
      }
      if (col < 0 || col + w > this.width) break;
      const cell = this.cells[col];
      if (cell === undefined) break;
      cell.ch = ch;
      cell.style = style;
      last = cell;
      if (w === 2) {
        const next = this.cells[col + 1];
        if (next !== undefined) {
          next.ch = "";
          next.style = style;
        }
      }
      col += w;
    }
    return col;
  }

  /** Repeats one narrow character over [from, to). */
  fill(from: number, to: number, ch: string, style: TextStyle = "plain"): void {
    for (let x = Math.max(0, from); x < Math.min(to, this.width); x++) {
      const cell = this.cells[x];
      if (cell !== undefined) {
        cell.ch = ch;
        cell.style = style;
      }
    }
  }

  render(color: boolean): string {
    let out = "";
    let current: TextStyle = "plain";
    for (const cell of this.cells) {
      if (color && cell.style !== current) {
        out += sgrReset(current !== "plain") + sgrFor(cell.style, true);
        current = cell.style;
      }
      out += cell.ch;
    }
    if (color && current !== "plain") out += sgrReset(true);
    return out.replace(/ +$/, "");
  }
}
