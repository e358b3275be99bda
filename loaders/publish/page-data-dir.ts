// The page data folder for a Framework data loader, as ensurePageData gives
// it, without loading the pipeline when it is not needed. In a build
// (scripts/build.ts) the loaders get NELIMAALI_PAGE_DATA, a folder already
// written, which ensurePageData returns as is; importing it (the pipeline,
// DuckDB, arquero, Arrow) would cost each loader most of a second.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { extractDirFromEnv } from "../cli/args.ts";

/** The files of a ready page data folder (page-data.ts's PAGE_FILES is this list). */
export const READY_FILES = ["indicators.arrow", "indicators.csv", "meta.json"] as const;

export async function pageDataDir(): Promise<string> {
  const extractDir = await extractDirFromEnv();
  const ready = process.env.NELIMAALI_PAGE_DATA;
  if (ready && READY_FILES.every((f) => existsSync(join(ready, f)))) return ready;
  const { ensurePageData } = await import("./page-data.ts");
  return ensurePageData(extractDir);
}
