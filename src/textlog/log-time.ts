/**
 * Times as text logs state them, before --date/--tz complete them (time-resolver.ts). Logs give anything from an
 * epoch with microseconds to a bare time of day; the kind says which, so nothing is invented.
 */

export type LogTime =
  /** Absolute: epoch microseconds (sipdump, opensips, tshark Epoch Time). */
  | { readonly kind: "epoch"; readonly us: number }
  /** Calendar date and time of day; `offsetMin` null = local time of the logging host (use --tz, else UTC). */
  | { readonly kind: "date-time"; readonly year: number; readonly month: number; readonly day: number; readonly todUs: number; readonly offsetMin: number | null }
  /** Month and day without a year (syslog, Asterisk `Mar 30 13:35:40`, Cisco). */
  | { readonly kind: "month-day"; readonly month: number; readonly day: number; readonly todUs: number; readonly offsetMin: number | null }
  /** Only a time of day (sofia, pjsua). */
  | { readonly kind: "time-of-day"; readonly todUs: number }
  | { readonly kind: "none" };

export const NO_TIME: LogTime = { kind: "none" };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** 1-12 for an English month abbreviation, or null. */
export function parseMonthName(text: string): number | null {
  const i = MONTHS.indexOf(text.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

/** Microseconds of `HH`, `MM`, `SS` and a decimal fraction of any length (ms, µs, ns: cut to µs). */
export function timeOfDayUs(h: string, m: string, s: string, frac: string | undefined): number | null {
  const hh = Number(h);
  const mm = Number(m);
  const ss = Number(s);
  if (!(hh <= 23 && mm <= 59 && ss <= 60)) return null;
  const us = frac === undefined || frac === "" ? 0 : Number(frac.slice(0, 6).padEnd(6, "0"));
  return ((hh * 60 + mm) * 60 + ss) * 1_000_000 + us;
}

/** `HH:MM:SS[.,:]frac` anywhere at the start of `text`. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^(\d{1,2}):(\d\d):(\d\d)(?:[.,:](\d{1,9}))?/.exec(text);
  return m === null ? null : timeOfDayUs(m[1] ?? "", m[2] ?? "", m[3] ?? "", m[4]);
}

/** `epoch.frac` seconds to microseconds, exact on the digits (no float rounding of the fraction). */
export function parseEpoch(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (m === null) return null;
  return Number(m[1]) * 1_000_000 + Number((m[2] ?? "").slice(0, 6).padEnd(6, "0"));
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1970 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * The date-time forms logs print, at the start of `text`:
 * `2026-01-08 20:28:01[.123456]`, `2026/11/21 05:24:31.445765`, `2022-09-07 19:51:58:136` (belle-sip),
 * `2026-01-08T20:28:01.123Z`, `Mar 30 13:35:40` / `Mar  1 00:11:29.123 UTC` (no year), `Nov 21, 2026 05:24:31.4 UTC`.
 */
export function parseLogDateTime(text: string): LogTime | null {
  let m = /^(\d{4})[-/](\d\d)[-/](\d\d)[ T](\d\d):(\d\d):(\d\d)(?:[.,:](\d{1,9}))?\s*(Z|UTC|GMT|[+-]\d\d:?\d\d)?/.exec(text);
  if (m !== null) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const tod = timeOfDayUs(m[4] ?? "", m[5] ?? "", m[6] ?? "", m[7]);
    if (tod === null || !validDate(year, month, day)) return null;
    return { kind: "date-time", year, month, day, todUs: tod, offsetMin: parseZone(m[8]) };
  }
  m = /^([A-Z][a-z]{2}) +(\d{1,2}), (\d{4}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?\s*(Z|UTC|GMT|[+-]\d\d:?\d\d)?/.exec(text);
  if (m !== null) {
    const month = parseMonthName(m[1] ?? "");
    const year = Number(m[3]);
    const day = Number(m[2]);
    const tod = timeOfDayUs(m[4] ?? "", m[5] ?? "", m[6] ?? "", m[7]);
    if (month === null || tod === null || !validDate(year, month, day)) return null;
    return { kind: "date-time", year, month, day, todUs: tod, offsetMin: parseZone(m[8]) };
  }
  m = /^\*?([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?: (UTC|GMT|Z))?/.exec(text);
  if (m !== null) {
    const month = parseMonthName(m[1] ?? "");
    const day = Number(m[2]);
    const tod = timeOfDayUs(m[3] ?? "", m[4] ?? "", m[5] ?? "", m[6]);
    if (month === null || tod === null || day < 1 || day > 31) return null;
    return { kind: "month-day", month, day, todUs: tod, offsetMin: parseZone(m[7]) };
  }
  return null;
}

/** Minutes east of UTC for `Z`, `UTC`, `GMT`, `+07:00`, `-0500`; null when absent or not understood. */
export function parseZone(text: string | undefined): number | null {
  if (text === undefined || text === "") return null;
  const t = text.trim().toUpperCase();
  if (t === "Z" || t === "UTC" || t === "GMT") return 0;
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(t);
  if (m === null) return null;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "-" ? -v : v;
}
