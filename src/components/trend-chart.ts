// A line chart of one indicator over time: one or more series (the whole
// city, a unit, breakdown values), the target in force at each date as a
// dashed step line (it steps where the rule changes, e.g. the care guarantee
// from 7 to 14 days on 1.9.2023), a row of ✓ / ✗ under the axis saying per
// period whether the main series met the target in force then, measure start
// dates as rule marks (their name as the hover title and in the caption), and
// withheld cells marked ".." along the bottom — so they never look like
// missing data (a gap) or like 0. The figure's caption states the message in
// words (latest value, target, direction, met per target period).
import { WITHHELD_MARK, formatPeriod, type Lang } from "../lib/format.js";
import { cellWords, withheldLegendNote } from "../lib/chart-tables.js";
import { t } from "../lib/i18n.js";
import { periodEnd, periodEndDate, periodMidDate, periodStart, periodStartDate } from "../lib/periods.js";
import type { PublishedCell as Cell } from "../lib/cell.js";
import { type TargetLike, targetSteps } from "../lib/targets.js";
import { COLORS, type ChartRule, DASHES, PALETTE, TARGET_SYMBOL, describeTargetPeriods, describeTrend, hasValue, targetStatuses, valuedRuns } from "./chart-common.js";
import { chartCaption, periodBand, timeChartFrame, ruleMarks, statusRow, suppressedMarks, targetMarks } from "./chart-marks.js";
import { legend, linePath, paddedDomain, px, svgEl, titleEl } from "./svg.js";

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
  document?: Document;
}

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
  const { f, x, y } = timeChartFrame(doc, {
    width: o.width, height: o.height ?? 240, rules: rules.length > 0, statuses: statuses.length > 0,
    label: t(lang, "trendOf", { name: o.name }), xDomain, yDomain, measure: o.measure, lang,
  });
  const svg = f.svg;
  const band = periodBand(doc, f, x, o.selectedPeriod);
  if (band) svg.append(band);
  const targetG = targetMarks(doc, f, x, y, o.targets, first, last, o.measure, lang);
  if (targetG) svg.append(targetG);
  const ruled = ruleMarks(doc, f, x, rules, xDomain);
  if (ruled) svg.append(ruled.g);
  // Lines and dots, the main series last (on top).
  const order = series.map((s, i) => i).sort((a, b) => Number(series[a] === main) - Number(series[b] === main));
  for (const i of order) {
    const s = series[i];
    const isMain = s === main;
    const g = svgEl(doc, "g", { class: "series", "data-series": s.key, stroke: colors[i], fill: colors[i] });
    for (const run of valuedRuns(s.cells)) {
      g.append(svgEl(doc, "path", { d: linePath(run.map((c) => [x(periodMidDate(c.period)), y(c.value)])), fill: "none", "stroke-width": isMain ? 2.5 : 1.5, "stroke-linejoin": "round", "stroke-linecap": "round", "stroke-dasharray": dashes[i] || null }));
    }
    for (const c of s.cells.filter(hasValue)) {
      g.append(svgEl(doc, "circle", { cx: px(x(periodMidDate(c.period))), cy: px(y(c.value)), r: isMain ? 2.5 : 1.8, stroke: "none", "data-period": c.period, "data-value": String(c.value) },
        titleEl(doc, `${s.label}\n${formatPeriod(c.period, lang)}: ${cellWords(c, o.measure, lang)}`)));
    }
    svg.append(g);
    const withheld = suppressedMarks(doc, f, x, s.cells, { label: s.label, color: colors[i], lang });
    if (withheld) svg.append(withheld);
  }
  const row = statusRow(doc, f, x, statuses, { measure: o.measure, lang });
  if (row) svg.append(row);

  const entries: { label: string; color?: string; symbol?: string; dash?: string }[] = series.length > 1 ? series.map((s, i) => ({ label: s.label, color: colors[i], dash: dashes[i] || undefined })) : [];
  if (steps.length) entries.push({ label: t(lang, "target"), color: COLORS.target, dash: "5,4" });
  if (statuses.length) entries.push({ label: t(lang, "targetMet"), symbol: TARGET_SYMBOL.met, color: COLORS.better }, { label: t(lang, "targetNotMet"), symbol: TARGET_SYMBOL.notMet, color: COLORS.worse });
  const anyWithheld = series.some((s) => s.cells.some((c) => c.suppressed));
  if (anyWithheld) entries.push({ label: t(lang, "suppressedSpoken"), symbol: WITHHELD_MARK, color: COLORS.neutral });
  if (entries.length > 1 || series.length > 1 || anyWithheld) figure.append(legend(doc, entries));
  figure.append(svg);
  const periodsText = main ? describeTargetPeriods(main.cells, o.targets, o.measure, lang) : "";
  const caption = chartCaption(doc, [summary, periodsText].filter(Boolean).join(" "), ruled?.shown);
  if (anyWithheld) caption.append(withheldLegendNote(lang, doc));
  figure.append(caption);
  return figure;
}

export { sparkline } from "./sparkline.js";
export { describeTrend } from "./chart-common.js";
export type { ChartRule } from "./chart-common.js";
export { hasValue, valuedRuns };
