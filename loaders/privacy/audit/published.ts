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
  /** keys.of(period, unit, bv) → row */
  byKey: Map<Key, PublishedRow>;
  /** The key space shared by every table of one reading (readPublished). */
  keys: KeySpace;
  /** The universe a reader sees: periods, unit ids and breakdown values that occur. */
  periods: Set<string>;
  units: Set<string>;
  bvs: Set<string>;
}

/** A cell's place (period, unit, breakdown value) as one integer. */
export type Key = number;

const UNITS = 2048;
const BVS = 1024;

/**
 * Numbers (period, unit, breakdown value) places: each part gets an index the
 * first time it is seen, and the key is (period × UNITS + unit) × BVS + value —
 * a small integer (below 2³⁰ while there are fewer than 512 periods), so the
 * audit's million lookups neither build nor hash a string each (they did: a
 * fifth of its setup, and much of its garbage).
 */
export class KeySpace {
  private readonly periods = new Map<string, number>();
  private readonly units = new Map<string, number>();
  private readonly bvs = new Map<string, number>();

  of(period: string, unit: string, bv: string): Key {
    return compose(this.period(period), this.unit(unit), this.bv(bv));
  }

  /** The parts' indices, for callers that build many keys from few parts (compose). */
  period(name: string): number {
    return index(this.periods, name, Infinity, "periods");
  }
  unit(name: string): number {
    return index(this.units, name, UNITS, "unit ids");
  }
  bv(name: string): number {
    return index(this.bvs, name, BVS, "breakdown values");
  }
}

/** The key of the parts' indices (KeySpace.period, .unit, .bv). */
export const compose = (period: number, unit: number, bv: number): Key => (period * UNITS + unit) * BVS + bv;

function index(seen: Map<string, number>, name: string, limit: number, what: string): number {
  let i = seen.get(name);
  if (i === undefined) {
    i = seen.size;
    if (i >= limit) throw new Error(`the privacy audit numbers at most ${limit} ${what}; the table has more (raise the limit in loaders/privacy/audit/published.ts)`);
    seen.set(name, i);
  }
  return i;
}

function num(s: string | undefined, line: number, col: string): number | null {
  if (s === undefined || s === "") return null;
  const x = Number(s);
  if (!Number.isFinite(x)) throw new Error(`line ${line}: ${col} is not a number: ${JSON.stringify(s)}`);
  return x;
}

/** `keys`: the key space to number places in; tables read with one space can be joined by key. */
export function readPublished(csv: string, keys: KeySpace = new KeySpace()): Map<string, IndicatorTable> {
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
    if (!t) tables.set(row.indicator, (t = { id: row.indicator, rows: [], byKey: new Map(), keys, periods: new Set(), units: new Set(), bvs: new Set() }));
    const k = keys.of(row.period, row.unit, row.bv);
    if (t.byKey.has(k)) throw new Error(`line ${line}: ${row.indicator} ${row.period} ${row.unit} ${row.bv} appears twice`);
    t.rows.push(row);
    t.byKey.set(k, row);
    t.periods.add(row.period);
    t.units.add(row.unit);
    t.bvs.add(row.bv);
  });
  return tables;
}
