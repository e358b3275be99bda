// The indicator catalogue as one table, for the methods page's "Lataa: CSV":
// a row per indicator with its definition, unit, direction, breakdown,
// privacy threshold, benefit goals, development area and targets (each with
// its validity and source), in the page's language. Built only when the CSV is
// asked for. Pure: the catalogue and the programme's names come in as data.
import { formatDate, type Lang } from "../../lib/format.js";
import { codeLabel, localized, t, unitOfMeasureName } from "../../lib/i18n.js";
import { type Catalogue, nameOf, thresholdOf } from "../../lib/page-data/model.js";
import type { Target } from "../../lib/analysis/targets.js";
import { formatTarget } from "../charts/chart-common.js";
import { textRow } from "./tables.js";

type Names = { id: string; name: { fi: string; sv?: string | null; en?: string | null } }[];

export interface CatalogueNames {
  dimensions: Names;
  benefitGoals: Names;
  developmentAreas: Names;
}

/** When a target is in force: "1.9.2023–31.8.2025", "1.9.2023 alkaen", "voimassa toistaiseksi". */
export function targetValidity(target: Pick<Target, "from" | "to">, lang: Lang): string {
  const { from, to } = target;
  if (from && to) return t(lang, "validBetween", { from: formatDate(from, lang), to: formatDate(to, lang) });
  if (from) return t(lang, "validFromDate", { date: formatDate(from, lang) });
  if (to) return t(lang, "validToDate", { date: formatDate(to, lang) });
  return t(lang, "always");
}

/** A target in words: "≥ 75,0 %, voimassa toistaiseksi. Lähde: STM (ref)". */
export function targetText(target: Target, measure: string, lang: Lang): string {
  return `${formatTarget(target, measure, lang)}, ${targetValidity(target, lang)}. ${t(lang, "source")}: ${localized(target.source, lang)}${target.ref ? ` (${target.ref})` : ""}`;
}

export function catalogueTable(catalogue: Catalogue, names: CatalogueNames, lang: Lang = "fi", doc: Document = document): HTMLTableElement {
  const table = doc.createElement("table");
  const caption = doc.createElement("caption");
  caption.textContent = t(lang, "catalogueTitle");
  const row = (tag: "th" | "td", texts: string[]) => textRow(doc, tag, texts);
  const thead = doc.createElement("thead");
  thead.append(row("th", ["indicatorId", "indicator", "dimension", "headline", "definition", "unitOfMeasure", "direction", "breakdown", "privacy", "benefitGoals", "developmentArea", "targets"].map((k) => t(lang, k as Parameters<typeof t>[1]))));
  const tbody = doc.createElement("tbody");
  for (const ind of catalogue.indicators) {
    const threshold = thresholdOf(ind);
    tbody.append(row("td", [
      ind.id,
      localized(ind.name, lang),
      nameOf(names.dimensions, ind.dimension, lang),
      t(lang, ind.headline ? "yes" : "no"),
      localized(ind.definition, lang),
      unitOfMeasureName(ind.unit, lang),
      ind.direction ? codeLabel(ind.direction, lang) : t(lang, "noDirection"),
      ind.breakdown ? `${localized(catalogue.breakdowns[ind.breakdown], lang)}${ind.breakdownValues ? `: ${ind.breakdownValues.map((v) => codeLabel(v, lang)).join(", ")}` : ""}` : t(lang, "none"),
      threshold === null ? t(lang, "notSuppressed") : t(lang, "privacyThreshold", { n: `n (${"n" in ind.privacy ? ind.privacy.n : ""})`, threshold }),
      ind.benefitGoals.map((g) => `${g} ${nameOf(names.benefitGoals, g, lang)}`).join("; "),
      `${ind.developmentArea} ${nameOf(names.developmentAreas, ind.developmentArea, lang)}`,
      ind.targets.length ? ind.targets.map((tg) => targetText(tg, ind.unit, lang)).join("; ") : t(lang, "noTarget"),
    ]));
  }
  table.append(caption, thead, tbody);
  return table;
}
