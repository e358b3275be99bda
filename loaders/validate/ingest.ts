// Validated extract → one typed DuckDB table per contract table, named as the
// contract names it. Absent optional tables become empty tables, so indicator
// SQL runs unchanged and yields no rows for them.
import { TABLES, type TableSpec } from "../extract/contract.ts";
import { openDb, type Db, type DbOptions } from "../db.ts";
import { ident } from "../sql.ts";
import { SQL_TYPE } from "./typed-columns.ts";
import { renameTyped } from "./typed-table.ts";
import { validateExtract, type ValidatedExtract, type ValidationOptions } from "./validate.ts";

export interface IngestedExtract extends ValidatedExtract {
  db: Db;
  /** Tables the extract provides (required ones always). */
  present: Set<string>;
}

export async function ingestExtract(dir: string, options: ValidationOptions & DbOptions = {}): Promise<IngestedExtract> {
  const db = await openDb(options);
  try {
    const validated = await validateExtract(db, dir, options);
    const present = new Set<string>(validated.tables.map((t) => t.table));
    for (const spec of TABLES as readonly TableSpec[]) {
      if (present.has(spec.name)) {
        // Renamed, not copied: at Helsinki scale a copy is seconds and gigabytes.
        // The table may keep __file, __row and __bad; nothing downstream publishes them.
        await renameTyped(db, spec.name, spec.name);
      } else {
        await db.run(`CREATE TABLE ${ident(spec.name)} (${spec.columns.map((c) => `${ident(c.name)} ${SQL_TYPE[c.type]}`).join(", ")})`);
      }
    }
    return { ...validated, db, present };
  } catch (e) {
    db.close();
    throw e;
  }
}
