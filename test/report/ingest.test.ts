/**
 * ingest() in process, as the CLI drives it on a terminal: with a progress reporter (its functions stay on the
 * main thread; only plain job data crosses to the workers), every file reported started and ended once.
 */
import { describe, expect, it } from "vitest";
import { ingest, type IngestProgress } from "../../src/report/ingest.js";
import { DuckDbStore } from "../../src/store/duckdb-store.js";

describe("ingest with a progress reporter", () => {
  it("analyses every file, tells the reporter each start and end, and writes the files table", async () => {
    const events: string[] = [];
    const progress: IngestProgress = {
      begin: (files) => events.push(`begin ${files.length}`),
      fileStarted: (p) => events.push(`start ${p}`),
      fileBytes: () => undefined,
      fileEnded: (p, how) => events.push(`end ${p} ${how}`),
      end: () => events.push("end"),
    };
    const store = await DuckDbStore.open(null);
    try {
      const r = await ingest(store, ["fixtures/demo"], { recursive: false, jobs: 2, lang: "en", withMessages: true, progress });
      expect(r.failed).toEqual([]);
      expect(r.analysed).toBe(2);
      expect(events[0]).toBe("begin 2");
      expect(events.filter((e) => e.startsWith("start ")).length).toBe(2);
      expect(events.filter((e) => e.endsWith(" analysed")).length).toBe(2);
      expect(events[events.length - 1]).toBe("end");
      const files = await store.query("SELECT count(*) AS n, sum(messages) AS m FROM files");
      const messages = await store.query("SELECT count(*) AS n FROM messages");
      expect(files.rows[0]?.[0]).toBe(2);
      expect(messages.rows[0]?.[0]).toBe(files.rows[0]?.[1]);
    } finally {
      await store.close();
    }
  }, 300_000);
});
