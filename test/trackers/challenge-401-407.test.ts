/**
 * Authentication challenges (RFC 3261 §22.2, §22.3): a 401/407 followed by the same request re-sent with
 * credentials is answered, not the request's outcome; one never re-sent is unanswered; one re-sent and challenged
 * again is rejected-again (with stale=true told apart). The call's final status is its status after challenges.
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { request, response, runTrace, type ReqSpec } from "../helpers/sip-trace.js";
import { StepList } from "../helpers/scenarios/scenario.js";
import { analyze } from "../../src/pipeline/analyze.js";

const UA = "10.0.0.11:5060";
const REGISTRAR = "10.0.0.20:5060";

function register(cseq: number, branch: string, credentials: readonly string[] = []): ReqSpec {
  return {
    method: "REGISTER",
    uri: "sip:example.test",
    via: `SIP/2.0/UDP 10.0.0.11:5060;branch=z9hG4bK-${branch}`,
    from: "<sip:alice@example.test>;tag=a1",
    to: "<sip:alice@example.test>",
    callId: "reg-1@10.0.0.11",
    cseq,
    headers: ["Contact: <sip:alice@10.0.0.11:5060>", "Expires: 600", ...credentials],
  };
}

const CHALLENGE = 'WWW-Authenticate: Digest realm="example.test", nonce="n1", algorithm=MD5';
const CREDENTIALS = 'Authorization: Digest username="alice", realm="example.test", nonce="n1", uri="sip:example.test", response="0123456789abcdef0123456789abcdef"';

describe("challenge tracker", () => {
  it("401 then REGISTER with Authorization (CSeq 2) answered 200: answered, and the call ends request-ok", () => {
    const s = new StepList();
    const r1 = register(1, "1");
    const req = s.sip(0, UA, REGISTRAR, request(r1));
    const challenge = s.sip(0.01, REGISTRAR, UA, response(r1, 401, "Unauthorized", { toTag: "t1", headers: [CHALLENGE] }));
    const r2 = register(2, "2", [CREDENTIALS]);
    const resent = s.sip(0.05, UA, REGISTRAR, request(r2));
    s.sip(0.06, REGISTRAR, UA, response(r2, 200, "OK", { toTag: "t2", headers: ["Contact: <sip:alice@10.0.0.11:5060>;expires=600"] }));
    const r = runTrace(s.steps);
    const f = r.byResponse.get(challenge);
    expect(f?.kind).toBe("challenge");
    expect(f?.outcome).toBe("answered");
    expect(f?.details).toMatchObject({ method: "REGISTER", request: req, header: "WWW-Authenticate", scheme: "Digest", realm: "example.test", stale: false, resent, resentCseq: 2, resentStatus: 200, resendDelayMs: 40 });
    expect(r.calls.find((c) => c.callId === "reg-1@10.0.0.11")?.state).toBe("request-ok");
  });

  it("401 never followed by credentials: unanswered after 32 s", () => {
    const s = new StepList();
    const r1 = register(1, "1");
    s.sip(0, UA, REGISTRAR, request(r1));
    const challenge = s.sip(0.01, REGISTRAR, UA, response(r1, 401, "Unauthorized", { toTag: "t1", headers: [CHALLENGE] }));
    s.sip(40, "10.0.0.99:5060", REGISTRAR, request({ ...register(1, "x"), callId: "other@x", from: "<sip:bob@example.test>;tag=b" }));
    const f = runTrace(s.steps).byResponse.get(challenge);
    expect(f?.outcome).toBe("unanswered");
    expect(f?.details).toMatchObject({ resent: null, resentStatus: null });
  });

  it("a re-sent request challenged again is rejected-again; with stale=true the texts say the nonce expired", () => {
    for (const stale of [false, true]) {
      const s = new StepList();
      const r1 = register(1, "1");
      s.sip(0, UA, REGISTRAR, request(r1));
      const challenge = s.sip(0.01, REGISTRAR, UA, response(r1, 401, "Unauthorized", { toTag: "t1", headers: [CHALLENGE] }));
      const r2 = register(2, "2", [CREDENTIALS]);
      s.sip(0.05, UA, REGISTRAR, request(r2));
      s.sip(0.06, REGISTRAR, UA, response(r2, 401, "Unauthorized", { toTag: "t2", headers: [stale ? `${CHALLENGE}, stale=TRUE` : CHALLENGE] }));
      const f = runTrace(s.steps).byResponse.get(challenge);
      expect(f?.outcome).toBe("rejected-again");
      expect(f?.details).toMatchObject({ resentStatus: 401 });
    }
  });

  it("a request re-sent without credentials, or with a lower CSeq, is not the answer", () => {
    const s = new StepList();
    const r1 = register(5, "1");
    s.sip(0, UA, REGISTRAR, request(r1));
    const challenge = s.sip(0.01, REGISTRAR, UA, response(r1, 401, "Unauthorized", { toTag: "t1", headers: [CHALLENGE] }));
    s.sip(0.05, UA, REGISTRAR, request(register(6, "2")));
    s.sip(0.06, UA, REGISTRAR, request(register(4, "3", [CREDENTIALS])));
    expect(runTrace(s.steps).byResponse.get(challenge)?.outcome).toBe("unanswered");
  });
});

const DIGEST = resolve(import.meta.dirname, "../../fixtures/sipp/register-digest/capture.pcap");
describe.skipIf(!existsSync(DIGEST))("challenge on a real SIPp capture", () => {
  it("register-digest: the 401 is answered by the REGISTER with Authorization", async () => {
    const doc = await analyze([DIGEST]);
    expect(doc.annotations.filter((a) => a.code === 401).map((a) => `${a.kind}:${a.outcome}`)).toEqual(["challenge:answered"]);
    expect(doc.calls[0]?.state).toBe("request-ok");
    expect(doc.calls[0]?.finalStatus).toBe(200);
  });
});
