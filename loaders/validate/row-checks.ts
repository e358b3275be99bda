// The contract's rules that one row can break on its own, as SQL conditions
// over a relation that holds each column's text (`"col"`) and typed value
// (`"col:typed"`). Rules across rows (keys, references) are in table-checks.ts.
import type { ColumnSpec, Manifest, TableSpec } from "../extract/contract.ts";
import { PARSE_RULE } from "./typed-columns.ts";
import { ident, inList, literal } from "../sql.ts";

export interface RowCheck {
  column: string;
  rule: string;
  /** True when the row breaks the rule. */
  condition: string;
}

export const typedRef = (column: string) => ident(`${column}:typed`);

export function rowChecks(spec: TableSpec, manifest: Manifest): RowCheck[] {
  const checks: RowCheck[] = [];
  const { from, to } = manifest.period;
  const extractYear = Number(manifest.extracted_at.slice(0, 4));
  for (const col of spec.columns as readonly ColumnSpec[]) {
    const raw = ident(col.name);
    const typed = typedRef(col.name);
    const add = (rule: string, condition: string) => checks.push({ column: col.name, rule, condition });
    if (!col.nullable) add("required value is missing (empty field)", `${raw} IS NULL`);
    const parseRule = PARSE_RULE[col.type];
    if (parseRule) add(parseRule, `${raw} IS NOT NULL AND ${typed} IS NULL`);
    // A reference is checked against its key, which is checked here: a control character in it is an unknown key.
    if (col.type === "string" && !col.references) add("contains control characters (such as NUL): is the file binary or corrupted?", `NOT regexp_full_match(${raw}, '[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]*')`);
    if (col.codes) add(`unknown code (allowed: ${col.codes.join(", ")})`, `${raw} IS NOT NULL AND NOT ${inList(raw, col.codes)}`);
    if (col.min !== undefined) add(`below the minimum ${col.min}`, `${typed} < ${col.min}`);
    if (col.max !== undefined) add(`above the maximum ${col.max}`, `${typed} > ${col.max}`);
    if (col.maxIs === "extract-year") add(`after the extract year ${extractYear}`, `${typed} > ${extractYear}`);
    if (col.anchor) {
      const day = col.type === "timestamp" ? `CAST(${typed} AS DATE)` : typed;
      const lower = col.type === "month" ? `date_trunc('month', DATE ${literal(from)})` : `DATE ${literal(from)}`;
      add(`outside the manifest's period ${from}..${to}`, `${day} < ${lower} OR ${day} > DATE ${literal(to)}`);
    }
    if (col.notBefore) add(`earlier than ${col.notBefore} of the same row`, `${typed} < ${typedRef(col.notBefore)}`);
  }
  if (spec.rangeBy) {
    const { column, by, ranges } = spec.rangeBy;
    const groups = new Map<string, string[]>();
    for (const [code, [lo, hi]] of Object.entries(ranges)) groups.set(`${lo}|${hi}`, [...(groups.get(`${lo}|${hi}`) ?? []), code]);
    for (const [key, codes] of groups) {
      const [lo, hi] = key.split("|");
      checks.push({
        column,
        rule: `outside ${lo}..${hi}, the range for ${by} ${codes.join(", ")}`,
        condition: `${inList(ident(by), codes)} AND (${typedRef(column)} < ${lo} OR ${typedRef(column)} > ${hi})`,
      });
    }
  }
  return checks;
}
