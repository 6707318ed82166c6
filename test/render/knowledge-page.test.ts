import { describe, expect, it } from "vitest";
import { compareCodes, explainCode, LANGS } from "../../src/knowledge/index.js";
import { escapeMarkdown, renderCodePage, renderComparePage, wrapText } from "../../src/render/knowledge-page.js";

function columns(line: string): number {
  let w = 0;
  for (const ch of line) w += /[\u2e80-\ua4cf\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return w;
}

describe("knowledge page rendering", () => {
  it("renders the seeds' headings in Vietnamese and Chinese", () => {
    const vi = renderComparePage(compareCodes(202, 430, "vi"), "text");
    for (const h of ["Mô tả", "Khi bạn thấy mã này", "Cách khắc phục", "Sự khác biệt chính", "Khi nào dùng cái nào"]) expect(vi).toContain(h);
    const zh = renderComparePage(compareCodes(302, 430, "zh"), "text");
    for (const h of ["描述", "何时出现", "如何修复", "主要区别", "何时使用哪个"]) expect(zh).toContain(h);
  });

  it.each(LANGS)("wraps terminal text at 80 columns (%s)", (lang) => {
    const text = renderComparePage(compareCodes(202, 430, lang), "text") + renderCodePage(explainCode(503, lang), "text");
    // One CJK punctuation mark may overhang (it never starts a line).
    for (const line of text.split("\n")) expect(columns(line), line).toBeLessThanOrEqual(82);
  });

  it("does not start a line with CJK closing punctuation", () => {
    const out = wrapText("一二三四五六七八九十，一二三", "", "", 20);
    for (const line of out.split("\n")) expect(line.startsWith("，")).toBe(false);
  });

  it("renders Markdown with headings and numbered steps", () => {
    const md = renderCodePage(explainCode(486, "en"), "markdown");
    expect(md.startsWith("# SIP 486 Busy Here\n")).toBe(true);
    expect(md).toContain("## How to fix");
    expect(md).toMatch(/^1\. /mu);
  });

  it("escapes Markdown metacharacters", () => {
    expect(escapeMarkdown("a *b* [c](d) <e>")).toBe("a \\*b\\* \\[c\\]\\(d\\) \\<e\\>");
  });

  it("renders JSON that round-trips the page", () => {
    const page = explainCode(799, "zh");
    expect(JSON.parse(renderCodePage(page, "json"))).toEqual(page);
    const cmp = compareCodes(202, 430, "en");
    expect(JSON.parse(renderComparePage(cmp, "json"))).toEqual(cmp);
  });
});
