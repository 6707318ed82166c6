/**
 * Runs one analysis worker per job slot (--jobs) over a list of files and hands each worker's messages to the
 * caller in order. A worker that dies (a crash in native code, out of memory) fails only its current file:
 * it is replaced and the batch goes on.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FileTotals } from "./store-rows.js";
import type { FromWorker, JobOptions, ToWorker } from "./worker-protocol.js";
import type { Row, TableName } from "../store/schema.js";

export interface FileHandlers {
  /** The file's content hash is known: true to analyse it, false to skip it (already stored). */
  hashed(path: string, fileId: string, bytes: number): Promise<boolean>;
  rows(path: string, batches: readonly (readonly [TableName, readonly Row[]])[]): Promise<void>;
  progress(path: string, bytes: number): void;
  started(path: string, slot: number): void;
  done(path: string, totals: FileTotals): Promise<void>;
  skipped(path: string): Promise<void>;
  failed(path: string, why: string, fileId: string | null): Promise<void>;
}

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * The worker's module next to this one: built, dist/report/report-worker.js; from source (tests, `node --import
 * tsx`), the .ts file behind tsx's loader, which a worker thread does not inherit from --import, so a two-line
 * bootstrap registers it first.
 */
function spawnWorker(): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(`./report-worker.${fromSource ? "ts" : "js"}`, import.meta.url);
  if (!fromSource) return new Worker(url);
  return new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true });
}

export async function runPool(paths: readonly string[], jobs: number, options: JobOptions, handlers: FileHandlers): Promise<void> {
  if (paths.length === 0) return;
  let nextIndex = 0;
  const slot = (n: number): Promise<void> =>
    new Promise<void>((resolveSlot) => {
      let worker: Worker | null = null;
      let current: string | null = null;
      let currentId: string | null = null;
      let chain: Promise<void> = Promise.resolve();

      const post = (w: Worker, m: ToWorker): void => {
        w.postMessage(m);
      };
      const startNext = (w: Worker): void => {
        const path = paths[nextIndex];
        if (path === undefined) {
          current = null;
          void w.terminate().then(() => {
            resolveSlot();
          });
          return;
        }
        nextIndex++;
        current = path;
        currentId = null;
        handlers.started(path, n);
        post(w, { type: "job", path, options });
      };
      const onMessage = (w: Worker, m: FromWorker): void => {
        const path = current;
        if (path === null) return;
        chain = chain.then(async () => {
          switch (m.type) {
            case "hashed":
              currentId = m.fileId;
              post(w, (await handlers.hashed(path, m.fileId, m.bytes)) ? { type: "go" } : { type: "skip" });
              return;
            case "progress":
              handlers.progress(path, m.bytes);
              return;
            case "rows":
              await handlers.rows(path, m.batches);
              post(w, { type: "ack" });
              return;
            case "done":
              await handlers.done(path, m.totals);
              startNext(w);
              return;
            case "skipped":
              await handlers.skipped(path);
              startNext(w);
              return;
            case "failed":
              await handlers.failed(path, m.why, m.fileId);
              startNext(w);
              return;
          }
        });
      };
      const spawn = (): void => {
        const w = spawnWorker();
        worker = w;
        w.on("message", (m: FromWorker) => {
          onMessage(w, m);
        });
        const lost = (why: string): void => {
          const path = current;
          current = null;
          if (path === null) return;
          chain = chain.then(async () => {
            await handlers.failed(path, `analysis worker stopped: ${why}`, currentId);
            if (worker === w) spawn();
          });
        };
        w.on("error", (e: Error) => {
          lost(e.message);
        });
        w.on("exit", (code: number) => {
          lost(`exit code ${code}`);
        });
        startNext(w);
      };
      spawn();
    });
  const slots = Math.max(1, Math.min(jobs, paths.length));
  await Promise.all(Array.from({ length: slots }, (_, i) => slot(i)));
}
