// Compares two indicator exports (docs/indicators.md) cell by cell: a cell is
// one indicator × period × unit × breakdown value, and its figures are the
// numerator, denominator, value and suppression mark, compared as the text
// the export writes (shortest round-trip numbers, so equal text is an equal
// number). Used by the snapshot test, which must say which figures moved.
import { csvParse } from "d3-dsv";

export const KEY_COLUMNS = ["indicator_id", "period_type", "period", "unit_id", "breakdown", "breakdown_value"] as const;
export const FIGURE_COLUMNS = ["numerator", "denominator", "value", "suppressed"] as const;

export interface ExportDiff {
  /** Human-readable lines, the first `limit` of each kind. */
  lines: string[];
  changed: number;
  missing: number;
  added: number;
  /** Both have the same cells but write them in another order (the bytes differ). */
  reordered: boolean;
}

const keyOf = (row: Record<string, string>) => KEY_COLUMNS.map((c) => row[c]).join(" / ");

export function diffExports(expectedCsv: string, actualCsv: string, limit = 20): ExportDiff {
  const expected = csvParse(expectedCsv);
  const actual = csvParse(actualCsv);
  for (const [name, rows] of [["expected", expected], ["actual", actual]] as const) {
    const missingColumns = [...KEY_COLUMNS, ...FIGURE_COLUMNS].filter((c) => !rows.columns.includes(c));
    if (missingColumns.length) throw new Error(`the ${name} export has no column ${missingColumns.join(", ")}`);
  }
  const actualByKey = new Map(actual.map((r) => [keyOf(r), r]));
  const expectedKeys = new Set(expected.map(keyOf));
  const lines: string[] = [];
  let changed = 0;
  let missing = 0;
  for (const e of expected) {
    const key = keyOf(e);
    const a = actualByKey.get(key);
    if (!a) {
      if (missing++ < limit) lines.push(`missing cell ${key}`);
      continue;
    }
    const moved = FIGURE_COLUMNS.filter((c) => e[c] !== a[c]);
    if (moved.length && changed++ < limit) {
      lines.push(`${key}: ${moved.map((c) => `${c} ${JSON.stringify(e[c])} → ${JSON.stringify(a[c])}`).join(", ")}`);
    }
  }
  const extra = actual.filter((r) => !expectedKeys.has(keyOf(r)));
  for (const r of extra.slice(0, limit)) lines.push(`new cell ${keyOf(r)}`);
  const reordered = !changed && !missing && !extra.length && expected.some((e, i) => keyOf(e) !== keyOf(actual[i]));
  if (reordered) {
    const i = expected.findIndex((e, j) => keyOf(e) !== keyOf(actual[j]));
    lines.push(`same cells in another order: row ${i + 1} was ${keyOf(expected[i])}, is ${keyOf(actual[i])}`);
  }
  return { lines, changed, missing, added: extra.length, reordered };
}
