/** 3xx scenarios (RFC 3261 §8.1.3.4, §21.3): Alice calls bob@b.example through a redirect server. */
import { request, response, type ReqSpec } from "../sip-trace.js";
import { StepList, type Scenario } from "./scenario.js";

export const UAC = "10.0.0.11:5060";
export const REDIRECTOR = "10.0.0.20:5060";
const SDP = { type: "application/sdp", text: "v=0\no=- 1 1 IN IP4 10.0.0.11\ns=-\nc=IN IP4 10.0.0.11\nt=0 0\nm=audio 4000 RTP/AVP 0\n" };
const FROM = "<sip:alice@a.example>;tag=a1";
const TO = "<sip:bob@b.example>";

export function invite(uri: string, cseq: number, branch: string, callId = "redir-1@a.example", to = TO): ReqSpec {
  return { method: "INVITE", uri, via: `SIP/2.0/UDP 10.0.0.11:5060;branch=z9hG4bK-${branch}`, from: FROM, to, callId, cseq, headers: ["Contact: <sip:alice@10.0.0.11>"], body: SDP };
}

/** The ACK of a non-2xx final: same branch, To with the response's tag (RFC 3261 §17.1.1.3). */
export function ackOf(inv: ReqSpec, toTag: string): ReqSpec {
  return { method: "ACK", uri: inv.uri, via: inv.via, from: inv.from, to: `${inv.to};tag=${toTag}`, callId: inv.callId, cseq: inv.cseq, cseqMethod: "ACK" };
}

/** 302 with two q-valued Contacts (listed low q first); Alice tries the higher q (480) and then the lower (200). */
export function redirectFollowed(): Scenario {
  const s = new StepList();
  const inv1 = invite("sip:bob@b.example", 1, "r1");
  const req = s.sip(0, UAC, REDIRECTOR, request(inv1));
  const moved = s.sip(0.02, REDIRECTOR, UAC, response(inv1, 302, "Moved Temporarily", { toTag: "rs1", headers: ["Contact: <sip:bob@10.0.0.31>;q=0.5, <sip:bob@10.0.0.32>;q=0.9"] }));
  const ack = s.sip(0.03, UAC, REDIRECTOR, request(ackOf(inv1, "rs1")));
  const inv2 = invite("sip:bob@10.0.0.32", 2, "r2");
  const retry1 = s.sip(0.05, UAC, "10.0.0.32:5060", request(inv2));
  s.sip(1.05, "10.0.0.32:5060", UAC, response(inv2, 480, "Temporarily Unavailable", { toTag: "x32" }));
  s.sip(1.06, UAC, "10.0.0.32:5060", request(ackOf(inv2, "x32")));
  const inv3 = invite("sip:bob@10.0.0.31", 3, "r3");
  const retry2 = s.sip(1.1, UAC, "10.0.0.31:5060", request(inv3));
  s.sip(1.2, "10.0.0.31:5060", UAC, response(inv3, 180, "Ringing", { toTag: "x31" }));
  s.sip(3, "10.0.0.31:5060", UAC, response(inv3, 200, "OK", { toTag: "x31", body: SDP }));
  const ack3: ReqSpec = { method: "ACK", uri: "sip:bob@10.0.0.31", via: "SIP/2.0/UDP 10.0.0.11:5060;branch=z9hG4bK-r3ack", from: FROM, to: `${TO};tag=x31`, callId: inv3.callId, cseq: 3, cseqMethod: "ACK" };
  s.sip(3.05, UAC, "10.0.0.31:5060", request(ack3));
  return {
    name: "redirect-302-followed",
    title: "302 with two Contacts (q=0.5, q=0.9): the higher q answers 480, the lower one 200",
    transport: "udp",
    steps: s.steps,
    expected: [
      {
        message: moved,
        kind: "redirect",
        outcome: "followed",
        details: {
          request: req,
          requestUri: "sip:bob@b.example",
          contacts: [
            { uri: "sip:bob@10.0.0.32", q: 0.9 },
            { uri: "sip:bob@10.0.0.31", q: 0.5 },
          ],
          ack,
          retry: retry1,
          retryUri: "sip:bob@10.0.0.32",
          retryCallId: "redir-1@a.example",
          retryStatus: 480,
          retries: [
            { message: retry1, uri: "sip:bob@10.0.0.32", status: 480 },
            { message: retry2, uri: "sip:bob@10.0.0.31", status: 200 },
          ],
          toPreserved: true,
          loopTarget: null,
        },
      },
    ],
  };
}

/** 302 acknowledged and never retried; an unrelated OPTIONS 40 s later moves capture time past the wait. */
export function redirectNotFollowed(): Scenario {
  const s = new StepList();
  const inv1 = invite("sip:bob@b.example", 1, "n1");
  s.sip(0, UAC, REDIRECTOR, request(inv1));
  const moved = s.sip(0.02, REDIRECTOR, UAC, response(inv1, 302, "Moved Temporarily", { toTag: "rs1", headers: ["Contact: <sip:bob@10.0.0.31>"] }));
  const ack = s.sip(0.03, UAC, REDIRECTOR, request(ackOf(inv1, "rs1")));
  const opt: ReqSpec = { method: "OPTIONS", uri: "sip:10.0.0.20", via: "SIP/2.0/UDP 10.0.0.11:5060;branch=z9hG4bK-opt1", from: "<sip:alice@a.example>;tag=o1", to: "<sip:10.0.0.20>", callId: "ping-1@a.example", cseq: 1 };
  s.sip(40, UAC, REDIRECTOR, request(opt));
  s.sip(40.01, REDIRECTOR, UAC, response(opt, 200, "OK", { toTag: "o2" }));
  return {
    name: "redirect-302-not-followed",
    title: "302 acknowledged, no retry to the Contact within 40 s",
    transport: "udp",
    steps: s.steps,
    expected: [{ message: moved, kind: "redirect", outcome: "not-followed", details: { contacts: [{ uri: "sip:bob@10.0.0.31", q: null }], ack, retry: null, retries: [], toPreserved: null } }],
  };
}

/** A to B (302 to C) is followed; C answers 302 back to A, a target already requested: a loop. */
export function redirectLoop(): Scenario {
  const s = new StepList();
  const inv1 = invite("sip:bob@b.example", 1, "l1");
  s.sip(0, UAC, REDIRECTOR, request(inv1));
  const first = s.sip(0.02, REDIRECTOR, UAC, response(inv1, 302, "Moved Temporarily", { toTag: "rs1", headers: ["Contact: <sip:bob@c.example>"] }));
  const ack1 = s.sip(0.03, UAC, REDIRECTOR, request(ackOf(inv1, "rs1")));
  const inv2 = invite("sip:bob@c.example", 2, "l2");
  const retry = s.sip(0.05, UAC, "10.0.0.21:5060", request(inv2));
  const second = s.sip(0.07, "10.0.0.21:5060", UAC, response(inv2, 302, "Moved Temporarily", { toTag: "rs2", headers: ["Contact: <sip:bob@b.example>"] }));
  const ack2 = s.sip(0.08, UAC, "10.0.0.21:5060", request(ackOf(inv2, "rs2")));
  return {
    name: "redirect-loop",
    title: "Redirect loop: b.example redirects to c.example, which redirects back to b.example",
    transport: "udp",
    steps: s.steps,
    expected: [
      { message: first, kind: "redirect", outcome: "followed", details: { ack: ack1, retry, retryUri: "sip:bob@c.example", retryStatus: 302, toPreserved: true, loopTarget: null } },
      { message: second, kind: "redirect", outcome: "loop", details: { ack: ack2, contacts: [{ uri: "sip:bob@b.example", q: null }], retry: null, loopTarget: "sip:bob@b.example" } },
    ],
  };
}

/** A 302 with no Contact at all: nothing to retry. */
export function redirectNoContact(): Scenario {
  const s = new StepList();
  const inv1 = invite("sip:bob@b.example", 1, "c1");
  s.sip(0, UAC, REDIRECTOR, request(inv1));
  const moved = s.sip(0.02, REDIRECTOR, UAC, response(inv1, 302, "Moved Temporarily", { toTag: "rs1" }));
  const ack = s.sip(0.03, UAC, REDIRECTOR, request(ackOf(inv1, "rs1")));
  return {
    name: "redirect-3xx-no-contact",
    title: "302 without a Contact header",
    transport: "udp",
    steps: s.steps,
    expected: [{ message: moved, kind: "redirect", outcome: "no-contact", details: { contacts: [], ack, retry: null } }],
  };
}

export const REDIRECT_SCENARIOS: readonly (() => Scenario)[] = [redirectFollowed, redirectNotFollowed, redirectLoop, redirectNoContact];
