import { describe, expect, it } from "vitest";
import { renderLadderSvg } from "../../src/render/ladder-svg.js";
import { HOSTILE_CALL, TRANSFER_CALL_A, sampleEverything } from "../helpers/sample-documents.js";

/** Characters XML 1.0 does not allow (§2.2), raw. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every `<` opens a tag or comment/PI and every `&` is an entity: no markup comes from data. */
function wellFormedEnough(svg: string): boolean {
  const text = svg.replace(/<[^<>]*>/g, "");
  return !/[<>]/.test(text) && !/&(?!(amp|lt|gt|quot|#39);)/.test(svg);
}

describe("renderLadderSvg", () => {
  const { doc } = sampleEverything(0);

  it("writes a standalone SVG with its own styles and no external resources", () => {
    const svg = renderLadderSvg(doc, [TRANSFER_CALL_A], {});
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("<style>");
    expect(svg).toContain("prefers-color-scheme:dark");
    expect(/@import|url\(|href=|@font-face/.test(svg)).toBe(false);
    expect(svg.match(/<g class="msg/g)?.length).toBe(14);
    expect(svg).toContain(">10.0.0.1:5060</text>");
    expect(svg).toContain('class="msg sev-ok"');
    expect(svg).toContain('class="msg retr"');
    expect(wellFormedEnough(svg)).toBe(true);
  });

  it("makes arrows focusable with data-msg when interactive, and a fragment without styles", () => {
    const svg = renderLadderSvg(doc, [TRANSFER_CALL_A], { standalone: false, interactive: true });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toContain("<style>");
    expect(svg).toMatch(/<g class="msg[^"]*" data-msg="0"(?: data-frame="\d+")? tabindex="0" role="button" aria-label="INVITE from 10\.0\.0\.1:5060 to 10\.0\.0\.2:5060/);
  });

  it("escapes hostile text and leaves no XML-invalid characters", () => {
    const svg = renderLadderSvg(doc, [HOSTILE_CALL], {});
    expect(XML_INVALID.test(svg)).toBe(false);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("\\u202e");
    expect(wellFormedEnough(svg)).toBe(true);
  });
});
