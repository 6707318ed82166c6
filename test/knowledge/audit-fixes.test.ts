/**
 * The knowledge audit's text fixes (../shared/reviews/knowledge-audit.md, R1-R9, T1-T23) pinned in en, vi and zh:
 * each assertion fails on the text as it was before the fix.
 */
import { describe, expect, it } from "vitest";
import { findEntry } from "../../src/knowledge/catalogue/index.js";
import { compareCodes, describeAnnotation, LANGS, uiStrings } from "../../src/knowledge/index.js";
import type { CodeTexts, Lang, MessageContext } from "../../src/knowledge/index.js";
import type { RedirectDetails } from "../../src/model/document.js";
import { nextStepsLabel } from "../../src/render/next-steps-label.js";

function texts(code: number, lang: Lang): CodeTexts {
  const e = findEntry(code);
  if (e === null) throw new Error(String(code));
  return e.texts[lang];
}
const all = (t: CodeTexts): string => [t.description, ...t.whenYouSeeIt, ...t.howToFix].join(" ");

describe("references (R4-R8)", () => {
  it("cites the precise sections", () => {
    const sec = (code: number): string[] => {
      const e = findEntry(code);
      return e === null ? [] : [`${e.ref.rfc} ${e.ref.section ?? ""}`, ...e.seeAlso.map((r) => `${r.rfc} ${r.section ?? ""}`)];
    };
    expect(sec(202)).toContain("7647 5");
    expect(sec(489)[0]).toBe("6665 8.3.2");
    expect(sec(430)).toEqual(expect.arrayContaining(["5626 5.3.1", "5626 7", "5626 4.4", "5626 4.5"]));
    expect(sec(439)).toContain("5626 4.2.1");
    expect(sec(429)[0]).toBe("3892 5");
  });
});

describe("catalogue texts, every language", () => {
  it.each(LANGS)("430 (T2): retry over another reg-id (§7), re-register at once, back-off only after a failed attempt (%s)", (lang) => {
    const t = all(texts(430, lang));
    expect(t).toContain("RFC 5626 §7");
    expect(t).toMatch(/30/u);
    expect(t).not.toMatch(/drop the failed binding|bỏ binding đã hỏng|并删除失败的绑定/u);
    expect(t).not.toMatch(/with the back-off of RFC 5626 §4\.5|với thời gian chờ tăng dần theo RFC 5626 §4\.5|按 RFC 5626 §4\.5 的退避/u);
  });

  it.each(LANGS)("202 (T7, R9): both halves of RFC 7647 §5; no 'a BYE may have ended it' (T5) (%s)", (lang) => {
    const t = all(texts(202, lang));
    expect(t).toContain("RFC 7647 §5");
    expect(t).toContain("RFC 5057 §4");
    expect(t).toContain("200");
    expect(all(texts(200, lang))).toContain("RFC 7647 §5");
  });

  it.each(LANGS)("302 (T8): should, new Call-ID allowed, ACK automatic, one retry without Expires (%s)", (lang) => {
    const fix = texts(302, lang).howToFix[0] ?? "";
    expect(fix).toContain("§21.3.3");
    expect(fix).not.toMatch(/higher CSeq|tăng CSeq|CSeq 递增/u);
  });

  it.each(LANGS)("480 / 408 (T9): ISUP 19, 20, 31 to 480, 18 to 408 (%s)", (lang) => {
    expect(all(texts(480, lang))).toMatch(/19.*20.*31/su);
    expect(all(texts(408, lang))).toContain("18");
  });

  it.each(LANGS)("429 (T11), 305 (T12), 439 (T13), 380 (T14), 408 (T15), 503 (T16), 500 (T17), 603 (T18), 430 (T19), 604 (T21) (%s)", (lang) => {
    expect(all(texts(429, lang))).toContain("RFC 3892 §5");
    expect(all(texts(429, lang))).toContain("S/MIME");
    expect(all(texts(305, lang))).toContain("§21.3.4");
    expect(all(texts(439, lang))).toContain("§4.2.1");
    expect(all(texts(439, lang))).toMatch(/Supported/u);
    expect(all(texts(380, lang))).toContain("24.229");
    expect(all(texts(408, lang))).toContain("§16.8");
    expect(all(texts(503, lang))).toContain("§21.5.4");
    expect(all(texts(503, lang))).toContain("§16.7");
    expect(all(texts(500, lang))).toContain("491");
    expect(all(texts(603, lang))).toContain("RFC 8688");
    expect(all(texts(604, lang))).toContain("RFC 3398");
    expect(all(texts(430, lang))).toContain("Record-Route");
  });
});

describe("annotation and page texts", () => {
  const ctx: MessageContext = { label: (i) => `frame ${String(i + 1)}`, timeUs: () => null, code: 302, reason: "Moved Temporarily", method: "INVITE", responseTimeUs: null };
  const one: RedirectDetails = {
    request: 0, requestUri: "sip:bob@example.com", contacts: [{ uri: "sip:bob@192.0.2.7", q: null }], ack: 2, retry: 3,
    retryUri: "sip:bob@192.0.2.7", retryCallId: "c1", retryStatus: 200, retries: [{ message: 3, uri: "sip:bob@192.0.2.7", status: 200 }],
    toPreserved: true, loopTarget: null, status: 302, meaning: "moved-temporarily",
  };

  it.each(LANGS)("T3: one Contact and one retry is no 'further Contact'; R3: q order is usual, not required (%s)", (lang) => {
    const t = describeAnnotation({ kind: "redirect", outcome: "followed", code: 302, details: one, ctx }, lang);
    expect(t.explanation).not.toMatch(/further Contact|thêm 1 Contact|另外 1 个/u);
    expect(t.explanation).toContain("§8.1.3.4");
    expect(t.explanation).toMatch(/any order|thứ tự bất kỳ|任意顺序/u);
  });

  it.each(LANGS)("T10: the 202/430 compare page says who sends each code instead of '430 when the request is at fault' (%s)", (lang) => {
    const page = compareCodes(202, 430, lang);
    const first = page.whenToUseWhich[0] ?? "";
    expect(first).toMatch(/edge proxy|边缘代理/u);
    expect(first).not.toMatch(/request itself is at fault|chính yêu cầu có lỗi|请求本身有问题/u);
  });

  it("3.2/3.3: vi says 'deprecated' without 'removed'; zh uses 转接方/被转接方 and full-width separators", () => {
    expect(uiStrings("vi").deprecated).not.toContain("loại bỏ");
    const zh = [compareCodes(302, 430, "zh"), compareCodes(202, 430, "zh")];
    for (const p of zh) {
      expect(p.intro).not.toMatch(/[）。]\s/u);
      expect(p.keyDifference.join("\n")).not.toMatch(/SIP \d+: /u);
    }
    const notifyText = all(texts(202, "zh"));
    expect(notifyText).not.toMatch(/(?<!被)转移方/u);
  });

  it("'Next steps' in the report's own language", () => {
    expect(nextStepsLabel("en")).toBe("Next steps:");
    expect(nextStepsLabel("vi")).toBe("Bước tiếp theo:");
    expect(nextStepsLabel("zh")).toBe("后续步骤：");
  });
});
