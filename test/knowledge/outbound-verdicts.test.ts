/**
 * Issue 10 item 4: outbound verdicts (RFC 5626) end to end on the committed scenario captures, in en, vi and zh:
 * delays measured from the 430, lateness judged against what the UA could see and its keepalives (§4.4.1), the
 * §4.5 back-off judged only between failed attempts, and a 439 told once where generated, its relayed copy marked.
 */
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";
import type { AnnotationRecord } from "../../src/model/document.js";
import type { Lang } from "../../src/knowledge/index.js";

const ROOT = resolve(import.meta.dirname, "../..");

async function flowAnnotations(name: string, lang: Lang): Promise<AnnotationRecord[]> {
  const doc = await analyze([join(ROOT, "fixtures/scenarios", `${name}.pcapng`)], { lang });
  return doc.annotations.filter((x) => x.kind === "flow");
}

async function one(name: string, lang: Lang): Promise<AnnotationRecord> {
  const [a] = await flowAnnotations(name, lang);
  if (a === undefined) throw new Error(`no flow annotation in ${name}`);
  return a;
}

describe("430: re-registration timing", () => {
  it("measures from the 430, names the time since the reset, and calls a 30 s wait after a visible reset late", async () => {
    const en = await one("outbound-430-recovered", "en");
    expect(en.outcome).toBe("recovered");
    expect(en.summary).toContain("registered the flow again 30 s after the 430 (40 s after the old connection was reset)");
    expect(en.explanation).toContain("should have registered again at once (RFC 5626 §4.5); it waited");
    expect(en.explanation).not.toMatch(/too fast|sooner than the RFC 5626/u);
    expect(en.nextSteps[0]).toMatch(/^Make the UA notice dead flows sooner/u);
    const vi = await one("outbound-430-recovered", "vi");
    expect(vi.summary).toContain("30 giây sau 430 (40 giây sau khi kết nối cũ bị reset)");
    const zh = await one("outbound-430-recovered", "zh");
    expect(zh.summary).toContain("在 430 之后 30 秒（旧连接被重置之后 40 秒）");
  });

  it("judges the back-off only between a failed attempt and the next (503, then 44.9 s: within 30-60 s)", async () => {
    const en = await one("outbound-430-retry-backoff", "en");
    expect(en.outcome).toBe("request-lost");
    expect(en.explanation).toContain("That is within what its keepalives allow (Flow-Timer 30 s plus 10 s for a pong, RFC 5626 §4.4.1).");
    expect(en.explanation).toMatch(/failed; the next came 44\.9 s later, within the RFC 5626 §4\.5 back-off after one failure \(30 s to 1 min\)/u);
    const vi = await one("outbound-430-retry-backoff", "vi");
    expect(vi.explanation).toContain("nằm trong khoảng chờ của RFC 5626 §4.5");
    const zh = await one("outbound-430-retry-backoff", "zh");
    expect(zh.explanation).toContain("符合 RFC 5626 §4.5 一次失败后的退避时间");
  });
});

describe("439 First Hop Lacks Outbound Support", () => {
  it("quotes the trigger, gives the UA's options (§4.2.1), and marks the relayed copy", async () => {
    const [generated, relayed] = await flowAnnotations("outbound-439", "en");
    expect(generated?.explanation).toContain("reg-id 1 in Contact, Supported: outbound");
    expect(generated?.explanation).toContain("the first hop's Path <sip:tok1@10.0.0.1;lr> has no ';ob'");
    expect(generated?.nextSteps[1]).toContain("RFC 5626 §4.2.1");
    expect(generated?.summary).not.toContain("relayed");
    expect(relayed?.summary).toMatch(/^439 First Hop Lacks Outbound Support relayed to the UA by the first hop \(the registrar's 439 is frame \d+\)/u);
    expect(relayed?.explanation).toContain("one event seen on two hops");
    const [, vi] = await flowAnnotations("outbound-439", "vi");
    expect(vi?.summary).toContain("được chặng đầu tiên chuyển tiếp tới UA");
    const [zhGen, zh] = await flowAnnotations("outbound-439", "zh");
    expect(zhGen?.explanation).toContain("第一跳的 Path <sip:tok1@10.0.0.1;lr> 没有 ';ob'");
    expect(zh?.summary).toContain("第一跳把 439 First Hop Lacks Outbound Support 转发给了 UA");
  });
});
