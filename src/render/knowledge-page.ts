/**
 * Renders the knowledge base's pages (`sipta explain`, `sipta compare`) as terminal text, Markdown or JSON.
 * Text wraps at a fixed width, counting CJK characters as two columns and breaking between them.
 */
import type { CodePage, ComparePage, Lang } from "../knowledge/index.js";
import { uiStrings } from "../knowledge/index.js";

export type KnowledgeFormat = "text" | "markdown" | "json";

const WIDTH = 80;

const NO_LINE_START: ReadonlySet<string> = new Set(["，", "。", "、", "；", "：", "）", "」", "』", "！", "？", "”", "’"]);

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6)
  );
}

function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

/** Splits into wrap units: runs of non-space narrow text, and single wide characters; spaces are kept as " ". */
function tokenize(text: string): string[] {
  const out: string[] = [];
  let word = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === " " || ch === "\t" || ch === "\n") {
      if (word !== "") out.push(word);
      word = "";
      out.push(" ");
    } else if (isWide(cp)) {
      if (word !== "") out.push(word);
      word = "";
      out.push(ch);
    } else {
      word += ch;
    }
  }
  if (word !== "") out.push(word);
  return out;
}

/** Greedy wrap; `first` prefixes the first line, `rest` the following ones. */
export function wrapText(text: string, first: string, rest: string, width = WIDTH): string {
  const lines: string[] = [];
  let line = first;
  let lineWidth = widthOf(first);
  let lineHasContent = false;
  let pendingSpace = false;
  for (const tok of tokenize(text)) {
    if (tok === " ") {
      pendingSpace = lineHasContent;
      continue;
    }
    const tw = widthOf(tok);
    const sp = pendingSpace ? 1 : 0;
    // CJK closing punctuation never starts a line (kinsoku): let it overhang instead.
    const noBreakBefore = !pendingSpace && NO_LINE_START.has(tok);
    if (lineHasContent && !noBreakBefore && lineWidth + sp + tw > width) {
      lines.push(line.trimEnd());
      line = rest + tok;
      lineWidth = widthOf(rest) + tw;
    } else {
      line += (pendingSpace ? " " : "") + tok;
      lineWidth += sp + tw;
    }
    lineHasContent = true;
    pendingSpace = false;
  }
  lines.push(line.trimEnd());
  return lines.join("\n");
}

function underline(title: string, ch: string): string {
  return `${title}\n${ch.repeat(Math.min(WIDTH, widthOf(title)))}`;
}

function textSection(heading: string, items: readonly string[], style: "para" | "bullet" | "number"): string {
  const body = items.map((item, i) => {
    if (style === "para") return wrapText(item, "  ", "  ");
    const mark = style === "bullet" ? "- " : `${String(i + 1)}. `;
    return wrapText(item, `  ${mark}`, " ".repeat(2 + mark.length));
  });
  return `${heading}\n${body.join("\n")}`;
}

function codeTextBlocks(page: CodePage, lang: Lang): string[] {
  const h = uiStrings(lang).headings;
  return [
    textSection(h.description, [page.description], "para"),
    textSection(h.whenYouSeeIt, page.whenYouSeeIt, "bullet"),
    textSection(h.howToFix, page.howToFix, "number"),
  ];
}

function codeMeta(page: CodePage, lang: Lang): string {
  const ui = uiStrings(lang);
  const h = ui.headings;
  const sep = lang === "zh" ? "：" : ": ";
  const lines = [`${h.responseClass}${sep}${page.cls.name}`];
  if (page.reason !== null) lines.push(`${h.reasonPhrase}${sep}${page.reason}${page.deprecated ? ` (${ui.deprecated})` : ""}`);
  if (page.reference !== null) lines.push(`${h.reference}${sep}${page.reference}`);
  if (page.seeAlso.length > 0) lines.push(`${h.seeAlso}${sep}${page.seeAlso.join(", ")}`);
  if (page.notice !== null) lines.push(wrapText(page.notice, `${h.notice}${sep}`, "  "));
  return lines.join("\n");
}

function renderCodeText(page: CodePage): string {
  return [underline(page.title, "="), codeMeta(page, page.lang), ...codeTextBlocks(page, page.lang)].join("\n\n") + "\n";
}

function renderCompareText(page: ComparePage): string {
  const h = uiStrings(page.lang).headings;
  const side = (p: CodePage): string => [underline(p.title, "-"), codeMeta(p, page.lang), ...codeTextBlocks(p, page.lang)].join("\n\n");
  return (
    [
      underline(page.title, "="),
      wrapText(page.intro, "", ""),
      side(page.a),
      side(page.b),
      underline(h.keyDifference, "-") + "\n" + page.keyDifference.map((t) => wrapText(t, "  - ", "    ")).join("\n"),
      underline(h.whenToUseWhich, "-") + "\n" + page.whenToUseWhich.map((t) => wrapText(t, "  - ", "    ")).join("\n"),
    ].join("\n\n") + "\n"
  );
}

/** Escapes text so Markdown shows it literally (capture-derived text may contain anything). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, "\uFFFD");
}

function mdCodeBody(page: CodePage, lang: Lang, level: string): string[] {
  const ui = uiStrings(lang);
  const h = ui.headings;
  const sep = lang === "zh" ? "：" : ": ";
  const meta = [`- **${escapeMarkdown(h.responseClass)}**${sep}${escapeMarkdown(page.cls.name)}`];
  if (page.reason !== null) meta.push(`- **${escapeMarkdown(h.reasonPhrase)}**${sep}${escapeMarkdown(page.reason)}${page.deprecated ? ` (${escapeMarkdown(ui.deprecated)})` : ""}`);
  if (page.reference !== null) meta.push(`- **${escapeMarkdown(h.reference)}**${sep}${escapeMarkdown(page.reference)}`);
  if (page.seeAlso.length > 0) meta.push(`- **${escapeMarkdown(h.seeAlso)}**${sep}${escapeMarkdown(page.seeAlso.join(", "))}`);
  const out = [meta.join("\n")];
  if (page.notice !== null) out.push(`> **${escapeMarkdown(h.notice)}**${sep}${escapeMarkdown(page.notice)}`);
  out.push(`${level} ${escapeMarkdown(h.description)}`, escapeMarkdown(page.description));
  out.push(`${level} ${escapeMarkdown(h.whenYouSeeIt)}`, page.whenYouSeeIt.map((t) => `- ${escapeMarkdown(t)}`).join("\n"));
  out.push(`${level} ${escapeMarkdown(h.howToFix)}`, page.howToFix.map((t, i) => `${String(i + 1)}. ${escapeMarkdown(t)}`).join("\n"));
  return out;
}

function renderCodeMarkdown(page: CodePage): string {
  return [`# ${escapeMarkdown(page.title)}`, ...mdCodeBody(page, page.lang, "##")].join("\n\n") + "\n";
}

function renderCompareMarkdown(page: ComparePage): string {
  const h = uiStrings(page.lang).headings;
  return (
    [
      `# ${escapeMarkdown(page.title)}`,
      escapeMarkdown(page.intro),
      `## ${escapeMarkdown(page.a.title)}`,
      ...mdCodeBody(page.a, page.lang, "###"),
      `## ${escapeMarkdown(page.b.title)}`,
      ...mdCodeBody(page.b, page.lang, "###"),
      `## ${escapeMarkdown(h.keyDifference)}`,
      page.keyDifference.map((t) => `- ${escapeMarkdown(t)}`).join("\n"),
      `## ${escapeMarkdown(h.whenToUseWhich)}`,
      page.whenToUseWhich.map((t) => `- ${escapeMarkdown(t)}`).join("\n"),
    ].join("\n\n") + "\n"
  );
}

export function renderCodePage(page: CodePage, format: KnowledgeFormat): string {
  switch (format) {
    case "text":
      return renderCodeText(page);
    case "markdown":
      return renderCodeMarkdown(page);
    case "json":
      return JSON.stringify(page, null, 2) + "\n";
  }
}

export function renderComparePage(page: ComparePage, format: KnowledgeFormat): string {
  switch (format) {
    case "text":
      return renderCompareText(page);
    case "markdown":
      return renderCompareMarkdown(page);
    case "json":
      return JSON.stringify(page, null, 2) + "\n";
  }
}
