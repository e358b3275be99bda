// Tables of published figures: each figure a cellValue (with its data-*
// attributes), a withheld cell "..", a missing one "ei tietoa"; a table with
// a withheld cell says what ".." means in its footer.
import type { Lang } from "../../lib/format.js";
import { appendTableLegend } from "../../lib/tables/chart-tables.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";
import { type TargetLike, isMet, targetForPeriod } from "../../lib/analysis/targets.js";
import { cellValue } from "./cell-value.js";
import { scrollBox, tableHead } from "../../lib/tables/a11y.js";
import { formatTarget, hasValue, targetStatusText } from "../charts/chart-common.js";

export interface TableColumn {
  /** Header text. */
  label: string;
  /** A figure: the cell (or undefined when not written) and what it is. */
  cell?: (row: number) => null | { cell: Cell | undefined; indicator: string; period: string; unit?: string; breakdownValue?: string; measure: string; extra?: (Node | string)[] };
  /** Plain content. */
  text?: (row: number) => Node | string;
  numeric?: boolean;
}

export function figureTable(rowCount: number, columns: readonly TableColumn[], o: { caption?: string; lang?: Lang; document?: Document; className?: string } = {}): HTMLTableElement {
  const doc = o.document ?? document;
  const table = doc.createElement("table");
  table.className = ["figure-table", o.className].filter(Boolean).join(" ");
  if (o.caption) {
    const caption = doc.createElement("caption");
    caption.textContent = o.caption;
    table.append(caption);
  }
  table.append(tableHead(columns, doc));
  const tbody = doc.createElement("tbody");
  let withheld = false;
  for (let i = 0; i < rowCount; i++) {
    const tr = doc.createElement("tr");
    columns.forEach((c, j) => {
      const td = doc.createElement(j === 0 ? "th" : "td");
      if (j === 0) (td as HTMLTableCellElement).scope = "row";
      if (c.numeric) td.className = "num";
      if (c.cell) {
        const f = c.cell(i);
        if (!f) {
          td.textContent = "–";
          tr.append(td);
          return;
        }
        if (f.cell?.suppressed) withheld = true;
        td.append(cellValue(f.cell, { indicator: f.indicator, period: f.period, unit: f.unit, breakdownValue: f.breakdownValue, measure: f.measure, lang: o.lang, document: doc }));
        if (f.extra) td.append(...f.extra);
      } else if (c.text) td.append(c.text(i));
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(tbody);
  if (withheld) appendTableLegend(table, o.lang ?? "fi", doc);
  return table;
}

/** A table inside a closed <details>, so it is there for screen readers and copying without taking room; it scrolls in its own box on a narrow screen. `after` (its downloads) follows the table. */
export function tableDetails(summary: string, table: HTMLElement, doc: Document = document, after?: Node): HTMLDetailsElement {
  const details = doc.createElement("details");
  details.className = "table-details";
  const s = doc.createElement("summary");
  s.textContent = summary;
  details.append(s, scrollTable(table, summary, doc));
  if (after) details.append(after);
  return details;
}

/** A table in a box that scrolls sideways on a narrow screen (not the page), named by the table's caption. */
export function scrollTable(table: HTMLElement, label?: string, doc: Document = document): HTMLElement {
  const caption = (table as HTMLTableElement).caption?.textContent?.trim();
  return scrollBox(table, caption || label || "", doc);
}

/**
 * The target in force for a period and whether the cell meets it, in words
 * and with a symbol ("≥ 75,0 %: ✗ ei saavutettu"), never by colour alone; "–"
 * when no target is in force.
 */
export function targetStatusCell(cell: Cell | undefined, targets: readonly TargetLike[] | undefined, period: string, measure: string, lang: Lang = "fi", doc: Document = document): Node | string {
  const target = targets?.length ? targetForPeriod(targets, period) : null;
  if (!target) return "–";
  const met = hasValue(cell) ? isMet(cell.value, target) : null;
  const span = doc.createElement("span");
  span.className = `target-status target-${met === null ? "unknown" : met ? "met" : "not-met"}`;
  span.dataset.targetMet = met === null ? "unknown" : String(met);
  span.dataset.targetPeriod = period;
  span.textContent = `${formatTarget(target, measure, lang)}: ${targetStatusText(met, lang)}`;
  return span;
}

/** A table row of plain texts (header cells with "th"): the tables behind CSV downloads. */
export function textRow(doc: Document, tag: "th" | "td", texts: readonly string[]): HTMLTableRowElement {
  const tr = doc.createElement("tr");
  for (const text of texts) {
    const c = doc.createElement(tag);
    c.textContent = text;
    tr.append(c);
  }
  return tr;
}
