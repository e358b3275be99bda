// The sidebar's labels in Swedish and English, for the build (observablehq.config.ts
// writes them into every page's <head>; the site script translates the sidebar
// from them). The sidebar names the programme's dimensions, goals and areas,
// which come from data/programme.json rather than from the strings files, so
// the table is made at build time from all three languages: a page carries
// about a kilobyte of it (gzip) in both languages, not its own only.

import { localized, type Localized, type StringKey } from "../i18n.js";
import { STRINGS } from "./all.js";

type NamedEntry = { id: string; name: Localized; shortName?: Localized | null };

/**
 * The sidebar's labels in Swedish and English, keyed by the Finnish label that
 * Framework writes into the static HTML (observablehq.config.ts builds the
 * navigation in Finnish; the site script translates it at load).
 */
export function navigationLabels(programme: { dimensions: NamedEntry[]; benefitGoals: NamedEntry[]; developmentAreas: NamedEntry[] }): Record<string, { sv: string; en: string }> {
  const labels: Record<string, { sv: string; en: string }> = {};
  const add = (fi: string, sv: string, en: string) => (labels[fi] = { sv, en });
  const key = (k: StringKey) => add(STRINGS.fi[k], STRINGS.sv[k], STRINGS.en[k]);
  for (const k of ["siteName", "overview", "dimensions", "benefitGoals", "developmentAreas", "units", "wholeShort", "comparison", "selfAssessment", "methods", "quality", "exploreNav", "accessibility"] as StringKey[]) key(k);
  for (const d of programme.dimensions) add(d.name.fi, localized(d.name, "sv"), localized(d.name, "en"));
  for (const g of programme.benefitGoals) {
    const short = g.shortName ?? g.name;
    add(`${g.id} ${short.fi}`, `${g.id} ${localized(short, "sv")}`, `${g.id} ${localized(short, "en")}`);
  }
  for (const a of programme.developmentAreas) add(`${a.id} ${a.name.fi}`, `${a.id} ${localized(a.name, "sv")}`, `${a.id} ${localized(a.name, "en")}`);
  return labels;
}
