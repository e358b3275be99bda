// Reads the export CSV as a reader would: one row per published or withheld
// cell, indexed per indicator by (period, unit, breakdown value). Nothing here
// knows how the table was produced.
import { csvParse } from "d3-dsv";

export interface PublishedRow {
  line: number;
  indicator: string;
  periodType: string;
  period: string;
  unit: string;
  breakdown: string;
  bv: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

export interface IndicatorTable {
  id: string;
  rows: PublishedRow[];
  /** key(period, unit, bv) → row */
  byKey: Map<string, PublishedRow>;
  /** The universe a reader sees: periods, unit ids and breakdown values that occur. */
  periods: Set<string>;
  units: Set<string>;
  bvs: Set<string>;
}

export const key = (period: string, unit: string, bv: string): string => `${period}\u0001${unit}\u0001${bv}`;

function num(s: string | undefined, line: number, col: string): number | null {
  if (s === undefined || s === "") return null;
  const x = Number(s);
  if (!Number.isFinite(x)) throw new Error(`line ${line}: ${col} is not a number: ${JSON.stringify(s)}`);
  return x;
}

export function readPublished(csv: string): Map<string, IndicatorTable> {
  const tables = new Map<string, IndicatorTable>();
  const parsed = csvParse(csv);
  for (const col of ["indicator_id", "period_type", "period", "unit_id", "breakdown_value", "numerator", "denominator", "value", "suppressed"]) {
    if (!parsed.columns.includes(col)) throw new Error(`export CSV has no column ${col}`);
  }
  parsed.forEach((r, i) => {
    const line = i + 2;
    const row: PublishedRow = {
      line,
      indicator: r.indicator_id!,
      periodType: r.period_type!,
      period: r.period!,
      unit: r.unit_id!,
      breakdown: r.breakdown ?? "ALL",
      bv: r.breakdown_value || "ALL",
      numerator: num(r.numerator, line, "numerator"),
      denominator: num(r.denominator, line, "denominator"),
      value: num(r.value, line, "value"),
      suppressed: r.suppressed === "true",
    };
    let t = tables.get(row.indicator);
    if (!t) tables.set(row.indicator, (t = { id: row.indicator, rows: [], byKey: new Map(), periods: new Set(), units: new Set(), bvs: new Set() }));
    const k = key(row.period, row.unit, row.bv);
    if (t.byKey.has(k)) throw new Error(`line ${line}: ${row.indicator} ${row.period} ${row.unit} ${row.bv} appears twice`);
    t.rows.push(row);
    t.byKey.set(k, row);
    t.periods.add(row.period);
    t.units.add(row.unit);
    t.bvs.add(row.bv);
  });
  return tables;
}
