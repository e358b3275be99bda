// Validates an extract folder against the contract and leaves the typed rows
// of each extract table in DuckDB (`typed_<table>`, with the source file and
// row of every row). Every violation is collected before anything is decided.
import { TABLES, type Manifest, type TableName, type TableSpec } from "../extract/contract.ts";
import type { Db } from "../db.ts";
import { locateTables } from "../extract/extract-files.ts";
import { loadRaw, type RawTable } from "../extract/load-raw.ts";
import { readManifest } from "../extract/manifest.ts";
import { ident, literal } from "../sql.ts";
import { ascendingKeysSql, tableChecks, typedName } from "./table-checks.ts";
import { storeRowNumbers, typeCsv, typeFromText } from "./typed-table.ts";
import { EXAMPLES_PER_RULE, ExtractError, countViolations, type RuleCount, type Violation } from "./violations.ts";

export interface ValidationOptions {
  /** Quarantine rows that break a row rule instead of refusing the extract. */
  tolerant?: boolean;
  /** Told of each long step (loading, checking a table), with its time. */
  onProgress?: (message: string) => void;
}

export interface TableReport {
  table: TableName;
  file: string;
  rows: number;
  manifestRows: number;
  quarantined: number;
}

export interface ValidatedExtract {
  manifest: Manifest;
  tables: TableReport[];
  /** In tolerant mode: what was quarantined, per rule. Empty in strict mode. */
  quarantine: RuleCount[];
}

export async function validateExtract(db: Db, dir: string, options: ValidationOptions = {}): Promise<ValidatedExtract> {
  const { manifest, violations: manifestProblems } = readManifest(dir);
  if (!manifest) throw new ExtractError(manifestProblems, countViolations(manifestProblems));
  const located = locateTables(dir, manifest);
  const fileProblems: Violation[] = [...located.violations];
  const raws: RawTable[] = [];
  const progress = timed(options.onProgress);
  await db.run(`CREATE OR REPLACE TABLE violations (tbl VARCHAR, file VARCHAR, "row" BIGINT, col VARCHAR, value VARCHAR, rule VARCHAR)`);
  const fromText: RawTable[] = [];
  const rows = (r: { raw?: RawTable }) => (r.raw ? `${r.raw.rows} rows` : "refused");
  for (const source of located.sources) {
    const spec = (TABLES as readonly TableSpec[]).find((t) => t.name === source.table)!;
    // A CSV file is typed as it is read; a Parquet file is read as text first, then checked as CSV text is.
    const { raw, violations } = source.format === "csv"
      ? await progress(`loaded, checked and typed ${source.label}`, () => typeCsv(db, spec, source, manifest), rows)
      : await progress(`loaded ${source.label}`, () => loadRaw(db, spec, source), rows);
    fileProblems.push(...violations);
    if (!raw) continue;
    const expected = manifest.tables[spec.name]?.rows;
    if (expected !== undefined && expected !== raw.rows) {
      fileProblems.push({
        file: source.label,
        row: null,
        column: null,
        value: String(raw.rows),
        rule: `has ${raw.rows} data rows but manifest.json says ${expected}`,
      });
    }
    raws.push(raw);
    if (source.format === "parquet") fromText.push(raw);
  }
  for (const raw of fromText) await progress(`checked and typed ${raw.spec.name}`, () => typeFromText(db, raw, manifest));
  const loaded = new Set(raws.map((r) => r.spec.name));
  await progress("checked keys and references", () => runTableChecks(db, loaded));

  const rowProblems = await readViolations(db);
  if (fileProblems.length || (rowProblems.counts.length && !options.tolerant)) {
    const fileCounts = countViolations(fileProblems);
    throw new ExtractError([...fileProblems, ...rowProblems.examples], [...fileCounts, ...rowProblems.counts]);
  }
  if (options.tolerant) await quarantineRows(db, loaded);
  const quarantined = await db.all<{ tbl: string; n: number }>(`SELECT tbl, count(DISTINCT (file, "row")) AS n FROM violations GROUP BY tbl`);
  const quarantineCounts = options.tolerant ? (await readViolations(db)).counts : [];
  return {
    manifest,
    tables: raws.map((r) => ({
      table: r.spec.name,
      file: r.source.label,
      rows: r.rows,
      manifestRows: manifest.tables[r.spec.name]?.rows ?? r.rows,
      quarantined: quarantined.find((q) => q.tbl === r.spec.name)?.n ?? 0,
    })),
    quarantine: quarantineCounts,
  };
}

/** Runs a step and reports it with its duration when someone listens. */
function timed(onProgress?: (message: string) => void) {
  return async <T>(label: string, step: () => Promise<T>, detail?: (result: T) => string): Promise<T> => {
    const started = Date.now();
    const result = await step();
    onProgress?.(`${label}${detail ? `: ${detail(result)}` : ""} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };
}

/** All cross-row rules in one statement, so DuckDB can overlap their joins; returns how many violations they added. */
async function runTableChecks(db: Db, loaded: ReadonlySet<string>): Promise<number> {
  const before = (await db.all<{ n: number }>(`SELECT count(*) AS n FROM violations`))[0].n;
  const ascending = ascendingKeysSql(loaded);
  const distinct = new Set(ascending ? (await db.all<{ tbl: string }>(ascending)).map((r) => r.tbl) : []);
  const checks = tableChecks(loaded, distinct);
  if (checks.length) await db.run(`INSERT INTO violations ${checks.map((c) => `SELECT ${literal(c.table)}, * FROM (${c.sql})`).join("\nUNION ALL ")}`);
  const after = (await db.all<{ n: number }>(`SELECT count(*) AS n FROM violations`))[0].n;
  return after - before;
}

/** Removes rejected rows; rows that referred to them are rejected in turn until nothing dangles. */
async function quarantineRows(db: Db, loaded: ReadonlySet<string>): Promise<void> {
  for (const table of loaded) await storeRowNumbers(db, table);
  for (;;) {
    for (const table of loaded) {
      await db.run(`DELETE FROM ${ident(typedName(table))} t USING violations v
        WHERE v.tbl = ${literal(table)} AND v.file = t.__file AND v."row" = t.__row`);
    }
    // Every row rejected so far is gone, so whatever the cross-row rules find now is newly orphaned.
    if ((await runTableChecks(db, loaded)) === 0) return;
  }
}

async function readViolations(db: Db): Promise<{ counts: RuleCount[]; examples: Violation[] }> {
  const counts = await db.all<{ file: string; col: string | null; rule: string; n: number }>(`
    SELECT regexp_replace(min(file), '/.*', '/') AS file, col, rule, count(*) AS n
    FROM violations GROUP BY tbl, col, rule ORDER BY tbl, min("row"), col, rule`);
  const examples = await db.all<{ file: string; row: number; col: string | null; value: string | null; rule: string }>(`
    SELECT file, "row" AS row, col, value, rule FROM violations
    QUALIFY row_number() OVER (PARTITION BY tbl, col, rule ORDER BY file, "row") <= ${EXAMPLES_PER_RULE}
    ORDER BY tbl, file, "row", col`);
  return {
    counts: counts.map((c) => ({ file: c.file, column: c.col, rule: c.rule, count: c.n })),
    examples: examples.map((e) => ({ file: e.file, row: e.row, column: e.col, value: e.value, rule: e.rule })),
  };
}
