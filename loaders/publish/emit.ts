// Writes the suppressed indicator table: the export CSV (docs/indicators.md), and Arrow
// IPC for the pages. Both come from the same cells, so they cannot disagree.
import { from, toCSV } from "arquero";
import { Bool, Dictionary, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from "apache-arrow";
import type { PublishedCell } from "../../src/lib/cell.ts";
import { exportNumber } from "../../src/lib/format.ts";
import type { IndicatorCell } from "../indicators/indicator-row.ts";

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

/**
 * The same cells with nothing withheld, in the export's format: what the
 * privacy audit reads which sums hold from (never published).
 */
export function unwithheldCsv(cells: readonly IndicatorCell[]): string {
  return toExportCsv(cells.map(({ n: _n, ...c }) => ({ ...c, suppressed: false })));
}

/**
 * Comma-separated, "\n" after every row, no byte-order mark (arquero's toCSV:
 * the dialect of csv.ts); numbers as exportNumber writes them (shortest
 * round-trip text), `suppressed` as true/false.
 */
export function toExportCsv(cells: readonly PublishedCell[]): string {
  const format = { numerator: exportNumber, denominator: exportNumber, value: exportNumber };
  return toCSV(from(cells, [...EXPORT_COLUMNS]), { format });
}

/**
 * The same cells in the export's columns, as an Arrow IPC stream for the pages:
 * ids dictionary-encoded, numbers Float64 with null wherever the export leaves
 * the field empty (a withheld figure is null, never NaN), `suppressed` boolean.
 * The types are fixed, not inferred, so the schema does not depend on the data.
 */
export function toArrowIpc(cells: readonly PublishedCell[]): Uint8Array {
  const type = (k: (typeof EXPORT_COLUMNS)[number]): DataType =>
    k === "suppressed" ? new Bool() : k === "numerator" || k === "denominator" || k === "value" ? new Float64() : new Dictionary(new Utf8(), new Int32());
  const value = (x: PublishedCell[keyof PublishedCell]) => (typeof x === "number" && !Number.isFinite(x) ? null : x);
  const columns = EXPORT_COLUMNS.map((k) => [k, vectorFromArray(cells.map((c) => value(c[k])), type(k))]);
  return tableToIPC(new Table(Object.fromEntries(columns)), "stream");
}
