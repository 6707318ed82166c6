import { describe, expect, it } from "vitest";
import { checkStartLine, findContentLength, findStartLine, frameDatagram, frameStream } from "../../src/sip/framing.js";
import { SipStreamFramer } from "../../src/sip/framing-stream.js";
import type { FramedItem, FramerProblem } from "../../src/sip/framing-stream.js";

const b = (s: string): Buffer => Buffer.from(s, "latin1");
const msg = (cseq: number, body = ""): string => `OPTIONS sip:x@y SIP/2.0\r\nCall-ID: c${cseq}\r\nCSeq: ${cseq} OPTIONS\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

describe("start line", () => {
  it("recognises requests and responses, and says when more bytes are needed", () => {
    expect(checkStartLine(b("INVITE sip:a@b SIP/2.0\r\n"), 0, 24)).toBe("yes");
    expect(checkStartLine(b("SIP/2.0 180 Ringing\r\n"), 0, 21)).toBe("yes");
    expect(checkStartLine(b("SIP/2.0 200\r\n"), 0, 13)).toBe("yes");
    expect(checkStartLine(b("INVITE sip:a@b SIP/2."), 0, 21)).toBe("incomplete");
    expect(checkStartLine(b("GET / HTTP/1.1\r\n"), 0, 16)).toBe("no");
    expect(checkStartLine(b("\x80\x00binary"), 0, 8)).toBe("no");
  });
  it("finds the next start line at a line start only", () => {
    const s = b("junk SIP/2.0 junk\r\nmore\r\nBYE sip:a SIP/2.0\r\n");
    expect(findStartLine(s, 0, s.length)).toBe(25);
  });
  it("reads Content-Length and compact l:", () => {
    const s = b("X\r\nl: 12\r\n\r\n");
    expect(findContentLength(s, 0, s.length)).toBe(12);
    expect(findContentLength(b("X\r\nContent-Length: abc\r\n\r\n"), 0, 26)).toBe(-1);
    expect(findContentLength(b("X\r\nTo: a\r\n\r\n"), 0, 12)).toBeNull();
  });
});

describe("frameStream (leftover-bytes contract)", () => {
  it("cuts several messages from one buffer and keeps the partial one as rest", () => {
    const whole = msg(1, "abc") + msg(2);
    const third = msg(3, "hello");
    const s = b(whole + third.slice(0, 30));
    const r = frameStream(s);
    expect(r.items.map((i) => i.kind)).toEqual(["message", "message"]);
    expect(r.rest).toBe(whole.length);
  });
  it("recognises a double-CRLF ping and a CRLF pong between messages (RFC 5626 §4.4.1)", () => {
    expect(frameStream(b("\r\n\r\n")).items.map((i) => i.kind)).toEqual(["ping"]);
    expect(frameStream(b("\r\n")).items.map((i) => i.kind)).toEqual(["pong"]);
    expect(frameStream(b(`${msg(1)}\r\n\r\n${msg(2)}`)).items.map((i) => i.kind)).toEqual(["message", "ping", "message"]);
  });
  it("resyncs at the next start line when out of sync", () => {
    const r = frameStream(b(`tail of a lost body\r\n${msg(4)}`), false);
    expect(r.items.map((i) => i.kind)).toEqual(["junk", "message"]);
  });
  it("tolerates LF-only line ends", () => {
    const r = frameStream(b("OPTIONS sip:x SIP/2.0\nContent-Length: 2\n\nok"));
    expect(r.items).toEqual([{ kind: "message", start: 0, end: 43, contentLength: 2 }]);
  });
});

describe("frameDatagram", () => {
  it("cuts a body at Content-Length and flags a short one as truncated", () => {
    const long = b(msg(1, "abc") + "trailing");
    const r = frameDatagram(long, 0, long.length);
    expect(r.kind === "message" && [r.message.end, r.message.extraBytes]).toEqual([msg(1, "abc").length, 8]);
    const short = b(msg(1, "abcdef").slice(0, -3));
    const t = frameDatagram(short, 0, short.length);
    expect(t.kind === "message" && t.message.truncated).toBe(true);
  });
  it("finds a start line after a little junk and rejects non-SIP", () => {
    const j = b(`xx junk\r\n${msg(1)}`);
    const r = frameDatagram(j, 0, j.length);
    expect(r.kind === "message" && r.message.start).toBe(9);
    expect(frameDatagram(b("\x80\x60rtp"), 0, 5).kind).toBe("not-sip");
  });
});

describe("SipStreamFramer", () => {
  it("builds a message across segments and names every frame", () => {
    const f = new SipStreamFramer();
    const out: FramedItem[] = [];
    const problems: FramerProblem[] = [];
    const m = b(msg(9, "0123456789"));
    f.push(m.subarray(0, 20), 10, out, problems);
    f.push(m.subarray(20, 50), 11, out, problems);
    expect(out).toHaveLength(0);
    f.push(Buffer.concat([m.subarray(50), b(msg(10))]), 12, out, problems);
    expect(out.map((o) => (o.kind === "message" ? o.frames : []))).toEqual([[10, 11, 12], [12]]);
  });
  it("reports a message cut by a gap as truncated, then resyncs", () => {
    const f = new SipStreamFramer();
    const out: FramedItem[] = [];
    const problems: FramerProblem[] = [];
    f.push(b(msg(1, "0123456789").slice(0, -4)), 1, out, problems);
    f.gap(2, out, problems);
    f.push(b(`89${msg(2)}`), 2, out, problems);
    expect(out.map((o) => (o.kind === "message" ? o.truncated : null))).toEqual([true, false]);
  });
});
