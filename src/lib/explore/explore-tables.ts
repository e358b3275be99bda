// The SQL that builds the explore page's tables from the site's data files,
// column by column from explore-schema.ts: the published indicator table
// arrives as Arrow IPC (loaders/publish/emit.ts), the units and the catalogue as JSON
// rows, inserted as SQL literals so the page needs no Arrow library of its own.
import { CATALOGUE_TABLE, INDICATORS_TABLE, UNITS_TABLE, type ExploreTable } from "./explore-schema.js";

export type SqlValue = string | number | boolean | null | undefined;

/** A value as a SQL literal: 'text' (quotes doubled), a number, TRUE/FALSE, NULL. */
export function sqlLiteral(v: SqlValue): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "NULL";
  return `'${v.replaceAll("'", "''")}'`;
}

/**
 * `indicators` from the Arrow table loaded as `raw`: the schema's columns, in
 * its order and types. An absent number may come as NULL or NaN, `suppressed`
 * as a boolean or 0/1, the ids dictionary-encoded: all read the same.
 */
export function indicatorsFromRawSql(raw: string): string {
  const select = INDICATORS_TABLE.columns.map(({ name, type }) => {
    if (type === "DOUBLE") return `CAST(CASE WHEN isnan(${name}) THEN NULL ELSE ${name} END AS DOUBLE) AS ${name}`;
    return `CAST(${name} AS ${type}) AS ${name}`;
  });
  return `CREATE TABLE ${INDICATORS_TABLE.name} AS SELECT ${select.join(", ")} FROM ${raw}`;
}

/** CREATE TABLE and, when there are rows, one INSERT: a small table from rows keyed by column name (a missing key is NULL). */
export function createTableSql(table: ExploreTable, rows: readonly Record<string, SqlValue>[]): string[] {
  const statements = [`CREATE TABLE ${table.name} (${table.columns.map((c) => `${c.name} ${c.type}`).join(", ")})`];
  if (rows.length) {
    const values = rows.map((r) => `(${table.columns.map((c) => sqlLiteral(r[c.name])).join(", ")})`);
    statements.push(`INSERT INTO ${table.name} VALUES ${values.join(", ")}`);
  }
  return statements;
}

const orNull = (s: string | null | undefined) => (s ? s : null);

export interface MetaUnit {
  unit_id: string;
  unit_name_fi: string;
  unit_name_sv?: string | null;
  operating_model: string;
  service_area: string;
  area: string;
}

/** The `units` table from meta.json's units. */
export function unitsTableSql(units: readonly MetaUnit[]): string[] {
  return createTableSql(UNITS_TABLE, units.map((u) => ({ ...u, unit_name_sv: orNull(u.unit_name_sv) })));
}

export interface CatalogueIndicator {
  id: string;
  name: { fi: string; sv: string; en: string };
  dimension: string;
  unit: string;
  direction?: string | null;
  breakdown?: string | null;
}

/** The `catalogue` table from the catalogue's indicators. */
export function catalogueTableSql(indicators: readonly CatalogueIndicator[]): string[] {
  return createTableSql(CATALOGUE_TABLE, indicators.map((i) => ({
    indicator_id: i.id, name_fi: i.name.fi, name_sv: i.name.sv, name_en: i.name.en,
    dimension: i.dimension, unit: i.unit, direction: orNull(i.direction), breakdown: orNull(i.breakdown),
  })));
}
