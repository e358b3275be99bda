// The whole data path in one call: extract folder → validation → DuckDB →
// indicator table → suppression. Loaders, the export CLI and the tests use it.
import { loadCatalogue, type Catalogue } from "./indicators/catalogue.ts";
import { computeIndicators } from "./indicators/compute-indicators.ts";
import type { DbOptions } from "./db.ts";
import type { UnitInfo } from "../src/lib/cell.ts";
import type { IndicatorCell } from "./indicators/indicator-row.ts";
import { ingestExtract } from "./validate/ingest.ts";
import type { SuppressionLogEntry, SuppressionOptions } from "./privacy/suppress.ts";
import { suppressOnCores } from "./privacy/suppress-on-cores.ts";
import type { ValidatedExtract, ValidationOptions } from "./validate/validate.ts";

export interface PipelineOptions extends ValidationOptions, DbOptions {
  catalogue?: Catalogue;
  /** Only for tests that show the audit catching a weakened suppression. */
  suppression?: SuppressionOptions;
}

export interface PipelineResult {
  extract: ValidatedExtract;
  present: string[];
  units: UnitInfo[];
  /** Months with at least one anchor row, per table (for the data-quality page). */
  months: { table: string; month: string; rows: number }[];
  cells: IndicatorCell[];
  /** The same cells before anything was withheld. Never published: the privacy audit reads from it which sums hold. */
  unwithheld: readonly IndicatorCell[];
  suppressionLog: SuppressionLogEntry[];
}

const ANCHORS: Record<string, string> = {
  contacts: "contact_ts", visits: "visit_start_ts", appointment_supply: "measured_on", customer_feedback: "responded_on",
  staff_survey: "answered_on", staffing: "month", costs: "month", service_vouchers: "issued_on", measurements: "measured_on",
  interventions: "performed_on",
};

export async function runPipeline(extractDir: string, options: PipelineOptions = {}): Promise<PipelineResult> {
  const catalogue = options.catalogue ?? loadCatalogue();
  const log = options.onProgress ?? (() => {});
  const started = Date.now();
  const ingested = await ingestExtract(extractDir, options);
  const { db } = ingested;
  try {
    log(`validated and ingested ${extractDir} in ${Date.now() - started} ms`);
    const units = await db.all<UnitInfo>(`SELECT unit_id, unit_name_fi, unit_name_sv, operating_model, service_area, area FROM units ORDER BY unit_id`);
    const months: PipelineResult["months"] = [];
    for (const [table, column] of Object.entries(ANCHORS)) {
      if (!ingested.present.has(table)) continue;
      months.push(...(await db.all<{ table: string; month: string; rows: number }>(
        `SELECT '${table}' AS "table", strftime(date_trunc('month', ${column}), '%Y-%m') AS month, count(*) AS rows FROM ${table} GROUP BY ALL ORDER BY month`,
      )));
    }
    const raw = await computeIndicators(db, catalogue, { present: ingested.present, period: ingested.manifest.period, onProgress: log });
    const unitGroups = new Map(units.map((u) => [u.unit_id, { area: u.area, model: u.operating_model }]));
    const { cells, log: suppressionLog } = await suppressOnCores(raw, catalogue, { ...options.suppression, unitGroups });
    log(`indicator table: ${cells.length} cells, ${suppressionLog.length} suppressed, ${Date.now() - started} ms in all`);
    return { extract: ingested, present: [...ingested.present], units, months, cells, unwithheld: raw, suppressionLog };
  } finally {
    db.close();
  }
}
