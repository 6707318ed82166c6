/**
 * Correlation state is released in capture time and capped: regression tests for two leaks found by measuring
 * `analyze --format ndjson` peak RSS at 100 MB and 400 MB (transactions refreshed after queueing never expired; the
 * live-call table had no cap).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { Correlator } from "../../src/correlate/correlator.js";
import { parseSipMessage } from "../../src/sip/parser.js";
import type { SipMessage } from "../../src/sip/message.js";
import { payloadOf } from "../helpers/payload.js";

let nextIndex = 0;
function msg(text: string): SipMessage {
  const m = parseSipMessage(payloadOf(text), new ArraySink());
  if (m === null) throw new Error("no message");
  m.index = nextIndex++;
  return m;
}

function call(i: number): { invite: SipMessage; ok: SipMessage; ack: SipMessage } {
  const head = (start: string, cseq: string, branch: string, toTag: string) =>
    `${start}\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=${branch}\r\nFrom: <sip:a@x>;tag=f${i}\r\nTo: <sip:b@y>${toTag}\r\nCall-ID: c${i}@x\r\nCSeq: ${cseq}\r\nContent-Length: 0\r\n\r\n`;
  return {
    invite: msg(head("INVITE sip:b@y SIP/2.0", "1 INVITE", `z9hG4bKi${i}`, "")),
    ok: msg(head("SIP/2.0 200 OK", "1 INVITE", `z9hG4bKi${i}`, `;tag=t${i}`)),
    ack: msg(head("ACK sip:b@y SIP/2.0", "1 ACK", `z9hG4bKa${i}`, `;tag=t${i}`)),
  };
}

const S = 1_000_000;

describe("correlation memory", () => {
  it("an answered INVITE's messages are collectable once its transaction expired (no stale queue entry pins them)", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const c = new Correlator(new ArraySink());
    const t0 = 1_700_000_000 * S;
    // In a plain function, so that no local of this async test keeps the messages alive.
    const feed = (): WeakRef<SipMessage>[] => {
      const { invite, ok, ack } = call(1);
      c.observe(invite, t0);
      c.observe(ok, t0 + 10 * S); // the INVITE was queued for the 10-minute pending bound, then answered
      c.observe(ack, t0 + 11 * S);
      return [new WeakRef(invite), new WeakRef(ok)];
    };
    const refs = feed();
    c.advance(t0 + 50 * S, () => false); // 64*T1 = 32 s after the last activity, long before 10 minutes
    expect(c.openTransactions).toBe(0);
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(refs.map((r) => r.deref() === undefined)).toEqual([true, true]);
  });

  it("live calls are capped: the oldest are closed early with one state_limit diagnostic", () => {
    const sink = new ArraySink();
    const c = new Correlator(sink, { maxCalls: 100 });
    const t0 = 1_700_000_000 * S;
    const released: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const { invite } = call(1000 + i); // never answered: nothing ends by itself within this second
      c.observe(invite, t0 + i * 1000);
      released.push(...c.advance(t0 + i * 1000, () => false).map((r) => r.callId));
    }
    expect(c.liveCalls).toBeLessThanOrEqual(100);
    expect(released.length).toBe(900);
    expect(released[0]).toBe("c1000@x");
    expect(sink.items.filter((d) => d.code === "correlate.state_limit").length).toBe(1);
  });
});
