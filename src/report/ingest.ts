/**
 * Adds files to a store: hashes decide what is new (a file whose bytes are stored is skipped; a path whose bytes
 * changed has its old rows removed first), workers analyse in parallel, rows are written as they arrive, and a
 * file that fails is recorded with why (files.error) without stopping the others.
 */
import { VERSION } from "../pipeline/version.js";
import type { Store } from "../store/store.js";
import { collectInputs } from "./collect-inputs.js";
import type { FileTotals } from "./store-rows.js";
import { runPool } from "./worker-pool.js";
import type { JobOptions } from "./worker-protocol.js";

export interface IngestProgress {
  begin(files: readonly string[]): void;
  fileStarted(path: string, slot: number): void;
  fileBytes(path: string, bytes: number): void;
  fileEnded(path: string, how: "analysed" | "skipped" | "failed"): void;
  end(): void;
}

export interface IngestResult {
  readonly analysed: number;
  readonly skipped: number;
  readonly failed: readonly { readonly path: string; readonly why: string }[];
}

export interface IngestOptions extends JobOptions {
  readonly recursive: boolean;
  readonly jobs: number;
  readonly progress?: IngestProgress;
}

function fileRow(fileId: string, path: string, totals: FileTotals | null, bytes: number, error: string | null) {
  return [
    fileId, path, totals?.format ?? "unreadable", totals?.bytes ?? bytes, totals?.messages ?? 0, totals?.calls ?? 0, totals?.annotations ?? 0,
    totals?.firstUs ?? null, totals?.lastUs ?? null, totals?.diagnostics ?? 0, error, VERSION,
  ];
}

export async function ingest(store: Store, paths: readonly string[], options: IngestOptions): Promise<IngestResult> {
  const inputs = await collectInputs(paths, options.recursive);
  const failed: { path: string; why: string }[] = [];
  for (const u of inputs.unreadable) {
    failed.push(u);
    await store.insert("files", [fileRow(`unreadable:${u.path}`, u.path, null, 0, u.why)]);
  }
  const stored = await store.storedFiles();
  const byId = new Set(stored.map((f) => f.fileId));
  const byPath = new Map<string, string[]>();
  for (const f of stored) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f.fileId]);
  const sizes = new Map<string, number>();
  const wrote = new Set<string>();
  let analysed = 0;
  let skipped = 0;
  options.progress?.begin(inputs.files);

  // Only plain data crosses to the workers (a progress object's functions cannot be cloned).
  const job: JobOptions = { lang: options.lang, withMessages: options.withMessages, logFormat: options.logFormat, date: options.date, tz: options.tz };
  await runPool(inputs.files, options.jobs, job, {
    hashed: async (path, fileId, bytes) => {
      sizes.set(path, bytes);
      if (byId.has(fileId)) return false;
      // The same path with other bytes (or an earlier failure): its old rows go, the new content comes in.
      for (const old of byPath.get(path) ?? []) await store.removeFile(old);
      byPath.set(path, [fileId]);
      byId.add(fileId);
      return true;
    },
    rows: async (path, batches) => {
      wrote.add(path);
      for (const [table, rows] of batches) await store.insert(table, rows);
    },
    progress: (path, bytes) => {
      options.progress?.fileBytes(path, bytes);
    },
    started: (path, slot) => {
      options.progress?.fileStarted(path, slot);
    },
    done: async (path, totals) => {
      const fileId = byPath.get(path)?.[0] ?? path;
      await store.insert("files", [fileRow(fileId, path, totals, totals.bytes, null)]);
      analysed++;
      options.progress?.fileEnded(path, "analysed");
    },
    skipped: (path) => {
      skipped++;
      options.progress?.fileEnded(path, "skipped");
      return Promise.resolve();
    },
    failed: async (path, why, fileId) => {
      if (fileId !== null && wrote.has(path)) await store.removeFile(fileId);
      if (fileId !== null) byId.delete(fileId);
      const id = `failed:${fileId ?? path}`;
      byPath.set(path, [id]);
      await store.insert("files", [fileRow(id, path, null, sizes.get(path) ?? 0, why)]);
      failed.push({ path, why });
      options.progress?.fileEnded(path, "failed");
    },
  });
  options.progress?.end();
  return { analysed, skipped, failed };
}
