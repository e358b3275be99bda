// The site paths of the self-assessment pages, one per half-year with data,
// for the Framework config's dynamicPaths. Reads the page data folder that
// scripts/build.ts writes before Framework runs (only the half-year labels of
// the published table), so it costs no pipeline run.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PAGE_DATA_DIR } from "../publish/page-data.ts";

export function selfAssessmentHalves(pageDataDir: string = PAGE_DATA_DIR): string[] {
  const file = join(pageDataDir, "indicators.csv");
  if (!existsSync(file)) return [];
  const halves = new Set<string>();
  for (const m of readFileSync(file, "utf8").matchAll(/^[^,\n]*,half,(\d{4}H[12]),/gm)) halves.add(m[1]);
  return [...halves].sort();
}

/** `/self-assessment/2020H1`, … (the index page /self-assessment/ is found by Framework itself). */
export function selfAssessmentPaths(pageDataDir: string = PAGE_DATA_DIR): string[] {
  return selfAssessmentHalves(pageDataDir).map((p) => `/self-assessment/${p}`);
}
