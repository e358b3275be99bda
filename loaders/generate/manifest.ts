// manifest.json: source, extraction time, period and the exact row count of every table.

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PERIOD } from "./calendar.ts";
import { TABLE_NAMES, type Manifest, type TableName } from "../contract.ts";

export const SOURCE = "Apotti (synteettinen)";
/** Fixed, not the wall clock: the output must not change between runs. */
export const EXTRACTED_AT = "2024-01-15T06:00:00";

export function buildManifest(rows: Record<TableName, number>): Manifest {
  return {
    source: SOURCE,
    extracted_at: EXTRACTED_AT,
    period: { from: PERIOD.from, to: PERIOD.to },
    tables: Object.fromEntries(TABLE_NAMES.map((name) => [name, { rows: rows[name] }])),
  };
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n", "utf8");
}
