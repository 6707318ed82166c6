import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/render/markdown-escape.js";
import { renderMarkdownReport } from "../../src/render/report-markdown.js";
import { sampleEverything, sampleHostile } from "../helpers/sample-documents.js";

describe("renderMarkdownReport", () => {
  it("has the summary, outcomes, the call list, per-call tables, Mermaid ladders and annotations", () => {
    const { doc } = sampleEverything(2);
    const md = renderMarkdownReport(doc, { onlyAnnotated: false });
    expect(md.startsWith("# sipta report\n")).toBe(true);
    expect(md).toContain("| Messages | Requests | Responses |");
    expect(md).toContain("| ✔ ok | refer | transfer-succeeded | 1 |");
    expect(md).toContain("## Calls\n\n| # | Start |");
    expect(md).toContain("## Call 1: INVITE completed 200 ✔");
    expect(md).toContain("```mermaid\nsequenceDiagram");
    expect(md).toContain("> **✔ 202 Accepted · refer: transfer-succeeded** (09:15:09.011, frame 8; RFC 3515 §2.4.4)");
    expect(md).toContain("> - Nothing to fix.");
  });

  it("with onlyAnnotated keeps only calls and rows that have findings", () => {
    const { doc } = sampleEverything(2);
    const md = renderMarkdownReport(doc, { onlyAnnotated: true, ladders: false });
    expect(md).not.toContain("## Call 2:");
    expect(md).toContain("## Call 3:");
    expect(md).not.toContain("```mermaid");
    expect(md.includes('| REFER |')).toBe(false);
  });

  it("escapes hostile strings: no raw HTML, no control characters, table cells intact", () => {
    const md = renderMarkdownReport(sampleHostile().doc, { onlyAnnotated: false });
    expect(/<script|<img|<\/script/.test(md)).toBe(false);
    expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(md)).toBe(false);
    expect(md).toContain("&lt;script&gt;");
    const row = md.split("\n").find((l) => l.includes("488 Not Here")) ?? "";
    expect(row.replace(/\\\|/g, "").split("|").length).toBe(9);
    expect(row.length).toBeLessThan(2000); // long values are cut
  });

  it("escapes Markdown syntax in capture text", () => {
    expect(escapeMarkdown("*bold* _it_ `code` [x](y) a|b ~s~ #h")).toBe("\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](y) a\\|b \\~s\\~ \\#h");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("1. item")).toBe("1\\. item");
    expect(escapeMarkdown("10.0.0.1:5060")).toBe("10.0.0.1:5060");
    expect(escapeMarkdown("<b>&amp;")).toBe("&lt;b&gt;&amp;amp;");
  });
});
