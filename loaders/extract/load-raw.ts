// Loads one extract table into DuckDB as text, exactly as given, with the file
// and row each value came from: a Parquet table before it is typed, and a CSV
// file whose rows broke a rule, so that messages can quote the original value.
import type { ColumnSpec, TableSpec } from "./contract.ts";
import { readCsvHeader } from "./csv-header.ts";
import type { Db } from "../db.ts";
import type { TableSource } from "./extract-files.ts";
import { ident, literal } from "../sql.ts";
import type { Violation } from "../validate/violations.ts";

export const rawName = (table: string) => `raw_${table}`;

export interface RawTable {
  spec: TableSpec;
  source: TableSource;
  rows: number;
  /** Nullable contract columns the file lacks: read as all-null. */
  absentColumns: string[];
}

export async function loadRaw(db: Db, spec: TableSpec, source: TableSource): Promise<{ raw?: RawTable; violations: Violation[] }> {
  const file = source.label;
  const fail = (rule: string): { violations: Violation[] } => ({ violations: [{ file, row: null, column: null, value: null, rule }] });
  const store = ident(`${rawName(spec.name)}_store`);
  let present: Map<string, string>; // contract column → SQL expression producing its text
  if (source.format === "csv") {
    const rel = csvRelation(spec, source);
    if ("violations" in rel) return rel;
    present = rel.present;
    // One materialisation, in file order (insertion order is preserved), so rowid + 1 is the data row.
    try {
      await db.run(`CREATE OR REPLACE TABLE ${store} AS ${rel.sql}`);
    } catch (e) {
      return { violations: [csvUnreadable(file, e)] };
    }
    await db.run(`CREATE OR REPLACE VIEW ${ident(rawName(spec.name))} AS SELECT ${literal(file)} AS __file, rowid + 1 AS __row, * FROM ${store}`);
  } else {
    const list = `[${source.paths.map(literal).join(", ")}]`;
    const read = `read_parquet(${list}, union_by_name = true, filename = true, file_row_number = true)`;
    let types: { column_name: string; column_type: string }[];
    try {
      types = await db.all(`DESCRIBE SELECT * FROM ${read}`);
    } catch (e) {
      return fail(`not a readable Parquet file (${(e as Error).message.split("\n")[0]})`);
    }
    present = new Map();
    for (const { column_name, column_type } of types) {
      const col = spec.columns.find((c) => c.name === column_name);
      if (col) present.set(column_name, parquetToText(col, ident(column_name), column_type));
    }
    const missing = missingColumns(spec, present, file);
    if (missing.length) return { violations: missing };
    const fileExpr = source.paths.length > 1 ? `${literal(source.label)} || regexp_extract(filename, '[^/]*$')` : literal(source.label);
    try {
      await db.run(`CREATE OR REPLACE TABLE ${store} AS SELECT ${fileExpr} AS __file, (file_row_number + 1)::BIGINT AS __row, ${textColumns(spec, present)} FROM ${read}`);
    } catch (e) {
      return fail(`could not be read (${(e as Error).message.split("\n")[0]})`);
    }
    await db.run(`CREATE OR REPLACE VIEW ${ident(rawName(spec.name))} AS SELECT * FROM ${store}`);
  }
  const absentColumns = spec.columns.filter((c) => !present.has(c.name)).map((c) => c.name);
  const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${store}`);
  return { raw: { spec, source, rows: n, absentColumns }, violations: [] };
}

/**
 * A CSV file as text columns named as the contract names them (a nullable
 * column the file lacks as NULL), in file order — or why it cannot be read
 * (header not UTF-8, duplicated or missing columns, another delimiter).
 * Parse errors in the body surface when the relation is read: csvUnreadable.
 */
export function csvRelation(spec: TableSpec, source: TableSource & { format: "csv" }): { sql: string; present: Map<string, string> } | { violations: Violation[] } {
  const file = source.label;
  const header = readCsvHeader(source.path);
  if (!header.ok) return { violations: [{ file, row: null, column: null, value: null, rule: header.rule }] };
  const dupes = header.columns.filter((c, i) => header.columns.indexOf(c) !== i);
  if (dupes.length) return { violations: [...new Set(dupes)].map((c) => ({ file, row: null, column: c, value: null, rule: "column appears more than once in the header" })) };
  if (header.columns.length === 1 && /[;\t|]/.test(header.columns[0])) {
    const rule = `header has a single column ${JSON.stringify(header.columns[0].slice(0, 60))}: the contract requires comma-separated values, this file seems to use ${JSON.stringify(/[;\t|]/.exec(header.columns[0])![0])}`;
    return { violations: [{ file, row: null, column: null, value: null, rule }] };
  }
  const present = new Map(header.columns.map((c) => [c, ident(c)]));
  const missing = missingColumns(spec, present, file);
  if (missing.length) return { violations: missing };
  const columns = header.columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(", ");
  return {
    present,
    sql: `SELECT ${textColumns(spec, present)} FROM read_csv(${literal(source.path)},
        header = true, auto_detect = false, columns = {${columns}}, delim = ',', quote = '"', escape = '"',
        strict_mode = true, null_padding = false, encoding = 'utf-8', max_line_size = 2097152)`,
  };
}

/** The violation for a CSV file DuckDB could not parse. */
export function csvUnreadable(file: string, error: unknown): Violation {
  return { file, row: null, column: null, value: null, rule: `not a readable CSV file per RFC 4180 (${csvErrorSummary((error as Error).message)})` };
}

/** A required column the file lacks is refused; a nullable one is read as all-null. */
function missingColumns(spec: TableSpec, present: ReadonlyMap<string, string>, file: string): Violation[] {
  return spec.columns.filter((c) => !present.has(c.name) && !c.nullable)
    .map((c) => ({ file, row: null, column: c.name, value: null, rule: "required column is missing from the header" }));
}

/** Each contract column as text, named as the contract names it (NULL where the file lacks it). */
function textColumns(spec: TableSpec, present: ReadonlyMap<string, string>): string {
  return spec.columns.map((c) => `${present.get(c.name) ?? "NULL::VARCHAR"} AS ${ident(c.name)}`).join(", ");
}

/** Drops the text copy of a table once its typed table exists. */
export async function dropRaw(db: Db, table: string): Promise<void> {
  await db.run(`DROP VIEW IF EXISTS ${ident(rawName(table))}`);
  await db.run(`DROP TABLE IF EXISTS ${ident(`${rawName(table)}_store`)}`);
}

/** Parquet columns may carry their natural type; render them as the CSV text the checks expect. */
function parquetToText(col: ColumnSpec, ref: string, type: string): string {
  const t = type.toUpperCase();
  const localTs = t.includes("WITH TIME ZONE") ? `timezone('Europe/Helsinki', ${ref})` : ref;
  if (t.startsWith("TIMESTAMP") || t === "DATE") {
    if (col.type === "month") return `strftime(${localTs}, '%Y-%m')`;
    if (col.type === "date") return `strftime(${localTs}, '%Y-%m-%d')`;
    return t === "DATE" ? `strftime(${ref}, '%Y-%m-%dT00:00:00')` : `strftime(${localTs}, '%Y-%m-%dT%H:%M:%S.%f')`;
  }
  if (t === "BOOLEAN") return `CASE WHEN ${ref} THEN 'true' WHEN NOT ${ref} THEN 'false' END`;
  return `CAST(${ref} AS VARCHAR)`;
}

/** DuckDB's CSV errors are long; keep what names the problem and where. */
export function csvErrorSummary(message: string): string {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  const original = /Original Line: (.*)/.exec(message)?.[1];
  if (/invalid unicode|byte sequence/i.test(message)) return `line ${line ?? "?"}: not valid UTF-8 (is the file Latin-1 or Windows-1252?); save it as UTF-8`;
  if (line && columns) return `line ${line}: expected ${columns[1]} fields as in the header, found ${columns[2]}${original ? ` in ${JSON.stringify(original.slice(0, 80))}` : ""}`;
  if (/unterminated quote/i.test(message)) return `line ${line ?? "?"}: a quoted field is never closed (is the file truncated?)`;
  if (/maximum line size/i.test(message)) return `line ${line ?? "?"}: longer than the 2 MiB a row may have`;
  const first = message.split("\n")[0].replace(/^(Invalid Input Error|Conversion Error|IO Error):\s*/, "");
  return line ? `line ${line}: ${first.replace(/CSV Error on Line: \d+/, "").trim() || "malformed"}` : first;
}
