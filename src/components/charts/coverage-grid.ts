// The data-quality page's grid of the extract's tables × months: a filled
// cell where a table has rows that month (no counts are published), a white
// cell with an orange border and a cross where it has none — a gap in the
// source told by a mark, not by colour alone. Plain SVG on d3-scale's band
// scales, so the page loads a few kilobytes instead of Observable Plot.
import { formatMonthTick, formatPeriod, type Lang } from "../../lib/format.js";
import { t } from "../../lib/i18n.js";
import { bandScale, chartFrame, legend, monthInterval, px, svgEl, titleEl } from "./svg.js";

export const COVERAGE_COLORS = { rows: "#4f7fb8", missing: "#a84300" };
/** The mark of a month without rows. */
export const MISSING_MARK = "×";

export interface CoverageGridOptions {
  /** The tables, top to bottom. */
  tables: readonly string[];
  /** The extract's months YYYY-MM, left to right. */
  months: readonly string[];
  /** The (table, month) pairs that have rows; every other pair is missing. */
  withRows: readonly { table: string; month: string }[];
  /** The chart's name (aria-label). */
  label: string;
  lang?: Lang;
  width?: number;
  document?: Document;
}

/** Pixels per character of a 10 px sans-serif label, generously: the left margin must hold the table names. */
const CHAR_WIDTH = 6;
/** Room for one month label ("12/2021") and the gap beside it. */
const TICK_WIDTH = 52;
const ROW_HEIGHT = 22;

/** The month "YYYY-MM" of a UTC date. */
const monthKey = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
const monthDate = (m: string) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 1));

/**
 * The months that get a label on an axis `width` pixels wide: every 1, 3, 6,
 * 12, 24 or 48 months as svg.ts's monthInterval spaces a time axis (years on
 * January), as few as fit. Never two labels for one month, so never two
 * equal labels; the first month when no step lands inside the extract.
 */
export function coverageTicks(months: readonly string[], width: number): string[] {
  if (!months.length) return [];
  const start = monthDate(months[0]);
  const end = monthDate(months[months.length - 1]);
  end.setUTCMonth(end.getUTCMonth() + 1);
  const inside = new Set(months);
  const ticks = monthInterval(start, end, Math.floor(width / TICK_WIDTH)).range(start, end).map(monthKey).filter((m) => inside.has(m));
  return ticks.length ? ticks : [months[0]];
}

/** The grid as one image (role img, named by `label`): a rect per table and month, its words as the hover title. */
export function coverageGrid(o: CoverageGridOptions): SVGSVGElement {
  const doc = o.document ?? document;
  const lang = o.lang ?? "fi";
  const width = Math.max(200, Math.round(o.width ?? 640));
  const longest = Math.max(0, ...o.tables.map((table) => table.length));
  // The table names fit in the left margin up to a third of the width; a longer one is cut, whole in its title.
  const left = Math.min(Math.round(width / 3), 10 + CHAR_WIDTH * longest);
  const fits = Math.max(3, Math.floor((left - 10) / CHAR_WIDTH));
  const margin = { top: 4, right: 4, bottom: 24, left };
  const height = margin.top + margin.bottom + ROW_HEIGHT * Math.max(1, o.tables.length);
  const f = chartFrame(doc, { width, height, margin, label: o.label, className: "coverage-grid" });
  const x = bandScale(o.months, [f.left, f.right]);
  const y = bandScale(o.tables, [f.top, f.bottom]);
  const has = new Set(o.withRows.map((c) => `${c.table}|${c.month}`));
  const w = x.bandwidth();
  const h = y.bandwidth();
  // The cross shrinks with a narrow cell, so it stays inside it.
  const markSize = px(Math.max(6, Math.min(13, w * 1.3, h * 0.7)));

  const rowLabels = svgEl(doc, "g", { class: "y-axis", fill: "currentColor", "text-anchor": "end" });
  for (const table of o.tables) {
    const text = svgEl(doc, "text", { x: f.left - 6, y: px(y(table)! + h / 2), dy: "0.32em", "data-table": table });
    text.textContent = table.length > fits ? `${table.slice(0, fits - 1)}…` : table;
    if (table.length > fits) text.append(titleEl(doc, table));
    rowLabels.append(text);
  }

  const cells = svgEl(doc, "g", { class: "cells" });
  for (const table of o.tables) {
    for (const month of o.months) {
      const rows = has.has(`${table}|${month}`);
      const title = titleEl(doc, `${table} ${formatPeriod(month, lang)}: ${t(lang, rows ? "monthHasRows" : "monthNoRows")}`);
      const inset = rows ? 0.5 : 1;
      const attrs = {
        x: px(x(month)! + inset), y: px(y(table)! + inset), width: px(Math.max(0.5, w - 2 * inset)), height: px(Math.max(0.5, h - 2 * inset)),
        "data-table": table, "data-month": month, "data-rows": String(rows),
      };
      if (rows) {
        cells.append(svgEl(doc, "rect", { ...attrs, fill: COVERAGE_COLORS.rows }, title));
        continue;
      }
      const g = svgEl(doc, "g", { class: "missing-month", "data-table": table, "data-month": month });
      g.append(
        svgEl(doc, "rect", { ...attrs, fill: "#fff", stroke: COVERAGE_COLORS.missing, "stroke-width": 1.5 }, title),
        svgEl(doc, "text", { x: px(x(month)! + w / 2), y: px(y(table)! + h / 2), dy: "0.35em", "text-anchor": "middle", fill: COVERAGE_COLORS.missing, "font-weight": "bold", "font-size": markSize, "aria-hidden": "true" }, MISSING_MARK),
      );
      cells.append(g);
    }
  }

  const axis = svgEl(doc, "g", { class: "x-axis", fill: "currentColor", "text-anchor": "middle" });
  for (const month of coverageTicks(o.months, f.right - f.left)) {
    const xx = px(x(month)! + w / 2);
    axis.append(svgEl(doc, "line", { x1: xx, x2: xx, y1: f.bottom, y2: f.bottom + 4, stroke: "currentColor" }));
    const text = formatMonthTick(monthDate(month));
    // A label under the last months is pulled back inside the image rather than sticking out of it.
    const label = svgEl(doc, "text", { x: px(Math.min(xx, width - (CHAR_WIDTH * text.length) / 2)), y: f.bottom + 7, dy: "0.71em", "data-month": month });
    label.textContent = text;
    axis.append(label);
  }
  f.svg.append(rowLabels, cells, axis);
  return f.svg;
}

/** The grid's legend: ■ rows, × no rows (the symbols as drawn, so the SVG and PNG downloads carry it too). */
export function coverageLegend(lang: Lang = "fi", doc: Document = document): HTMLElement {
  return legend(doc, [
    { label: t(lang, "monthHasRows"), symbol: "■", color: COVERAGE_COLORS.rows },
    { label: t(lang, "monthNoRows"), symbol: MISSING_MARK, color: COVERAGE_COLORS.missing },
  ]);
}
