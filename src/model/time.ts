/**
 * Capture time. Integer microseconds since the Unix epoch: exact in a double until the year 2255,
 * which is why nanosecond captures are kept to the microsecond (the sub-µs remainder is dropped).
 * Nothing in sipta reads the wall clock: every timeout is measured in capture time.
 */

/** How much of the time the source gave: a full date, only the time of day, or nothing. */
export type TimePrecision = "full" | "time-of-day" | "unknown";

export type TimeUs = number;

export const US_PER_SECOND = 1_000_000;
export const US_PER_MS = 1_000;

/** RFC 3339 with microseconds, e.g. `2026-01-01T10:00:00.123456Z`. */
export function formatTimeIso(us: TimeUs): string {
  const ms = Math.floor(us / 1000);
  const micro = Math.trunc(us - ms * 1000);
  const second = Math.floor(ms / 1000);
  // Every message is stamped, and a busy trace has thousands per second: the date part is formatted once per second.
  if (second !== lastSecond) {
    const base = new Date(second * 1000).toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z, or longer for years past 9999
    lastSecondPrefix = base.length === 24 ? base.slice(0, 20) : null;
    lastSecond = second;
  }
  if (lastSecondPrefix === null) return `${new Date(ms).toISOString().slice(0, 23)}${String(micro).padStart(3, "0")}Z`;
  return `${lastSecondPrefix}${String((ms - second * 1000) * 1000 + micro).padStart(6, "0")}Z`;
}
let lastSecond = Number.NaN;
let lastSecondPrefix: string | null = null;

/** `HH:MM:SS.mmm` in UTC, for ladders and tables. */
export function formatTimeOfDay(us: TimeUs): string {
  return new Date(Math.floor(us / 1000)).toISOString().slice(11, 23);
}

/** Seconds with 3 decimals, for durations and deltas. */
export function formatDurationS(us: number): string {
  return `${(us / US_PER_SECOND).toFixed(3)} s`;
}
