// Days and timestamps as plain integers: day 0 = 2020-01-01, and a timestamp is minutes since
// 2020-01-01T00:00 in Finnish local time (naive, no offset). Integers keep the hot loops cheap and
// the output free of time-zone surprises; strings are made only when a row is written.
//
// The period the extract covers is whole months from 2020-01 to 2030-12 at most, set by setPeriod()
// before a run (--from/--to). Its bounds are live bindings, so the other modules read the period
// in force; day and month indices always count from 2020-01-01, whatever the period.

import type { Rng } from "./random.ts";

/** The first and last months a period may cover: day 0 and the end of the precomputed calendar. */
export const EARLIEST_MONTH = "2020-01";
export const LATEST_MONTH = "2030-12";
export const FIRST_YEAR_OF_CALENDAR = 2020;
const CALENDAR_LAST_YEAR = 2030;
export const MINUTES_PER_DAY = 1440;
const EPOCH_MS = Date.UTC(FIRST_YEAR_OF_CALENDAR, 0, 1);
const DAY_MS = 86_400_000;

/** The extract's period as manifest dates. */
export let PERIOD: { from: string; to: string } = { from: "2020-01-01", to: "2023-12-31" };
/** Calendar years of the period's first and last day. */
export let FIRST_YEAR = 2020;
export let LAST_YEAR = 2023;
/** Index of the period's first and last day. */
export let FIRST_DAY = 0;
export let LAST_DAY = dayOf(2023, 12, 31);
/** Month index (0 = 2020-01) of the period's first month. */
export let FIRST_MONTH = 0;
/** Months from 2020-01 through the period's last month: per-month arrays are this long, indexed by monthIndex(). */
export let PERIOD_MONTHS = 48;
/** First minute after the period: anchor timestamps must stay below it. */
export let PERIOD_END_MINUTE = (LAST_DAY + 1) * MINUTES_PER_DAY;

/** Parses `YYYY-MM` within EARLIEST_MONTH … LATEST_MONTH into [year, month]. */
export function parseMonth(text: string, what = "month"): [number, number] {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  if (!m || month < 1 || month > 12 || text < EARLIEST_MONTH || text > LATEST_MONTH) {
    throw new Error(`${what} must be a month YYYY-MM from ${EARLIEST_MONTH} to ${LATEST_MONTH}, got ${JSON.stringify(text)}`);
  }
  return [year, month];
}

/** Sets the period to the whole months `from` … `to` (YYYY-MM). */
export function setPeriod(from: string, to: string): void {
  const [fy, fm] = parseMonth(from, "from");
  const [ty, tm] = parseMonth(to, "to");
  if (from > to) throw new Error(`from (${from}) is after to (${to})`);
  FIRST_YEAR = fy;
  LAST_YEAR = ty;
  FIRST_DAY = dayOf(fy, fm, 1);
  LAST_DAY = dayOf(ty, tm + 1, 1) - 1;
  FIRST_MONTH = (fy - FIRST_YEAR_OF_CALENDAR) * 12 + fm - 1;
  PERIOD_MONTHS = (ty - FIRST_YEAR_OF_CALENDAR) * 12 + tm;
  PERIOD_END_MINUTE = (LAST_DAY + 1) * MINUTES_PER_DAY;
  PERIOD = { from: dateString(FIRST_DAY), to: dateString(LAST_DAY) };
}

/** The period in force, as `YYYY-MM` months. */
export function periodMonths(): { from: string; to: string } {
  return { from: PERIOD.from.slice(0, 7), to: PERIOD.to.slice(0, 7) };
}

export function dayOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / DAY_MS);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function computeDateString(day: number): string {
  return new Date(EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10);
}

// Formatting is cached for the whole calendar plus a year after it (need assessments, voucher use).
/** Days from 2020-01-01 through 2030-12-31: the per-day samplers span them all. */
export const CALENDAR_DAYS = Math.round((Date.UTC(CALENDAR_LAST_YEAR + 1, 0, 1) - EPOCH_MS) / DAY_MS);
const CACHED_DAYS = CALENDAR_DAYS + 400;
const DATE_STRINGS: string[] = Array.from({ length: CACHED_DAYS }, (_, d) => computeDateString(d));
const TIME_STRINGS: string[] = Array.from(
  { length: MINUTES_PER_DAY },
  (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:00`,
);

/** `YYYY-MM-DD` of a day index (any day, also before 2020). */
export function dateString(day: number): string {
  return day >= 0 && day < CACHED_DAYS ? DATE_STRINGS[day] : computeDateString(day);
}

/** `YYYY-MM-DDTHH:MM:00` of a minute index. */
export function timestampString(minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  return `${dateString(day)}T${TIME_STRINGS[minute - day * MINUTES_PER_DAY]}`;
}

/** `YYYY-MM` of a month index (0 = 2020-01). */
export function monthString(monthIndex: number): string {
  return `${FIRST_YEAR_OF_CALENDAR + Math.floor(monthIndex / 12)}-${pad2((monthIndex % 12) + 1)}`;
}

export function yearOfDay(day: number): number {
  return Number(dateString(day).slice(0, 4));
}

// Per-day lookups for the period, precomputed once.
const YEAR = new Int16Array(CACHED_DAYS);
const MONTH = new Int8Array(CACHED_DAYS); // 1..12
const MONTH_INDEX = new Int16Array(CACHED_DAYS);
for (let d = 0; d < CACHED_DAYS; d++) {
  const s = DATE_STRINGS[d];
  YEAR[d] = Number(s.slice(0, 4));
  MONTH[d] = Number(s.slice(5, 7));
  MONTH_INDEX[d] = (YEAR[d] - FIRST_YEAR_OF_CALENDAR) * 12 + MONTH[d] - 1;
}

export function year(day: number): number {
  return YEAR[day];
}
export function month(day: number): number {
  return MONTH[day];
}
export function monthIndex(day: number): number {
  return MONTH_INDEX[day];
}
export function firstDayOfMonth(monthIdx: number): number {
  return dayOf(FIRST_YEAR_OF_CALENDAR + Math.floor(monthIdx / 12), (monthIdx % 12) + 1, 1);
}

/** 0 = Monday … 6 = Sunday (2020-01-01 was a Wednesday). */
export function weekday(day: number): number {
  return (((day + 2) % 7) + 7) % 7;
}

/** The programme's years, 2020–2023, over which the story's drifts run (whatever the period). */
const STORY_LAST_DAY = dayOf(2023, 12, 31);

/** Position in the programme, 0 at 2020-01-01 and 1 at 2023-12-31 (and after): drives the 2020→2023 drifts. */
export function progress(day: number): number {
  return Math.min(1, Math.max(0, day / STORY_LAST_DAY));
}

/** 0 before `start`, rising linearly to 1 over `rampDays`. */
export function ramp(day: number, start: number, rampDays: number): number {
  if (day < start) return 0;
  return Math.min(1, (day - start) / rampDays);
}

function easterSunday(y: number): number {
  // Anonymous Gregorian algorithm.
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const mon = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, mon, day);
}

/** Finnish public holidays (and Christmas/Midsummer eves, when services run as on Sundays). */
function holidays(): Set<number> {
  const days = new Set<number>();
  for (let y = FIRST_YEAR_OF_CALENDAR; y <= CALENDAR_LAST_YEAR + 2; y++) {
    const easter = easterSunday(y);
    for (const [m, d] of [[1, 1], [1, 6], [5, 1], [12, 6], [12, 24], [12, 25], [12, 26]]) days.add(dayOf(y, m, d));
    days.add(easter - 2); // Good Friday
    days.add(easter + 1); // Easter Monday
    days.add(easter + 39); // Ascension Day
    for (let d = 19; d <= 25; d++) {
      const day = dayOf(y, 6, d);
      if (weekday(day) === 4) days.add(day); // Midsummer Eve: the Friday between 19 and 25 June
    }
  }
  return days;
}
const HOLIDAYS = holidays();

export function isHoliday(day: number): boolean {
  return HOLIDAYS.has(day);
}

export function isWorkingDay(day: number): boolean {
  return weekday(day) < 5 && !HOLIDAYS.has(day);
}

/** Next working day on or after `day`. */
export function nextWorkingDay(day: number): number {
  let d = day;
  while (!isWorkingDay(d)) d++;
  return d;
}

/** Draws days in proportion to per-day weights, optionally within a sub-range. */
export class DaySampler {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length + 1);
    for (let d = 0; d < weights.length; d++) this.cumulative[d + 1] = this.cumulative[d] + weights[d];
  }

  /** A day in [from, to] (inclusive), weighted. */
  sample(rng: Rng, from = 0, to = this.cumulative.length - 2): number {
    const lo = this.cumulative[from];
    const hi = this.cumulative[to + 1];
    const target = lo + rng.next() * (hi - lo);
    let a = from;
    let b = to;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.cumulative[mid + 1] <= target) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  /** Total weight of days in [from, to]. */
  weight(from: number, to: number): number {
    return this.cumulative[to + 1] - this.cumulative[from];
  }
}
