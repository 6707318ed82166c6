/** RFC 3339 times of the JSON contract (`2026-01-01T10:00:00.123456Z`) back to integer µs for the store. */
export function isoToUs(ts: string | null): number | null {
  if (ts === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(ts);
  if (m === null) return null;
  const seconds = Date.parse(`${m[1] ?? ""}Z`);
  if (Number.isNaN(seconds)) return null;
  const frac = (m[2] ?? "").padEnd(6, "0").slice(0, 6);
  return seconds * 1000 + Number(frac);
}
