import { describe, expect, it } from "vitest";
import { TcpDirection, seqDiff } from "../../src/reassembly/tcp-stream.js";

function collector(): { got: string[]; consumer: ConstructorParameters<typeof TcpDirection>[0] } {
  const got: string[] = [];
  return {
    got,
    consumer: {
      data: (d, frame, completing) => got.push(`${d.toString()}@${frame}/${completing}`),
      gap: (n, frame, why) => got.push(`gap ${n}@${frame} ${why}`),
    },
  };
}

describe("TcpDirection", () => {
  it("orders out-of-order segments, drops retransmissions, trims overlaps", () => {
    const { got, consumer } = collector();
    const d = new TcpDirection(consumer);
    d.syn(999);
    d.segment(1005, Buffer.from("world"), 0, 2, 0);
    d.segment(1000, Buffer.from("hello"), 0, 3, 0);
    d.segment(1000, Buffer.from("hello"), 0, 4, 0);
    d.segment(1008, Buffer.from("ld!!"), 0, 5, 0);
    expect(got).toEqual(["hello@3/3", "world@2/3", "!!@5/5"]);
    expect(d.duplicates).toBe(1);
  });
  it("handles sequence wraparound", () => {
    expect(seqDiff(5, 0xfffffffb)).toBe(10);
    const { got, consumer } = collector();
    const d = new TcpDirection(consumer);
    d.segment(0xfffffffe, Buffer.from("ab"), 0, 1, 0);
    d.segment(0, Buffer.from("cd"), 0, 2, 0);
    expect(got).toEqual(["ab@1/1", "cd@2/2"]);
  });
  it("declares a gap after the timeout in capture time, and at the buffer cap", () => {
    const { got, consumer } = collector();
    const d = new TcpDirection(consumer, { maxBufferedBytes: 8, gapTimeoutUs: 1000, maxJump: 1 << 20 });
    d.segment(100, Buffer.from("aa"), 0, 1, 0);
    d.segment(110, Buffer.from("bb"), 0, 2, 10);
    d.tick(500, 3);
    expect(got).toEqual(["aa@1/1"]);
    d.tick(2000, 4);
    expect(got.slice(1)).toEqual(["gap 8@4 timeout", "bb@2/4"]);
    d.segment(200, Buffer.from("123456789"), 0, 5, 2001);
    expect(got[got.length - 2]).toBe("gap 88@5 buffer-cap");
  });
  it("reports bytes the snapshot length cut as a gap", () => {
    const { got, consumer } = collector();
    const d = new TcpDirection(consumer);
    d.segment(1, Buffer.from("abc"), 5, 1, 0);
    d.segment(9, Buffer.from("next"), 0, 2, 0);
    expect(got).toEqual(["abc@1/1", "gap 5@1 snaplen", "next@2/2"]);
  });
});
