/** jssip's RFC 3261 grammar as the strict view: `sipta lint` names every header it rejects. */
import { describe, expect, it } from "vitest";
import { checkGrammar } from "../../src/sip/grammar.js";
import { crlf, mustParse } from "../helpers/payload.js";

describe("checkGrammar (jssip/lib/Grammar)", () => {
  it("accepts a clean message", () => {
    const { msg } = mustParse(crlf("OPTIONS sip:bob@example.com SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1", "From: <sip:alice@example.com>;tag=1", "To: <sip:bob@example.com>", "Call-ID: g@x", "CSeq: 1 OPTIONS", "Max-Forwards: 70", "Content-Length: 0", "", ""));
    expect(checkGrammar(msg)).toEqual([]);
  });
  it("names each header the grammar rejects, and the tolerant parser still kept the message", () => {
    const { msg } = mustParse(crlf("OPTIONS sip:bob@example.com SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.1:5060;;branch", "From: <sip:alice@example.com>;tag=1", "To: <sip:bob@example.com>", "Call-ID: g@x", "CSeq: one OPTIONS", "Max-Forwards: lots", "Content-Length: 0", "", ""));
    expect(checkGrammar(msg).map((v) => v.header)).toEqual(["Via", "CSeq", "Max-Forwards"]);
    expect(msg.callId).toBe("g@x");
  });
});
