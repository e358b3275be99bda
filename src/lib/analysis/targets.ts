// Targets with validity periods (data/indicators.json → indicators[].targets).
//
// Targets change with the law (the primary-care care guarantee T3 was ≤ 7 days
// until 2023-08-31 and ≤ 14 days from 2023-09-01), so a value is always judged
// against the target that was valid on its date — never against today's.
//
// Pure functions on plain data: imported by browser pages (bundled by
// Observable Framework) and by Node tools alike, so no Node-only imports.
// Dates are Finnish calendar dates written YYYY-MM-DD; such strings sort in
// date order, so comparisons are plain string comparisons. Days and periods
// are periods.ts's.
import { addDays, isDate, periodEnd } from "../periods.js";

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

/** Throws unless `date` is a real calendar date written YYYY-MM-DD. */
export function checkDate(date: string): string {
  if (!isDate(date)) {
    throw new RangeError(`not a date: ${JSON.stringify(date)} (expected YYYY-MM-DD; for a period use targetForPeriod)`);
  }
  return date;
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
