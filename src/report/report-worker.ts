/**
 * A `sipta report` analysis worker (worker_threads): for each job, hash the file, ask the main thread whether
 * the store already has it, then stream the analysis into store rows sent in acknowledged batches. A failure
 * ends the job with its reason; the worker lives on for the next file.
 */
import { parentPort } from "node:worker_threads";
import { InputFileError } from "../diagnostics/errors.js";
import { analyzeStream } from "../pipeline/analyze.js";
import { hashFile } from "./file-hash.js";
import { StoreRows } from "./store-rows.js";
import type { FromWorker, JobOptions, ToWorker } from "./worker-protocol.js";

const BATCH_ROWS = 2000;
const PROGRESS_EVERY = 256 * 1024;

const port = parentPort;
if (port === null) throw new Error("report-worker must run in a worker thread");

const inbox: ToWorker[] = [];
let waiting: ((m: ToWorker) => void) | null = null;

function send(m: FromWorker): void {
  port?.postMessage(m);
}

function next(): Promise<ToWorker> {
  const m = inbox.shift();
  if (m !== undefined) return Promise.resolve(m);
  return new Promise((resolve) => {
    waiting = resolve;
  });
}

async function flush(rows: StoreRows): Promise<void> {
  if (rows.pending === 0) return;
  send({ type: "rows", batches: rows.take() });
  const reply = await next();
  if (reply.type !== "ack") throw new Error(`report worker: expected ack, got ${reply.type}`);
}

async function runJob(path: string, options: JobOptions): Promise<void> {
  let fileId: string | null = null;
  try {
    const hashed = await hashFile(path);
    fileId = hashed.fileId;
    send({ type: "hashed", fileId, bytes: hashed.bytes });
    const decision = await next();
    if (decision.type === "skip") {
      send({ type: "skipped" });
      return;
    }
    const rows = new StoreRows(fileId, options.withMessages);
    let unreported = 0;
    const events = analyzeStream([path], {
      lang: options.lang,
      logFormat: options.logFormat,
      date: options.date,
      tz: options.tz,
      onInputBytes: (n: number) => {
        unreported += n;
        if (unreported >= PROGRESS_EVERY) {
          send({ type: "progress", bytes: unreported });
          unreported = 0;
        }
      },
    });
    for await (const ev of events) {
      rows.add(ev);
      if (rows.pending >= BATCH_ROWS) await flush(rows);
    }
    await flush(rows);
    if (unreported > 0) send({ type: "progress", bytes: unreported });
    const totals = rows.fileTotals;
    if (totals === null) throw new Error("analysis ended without a summary");
    send({ type: "done", totals });
  } catch (e) {
    const errno = (e as NodeJS.ErrnoException).code;
    const why = e instanceof InputFileError || typeof errno === "string" ? (e as Error).message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    send({ type: "failed", why, fileId });
  }
}

let busy: Promise<void> = Promise.resolve();
port.on("message", (m: ToWorker) => {
  if (m.type === "job") {
    busy = busy.then(() => runJob(m.path, m.options));
    return;
  }
  const w = waiting;
  if (w !== null) {
    waiting = null;
    w(m);
  } else inbox.push(m);
});
