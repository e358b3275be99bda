// The development measures of a benefit goal or development area: a table
// with their start dates, and the rule marks that put those dates on the
// indicators' charts.
import { formatProgrammeDate, type Lang } from "../../lib/format.js";
import { codeLabel, localized, t } from "../../lib/i18n.js";
import type { Measure, Milestone, Programme } from "../../lib/page-data/model.js";
import type { ChartRule } from "../charts/chart-common.js";
import { tableHead } from "../../lib/tables/a11y.js";
import { indicatorMeasures as followedMeasures, spcBreaks } from "../../lib/analysis/breaks.js";
import type { Recalculation } from "../../lib/analysis/spc.js";

/** A measure's start in words: "Toimenpide alkoi: name (9/2021)". */
const measureStartTitle = (m: Measure, lang: Lang) => `${t(lang, "measureStart", { name: localized(m.name, lang) })} (${formatProgrammeDate(m.startDate!, m.startDatePrecision, lang)})`;

/** Start dates as rule marks, titled with the measure's name; without any, the programme's own start milestones. */
export function measureRules(measures: readonly Measure[], programme: Pick<Programme, "programme">, lang: Lang = "fi"): ChartRule[] {
  const starts: ChartRule[] = measures
    .filter((m) => m.startDate)
    .map((m) => ({ date: m.startDate!, title: measureStartTitle(m, lang), kind: "measure" as const }));
  if (starts.length) return starts;
  return (programme.programme.milestones ?? [])
    .filter((m: Milestone) => m.kind === "STARTED")
    .map((m: Milestone) => ({ date: m.date, title: `${t(lang, "programmeMilestone", { name: localized(m.text, lang) })} (${formatProgrammeDate(m.date, m.precision, lang)})`, kind: "milestone" as const }));
}

/** The development measures an indicator follows (lib/analysis/breaks.ts: the same that recalculate its XmR limits everywhere). */
export function indicatorMeasures(indicator: { developmentArea: string; benefitGoals: readonly string[] }, programme: Pick<Programme, "measures">): Measure[] {
  return followedMeasures(indicator, programme);
}

/**
 * An indicator's annotations and SPC breaks: the start dates of the measures
 * it follows as rules (else the programme's start milestones, as annotations
 * only), and the dates from which an XmR chart's limits are recalculated
 * (lib/analysis/breaks.ts) with why — a measure's start (its rule's title) or a
 * recorded recalculation (its reason). A milestone of the whole programme is
 * no break.
 */
export function indicatorRules(indicator: { id: string; developmentArea: string; benefitGoals: readonly string[] }, programme: Pick<Programme, "measures" | "programme" | "recalculations">, lang: Lang = "fi"): { rules: ChartRule[]; breaks: Recalculation[] } {
  const rules = measureRules(indicatorMeasures(indicator, programme), programme, lang);
  const breaks = spcBreaks(indicator, programme).map((b) => ({ date: b.date, reason: b.measure ? measureStartTitle(b.measure, lang) : localized(b.recalculation.reason, lang) }));
  return { rules, breaks };
}

/** Whether anything beyond its name and goals is reported of a measure: a progress status or a start date. */
export function measureReported(m: Pick<Measure, "progress" | "startDate">): boolean {
  return !!m.progress?.length || !!m.startDate;
}

export function measuresTable(measures: readonly Measure[], programme: Pick<Programme, "benefitGoals" | "spearheads">, o: { lang?: Lang; caption?: string; document?: Document } = {}): HTMLTableElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const table = doc.createElement("table");
  table.className = "measures-table";
  if (o.caption) {
    const caption = doc.createElement("caption");
    caption.textContent = o.caption;
    table.append(caption);
  }
  const thead = tableHead([t(lang, "measure"), t(lang, "startDate"), t(lang, "primaryGoal"), t(lang, "otherGoals"), t(lang, "spearhead"), t(lang, "status")], doc);
  const tbody = doc.createElement("tbody");
  for (const m of measures) {
    const tr = doc.createElement("tr");
    tr.dataset.measure = m.id;
    const cells = [
      localized(m.name, lang),
      m.startDate ? formatProgrammeDate(m.startDate, m.startDatePrecision, lang) : t(lang, "startUnknown"),
      m.primaryGoal,
      m.secondaryGoals.join(", ") || "–",
      m.spearhead ? localized(programme.spearheads.find((s) => s.id === m.spearhead)?.name, lang) || m.spearhead : "–",
      m.progress?.length ? codeLabel(m.progress[m.progress.length - 1].status, lang) : "–",
    ];
    cells.forEach((text, i) => {
      const td = doc.createElement(i === 0 ? "th" : "td");
      if (i === 0) (td as HTMLTableCellElement).scope = "row";
      td.textContent = text;
      if (i === 1) {
        td.dataset.startDate = m.startDate ?? "";
        if (!m.startDate && m.startDateNote) td.title = m.startDateNote;
      }
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}
