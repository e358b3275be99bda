// The statuses download: every published cell's verdict and comparisons
// (src/lib/statuses.ts) as CSV, beside the indicator export, so that a
// reader of the downloads sees what the pages and the self-assessment show.
// Computed from the published (suppressed) cells only: it adds nothing a
// reader of the export could not work out, and a withheld cell is never
// compared.
import type { Catalogue } from "./catalogue.ts";
import { csvText } from "./csv.ts";
import { statusContext } from "./page-slices.ts";
import type { PublishedCell } from "../src/lib/cell.ts";
import { statusKey, statusTable } from "../src/lib/statuses.ts";

export const STATUS_COLUMNS = [
  "indicator_id", "period_type", "period", "unit_id", "breakdown_value",
  "verdict", "spc_icon", "vs_previous", "vs_baseline", "baseline_period", "vs_city", "vs_city_99_8",
] as const;

/** The statuses CSV of published cells, in the cells' order; "" where a cell is not assessed. */
export function statusesCsv(cells: readonly PublishedCell[], catalogue: Catalogue, programme: { measures?: unknown }): string {
  const table = statusTable(cells, statusContext(catalogue, programme));
  const rows: (string | null)[][] = [[...STATUS_COLUMNS]];
  const seen = new Set<string>();
  for (const c of cells) {
    const st = table.status(c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown_value);
    if (!st || seen.has(statusKey(c))) continue;
    seen.add(statusKey(c));
    const baseline = table.baselines[c.period_type] ?? null;
    rows.push([
      c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown_value,
      st.verdict ?? "", st.spc ?? "", st.vsPrevious, st.vsBaseline, baseline !== null && baseline < c.period ? baseline : "", st.vsCity, st.vsCityOuter,
    ]);
  }
  return csvText(rows);
}
