// A line chart of one indicator over time: one or more series (the whole
// city, a unit, breakdown values), the target in force at each date as a
// dashed step line, measure start dates as rule marks (their name as the
// title), and withheld cells marked "< 5" along the bottom — so they never
// look like missing data (a gap) or like 0. The figure's caption states the
// message in words (latest value, target, direction) for screen readers.
import * as Plot from "@observablehq/plot";
import { formatCell, formatPeriod, formatTick, type Lang } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import type { Cell } from "../lib/slices.js";
import type { TargetLike } from "../lib/targets.js";
import { COLORS, type ChartRule, PALETTE, describeTrend, formatTarget, hasValue, points, ruleDate, targetLine, timeTick } from "./chart-common.js";

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
  threshold: number | null;
  targets?: readonly TargetLike[];
  rules?: readonly ChartRule[];
  lang?: Lang;
  width?: number;
  height?: number;
  /** Marks this period with a faint band. */
  selectedPeriod?: string;
  document?: Document;
}

export function trendChart(series: readonly TrendSeries[], o: TrendChartOptions): HTMLElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  // The main series is drawn bold in the whole city's colour; without one (breakdown charts), the caption describes the first series.
  const main = series.find((s) => s.role === "main");
  const described = main ?? series[0];
  const data = series.flatMap((s) => points(s.key, s.label, s.cells));
  const periods = [...new Set(data.map((d) => d.period))].sort();
  const figure = doc.createElement("figure");
  figure.className = "trend-chart";
  const summary = describeTrend(described?.cells ?? [], { name: o.name, scope: described && !main ? `${o.scope}, ${described.label}` : o.scope, measure: o.measure, threshold: o.threshold, targets: o.targets, lang });
  if (periods.length === 0) {
    const p = doc.createElement("p");
    p.className = "no-data";
    p.textContent = summary;
    figure.append(p);
    return figure;
  }
  const first = periods[0];
  const last = periods[periods.length - 1];
  const target = targetLine(o.targets, first, last);
  const valued = data.filter((d) => Number.isFinite(d.value));
  const withheld = data.filter((d) => d.cell.suppressed);
  const ys = [...valued.map((d) => d.value), ...target.map((d) => d.value)];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
  const yDomain = o.measure === "share" ? [Math.max(0, lo - pad), Math.min(1, hi + pad)] : [lo - pad, hi + pad];
  const xDomain = [data.reduce((m, d) => (d.start < m ? d.start : m), data[0].start), data.reduce((m, d) => (d.end > m ? d.end : m), data[0].end)];
  const rules = (o.rules ?? []).map((r) => ({ ...r, x: ruleDate(r.date) })).filter((r) => r.x >= xDomain[0] && r.x <= xDomain[1]);

  let other = 0;
  const colors = series.map((s) =>
    s === main ? COLORS.whole : s.role === "highlight" ? COLORS.highlight : s.role === "reference" ? COLORS.unit : PALETTE[other++ % PALETTE.length],
  );
  const labels = series.map((s) => s.label);
  const selected = o.selectedPeriod ? data.find((d) => d.period === o.selectedPeriod) : undefined;

  const svgOrPlot = Plot.plot({
    document: doc,
    width: o.width ?? 640,
    height: o.height ?? 240,
    marginLeft: 52,
    marginRight: 16,
    marginTop: rules.length ? 18 : 10,
    ariaLabel: t(lang, "trendOf", { name: o.name }),
    ariaDescription: summary,
    x: { type: "utc", domain: xDomain, label: null, ticks: 6, tickFormat: timeTick },
    y: { domain: yDomain, grid: true, label: null, tickFormat: (v: number) => formatTick(v, o.measure, lang), ticks: 5 },
    color: { domain: labels, range: colors, legend: series.length > 1 },
    marks: [
      selected ? Plot.rectX([selected], { x1: "start", x2: "end", fill: "#000", fillOpacity: 0.05 }) : null,
      Plot.line(target, { x: "date", y: "value", z: "piece", stroke: COLORS.target, strokeWidth: 1.5, strokeDasharray: "5,4", curve: "step-after" }),
      Plot.text(target.filter((_, i) => i % 2 === 1), {
        x: "date", y: "value", text: (d: { value: number; op: string }) => formatTarget({ op: d.op as ">=" | "<=", value: d.value, from: null, to: null }, o.measure, lang),
        textAnchor: "end", dy: -6, dx: -2, fill: COLORS.target, fontSize: 10,
      }),
      Plot.ruleX(rules, { x: "x", stroke: COLORS.rule, strokeDasharray: "2,3", title: "title" }),
      Plot.text(rules, { x: "x", text: () => "▾", frameAnchor: "top", dy: -9, fill: COLORS.rule, title: "title" }),
      Plot.line(data, { x: "date", y: "value", z: "key", stroke: "label", strokeWidth: (d: { key: string }) => (d.key === main?.key ? 2.5 : 1.5) }),
      Plot.dot(valued, {
        x: "date", y: "value", fill: "label", r: (d: { key: string }) => (d.key === main?.key ? 2.5 : 1.8),
        title: (d: { label: string; period: string; cell: Cell }) => `${d.label}\n${formatPeriod(d.period, lang)}: ${formatCell(d.cell, o.measure, o.threshold, lang)}`,
      }),
      Plot.text(withheld, {
        x: "date", text: () => `<${o.threshold ?? 5}`, frameAnchor: "bottom", dy: -4, fill: "label", fontSize: 9,
        title: (d: { label: string; period: string }) => `${d.label}\n${formatPeriod(d.period, lang)}: ${t(lang, "suppressedNote")}`,
      }),
    ],
  });
  figure.append(svgOrPlot);
  const caption = doc.createElement("figcaption");
  caption.textContent = summary;
  if (rules.length) {
    const list = doc.createElement("ul");
    list.className = "rule-list";
    for (const r of rules) {
      const li = doc.createElement("li");
      li.textContent = `▾ ${r.title}`;
      list.append(li);
    }
    caption.append(list);
  }
  figure.append(caption);
  return figure;
}

/** A small trend line without axes for the overview cards, with the target and the latest point. */
export function sparkline(cells: readonly Cell[], o: Omit<TrendChartOptions, "rules" | "selectedPeriod"> & { direction?: "higher" | "lower" | null }): HTMLElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const data = points("main", o.scope, cells);
  const summary = describeTrend(cells, { name: o.name, scope: o.scope, measure: o.measure, threshold: o.threshold, targets: o.targets, lang });
  const figure = doc.createElement("figure");
  figure.className = "sparkline";
  figure.setAttribute("aria-label", summary);
  figure.setAttribute("role", "img");
  if (!data.some((d) => Number.isFinite(d.value))) {
    figure.textContent = t(lang, "chartNoData");
    return figure;
  }
  const periods = data.map((d) => d.period);
  const target = targetLine(o.targets, periods[0], periods[periods.length - 1]);
  const valued = data.filter((d) => Number.isFinite(d.value));
  const lastPoint = valued[valued.length - 1];
  const ys = [...valued.map((d) => d.value), ...target.map((d) => d.value)];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.12;
  const plot = Plot.plot({
    document: doc,
    width: o.width ?? 200,
    height: o.height ?? 44,
    margin: 4,
    marginRight: 6,
    axis: null,
    x: { type: "utc" },
    y: { domain: [lo - pad, hi + pad] },
    marks: [
      Plot.line(target, { x: "date", y: "value", z: "piece", stroke: COLORS.target, strokeDasharray: "3,3", curve: "step-after" }),
      Plot.line(data, { x: "date", y: "value", stroke: COLORS.whole, strokeWidth: 1.5 }),
      Plot.dot(data.filter((d) => d.cell.suppressed), { x: "date", frameAnchor: "bottom", r: 1.5, stroke: COLORS.neutral, fill: "none" }),
      Plot.dot([lastPoint], { x: "date", y: "value", r: 2.5, fill: COLORS.whole }),
    ],
  });
  plot.setAttribute("aria-hidden", "true");
  figure.append(plot);
  return figure;
}

export { describeTrend } from "./chart-common.js";
export type { ChartRule } from "./chart-common.js";
export { hasValue };
