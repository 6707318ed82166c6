import { describe, expect, it } from "vitest";
import { CATALOGUE, compareCodes, explainCode, LANGS } from "../../src/knowledge/index.js";

describe("explainCode", () => {
  it("gives the catalogue page for a registered code", () => {
    const p = explainCode(430, "en");
    expect(p.registered).toBe(true);
    expect(p.reference).toBe("RFC 5626 §11.5");
    expect(p.cls.id).toBe("4xx");
    expect(p.notice).toBeNull();
  });

  it.each(LANGS)("gives 499 a class-based 4xx page with registered=false (%s)", (lang) => {
    const p = explainCode(499, lang);
    expect(p.registered).toBe(false);
    expect(p.cls.id).toBe("4xx");
    expect(p.reason).toBeNull();
    expect(p.notice).toContain("499");
    expect(p.description).toContain("400 Bad Request");
    expect(p.howToFix.length).toBeGreaterThan(0);
  });

  it.each(LANGS)("gives 799 a page saying there is no such class, registered=false (%s)", (lang) => {
    const p = explainCode(799, lang);
    expect(p.registered).toBe(false);
    expect(p.cls.id).toBeNull();
    expect(p.description).toContain("799");
    expect(p.reference).toBe("RFC 3261 §7.2");
  });

  it("treats an unknown provisional code like 183, not 100", () => {
    expect(explainCode(150, "en").description).toContain("183 Session Progress");
  });
});

describe("compareCodes", () => {
  it.each(LANGS)("names 2xx against 4xx for 202 vs 430 (%s)", (lang) => {
    const p = compareCodes(202, 430, lang);
    expect(p.keyDifference[0]).toMatch(/202.*2xx.*430.*4xx/su);
    expect(p.intro).toMatch(/2xx.*4xx/su);
    expect(p.a.code).toBe(202);
    expect(p.b.code).toBe(430);
    expect(p.whenToUseWhich).toHaveLength(3);
    expect(p.whenToUseWhich[1]).toContain(p.a.howToFix[0]);
    expect(p.whenToUseWhich[2]).toContain(p.b.howToFix[0]);
  });

  it("titles the page like the seeds", () => {
    expect(compareCodes(302, 430, "en").title).toBe("SIP 302 Moved Temporarily vs 430 Flow Failed");
  });

  it("says when both codes share a class and an RFC", () => {
    const p = compareCodes(430, 439, "en");
    expect(p.keyDifference[0]).toContain("both 4xx");
    expect(p.keyDifference).toContain("Both codes are defined in RFC 5626.");
  });

  it("works for every pair of registered codes in every language", () => {
    const codes = CATALOGUE.map((e) => e.code);
    let pages = 0;
    for (const lang of LANGS) {
      for (const a of codes) {
        for (const b of codes) {
          const p = compareCodes(a, b, lang);
          if (p.keyDifference.length < 4 || p.whenToUseWhich.length !== 3) throw new Error(`${String(a)} ${String(b)} ${lang}`);
          pages++;
        }
      }
    }
    expect(pages).toBe(75 * 75 * 3);
  });

  it("compares an unregistered code by its class", () => {
    const p = compareCodes(499, 486, "en");
    expect(p.a.registered).toBe(false);
    expect(p.keyDifference[0]).toContain("both 4xx");
  });
});
