// Units side by side without a league table: the spread of the units' values
// over time around the whole city's line, and for one period each unit's
// distance from the whole, listed by unit name (never sorted by value).
import * as Plot from "@observablehq/plot";
import { formatCell, formatChange, formatPeriod, formatTick, formatValueWithUnit, type Lang } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import type { Cell } from "../lib/slices.js";
import type { TargetLike } from "../lib/targets.js";
import { COLORS, hasValue, points, targetLine, timeTick } from "./chart-common.js";

export interface UnitSpreadOptions {
  name: string;
  measure: string;
  threshold: number | null;
  targets?: readonly TargetLike[];
  /** The period the caption describes. */
  period: string;
  /** unit_id → display name. */
  unitNames: ReadonlyMap<string, string>;
  highlight?: string | null;
  lang?: Lang;
  width?: number;
  height?: number;
  document?: Document;
}

/** Dots: every unit's value in every period; line: the whole city; a highlighted unit as its own line. */
export function unitSpread(unitCells: readonly Cell[], wholeCells: readonly Cell[], o: UnitSpreadOptions): HTMLElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const figure = doc.createElement("figure");
  figure.className = "unit-spread";
  const atPeriod = unitCells.filter((c) => c.period === o.period);
  const valuedAt = atPeriod.filter(hasValue);
  const whole = wholeCells.find((c) => c.period === o.period);
  const withheld = atPeriod.filter((c) => c.suppressed).length;
  let summary = t(lang, "spreadSummary", {
    name: o.name,
    period: formatPeriod(o.period, lang),
    count: valuedAt.length,
    min: valuedAt.length ? formatValueWithUnit(Math.min(...valuedAt.map((c) => c.value)), o.measure, lang) : "–",
    max: valuedAt.length ? formatValueWithUnit(Math.max(...valuedAt.map((c) => c.value)), o.measure, lang) : "–",
    whole: formatCell(whole, o.measure, o.threshold, lang),
  });
  if (withheld) summary += ` ${withheld} × ${formatCell({ value: null, suppressed: true }, o.measure, o.threshold, lang)} (${t(lang, "suppressedNote")}).`;
  const unitData = unitCells.flatMap((c) => points(c.unit_id, o.unitNames.get(c.unit_id) ?? c.unit_id, [c]));
  const wholeData = points("ALL", t(lang, "whole"), wholeCells);
  const highlighted = o.highlight ? unitData.filter((d) => d.key === o.highlight) : [];
  const all = [...unitData, ...wholeData];
  if (!all.some((d) => Number.isFinite(d.value))) {
    figure.textContent = `${o.name}: ${t(lang, "chartNoData")}`;
    return figure;
  }
  const periods = [...new Set(all.map((d) => d.period))].sort();
  const target = targetLine(o.targets, periods[0], periods[periods.length - 1]);
  const valued = all.filter((d) => Number.isFinite(d.value));
  const ys = [...valued.map((d) => d.value), ...target.map((d) => d.value)];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.06;
  const selected = all.find((d) => d.period === o.period);
  const plot = Plot.plot({
    document: doc,
    width: o.width ?? 640,
    height: o.height ?? 240,
    marginLeft: 52,
    ariaLabel: `${o.name}: ${t(lang, "byUnit")}`,
    ariaDescription: summary,
    x: { type: "utc", label: null, ticks: 6, tickFormat: timeTick },
    y: { domain: [lo - pad, hi + pad], grid: true, label: null, tickFormat: (v: number) => formatTick(v, o.measure, lang), ticks: 5 },
    marks: [
      selected ? Plot.rectX([selected], { x1: "start", x2: "end", fill: "#000", fillOpacity: 0.05 }) : null,
      Plot.line(target, { x: "date", y: "value", z: "piece", stroke: COLORS.target, strokeDasharray: "5,4", curve: "step-after" }),
      Plot.dot(unitData.filter((d) => Number.isFinite(d.value)), {
        x: "date", y: "value", r: 2, fill: COLORS.unit, fillOpacity: 0.55,
        title: (d: { label: string; period: string; cell: Cell }) => `${d.label}\n${formatPeriod(d.period, lang)}: ${formatCell(d.cell, o.measure, o.threshold, lang)}`,
      }),
      Plot.line(highlighted, { x: "date", y: "value", stroke: COLORS.highlight, strokeWidth: 2 }),
      Plot.dot(highlighted.filter((d) => Number.isFinite(d.value)), { x: "date", y: "value", r: 2.5, fill: COLORS.highlight }),
      Plot.line(wholeData, { x: "date", y: "value", stroke: COLORS.whole, strokeWidth: 2.5 }),
    ],
  });
  figure.append(plot);
  const caption = doc.createElement("figcaption");
  caption.textContent = summary;
  figure.append(caption);
  return figure;
}

export interface UnitComparisonOptions {
  name: string;
  measure: string;
  threshold: number | null;
  direction: "higher" | "lower" | null;
  period: string;
  /** The units to show, already in name order (the caller sorts by name, never by value). */
  units: readonly { unit_id: string; name: string }[];
  targets?: readonly TargetLike[];
  lang?: Lang;
  width?: number;
  document?: Document;
}

/**
 * One row per unit in the given (name) order: a line from the whole city's
 * value to the unit's, the unit's dot, and "< 5" for a withheld cell. No
 * ranks, no colours for good and bad.
 */
export function unitComparison(unitCells: readonly Cell[], whole: Cell | undefined, o: UnitComparisonOptions): HTMLElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const figure = doc.createElement("figure");
  figure.className = "unit-comparison";
  const byUnit = new Map(unitCells.filter((c) => c.period === o.period).map((c) => [c.unit_id, c]));
  const rows = o.units.map((u) => ({ ...u, cell: byUnit.get(u.unit_id) }));
  const valued = rows.filter((r) => hasValue(r.cell)) as (typeof rows[number] & { cell: Cell & { value: number } })[];
  const wholeValue = hasValue(whole) ? whole.value : null;
  const summaryParts = [
    `${o.name}, ${formatPeriod(o.period, lang)}: ${t(lang, "whole").toLowerCase()} ${formatCell(whole, o.measure, o.threshold, lang)}.`,
    valued.length
      ? `${t(lang, "unitsListed", { count: valued.length })}: ${formatValueWithUnit(Math.min(...valued.map((r) => r.cell.value)), o.measure, lang)}–${formatValueWithUnit(Math.max(...valued.map((r) => r.cell.value)), o.measure, lang)}.`
      : t(lang, "chartNoData"),
  ];
  const summary = summaryParts.join(" ");
  if (!valued.length && wholeValue === null) {
    figure.textContent = summary;
    return figure;
  }
  const xs = [...valued.map((r) => r.cell.value), ...(wholeValue !== null ? [wholeValue] : [])];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
  const names = rows.map((r) => r.name);
  const anchorX = wholeValue ?? (lo + hi) / 2;
  const plot = Plot.plot({
    document: doc,
    width: o.width ?? 640,
    height: Math.max(120, rows.length * 18 + 50),
    marginLeft: Math.min(260, 8 + Math.max(...names.map((n) => n.length)) * 6.2),
    marginRight: 40,
    ariaLabel: `${o.name}: ${t(lang, "comparison")}`,
    ariaDescription: summary,
    x: { domain: [lo - pad, hi + pad], grid: true, label: null, tickFormat: (v: number) => formatTick(v, o.measure, lang), axis: "top" },
    y: { domain: names, label: null, tickSize: 0 },
    marks: [
      wholeValue !== null ? Plot.ruleX([wholeValue], { stroke: COLORS.whole, strokeWidth: 2 }) : null,
      wholeValue !== null ? Plot.link(valued, { x1: () => wholeValue, x2: (r: { cell: Cell }) => r.cell.value, y: "name", stroke: COLORS.neutral, strokeWidth: 1.5 }) : null,
      Plot.dot(valued, {
        x: (r: { cell: Cell }) => r.cell.value, y: "name", r: 4, fill: COLORS.neutral,
        title: (r: { name: string; cell: Cell }) => `${r.name}: ${formatCell(r.cell, o.measure, o.threshold, lang)}${wholeValue !== null ? ` (${formatChange(r.cell.value! - wholeValue, o.measure, lang)})` : ""}`,
      }),
      Plot.text(rows.filter((r) => !hasValue(r.cell)), {
        x: () => anchorX, y: "name", text: (r: { cell: Cell | undefined }) => formatCell(r.cell, o.measure, o.threshold, lang), fill: COLORS.neutral, fontStyle: "italic",
      }),
    ],
  });
  figure.append(plot);
  const caption = doc.createElement("figcaption");
  caption.textContent = summary;
  figure.append(caption);
  return figure;
}
