import { describe, expect, it } from "vitest";
import type { FlowAnnotationDetails, RedirectDetails, ReferDetails } from "../../src/model/document.js";
import { OUTCOMES_BY_KIND } from "../../src/model/outcomes.js";
import { describeAnnotation, LANGS, severityOf } from "../../src/knowledge/index.js";
import type { AnnotationText, AnnotationTextInput, Lang, MessageContext } from "../../src/knowledge/index.js";
import { CJK, CONTROL, VI_DIACRITIC } from "./lang-checks.js";

const T0 = 1_700_000_000_000_000;

function makeCtx(code: number, reason: string, method: string, responseIndex: number): MessageContext {
  return {
    label: (i) => `frame ${String(i + 16)}`,
    timeUs: (i) => T0 + i * 100_000,
    code,
    reason,
    method,
    responseTimeUs: T0 + responseIndex * 100_000,
  };
}

const REFER: ReferDetails = {
  referMessage: 19,
  referTo: "sip:carol@example.com",
  referredBy: "sip:alice@example.com",
  replaces: false,
  replacesDialogFound: null,
  replacesCallId: null,
  inDialog: true,
  eventId: null,
  referSub: null,
  notifies: [
    { message: 22, status: 100, reason: "Trying", subscriptionState: "active", terminatedReason: null },
    { message: 41, status: 486, reason: "Busy Here", subscriptionState: "terminated", terminatedReason: "noresource" },
  ],
  finalStatus: 486,
  finalNotify: 41,
  finalDelayMs: 2100,
  newCallId: "new@host",
  newInvite: 23,
  newCallStatus: 486,
  notify481: [],
  observedAfterMs: 40_000,
  notifyErrors: [],
  dialogBye: null,
  droppedBy: null,
};

const REDIRECT: RedirectDetails = {
  request: 3,
  requestUri: "sip:bob@example.com",
  contacts: [{ uri: "sip:bob@192.0.2.7", q: 0.8 }],
  ack: 5,
  retry: 6,
  retryUri: "sip:bob@192.0.2.7",
  retryCallId: "c1",
  retryStatus: 200,
  retries: [],
  toPreserved: true,
  loopTarget: "sip:bob@example.com",
  status: 302,
  meaning: "moved-temporarily",
};

const FLOW: FlowAnnotationDetails = {
  aor: "sip:alice@example.com",
  instance: "<urn:uuid:00000000-0000-1000-8000-000A95A0E128>",
  regId: 1,
  flowId: "f1",
  otherFlows: [{ flowId: "f2", regId: 2, transport: "tcp", ua: "10.0.0.5:50313", edge: "10.0.0.2:5060" }],
  retriedOnOtherFlow: true,
  retry: 31,
  retryStatus: 200,
  reregistered: true,
  reregister: 40,
  reregisterDelayMs: 2010,
  expectedBackoffMs: { min: 1500, max: 3000 },
  backoffRespected: true,
  priorFailure: null, flowTimer: null, noticeByMs: null, noticedLate: null, failedAttempt: null, nextAttemptGapMs: null, trigger: null, relayedFrom: null,
};

function inputFor(kind: keyof typeof OUTCOMES_BY_KIND, outcome: string): AnnotationTextInput {
  switch (kind) {
    case "refer": {
      const code = outcome === "refer-rejected" ? 403 : 202;
      return { kind, outcome: outcome as never, code, details: REFER, ctx: makeCtx(code, code === 403 ? "Forbidden" : "Accepted", "REFER", 20) };
    }
    case "redirect":
      return { kind, outcome: outcome as never, code: 302, details: REDIRECT, ctx: makeCtx(302, "Moved Temporarily", "INVITE", 4) };
    case "flow": {
      const code = outcome === "first-hop-lacks-outbound" ? 439 : 430;
      return { kind, outcome: outcome as never, code, details: FLOW, ctx: makeCtx(code, "Flow Failed", "INVITE", 30) };
    }
    case "accepted":
      return { kind, outcome: outcome as never, code: 202, details: { method: "SUBSCRIBE" }, ctx: makeCtx(202, "Accepted", "SUBSCRIBE", 2) };
    case "challenge": {
      const details = { method: "REFER", request: 11, header: "Proxy-Authenticate", scheme: "Digest", realm: "sipta.test", stale: false, resent: 13, resentCseq: 2, resentStatus: outcome === "rejected-again" ? 407 : 202, resendDelayMs: outcome === "unanswered" ? null : 1 } as const;
      return { kind, outcome: outcome as never, code: 407, details: outcome === "unanswered" ? { ...details, resent: null, resentCseq: null, resentStatus: null } : details, ctx: makeCtx(407, "Proxy Authentication Required", "REFER", 12) };
    }
    case "generic":
      return { kind, outcome: outcome as never, code: 486, details: { method: "INVITE" }, ctx: makeCtx(486, "Busy Here", "INVITE", 2) };
  }
}

function allText(t: AnnotationText): string[] {
  return [t.summary, t.explanation, ...t.nextSteps];
}

const CASES = (Object.keys(OUTCOMES_BY_KIND) as (keyof typeof OUTCOMES_BY_KIND)[]).flatMap((kind) =>
  OUTCOMES_BY_KIND[kind].map((outcome) => [kind, outcome] as const),
);

describe("describeAnnotation", () => {
  it.each(CASES)("%s/%s has text in every locale", (kind, outcome) => {
    const by: Partial<Record<Lang, AnnotationText>> = {};
    for (const lang of LANGS) {
      const t = describeAnnotation(inputFor(kind, outcome), lang);
      by[lang] = t;
      expect(t.summary.length).toBeGreaterThan(10);
      expect(t.explanation.length).toBeGreaterThan(10);
      expect(t.nextSteps.length).toBeGreaterThan(0);
      for (const s of allText(t)) {
        expect(s).not.toMatch(/undefined|NaN|\[object/u);
        expect(s).not.toMatch(CONTROL);
      }
    }
    const en = allText(by.en!);
    allText(by.vi!).forEach((s, i) => {
      expect(s).not.toBe(en[i]);
      expect(s).toMatch(VI_DIACRITIC);
    });
    allText(by.zh!).forEach((s, i) => {
      expect(s).not.toBe(en[i]);
      expect(s).toMatch(CJK);
    });
  });

  it("says what the trace shows for a failed transfer: URI, NOTIFY label, status and delay", () => {
    const t = describeAnnotation(inputFor("refer", "transfer-failed"), "en");
    expect(t.summary).toBe("Transfer to sip:carol@example.com failed: NOTIFY frame 57 reported 486 Busy Here 2.1 s after the 202.");
    expect(t.nextSteps[0]).toContain("busy");
    const vi = describeAnnotation(inputFor("refer", "transfer-failed"), "vi");
    expect(vi.summary).toContain("2,1 giây sau 202");
    const zh = describeAnnotation(inputFor("refer", "transfer-failed"), "zh");
    expect(zh.summary).toContain("202 之后 2.1 秒");
  });

  it("gives outcome-specific next steps, not the code's generic text", () => {
    const noNotify = describeAnnotation(inputFor("refer", "no-notify"), "en");
    expect(noNotify.nextSteps[0]).toMatch(/transferee did call the target/u);
    expect(noNotify.nextSteps.join(" ")).toMatch(/path back to the transferor/u);
    const notRestored = describeAnnotation(inputFor("flow", "flow-not-restored"), "en");
    expect(notRestored.nextSteps[0]).toMatch(/never re-registered the flow.*keepalive.*reconnection/su);
    const loop = describeAnnotation(inputFor("redirect", "loop"), "en");
    expect(loop.summary).toContain("sip:bob@example.com");
    expect(loop.summary).toContain("the URI that was just requested");
  });

  it("explains 202 to SUBSCRIBE with RFC 6665 and MESSAGE as queued delivery", () => {
    const sub = describeAnnotation(inputFor("accepted", "accepted-deprecated"), "en");
    expect(sub.summary).toContain("RFC 6665");
    expect(sub.explanation).toContain("Subscription-State: pending");
    const msg = describeAnnotation(
      { kind: "accepted", outcome: "accepted-deprecated", code: 202, details: { method: "MESSAGE" }, ctx: makeCtx(202, "Accepted", "MESSAGE", 2) },
      "en",
    );
    expect(msg.summary).toContain("MESSAGE");
    expect(msg.summary).toContain("not necessarily delivered");
  });

  it("never judges the first re-registration against the RFC 5626 §4.5 back-off (it is due at once)", () => {
    for (const lang of LANGS) {
      const t = describeAnnotation(inputFor("flow", "recovered"), lang);
      expect(allText(t).join(" ")).not.toMatch(/too fast|sooner than|back-off window|quá nhanh|过快/u);
    }
    const en = describeAnnotation(inputFor("flow", "recovered"), "en");
    expect(en.summary).toContain("2 s after the 430");
  });

  it("keeps hostile capture text out of the output's control characters", () => {
    const hostile: ReferDetails = { ...REFER, referTo: "sip:evil@x\u001b[31m\r\nInjected: yes" };
    const t = describeAnnotation({ kind: "refer", outcome: "transfer-failed", code: 202, details: hostile, ctx: makeCtx(202, "Acc\u0007epted", "REFER", 20) }, "en");
    for (const s of allText(t)) expect(s).not.toMatch(CONTROL);
    expect(t.summary).toContain("sip:evil@x");
  });

  it("mentions a reason phrase that differs from the registry in generic texts", () => {
    const t = describeAnnotation({ kind: "generic", outcome: "seen", code: 500, details: { method: "INVITE" }, ctx: makeCtx(500, "Service Unavailable", "INVITE", 2) }, "en");
    expect(t.summary.startsWith("500 Service Unavailable to INVITE: ")).toBe(true);
    expect(t.explanation).toContain('"Server Internal Error"');
  });
});

describe("severityOf", () => {
  it("grades outcomes", () => {
    expect(severityOf("refer", "transfer-succeeded")).toBe("ok");
    expect(severityOf("refer", "transfer-failed")).toBe("error");
    expect(severityOf("refer", "no-notify")).toBe("error");
    expect(severityOf("redirect", "loop")).toBe("error");
    expect(severityOf("flow", "flow-not-restored")).toBe("warning");
    expect(severityOf("accepted", "accepted-deprecated")).toBe("info");
  });

  it("has a severity for every outcome", () => {
    for (const [kind, outcome] of CASES) expect(["error", "warning", "info", "ok"]).toContain(severityOf(kind, outcome as never));
  });
});
