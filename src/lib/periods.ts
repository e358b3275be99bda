// Period labels (2021-08, 2021Q3, 2021H2, 2021) for charts and controls: their
// dates on a time axis, the period before, and the period of another type
// that ends with the same day — so switching from quarters to months keeps
// the reader at the same point in time.
import { periodEnd, periodStart } from "./targets.js";

export const PERIOD_TYPES = ["month", "quarter", "half", "year"] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

const utc = (date: string) => new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));

export function periodTypeOf(period: string): PeriodType {
  if (/^\d{4}-\d{2}$/.test(period)) return "month";
  if (/^\d{4}Q[1-4]$/.test(period)) return "quarter";
  if (/^\d{4}H[12]$/.test(period)) return "half";
  if (/^\d{4}$/.test(period)) return "year";
  throw new RangeError(`not a period: ${JSON.stringify(period)}`);
}

/** The first day of the period as a UTC Date. */
export function periodStartDate(period: string): Date {
  return utc(periodStart(period));
}

/** The day after the period's last day, as a UTC Date (where the period ends on a continuous axis). */
export function periodEndDate(period: string): Date {
  const d = utc(periodEnd(period));
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** The middle of the period: where its value is drawn on a time axis. */
export function periodMidDate(period: string): Date {
  return new Date((periodStartDate(period).getTime() + periodEndDate(period).getTime()) / 2);
}

/** The period of `type` that contains the date YYYY-MM-DD. */
export function periodContaining(type: PeriodType, date: string): string {
  const year = date.slice(0, 4);
  const month = +date.slice(5, 7);
  switch (type) {
    case "month":
      return date.slice(0, 7);
    case "quarter":
      return `${year}Q${Math.ceil(month / 3)}`;
    case "half":
      return `${year}H${month <= 6 ? 1 : 2}`;
    case "year":
      return year;
  }
}

/** The period just before: 2021-01 → 2020-12, 2021Q1 → 2020Q4, 2021H1 → 2020H2, 2021 → 2020. */
export function previousPeriod(period: string): string {
  const d = utc(periodStart(period));
  d.setUTCDate(d.getUTCDate() - 1);
  return periodContaining(periodTypeOf(period), d.toISOString().slice(0, 10));
}

/** The same point in time as a period of another type: the period of `type` holding `period`'s last day. */
export function convertPeriod(period: string, type: PeriodType): string {
  return periodContaining(type, periodEnd(period));
}

/** Whether the period reaches outside the extract period (its values cover only part of it). */
export function isPartial(period: string, extract: { from: string; to: string }): boolean {
  return periodStart(period) < extract.from || periodEnd(period) > extract.to;
}
