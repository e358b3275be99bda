// manifest.json: source, extraction time, period and the exact row count of every table.

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { dateString, LAST_DAY, PERIOD } from "./calendar.ts";
import { TABLE_NAMES, type Manifest, type TableName } from "../extract/contract.ts";

export const SOURCE = "Apotti (synteettinen)";
/**
 * The 15th of the month after the period, 06:00 (2024-01-15 for a period ending in 2023-12): fixed by
 * the period, not the wall clock, so the output does not change between runs.
 */
export function extractedAt(): string {
  const monthAfter = dateString(LAST_DAY + 1).slice(0, 7);
  return `${monthAfter}-15T06:00:00`;
}

export function buildManifest(rows: Record<TableName, number>): Manifest {
  return {
    source: SOURCE,
    extracted_at: extractedAt(),
    period: { from: PERIOD.from, to: PERIOD.to },
    tables: Object.fromEntries(TABLE_NAMES.map((name) => [name, { rows: rows[name] }])),
  };
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n", "utf8");
}
