// The groupings of the published cells that the self-assessment model reads,
// as Arquero queries (issue 14: tables reshaped by Arquero, not by hand):
// the half-years with data, each indicator's breakdown values and first
// month, and the units with a cell in the half-year. Expressions take their
// constants as params: Arquero compiles them apart from this module's scope.
import { escape, from, op, type ColumnTable } from "arquero";
import type { PublishedCell } from "../../src/lib/cell.ts";
import { ALL, isGroupUnitId } from "../indicators/indicator-row.ts";

const COLUMNS: (keyof PublishedCell)[] = ["indicator_id", "period_type", "period", "unit_id", "breakdown", "breakdown_value", "numerator", "denominator", "value", "suppressed"];

/** The cells as a table (one per model, shared by the queries below); the columns named, so no cells is an empty table, not a table without columns. */
export function cellTable(cells: readonly PublishedCell[]): ColumnTable {
  return from(cells as PublishedCell[], COLUMNS).params({ ALL }) as ColumnTable;
}

/** The half-years with a published or withheld half-year cell, in order. */
export function halfYears(t: ColumnTable): string[] {
  return t.filter((d) => d.period_type === "half").dedupe("period").orderby("period").array("period") as string[];
}

/** Each indicator's whole-city breakdown values with a half-year cell (unordered). */
export function breakdownValuesByIndicator(t: ColumnTable): Map<string, Set<string>> {
  const rows = t
    .filter((d, $) => d.unit_id === $.ALL && d.breakdown_value !== $.ALL && d.period_type === "half")
    .groupby("indicator_id")
    .rollup({ values: op.array_agg_distinct("breakdown_value") })
    .objects() as { indicator_id: string; values: string[] }[];
  return new Map(rows.map((r) => [r.indicator_id, new Set(r.values)]));
}

/** The first month with a whole-city cell of each indicator and breakdown value, keyed `indicator|breakdown value`. */
export function firstMonths(t: ColumnTable): Map<string, string> {
  const rows = t
    .filter((d, $) => d.unit_id === $.ALL && d.period_type === "month")
    .groupby("indicator_id", "breakdown_value")
    .rollup({ first: op.min("period") })
    .objects() as { indicator_id: string; breakdown_value: string; first: string }[];
  return new Map(rows.map((r) => [`${r.indicator_id}|${r.breakdown_value}`, r.first]));
}

/** Each indicator's units (not the whole city, nor an area or operating model) with a total cell in `period`, in code order. */
export function unitsByIndicator(t: ColumnTable, period: string): Map<string, string[]> {
  const rows = t
    // escape(): a function of this module, run as is, not compiled by Arquero.
    .filter(escape((d: PublishedCell) => d.period === period && d.unit_id !== ALL && !isGroupUnitId(d.unit_id) && d.breakdown_value === ALL))
    .groupby("indicator_id")
    .rollup({ units: op.array_agg_distinct("unit_id") })
    .objects() as { indicator_id: string; units: string[] }[];
  return new Map(rows.map((r) => [r.indicator_id, [...r.units].sort()]));
}
