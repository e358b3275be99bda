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
const PARSE = { numerator: num, denominator: num, value: num, suppressed: (s: string) => s === "true" };

/** The export CSV (toExportCsv) back as published cells; numbers read back exactly (shortest round-trip form). */
export function parseExportCsv(text: string): PublishedCell[] {
  const header = text.slice(0, text.indexOf("\n"));
  if (header !== EXPORT_COLUMNS.join(",")) throw new Error(`not an indicator export: header ${JSON.stringify(header)}`);
  // No type guessing: codes and periods stay text ("2021-07" is a month, not a date); an empty field is null.
  return parsePlainCsv(text) ?? (fromCSV(text, { autoType: false, parse: PARSE }).objects() as PublishedCell[]);
}

/**
 * The export as toExportCsv writes it — no quoted field, no "\r", ten fields
 * a line — read the way arquero's fromCSV above reads it (an empty field
 * null, the same parse functions) in about a third of the time: several of
 * the site's loaders read the whole export. Null for any other text, which
 * arquero reads.
 */
function parsePlainCsv(text: string): PublishedCell[] | null {
  if (text.includes('"') || text.includes("\r")) return null;
  const field = (s: string) => (s === "" ? null : s) as string;
  const parsed = (s: string, parse: (s: string) => unknown) => (s === "" ? null : parse(s)) as never;
  const out: PublishedCell[] = [];
  const end = text.endsWith("\n") ? text.length - 1 : text.length;
  for (let start = text.indexOf("\n") + 1; start <= end; ) {
    let stop = text.indexOf("\n", start);
    if (stop < 0) stop = text.length;
    const f = text.slice(start, stop).split(",");
    if (f.length !== EXPORT_COLUMNS.length) return null;
    // The columns in EXPORT_COLUMNS' order, as arquero's objects() gives them.
    out.push({
      indicator_id: field(f[0]), period_type: field(f[1]) as PublishedCell["period_type"], period: field(f[2]), unit_id: field(f[3]),
      breakdown: field(f[4]), breakdown_value: field(f[5]),
      numerator: parsed(f[6], PARSE.numerator), denominator: parsed(f[7], PARSE.denominator), value: parsed(f[8], PARSE.value), suppressed: parsed(f[9], PARSE.suppressed),
    });
    start = stop + 1;
  }
  return out;
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
