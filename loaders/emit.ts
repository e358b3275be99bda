// Writes the suppressed indicator table: the export CSV (docs/indicators.md), and Arrow
// IPC for the pages. Both come from the same cells, so they cannot disagree.
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { csvText } from "./csv.ts";
import type { PublishedCell } from "../src/lib/cell.ts";
import { exportNumber } from "../src/lib/format.ts";
import type { IndicatorCell } from "./indicator-row.ts";

export const EXPORT_COLUMNS = [
  "indicator_id", "period_type", "period", "unit_id", "breakdown", "breakdown_value",
  "numerator", "denominator", "value", "suppressed",
] as const;

/** Drops n (never published) and, defensively, any value of a suppressed cell. */
export function publish(cells: readonly IndicatorCell[]): PublishedCell[] {
  return cells.map(({ n: _n, ...c }) =>
    c.suppressed ? { ...c, numerator: null, denominator: null, value: null } : c,
  );
}

/** Comma-separated, "\n" after every row, no byte-order mark; numbers as exportNumber writes them (shortest round-trip text). */
export function toExportCsv(cells: readonly PublishedCell[]): string {
  return csvText([
    EXPORT_COLUMNS,
    ...cells.map((c) => [
      c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown, c.breakdown_value,
      exportNumber(c.numerator), exportNumber(c.denominator), exportNumber(c.value), c.suppressed ? "true" : "false",
    ]),
  ]);
}

export function toArrowIpc(cells: readonly PublishedCell[]): Uint8Array {
  const col = <K extends keyof PublishedCell>(k: K) => cells.map((c) => c[k]);
  const table = tableFromArrays({
    indicator_id: col("indicator_id") as string[],
    period_type: col("period_type") as string[],
    period: col("period") as string[],
    unit_id: col("unit_id") as string[],
    breakdown: col("breakdown") as string[],
    breakdown_value: col("breakdown_value") as string[],
    numerator: Float64Array.from(cells, (c) => c.numerator ?? NaN),
    denominator: Float64Array.from(cells, (c) => c.denominator ?? NaN),
    value: Float64Array.from(cells, (c) => c.value ?? NaN),
    suppressed: Uint8Array.from(cells, (c) => (c.suppressed ? 1 : 0)),
  });
  return tableToIPC(table, "stream");
}
