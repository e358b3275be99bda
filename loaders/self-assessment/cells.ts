// Reads the published indicator table back from the page data folder that
// ensurePageData() writes (.build/page-data/indicators.csv, the export CSV
// after suppression) and the units from meta.json. The site's loaders use
// this, so they only ever see suppressed cells, never raw data.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXPORT_COLUMNS } from "../emit.ts";
import type { PublishedCell } from "../../src/lib/cell.ts";
import type { PageMeta } from "../page-data.ts";
import type { PeriodType } from "../../src/lib/periods.ts";

/** Splits one CSV line (RFC 4180 quoting). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote in ${JSON.stringify(line)}`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

const num = (s: string): number | null => (s === "" ? null : Number(s));

/** The export CSV (toExportCsv) back as published cells; numbers read back exactly (shortest round-trip form). */
export function parseExportCsv(text: string): PublishedCell[] {
  const lines = text.split("\n").filter((l) => l !== "");
  const header = fields(lines[0]);
  if (header.join(",") !== EXPORT_COLUMNS.join(",")) throw new Error(`not an indicator export: header ${JSON.stringify(lines[0])}`);
  return lines.slice(1).map((line) => {
    const f = fields(line);
    return {
      indicator_id: f[0], period_type: f[1] as PeriodType, period: f[2], unit_id: f[3], breakdown: f[4], breakdown_value: f[5],
      numerator: num(f[6]), denominator: num(f[7]), value: num(f[8]), suppressed: f[9] === "true",
    };
  });
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
