// The statuses download: every published cell's verdict and comparisons
// (src/lib/analysis/statuses.ts) as CSV, beside the indicator export, so that a
// reader of the downloads sees what the pages and the self-assessment show.
// Computed from the published (suppressed) cells only: it adds nothing a
// reader of the export could not work out, and a withheld cell is never
// compared.
import { from, toCSV } from "arquero";
import type { Catalogue } from "../indicators/catalogue.ts";
import { statusContext } from "./page-slices.ts";
import type { PublishedCell } from "../../src/lib/cell.ts";
import { statusTable } from "../../src/lib/analysis/statuses.ts";

export const STATUS_COLUMNS = [
  "indicator_id", "period_type", "period", "unit_id", "breakdown_value",
  "verdict", "spc_icon", "vs_previous", "vs_baseline", "baseline_period", "vs_city", "vs_city_99_8",
] as const;

/** The statuses CSV of published cells, in the cells' order; "" where a cell is not assessed. extractSource: the manifest's (breaks.ts). */
export function statusesCsv(cells: readonly PublishedCell[], catalogue: Catalogue, programme: { measures?: unknown; recalculations?: unknown }, extractSource?: string | null): string {
  const table = statusTable(cells, statusContext(catalogue, programme, extractSource));
  const rows = cells.flatMap((c) => {
    const st = table.status(c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown_value);
    const baseline = table.baselines[c.period_type];
    return st ? [{
      ...c, verdict: st.verdict, spc_icon: st.spc, vs_previous: st.vsPrevious, vs_baseline: st.vsBaseline,
      baseline_period: baseline !== undefined && baseline < c.period ? baseline : null, vs_city: st.vsCity, vs_city_99_8: st.vsCityOuter,
    }] : [];
  });
  // One row per status key (a cell the table holds twice has one status); null is written "".
  return toCSV(from(rows, [...STATUS_COLUMNS]).dedupe(STATUS_COLUMNS.slice(0, 5)));
}
