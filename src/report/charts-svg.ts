/**
 * The report's charts as inline SVG drawn here: no library, no script, nothing fetched, colours from classes in
 * the page's hashed stylesheet (no style attributes, which the CSP would block). Labels are escaped; every bar
 * carries its number as text, so the chart says what the table says.
 */
import { escapeXml } from "../render/xml-escape.js";

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** A class for the bar's colour: ok, info, warning, error, neutral. */
  readonly tone?: string;
}

const ROW = 22;
const LABEL_W = 190;
const BAR_W = 360;

/** Horizontal bars, one per item, scaled to the largest. */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  if (bars.length === 0) return "";
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;
  const width = LABEL_W + BAR_W + 70;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW;
    const w = Math.round((BAR_W * b.value) / max);
    return `<g class="bar ${b.tone ?? "neutral"}"><text class="label" x="${LABEL_W - 6}" y="${y + 15}">${escapeXml(b.label)}</text><rect x="${LABEL_W}" y="${y + 3}" width="${Math.max(w, b.value > 0 ? 1 : 0)}" height="${ROW - 6}"/><text class="value" x="${LABEL_W + w + 6}" y="${y + 15}">${b.value}</text></g>`;
  });
  return `<figure class="chart"><svg class="chart" id="${escapeXml(id)}" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeXml(title)}</title>${rows.join("")}</svg><figcaption>${escapeXml(title)}</figcaption></figure>`;
}

export interface Column {
  readonly label: string;
  readonly parts: readonly { readonly value: number; readonly tone: string }[];
}

/** Stacked columns over time (failures per bucket), with a legend. */
export function stackedColumns(id: string, title: string, columns: readonly Column[], legend: readonly { readonly label: string; readonly tone: string }[]): string {
  if (columns.length === 0) return "";
  const plotH = 160;
  const colW = Math.max(6, Math.min(28, Math.floor(720 / columns.length)));
  const left = 40;
  const width = left + columns.length * colW + 20;
  const height = plotH + 70;
  const max = Math.max(1, ...columns.map((c) => c.parts.reduce((s, p) => s + p.value, 0)));
  const cols = columns.map((c, i) => {
    let y = plotH + 10;
    const x = left + i * colW;
    const rects = c.parts
      .filter((p) => p.value > 0)
      .map((p) => {
        const h = Math.max(1, Math.round((plotH * p.value) / max));
        y -= h;
        return `<rect class="${p.tone}" x="${x + 1}" y="${y}" width="${colW - 2}" height="${h}"><title>${escapeXml(c.label)}: ${p.value}</title></rect>`;
      });
    return `<g class="col">${rects.join("")}</g>`;
  });
  const first = columns[0]?.label ?? "";
  const last = columns[columns.length - 1]?.label ?? "";
  const keys = legend.map((l, i) => `<g class="bar ${l.tone}"><rect x="${left + i * 130}" y="${plotH + 48}" width="12" height="12"/><text class="label-left" x="${left + i * 130 + 16}" y="${plotH + 58}">${escapeXml(l.label)}</text></g>`);
  return `<figure class="chart"><svg class="chart" id="${escapeXml(id)}" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeXml(title)}</title>
<line class="axis" x1="${left}" y1="${plotH + 10}" x2="${width - 10}" y2="${plotH + 10}"/><text class="value" x="4" y="18">${max}</text>
${cols.join("")}<text class="label-left" x="${left}" y="${plotH + 28}">${escapeXml(first)}</text><text class="label" x="${width - 10}" y="${plotH + 28}">${escapeXml(last)}</text>${keys.join("")}</svg><figcaption>${escapeXml(title)}</figcaption></figure>`;
}
