// Types an extract table and flags each row that breaks a row rule, in one
// pass: `typed_<table>` (a table, or a view over one) with every value typed,
// the file and data row each row came from (`__file`, `__row`) and `__bad`.
// Only the flagged rows are then read beside their text, to say which rule
// and which value.
import type { Manifest, TableSpec } from "../extract/contract.ts";
import type { Db } from "../db.ts";
import type { TableSource } from "../extract/extract-files.ts";
import { csvRelation, csvUnreadable, dropRaw, loadRaw, rawName, type RawTable } from "../extract/load-raw.ts";
import { type RowCheck, rowChecks, typedRef } from "./row-checks.ts";
import { ident, literal } from "../sql.ts";
import { typedName } from "./table-checks.ts";
import { typedExpr } from "./typed-columns.ts";
import type { Violation } from "./violations.ts";

/**
 * A CSV file typed and checked straight from the file, with no text copy
 * (that copy was a third of validation's time at scale). The rows are stored
 * in file order, so a row's position gives its data row: `typed_<table>` is a
 * view that adds the file and `rowid + 1` (storing them cost an UPDATE). The
 * file is read again as text only when a row breaks a rule, to quote its values.
 */
export async function typeCsv(db: Db, spec: TableSpec, source: TableSource & { format: "csv" }, manifest: Manifest): Promise<{ raw?: RawTable; violations: Violation[] }> {
  const rel = csvRelation(spec, source);
  if ("violations" in rel) return rel;
  const checks = rowChecks(spec, manifest);
  const rows = ident(rowsName(spec.name));
  const create = typedTableSql(rowsName(spec.name), spec, checks, `(${rel.sql})`, []);
  try {
    await assertKeepsFileOrder(db, create);
    await db.run(create);
  } catch (e) {
    if (e instanceof OrderError) throw e;
    return { violations: [csvUnreadable(source.label, e)] };
  }
  await db.run(`CREATE OR REPLACE VIEW ${ident(typedName(spec.name))} AS SELECT ${literal(source.label)} AS __file, rowid + 1 AS __row, * FROM ${rows}`);
  const [{ n, bad }] = await db.all<{ n: number; bad: number }>(`SELECT count(*) AS n, count(*) FILTER (WHERE __bad) AS bad FROM ${rows}`);
  if (bad > 0) {
    const text = await loadRaw(db, spec, source);
    if (!text.raw) return text;
    await insertRowViolations(db, spec, checks);
    await dropRaw(db, spec.name);
  }
  return { raw: { spec, source, rows: n, absentColumns: spec.columns.filter((c) => !rel.present.has(c.name)).map((c) => c.name) }, violations: [] };
}

/** The stored rows behind the view `typed_<table>` of a CSV table. */
const rowsName = (table: string) => `${typedName(table)}_rows`;

async function isView(db: Db, name: string): Promise<boolean> {
  const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM duckdb_views() WHERE view_name = ${literal(name)}`);
  return n > 0;
}

/** Stores the file and row of each row (before rows are deleted, which would leave positions behind). */
export async function storeRowNumbers(db: Db, table: string): Promise<void> {
  const typed = typedName(table);
  if (!(await isView(db, typed))) return;
  await db.run(`CREATE TABLE ${ident(`${typed}_stored`)} AS SELECT * FROM ${ident(typed)}`);
  await db.run(`DROP VIEW ${ident(typed)}`);
  await db.run(`DROP TABLE ${ident(rowsName(table))}`);
  await db.run(`ALTER TABLE ${ident(`${typed}_stored`)} RENAME TO ${ident(typed)}`);
}

/** Gives the typed rows of `table` the name `to`, without copying them. */
export async function renameTyped(db: Db, table: string, to: string): Promise<void> {
  const typed = typedName(table);
  if (await isView(db, typed)) {
    await db.run(`DROP VIEW ${ident(typed)}`);
    await db.run(`ALTER TABLE ${ident(rowsName(table))} RENAME TO ${ident(to)}`);
  } else {
    await db.run(`ALTER TABLE ${ident(typed)} RENAME TO ${ident(to)}`);
  }
}

/** A table already read as text (Parquet): typed and checked, then its text dropped. */
export async function typeFromText(db: Db, raw: RawTable, manifest: Manifest): Promise<void> {
  const checks = rowChecks(raw.spec, manifest);
  await db.run(typedTableSql(typedName(raw.spec.name), raw.spec, checks, ident(rawName(raw.spec.name)), ["__file", "__row"]));
  await insertRowViolations(db, raw.spec, checks);
  await dropRaw(db, raw.spec.name);
}

/** `from` holds `carried` (where each row came from) and a text column per contract column. */
function typedTableSql(name: string, spec: TableSpec, checks: readonly RowCheck[], from: string, carried: readonly string[]): string {
  return `CREATE OR REPLACE TABLE ${ident(name)} AS
    SELECT ${[...carried, ...spec.columns.map((c) => `${typedRef(c.name)} AS ${ident(c.name)}`)].join(", ")},
      coalesce(${checks.map((c) => `(${c.condition})`).join(" OR ")}, false) AS __bad
    FROM (SELECT r.*, ${spec.columns.map((c) => `${typedExpr(c, ident(c.name))} AS ${typedRef(c.name)}`).join(", ")} FROM ${from} r)`;
}

/** Each flagged row beside its text (the raw view), once per rule it breaks. */
async function insertRowViolations(db: Db, spec: TableSpec, checks: readonly RowCheck[]): Promise<void> {
  const bad = `(SELECT r.*, ${spec.columns.map((c) => `t.${ident(c.name)} AS ${typedRef(c.name)}`).join(", ")}
    FROM ${ident(typedName(spec.name))} t JOIN ${ident(rawName(spec.name))} r ON r.__file = t.__file AND r.__row = t.__row
    WHERE t.__bad)`;
  const failed = `list_filter([${checks.map((c, i) => `CASE WHEN ${c.condition} THEN ${i} END`).join(", ")}], x -> x IS NOT NULL)`;
  const column = `CASE check_id ${checks.map((c, i) => `WHEN ${i} THEN ${literal(c.column)}`).join(" ")} END`;
  const value = `CASE check_id ${checks.map((c, i) => `WHEN ${i} THEN CAST(${ident(c.column)} AS VARCHAR)`).join(" ")} END`;
  const rule = `CASE check_id ${checks.map((c, i) => `WHEN ${i} THEN ${literal(c.rule)}`).join(" ")} END`;
  await db.run(`INSERT INTO violations
    SELECT ${literal(spec.name)}, __file, __row, ${column}, ${value}, ${rule}
    FROM (SELECT *, unnest(${failed}) AS check_id FROM ${bad})`);
}

class OrderError extends Error {}

/** Operators that pass rows on in the order the CSV reader gives them. */
const ORDER_KEEPING = new Set(["CREATE_TABLE_AS", "BATCH_CREATE_TABLE_AS", "PROJECTION", "FILTER", "READ_CSV"]);

/**
 * Row numbers come from row positions, so the typed read must keep the file's
 * order. DuckDB keeps it through projections and filters but not through a
 * join, which its optimiser may introduce (a long IN list becomes one): refuse
 * to run a plan with any other operator rather than name wrong rows.
 */
export async function assertKeepsFileOrder(db: Db, sql: string): Promise<void> {
  const [{ explain_value }] = await db.all<{ explain_value: string }>(`EXPLAIN (FORMAT json) ${sql}`);
  const names: string[] = [];
  const walk = (node: { name: string; children: unknown[] }) => {
    names.push(node.name);
    for (const child of node.children as (typeof node)[]) walk(child);
  };
  for (const root of JSON.parse(explain_value)) walk(root);
  const other = names.filter((n) => !ORDER_KEEPING.has(n));
  if (other.length) throw new OrderError(`internal error: typing a CSV file would not keep its row order (plan has ${[...new Set(other)].join(", ")}), so rows could not be named`);
}
