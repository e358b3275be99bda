// Marks shared by the time charts (trend, XmR, unit spread): the target as a
// dashed step line that changes where the rule changes, the row of ✓ / ✗ that
// says per period whether the target in force then was met, the start dates of
// development measures as annotated rules, withheld cells as ".." markers and
// the band of the selected period.
import { WITHHELD_MARK, formatDate, formatPeriod, tickFormat, type Lang } from "../../lib/format.js";
import { cellWords } from "../../lib/tables/chart-tables.js";
import { t } from "../../lib/i18n.js";
import { periodEnd, periodEndDate, periodMidDate, periodStart, periodStartDate } from "../../lib/periods.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";
import { type TargetLike, targetSteps } from "../../lib/analysis/targets.js";
import { COLORS, type ChartRule, TARGET_SYMBOL, type TargetStatus, formatTarget, ruleDate } from "./chart-common.js";
import { type ChartFrame, type Scale, type TimeScale, chartFrame, linearScale, px, svgEl, timeAxis, timeScale, titleEl, yAxis } from "./svg.js";

type X = TimeScale;

/** The target in force between the first and the last period as a dashed step line, each piece labelled (≤ 7 vrk, ≤ 14 vrk). */
export function targetMarks(doc: Document, f: ChartFrame, x: X, y: Scale, targets: readonly TargetLike[] | undefined, first: string, last: string, measure: string, lang: Lang): SVGGElement | null {
  if (!targets?.length) return null;
  const steps = targetSteps(targets, periodStart(first), periodEnd(last));
  if (!steps.length) return null;
  const g = svgEl(doc, "g", { class: "target-line", fill: "none", stroke: COLORS.target, "stroke-width": 1.5, "stroke-dasharray": "5,4" });
  steps.forEach((s, i) => {
    const x1 = px(x(ruleDate(s.from)));
    const x2 = px(x(ruleDate(s.until)));
    const yy = px(y(s.value));
    const label = formatTarget(s.target, measure, lang);
    const line = svgEl(doc, "line", { x1, x2, y1: yy, y2: yy, "data-target-op": s.op, "data-target-value": String(s.value), "data-from": s.from, "data-to": s.to },
      titleEl(doc, `${t(lang, "target")} ${label} (${formatPeriodRange(s.from, s.to, lang)})`));
    g.append(line);
    const next = steps[i + 1];
    // Where one rule gives way to the next on the same day, a vertical step joins them.
    if (next && next.from === s.until) g.append(svgEl(doc, "line", { x1: x2, x2, y1: yy, y2: px(y(next.value)) }));
    const text = svgEl(doc, "text", { x: x2 - 2, y: yy - 4, "text-anchor": "end", fill: COLORS.target, stroke: "white", "stroke-width": 3, "paint-order": "stroke", "stroke-dasharray": "none", "font-size": 10 });
    text.textContent = label;
    g.append(text);
  });
  return g;
}

function formatPeriodRange(from: string, to: string, lang: Lang): string {
  return `${formatDate(from, lang)}–${formatDate(to, lang)}`;
}

/** The ✓ / ✗ row under the time axis: per period, whether the target in force then was met. */
export function statusRow(doc: Document, f: ChartFrame, x: X, statuses: readonly TargetStatus[], o: { measure: string; lang: Lang; y?: number }): SVGGElement | null {
  if (!statuses.length) return null;
  const lang = o.lang;
  const yy = o.y ?? f.bottom + 34;
  const g = svgEl(doc, "g", { class: "target-status-row", "text-anchor": "middle" });
  const label = svgEl(doc, "text", { x: f.left - 6, y: yy, dy: "0.32em", "text-anchor": "end", fill: "currentColor" });
  label.textContent = t(lang, "target");
  g.append(label);
  const xs = statuses.map((s) => x(periodMidDate(s.period)));
  const spacing = xs.length > 1 ? Math.min(...xs.slice(1).map((v, i) => v - xs[i])) : 20;
  const title = (s: TargetStatus) => `${formatPeriod(s.period, lang)}: ${cellWords(s.cell, o.measure, lang)} – ${t(lang, "target")} ${formatTarget(s.target, o.measure, lang)}: ${t(lang, s.met ? "targetMet" : "targetNotMet")}`;
  const color = (met: boolean) => (met ? COLORS.better : COLORS.worse);
  const symbol = (met: boolean) => (met ? TARGET_SYMBOL.met : TARGET_SYMBOL.notMet);
  if (spacing >= 8) {
    // Room for a symbol per period.
    const size = Math.min(11, spacing * 0.9);
    statuses.forEach((s, i) => {
      const mark = svgEl(doc, "text", { x: px(xs[i]), y: yy, dy: "0.32em", "font-size": px(size), fill: color(s.met), "data-period": s.period, "data-target-met": String(s.met) }, symbol(s.met));
      mark.append(titleEl(doc, title(s)));
      g.append(mark);
    });
    return g;
  }
  // Narrow: one symbol per run of equal statuses over a line spanning the run; each period keeps its hover title.
  let start = 0;
  for (let i = 1; i <= statuses.length; i++) {
    if (i < statuses.length && statuses[i].met === statuses[start].met && periodStartDate(statuses[i].period).getTime() === periodEndDate(statuses[i - 1].period).getTime()) continue;
    const met = statuses[start].met;
    const x0 = x(periodStartDate(statuses[start].period)) + 0.5;
    const x1 = x(periodEndDate(statuses[i - 1].period)) - 0.5;
    g.append(svgEl(doc, "line", { x1: px(x0), x2: px(x1), y1: yy + 7, y2: yy + 7, stroke: color(met), "stroke-width": 2 }));
    g.append(svgEl(doc, "text", { x: px((x0 + x1) / 2), y: yy, dy: "0.32em", "font-size": 10, fill: color(met), "aria-hidden": "true" }, symbol(met)));
    start = i;
  }
  statuses.forEach((s) => {
    const x0 = x(periodStartDate(s.period));
    const x1 = x(periodEndDate(s.period));
    g.append(svgEl(doc, "rect", { x: px(x0), width: px(Math.max(1, x1 - x0)), y: yy - 6, height: 15, fill: "transparent", "data-period": s.period, "data-target-met": String(s.met) }, titleEl(doc, title(s))));
  });
  return g;
}

/** Development measures' start dates (or programme milestones) as dotted rules with ▾ on top; the name is the hover title. */
export function ruleMarks(doc: Document, f: ChartFrame, x: X, rules: readonly ChartRule[], domain: [Date, Date], o: { breaks?: readonly string[] } = {}): { g: SVGGElement; shown: ChartRule[] } | null {
  const shown = rules.filter((r) => {
    const d = ruleDate(r.date);
    return d >= domain[0] && d <= domain[1];
  });
  if (!shown.length) return null;
  const g = svgEl(doc, "g", { class: "rule-marks" });
  for (const r of shown) {
    const xx = px(x(ruleDate(r.date)));
    const isBreak = o.breaks?.includes(r.date) ?? false;
    const item = svgEl(doc, "g", { class: isBreak ? "rule-mark rule-break" : "rule-mark", "data-rule-date": r.date, "data-rule-kind": r.kind ?? "measure" },
      titleEl(doc, r.title),
      svgEl(doc, "line", { x1: xx, x2: xx, y1: f.top, y2: f.bottom, stroke: COLORS.rule, "stroke-width": isBreak ? 1.5 : 1, "stroke-dasharray": isBreak ? "6,3" : "2,3" }),
      svgEl(doc, "text", { x: xx, y: f.top - 3, "text-anchor": "middle", fill: COLORS.rule, "font-size": 12 }, "▾"),
      // A wider invisible line makes the title easy to hover.
      svgEl(doc, "line", { x1: xx, x2: xx, y1: f.top - 12, y2: f.bottom, stroke: "transparent", "stroke-width": 8 }),
    );
    g.append(item);
  }
  return { g, shown };
}

/** Withheld cells as ".." at the foot of the plotting area, in the series' colour, so they read as withheld — never as a gap or as 0. */
export function suppressedMarks(doc: Document, f: ChartFrame, x: X, cells: readonly Cell[], o: { label: string; color: string; lang: Lang; dy?: number }): SVGGElement | null {
  const withheld = cells.filter((c) => c.suppressed);
  if (!withheld.length) return null;
  const g = svgEl(doc, "g", { class: "suppressed-marks", "text-anchor": "middle", fill: o.color, "font-size": 9 });
  for (const c of withheld) {
    const text = svgEl(doc, "text", { x: px(x(periodMidDate(c.period))), y: f.bottom - 4 - (o.dy ?? 0), "data-period": c.period, "data-state": "suppressed" }, WITHHELD_MARK);
    text.append(titleEl(doc, `${o.label}\n${formatPeriod(c.period, o.lang)}: ${WITHHELD_MARK} ${t(o.lang, "suppressedLegend")}`));
    g.append(text);
  }
  return g;
}

/** A faint band behind the selected period, within the plotting area (a period reaching past the chart's ends is cut at them). */
export function periodBand(doc: Document, f: ChartFrame, x: X, period: string | undefined): SVGRectElement | null {
  if (!period) return null;
  const x1 = Math.max(f.left, x(periodStartDate(period)));
  const x2 = Math.min(f.right, x(periodEndDate(period)));
  if (!(x2 > x1)) return null;
  return svgEl(doc, "rect", { class: "selected-period", x: px(x1), width: px(x2 - x1), y: f.top, height: px(f.bottom - f.top), fill: "#000", "fill-opacity": 0.05, "data-period": period });
}

/** The legend entry of the selected period's band (periodBand), so the grey area is explained: "harmaa alue: valittu jakso Q3/2021". */
export function periodBandLegend(period: string, lang: Lang): { label: string; band: true } {
  return { label: t(lang, "selectedPeriodBand", { period: formatPeriod(period, lang) }), band: true };
}

/** The chart's caption: its message in words, then the measures marked on it ("▾ name"), as a list. */
export function chartCaption(doc: Document, text: string, rules: readonly ChartRule[] | undefined): HTMLElement {
  const caption = doc.createElement("figcaption");
  caption.textContent = text;
  if (rules?.length) {
    const list = doc.createElement("ul");
    list.className = "rule-list";
    for (const r of rules) {
      const li = doc.createElement("li");
      li.textContent = `▾ ${r.title}`;
      list.append(li);
    }
    caption.append(list);
  }
  return caption;
}

/** About this many ticks on the value axis of a chart over time. */
export const Y_TICKS = 5;

/**
 * The frame, scales and axes of a chart over time (trend, XmR): room above
 * for the measures' marks when there are any, and below for the row of
 * target statuses when there is one. The y scale is d3's, made nice (it ends
 * on labelled ticks); the domain and range it ends up with are written on the
 * <svg> (data-y-domain, data-y-range), so a test or tool can read a mark's
 * value back from its pixel.
 */
export function timeChartFrame(doc: Document, o: { width?: number; height: number; rules: boolean; statuses: boolean; label: string; xDomain: [Date, Date]; yDomain: [number, number]; measure: string; lang: Lang }): { f: ChartFrame; x: X; y: Scale } {
  const f = chartFrame(doc, {
    width: o.width ?? 640,
    height: o.height + (o.statuses ? 22 : 0),
    margin: { top: o.rules ? 18 : 10, right: 16, bottom: o.statuses ? 50 : 28, left: 52 },
    label: o.label,
  });
  const x = timeScale(o.xDomain, [f.left, f.right]);
  const y = linearScale(o.yDomain, [f.bottom, f.top], { nice: Y_TICKS });
  const yTicks = y.ticks(Y_TICKS);
  f.svg.setAttribute("data-y-domain", y.domain().join(","));
  f.svg.setAttribute("data-y-range", y.range().join(","));
  f.svg.append(yAxis(doc, f, y, yTicks, tickFormat(yTicks, o.measure, o.lang)), timeAxis(doc, f, x));
  return { f, x, y };
}

/**
 * A chart over time with what every such chart draws under its data: the
 * frame (timeChartFrame), the selected period's band, the targets and the
 * rules. The trend and XmR charts differ only in what they draw on top.
 */
export function timeChartBackdrop(
  doc: Document,
  o: { width?: number; height: number; statuses: boolean; label: string; xDomain: [Date, Date]; yDomain: [number, number]; measure: string; lang: Lang; selectedPeriod?: string; targets?: readonly TargetLike[]; first: string; last: string; rules: readonly ChartRule[]; breaks?: readonly string[] },
): { f: ChartFrame; x: X; y: Scale; band: SVGRectElement | null; ruled: { g: SVGGElement; shown: ChartRule[] } | null } {
  const { f, x, y } = timeChartFrame(doc, { width: o.width, height: o.height, rules: o.rules.length > 0, statuses: o.statuses, label: o.label, xDomain: o.xDomain, yDomain: o.yDomain, measure: o.measure, lang: o.lang });
  const band = periodBand(doc, f, x, o.selectedPeriod);
  if (band) f.svg.append(band);
  const targetG = targetMarks(doc, f, x, y, o.targets, o.first, o.last, o.measure, o.lang);
  if (targetG) f.svg.append(targetG);
  const ruled = ruleMarks(doc, f, x, o.rules, o.xDomain, o.breaks ? { breaks: o.breaks } : {});
  if (ruled) f.svg.append(ruled.g);
  return { f, x, y, band, ruled };
}
