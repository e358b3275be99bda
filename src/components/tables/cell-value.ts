// One published figure as text, with what it is in data-* attributes
// (indicator, period, unit, breakdown value, the exact published value), so
// a reader, a screen reader and a test all see the same figure. A withheld
// cell reads ".." (one mark for every withheld cell, never "< 5": a partner
// cell may have hundreds of observations), a cell never written reads
// "ei tietoa" — never 0 and never an empty gap. A screen reader hears the
// withheld cell in words ("piilotettu tietosuojan vuoksi"); data-text holds
// the text shown.
import { exportNumber, formatCell, type Lang } from "../../lib/format.js";
import { withheldFigure } from "../../lib/tables/chart-tables.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";

export interface CellValueOptions {
  indicator: string;
  period: string;
  unit?: string;
  breakdownValue?: string;
  /** Catalogue unit of measure: share, days, nps, … */
  measure: string;
  lang?: Lang;
  /** Element name: span (default), td, strong… */
  tag?: string;
  className?: string;
  document?: Document;
}

export type CellState = "value" | "suppressed" | "missing";

export function cellState(cell: Cell | null | undefined): CellState {
  if (!cell) return "missing";
  if (cell.suppressed) return "suppressed";
  return cell.value === null || !Number.isFinite(cell.value) ? "missing" : "value";
}

export function cellValue(cell: Cell | null | undefined, options: CellValueOptions): HTMLElement {
  const doc = options.document ?? document;
  const lang = options.lang ?? "fi";
  const el = doc.createElement(options.tag ?? "span");
  const state = cellState(cell);
  el.className = ["cell-value", `cell-${state}`, options.className].filter(Boolean).join(" ");
  el.dataset.indicator = options.indicator;
  el.dataset.period = options.period;
  el.dataset.unit = options.unit ?? "ALL";
  el.dataset.breakdownValue = options.breakdownValue ?? "ALL";
  el.dataset.state = state;
  el.dataset.value = state === "value" ? exportNumber(cell!.value) : "";
  const text = formatCell(cell, options.measure, lang);
  el.dataset.text = text;
  // Shown as "..", read out in words: "piilotettu tietosuojan vuoksi".
  if (state === "suppressed") withheldFigure(el, lang, doc);
  else el.textContent = text;
  return el;
}
