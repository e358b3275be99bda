// A query result on the explore page: each cell as text the Finnish way, and
// the whole result as CSV. The rules (the page states them):
//   - a `value` column is formatted in the unit of the row's indicator
//     (its `indicator_id` column, catalogue `unit`): a share as a percentage;
//   - `value`, `numerator` and `denominator` are NULL on a withheld cell: when
//     the row's `suppressed` is true they show the site's withheld mark "..";
//   - other NULLs show "–"; other numbers as they are, at most 4 decimals.
// The CSV keeps the numbers unrounded, as the indicator export writes them
// (shares as fractions 0–1), with the extract's source and date on each row.
import { csvFormatRows } from "d3-dsv";
import { exportNumber, formatCount, formatNumber, formatValue, type Lang } from "../format.js";

export type ResultRow = Record<string, unknown>;

const WITHHELD_COLUMNS = new Set(["value", "numerator", "denominator"]);

/** Whether the cell is a withheld figure: a NULL value, numerator or denominator on a row whose `suppressed` is true. */
export function isWithheldCell(row: ResultRow, column: string): boolean {
  return row.suppressed === true && WITHHELD_COLUMNS.has(column) && (row[column] === null || row[column] === undefined);
}

/** The columns whose every non-NULL value is a number (right-aligned); none when all are NULL. */
export function numericColumns(names: readonly string[], rows: readonly ResultRow[]): Set<string> {
  return new Set(names.filter((name) => {
    let any = false;
    for (const row of rows) {
      const v = row[name];
      if (v === null || v === undefined) continue;
      if (typeof v !== "number" && typeof v !== "bigint") return false;
      any = true;
    }
    return any;
  }));
}

/** A number with as many decimals as it has, up to 4: 0.5 → "0,5", 2 → "2", 1/3 → "0,3333". */
function plainNumber(x: number, lang: Lang): string {
  const four = Number(x.toFixed(4));
  let digits = 0;
  while (digits < 4 && Number(x.toFixed(digits)) !== four) digits++;
  return formatNumber(x, digits, lang);
}

export interface CellFormat {
  lang: Lang;
  /** indicator_id → the catalogue's unit of measure (share, days, nps, …). */
  units: ReadonlyMap<string, string>;
}

/** A result cell as text, not counting the withheld mark (isWithheldCell says when to show it instead). */
export function formatResultCell(row: ResultRow, column: string, { lang, units }: CellFormat): string {
  const v = row[column];
  if (v === null || v === undefined) return "–";
  if (typeof v === "bigint") return formatNumber(Number(v), 0, lang);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    const unit = column === "value" && typeof row.indicator_id === "string" ? units.get(row.indicator_id) : undefined;
    if (unit) return formatValue(v, { unit, lang });
    if (column === "numerator" || column === "denominator") return formatCount(v, lang);
    return plainNumber(v, lang);
  }
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x));
  return String(v);
}

/** A value as CSV text: numbers as the export writes them, true/false, NULL empty. */
function csvValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? exportNumber(v) : String(v);
  if (typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x));
  return String(v);
}

export interface ExtractInfo {
  source: string;
  extracted_at: string;
}

/** The extract's columns added to every CSV row. */
export const CSV_EXTRACT_COLUMNS = ["extract_source", "extracted_at"] as const;

/** The whole result as CSV (comma-separated, "\n" between rows, quoted where needed), each row with the extract's source and date. */
export function resultCsv(names: readonly string[], rows: readonly ResultRow[], extract: ExtractInfo): string {
  return csvFormatRows([
    [...names, ...CSV_EXTRACT_COLUMNS],
    ...rows.map((row) => [...names.map((n) => csvValue(row[n])), extract.source, extract.extracted_at]),
  ]);
}

/** The download's file name: the result of the extract of that day. */
export function csvFileName(extract: ExtractInfo): string {
  return `query-${extract.extracted_at.slice(0, 10)}.csv`;
}
