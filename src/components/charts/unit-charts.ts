// Units side by side without a league table: the spread of the units' values
// over time around the whole city's line, and for one period each unit's
// distance from the whole, listed by unit name (never sorted by value).
import { WITHHELD_MARK, displayedChange, formatCell, formatChange, formatPeriod, formatValueWithUnit, tickFormat, type Lang } from "../../lib/format.js";
import { t } from "../../lib/i18n.js";
import { periodEnd, periodEndDate, periodMidDate, periodStart, periodStartDate } from "../../lib/periods.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";
import { type TargetLike, targetForPeriod, targetSteps } from "../../lib/analysis/targets.js";
import { COLORS, formatTarget, hasValue } from "./chart-common.js";
import { Y_TICKS, periodBand, periodBandLegend, targetMarks } from "./chart-marks.js";
import { type LegendEntry, bandScale, chartFrame, legend, linePath, linearScale, numberAxis, paddedDomain, px, svgEl, timeAxis, timeScale, titleEl, yAxis } from "./svg.js";
import { chartDataDetails, dataTable } from "../../lib/tables/a11y.js";
import { appendTableLegend, cellWords, figureNode, withheldLegend } from "../../lib/tables/chart-tables.js";
import { type DownloadSource, downloads } from "../site/downloads.js";

export interface UnitSpreadOptions {
  name: string;
  measure: string;
  targets?: readonly TargetLike[];
  /** The period the caption describes. */
  period: string;
  /** unit_id → display name. */
  unitNames: ReadonlyMap<string, string>;
  highlight?: string | null;
  /** With the extract's manifest, "Lataa: CSV · SVG · PNG" under the chart (its data table, the chart with title, source and date). */
  downloads?: DownloadSource;
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
    whole: cellWords(whole, o.measure, lang),
  });
  if (withheld) summary += ` ${withheld} × ${WITHHELD_MARK} (${t(lang, "suppressedSpoken")}).`;
  const target = o.targets?.length ? targetForPeriod(o.targets, o.period) : null;
  if (target) summary += ` ${t(lang, "chartTarget", { target: formatTarget(target, o.measure, lang) })}`;
  const all = [...unitCells, ...wholeCells];
  if (!all.some(hasValue)) {
    figure.textContent = `${o.name}: ${t(lang, "chartNoData")}`;
    return figure;
  }
  const periods = [...new Set(all.map((c) => c.period))].sort();
  const first = periods[0];
  const last = periods[periods.length - 1];
  const steps = o.targets?.length ? targetSteps(o.targets, periodStart(first), periodEnd(last)) : [];
  const xDomain: [Date, Date] = [periodStartDate(first), periodEndDate(last)];
  const f = chartFrame(doc, { width: o.width ?? 640, height: o.height ?? 240, margin: { top: 10, right: 16, bottom: 28, left: 52 }, label: `${o.name}: ${t(lang, "byUnit")}` });
  const x = timeScale(xDomain, [f.left, f.right]);
  const y = linearScale(paddedDomain([...all.filter(hasValue).map((c) => c.value as number), ...steps.map((s) => s.value)], o.measure, 0.06), [f.bottom, f.top], { nice: Y_TICKS });
  const svg = f.svg;
  svg.setAttribute("data-y-domain", y.domain().join(","));
  svg.setAttribute("data-y-range", y.range().join(","));
  const yTicks = y.ticks(Y_TICKS);
  svg.append(yAxis(doc, f, y, yTicks, tickFormat(yTicks, o.measure, lang)), timeAxis(doc, f, x));
  const band = periodBand(doc, f, x, o.period);
  if (band) svg.append(band);
  const targetG = targetMarks(doc, f, x, y, o.targets, first, last, o.measure, lang);
  if (targetG) svg.append(targetG);
  const dots = svgEl(doc, "g", { class: "unit-dots", fill: COLORS.unit, "fill-opacity": 0.55 });
  for (const c of unitCells.filter(hasValue)) {
    const label = o.unitNames.get(c.unit_id) ?? c.unit_id;
    dots.append(svgEl(doc, "circle", { cx: px(x(periodMidDate(c.period))), cy: px(y(c.value)), r: 2, "data-unit": c.unit_id, "data-period": c.period, "data-value": String(c.value) },
      titleEl(doc, `${label}\n${formatPeriod(c.period, lang)}: ${cellWords(c, o.measure, lang)}`)));
  }
  svg.append(dots);
  const line = (cells: readonly Cell[], color: string, width: number, key: string) => {
    const g = svgEl(doc, "g", { class: "series", "data-series": key, stroke: color, fill: color });
    // One path per series (d3-shape's line), broken where a period has no value.
    g.append(svgEl(doc, "path", { d: linePath(cells, (c) => x(periodMidDate(c.period)), (c) => y(c.value as number), hasValue), fill: "none", "stroke-width": width }));
    return g;
  };
  if (o.highlight) {
    const mine = unitCells.filter((c) => c.unit_id === o.highlight);
    const g = line(mine, COLORS.highlight, 2, o.highlight);
    for (const c of mine.filter(hasValue)) g.append(svgEl(doc, "circle", { cx: px(x(periodMidDate(c.period))), cy: px(y(c.value)), r: 2.5, stroke: "none" }));
    svg.append(g);
  }
  svg.append(line(wholeCells, COLORS.whole, 2.5, "ALL"));
  const entries: LegendEntry[] = [{ label: t(lang, "whole"), color: COLORS.whole }, { label: t(lang, "units"), symbol: "●", color: COLORS.unit }];
  if (o.highlight) entries.push({ label: o.unitNames.get(o.highlight) ?? o.highlight, color: COLORS.highlight });
  if (steps.length) entries.push({ label: t(lang, "target"), color: COLORS.target, dash: "5,4" });
  if (band) entries.push(periodBandLegend(o.period, lang));
  figure.append(legend(doc, entries), svg);
  if (o.downloads) {
    figure.append(downloads({
      title: `${o.name}: ${t(lang, "byUnit")}`, table: () => unitSpreadTable(unitCells, wholeCells, { ...o, lang, document: doc }), chart: () => figure,
      manifest: o.downloads, lang, document: doc,
    }));
  }
  const caption = doc.createElement("figcaption");
  caption.textContent = withheld ? `${summary} ${withheldLegend(lang)}` : summary;
  figure.append(caption);
  return figure;
}

export interface UnitComparisonOptions {
  name: string;
  measure: string;
  direction: "higher" | "lower" | null;
  period: string;
  /** The units to show, already in name order (the caller sorts by name, never by value). */
  units: readonly { unit_id: string; name: string }[];
  targets?: readonly TargetLike[];
  /** With the extract's manifest, "Lataa: CSV · SVG · PNG" under the chart (its data table, the chart with title, source and date). */
  downloads?: DownloadSource;
  lang?: Lang;
  width?: number;
  document?: Document;
}

/**
 * One row per unit in the given (name) order: a line from the whole city's
 * value to the unit's, the unit's dot, and ".." for a withheld cell. The
 * target in force for the period is a dashed rule. No ranks, no colours for
 * good and bad.
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
  const target = o.targets?.length ? targetForPeriod(o.targets, o.period) : null;
  const summaryParts = [
    `${o.name}, ${formatPeriod(o.period, lang)}: ${t(lang, "whole").toLowerCase()} ${cellWords(whole, o.measure, lang)}.`,
    valued.length
      ? `${t(lang, "unitsListed", { count: valued.length })}: ${formatValueWithUnit(Math.min(...valued.map((r) => r.cell.value)), o.measure, lang)}–${formatValueWithUnit(Math.max(...valued.map((r) => r.cell.value)), o.measure, lang)}.`
      : t(lang, "chartNoData"),
    target ? t(lang, "chartTarget", { target: formatTarget(target, o.measure, lang) }) : "",
  ];
  const summary = summaryParts.filter(Boolean).join(" ");
  if (!valued.length && wholeValue === null) {
    figure.textContent = summary;
    return figure;
  }
  const xDomain = paddedDomain([...valued.map((r) => r.cell.value), ...(wholeValue !== null ? [wholeValue] : []), ...(target ? [target.value] : [])], o.measure);
  const names = rows.map((r) => r.name);
  const rowHeight = 18;
  const f = chartFrame(doc, {
    width: o.width ?? 640,
    height: Math.max(120, rows.length * rowHeight + 50),
    margin: { top: 30, right: 40, bottom: 20, left: Math.min(260, 8 + Math.max(...names.map((n) => n.length)) * 6.2) },
    label: `${o.name}: ${t(lang, "comparison")}`,
  });
  const xCount = Math.max(2, Math.floor((f.right - f.left) / 80));
  const x = linearScale(xDomain, [f.left, f.right], { nice: xCount });
  // A band per unit, in the given (name) order; the marks sit on the band's middle.
  const band = bandScale(rows.map((_, i) => String(i)), [f.top, f.bottom]);
  const yOf = (i: number) => band(String(i))! + band.bandwidth() / 2;
  const svg = f.svg;
  svg.setAttribute("data-x-domain", x.domain().join(","));
  svg.setAttribute("data-x-range", x.range().join(","));
  const xTicks = x.ticks(xCount);
  svg.append(numberAxis(doc, f, x, xTicks, tickFormat(xTicks, o.measure, lang), { position: "top" }));
  const labels = svgEl(doc, "g", { class: "y-axis", fill: "currentColor", "text-anchor": "end" });
  rows.forEach((r, i) => {
    const text = svgEl(doc, "text", { x: f.left - 8, y: px(yOf(i)), dy: "0.32em" });
    text.textContent = r.name;
    labels.append(text);
  });
  svg.append(labels);
  if (target) {
    const xx = px(x(target.value));
    svg.append(svgEl(doc, "g", { class: "target-line", "data-target-op": target.op, "data-target-value": String(target.value) },
      titleEl(doc, `${t(lang, "target")} ${formatTarget(target, o.measure, lang)}`),
      svgEl(doc, "line", { x1: xx, x2: xx, y1: f.top, y2: f.bottom, stroke: COLORS.target, "stroke-width": 1.5, "stroke-dasharray": "5,4" }),
      svgEl(doc, "text", { x: xx, y: f.bottom + 12, "text-anchor": "middle", fill: COLORS.target }, `${t(lang, "target")} ${formatTarget(target, o.measure, lang)}`)));
  }
  if (wholeValue !== null) {
    const xx = px(x(wholeValue));
    svg.append(svgEl(doc, "line", { class: "whole-line", x1: xx, x2: xx, y1: f.top, y2: f.bottom, stroke: COLORS.whole, "stroke-width": 2, "data-value": String(wholeValue) }, titleEl(doc, `${t(lang, "whole")}: ${cellWords(whole, o.measure, lang)}`)));
  }
  const anchorX = wholeValue ?? (x.domain()[0] + x.domain()[1]) / 2;
  const marks = svgEl(doc, "g", { class: "unit-rows" });
  rows.forEach((r, i) => {
    const yy = px(yOf(i));
    if (hasValue(r.cell)) {
      if (wholeValue !== null) marks.append(svgEl(doc, "line", { x1: px(x(wholeValue)), x2: px(x(r.cell.value)), y1: yy, y2: yy, stroke: COLORS.neutral, "stroke-width": 1.5 }));
      marks.append(svgEl(doc, "circle", { cx: px(x(r.cell.value)), cy: yy, r: 4, fill: COLORS.neutral, "data-unit": r.unit_id, "data-period": o.period, "data-value": String(r.cell.value) },
        titleEl(doc, `${r.name}: ${cellWords(r.cell, o.measure, lang)}${wholeValue !== null ? ` (${formatChange(displayedChange(r.cell.value, wholeValue, o.measure), o.measure, lang)})` : ""}`)));
    } else {
      marks.append(svgEl(doc, "text", { x: px(x(anchorX)), y: yy, dy: "0.32em", "text-anchor": "middle", fill: COLORS.neutral, "font-style": "italic", "data-unit": r.unit_id },
        formatCell(r.cell, o.measure, lang), r.cell?.suppressed && titleEl(doc, `${r.name}: ${t(lang, "suppressedLegend")}`)));
    }
  });
  svg.append(marks);
  figure.append(svg);
  if (o.downloads) {
    figure.append(downloads({
      title: `${o.name}, ${formatPeriod(o.period, lang)}: ${t(lang, "comparison")}`, table: () => unitComparisonTable(unitCells, whole, { ...o, lang, document: doc }), chart: () => figure,
      manifest: o.downloads, lang, document: doc,
    }));
  }
  const caption = doc.createElement("figcaption");
  caption.textContent = rows.some((r) => r.cell?.suppressed) ? `${summary} ${withheldLegend(lang)}` : summary;
  figure.append(caption);
  return figure;
}

/**
 * The spread chart's data as a table: a row per unit (in the given name
 * order) after the whole city, a column per period. Withheld cells show
 * ".." and are read out in words; cells not written read "ei tietoa".
 */
export function unitSpreadTable(unitCells: readonly Cell[], wholeCells: readonly Cell[], o: Pick<UnitSpreadOptions, "name" | "measure" | "unitNames" | "lang" | "document">): HTMLTableElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const periods = [...new Set([...unitCells, ...wholeCells].map((c) => c.period))].sort();
  const byUnit = new Map<string, Map<string, Cell>>();
  for (const c of unitCells) {
    if (!byUnit.has(c.unit_id)) byUnit.set(c.unit_id, new Map());
    byUnit.get(c.unit_id)!.set(c.period, c);
  }
  const rows: { label: string; cells: ReadonlyMap<string, Cell> }[] = [
    { label: t(lang, "whole"), cells: new Map(wholeCells.map((c) => [c.period, c])) },
    ...[...o.unitNames].filter(([id]) => byUnit.has(id)).map(([id, label]) => ({ label, cells: byUnit.get(id)! })),
  ];
  const table = dataTable(rows, [
    { label: t(lang, "unit"), value: (r) => r.label },
    ...periods.map((p) => ({ label: formatPeriod(p, lang), numeric: true, value: (r: (typeof rows)[number]) => figureNode(r.cells.get(p), o.measure, lang, doc) })),
  ], { caption: t(lang, "chartDataCaption", { name: `${o.name}: ${t(lang, "byUnit")}` }), className: "chart-table", document: doc });
  if ([...unitCells, ...wholeCells].some((c) => c.suppressed)) appendTableLegend(table, lang, doc);
  return table;
}

export function unitSpreadTableDetails(unitCells: readonly Cell[], wholeCells: readonly Cell[], o: Pick<UnitSpreadOptions, "name" | "measure" | "unitNames" | "lang" | "document">): HTMLDetailsElement {
  return chartDataDetails(t(o.lang ?? "fi", "chartData"), () => unitSpreadTable(unitCells, wholeCells, o), o.document ?? document);
}

/** The comparison chart's data as a table: the whole city, then a row per unit in the given (name) order, with its value at the period. */
export function unitComparisonTable(unitCells: readonly Cell[], whole: Cell | undefined, o: Pick<UnitComparisonOptions, "name" | "measure" | "period" | "units" | "lang" | "document">): HTMLTableElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const byUnit = new Map(unitCells.filter((c) => c.period === o.period).map((c) => [c.unit_id, c]));
  const rows = [{ name: t(lang, "whole"), cell: whole }, ...o.units.map((u) => ({ name: u.name, cell: byUnit.get(u.unit_id) }))];
  const table = dataTable(rows, [
    { label: t(lang, "unit"), value: (r) => r.name },
    { label: `${t(lang, "value")} ${formatPeriod(o.period, lang)}`, numeric: true, value: (r) => figureNode(r.cell, o.measure, lang, doc) },
  ], { caption: t(lang, "chartDataCaption", { name: `${o.name}: ${t(lang, "comparison")}` }), className: "chart-table", document: doc });
  if (rows.some((r) => r.cell?.suppressed)) appendTableLegend(table, lang, doc);
  return table;
}
