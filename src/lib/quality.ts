// Data-quality helpers: per table the months of the extract without a single
// row (a gap in the source, not a zero; the months themselves are periods.ts
// monthsBetween), row counts as published (rounded to the nearest hundred) and
// the share of cells withheld.
import { formatNumber, type Lang } from "./format.js";
import { t } from "./i18n.js";

/** Per table, the months of `months` that `withRows` (the months that have rows, per table) does not list. */
export function missingMonths(withRows: readonly { table: string; month: string }[], tables: readonly string[], months: readonly string[]): Map<string, string[]> {
  const seen = new Set(withRows.map((c) => `${c.table}|${c.month}`));
  return new Map(tables.map((table) => [table, months.filter((m) => !seen.has(`${table}|${m}`))]));
}

/** A row count rounded to `precision`, as text: "1 200"; a count that rounds to 0 reads "under 100", never 0. */
export function formatRowsApprox(rows: number, precision: number, lang: Lang): string {
  return rows > 0 ? formatNumber(rows, 0, lang) : t(lang, "rowsUnder", {n: formatNumber(precision, 0, lang)});
}

/** The shares (0–1) of an indicator's cells withheld for the threshold, and in all; null without cells. */
export function withheldShare(w: { cells: number; threshold: number; complementary: number }): { threshold: number; total: number } | null {
  return w.cells > 0 ? {threshold: w.threshold / w.cells, total: (w.threshold + w.complementary) / w.cells} : null;
}
