// The words of the SPC icons (lib/analysis/spc.ts), shared by the XmR chart and the
// overview's guardrail (which should not load the chart's code), and of a
// recalculation of the limits.
import { formatDate, type Lang } from "../../lib/format.js";
import { t, type StringKey } from "../../lib/i18n.js";
import type { AssuranceIcon, VariationIcon } from "../../lib/analysis/spc.js";

const VARIATION_KEYS: Record<VariationIcon, StringKey> = {
  "common-cause": "spcIconCommon",
  "improvement-high": "spcIconImprovementHigh",
  "improvement-low": "spcIconImprovementLow",
  "concern-high": "spcIconConcernHigh",
  "concern-low": "spcIconConcernLow",
  "neither-high": "spcIconNeitherHigh",
  "neither-low": "spcIconNeitherLow",
};
const ASSURANCE_KEYS: Record<AssuranceIcon, StringKey> = { pass: "spcAssurancePass", fail: "spcAssuranceFail", "hit-and-miss": "spcAssuranceHitMiss" };

/** The words of a variation icon ("Tavanomaista vaihtelua", "Poikkeava heikennys: arvot nousseet"). */
export const variationText = (icon: VariationIcon, lang: Lang) => t(lang, VARIATION_KEYS[icon]);
/** The words of an assurance icon. */
export const assuranceText = (icon: AssuranceIcon, lang: Lang) => t(lang, ASSURANCE_KEYS[icon]);
/** Why the limits were recalculated at a break, as the caption and the table say it: "Rajat laskettu uudelleen 1.9.2021 alkaen: …". */
export const breakText = (date: string, reasons: readonly string[], lang: Lang) => t(lang, "xmrBreak", { date: formatDate(date, lang), name: reasons.join("; ") || "–" });
