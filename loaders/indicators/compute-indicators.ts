// Runs each catalogue entry's SQL over the ingested extract and returns the
// long indicator table (before suppression). The SQL files use placeholders so
// that the period × unit × breakdown crossing is written once:
//   {{cell}}  / {{cells}}       the cell columns / GROUPING SETS for the indicator's breakdown
//   {{month_cell}}              the columns of a cell within one month, before the periods:
//                               unit_id, month (and breakdown_value with a breakdown)
//   {{distinct_cells(rel, col)}} per cell, n = how many distinct `col` values the
//                               relation `rel` (unit_id, month, breakdown_value, col) has
//   {{name(arg, …)}}            a fragment of _common.sql (`/* fragment name(param, …)`),
//                               its `{{param}}` replaced by the argument; e.g.
//                               {{share_per_month(facts)}}
// A file may instead produce the cells itself (period_type, period, unit_id, breakdown_value).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUE_PATH, indicatorSql, type Catalogue, type Indicator } from "./catalogue.ts";
import type { Db } from "../db.ts";
import { ALL, AREA_PREFIX, MODEL_PREFIX, type IndicatorCell } from "./indicator-row.ts";
import { PERIOD_TYPES, periodRows, type PeriodType } from "../../src/lib/periods.ts";
import { literal } from "../sql.ts";

/** Shared query text, by name: its parameters and its body (see _common.sql). */
export type Fragments = ReadonlyMap<string, { params: string[]; body: string }>;

/**
 * The fragments of _common.sql: block comments `/* fragment name(param, …)`
 * whose following lines, up to the comment's end, are the body. Being
 * comments, they do nothing when the file itself is run.
 */
export function parseFragments(commonSql: string): Fragments {
  const fragments = new Map<string, { params: string[]; body: string }>();
  for (const m of commonSql.matchAll(/\/\*\s*fragment\s+(\w+)\(([\w\s,]*)\)[^\n]*\n([\s\S]*?)\*\//g)) {
    if (fragments.has(m[1])) throw new Error(`_common.sql: fragment ${m[1]} defined twice`);
    fragments.set(m[1], { params: m[2].split(",").map((p) => p.trim()).filter(Boolean), body: m[3].trimEnd() });
  }
  return fragments;
}

export const commonSql = (): string => readFileSync(join(CATALOGUE_PATH, "..", "indicators", "_common.sql"), "utf8");

/**
 * The unit levels a cell is grouped at: the unit, its area, its operating model
 * (columns of unit_groups, _common.sql) and the whole city; the id each level writes.
 */
const UNIT_LEVELS: { column: string | null; id: string }[] = [
  { column: "unit_id", id: "unit_id" },
  { column: "unit_area", id: `'${AREA_PREFIX}' || unit_area` },
  { column: "unit_model", id: `'${MODEL_PREFIX}' || unit_model` },
  { column: null, id: `'${ALL}'` },
];

export function expandCellMacros(sql: string, breakdown: string | null, fragments: Fragments = parseFragments(commonSql())): string {
  const unit = `CASE ${UNIT_LEVELS.filter((l) => l.column).map((l) => `WHEN grouping(${l.column}) = 0 THEN ${l.id}`).join(" ")} ELSE '${ALL}' END AS unit_id`;
  const cell = breakdown
    ? `period_type, period, ${unit}, CASE WHEN grouping(breakdown_value) = 1 THEN '${ALL}' ELSE breakdown_value END AS breakdown_value`
    : `period_type, period, ${unit}, '${ALL}' AS breakdown_value`;
  const sets = UNIT_LEVELS.flatMap((l) => {
    const base = ["period_type", "period", ...(l.column ? [l.column] : [])];
    return breakdown ? [[...base, "breakdown_value"], base] : [base];
  });
  const cells = `GROUPING SETS (${sets.map((s) => `(${s.join(", ")})`).join(", ")})`;
  const monthCell = breakdown ? "unit_id, month, breakdown_value" : "unit_id, month";
  const expanded = sql
    // Fragments first: their bodies use the placeholders below.
    .replace(/\{\{(\w+)\(([\w\s,]*)\)\}\}/g, (call, name: string, argList: string) => {
      const fragment = fragments.get(name);
      if (!fragment) return call;
      const args = argList.split(",").map((a) => a.trim()).filter(Boolean);
      if (args.length !== fragment.params.length) throw new Error(`${call}: fragment ${name} takes ${fragment.params.length} argument(s)`);
      return fragment.body.replace(/\{\{(\w+)\}\}/g, (p, param: string) => {
        const i = fragment.params.indexOf(param);
        return i < 0 ? p : args[i];
      });
    })
    .replaceAll("{{cell}}", cell)
    .replaceAll("{{cells}}", cells)
    .replaceAll("{{month_cell}}", monthCell)
    .replace(/\{\{distinct_cells\((\w+),\s*(\w+)\)\}\}/g, (_m, rel: string, col: string) => distinctCells(rel, col, breakdown !== null));
  const unknown = expanded.match(/\{\{[^}]*\}\}/);
  if (unknown) throw new Error(`unknown placeholder ${unknown[0]}`);
  return expanded;
}

/**
 * Distinct values per cell without grouping by value in every period (the
 * fan-out to four period types made that the slowest step at scale): each
 * value's months of a year become bits, once per cell level (unit and
 * breakdown value, or ALL), and a value counts in a period whose months
 * (`period_months`, _common.sql) share a bit with its own. Values with the
 * same months are counted together before the periods are joined: a
 * level's distinct month sets are far fewer than its values, and each row
 * meets every period of its year (19 of them) in the join.
 */
function distinctCells(rel: string, col: string, breakdown: boolean): string {
  const all = `'${ALL}'`;
  // One level: values grouped by year, by unit level (UNIT_LEVELS) and by breakdown value (or ALL).
  const level = (from: string, unit: (typeof UNIT_LEVELS)[number], bv: boolean, months: string) =>
    `SELECT year, ${unit.id} AS unit_id, ${bv ? "breakdown_value" : all} AS breakdown_value, value, ${months} AS months
     FROM ${from} GROUP BY ${["year", unit.column, bv && "breakdown_value", "value"].filter(Boolean).join(", ")}`;
  // The finest level from the facts, the coarser ones from it: far fewer rows than the facts.
  const [units, ...groups] = UNIT_LEVELS;
  const coarser: [(typeof UNIT_LEVELS)[number], boolean][] = [
    ...(breakdown ? [[units, false] as [typeof units, boolean]] : []),
    ...groups.flatMap((g): [typeof g, boolean][] => (breakdown ? [[g, true], [g, false]] : [[g, false]])),
  ];
  return `(WITH marks AS (
      ${level(`(SELECT EXTRACT(YEAR FROM month) AS year, month, unit_id, ${breakdown ? "breakdown_value, " : ""}${col} AS value FROM ${rel}) AS f`, units, breakdown, "bit_or(1 << (EXTRACT(MONTH FROM month) - 1))")}
    )
    SELECT p.period_type, p.period, l.unit_id, l.breakdown_value, sum(l.value_count) AS n
    FROM (SELECT year, unit_id, breakdown_value, months, count(*) AS value_count
          FROM (SELECT * FROM marks
                ${coarser.map(([unit, bv]) => `UNION ALL ${level("marks JOIN unit_groups USING (unit_id)", unit, bv, "bit_or(months)")}`).join("\n                ")}) AS v
          GROUP BY year, unit_id, breakdown_value, months) l
    JOIN period_months p USING (year)
    WHERE l.months & p.months <> 0
    GROUP BY p.period_type, p.period, l.unit_id, l.breakdown_value)`;
}

export async function createPeriods(db: Db, from: string, to: string): Promise<void> {
  const rows = periodRows(from, to);
  await db.run(`CREATE OR REPLACE TABLE periods (month DATE, period_type VARCHAR, period VARCHAR, period_start DATE, period_end DATE)`);
  const values = rows.map((r) => `(DATE ${literal(r.month)}, ${literal(r.period_type)}, ${literal(r.period)}, DATE ${literal(r.period_start)}, DATE ${literal(r.period_end)})`);
  await db.run(`INSERT INTO periods VALUES ${values.join(", ")}`);
}

export interface ComputeOptions {
  /** Tables the extract provides; an indicator whose source table is absent gives no rows. */
  present: ReadonlySet<string>;
  period: { from: string; to: string };
  onProgress?: (message: string) => void;
}

export async function computeIndicators(db: Db, catalogue: Catalogue, options: ComputeOptions): Promise<IndicatorCell[]> {
  await createPeriods(db, options.period.from, options.period.to);
  const common = commonSql();
  await db.run(common);
  const fragments = parseFragments(common);
  const cells: IndicatorCell[] = [];
  for (const indicator of catalogue.indicators) {
    const missing = indicator.sourceTables.filter((t) => !options.present.has(t));
    if (missing.length) {
      options.onProgress?.(`${indicator.id}: no data (${missing.join(", ")} absent)`);
      continue;
    }
    const started = Date.now();
    const rows = await runIndicator(db, indicator, fragments);
    cells.push(...rows);
    options.onProgress?.(`${indicator.id}: ${rows.length} cells in ${Date.now() - started} ms`);
  }
  return sortCells(cells, catalogue);
}

async function runIndicator(db: Db, indicator: Indicator, fragments: Fragments): Promise<IndicatorCell[]> {
  const sql = expandCellMacros(indicatorSql(indicator), indicator.breakdown, fragments);
  let rows: Record<string, unknown>[];
  try {
    // A ratio whose denominator is 0 and a cell without anchor rows are not written.
    rows = await db.all(`SELECT period_type, period, unit_id, breakdown_value,
        numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator, value::DOUBLE AS value, n::DOUBLE AS n
      FROM (${sql}) WHERE value IS NOT NULL AND isfinite(value::DOUBLE) AND coalesce(denominator::DOUBLE, 1) <> 0`);
  } catch (e) {
    throw new Error(`indicator ${indicator.id} (${indicator.sql}): ${(e as Error).message}`);
  }
  return rows.map((r) => ({
    indicator_id: indicator.id,
    period_type: r.period_type as PeriodType,
    period: r.period as string,
    unit_id: r.unit_id as string,
    breakdown: r.breakdown_value === ALL ? ALL : (indicator.breakdown ?? ALL),
    breakdown_value: r.breakdown_value as string,
    numerator: r.numerator as number | null,
    denominator: r.denominator as number | null,
    value: r.value as number,
    n: r.n as number | null,
    suppressed: false,
  }));
}

const byAllFirst = (a: string, b: string) => (a === b ? 0 : a === ALL ? -1 : b === ALL ? 1 : a < b ? -1 : 1);
/** ALL, the units, the areas, the operating models. */
const unitRank = (u: string) => (u === ALL ? 0 : u.startsWith(AREA_PREFIX) ? 2 : u.startsWith(MODEL_PREFIX) ? 3 : 1);
const byUnit = (a: string, b: string) => unitRank(a) - unitRank(b) || byAllFirst(a, b);

/** A fixed order, so exports and builds are byte-for-byte reproducible. */
export function sortCells<T extends Omit<IndicatorCell, "n" | "suppressed">>(cells: T[], catalogue: Catalogue): T[] {
  const order = new Map(catalogue.indicators.map((ind, i) => [ind.id, i]));
  return cells.sort(
    (a, b) =>
      order.get(a.indicator_id)! - order.get(b.indicator_id)! ||
      PERIOD_TYPES.indexOf(a.period_type) - PERIOD_TYPES.indexOf(b.period_type) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
      byUnit(a.unit_id, b.unit_id) ||
      byAllFirst(a.breakdown_value, b.breakdown_value),
  );
}
