/** REFER/NOTIFY scenarios (RFC 3515, 4488, 3891): Alice (transferor) talks to Bob (transferee) and refers him to Carol. */
import { request, response, type ReqSpec } from "../sip-trace.js";
import { StepList, type Scenario } from "./scenario.js";

export const ALICE = "10.0.0.11:5060";
export const BOB = "10.0.0.12:5060";
export const CAROL = "10.0.0.13:5060";
const SDP = { type: "application/sdp", text: "v=0\no=- 1 1 IN IP4 10.0.0.11\ns=-\nc=IN IP4 10.0.0.11\nt=0 0\nm=audio 4000 RTP/AVP 0\n" };

const A = "<sip:alice@a.example>";
const B = "<sip:bob@b.example>";

function viaA(n: string): string {
  return `SIP/2.0/UDP 10.0.0.11:5060;branch=z9hG4bK-a-${n}`;
}
function viaB(n: string): string {
  return `SIP/2.0/UDP 10.0.0.12:5060;branch=z9hG4bK-b-${n}`;
}
function viaC(n: string): string {
  return `SIP/2.0/UDP 10.0.0.13:5060;branch=z9hG4bK-c-${n}`;
}

/** Alice's in-dialog request to Bob in call `callId` (From alice;tag=a1, To bob;tag=b1). */
function aliceToBob(callId: string, method: string, cseq: number, branch: string, headers: string[] = [], body?: ReqSpec["body"]): ReqSpec {
  return { method, uri: "sip:bob@10.0.0.12", via: viaA(branch), from: `${A};tag=a1`, to: `${B};tag=b1`, callId, cseq, headers, ...(body === undefined ? {} : { body }) };
}
function bobToAlice(callId: string, method: string, cseq: number, branch: string, headers: string[] = [], body?: ReqSpec["body"]): ReqSpec {
  return { method, uri: "sip:alice@10.0.0.11", via: viaB(branch), from: `${B};tag=b1`, to: `${A};tag=a1`, callId, cseq, headers, ...(body === undefined ? {} : { body }) };
}

/** INVITE / 180 / 200 / ACK between Alice and Bob on Call-ID `callId`, starting at `t`. */
export function addBaseCall(s: StepList, t: number, callId = "call-1@a.example"): void {
  const inv: ReqSpec = { method: "INVITE", uri: "sip:bob@b.example", via: viaA(`inv-${callId}`), from: `${A};tag=a1`, to: B, callId, cseq: 1, headers: ["Contact: <sip:alice@10.0.0.11>"], body: SDP };
  s.sip(t, ALICE, BOB, request(inv));
  s.sip(t + 0.1, BOB, ALICE, response(inv, 180, "Ringing", { toTag: "b1" }));
  s.sip(t + 2, BOB, ALICE, response(inv, 200, "OK", { toTag: "b1", headers: ["Contact: <sip:bob@10.0.0.12>"], body: SDP }));
  s.sip(t + 2.05, ALICE, BOB, request({ ...aliceToBob(callId, "ACK", 1, `ack-${callId}`), cseqMethod: "ACK" }));
}

function sipfrag(status: string): ReqSpec["body"] {
  return { type: "message/sipfrag;version=2.0", text: `SIP/2.0 ${status}\n` };
}

/** Bob's NOTIFY (RFC 3515 §2.4.5) and Alice's 200 to it. Returns the NOTIFY's index. */
function addNotify(s: StepList, t: number, callId: string, cseq: number, frag: string, state: string, eventId: string | null = "2", answer = 200): number {
  const n = bobToAlice(callId, "NOTIFY", cseq, `n${cseq}-${callId}`, [`Event: refer${eventId === null ? "" : `;id=${eventId}`}`, `Subscription-State: ${state}`, "Contact: <sip:bob@10.0.0.12>"], sipfrag(frag));
  const i = s.sip(t, BOB, ALICE, request(n));
  s.sip(t + 0.02, ALICE, BOB, response(n, answer, answer === 200 ? "OK" : "Call/Transaction Does Not Exist"));
  return i;
}

/** Bob's INVITE to Carol on a new Call-ID with Referred-By (RFC 3892), and Carol's answer. Returns the INVITE's index. */
function addNewCall(s: StepList, t: number, callId: string, status: number, reason: string, extra: string[] = [], ruri = "sip:carol@10.0.0.13"): number {
  const inv: ReqSpec = { method: "INVITE", uri: ruri, via: viaB(`inv-${callId}`), from: `${B};tag=b2`, to: "<sip:carol@10.0.0.13>", callId, cseq: 1, headers: ["Referred-By: <sip:alice@a.example>", "Contact: <sip:bob@10.0.0.12>", ...extra], body: SDP };
  const i = s.sip(t, BOB, CAROL, request(inv));
  s.sip(t + 0.1, CAROL, BOB, response(inv, 180, "Ringing", { toTag: "c2" }));
  s.sip(t + 3, CAROL, BOB, response(inv, status, reason, { toTag: "c2", ...(status < 300 ? { body: SDP } : {}) }));
  // RFC 3261 §17.1.1.3: the ACK of a non-2xx reuses the INVITE's branch; the ACK of a 2xx is a new transaction.
  const ack: ReqSpec = { method: "ACK", uri: ruri, via: viaB(status < 300 ? `ack-${callId}` : `inv-${callId}`), from: `${B};tag=b2`, to: "<sip:carol@10.0.0.13>;tag=c2", callId, cseq: 1, cseqMethod: "ACK" };
  s.sip(t + 3.05, BOB, CAROL, request(ack));
  return i;
}

function referSpec(callId: string, cseq: number, referTo: string, extra: string[] = []): ReqSpec {
  return aliceToBob(callId, "REFER", cseq, `refer${cseq}-${callId}`, [`Refer-To: ${referTo}`, "Referred-By: <sip:alice@a.example>", "Contact: <sip:alice@10.0.0.11>", ...extra]);
}

/** Blind transfer, success or failure at Carol. */
function blindTransfer(name: string, title: string, status: number, reason: string): Scenario {
  const s = new StepList();
  const c1 = "call-1@a.example";
  addBaseCall(s, 0, c1);
  const refer = referSpec(c1, 2, "<sip:carol@10.0.0.13>");
  const referIx = s.sip(10, ALICE, BOB, request(refer));
  const accepted = s.sip(10.05, BOB, ALICE, response(refer, 202, "Accepted"));
  const n1 = addNotify(s, 10.1, c1, 1, "100 Trying", "active;expires=60");
  const inv = addNewCall(s, 10.2, "call-2@b.example", status, reason);
  const n2 = addNotify(s, 13.4, c1, 2, `${status} ${reason}`, "terminated;reason=noresource");
  // 0.6 s after the final NOTIFY: for a failure, the transferor drops the transferee (RFC 5589's recovery not done).
  const bye = aliceToBob(c1, "BYE", 3, `bye-${c1}`);
  const byeIx = s.sip(14, ALICE, BOB, request(bye));
  s.sip(14.05, BOB, ALICE, response(bye, 200, "OK"));
  return {
    name,
    title,
    transport: "udp",
    steps: s.steps,
    expected: [
      {
        message: accepted,
        kind: "refer",
        outcome: status < 300 ? "transfer-succeeded" : "transfer-failed",
        details: {
          referMessage: referIx,
          referTo: "sip:carol@10.0.0.13",
          referredBy: "sip:alice@a.example",
          inDialog: true,
          replaces: false,
          replacesDialogFound: null,
          finalStatus: status,
          finalNotify: n2,
          notifies: [
            { message: n1, status: 100, reason: "Trying", subscriptionState: "active", terminatedReason: null },
            { message: n2, status, reason, subscriptionState: "terminated", terminatedReason: "noresource" },
          ],
          newCallId: "call-2@b.example",
          newInvite: inv,
          newCallStatus: status,
          notify481: [],
          notifyErrors: [],
          // A success is settled by its final NOTIFY; a failure waits to see whether the transferor drops the transferee.
          dialogBye: status < 300 ? null : { message: byeIx, byTransferor: true },
          droppedBy: status < 300 ? null : byeIx,
        },
      },
    ],
  };
}

export function blindTransferSuccess(): Scenario {
  return blindTransfer("refer-blind-transfer-success", "Blind transfer: REFER, 202, NOTIFY 100 then 200, Bob's new call to Carol answered", 200, "OK");
}

export function blindTransferFailed486(): Scenario {
  return blindTransfer("refer-transfer-failed-486", "Blind transfer fails: Carol is busy, NOTIFY carries sipfrag 486", 486, "Busy Here");
}

export function blindTransferFailed603(): Scenario {
  return blindTransfer("refer-transfer-failed-603", "Blind transfer fails: Carol declines, NOTIFY carries sipfrag 603", 603, "Decline");
}

/** 202 and then nothing for 45 s: no NOTIFY within 64*T1 = 32 s of capture time. */
export function referNoNotify(): Scenario {
  const s = new StepList();
  const c1 = "call-1@a.example";
  addBaseCall(s, 0, c1);
  const refer = referSpec(c1, 2, "<sip:carol@10.0.0.13>");
  s.sip(10, ALICE, BOB, request(refer));
  const accepted = s.sip(10.05, BOB, ALICE, response(refer, 202, "Accepted"));
  const bye = aliceToBob(c1, "BYE", 3, `bye-${c1}`);
  s.sip(55, ALICE, BOB, request(bye));
  s.sip(55.05, BOB, ALICE, response(bye, 200, "OK"));
  return {
    name: "refer-no-notify",
    title: "REFER accepted with 202, then no NOTIFY for 45 s of capture time",
    transport: "udp",
    steps: s.steps,
    expected: [{ message: accepted, kind: "refer", outcome: "no-notify", details: { notifies: [], finalStatus: null, newCallId: null, inDialog: true } }],
  };
}

/** RFC 4488: Refer-Sub: false, accepted with Refer-Sub: false; Bob calls Carol and no NOTIFY comes. */
export function referSubFalse(): Scenario {
  const s = new StepList();
  const c1 = "call-1@a.example";
  addBaseCall(s, 0, c1);
  const refer = referSpec(c1, 2, "<sip:carol@10.0.0.13>", ["Refer-Sub: false", "Supported: norefersub"]);
  s.sip(10, ALICE, BOB, request(refer));
  const accepted = s.sip(10.05, BOB, ALICE, response(refer, 200, "OK", { headers: ["Refer-Sub: false"] }));
  const inv = addNewCall(s, 10.2, "call-2@b.example", 200, "OK");
  const bye = aliceToBob(c1, "BYE", 3, `bye-${c1}`);
  s.sip(14, ALICE, BOB, request(bye));
  s.sip(14.05, BOB, ALICE, response(bye, 200, "OK"));
  return {
    name: "refer-sub-false",
    title: "REFER with Refer-Sub: false (RFC 4488) accepted with 200: no NOTIFY expected",
    transport: "udp",
    steps: s.steps,
    expected: [{ message: accepted, kind: "refer", outcome: "no-subscription", details: { referSub: false, notifies: [], newCallId: "call-2@b.example", newInvite: inv, newCallStatus: 200 } }],
  };
}

/**
 * Attended transfer (RFC 3891 via RFC 3515 §2.1): Alice holds call 1 with Bob and call 3 with Carol, and refers
 * Bob to Carol with Replaces naming call 3. `matched` false names a dialog that is not in the trace; Carol then
 * answers the INVITE with 481 (RFC 3891 §3).
 */
function attendedTransfer(matched: boolean): Scenario {
  const s = new StepList();
  const c1 = "call-1@a.example";
  const c3 = "call-3@a.example";
  addBaseCall(s, 0, c1);
  const inv3: ReqSpec = { method: "INVITE", uri: "sip:carol@10.0.0.13", via: viaA("inv3"), from: `${A};tag=a3`, to: "<sip:carol@10.0.0.13>", callId: c3, cseq: 1, headers: ["Contact: <sip:alice@10.0.0.11>"], body: SDP };
  s.sip(5, ALICE, CAROL, request(inv3));
  s.sip(5.1, CAROL, ALICE, response(inv3, 200, "OK", { toTag: "c3", body: SDP }));
  s.sip(5.15, ALICE, CAROL, request({ ...inv3, method: "ACK", cseqMethod: "ACK", via: viaA("ack3"), to: "<sip:carol@10.0.0.13>;tag=c3", headers: [] }));
  const named = matched ? c3 : "gone@a.example";
  const replaces = `${named};to-tag=c3;from-tag=a3`;
  const refer = referSpec(c1, 2, `<sip:carol@10.0.0.13?Replaces=${encodeURIComponent(replaces)}>`);
  const referIx = s.sip(10, ALICE, BOB, request(refer));
  const accepted = s.sip(10.05, BOB, ALICE, response(refer, 202, "Accepted"));
  const n1 = addNotify(s, 10.1, c1, 1, "100 Trying", "active;expires=60");
  const status = matched ? 200 : 481;
  const reason = matched ? "OK" : "Call/Transaction Does Not Exist";
  const inv = addNewCall(s, 10.2, "call-4@b.example", status, reason, [`Replaces: ${replaces}`]);
  if (matched) {
    const bye3: ReqSpec = { method: "BYE", uri: "sip:alice@10.0.0.11", via: viaC("bye3"), from: "<sip:carol@10.0.0.13>;tag=c3", to: `${A};tag=a3`, callId: c3, cseq: 1 };
    s.sip(13.3, CAROL, ALICE, request(bye3));
    s.sip(13.35, ALICE, CAROL, response(bye3, 200, "OK"));
  }
  const n2 = addNotify(s, 13.4, c1, 2, `${status} ${reason}`, "terminated;reason=noresource");
  const bye = aliceToBob(c1, "BYE", 3, `bye-${c1}`);
  s.sip(14, ALICE, BOB, request(bye));
  s.sip(14.05, BOB, ALICE, response(bye, 200, "OK"));
  return {
    name: matched ? "refer-attended-replaces" : "refer-attended-replaces-unmatched",
    title: matched
      ? "Attended transfer: Refer-To with Replaces naming Alice's call with Carol; Bob's INVITE replaces it"
      : "Attended transfer whose Replaces names a dialog not in the trace; Carol answers 481",
    transport: "udp",
    steps: s.steps,
    expected: [
      {
        message: accepted,
        kind: "refer",
        outcome: matched ? "transfer-succeeded" : "transfer-failed",
        details: {
          referMessage: referIx,
          replaces: true,
          replacesDialogFound: matched,
          replacesCallId: named,
          finalStatus: status,
          notifies: [
            { message: n1, status: 100, reason: "Trying", subscriptionState: "active", terminatedReason: null },
            { message: n2, status, reason, subscriptionState: "terminated", terminatedReason: "noresource" },
          ],
          newCallId: "call-4@b.example",
          newInvite: inv,
          newCallStatus: status,
        },
      },
    ],
  };
}

export function attendedTransferMatched(): Scenario {
  return attendedTransfer(true);
}

export function attendedTransferUnmatched(): Scenario {
  return attendedTransfer(false);
}

/** REFER rejected by Bob (403 Forbidden, or 405 Method Not Allowed with Allow). */
function referRejected(status: 403 | 405): Scenario {
  const s = new StepList();
  const c1 = "call-1@a.example";
  addBaseCall(s, 0, c1);
  const refer = referSpec(c1, 2, "<sip:carol@10.0.0.13>");
  const referIx = s.sip(10, ALICE, BOB, request(refer));
  const rejected = s.sip(
    10.05,
    BOB,
    ALICE,
    response(refer, status, status === 403 ? "Forbidden" : "Method Not Allowed", status === 405 ? { headers: ["Allow: INVITE, ACK, CANCEL, BYE, OPTIONS"] } : {}),
  );
  const bye = aliceToBob(c1, "BYE", 3, `bye-${c1}`);
  s.sip(12, ALICE, BOB, request(bye));
  s.sip(12.05, BOB, ALICE, response(bye, 200, "OK"));
  return {
    name: `refer-rejected-${status}`,
    title: `REFER rejected with ${status}`,
    transport: "udp",
    steps: s.steps,
    expected: [{ message: rejected, kind: "refer", outcome: "refer-rejected", details: { referMessage: referIx, notifies: [], finalStatus: null, newCallId: null } }],
  };
}

export function referRejected403(): Scenario {
  return referRejected(403);
}

export function referRejected405(): Scenario {
  return referRejected(405);
}

/**
 * Blind transfer fails (486) and the transferor takes the call back: a re-INVITE off hold 0.3 s after the failure
 * NOTIFY (RFC 5589's recovery), talk, then a BYE 20 s later. Not a drop.
 */
export function transferFailedCallResumed(): Scenario {
  const s = new StepList();
  const c1 = "call-1@a.example";
  addBaseCall(s, 0, c1);
  const refer = referSpec(c1, 2, "<sip:carol@10.0.0.13>");
  s.sip(10, ALICE, BOB, request(refer));
  const accepted = s.sip(10.05, BOB, ALICE, response(refer, 202, "Accepted"));
  addNotify(s, 10.1, c1, 1, "100 Trying", "active;expires=60");
  addNewCall(s, 10.2, "call-2@b.example", 486, "Busy Here");
  const n2 = addNotify(s, 13.4, c1, 2, "486 Busy Here", "terminated;reason=noresource");
  const reinvite = aliceToBob(c1, "INVITE", 3, `reinv-${c1}`, ["Contact: <sip:alice@10.0.0.11>"], SDP);
  s.sip(13.7, ALICE, BOB, request(reinvite));
  s.sip(13.8, BOB, ALICE, response(reinvite, 200, "OK", { headers: ["Contact: <sip:bob@10.0.0.12>"], body: SDP }));
  s.sip(13.85, ALICE, BOB, request({ ...aliceToBob(c1, "ACK", 3, `reack-${c1}`), cseqMethod: "ACK" }));
  const bye = aliceToBob(c1, "BYE", 4, `bye-${c1}`);
  s.sip(34, ALICE, BOB, request(bye));
  s.sip(34.05, BOB, ALICE, response(bye, 200, "OK"));
  return {
    name: "refer-transfer-failed-call-resumed",
    title: "Blind transfer fails (486); the transferor resumes the call with a re-INVITE and hangs up 20 s later",
    transport: "udp",
    steps: s.steps,
    expected: [
      { message: accepted, kind: "refer", outcome: "transfer-failed", details: { finalStatus: 486, finalNotify: n2, droppedBy: null, dialogBye: null, notifyErrors: [] } },
    ],
  };
}

/** The transferor answers the transferee's first NOTIFY with 400 "Missing Subscription-State"; the transfer itself succeeds. */
export function notifyRejected400(): Scenario {
  const s = new StepList();
  const c1 = "call-1@a.example";
  addBaseCall(s, 0, c1);
  const refer = referSpec(c1, 2, "<sip:carol@10.0.0.13>");
  s.sip(10, ALICE, BOB, request(refer));
  const accepted = s.sip(10.05, BOB, ALICE, response(refer, 202, "Accepted"));
  const n1Spec = bobToAlice(c1, "NOTIFY", 1, `n1-${c1}`, ["Event: refer;id=2", "Contact: <sip:bob@10.0.0.12>"], sipfrag("100 Trying"));
  const n1 = s.sip(10.1, BOB, ALICE, request(n1Spec));
  s.sip(10.12, ALICE, BOB, response(n1Spec, 400, "Missing Subscription-State"));
  const inv = addNewCall(s, 10.2, "call-2@b.example", 200, "OK");
  const n2 = addNotify(s, 13.4, c1, 2, "200 OK", "terminated;reason=noresource");
  const bye = aliceToBob(c1, "BYE", 3, `bye-${c1}`);
  s.sip(14, ALICE, BOB, request(bye));
  s.sip(14.05, BOB, ALICE, response(bye, 200, "OK"));
  return {
    name: "refer-notify-rejected-400",
    title: "Transfer succeeds, but the transferor answered the first NOTIFY (no Subscription-State) with 400",
    transport: "udp",
    steps: s.steps,
    expected: [
      {
        message: accepted,
        kind: "refer",
        outcome: "transfer-succeeded",
        details: { finalStatus: 200, finalNotify: n2, newInvite: inv, droppedBy: null, notifyErrors: [{ notify: n1, status: 400, reason: "Missing Subscription-State" }] },
      },
    ],
  };
}

/**
 * 202, then the transferor hangs up 0.95 s later and no NOTIFY ever comes, nor an INVITE to Carol: the transferee
 * accepted and did nothing. The BYE ends the invite usage only (RFC 5057 §4), so it explains nothing.
 */
export function referNoNotifyEarlyBye(): Scenario {
  const s = new StepList();
  const c1 = "call-1@a.example";
  addBaseCall(s, 0, c1);
  const refer = referSpec(c1, 2, "<sip:carol@10.0.0.13>");
  s.sip(10, ALICE, BOB, request(refer));
  const accepted = s.sip(10.05, BOB, ALICE, response(refer, 202, "Accepted"));
  const bye = aliceToBob(c1, "BYE", 3, `bye-${c1}`);
  const byeIx = s.sip(11, ALICE, BOB, request(bye));
  s.sip(11.05, BOB, ALICE, response(bye, 200, "OK"));
  return {
    name: "refer-no-notify-early-bye",
    title: "REFER accepted with 202, the transferor hangs up 0.95 s later, no NOTIFY and no INVITE to the target",
    transport: "udp",
    steps: s.steps,
    expected: [
      {
        message: accepted,
        kind: "refer",
        outcome: "no-notify",
        details: { notifies: [], newCallId: null, observedAfterMs: 950, dialogBye: { message: byeIx, byTransferor: true, afterMs: 950 }, droppedBy: null },
      },
    ],
  };
}

export const REFER_SCENARIOS: readonly (() => Scenario)[] = [
  blindTransferSuccess,
  blindTransferFailed486,
  blindTransferFailed603,
  referNoNotify,
  referSubFalse,
  attendedTransferMatched,
  attendedTransferUnmatched,
  referRejected403,
  referRejected405,
  transferFailedCallResumed,
  notifyRejected400,
  referNoNotifyEarlyBye,
];

export { aliceToBob, bobToAlice, referSpec, addNotify, addNewCall, sipfrag };
