import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MinHeap } from "../../src/util/min-heap.js";
import { ExpiryQueue } from "../../src/util/expiry-queue.js";

describe("MinHeap", () => {
  it("pops values in time order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 })), (times) => {
        const h = new MinHeap<number>();
        for (const t of times) h.push(t, t);
        const out: number[] = [];
        for (let v = h.pop(); v !== undefined; v = h.pop()) out.push(v);
        expect(out).toEqual([...times].sort((a, b) => a - b));
      }),
    );
  });

  it("popDue returns only values at or before now", () => {
    const h = new MinHeap<string>();
    h.push(5, "b");
    h.push(1, "a");
    h.push(9, "c");
    expect(h.popDue(5)).toEqual(["a", "b"]);
    expect(h.size).toBe(1);
  });
});

describe("ExpiryQueue", () => {
  it("pops due keys oldest first and drains the rest", () => {
    const q = new ExpiryQueue<string>();
    q.push(1, "a");
    q.push(2, "b");
    q.push(3, "c");
    expect(q.popDue(2)).toEqual(["a", "b"]);
    expect(q.drain()).toEqual(["c"]);
    expect(q.size).toBe(0);
  });
});
