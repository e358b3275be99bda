// The data tables behind the charts: every figure a chart draws, as a table
// with a caption, column headers and period row headers, so a screen reader
// (or anyone who would rather read numbers) gets the chart's data. A withheld
// figure shows ".." and is read out as "piilotettu tietosuojan vuoksi"; a
// missing one reads "ei tietoa", never 0.
import { formatCell, formatPeriod, formatTargetValue, type Lang } from "../format.js";
import { t } from "../i18n.js";
import type { PublishedCell as Cell } from "../cell.js";
import { type TargetLike, isMet, targetForPeriod } from "../analysis/targets.js";
import { chartDataDetails, dataTable } from "./a11y.js";
import { spokenSuppressed, withheldFigure, withheldLegend, withheldLegendNote } from "./withheld.js";

// The withheld mark's helpers live in withheld.ts (a page that needs only them loads no chart code); re-exported here.
export { spokenSuppressed, withheldFigure, withheldLegend, withheldLegendNote };

const hasValue = (c: Cell | undefined | null): c is Cell & { value: number } => !!c && !c.suppressed && c.value !== null && Number.isFinite(c.value);

/**
 * A cell in words, for sentences, captions and hover titles: its value,
 * "ei tietoa", or for a withheld one the words ("piilotettu tietosuojan
 * vuoksi") rather than the bare mark, which a screen reader cannot say.
 */
export function cellWords(cell: { value: number | null; suppressed: boolean } | null | undefined, measure: string, lang: Lang): string {
  return cell?.suppressed ? spokenSuppressed(lang) : formatCell(cell, measure, lang);
}

/**
 * A figure as text for a table cell: "57,3 %", "ei tietoa", or for a withheld
 * one ".." on screen and the spoken words for a screen reader.
 */
export function figureNode(cell: Cell | null | undefined, measure: string, lang: Lang, doc: Document = document): Node {
  if (!cell?.suppressed) return doc.createTextNode(formatCell(cell, measure, lang));
  const span = doc.createElement("span");
  span.className = "cell-suppressed";
  return withheldFigure(span, lang, doc);
}

export interface TableSeries {
  label: string;
  cells: readonly Cell[];
}

export interface SeriesTableOptions {
  /** The chart's name, for the table's caption. */
  name: string;
  measure: string;
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
    ...series.map((s, i) => ({ label: s.label, numeric: true, value: (p: string) => figureNode(byPeriod[i].get(p), o.measure, lang, doc) })),
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
        const text = formatTargetValue(target, o.measure, lang);
        return met === null ? text : `${text}: ${met ? "✓" : "✗"} ${t(lang, met ? "targetMet" : "targetNotMet")}`;
      },
    });
  }
  const table = dataTable(periods, columns, { caption: t(lang, "chartDataCaption", { name: o.name }), className: "chart-table", document: doc });
  if (series.some((s) => s.cells.some((c) => c.suppressed))) appendTableLegend(table, lang, doc);
  return table;
}

/** The series table in a closed <details> below a chart. */
export function seriesTableDetails(series: readonly TableSeries[], o: SeriesTableOptions): HTMLDetailsElement {
  const lang = o.lang ?? "fi";
  return chartDataDetails(t(lang, "chartData"), () => seriesTable(series, o), o.document ?? document);
}

/** The withheld mark's legend in a table's footer (one cell across all columns), when a cell of the table is withheld. */
export function appendTableLegend(table: HTMLTableElement, lang: Lang, doc: Document = document): HTMLTableElement {
  const columns = Math.max(1, ...[...table.rows].map((r) => [...r.cells].reduce((n, c) => n + (c.colSpan || 1), 0)));
  const tfoot = doc.createElement("tfoot");
  const tr = doc.createElement("tr");
  const td = withheldLegendNote(lang, doc, "td") as HTMLTableCellElement;
  td.colSpan = columns;
  tr.append(td);
  tfoot.append(tr);
  table.append(tfoot);
  return table;
}
