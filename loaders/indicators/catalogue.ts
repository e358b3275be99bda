// The indicator catalogue (data/indicators.json): what each indicator is, in
// three languages, with its targets and privacy rule. Pages, exports and the
// methods page all read these rows; the SQL beside each entry computes it.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkIntervalSetting, type IntervalSetting } from "../../src/lib/analysis/intervals.ts";

export type Lang = "fi" | "sv" | "en";
export type Text = Record<Lang, string>;
export type Dimension = "HENKILOSTOKOKEMUS" | "TUOTTAVUUS" | "ASIAKASKOKEMUS" | "SAATAVUUS_VAIKUTTAVUUS";

export interface Target {
  op: ">=" | "<=";
  value: number;
  /** First day the target applies (inclusive), or null for "since always". */
  from: string | null;
  /** Last day the target applies (inclusive), or null for "still in force". */
  to: string | null;
  source: Text;
  ref?: string;
}

export type Privacy = { n: string; threshold: number } | { suppress: false };

export interface Indicator {
  id: string;
  name: Text;
  dimension: Dimension;
  benefitGoals: string[];
  developmentArea: string;
  headline: boolean;
  unit: string;
  direction: "higher" | "lower" | null;
  breakdown: string | null;
  breakdownValues: string[] | null;
  anchor: string;
  sourceTables: string[];
  privacy: Privacy;
  /**
   * Counts this indicator publishes that another indicator publishes too
   * (e.g. realised visits: PROD_VISITS_PER_FTE's numerator is PROD_REMOTE_SHARE's
   * denominator), by a name shared between them. Suppression withholds such
   * indicators together, cell by cell, so that one cannot give the other away.
   */
  sharedCounts?: { numerator?: string; denominator?: string };
  targets: Target[];
  definition: Text;
  showCounts: boolean;
  /** How a cell's confidence interval is computed for the comparisons (src/lib/analysis/intervals.ts). */
  interval: IntervalSetting;
  /** Path of the SQL file, relative to the catalogue file. */
  sql: string;
}

export interface Catalogue {
  breakdowns: Record<string, Text>;
  indicators: Indicator[];
}

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CATALOGUE_PATH = join(PROJECT_ROOT, "data", "indicators.json");

export function loadCatalogue(path = CATALOGUE_PATH): Catalogue {
  const catalogue = JSON.parse(readFileSync(path, "utf8")) as Catalogue;
  const problems = checkCatalogue(catalogue);
  if (problems.length) throw new Error(`${path}: ${problems.join("; ")}`);
  return catalogue;
}

export function indicatorSql(indicator: Indicator, cataloguePath = CATALOGUE_PATH): string {
  return readFileSync(join(dirname(cataloguePath), indicator.sql), "utf8");
}

export function checkCatalogue(c: Catalogue): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const ind of c.indicators) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(ind.id)) problems.push(`indicator id ${JSON.stringify(ind.id)} is not UPPER_SNAKE_CASE`);
    if (seen.has(ind.id)) problems.push(`indicator ${ind.id} appears twice`);
    seen.add(ind.id);
    for (const lang of ["fi", "sv", "en"] as const) {
      if (!ind.name?.[lang]) problems.push(`${ind.id}: name.${lang} missing`);
      if (!ind.definition?.[lang]) problems.push(`${ind.id}: definition.${lang} missing`);
    }
    if (ind.breakdown && !c.breakdowns[ind.breakdown]) problems.push(`${ind.id}: unknown breakdown ${ind.breakdown}`);
    if (!("suppress" in ind.privacy) && !(ind.privacy.threshold > 0)) problems.push(`${ind.id}: privacy threshold must be positive`);
    problems.push(...checkIntervalSetting((ind as { interval?: unknown }).interval, `${ind.id}: interval`));
    for (const t of ind.targets) {
      if (t.from && t.to && t.from > t.to) problems.push(`${ind.id}: target valid from ${t.from} after ${t.to}`);
    }
  }
  return problems;
}

export const thresholdOf = (ind: Indicator): number | null => ("suppress" in ind.privacy ? null : ind.privacy.threshold);
