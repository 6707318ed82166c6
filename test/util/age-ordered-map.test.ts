/** AgeOrderedMap: oldest-first order by insertion and touch, lazy deletion, and a table churned at a cap. */
import { describe, expect, it } from "vitest";
import { AgeOrderedMap } from "../../src/util/age-ordered-map.js";

describe("AgeOrderedMap", () => {
  it("gives the oldest entry by insertion, then by last touch; deleted entries are skipped", () => {
    const m = new AgeOrderedMap<string, number>();
    m.set("a", 1);
    m.set("b", 2);
    m.set("c", 3);
    expect(m.oldest()).toEqual(["a", 1]);
    m.touch("a");
    expect(m.oldest()).toEqual(["b", 2]);
    m.delete("b");
    expect(m.oldest()).toEqual(["c", 3]);
    m.set("c", 30); // replacing makes it the youngest
    expect(m.oldest()).toEqual(["a", 1]);
    expect([...m.entries()].sort()).toEqual([["a", 1], ["c", 30]]);
    expect(m.size).toBe(2);
    m.clear();
    expect(m.oldest()).toBeUndefined();
  });

  it("a table held at a cap by evicting its oldest entry keeps exactly the youngest entries", () => {
    const m = new AgeOrderedMap<number, number>();
    const cap = 1000;
    for (let i = 0; i < 300_000; i++) {
      if (m.size >= cap) {
        const o = m.oldest();
        if (o !== undefined) m.delete(o[0]);
      }
      m.set(i, i);
      if (i % 3 === 0) m.touch(i - 500);
    }
    expect(m.size).toBe(cap);
    const keys = [...m.entries()].map(([k]) => k);
    expect(Math.min(...keys)).toBeGreaterThan(300_000 - 2 * cap);
  });
});
