// The data tables behind the charts: every figure a chart draws, as a table
// with a caption, column headers and period row headers, so a screen reader
// (or anyone who would rather read numbers) gets the chart's data. A withheld
// figure shows "< 5" and is read out as "alle 5, piilotettu tietosuojan
// vuoksi"; a missing one reads "ei tietoa", never 0.
import { formatCell, formatPeriod, type Lang } from "./format.js";
import { t } from "./i18n.js";
import type { Cell } from "./slices.js";
import { type TargetLike, isMet, targetForPeriod } from "./targets.js";
import { chartDataDetails, dataTable } from "./a11y.js";
import { formatValueWithUnit } from "./format.js";

const hasValue = (c: Cell | undefined | null): c is Cell & { value: number } => !!c && !c.suppressed && c.value !== null && Number.isFinite(c.value);

/** How a withheld figure is read out: "alle 5, piilotettu tietosuojan vuoksi". */
export function spokenSuppressed(threshold: number | null, lang: Lang): string {
  return threshold ? t(lang, "suppressedSpoken", { threshold }) : t(lang, "suppressedNote");
}

/**
 * A figure as text for a table cell: "57,3 %", "ei tietoa", or for a withheld
 * one "< 5" on screen and the spoken words for a screen reader.
 */
export function figureNode(cell: Cell | null | undefined, measure: string, threshold: number | null, lang: Lang, doc: Document = document): Node {
  const text = formatCell(cell, measure, threshold, lang);
  if (!cell?.suppressed) return doc.createTextNode(text);
  const span = doc.createElement("span");
  span.className = "cell-suppressed";
  return withheldFigure(span, text, threshold, lang, doc);
}

/** Fills `el` with a withheld figure: "< 5" on screen (and in its title), the words for a screen reader. */
export function withheldFigure<E extends HTMLElement>(el: E, text: string, threshold: number | null, lang: Lang, doc: Document = document): E {
  el.title = `${t(lang, "suppressedNote")} (${text})`;
  const shown = doc.createElement("span");
  shown.setAttribute("aria-hidden", "true");
  shown.textContent = text;
  const spoken = doc.createElement("span");
  spoken.className = "visually-hidden";
  spoken.textContent = spokenSuppressed(threshold, lang);
  el.append(shown, spoken);
  return el;
}

export interface TableSeries {
  label: string;
  cells: readonly Cell[];
}

export interface SeriesTableOptions {
  /** The chart's name, for the table's caption. */
  name: string;
  measure: string;
  threshold: number | null;
  /** With targets, a column of the target in force per period and whether the first series meets it. */
  targets?: readonly TargetLike[];
  lang?: Lang;
  document?: Document;
}

/** The figures of a chart over time: a row per period, a column per series, then the target in force and whether it is met. */
export function seriesTable(series: readonly TableSeries[], o: SeriesTableOptions): HTMLTableElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const periods = [...new Set(series.flatMap((s) => s.cells.map((c) => c.period)))].sort();
  const byPeriod = series.map((s) => new Map(s.cells.map((c) => [c.period, c])));
  const columns = [
    { label: t(lang, "periodColumn"), value: (p: string) => formatPeriod(p, lang) },
    ...series.map((s, i) => ({ label: s.label, numeric: true, value: (p: string) => figureNode(byPeriod[i].get(p), o.measure, o.threshold, lang, doc) })),
  ];
  if (o.targets?.length) {
    columns.push({
      label: t(lang, "targetInForce"),
      numeric: false,
      value: (p: string) => {
        const target = targetForPeriod(o.targets!, p);
        if (!target) return "–";
        const cell = byPeriod[0]?.get(p);
        const met = hasValue(cell) ? isMet(cell.value, target) : null;
        const text = `${target.op === ">=" ? "≥" : "≤"}\u00A0${formatValueWithUnit(target.value, o.measure, lang)}`;
        return met === null ? text : `${text}: ${met ? "✓" : "✗"} ${t(lang, met ? "targetMet" : "targetNotMet")}`;
      },
    });
  }
  return dataTable(periods, columns, { caption: t(lang, "chartDataCaption", { name: o.name }), className: "chart-table", document: doc });
}

/** The series table in a closed <details> below a chart. */
export function seriesTableDetails(series: readonly TableSeries[], o: SeriesTableOptions): HTMLDetailsElement {
  const lang = o.lang ?? "fi";
  return chartDataDetails(t(lang, "chartData"), () => seriesTable(series, o), o.document ?? document);
}
