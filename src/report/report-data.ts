/**
 * The batch report as data (`sipta report --out F.json` writes exactly this). Every number comes from the
 * store's SQL (report-queries.ts); the Markdown, CSV and HTML forms are drawn from the same object through
 * report-tables.ts, so all formats agree by construction. Times are RFC 3339 UTC, durations ms.
 */

export const REPORT_SCHEMA = "sipta-report/1";

export interface Distribution {
  readonly count: number;
  readonly minMs: number | null;
  readonly medianMs: number | null;
  readonly p95Ms: number | null;
  readonly maxMs: number | null;
  readonly meanMs: number | null;
  readonly buckets: readonly { readonly label: string; readonly count: number }[];
}

export interface FileLine {
  readonly path: string;
  readonly format: string;
  readonly bytes: number;
  readonly messages: number;
  readonly calls: number;
  readonly firstTs: string | null;
  readonly lastTs: string | null;
  readonly spanS: number | null;
  readonly diagnostics: number;
  readonly error: string | null;
}

export interface WorstCall {
  readonly rank: number;
  readonly path: string;
  readonly callId: string;
  readonly method: string | null;
  readonly state: string | null;
  readonly finalStatus: number | null;
  readonly startTs: string | null;
  readonly worstSeverity: string;
  readonly errors: number;
  readonly warnings: number;
  readonly failures: number;
  readonly outcomes: string;
}

export interface TimeBucket {
  readonly startTs: string;
  readonly c4xx: number;
  readonly c5xx: number;
  readonly c6xx: number;
  readonly trackerErrors: number;
}

export interface BatchReport {
  readonly schema: typeof REPORT_SCHEMA;
  readonly tool: { readonly name: "sipta"; readonly version: string };
  /** When the report was generated; null with --no-timestamp (then the same store gives the same bytes). */
  readonly generatedAt: string | null;
  readonly totals: {
    readonly files: number;
    readonly filesFailed: number;
    readonly bytes: number;
    readonly messages: number;
    readonly calls: number;
    readonly responses: number;
    readonly annotations: number;
    readonly diagnostics: number;
    readonly firstTs: string | null;
    readonly lastTs: string | null;
  };
  readonly files: readonly FileLine[];
  readonly responseClasses: readonly { readonly class: string; readonly count: number }[];
  readonly responseCodes: readonly { readonly method: string; readonly code: number; readonly count: number }[];
  readonly postDialDelay: Distribution;
  readonly answerSeizure: {
    readonly seizures: number;
    readonly answered: number;
    readonly asrPercent: number | null;
    readonly states: readonly { readonly state: string; readonly count: number }[];
  };
  readonly transfers: {
    readonly total: number;
    readonly outcomes: readonly { readonly outcome: string; readonly count: number }[];
    readonly successRatePercent: number | null;
    readonly failuresBySipfrag: readonly { readonly sipfrag: number | null; readonly count: number }[];
    readonly missingNotify: number;
    readonly droppedTransferees: number;
  };
  readonly redirects: {
    readonly total: number;
    readonly outcomes: readonly { readonly outcome: string; readonly count: number }[];
    readonly codes: readonly { readonly code: number; readonly count: number }[];
  };
  readonly outbound: {
    readonly flows: number;
    readonly failures: readonly { readonly kind: string; readonly count: number }[];
    readonly outcomes: readonly { readonly outcome: string; readonly count: number }[];
    readonly recovery: Distribution;
  };
  readonly authentication: readonly { readonly method: string; readonly code: number; readonly kind: string; readonly outcome: string; readonly count: number }[];
  readonly worstCalls: readonly WorstCall[];
  readonly failuresOverTime: { readonly bucketSeconds: number; readonly buckets: readonly TimeBucket[] };
  readonly diagnostics: readonly { readonly code: string; readonly severity: string; readonly count: number; readonly files: number }[];
}
