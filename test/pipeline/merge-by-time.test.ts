import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../src/model/trace-event.js";
import { mergeByTime } from "../../src/pipeline/merge-by-time.js";

function ev(file: string, timeUs: number): TraceEvent {
  return { kind: "connection", event: "open", origin: { file, frame: timeUs, line: null, frames: [timeUs] }, timeUs, src: { ip: "1.1.1.1", port: 1 }, dst: { ip: "2.2.2.2", port: 2 }, transport: "tcp" };
}

async function collect(it: AsyncIterable<TraceEvent>): Promise<string[]> {
  const out: string[] = [];
  for await (const e of it) out.push(`${e.origin.file}@${e.timeUs}`);
  return out;
}

describe("mergeByTime", () => {
  it("merges several files in capture-time order, first file first on ties", async () => {
    const a = Readable.from([ev("a", 1), ev("a", 5), ev("a", 9)]);
    const b = Readable.from([ev("b", 2), ev("b", 5), ev("b", 7)]);
    expect(await collect(mergeByTime([a, b]))).toEqual(["a@1", "b@2", "a@5", "b@5", "b@7", "a@9"]);
  });
  it("reorders slightly late events within the look-ahead window", async () => {
    const a = Readable.from([ev("a", 3), ev("a", 1), ev("a", 2)]);
    expect(await collect(mergeByTime([a], { lookAhead: 4 }))).toEqual(["a@1", "a@2", "a@3"]);
  });
  it("handles empty sources", async () => {
    expect(await collect(mergeByTime([Readable.from([]), Readable.from([ev("x", 1)])]))).toEqual(["x@1"]);
  });
});
