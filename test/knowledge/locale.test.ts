import { describe, expect, it } from "vitest";
import { CATALOGUE, LANGS, uiStrings } from "../../src/knowledge/index.js";
import type { Headings } from "../../src/knowledge/index.js";
import { CJK, CONTROL, VI_DIACRITIC } from "./lang-checks.js";

function textsOf(code: number, lang: "en" | "vi" | "zh"): string[] {
  const e = CATALOGUE.find((x) => x.code === code);
  if (e === undefined) throw new Error(String(code));
  const t = e.texts[lang];
  return [t.description, ...t.whenYouSeeIt, ...t.howToFix];
}

describe("catalogue locales", () => {
  it.each(CATALOGUE.map((e) => e.code))("%i has every field in en, vi and zh, translated", (code) => {
    const e = CATALOGUE.find((x) => x.code === code);
    expect(e).toBeDefined();
    for (const lang of LANGS) {
      const t = e?.texts[lang];
      // Chinese packs about three times more per character.
      expect(t?.description.length ?? 0, `${String(code)} ${lang}`).toBeGreaterThan(lang === "zh" ? 15 : 40);
      expect(t?.whenYouSeeIt.length ?? 0).toBeGreaterThan(0);
      expect(t?.howToFix.length ?? 0).toBeGreaterThan(0);
      for (const s of textsOf(code, lang)) expect(s).not.toMatch(CONTROL);
    }
    const en = textsOf(code, "en");
    const vi = textsOf(code, "vi");
    const zh = textsOf(code, "zh");
    expect(vi).toHaveLength(en.length);
    expect(zh).toHaveLength(en.length);
    vi.forEach((s, i) => {
      expect(s, `vi text ${String(i)} of ${String(code)} is the English one`).not.toBe(en[i]);
      expect(s, `vi text ${String(i)} of ${String(code)} has no Vietnamese letters`).toMatch(VI_DIACRITIC);
    });
    zh.forEach((s, i) => {
      expect(s, `zh text ${String(i)} of ${String(code)} is the English one`).not.toBe(en[i]);
      expect(s, `zh text ${String(i)} of ${String(code)} has no Chinese characters`).toMatch(CJK);
    });
  });
});

describe("UI strings", () => {
  const keys: (keyof Headings)[] = Object.keys(uiStrings("en").headings) as (keyof Headings)[];

  it("uses the client's headings", () => {
    expect(uiStrings("vi").headings.description).toBe("Mô tả");
    expect(uiStrings("vi").headings.whenYouSeeIt).toBe("Khi bạn thấy mã này");
    expect(uiStrings("vi").headings.howToFix).toBe("Cách khắc phục");
    expect(uiStrings("vi").headings.keyDifference).toBe("Sự khác biệt chính");
    expect(uiStrings("vi").headings.whenToUseWhich).toBe("Khi nào dùng cái nào");
    expect(uiStrings("zh").headings.description).toBe("描述");
    expect(uiStrings("zh").headings.whenYouSeeIt).toBe("何时出现");
    expect(uiStrings("zh").headings.howToFix).toBe("如何修复");
    expect(uiStrings("zh").headings.keyDifference).toBe("主要区别");
    expect(uiStrings("zh").headings.whenToUseWhich).toBe("何时使用哪个");
  });

  it("translates every heading and class name", () => {
    for (const k of keys) {
      expect(uiStrings("zh").headings[k], k).toMatch(CJK);
      expect(uiStrings("vi").headings[k], k).not.toBe(uiStrings("en").headings[k]);
    }
    for (const cls of ["1xx", "2xx", "3xx", "4xx", "5xx", "6xx"] as const) {
      for (const field of ["name", "summary", "use"] as const) {
        expect(uiStrings("zh").classes[cls][field]).toMatch(CJK);
        expect(uiStrings("vi").classes[cls][field]).toMatch(VI_DIACRITIC);
        expect(uiStrings("vi").classes[cls][field]).not.toBe(uiStrings("en").classes[cls][field]);
      }
    }
  });

  it("formats durations per locale", () => {
    expect(uiStrings("en").duration(2140)).toBe("2.1 s");
    expect(uiStrings("vi").duration(2140)).toBe("2,1 giây");
    expect(uiStrings("zh").duration(2140)).toBe("2.1 秒");
    expect(uiStrings("en").duration(850)).toBe("850 ms");
    expect(uiStrings("en").duration(125_000)).toBe("2 min 5 s");
  });
});
