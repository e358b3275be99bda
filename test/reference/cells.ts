// The reference's cell shape (the same columns as the project's indicator
// table) and the fan-out of one anchor row to every cell it counts in.
// RefCell repeats src/lib/cell.ts's PublishedCell (plus n) on purpose: the
// reference is an independent implementation and shares no code with the
// pipeline it checks.
import { periodsOf, type PeriodType } from "./time.ts";

export const ALL = "ALL";

export interface RefCell {
  indicator_id: string;
  period_type: PeriodType;
  period: string;
  unit_id: string;
  breakdown: string;
  breakdown_value: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  n: number | null;
  suppressed: boolean;
}

/** Where a cell sits: period × unit (or ALL) × breakdown value (or ALL). */
export interface Slot {
  period_type: PeriodType;
  period: string;
  unit_id: string;
  /** A breakdown value, or ALL (the total, and the only value of an indicator without a breakdown). */
  breakdown_value: string;
}

export const slotKey = (s: Slot): string => `${s.period_type}|${s.period}|${s.unit_id}|${s.breakdown_value}`;

export function slotOfKey(key: string): Slot {
  const [period_type, period, unit_id, breakdown_value] = key.split("|");
  return { period_type: period_type as PeriodType, period, unit_id, breakdown_value };
}

/**
 * Every slot an anchor row counts in: the four periods of its date × its unit
 * and ALL × its breakdown value and ALL (only ALL when there is no breakdown).
 */
export function slotsFor(date: string, unit: string, breakdownValue: string | null): Slot[] {
  const out: Slot[] = [];
  for (const [period_type, period] of periodsOf(date)) {
    for (const unit_id of [unit, ALL]) {
      for (const breakdown_value of breakdownValue === null ? [ALL] : [breakdownValue, ALL]) {
        out.push({ period_type, period, unit_id, breakdown_value });
      }
    }
  }
  return out;
}

/** A map from slot key to an accumulator, created on first use. */
export class Acc<T> extends Map<string, T> {
  constructor(private readonly make: () => T) {
    super();
  }
  at(slot: Slot): T {
    const k = slotKey(slot);
    let v = this.get(k);
    if (v === undefined) {
      v = this.make();
      this.set(k, v);
    }
    return v;
  }
}

/** Builds a written cell; breakdown is the breakdown's name on value rows and ALL on total rows. */
export function cell(
  indicator_id: string,
  breakdownName: string | null,
  slot: Slot,
  figures: { numerator: number | null; denominator: number | null; value: number; n: number | null },
): RefCell {
  return {
    indicator_id,
    period_type: slot.period_type,
    period: slot.period,
    unit_id: slot.unit_id,
    breakdown: breakdownName === null || slot.breakdown_value === ALL ? ALL : breakdownName,
    breakdown_value: slot.breakdown_value,
    ...figures,
    suppressed: false,
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
