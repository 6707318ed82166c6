/**
 * A fork storm: one INVITE answered with 2,000 different To tags. Dialogs per Call-ID are capped (one
 * correlate.state_limit), every response is still correlated to its INVITE, and the call holds at most the cap.
 */
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { Correlator } from "../../src/correlate/correlator.js";
import { MAX_DIALOGS_PER_CALL } from "../../src/correlate/dialog-table.js";
import { parseSipMessage } from "../../src/sip/parser.js";
import type { SipMessage } from "../../src/sip/message.js";
import { payloadOf } from "../helpers/payload.js";

let next = 0;
function msg(text: string): SipMessage {
  const m = parseSipMessage(payloadOf(text), new ArraySink());
  if (m === null) throw new Error("no message");
  m.index = next++;
  return m;
}

const head = (start: string, toTag: string): string =>
  `${start}\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKstorm\r\nFrom: <sip:a@x>;tag=f\r\nTo: <sip:b@y>${toTag}\r\nCall-ID: storm@x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;

describe("dialogs per Call-ID", () => {
  it("2,000 forked 200 OKs: at most the cap kept, one diagnostic, every response still matched", () => {
    const sink = new ArraySink();
    const c = new Correlator(sink);
    c.observe(msg(head("INVITE sip:b@y SIP/2.0", "")), 1);
    let matched = 0;
    for (let i = 0; i < 2000; i++) if (c.observe(msg(head("SIP/2.0 200 OK", `;tag=t${i}`)), 2 + i).requestIndex !== null) matched++;
    expect(matched).toBe(2000);
    const d = sink.items.filter((x) => x.code === "correlate.state_limit");
    expect(d).toHaveLength(1);
    expect(d[0]?.message).toMatch(new RegExp(`^more than ${MAX_DIALOGS_PER_CALL} dialogs under Call-ID storm@x`));
    expect(c.findDialog("storm@x", "f", `t${MAX_DIALOGS_PER_CALL - 1}`)).not.toBeNull();
    expect(c.findDialog("storm@x", "f", `t${MAX_DIALOGS_PER_CALL}`)).toBeNull();
  });
});
