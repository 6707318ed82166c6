import { describe, expect, it } from "vitest";
import { OwedFindings } from "../../src/trackers/owed-findings.js";

interface P {
  readonly name: string;
  readonly callId: string;
  deadlineUs: number;
  decided: boolean;
}
const mk = (name: string, deadlineUs: number, callId = "c"): P => ({ name, callId, deadlineUs, decided: false });

describe("OwedFindings", () => {
  it("pops a record only strictly after its deadline, once, and skips decided ones", () => {
    const o = new OwedFindings<P>();
    const a = mk("a", 100);
    const b = mk("b", 50);
    const c = mk("c", 70);
    o.add(a);
    o.add(b);
    o.add(c);
    expect(o.popDue(50).map((p) => p.name)).toEqual([]);
    expect(o.decideOnce(c)).toBe(true);
    expect(o.popDue(101).map((p) => p.name)).toEqual(["b", "a"]);
  });

  it("a moved deadline wins over the old heap entry", () => {
    const o = new OwedFindings<P>();
    const a = mk("a", 100);
    o.add(a);
    o.moveDeadline(a, 300);
    expect(o.popDue(200)).toEqual([]);
    expect(o.popDue(301)).toEqual([a]);
  });

  it("wakeAt wakes without moving the deadline; popWoken ignores the deadline", () => {
    const o = new OwedFindings<P>();
    const a = mk("a", 1000);
    o.add(a);
    o.wakeAt(a, 10);
    expect(o.popDue(20)).toEqual([]);
    o.wakeAt(a, 15);
    expect(o.popWoken(20)).toEqual([a]);
    expect(a.deadlineUs).toBe(1000);
  });

  it("decides once, and holds/values/size see only undecided records", () => {
    const o = new OwedFindings<P>();
    const a = mk("a", 1, "x");
    const b = mk("b", 1, "y");
    o.add(a);
    o.add(b);
    expect(o.holds((p) => p.callId === "x")).toBe(true);
    expect(o.decideOnce(a)).toBe(true);
    expect(o.decideOnce(a)).toBe(false);
    expect(o.holds((p) => p.callId === "x")).toBe(false);
    expect(o.values()).toEqual([b]);
    expect([...o]).toEqual([b]);
    expect(o.size).toBe(1);
  });
});
