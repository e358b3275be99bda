// The reporting periods, one module for the loaders and the pages. A period is
// written as an id:
//   month   2021-08
//   quarter 2021Q3
//   half    2021H2  (H1 = January–June, H2 = July–December: the STM/THL
//                    self-assessment rhythm)
//   year    2021
// A row counts in every period its month lies in. Dates are Finnish calendar
// days written YYYY-MM-DD (such strings sort in date order); as Date objects
// they are UTC midnights, and all date arithmetic is d3-time's UTC intervals,
// so no time zone or daylight-saving shift can move a day.
//
// Imported by browser pages (bundled by Observable Framework) and by Node
// loaders alike: no Node-only imports. Labels for readers (2021H2 → "7–12/2021")
// are formatting, in format.ts.
import { utcDay, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from "d3-time";

export const PERIOD_TYPES = ["month", "quarter", "half", "year"] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** Each period type as a d3-time interval: its boundaries are the periods' first days. */
const INTERVAL: Record<PeriodType, TimeInterval | CountableTimeInterval> = {
  month: utcMonth,
  quarter: utcMonth.every(3)!, // months 0, 3, 6, 9: January, April, July, October
  half: utcMonth.every(6)!,
  year: utcYear,
};

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|Q([1-4])|H([12]))?$/;
const EXPECTED_PERIOD = "expected a month 2021-08, quarter 2021Q3, half-year 2021H2 or year 2021";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Midnight UTC of a calendar day (month 0–11). Years below 100 stay themselves (Date.UTC would read 21 as 1921). */
function utcDate(year: number, month: number, day = 1): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d;
}

/** A UTC date as its calendar day, YYYY-MM-DD. */
export function formatDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A UTC date as its month id, YYYY-MM. */
function formatMonth(date: Date): string {
  return formatDate(date).slice(0, 7);
}

/** Whether `value` is a real calendar day written YYYY-MM-DD (not 2023-02-30, not month 13). */
export function isDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && formatDate(utcDate(+m[1], +m[2] - 1, +m[3])) === value;
}

/**
 * A calendar day YYYY-MM-DD, or a month YYYY-MM (its first day), as a UTC
 * Date. Throws a RangeError naming the value unless it is a real day or month.
 */
export function parseDate(value: string): Date {
  const m = typeof value === "string" ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value) : null;
  const date = m ? utcDate(+m[1], +m[2] - 1, m[3] === undefined ? 1 : +m[3]) : null;
  if (!date || formatDate(date).slice(0, value.length) !== value) {
    throw new RangeError(`not a date: ${JSON.stringify(value)} (expected YYYY-MM-DD, or YYYY-MM for a month)`);
  }
  return date;
}

/** `date` (YYYY-MM-DD) plus `days` calendar days; negative goes back. */
export function addDays(date: string, days: number): string {
  if (!isDate(date)) throw new RangeError(`not a date: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
  return formatDate(utcDay.offset(parseDate(date), days));
}

/** The type and first day of a period id; a RangeError naming the id unless it is one. */
function parse(period: string): { type: PeriodType; start: Date } {
  const m = typeof period === "string" ? PERIOD.exec(period) : null;
  if (!m) throw new RangeError(`not a period: ${JSON.stringify(period)} (${EXPECTED_PERIOD})`);
  const [, year, month, quarter, half] = m;
  if (month) return { type: "month", start: utcDate(+year, +month - 1) };
  if (quarter) return { type: "quarter", start: utcDate(+year, (+quarter - 1) * 3) };
  if (half) return { type: "half", start: utcDate(+year, (+half - 1) * 6) };
  return { type: "year", start: utcDate(+year, 0) };
}

/** The type of a period id: 2021-08 → month, 2021Q3 → quarter, 2021H2 → half, 2021 → year. Throws a RangeError for anything else. */
export function periodTypeOf(period: string): PeriodType {
  return parse(period).type;
}

/** Whether `value` is a period id (of `type`, when given). */
export function isPeriod(value: unknown, type?: PeriodType): boolean {
  return typeof value === "string" && PERIOD.test(value) && (type === undefined || parse(value).type === type);
}

/** The id of the period of `type` that holds the UTC date. */
export function periodOf(type: PeriodType, date: Date): string {
  const year = pad(date.getUTCFullYear(), 4);
  const month = date.getUTCMonth(); // 0–11
  switch (type) {
    case "month":
      return formatMonth(date);
    case "quarter":
      return `${year}Q${Math.floor(month / 3) + 1}`;
    case "half":
      return `${year}H${month < 6 ? 1 : 2}`;
    case "year":
      return year;
  }
}

/** The period of `type` that contains the day YYYY-MM-DD or the month YYYY-MM: ("quarter", 2021-08) → 2021Q3. */
export function periodContaining(type: PeriodType, date: string): string {
  return periodOf(type, parseDate(date));
}

/** The first day of the period as a UTC Date. */
export function periodStartDate(period: string): Date {
  return parse(period).start;
}

/** The day after the period's last day, as a UTC Date (where the period ends on a continuous axis). */
export function periodEndDate(period: string): Date {
  const { type, start } = parse(period);
  return INTERVAL[type].offset(start, 1);
}

/** The middle of the period: where its value is drawn on a time axis. */
export function periodMidDate(period: string): Date {
  return new Date((periodStartDate(period).getTime() + periodEndDate(period).getTime()) / 2);
}

const startDays = new Map<string, string>();

/** First day (YYYY-MM-DD) of a period: 2021Q3 → 2021-07-01. (Remembered: SPC asks for the same periods' first days over and over.) */
export function periodStart(period: string): string {
  let day = startDays.get(period);
  if (day === undefined) {
    day = formatDate(periodStartDate(period));
    if (startDays.size < 100_000) startDays.set(period, day);
  }
  return day;
}

/** Last day (YYYY-MM-DD) of a period: 2021-02 → 2021-02-28, 2024-02 → 2024-02-29, 2021H2 → 2021-12-31. */
export function periodEnd(period: string): string {
  return formatDate(utcDay.offset(periodEndDate(period), -1));
}

/** The period `step` periods of the same type away: (2021H2, 1) → 2022H1, (2021Q1, -1) → 2020Q4. */
export function offsetPeriod(period: string, step: number): string {
  const { type, start } = parse(period);
  return periodOf(type, INTERVAL[type].offset(start, step));
}

/** The period just before: 2021-01 → 2020-12, 2021Q1 → 2020Q4, 2021H1 → 2020H2, 2021 → 2020. */
export function previousPeriod(period: string): string {
  return offsetPeriod(period, -1);
}

/** The period just after: 2020-12 → 2021-01, 2020Q4 → 2021Q1, 2020H2 → 2021H1, 2020 → 2021. */
export function nextPeriod(period: string): string {
  return offsetPeriod(period, 1);
}

/** Every period from `from` to `to` inclusive, in order (none when `from` comes after `to`). Both must be of one type. */
export function periodsBetween(from: string, to: string): string[] {
  const a = parse(from);
  const b = parse(to);
  if (a.type !== b.type) throw new RangeError(`periods of different types: ${JSON.stringify(from)} is a ${a.type}, ${JSON.stringify(to)} a ${b.type}`);
  return INTERVAL[a.type].range(a.start, periodEndDate(to)).map((d) => periodOf(a.type, d));
}

/** The months (YYYY-MM) of a period, in order: 2021Q3 → 2021-07, 2021-08, 2021-09. */
export function monthsOf(period: string): string[] {
  return utcMonth.range(periodStartDate(period), periodEndDate(period)).map(formatMonth);
}

/**
 * Every month YYYY-MM from the month of `from` to the month of `to`, inclusive
 * (none when `from` comes later). Each bound is a day YYYY-MM-DD or a month YYYY-MM.
 */
export function monthsBetween(from: string, to: string): string[] {
  return utcMonth.range(utcMonth.floor(parseDate(from)), utcMonth.offset(utcMonth.floor(parseDate(to)), 1)).map(formatMonth);
}

/** The same point in time as a period of another type: the period of `type` holding `period`'s last day. */
export function convertPeriod(period: string, type: PeriodType): string {
  return periodOf(type, utcDay.offset(periodEndDate(period), -1));
}

/** Whether the period reaches outside the extract period (its values cover only part of it). */
export function isPartial(period: string, extract: { from: string; to: string }): boolean {
  return periodStart(period) < extract.from || periodEnd(period) > extract.to;
}

/** One month of the loaders' `periods` table: the month and one of the four periods it lies in. */
export interface PeriodRow {
  month: string; // YYYY-MM-01
  period_type: PeriodType;
  period: string;
  period_start: string;
  period_end: string;
}

/** Every month from the month of `from` to the month of `to`, each mapped to its four periods. */
export function periodRows(from: string, to: string): PeriodRow[] {
  return monthsBetween(from, to).flatMap((month) =>
    PERIOD_TYPES.map((type) => {
      const period = periodContaining(type, month);
      return { month: `${month}-01`, period_type: type, period, period_start: periodStart(period), period_end: periodEnd(period) };
    }),
  );
}
