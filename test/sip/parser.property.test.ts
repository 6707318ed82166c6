/** Property tests (fast-check): the parser never throws, and generated valid messages round-trip. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { parseSipMessage } from "../../src/sip/parser.js";
import { canonicalLowerName } from "../../src/sip/header-names.js";
import { payloadOf } from "../helpers/payload.js";

const tokenChar = fc.constantFrom(...Array.from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"));
const token = fc.string({ unit: tokenChar, minLength: 1, maxLength: 16 });
// Header values: printable UTF-8 without CR/LF, no leading/trailing whitespace.
const valueChar = fc.oneof(
  fc.constantFrom(...Array.from(" abcdefghijklmnopqrstuvwxyz0123456789;=,<>@:\"/.-_")),
  fc.constantFrom("é", "ü", "中", "文", "ệ"),
);
const headerValue = fc.string({ unit: valueChar, maxLength: 40 }).map((s) => s.trim());

describe("parser properties", () => {
  it("never throws on arbitrary bytes, and a null result always comes with a diagnostic", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const sink = new ArraySink();
        const m = parseSipMessage(payloadOf(Buffer.from(bytes)), sink);
        if (m === null) expect(sink.items.length).toBeGreaterThan(0);
        else m.materializeAll(); // lazy accessors must not throw either
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws on SIP-shaped noise (start line + random header lines)", () => {
    const line = fc.string({ unit: fc.constantFrom(...Array.from("abc:;,<>\"= \t\r\nSIP/2.0 sip@1.2.3.4ztag=branch=z9hG4bK%")), maxLength: 60 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.boolean(), (lines, response) => {
        const text = `${response ? "SIP/2.0 200 OK" : "INVITE sip:a@b SIP/2.0"}\r\n${lines.join("\r\n")}`;
        const sink = new ArraySink();
        const m = parseSipMessage(payloadOf(text), sink);
        expect(m).not.toBeNull();
        m?.materializeAll();
      }),
      { numRuns: 2000 },
    );
  });

  it("every header of a generated valid message round-trips, in order", () => {
    const extra = fc.array(fc.tuple(token.map((t) => `X-${t}`), headerValue), { maxLength: 12 });
    fc.assert(
      fc.property(token, token, token, fc.integer({ min: 0, max: 0xffffffff }), token, extra, fc.boolean(), (callId, fromTag, branch, seq, method, extras, lfOnly) => {
        const headers: [string, string][] = [
          ["Via", `SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK${branch}`],
          ["From", `<sip:a@example.com>;tag=${fromTag}`],
          ["To", "<sip:b@example.com>"],
          ["Call-ID", callId],
          ["CSeq", `${seq} ${method}`],
          ...extras,
          ["Content-Length", "0"],
        ];
        const eol = lfOnly ? "\n" : "\r\n";
        const text = `${method} sip:b@example.com SIP/2.0${eol}${headers.map(([n, v]) => `${n}: ${v}`).join(eol)}${eol}${eol}`;
        const sink = new ArraySink();
        const m = parseSipMessage(payloadOf(text), sink);
        expect(m).not.toBeNull();
        if (m === null) return;
        expect(m.fields.map((f) => [f.name, f.value])).toEqual(headers);
        expect(m.fields.map((f) => f.key)).toEqual(headers.map(([n]) => canonicalLowerName(n)));
        expect(m.callId).toBe(callId);
        expect(m.cseq).toEqual({ seq, method });
        expect(m.fromTag).toBe(fromTag);
        expect(m.toTag).toBeNull();
        expect(m.branch).toBe(`z9hG4bK${branch}`);
        expect(m.kind === "request" && m.method).toBe(method);
        const codes = sink.items.map((d) => d.code);
        expect(codes.filter((c) => c !== "sip.bare_lf")).toEqual([]);
        expect(codes.includes("sip.bare_lf")).toBe(lfOnly);
      }),
      { numRuns: 1500 },
    );
  });
});
