/**
 * Issue 15's adversarial streams at the framer: a first message whose headers overflow the 128 KiB cap must not
 * hide the messages after it; a 2 GB Content-Length gives one diagnostic for the message and one for the skipped
 * run, not one per segment; a long valid body arrives in thousands of segments and comes out whole.
 */
import { describe, expect, it } from "vitest";
import type { FramedItem, FramerProblem } from "../../src/sip/framing-stream.js";
import { SipStreamFramer } from "../../src/sip/framing-stream.js";
import { MAX_HEADER_BYTES } from "../../src/sip/framing.js";

const MSS = 1460;

function options(n: number, extraHeaders = "", body = ""): Buffer {
  return Buffer.from(`OPTIONS sip:b@example.com SIP/2.0\r\nCall-ID: adv-${n}\r\nCSeq: ${n} OPTIONS\r\n${extraHeaders}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, "latin1");
}

/** Feeds `chunks` in MSS-sized segments, one frame each. */
function run(chunks: readonly Buffer[], framer = new SipStreamFramer()): { items: FramedItem[]; problems: FramerProblem[]; segments: number } {
  const items: FramedItem[] = [];
  const problems: FramerProblem[] = [];
  let frame = 0;
  for (const c of chunks) {
    for (let at = 0; at < c.length; at += MSS) framer.push(c.subarray(at, at + MSS), ++frame, items, problems);
  }
  framer.end(frame, items, problems);
  return { items, problems, segments: frame };
}

const starts = (items: readonly FramedItem[]): string[] => items.flatMap((i) => (i.kind === "message" ? [i.bytes.toString("latin1", 0, i.bytes.indexOf(0x0d))] : []));

describe("stream framing under adversarial input", () => {
  it("a first message with more than 128 KiB of headers is reported, and the messages after it still come out", () => {
    const huge = options(1, `X-Big: ${"a".repeat(MAX_HEADER_BYTES + 10_000)}\r\n`);
    const { items, problems } = run([huge, options(2), options(3)]);
    expect(starts(items)).toEqual(["OPTIONS sip:b@example.com SIP/2.0", "OPTIONS sip:b@example.com SIP/2.0"]);
    expect(items.map((i) => (i.kind === "message" ? i.bytes.toString().includes("adv-2") || i.bytes.toString().includes("adv-3") : false))).toEqual([true, true]);
    const tooLong = problems.filter((p) => p.kind === "junk" && p.reason === "headers-too-long");
    expect(tooLong).toHaveLength(1);
  });

  it("a header folded a million times: bounded, reported once, the next message found", () => {
    const folded = options(1, `Subject: x${"\r\n y".repeat(1_000_000)}\r\n`);
    const { items, problems } = run([folded, options(2)]);
    expect(starts(items)).toHaveLength(1);
    expect(problems.filter((p) => p.kind === "junk" && p.reason === "headers-too-long")).toHaveLength(1);
  });

  it("a 10 MB header value: reported once, the next message found", () => {
    const { items, problems } = run([options(1, `X-Long: ${"v".repeat(10 * 1024 * 1024)}\r\n`), options(2)]);
    expect(starts(items)).toHaveLength(1);
    expect(problems.filter((p) => p.kind === "junk")).toHaveLength(1);
  });

  it("Content-Length 2^31 followed by 16 MB: one bad-content-length and one skipped run, not one per segment", () => {
    const head = Buffer.from("INVITE sip:b@example.com SIP/2.0\r\nCall-ID: big\r\nCSeq: 1 INVITE\r\nContent-Length: 2147483648\r\n\r\n", "latin1");
    const body = Buffer.alloc(16 * 1024 * 1024, 0x42);
    // Resynchronisation needs the next start line to begin a line (RFC 3261 §7.5 allows CRLFs before it).
    const { items, problems, segments } = run([head, body, Buffer.from("\r\n"), options(9)]);
    expect(segments).toBeGreaterThan(11_000);
    expect(starts(items)).toEqual(["INVITE sip:b@example.com SIP/2.0", "OPTIONS sip:b@example.com SIP/2.0"]);
    expect(problems.map((p) => p.kind)).toEqual(["bad-content-length", "junk"]);
    const junk = problems[1];
    expect(junk?.kind === "junk" ? junk.bytes : 0).toBe(body.length + 2);
  });

  it("a 1 MiB body in 700+ segments comes out whole, with every frame", () => {
    const big = options(1, "", "b".repeat(1024 * 1024));
    const { items, problems } = run([big, options(2)]);
    expect(problems).toEqual([]);
    const first = items[0];
    expect(first?.kind === "message" ? [first.bytes.length, first.frames.length] : null).toEqual([big.length, Math.ceil(big.length / MSS)]);
    expect(starts(items)).toHaveLength(2);
  });
});
