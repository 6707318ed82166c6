/** Times as the views print them, computed from the document's RFC 3339 `ts` strings (capture time). */

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** Microseconds since the epoch, or null when `ts` is null or not RFC 3339. */
export function parseTsUs(ts: string | null): number | null {
  if (ts === null) return null;
  const m = ISO.exec(ts);
  if (m === null) return null;
  const ms = Date.parse(`${m[1] ?? ""}T${m[2] ?? ""}${m[4] ?? "Z"}`);
  if (Number.isNaN(ms)) return null;
  const frac = (m[3] ?? "").padEnd(6, "0").slice(0, 6);
  return ms * 1000 + Number(frac);
}

/** `HH:MM:SS.mmm` (UTC as in the document), "--:--:--.---" when unknown. */
export function formatClock(ts: string | null): string {
  const m = ts === null ? null : ISO.exec(ts);
  if (m === null) return "--:--:--.---";
  return `${m[2] ?? ""}.${(m[3] ?? "").padEnd(3, "0").slice(0, 3)}`;
}

/** `YYYY-MM-DD HH:MM:SS.mmm`, or "unknown". */
export function formatDateTime(ts: string | null): string {
  const m = ts === null ? null : ISO.exec(ts);
  if (m === null) return "unknown";
  const zone = m[4] === "Z" ? "" : ` ${m[4] ?? ""}`;
  return `${m[1] ?? ""} ${formatClock(ts)}${zone}`;
}

/** A signed delta for ladders: `+0.012s`, `+12.345s`, `+3m05.2s`. */
export function formatDeltaUs(us: number | null): string {
  if (us === null) return "";
  const sign = us < 0 ? "-" : "+";
  const abs = Math.abs(us) / 1_000_000;
  if (abs < 60) return `${sign}${abs.toFixed(3)}s`;
  const m = Math.floor(abs / 60);
  return `${sign}${m}m${(abs - m * 60).toFixed(1).padStart(4, "0")}s`;
}

/** Durations for tables: `850ms`, `12.3s`, `3m05s`, `1h02m03s`; "—" when unknown. */
export function formatDurationMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const total = Math.floor(s);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m${sec}s` : `${m}m${sec}s`;
}
