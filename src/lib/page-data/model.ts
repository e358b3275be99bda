// The shapes of the catalogue, the slim programme model and the site context
// as the pages read them (data/catalogue.json, data/slices/programme.json and
// data/slices/context.json; the unit itself is src/lib/cell.ts's), with small
// look-ups on them.
import type { Unit } from "../cell.js";
import type { Lang, Localized } from "../i18n.js";
import { localized } from "../i18n.js";
import type { Target } from "../analysis/targets.js";
import type { Direction, SpcSettings } from "../analysis/spc.js";
import type { IntervalSetting } from "../analysis/intervals.js";

export type DimensionId = "HENKILOSTOKOKEMUS" | "TUOTTAVUUS" | "ASIAKASKOKEMUS" | "SAATAVUUS_VAIKUTTAVUUS";
/** The quadruple aim's four dimensions, in the order the programme names them. */
export const DIMENSION_IDS: readonly DimensionId[] = ["HENKILOSTOKOKEMUS", "TUOTTAVUUS", "ASIAKASKOKEMUS", "SAATAVUUS_VAIKUTTAVUUS"];

export interface CatalogueIndicator {
  id: string;
  name: Localized;
  dimension: DimensionId;
  benefitGoals: string[];
  developmentArea: string;
  headline: boolean;
  unit: string;
  direction: Direction;
  breakdown: string | null;
  breakdownValues: string[] | null;
  anchor: string;
  sourceTables: string[];
  privacy: { n: string; threshold: number } | { suppress: false };
  targets: Target[];
  definition: Localized;
  showCounts: boolean;
  /** How a cell's confidence interval is computed (intervals.ts); absent in the pages' slim catalogue. */
  interval?: IntervalSetting;
  spc?: Partial<SpcSettings> | null;
}

export interface Catalogue {
  breakdowns: Record<string, Localized>;
  indicators: CatalogueIndicator[];
}

export interface Milestone {
  date: string;
  endDate?: string;
  precision: string;
  kind: string;
  text: Localized;
}

export interface Measure {
  id: string;
  sourceCode?: string;
  name: Localized;
  parent?: string;
  primaryGoal: string;
  secondaryGoals: string[];
  developmentArea: string;
  spearhead: string | null;
  startDate: string | null;
  startDatePrecision: string | null;
  startDateNote: string | null;
  milestones: Milestone[];
  progress: { report: string; status: string }[];
}

export interface Programme {
  programme: { id: string; name: Localized; localName?: Localized; purpose?: Localized; startYear?: number; endYear?: number; milestones: Milestone[] };
  quadrupleAim?: { name: Localized; rule: Localized };
  reports: { id: string; name: Localized; half: string }[];
  dimensions: { id: DimensionId; name: Localized; description: Localized }[];
  benefitGoals: { id: string; number: number; name: Localized; shortName: Localized; description: Localized; developmentArea: string }[];
  developmentAreas: { id: string; benefitGoal: string; name: Localized }[];
  spearheads: { id: string; number: number; name: Localized }[];
  operatingModels: { id: string; name: Localized }[];
  areas: { id: string; name: Localized }[];
  measures: Measure[];
  /** Recorded recalculations of an indicator's XmR limits (those for this extract), with their reasons. */
  recalculations?: RecordedRecalculation[];
}

export interface RecordedRecalculation {
  indicator: string;
  /** The first month of the new process, YYYY-MM. */
  from: string;
  reason: Localized;
}

export interface SiteContext {
  manifest: { source: string; extracted_at: string; period: { from: string; to: string } };
  units: Unit[];
}

/** The privacy threshold of an indicator, or null when its cells are never withheld. */
export function thresholdOf(indicator: CatalogueIndicator): number | null {
  return "suppress" in indicator.privacy ? null : indicator.privacy.threshold;
}

export function unitName(unit: Unit | undefined, lang: Lang): string {
  if (!unit) return "";
  return (lang === "sv" && unit.unit_name_sv) || unit.unit_name_fi;
}

/** Units sorted by their name in the language (never by a value). */
export function sortUnitsByName(units: readonly Unit[], lang: Lang): Unit[] {
  const collator = new Intl.Collator(lang === "en" ? "en" : `${lang}-FI`);
  return [...units].sort((a, b) => collator.compare(unitName(a, lang), unitName(b, lang)) || collator.compare(a.unit_id, b.unit_id));
}

export function nameOf(list: readonly { id: string; name: Localized }[], id: string, lang: Lang): string {
  return localized(list.find((x) => x.id === id)?.name, lang) || id;
}
