// A line chart of one indicator over time: one or more series (the whole
// city, a unit, breakdown values), the target in force at each date as a
// dashed step line (it steps where the rule changes, e.g. the care guarantee
// from 7 to 14 days on 1.9.2023), a row of ✓ / ✗ under the axis saying per
// period whether the main series met the target in force then, measure start
// dates as rule marks (their name as the hover title and in the caption), and
// withheld cells marked ".." along the bottom — so they never look like
// missing data (a gap) or like 0. The figure's caption states the message in
// words (latest value, target, direction, met per target period). More
// breakdown values than MAX_LINES (11 professions, say) are small multiples,
// one panel per value with its line over the others in grey, on one shared
// scale: never one tangle of lines whose colours repeat.
import { WITHHELD_MARK, formatPeriod, tickFormat, type Lang } from "../../lib/format.js";
import { cellWords, seriesTable, withheldLegendNote } from "../../lib/tables/chart-tables.js";
import { t } from "../../lib/i18n.js";
import { periodEnd, periodEndDate, periodMidDate, periodStart, periodStartDate } from "../../lib/periods.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";
import { type TargetLike, targetSteps } from "../../lib/analysis/targets.js";
import { COLORS, type ChartRule, DASHES, PALETTE, TARGET_SYMBOL, describeTargetPeriods, describeTrend, hasValue, ruleDate, targetStatuses } from "./chart-common.js";
import { chartCaption, periodBand, periodBandLegend, ruleMarks, statusRow, suppressedMarks, timeChartBackdrop } from "./chart-marks.js";
import { type ChartFrame, type LegendEntry, type Scale, type TimeScale, chartFrame, legend, linePath, linearScale, paddedDomain, px, svgEl, timeAxis, timeScale, titleEl, yAxis } from "./svg.js";
import { type DownloadSource, downloads } from "../site/downloads.js";

export interface TrendSeries {
  key: string;
  label: string;
  cells: readonly Cell[];
  /** main: the series the caption describes (bold); highlight: a picked unit; other: breakdown values. */
  role?: "main" | "highlight" | "reference" | "other";
}

export interface TrendChartOptions {
  /** The indicator's name. */
  name: string;
  /** Whose figures the main series are ("Koko kaupunki", a unit's name). */
  scope: string;
  measure: string;
  targets?: readonly TargetLike[];
  rules?: readonly ChartRule[];
  lang?: Lang;
  width?: number;
  height?: number;
  /** Marks this period with a faint band. */
  selectedPeriod?: string;
  /** The indicator id, written on the figure (data-indicator-chart) for tests and tools. */
  indicator?: string;
  /** With the extract's manifest, "Lataa: CSV · SVG · PNG" under the chart (its data table, the chart with title, source and date). */
  downloads?: DownloadSource;
  document?: Document;
}

/** At most this many breakdown lines share one plot; more become small multiples. */
export const MAX_LINES = 4;

export function trendChart(series: readonly TrendSeries[], o: TrendChartOptions): HTMLElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  // The main series is drawn bold in the whole city's colour; without one (breakdown charts), the caption describes the first series.
  const main = series.find((s) => s.role === "main");
  const described = main ?? series[0];
  const figure = doc.createElement("figure");
  figure.className = "trend-chart";
  if (o.indicator) figure.dataset.indicatorChart = o.indicator;
  const summary = describeTrend(described?.cells ?? [], { name: o.name, scope: described && !main ? `${o.scope}, ${described.label}` : o.scope, measure: o.measure, targets: o.targets, lang });
  const periods = [...new Set(series.flatMap((s) => s.cells.map((c) => c.period)))].sort();
  if (periods.length === 0) {
    const p = doc.createElement("p");
    p.className = "no-data";
    p.textContent = summary;
    figure.append(p);
    return figure;
  }
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (series.length > MAX_LINES && series.every((s) => s.role === undefined || s.role === "other")) {
    return smallMultiples(doc, figure, series, summary, { ...o, lang, first, last });
  }
  let other = 0;
  const paletteIndex = series.map((s) => (s === main || s.role === "highlight" || s.role === "reference" ? -1 : other++));
  const colors = series.map((s, i) =>
    s === main ? COLORS.whole : s.role === "highlight" ? COLORS.highlight : s.role === "reference" ? COLORS.unit : PALETTE[paletteIndex[i] % PALETTE.length],
  );
  // Breakdown lines differ by dash as well as colour; a reference line is dashed.
  const dashes = series.map((s, i) => (paletteIndex[i] >= 0 ? DASHES[paletteIndex[i] % DASHES.length] : s.role === "reference" ? "4,3" : ""));
  const steps = o.targets?.length ? targetSteps(o.targets, periodStart(first), periodEnd(last)) : [];
  const statuses = main ? targetStatuses(main.cells, o.targets) : [];
  const values = series.flatMap((s) => s.cells.filter(hasValue).map((c) => c.value));
  const yDomain = paddedDomain([...values, ...steps.map((s) => s.value)], o.measure);
  const xDomain: [Date, Date] = [periodStartDate(first), periodEndDate(last)];
  const rules = o.rules ?? [];
  const { f, x, y, band, ruled } = timeChartBackdrop(doc, {
    width: o.width, height: o.height ?? 240, statuses: statuses.length > 0,
    label: t(lang, "trendOf", { name: o.name }), xDomain, yDomain, measure: o.measure, lang,
    selectedPeriod: o.selectedPeriod, targets: o.targets, first, last, rules,
  });
  const svg = f.svg;
  // Lines and dots, the main series last (on top).
  const order = series.map((s, i) => i).sort((a, b) => Number(series[a] === main) - Number(series[b] === main));
  for (const i of order) {
    const s = series[i];
    const isMain = s === main;
    const g = svgEl(doc, "g", { class: "series", "data-series": s.key, stroke: colors[i], fill: colors[i] });
    g.append(seriesPath(doc, s.cells, x, y, { "stroke-width": isMain ? 2.5 : 1.5, "stroke-dasharray": dashes[i] || null }));
    g.append(...seriesDots(doc, s, x, y, isMain ? 2.5 : 1.8, o.measure, lang));
    svg.append(g);
    const withheld = suppressedMarks(doc, f, x, s.cells, { label: s.label, color: colors[i], lang });
    if (withheld) svg.append(withheld);
  }
  const row = statusRow(doc, f, x, statuses, { measure: o.measure, lang });
  if (row) svg.append(row);

  const entries: LegendEntry[] = series.length > 1 ? series.map((s, i) => ({ label: s.label, color: colors[i], dash: dashes[i] || undefined })) : [];
  if (steps.length) entries.push({ label: t(lang, "target"), color: COLORS.target, dash: "5,4" });
  if (statuses.length) entries.push({ label: t(lang, "targetMet"), symbol: TARGET_SYMBOL.met, color: COLORS.better }, { label: t(lang, "targetNotMet"), symbol: TARGET_SYMBOL.notMet, color: COLORS.worse });
  const anyWithheld = series.some((s) => s.cells.some((c) => c.suppressed));
  if (anyWithheld) entries.push({ label: t(lang, "suppressedSpoken"), symbol: WITHHELD_MARK, color: COLORS.neutral });
  if (band) entries.push(periodBandLegend(o.selectedPeriod!, lang));
  if (entries.length > 1 || series.length > 1 || anyWithheld || band) figure.append(legend(doc, entries));
  figure.append(svg);
  const periodsText = main ? describeTargetPeriods(main.cells, o.targets, o.measure, lang) : "";
  if (o.downloads) figure.append(chartDownloads(figure, series, { ...o, lang, document: doc }));
  const caption = chartCaption(doc, [summary, periodsText].filter(Boolean).join(" "), ruled?.shown);
  if (anyWithheld) caption.append(withheldLegendNote(lang, doc));
  figure.append(caption);
  return figure;
}

/** The chart's downloads: its data table (the series; the target column when the first series is the main one) and the figure. */
function chartDownloads(figure: HTMLElement, series: readonly TrendSeries[], o: TrendChartOptions & { lang: Lang; document: Document }): HTMLElement {
  const table = () => seriesTable(series, { name: o.name, measure: o.measure, targets: series[0]?.role === "main" ? o.targets : undefined, lang: o.lang, document: o.document });
  return downloads({ title: `${o.name}, ${o.scope}`, table, chart: () => figure, manifest: o.downloads!, lang: o.lang, document: o.document });
}

/** A series as one path (d3-shape's line): it breaks where a period has no value — withheld periods are marked ".." separately. */
function seriesPath(doc: Document, cells: readonly Cell[], x: TimeScale, y: Scale, attrs: Record<string, string | number | null>): SVGPathElement {
  return svgEl(doc, "path", {
    d: linePath(cells, (c) => x(periodMidDate(c.period)), (c) => y(c.value as number), hasValue),
    fill: "none", "stroke-linejoin": "round", "stroke-linecap": "round", ...attrs,
  });
}

/** A dot per published value, with its period and exact value as data-* and its words as the hover title. */
function seriesDots(doc: Document, s: TrendSeries, x: TimeScale, y: Scale, r: number, measure: string, lang: Lang): SVGCircleElement[] {
  return s.cells.filter(hasValue).map((c) =>
    svgEl(doc, "circle", { cx: px(x(periodMidDate(c.period))), cy: px(y(c.value)), r, stroke: "none", "data-period": c.period, "data-value": String(c.value) },
      titleEl(doc, `${s.label}\n${formatPeriod(c.period, lang)}: ${cellWords(c, measure, lang)}`)));
}

/**
 * Many breakdown values: a panel per value, in the given order, its line in
 * colour over the other values' lines in grey, every panel on the same value
 * scale and time axis so they compare at a glance. One image (one name) like
 * the single chart, with the same caption; the dots keep their data-* and
 * titles, withheld periods their "..".
 */
function smallMultiples(doc: Document, figure: HTMLElement, series: readonly TrendSeries[], summary: string, o: TrendChartOptions & { lang: Lang; first: string; last: string }): HTMLElement {
  const { lang, first, last } = o;
  figure.classList.add("small-multiples");
  const width = o.width ?? 640;
  const columns = Math.max(1, Math.min(series.length, Math.floor(width / 190)));
  const panelWidth = width / columns;
  const rules = o.rules ?? [];
  // Room above each panel for its name, and below that for the measures' ▾ when there are any.
  const margin = { top: rules.length ? 28 : 20, right: 10, bottom: 24, left: 46 };
  const panelHeight = 100 + margin.top;
  const f = chartFrame(doc, { width, height: Math.ceil(series.length / columns) * panelHeight, margin: { top: 0, right: 0, bottom: 0, left: 0 }, label: t(lang, "trendOf", { name: o.name }) });
  const steps = o.targets?.length ? targetSteps(o.targets, periodStart(first), periodEnd(last)) : [];
  const values = series.flatMap((s) => s.cells.filter(hasValue).map((c) => c.value));
  const shared = linearScale(paddedDomain([...values, ...steps.map((s) => s.value)], o.measure), [0, 1], { nice: 3 });
  const yTicks = shared.ticks(3);
  const format = tickFormat(yTicks, o.measure, lang);
  const xDomain: [Date, Date] = [periodStartDate(first), periodEndDate(last)];
  f.svg.setAttribute("data-y-domain", shared.domain().join(","));
  let shownRules: ChartRule[] = [];
  let anyBand = false;
  series.forEach((s, i) => {
    const left = (i % columns) * panelWidth;
    const top = Math.floor(i / columns) * panelHeight;
    const p: ChartFrame = { ...f, width: panelWidth, height: panelHeight, margin, left: left + margin.left, right: left + panelWidth - margin.right, top: top + margin.top, bottom: top + panelHeight - margin.bottom };
    const x = timeScale(xDomain, [p.left, p.right]);
    const y = linearScale(shared.domain() as [number, number], [p.bottom, p.top]);
    const g = svgEl(doc, "g", { class: "small-multiple", "data-series": s.key });
    g.append(svgEl(doc, "text", { x: p.left, y: top + 11, fill: "currentColor", "font-weight": "bold" }, s.label));
    g.append(yAxis(doc, p, y, yTicks, format), timeAxis(doc, p, x));
    const band = periodBand(doc, p, x, o.selectedPeriod);
    if (band) {
      g.append(band);
      anyBand = true;
    }
    const ruled = ruleMarks(doc, p, x, rules, xDomain);
    if (ruled) {
      g.append(ruled.g);
      shownRules = ruled.shown;
    }
    for (const step of steps) {
      const yy = px(y(step.value));
      g.append(svgEl(doc, "line", { class: "target-step", x1: px(x(ruleDate(step.from))), x2: px(x(ruleDate(step.until))), y1: yy, y2: yy, stroke: COLORS.target, "stroke-width": 1, "stroke-dasharray": "5,4", "data-target-op": step.op, "data-target-value": String(step.value) }));
    }
    const context = svgEl(doc, "g", { class: "context", stroke: "#c4c4c4", "aria-hidden": "true" });
    for (const other of series) if (other !== s) context.append(seriesPath(doc, other.cells, x, y, { "stroke-width": 1 }));
    g.append(context);
    const own = svgEl(doc, "g", { class: "series", "data-series": s.key, stroke: PALETTE[0], fill: PALETTE[0] });
    own.append(seriesPath(doc, s.cells, x, y, { "stroke-width": 2 }), ...seriesDots(doc, s, x, y, 1.8, o.measure, lang));
    g.append(own);
    const withheld = suppressedMarks(doc, p, x, s.cells, { label: s.label, color: PALETTE[0], lang });
    if (withheld) g.append(withheld);
    f.svg.append(g);
  });
  const entries: LegendEntry[] = [];
  if (steps.length) entries.push({ label: t(lang, "target"), color: COLORS.target, dash: "5,4" });
  const anyWithheld = series.some((s) => s.cells.some((c) => c.suppressed));
  if (anyWithheld) entries.push({ label: t(lang, "suppressedSpoken"), symbol: WITHHELD_MARK, color: COLORS.neutral });
  if (anyBand) entries.push(periodBandLegend(o.selectedPeriod!, lang));
  if (entries.length) figure.append(legend(doc, entries));
  figure.append(f.svg);
  if (o.downloads) figure.append(chartDownloads(figure, series, { ...o, document: doc }));
  const caption = chartCaption(doc, summary, shownRules);
  if (anyWithheld) caption.append(withheldLegendNote(lang, doc));
  figure.append(caption);
  return figure;
}

export { sparkline } from "./sparkline.js";
export { describeTrend } from "./chart-common.js";
export type { ChartRule } from "./chart-common.js";
export { hasValue };
