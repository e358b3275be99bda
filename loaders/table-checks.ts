// Rules that span rows or tables: unique keys, references to other tables and
// a visit that starts before the contact it came from. Each returns SQL that
// selects the violating rows of a typed table as (file, row, column, value, rule).
import { TABLES, type ColumnSpec, type TableSpec } from "./contract.ts";
import { ident, literal } from "./sql.ts";

export const typedName = (table: string) => `typed_${table}`;

export interface TableCheck {
  table: string;
  sql: string;
}

export function tableChecks(loaded: ReadonlySet<string>): TableCheck[] {
  const checks: TableCheck[] = [];
  for (const spec of TABLES as readonly TableSpec[]) {
    if (!loaded.has(spec.name)) continue;
    const t = ident(typedName(spec.name));
    if (spec.key) {
      const key = spec.key.map(ident).join(", ");
      const keyText = spec.key.map((k) => `CAST(${ident(k)} AS VARCHAR)`).join(" || '|' || ");
      checks.push({
        table: spec.name,
        sql: `SELECT __file, __row, ${literal(spec.key.join("+"))}, ${keyText},
          'duplicate key: the same ' || ${literal(spec.key.join(" + "))} || ' as row ' || first_row
          FROM (SELECT *, min(__row) OVER (PARTITION BY ${key}) AS first_row,
                       row_number() OVER (PARTITION BY ${key} ORDER BY __file, __row) AS nth
                FROM ${t} SEMI JOIN (SELECT ${key} FROM ${t} WHERE ${spec.key.map((k) => `${ident(k)} IS NOT NULL`).join(" AND ")}
                                     GROUP BY ALL HAVING count(*) > 1) USING (${key}))
          WHERE nth > 1`,
      });
    }
    for (const col of spec.columns as readonly ColumnSpec[]) {
      if (!col.references || !loaded.has(col.references.table)) continue;
      const ref = ident(typedName(col.references.table));
      const c = ident(col.name);
      checks.push({
        table: spec.name,
        sql: `SELECT x.__file, x.__row, ${literal(col.name)}, x.${c},
          ${literal(`unknown ${col.name}: no row in ${col.references.table} has this ${col.references.column}`)}
          FROM ${t} x ANTI JOIN ${ref} k ON k.${ident(col.references.column)} = x.${c}
          WHERE x.${c} IS NOT NULL`,
      });
    }
  }
  if (loaded.has("visits") && loaded.has("contacts")) {
    checks.push({
      table: "visits",
      sql: `SELECT v.__file, v.__row, 'visit_start_ts', strftime(v.visit_start_ts, '%Y-%m-%dT%H:%M:%S'),
        'visit starts before its contact (contact_ts ' || strftime(c.contact_ts, '%Y-%m-%dT%H:%M:%S') || ')'
        FROM ${ident(typedName("visits"))} v JOIN ${ident(typedName("contacts"))} c ON c.contact_id = v.contact_id
        WHERE v.visit_start_ts < c.contact_ts`,
    });
  }
  return checks;
}
