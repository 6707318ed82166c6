/** The on-disk spool gives records back by key, stable, byte-exact, across its buffer and read-window sizes. */
import { describe, expect, it } from "vitest";
import { RecordSpool } from "../../src/util/record-spool.js";

describe("RecordSpool", () => {
  it("returns records by ascending key, equal keys in insertion order, multi-byte text intact", () => {
    const s = new RecordSpool();
    try {
      const added: [number, string][] = [];
      for (let i = 0; i < 5000; i++) {
        const key = (i * 7919) % 101;
        const text = `${i}:${"x".repeat(i % 50)}中文\u202e🎉`;
        s.add(key, text);
        added.push([key, text]);
      }
      const expected = added.map((a, i) => ({ a, i })).sort((p, q) => p.a[0] - q.a[0] || p.i - q.i).map((p) => p.a[1]);
      expect([...s.sorted()]).toEqual(expected);
    } finally {
      s.close();
    }
  });

  it("handles records larger than its buffers, in order and out of order", () => {
    const s = new RecordSpool();
    try {
      const big = "é".repeat(700_000); // 1.4 MB of UTF-8: above the write buffer and the read window
      s.add(3, "c");
      s.add(1, big);
      s.add(2, "b".repeat(1_000_000));
      const out = [...s.sorted()];
      expect(out.map((t) => t.length)).toEqual([700_000, 1_000_000, 1]);
      expect(out[0]).toBe(big);
      expect(s.size).toBe(3);
    } finally {
      s.close();
      s.close();
    }
  });
});
