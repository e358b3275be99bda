// Targets with validity periods (data/indicators.json → indicators[].targets).
//
// Targets change with the law (the primary-care care guarantee T3 was ≤ 7 days
// until 2023-08-31 and ≤ 14 days from 2023-09-01), so a value is always judged
// against the target that was valid on its date — never against today's.
//
// Pure functions on plain data: imported by browser pages (bundled by
// Observable Framework) and by Node tools alike, so no Node-only imports.
// Dates are Finnish calendar dates written YYYY-MM-DD; such strings sort in
// date order, so comparisons are plain string comparisons.

/** How a value meets a target: at least (`>=`) or at most (`<=`) the target value. */
export type TargetOp = ">=" | "<=";

/** The fields of a target that these functions read. */
export interface TargetLike {
  op: TargetOp;
  value: number;
  /** First day the target applies (inclusive), or null: since always. */
  from: string | null;
  /** Last day the target applies (inclusive), or null: still in force. */
  to: string | null;
}

/** A target as written in the catalogue. */
export interface Target extends TargetLike {
  /** Where the target comes from, in Finnish, Swedish and English. */
  source: { fi: string; sv: string; en: string };
  ref?: string;
}

/** One constant piece of a target line, for drawing a step line. */
export interface TargetStep<T extends TargetLike = TargetLike> {
  /** First day of the piece (inclusive). */
  from: string;
  /** Last day of the piece (inclusive). */
  to: string;
  /** The day after `to`: where the piece ends on a continuous time axis, so consecutive pieces meet. */
  until: string;
  value: number;
  op: TargetOp;
  /** The catalogue target this piece draws (for its source and ref in a tooltip). */
  target: T;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws unless `date` is a real calendar date written YYYY-MM-DD. */
export function checkDate(date: string): string {
  const m = ISO_DATE.exec(date);
  // Round-tripping through Date.UTC rejects 2023-02-30 and month 13.
  if (!m || toDate(date).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a date: ${JSON.stringify(date)} (expected YYYY-MM-DD; for a period use targetForPeriod)`);
  }
  return date;
}

function toDate(date: string): Date {
  return new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
}

/** `date` plus `days` calendar days (negative to go back). UTC arithmetic, so no daylight-saving surprises. */
export function addDays(date: string, days: number): string {
  const d = toDate(checkDate(date));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** First and last month (1–12) and year of a period label: 2021-08, 2021Q3, 2021H2 or 2021. */
function periodMonths(period: string): { year: number; first: number; last: number } {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period))) return { year: +m[1], first: +m[2], last: +m[2] };
  if ((m = /^(\d{4})Q([1-4])$/.exec(period))) return { year: +m[1], first: +m[2] * 3 - 2, last: +m[2] * 3 };
  if ((m = /^(\d{4})H([12])$/.exec(period))) return { year: +m[1], first: +m[2] * 6 - 5, last: +m[2] * 6 };
  if ((m = /^(\d{4})$/.exec(period))) return { year: +m[1], first: 1, last: 12 };
  throw new RangeError(`not a period: ${JSON.stringify(period)} (expected 2021-08, 2021Q3, 2021H2 or 2021)`);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** First day (YYYY-MM-DD) of a period label: 2021Q3 → 2021-07-01. */
export function periodStart(period: string): string {
  const { year, first } = periodMonths(period);
  return `${year}-${pad(first)}-01`;
}

/** Last day (YYYY-MM-DD) of a period label: 2021-02 → 2021-02-28, 2021H2 → 2021-12-31. */
export function periodEnd(period: string): string {
  const { year, last } = periodMonths(period);
  // Day 0 of the next month is the last day of this one (leap years included).
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return `${year}-${pad(last)}-${pad(lastDay)}`;
}

/** Whether `target` is in force on `date` (from ≤ date ≤ to; a null end is open). */
export function isValidOn(target: TargetLike, date: string): boolean {
  return (target.from === null || target.from <= date) && (target.to === null || date <= target.to);
}

/**
 * The target in force on `date` (YYYY-MM-DD), or null when none is.
 *
 * The catalogue should not let validity periods overlap; if two do, the one
 * that started later wins (a newer decision replaces an older one), and of two
 * starting the same day the later entry in the list.
 */
export function targetAt<T extends TargetLike>(targets: readonly T[], date: string): T | null {
  checkDate(date);
  let best: T | null = null;
  for (const t of targets) {
    if (!isValidOn(t, date)) continue;
    // `>=` lets the later list entry win a tie; null `from` counts as the earliest start.
    if (best === null || (t.from ?? "") >= (best.from ?? "")) best = t;
  }
  return best;
}

/**
 * The target a period's value is judged against: the one in force on the
 * period's last day. So 2023Q3 (July–September 2023) is judged against the
 * 14-day care guarantee that began on 1 September, and 2023-08 against 7 days.
 */
export function targetForPeriod<T extends TargetLike>(targets: readonly T[], period: string): T | null {
  return targetAt(targets, periodEnd(period));
}

/**
 * Whether `value` meets `target` (`>=`: value ≥ target value; `<=`: value ≤ it;
 * equality meets both). Null when there is nothing to judge: no target, or no
 * value (a suppressed or missing cell is neither met nor missed).
 */
export function isMet(value: number | null | undefined, target: Pick<TargetLike, "op" | "value"> | null | undefined): boolean | null {
  if (target == null || value == null || !Number.isFinite(value)) return null;
  return target.op === ">=" ? value >= target.value : value <= target.value;
}

/**
 * The target line from `fromDate` to `toDate` (inclusive) as constant pieces,
 * in date order, for a step line. Days without a target in force give no
 * piece, so the line has a gap there rather than a made-up value. Each piece
 * agrees with targetAt() on every one of its days.
 */
export function targetSteps<T extends TargetLike>(targets: readonly T[], fromDate: string, toDate: string): TargetStep<T>[] {
  checkDate(fromDate);
  checkDate(toDate);
  if (fromDate > toDate) return [];
  // The target in force can change only where one starts or the day after one ends.
  const cuts = new Set([fromDate]);
  for (const t of targets) {
    if (t.from !== null && t.from > fromDate && t.from <= toDate) cuts.add(t.from);
    if (t.to !== null) {
      const after = addDays(t.to, 1);
      if (after > fromDate && after <= toDate) cuts.add(after);
    }
  }
  const starts = [...cuts].sort();
  const steps: TargetStep<T>[] = [];
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? addDays(starts[i + 1], -1) : toDate;
    const target = targetAt(targets, start);
    if (target === null) return;
    const previous = steps[steps.length - 1];
    // Cuts from other targets' dates can split one target's piece: join it again.
    if (previous && previous.target === target && previous.until === start) {
      previous.to = end;
      previous.until = addDays(end, 1);
      return;
    }
    steps.push({ from: start, to: end, until: addDays(end, 1), value: target.value, op: target.op, target });
  });
  return steps;
}
