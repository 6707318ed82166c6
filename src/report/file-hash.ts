/** A file's content hash (SHA-256, hex): the store's file key, so a re-run skips files whose bytes it already holds. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export async function hashFile(path: string): Promise<{ readonly fileId: string; readonly bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    hash.update(buf);
  }
  return { fileId: hash.digest("hex"), bytes };
}
