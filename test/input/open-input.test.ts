import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { InputFileError } from "../../src/diagnostics/errors.js";
import { openInput } from "../../src/input/open-input.js";

async function collect(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of it) parts.push(c);
  return Buffer.concat(parts);
}

const dir = mkdtempSync(join(tmpdir(), "sipta-open-"));
const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));

describe("openInput", () => {
  it("streams a plain file in chunks", async () => {
    const p = join(dir, "plain.bin");
    writeFileSync(p, data);
    const chunks: Buffer[] = [];
    for await (const c of openInput(p, { chunkSize: 65536 })) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it("inflates gzip by magic, whatever the name", async () => {
    const p = join(dir, "noext");
    writeFileSync(p, gzipSync(data));
    expect((await collect(openInput(p, { chunkSize: 1000 }))).equals(data)).toBe(true);
  });

  it("reports a truncated gzip through onDamage and keeps what was inflated", async () => {
    const p = join(dir, "cut.gz");
    const gz = gzipSync(data);
    writeFileSync(p, gz.subarray(0, Math.floor(gz.length / 2)));
    const damage: string[] = [];
    const out = await collect(openInput(p, { onDamage: (m) => damage.push(m) }));
    expect(out.length).toBeGreaterThan(0);
    expect(data.subarray(0, out.length).equals(out)).toBe(true);
    // A sync flush hides the cut from zlib: the trailer check names it (it went unreported before).
    expect(damage).toHaveLength(1);
    expect(damage[0]).toMatch(/cut short/);
    // A whole gzip is no damage.
    const whole: string[] = [];
    writeFileSync(p, gz);
    expect((await collect(openInput(p, { onDamage: (m) => whole.push(m) }))).equals(data)).toBe(true);
    expect(whole).toEqual([]);
  });

  it("reads '-' from the given stdin stream", async () => {
    const out = await collect(openInput("-", { stdin: Readable.from([gzipSync(Buffer.from("hello"))]) }));
    expect(out.toString()).toBe("hello");
  });

  it("handles an empty file and a one-byte file", async () => {
    const e = join(dir, "empty");
    writeFileSync(e, Buffer.alloc(0));
    expect((await collect(openInput(e))).length).toBe(0);
    const one = join(dir, "one");
    writeFileSync(one, Buffer.from([0x1f]));
    expect((await collect(openInput(one))).equals(Buffer.from([0x1f]))).toBe(true);
  });

  it("throws InputFileError for a missing file and for a directory", async () => {
    await expect(collect(openInput(join(dir, "nope")))).rejects.toBeInstanceOf(InputFileError);
    await expect(collect(openInput(dir))).rejects.toThrow(/directory/);
  });
});
