/**
 * Issue 10 item 3: transfer verdicts that follow the trace, asserted end to end on the committed scenario captures
 * (scripts/fixtures/scenarios.ts) in en, vi and zh: the transferor that drops the transferee after a failure
 * NOTIFY (RFC 5589), no NOTIFY led by what the trace shows (RFC 3515 §2.4.4, RFC 5057 §4), NOTIFYs answered
 * with errors as part of the story.
 */
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";
import type { AnnotationRecord } from "../../src/model/document.js";
import type { Lang } from "../../src/knowledge/index.js";

const ROOT = resolve(import.meta.dirname, "../..");

async function referAnnotation(name: string, lang: Lang): Promise<AnnotationRecord> {
  const doc = await analyze([join(ROOT, "fixtures/scenarios", `${name}.pcap`)], { lang });
  const a = doc.annotations.find((x) => x.kind === "refer");
  if (a === undefined) throw new Error(`no refer annotation in ${name}`);
  return a;
}

describe("a transferor that drops the transferee after a failure NOTIFY", () => {
  it("is named as the fault, in every language (refer-transfer-failed-486: BYE frame 18, 0.6 s after the 486 NOTIFY)", async () => {
    const en = await referAnnotation("refer-transfer-failed-486", "en");
    expect(en.outcome).toBe("transfer-failed");
    expect(en.summary).toBe("Transfer to sip:carol@10.0.0.13 failed (NOTIFY frame 13 reported 486 Busy Here 3.4 s after the 202) and the transferor then dropped the transferee with BYE frame 15.");
    expect(en.explanation).toContain("the transferee lost both calls");
    expect(en.nextSteps[0]).toMatch(/^Fix the transferor's failed-transfer recovery first.*RFC 5589/u);
    expect(en.nextSteps.join(" ")).not.toContain("normally survives");
    const vi = await referAnnotation("refer-transfer-failed-486", "vi");
    expect(vi.summary).toContain("bên chuyển đã cắt bên được chuyển bằng BYE frame 15");
    expect(vi.nextSteps[0]).toContain("RFC 5589");
    const zh = await referAnnotation("refer-transfer-failed-486", "zh");
    expect(zh.summary).toContain("随后转接方用 BYE frame 15 挂断了被转接方");
    expect(zh.nextSteps[0]).toContain("RFC 5589");
  });

  it("is not claimed when the transferor resumed the call with a re-INVITE (the generic recovery sentence stays)", async () => {
    const en = await referAnnotation("refer-transfer-failed-call-resumed", "en");
    expect(en.outcome).toBe("transfer-failed");
    expect(en.summary).not.toContain("dropped");
    expect(en.nextSteps.join(" ")).toContain("normally survives a failed transfer");
  });
});

describe("no NOTIFY", () => {
  it("leads with what the trace shows and does not let an early BYE explain it (RFC 3515 §2.4.4, RFC 5057 §4)", async () => {
    const en = await referAnnotation("refer-no-notify-early-bye", "en");
    expect(en.outcome).toBe("no-notify");
    expect(en.summary).toBe("Transfer to sip:carol@10.0.0.13: no NOTIFY and no INVITE to the target after the 202 Accepted (950 ms observed): the transferee accepted the REFER and did nothing.");
    expect(en.explanation).toContain("No NOTIFY in the 950 ms between the 202 and the transferor's BYE frame 7.");
    expect(en.explanation).toContain("immediate NOTIFY (RFC 3515 §2.4.4)");
    expect(en.explanation).toContain("not the refer subscription (RFC 5057 §4)");
    expect(en.nextSteps[0]).toMatch(/^Look at the transferee first/u);
    expect([...en.nextSteps, en.explanation].join(" ")).not.toMatch(/ends the subscription before any NOTIFY/u);
    const vi = await referAnnotation("refer-no-notify-early-bye", "vi");
    expect(vi.summary).toContain("bên được chuyển đã chấp nhận REFER rồi không làm gì");
    expect(vi.explanation).toContain("RFC 5057 §4");
    const zh = await referAnnotation("refer-no-notify-early-bye", "zh");
    expect(zh.summary).toContain("被转接方接受了 REFER 却什么也没做");
    expect(zh.explanation).toContain("RFC 5057 §4");
  });
});

describe("a NOTIFY answered with an error", () => {
  it("is part of the transfer's story (400 Missing Subscription-State), in every language", async () => {
    const en = await referAnnotation("refer-notify-rejected-400", "en");
    expect(en.outcome).toBe("transfer-succeeded");
    expect(en.nextSteps[1]).toContain("NOTIFY frame 7: 400 Missing Subscription-State");
    expect(en.nextSteps[1]).toContain("Subscription-State in every NOTIFY");
    const vi = await referAnnotation("refer-notify-rejected-400", "vi");
    expect(vi.nextSteps[1]).toContain("400 Missing Subscription-State");
    expect(vi.nextSteps[1]).toContain("Bên chuyển đã trả lời các NOTIFY");
    const zh = await referAnnotation("refer-notify-rejected-400", "zh");
    expect(zh.nextSteps[1]).toContain("400 Missing Subscription-State");
    expect(zh.nextSteps[1]).toContain("转接方以错误码回复了");
  });
});
