// Runs validation, ingestion and the indicator SQL over a tiny extract and
// returns the cells before suppression, for checking figures by hand.
import { loadCatalogue } from "../../loaders/indicators/catalogue.ts";
import { computeIndicators } from "../../loaders/indicators/compute-indicators.ts";
import type { IndicatorCell } from "../../loaders/indicators/indicator-row.ts";
import { ingestExtract } from "../../loaders/validate/ingest.ts";
import { BASE, writeExtract, type Tables, type WriteOptions } from "./extract.ts";

export async function computeCells(tables: Tables, options: WriteOptions = {}): Promise<IndicatorCell[]> {
  const dir = writeExtract({ ...BASE, ...tables }, options);
  const ingested = await ingestExtract(dir);
  try {
    return await computeIndicators(ingested.db, loadCatalogue(), { present: ingested.present, period: ingested.manifest.period });
  } finally {
    ingested.db.close();
  }
}

export function cellOf(cells: IndicatorCell[], id: string, period: string, unit = "ALL", breakdownValue = "ALL"): IndicatorCell | undefined {
  return cells.find((c) => c.indicator_id === id && c.period === period && c.unit_id === unit && c.breakdown_value === breakdownValue);
}

/** [numerator, denominator, value] of a cell, or undefined if the cell is not written. */
export function figures(cells: IndicatorCell[], id: string, period: string, unit = "ALL", breakdownValue = "ALL") {
  const c = cellOf(cells, id, period, unit, breakdownValue);
  return c ? [c.numerator, c.denominator, c.value] : undefined;
}
