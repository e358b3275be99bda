// The statuses download: every published cell's verdict and comparisons
// (src/lib/analysis/statuses.ts) as CSV, a member of the page slices' archive
// (src/data/slices.tar.ts, from the same statuses), so that a
// reader of the downloads sees what the pages and the self-assessment show.
// Computed from the published (suppressed) cells only: it adds nothing a
// reader of the export could not work out, and a withheld cell is never
// compared.
import { csvFormatRows } from "d3-dsv";
import type { Catalogue } from "../indicators/catalogue.ts";
import { statusContext } from "./page-slices.ts";
import type { PublishedCell } from "../../src/lib/cell.ts";
import { statusTable, type StatusTable } from "../../src/lib/analysis/statuses.ts";

export const STATUS_COLUMNS = [
  "indicator_id", "period_type", "period", "unit_id", "breakdown_value",
  "verdict", "spc_icon", "vs_previous", "vs_baseline", "baseline_period", "vs_city", "vs_city_99_8",
] as const;

/** The statuses CSV of published cells, in the cells' order; "" where a cell is not assessed. extractSource: the manifest's (breaks.ts). */
export function statusesCsv(cells: readonly PublishedCell[], catalogue: Catalogue, programme: { measures?: unknown; recalculations?: unknown }, extractSource?: string | null): string {
  return statusesCsvOf(cells, statusTable(cells, statusContext(catalogue, programme, extractSource)));
}

/** The same from a status table already computed (src/data/slices.tar.ts computes one for the slices and this). */
export function statusesCsvOf(cells: readonly PublishedCell[], table: StatusTable): string {
  // One row per status key, the first cell's (a cell the table holds twice has
  // one status). Rows go straight to d3-dsv (null is written ""): an object per
  // cell through arquero cost half of the loader's time, in garbage collection.
  const seen = new Set<string>();
  const rows: unknown[][] = [[...STATUS_COLUMNS]];
  for (const c of cells) {
    const st = table.status(c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown_value);
    if (!st) continue;
    const key = `${c.indicator_id}\u0000${c.period_type}\u0000${c.period}\u0000${c.unit_id}\u0000${c.breakdown_value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const baseline = table.baselines[c.period_type];
    rows.push([
      c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown_value,
      st.verdict, st.spc, st.vsPrevious, st.vsBaseline, baseline !== undefined && baseline < c.period ? baseline : null, st.vsCity, st.vsCityOuter,
    ]);
  }
  return csvFormatRows(rows as string[][]) + "\n";
}
