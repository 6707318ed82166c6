/**
 * Turns LogTimes into capture times (µs since the epoch) with their precision, completing partial ones with
 * --date / --tz. Only a time of day and no --date: the date is 1970-01-01 and ONE diagnostic per file says so.
 * A time that jumps back more than 12 h is taken as midnight passing (the day advances). No time at all: the
 * previous message's time (or 0), precision "unknown".
 */
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { UsageError } from "../diagnostics/errors.js";
import { lineRef } from "../model/origin.js";
import type { TimePrecision, TimeUs } from "../model/time.js";
import type { LogTime } from "./log-time.js";
import { parseZone } from "./log-time.js";

const DAY_US = 86_400_000_000;
const HALF_DAY_US = DAY_US / 2;

export interface ResolvedTime {
  readonly timeUs: TimeUs;
  readonly precision: TimePrecision;
}

export interface TimeOptions {
  /** YYYY-MM-DD: the date of a log that prints only the time of day. */
  readonly date?: string | undefined;
  /** "+07:00", "-0500", "UTC": zone of local times in the log (default UTC). */
  readonly tz?: string | undefined;
}

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Validates --date; throws UsageError (a bad flag is a usage problem, not bad input). */
export function parseDateOption(date: string): CalendarDate {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date.trim());
  const d = m === null ? null : { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d === null || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) {
    throw new UsageError(`--date must be YYYY-MM-DD, got "${date}"`);
  }
  return d;
}

/** Validates --tz; throws UsageError. */
export function parseTzOption(tz: string): number {
  const v = parseZone(tz);
  if (v === null) throw new UsageError(`--tz must be UTC or an offset like +07:00, got "${tz}"`);
  return v;
}

export class TimeResolver {
  private readonly date: CalendarDate | null;
  private readonly tzMin: number;
  private warned = false;
  private previous: TimeUs = 0;
  private lastTodUs: number | null = null;
  private dayOffset = 0;

  constructor(
    opts: TimeOptions,
    private readonly file: string,
    private readonly sink: DiagnosticSink,
  ) {
    this.date = opts.date === undefined ? null : parseDateOption(opts.date);
    this.tzMin = opts.tz === undefined ? 0 : parseTzOption(opts.tz);
  }

  resolve(t: LogTime, line: number): ResolvedTime {
    const r = this.compute(t, line);
    this.previous = r.timeUs;
    return r;
  }

  private compute(t: LogTime, line: number): ResolvedTime {
    switch (t.kind) {
      case "epoch":
        return { timeUs: t.us, precision: "full" };
      case "date-time":
        return { timeUs: this.utc(t.year, t.month, t.day, t.todUs, t.offsetMin), precision: "full" };
      case "month-day": {
        if (this.date !== null) return { timeUs: this.utc(this.date.year, t.month, t.day, t.todUs, t.offsetMin), precision: "full" };
        this.warnOnce(line, "the log gives month and day but no year; times use the year 1970 (pass --date YYYY-MM-DD to give the year)");
        return { timeUs: this.utc(1970, t.month, t.day, t.todUs, t.offsetMin), precision: "time-of-day" };
      }
      case "time-of-day": {
        if (this.lastTodUs !== null && t.todUs < this.lastTodUs - HALF_DAY_US) this.dayOffset++;
        this.lastTodUs = t.todUs;
        const tod = t.todUs + this.dayOffset * DAY_US;
        if (this.date !== null) return { timeUs: this.utc(this.date.year, this.date.month, this.date.day, tod, null), precision: "full" };
        this.warnOnce(line, "the log gives only the time of day; dates are shown as 1970-01-01 (pass --date YYYY-MM-DD and --tz to complete them)");
        return { timeUs: this.utc(1970, 1, 1, tod, null), precision: "time-of-day" };
      }
      case "none":
        return { timeUs: this.previous, precision: "unknown" };
    }
  }

  private utc(year: number, month: number, day: number, todUs: number, offsetMin: number | null): TimeUs {
    const off = offsetMin ?? this.tzMin;
    return Date.UTC(year, month - 1, day) * 1000 + todUs - off * 60_000_000;
  }

  private warnOnce(line: number, message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.sink.report(makeDiagnostic("textlog.date_unknown", lineRef(this.file, line), message));
  }
}
