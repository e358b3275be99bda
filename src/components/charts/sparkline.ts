// A small trend line without axes for the overview cards: the series, the
// target as a dashed step line, withheld periods as small rings along the
// bottom and the latest point. Its scales and path are d3's (svg.ts), no axes.
import type { Lang } from "../../lib/format.js";
import { t } from "../../lib/i18n.js";
import { periodEnd, periodEndDate, periodMidDate, periodStart, periodStartDate } from "../../lib/periods.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";
import { type TargetLike, targetSteps } from "../../lib/analysis/targets.js";
import { COLORS, describeTrend, hasValue, ruleDate } from "./chart-common.js";
import { paddedDomain, linePath, linearScale, px, svgEl, timeScale } from "./svg.js";

export interface SparklineOptions {
  name: string;
  scope: string;
  measure: string;
  targets?: readonly TargetLike[];
  direction?: "higher" | "lower" | null;
  lang?: Lang;
  width?: number;
  height?: number;
  document?: Document;
}

export function sparkline(cells: readonly Cell[], o: SparklineOptions): HTMLElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const summary = describeTrend(cells, { name: o.name, scope: o.scope, measure: o.measure, targets: o.targets, lang });
  const figure = doc.createElement("figure");
  figure.className = "sparkline";
  figure.setAttribute("aria-label", summary);
  figure.setAttribute("role", "img");
  const valued = cells.filter(hasValue);
  if (!valued.length) {
    figure.textContent = t(lang, "chartNoData");
    return figure;
  }
  const width = o.width ?? 200;
  const height = o.height ?? 44;
  const first = cells[0].period;
  const last = cells[cells.length - 1].period;
  const steps = o.targets?.length ? targetSteps(o.targets, periodStart(first), periodEnd(last)) : [];
  const x = timeScale([periodStartDate(first), periodEndDate(last)], [4, width - 6]);
  const y = linearScale(paddedDomain([...valued.map((c) => c.value), ...steps.map((s) => s.value)], "", 0.12), [height - 4, 4]);
  const svg = svgEl(doc, "svg", { width, height, viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", style: "max-width:100%;height:auto;overflow:visible" });
  for (const s of steps) {
    svg.append(svgEl(doc, "line", { x1: px(x(ruleDate(s.from))), x2: px(x(ruleDate(s.until))), y1: px(y(s.value)), y2: px(y(s.value)), stroke: COLORS.target, "stroke-dasharray": "3,3" }));
  }
  // One path that breaks where a period has no value; withheld periods as small rings along the bottom.
  svg.append(svgEl(doc, "path", { d: linePath(cells, (c) => x(periodMidDate(c.period)), (c) => y(c.value as number), hasValue), fill: "none", stroke: COLORS.whole, "stroke-width": 1.5 }));
  for (const c of cells.filter((c) => c.suppressed)) {
    svg.append(svgEl(doc, "circle", { cx: px(x(periodMidDate(c.period))), cy: height - 2, r: 1.5, stroke: COLORS.neutral, fill: "none" }));
  }
  const lastPoint = valued[valued.length - 1];
  svg.append(svgEl(doc, "circle", { cx: px(x(periodMidDate(lastPoint.period))), cy: px(y(lastPoint.value)), r: 2.5, fill: COLORS.whole }));
  figure.append(svg);
  return figure;
}
