// Reads the published indicator table back from the page data folder that
// ensurePageData() writes (.build/page-data/indicators.csv, the export CSV
// after suppression) and the units from meta.json. The site's loaders use
// this, so they only ever see suppressed cells, never raw data.
import { readFileSync } from "node:fs";
import { fromCSV } from "arquero";
import { join } from "node:path";
import { EXPORT_COLUMNS } from "../publish/emit.ts";
import type { PublishedCell } from "../../src/lib/cell.ts";
import type { PageMeta } from "../publish/page-data.ts";

const num = (s: string): number | null => (s === "" ? null : Number(s));

/** The export CSV (toExportCsv) back as published cells; numbers read back exactly (shortest round-trip form). */
export function parseExportCsv(text: string): PublishedCell[] {
  const header = text.slice(0, text.indexOf("\n"));
  if (header !== EXPORT_COLUMNS.join(",")) throw new Error(`not an indicator export: header ${JSON.stringify(header)}`);
  // No type guessing: codes and periods stay text ("2021-07" is a month, not a date); an empty field is null.
  return fromCSV(text, { autoType: false, parse: { numerator: num, denominator: num, value: num, suppressed: (s: string) => s === "true" } }).objects() as PublishedCell[];
}

export interface PageDataInputs {
  cells: PublishedCell[];
  meta: PageMeta;
}

/** The published cells and metadata from a folder written by ensurePageData(). */
export function readPageDataFolder(dir: string): PageDataInputs {
  return {
    cells: parseExportCsv(readFileSync(join(dir, "indicators.csv"), "utf8")),
    meta: JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as PageMeta,
  };
}
