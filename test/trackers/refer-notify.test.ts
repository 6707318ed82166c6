import { describe, expect, it } from "vitest";
import { request, response, runTrace, type ReqSpec } from "../helpers/sip-trace.js";
import { StepList } from "../helpers/scenarios/scenario.js";
import { ALICE, BOB, CAROL, addBaseCall, addNewCall, addNotify, aliceToBob, referSpec } from "../helpers/scenarios/refer-scenarios.js";

const C1 = "call-1@a.example";

/** Base call, then a REFER from Alice answered 202; returns the 202's index. */
function referAccepted(s: StepList, t = 10, cseq = 2, extra: string[] = []): number {
  const refer = referSpec(C1, cseq, "<sip:carol@10.0.0.13>", extra);
  s.sip(t, ALICE, BOB, request(refer));
  return s.sip(t + 0.05, BOB, ALICE, response(refer, 202, "Accepted"));
}

describe("REFER/NOTIFY tracker", () => {
  it("says unknown when the trace ends within 32 s of the 202 with the dialog up and no NOTIFY", () => {
    const s = new StepList();
    addBaseCall(s, 0, C1);
    const acc = referAccepted(s);
    const r = runTrace(s.steps);
    const f = r.byResponse.get(acc);
    expect(f?.outcome).toBe("unknown");
    expect(r.streamed).not.toContain(acc);
  });

  it("says no-notify when the dialog ends (BYE) before any NOTIFY, even within 32 s", () => {
    const s = new StepList();
    addBaseCall(s, 0, C1);
    const acc = referAccepted(s);
    const bye = aliceToBob(C1, "BYE", 3, "bye");
    s.sip(15, ALICE, BOB, request(bye));
    s.sip(15.05, BOB, ALICE, response(bye, 200, "OK"));
    const f = runTrace(s.steps).byResponse.get(acc);
    expect(f?.outcome).toBe("no-notify");
    if (f?.kind === "refer") expect(f.details.observedAfterMs).toBe(4950);
  });

  it("decides no-notify in capture time once 32 s pass, while the trace still streams", () => {
    const s = new StepList();
    addBaseCall(s, 0, C1);
    const acc = referAccepted(s);
    const opt: ReqSpec = { method: "OPTIONS", uri: "sip:bob@10.0.0.12", via: "SIP/2.0/UDP 10.0.0.11:5060;branch=z9hG4bK-o", from: "<sip:alice@a.example>;tag=o", to: "<sip:bob@b.example>", callId: "o@a", cseq: 1 };
    s.sip(42.06, ALICE, BOB, request(opt));
    const r = runTrace(s.steps);
    expect(r.byResponse.get(acc)?.outcome).toBe("no-notify");
    expect(r.streamed).toContain(acc);
  });

  it("says transfer-pending when NOTIFYs came but no final status before the trace ended", () => {
    const s = new StepList();
    addBaseCall(s, 0, C1);
    const acc = referAccepted(s);
    const n = addNotify(s, 10.1, C1, 1, "100 Trying", "active;expires=60");
    const f = runTrace(s.steps).byResponse.get(acc);
    expect(f?.outcome).toBe("transfer-pending");
    if (f?.kind === "refer") expect(f.details.notifies.map((x) => x.message)).toEqual([n]);
  });

  it("keeps repeated REFERs in one dialog apart by Event id (RFC 3515 §2.4.6)", () => {
    const s = new StepList();
    addBaseCall(s, 0, C1);
    const acc2 = referAccepted(s, 10, 2);
    const acc3 = referAccepted(s, 11, 3);
    const n3 = addNotify(s, 12, C1, 1, "603 Decline", "terminated;reason=noresource", "3");
    const n2 = addNotify(s, 13, C1, 2, "200 OK", "terminated;reason=noresource", "2");
    const r = runTrace(s.steps);
    const f2 = r.byResponse.get(acc2);
    const f3 = r.byResponse.get(acc3);
    expect(f2?.outcome).toBe("transfer-succeeded");
    expect(f3?.outcome).toBe("transfer-failed");
    if (f2?.kind === "refer" && f3?.kind === "refer") {
      expect(f2.details.finalNotify).toBe(n2);
      expect(f3.details.finalNotify).toBe(n3);
      expect(f3.details.eventId).toBe("3");
    }
  });

  it("lists NOTIFYs answered 481 (the subscription was gone)", () => {
    const s = new StepList();
    addBaseCall(s, 0, C1);
    const acc = referAccepted(s);
    addNotify(s, 10.1, C1, 1, "100 Trying", "active;expires=60");
    const n2 = addNotify(s, 13, C1, 2, "200 OK", "terminated;reason=noresource", "2", 481);
    const f = runTrace(s.steps).byResponse.get(acc);
    expect(f?.outcome).toBe("transfer-succeeded");
    if (f?.kind === "refer") expect(f.details.notify481).toEqual([n2]);
  });

  it("follows a REFER outside a dialog, accepted with 200, and links the INVITE it caused", () => {
    const s = new StepList();
    const refer: ReqSpec = {
      method: "REFER",
      uri: "sip:bob@10.0.0.12",
      via: "SIP/2.0/UDP 10.0.0.11:5060;branch=z9hG4bK-ood",
      from: "<sip:alice@a.example>;tag=a9",
      to: "<sip:bob@b.example>",
      callId: "ood@a",
      cseq: 7,
      headers: ["Refer-To: <sip:carol@10.0.0.13>", "Contact: <sip:alice@10.0.0.11>"],
    };
    s.sip(0, ALICE, BOB, request(refer));
    const ok = s.sip(0.05, BOB, ALICE, response(refer, 200, "OK", { toTag: "b9" }));
    const notify: ReqSpec = {
      method: "NOTIFY",
      uri: "sip:alice@10.0.0.11",
      via: "SIP/2.0/UDP 10.0.0.12:5060;branch=z9hG4bK-oodn",
      from: "<sip:bob@b.example>;tag=b9",
      to: "<sip:alice@a.example>;tag=a9",
      callId: "ood@a",
      cseq: 1,
      headers: ["Event: refer", "Subscription-State: terminated;reason=noresource"],
      body: { type: "message/sipfrag", text: "SIP/2.0 200 OK\n" },
    };
    const inv = addNewCall(s, 0.1, "new@b", 200, "OK");
    s.sip(3.5, BOB, ALICE, request(notify));
    s.sip(3.55, ALICE, BOB, response(notify, 200, "OK"));
    const r = runTrace(s.steps);
    const f = r.byResponse.get(ok);
    expect(f?.outcome).toBe("transfer-succeeded");
    if (f?.kind === "refer") {
      expect(f.details.inDialog).toBe(false);
      expect(f.details.eventId).toBe("7");
      expect(f.details.newInvite).toBe(inv);
    }
    const call = r.calls.find((c) => c.callId === "ood@a");
    expect(call?.links).toEqual([{ callId: "new@b", reason: "refer", message: inv }]);
    expect(call?.outcomes).toEqual(["transfer-succeeded"]);
  });

  it("gives a retransmitted 202 no second finding, and a 202 to SUBSCRIBE accepted-deprecated", () => {
    const s = new StepList();
    addBaseCall(s, 0, C1);
    const refer = referSpec(C1, 2, "<sip:carol@10.0.0.13>");
    s.sip(10, ALICE, BOB, request(refer));
    const acc = s.sip(10.05, BOB, ALICE, response(refer, 202, "Accepted"));
    const again = s.sip(10.55, BOB, ALICE, response(refer, 202, "Accepted"));
    const sub: ReqSpec = { method: "SUBSCRIBE", uri: "sip:carol@10.0.0.13", via: "SIP/2.0/UDP 10.0.0.11:5060;branch=z9hG4bK-s", from: "<sip:alice@a.example>;tag=s1", to: "<sip:carol@c.example>", callId: "sub@a", cseq: 1, headers: ["Event: presence", "Expires: 600"] };
    s.sip(11, ALICE, CAROL, request(sub));
    const subAcc = s.sip(11.01, CAROL, ALICE, response(sub, 202, "Accepted", { toTag: "c9" }));
    const r = runTrace(s.steps);
    expect(r.byResponse.get(acc)?.kind).toBe("refer");
    expect(r.byResponse.has(again)).toBe(false);
    expect(r.infos.get(again)?.retransmissionOf).toBe(acc);
    const a = r.byResponse.get(subAcc);
    expect(a?.kind).toBe("accepted");
    expect(a?.outcome).toBe("accepted-deprecated");
    expect(a?.details).toEqual({ method: "SUBSCRIBE" });
  });

  it("reports a REFER that never got a final response", () => {
    const s = new StepList();
    addBaseCall(s, 0, C1);
    s.sip(10, ALICE, BOB, request(referSpec(C1, 2, "<sip:carol@10.0.0.13>")));
    const r = runTrace(s.steps);
    expect(r.findings).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain("trackers.refer_without_response");
  });
});
