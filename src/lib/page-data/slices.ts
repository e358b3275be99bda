// Reading the page slices (loaders/publish/page-slices.ts writes them): columnar
// JSON back into rows, and an index to find a cell or a series quickly.
// Rows are the published cells exactly as in the export, each with the status
// the loaders computed for it (statuses.ts); nothing here computes a figure.
import type { PublishedCell } from "../cell.js";
import type { PeriodType } from "../periods.js";
import type { VariationIcon } from "../analysis/spc.js";
import type { CellStatus } from "../analysis/statuses.js";
import { verdictOf } from "../analysis/verdict.js";
import type { Outcome } from "../stats/compare.js";

/** A published cell with its status (absent when the slice carries none). */
export type Cell = PublishedCell & { status?: CellStatus | null };

interface DictColumn {
  dict: string[];
  codes: number[];
}

export interface SliceJson {
  length: number;
  columns: {
    indicator_id: DictColumn;
    period_type: DictColumn;
    period: DictColumn;
    unit_id: DictColumn;
    breakdown: DictColumn;
    breakdown_value: DictColumn;
    /** Left out of slices that need only values (they read back as null). */
    numerator?: (number | null)[];
    denominator?: (number | null)[];
    value: (number | null)[];
    suppressed: (0 | 1)[];
    /** The cells' statuses (statuses.ts), dictionary-encoded; "" for a cell not assessed. */
    status?: StatusColumns;
  };
}

export const STATUS_COLUMNS = ["spc", "vsPrevious", "vsBaseline", "vsCity", "vsCityOuter"] as const;
export type StatusColumns = Record<(typeof STATUS_COLUMNS)[number], DictColumn>;

/** The statuses of a slice's rows, in its order; null when it carries none. */
export function decodeStatuses(slice: { length: number; columns: { status?: StatusColumns } }): (CellStatus | null)[] | null {
  const s = slice.columns.status;
  if (!s) return null;
  const d = (col: DictColumn, i: number) => col.dict[col.codes[i]];
  const out: (CellStatus | null)[] = new Array(slice.length);
  for (let i = 0; i < slice.length; i++) {
    const spc = d(s.spc, i);
    if (spc === undefined) {
      out[i] = null;
      continue;
    }
    const icon = spc === "" ? null : (spc as VariationIcon);
    out[i] = {
      spc: icon,
      verdict: verdictOf(icon),
      vsPrevious: d(s.vsPrevious, i) as Outcome,
      vsBaseline: d(s.vsBaseline, i) as Outcome,
      vsCity: d(s.vsCity, i) as Outcome,
      vsCityOuter: d(s.vsCityOuter, i) as Outcome,
    };
  }
  return out;
}

export function decodeSlice(slice: SliceJson): Cell[] {
  const c = slice.columns;
  const d = (col: DictColumn, i: number) => col.dict[col.codes[i]];
  const statuses = decodeStatuses(slice);
  const rows: Cell[] = new Array(slice.length);
  for (let i = 0; i < slice.length; i++) {
    rows[i] = {
      indicator_id: d(c.indicator_id, i),
      period_type: d(c.period_type, i) as PeriodType,
      period: d(c.period, i),
      unit_id: d(c.unit_id, i),
      breakdown: d(c.breakdown, i),
      breakdown_value: d(c.breakdown_value, i),
      numerator: c.numerator ? c.numerator[i] : null,
      denominator: c.denominator ? c.denominator[i] : null,
      value: c.value[i],
      suppressed: c.suppressed[i] === 1,
    };
    if (statuses) rows[i].status = statuses[i];
  }
  return rows;
}

const keyOf = (indicator: string, periodType: string, unit: string, breakdownValue: string) => `${indicator}\u0000${periodType}\u0000${unit}\u0000${breakdownValue}`;

/** Cells grouped into series (indicator × period type × unit × breakdown value), each in period order. */
export class CellIndex {
  readonly rows: readonly Cell[];
  private readonly series = new Map<string, Cell[]>();

  constructor(...slices: readonly (readonly Cell[])[]) {
    this.rows = slices.flat();
    for (const r of this.rows) {
      const k = keyOf(r.indicator_id, r.period_type, r.unit_id, r.breakdown_value);
      let list = this.series.get(k);
      if (!list) this.series.set(k, (list = []));
      list.push(r);
    }
    for (const list of this.series.values()) list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  }

  /** The cells of one series in period order (empty when none was written). */
  get(indicator: string, periodType: string, unit = "ALL", breakdownValue = "ALL"): readonly Cell[] {
    return this.series.get(keyOf(indicator, periodType, unit, breakdownValue)) ?? [];
  }

  /** One cell, or undefined when it was not written. */
  cell(indicator: string, period: string, periodType: string, unit = "ALL", breakdownValue = "ALL"): Cell | undefined {
    return this.get(indicator, periodType, unit, breakdownValue).find((c) => c.period === period);
  }

  /** The periods of a type that have any cell, in order. */
  periods(periodType: string): string[] {
    return [...new Set(this.rows.filter((r) => r.period_type === periodType).map((r) => r.period))].sort();
  }

  /** The breakdown values written for an indicator (without ALL), sorted. */
  breakdownValues(indicator: string, periodType: string, unit = "ALL"): string[] {
    const out = new Set<string>();
    for (const r of this.rows) {
      if (r.indicator_id === indicator && r.period_type === periodType && r.unit_id === unit && r.breakdown_value !== "ALL") out.add(r.breakdown_value);
    }
    return [...out].sort();
  }

  /** The units (not ALL) with a cell for the indicator and period type. */
  units(indicator: string, periodType: string): string[] {
    const out = new Set<string>();
    for (const r of this.rows) if (r.indicator_id === indicator && r.period_type === periodType && r.unit_id !== "ALL") out.add(r.unit_id);
    return [...out].sort();
  }
}
