/**
 * Messages between `sipta report`'s main thread and its analysis workers. One file per job; the worker waits for
 * an acknowledgement after each batch of rows, so at most one batch per worker is ever in flight (memory bounded
 * by --jobs, not by file size or count).
 */
import type { Lang } from "../model/document.js";
import type { SourceOptions } from "../pipeline/source.js";
import type { Row, TableName } from "../store/schema.js";
import type { FileTotals } from "./store-rows.js";

export interface JobOptions {
  readonly lang: Lang;
  readonly withMessages: boolean;
  readonly logFormat?: SourceOptions["logFormat"];
  readonly date?: string | undefined;
  readonly tz?: string | undefined;
}

export type ToWorker =
  | { readonly type: "job"; readonly path: string; readonly options: JobOptions }
  | { readonly type: "go" }
  | { readonly type: "skip" }
  | { readonly type: "ack" };

export type FromWorker =
  | { readonly type: "hashed"; readonly fileId: string; readonly bytes: number }
  | { readonly type: "progress"; readonly bytes: number }
  | { readonly type: "rows"; readonly batches: readonly (readonly [TableName, readonly Row[]])[] }
  | { readonly type: "done"; readonly totals: FileTotals }
  | { readonly type: "skipped" }
  | { readonly type: "failed"; readonly why: string; readonly fileId: string | null };
