// What the pages read, computed once per build from one pipeline run: the
// published indicator table (Arrow IPC), the export CSV and a metadata file
// for the data-quality page. Written to a folder that Framework's thin data
// loaders (src/data/*.ts) copy to stdout.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT, loadCatalogue } from "./catalogue.ts";
import { publish, toArrowIpc, toExportCsv } from "./emit.ts";
import { fingerprint } from "./fingerprint.ts";
import { runPipeline, type PipelineOptions } from "./pipeline.ts";

export const PAGE_DATA_DIR = join(PROJECT_ROOT, ".build", "page-data");

export interface PageMeta {
  fingerprint: string;
  manifest: { source: string; extracted_at: string; period: { from: string; to: string } };
  tables: { table: string; file: string; rows: number; manifestRows: number; quarantined: number }[];
  absentTables: string[];
  quarantine: { file: string; column: string | null; rule: string; count: number }[];
  months: { table: string; month: string; rows: number }[];
  suppressed: { indicator_id: string; threshold: number; complementary: number; cells: number }[];
  units: { unit_id: string; unit_name_fi: string; unit_name_sv: string | null; operating_model: string; service_area: string; area: string }[];
}

export const PAGE_FILES = ["indicators.arrow", "indicators.csv", "meta.json"] as const;

/** Runs the pipeline unless the folder already holds the output for this fingerprint. */
export async function ensurePageData(extractDir: string, options: PipelineOptions = {}): Promise<string> {
  const print = fingerprint(extractDir);
  const stamp = join(PAGE_DATA_DIR, "fingerprint");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === print && PAGE_FILES.every((f) => existsSync(join(PAGE_DATA_DIR, f)))) {
    return PAGE_DATA_DIR;
  }
  const result = await runPipeline(extractDir, options);
  const published = publish(result.cells);
  const catalogue = options.catalogue ?? loadCatalogue();
  const allTables = ["units", "clients", "contacts", "visits", "appointment_supply", "customer_feedback", "staff_survey", "staffing", "costs", "service_vouchers", "conditions", "measurements", "interventions"];
  const meta: PageMeta = {
    fingerprint: print,
    manifest: { source: result.extract.manifest.source, extracted_at: result.extract.manifest.extracted_at, period: result.extract.manifest.period },
    tables: result.extract.tables,
    absentTables: allTables.filter((t) => !result.present.includes(t)),
    quarantine: result.extract.quarantine,
    months: result.months,
    suppressed: catalogue.indicators.map((ind) => {
      const log = result.suppressionLog.filter((l) => l.indicator_id === ind.id);
      return {
        indicator_id: ind.id,
        threshold: log.filter((l) => l.reason === "threshold").length,
        complementary: log.filter((l) => l.reason === "complementary").length,
        cells: result.cells.filter((c) => c.indicator_id === ind.id).length,
      };
    }),
    units: result.units,
  };
  // Write beside the old output, then swap, so a failure never leaves half a folder.
  const next = `${PAGE_DATA_DIR}.next`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  writeFileSync(join(next, "indicators.arrow"), toArrowIpc(published));
  writeFileSync(join(next, "indicators.csv"), toExportCsv(published));
  writeFileSync(join(next, "meta.json"), JSON.stringify(meta));
  writeFileSync(join(next, "fingerprint"), print);
  rmSync(PAGE_DATA_DIR, { recursive: true, force: true });
  renameSync(next, PAGE_DATA_DIR);
  return PAGE_DATA_DIR;
}

export function readPageFile(name: (typeof PAGE_FILES)[number]): Buffer {
  return readFileSync(join(PAGE_DATA_DIR, name));
}
