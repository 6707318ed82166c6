import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { IpFragmentReassembler } from "../../src/reassembly/ip-fragments.js";

const base = { version: 4 as const, src: "10.0.0.1", dst: "10.0.0.2", proto: 17, fragId: 7 };
const data = Buffer.from(Array.from({ length: 40 }, (_, i) => i));

describe("IpFragmentReassembler", () => {
  it("reassembles fragments in any order and lists their frames", () => {
    const r = new IpFragmentReassembler("f", new ArraySink());
    expect(r.add({ ...base, fragOffset: 32, moreFragments: false }, data.subarray(32), 3, 0)).toBeNull();
    expect(r.add({ ...base, fragOffset: 0, moreFragments: true }, data.subarray(0, 16), 1, 0)).toBeNull();
    const done = r.add({ ...base, fragOffset: 16, moreFragments: true }, data.subarray(16, 32), 2, 0);
    expect(done?.data.equals(data)).toBe(true);
    expect(done?.frames).toEqual([1, 2, 3]);
    expect(r.pendingDatagrams).toBe(0);
  });
  it("keeps the first copy of overlapping bytes and reports differing overlaps", () => {
    const sink = new ArraySink();
    const r = new IpFragmentReassembler("f", sink);
    r.add({ ...base, fragOffset: 0, moreFragments: true }, data.subarray(0, 24), 1, 0);
    const evil = Buffer.alloc(24, 0xee);
    const done = r.add({ ...base, fragOffset: 16, moreFragments: false }, evil, 2, 0);
    expect(done?.data.subarray(0, 24).equals(data.subarray(0, 24))).toBe(true);
    expect(sink.items.map((d) => d.code)).toEqual(["ip.fragment_overlap"]);
  });
  it("drops incomplete datagrams after the timeout in capture time", () => {
    const sink = new ArraySink();
    const r = new IpFragmentReassembler("f", sink, { timeoutUs: 1000, maxPendingBytes: 1 << 20, maxDatagrams: 10, maxFragments: 10 });
    r.add({ ...base, fragOffset: 0, moreFragments: true }, data.subarray(0, 16), 1, 0);
    r.add({ ...base, fragId: 8, fragOffset: 0, moreFragments: true }, data.subarray(0, 16), 2, 2_000_000);
    expect(sink.items.map((d) => d.code)).toEqual(["ip.fragment_timeout"]);
    expect(r.pendingDatagrams).toBe(1);
  });
  it("caps pending bytes with a diagnostic", () => {
    const sink = new ArraySink();
    const r = new IpFragmentReassembler("f", sink, { timeoutUs: 1e9, maxPendingBytes: 40, maxDatagrams: 10, maxFragments: 10 });
    for (let id = 0; id < 4; id++) r.add({ ...base, fragId: id, fragOffset: 0, moreFragments: true }, data.subarray(0, 16), id + 1, 0);
    expect(sink.items.some((d) => d.code === "ip.fragment_cap")).toBe(true);
    expect(r.pendingDatagrams).toBeLessThanOrEqual(3);
  });
  it("200,000 fragments that never complete: pending stays under the caps, a handful of diagnostics with totals", () => {
    const sink = new ArraySink();
    const r = new IpFragmentReassembler("f", sink);
    // One first fragment per datagram id (16-bit ids wrap: several sources), 1 µs apart: no timeout fires.
    for (let i = 0; i < 200_000; i++) r.add({ ...base, src: `10.0.${i >> 16}.1`, fragId: i & 0xffff, fragOffset: 0, moreFragments: true }, data.subarray(0, 16), i + 1, i);
    expect(r.pendingDatagrams).toBeLessThanOrEqual(8192);
    r.flush(200_000);
    const caps = sink.items.filter((d) => d.code === "ip.fragment_cap");
    const timeouts = sink.items.filter((d) => d.code === "ip.fragment_timeout");
    expect(caps).toHaveLength(2);
    expect(caps[1]?.message).toMatch(/^191808 incomplete IP datagrams in all were dropped/);
    expect(timeouts).toHaveLength(2);
    expect(timeouts[1]?.message).toMatch(/^8192 IP datagrams in all never completed/);
  });
});
