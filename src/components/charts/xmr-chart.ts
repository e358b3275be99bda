// An XmR control chart of a monthly series, as in NHS England's "Making Data
// Count": the values, the mean and the process limits (mean ± 2.66 × the mean
// moving range) of each process, points coloured and shaped by the special
// cause they belong to, the variation icon (improvement / concern / common
// cause / neither, by the indicator's direction) and the assurance icon (pass /
// fail / hit-and-miss against the target), as NHS England's SPC v2.6 computes
// them. Limits are recalculated from the start date of a development measure
// the indicator follows and from a recorded recalculation: the limits break
// there, and the chart says why. With fewer values than the minimum (13 by
// default) the chart gets no limits, and says so. Months without a value are
// ghosted points, left out of the calculations; withheld months are ".."
// markers, not gaps; the target is a step line with ✓ / ✗ per month. All
// numbers come from lib/analysis/spc.ts and lib/analysis/targets.ts; this only draws them.
import { WITHHELD_MARK, formatDate, formatPeriod, formatValueWithUnit, type Lang } from "../../lib/format.js";
import { t, type StringKey } from "../../lib/i18n.js";
import { periodEnd, periodEndDate, periodMidDate, periodStart, periodStartDate } from "../../lib/periods.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";
import { type AssuranceIcon, type Direction, type PointVariation, type Recalculation, type SpcFlag, type SpcRule, type SpcSettings, type VariationIcon, type XmrSegment } from "../../lib/analysis/spc.js";
import { type SeriesSpc, seriesSpc } from "../../lib/analysis/status.js";
import { type TargetLike, targetForPeriod, targetSteps } from "../../lib/analysis/targets.js";
import { COLORS, type ChartRule, TARGET_SYMBOL, ruleDate, describeTargetPeriods, formatTarget, hasValue, targetStatuses } from "./chart-common.js";
import { chartCaption, periodBandLegend, statusRow, suppressedMarks, timeChartBackdrop } from "./chart-marks.js";
import { assuranceText, breakText, variationText } from "./xmr-chart-text.js";
import { type LegendEntry, legend, linePath, paddedDomain, px, svgEl, titleEl } from "./svg.js";
import { chartDataDetails, type DataColumn, dataTable } from "../../lib/tables/a11y.js";
import { appendTableLegend, cellWords, figureNode, withheldLegendNote } from "../../lib/tables/chart-tables.js";
import { type DownloadSource, downloads } from "../site/downloads.js";

/** MDC's colours: grey common cause, blue improvement, orange concern, purple neither. */
export const SPC_COLORS: Record<PointVariation, string> = { "common-cause": "#7f7f7f", improvement: COLORS.better, concern: COLORS.worse, neither: "#7b3294" };
const ASSURANCE_COLORS: Record<AssuranceIcon, string> = { pass: COLORS.better, fail: COLORS.worse, "hit-and-miss": "#7f7f7f" };

const POINT_KEYS: Record<PointVariation, StringKey> = { "common-cause": "spcCommon", improvement: "spcImprovement", concern: "spcConcern", neither: "spcNeither" };
const RULE_KEYS: Record<SpcRule, StringKey> = { "outside-limits": "spcRuleOutside", shift: "spcRuleShift", trend: "spcRuleTrend", "two-of-three": "spcRuleTwoOfThree" };

export { assuranceText, variationText };

/** A rule's words; a shift and a trend say their number of points. */
function ruleText(flag: SpcFlag, settings: SpcSettings, lang: Lang): string {
  return t(lang, RULE_KEYS[flag.rule], { n: flag.rule === "trend" ? settings.trendPoints : settings.shiftPoints });
}
export type XmrModel = SeriesSpc;

/** A date (YYYY, YYYY-MM or YYYY-MM-DD) as its first day. */
const firstDay = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

/** The XmR chart's numbers (lib/analysis/status.ts seriesSpc): processes split at the breaks inside the series, icons of the latest. */
export const xmrModel = seriesSpc;

/**
 * Why the limits were recalculated where a partition starts: the titles of the
 * rules (measures' starts) on that date, and the reasons given with the break
 * that are not one of those titles (recorded recalculations).
 */
function breakReasons(segment: XmrSegment, rules: readonly ChartRule[]): { titles: string[]; recorded: string[] } {
  const titles = rules.filter((r) => r.kind !== "milestone" && firstDay(r.date) === segment.breakDate).map((r) => r.title);
  return { titles, recorded: segment.reasons.filter((reason) => !titles.includes(reason)) };
}

/** A variation icon as MDC draws it, small and in SVG: a ring in the icon's colour with H or L (or a flat zigzag for common cause), and its words beside it. */
export function variationIconEl(icon: VariationIcon, lang: Lang, doc: Document = document): HTMLElement {
  const [kind, side] = icon === "common-cause" ? ["common-cause", null] : (icon.split("-") as [PointVariation, "high" | "low"]);
  const color = SPC_COLORS[kind as PointVariation];
  const svg = iconSvg(doc, color);
  if (side === null) {
    svg.append(svgEl(doc, "path", { d: "M6,15L9.5,11L13,16L16.5,11.5L22,14.5", fill: "none", stroke: color, "stroke-width": 2, "stroke-linejoin": "round" }));
  } else {
    svg.append(svgEl(doc, "text", { x: 14, y: 14, dy: "0.36em", "text-anchor": "middle", "font-size": 12, "font-weight": "bold", fill: color }, side === "high" ? "H" : "L"));
    svg.append(svgEl(doc, "path", { d: side === "high" ? "M10.5,7.5L14,3.5L17.5,7.5Z" : "M10.5,20.5L14,24.5L17.5,20.5Z", fill: color }));
  }
  return iconWithLabel(doc, svg, `${t(lang, "spcVariation")}: ${variationText(icon, lang)}`, { variation: icon });
}

/** An assurance icon: a ring with P (pass), F (fail) or ? (hit and miss), and its words beside it. */
export function assuranceIconEl(icon: AssuranceIcon, lang: Lang, doc: Document = document): HTMLElement {
  const color = ASSURANCE_COLORS[icon];
  const svg = iconSvg(doc, color);
  svg.append(svgEl(doc, "text", { x: 14, y: 14, dy: "0.36em", "text-anchor": "middle", "font-size": 13, "font-weight": "bold", fill: color }, icon === "pass" ? "P" : icon === "fail" ? "F" : "?"));
  return iconWithLabel(doc, svg, `${t(lang, "spcAssurance")}: ${assuranceText(icon, lang)}`, { assurance: icon });
}

function iconSvg(doc: Document, color: string): SVGSVGElement {
  return svgEl(doc, "svg", { width: 28, height: 28, viewBox: "0 0 28 28", "aria-hidden": "true", class: "spc-icon-shape" },
    svgEl(doc, "circle", { cx: 14, cy: 14, r: 12.5, fill: "white", stroke: color, "stroke-width": 2 }));
}

function iconWithLabel(doc: Document, svg: SVGSVGElement, label: string, data: Record<string, string>): HTMLElement {
  const span = doc.createElement("span");
  span.className = "spc-icon";
  for (const [k, v] of Object.entries(data)) span.dataset[k] = v;
  const text = doc.createElement("span");
  text.className = "spc-icon-label";
  text.textContent = label;
  span.append(svg, text);
  return span;
}

export interface XmrChartOptions {
  name: string;
  /** Whose series this is ("Koko kaupunki", a unit's name). */
  scope: string;
  measure: string;
  direction: Direction;
  targets?: readonly TargetLike[];
  /** Annotations on the time axis: development measures' start dates (or programme milestones). */
  rules?: readonly ChartRule[];
  /** Dates from which the limits are recalculated: start dates of the development measures the indicator follows, recorded recalculations with their reasons. */
  breaks?: readonly (string | Recalculation)[];
  /** The indicator's SPC settings (lib/analysis/spc.ts spcSettingsFor); v2.6's defaults when absent. */
  spc?: Partial<SpcSettings> | null;
  /** What the series is, written on the figure as data-* (for tests and tools). */
  indicator?: string;
  unit?: string;
  selectedPeriod?: string;
  /** With the extract's manifest, "Lataa: CSV · SVG · PNG" under the chart (the XmR table, the chart with title, source and date). */
  downloads?: DownloadSource;
  lang?: Lang;
  width?: number;
  height?: number;
  document?: Document;
}

/** One point's shape: circle (common cause, improvement), square (concern), diamond (neither) — so the status is not told by colour alone. */
function pointShape(doc: Document, kind: PointVariation, cx: number, cy: number, attrs: Record<string, string>): SVGElement {
  const color = SPC_COLORS[kind];
  if (kind === "concern") return svgEl(doc, "rect", { x: px(cx - 4), y: px(cy - 4), width: 8, height: 8, fill: color, ...attrs });
  if (kind === "neither") return svgEl(doc, "path", { d: `M${px(cx)},${px(cy - 5)}L${px(cx + 5)},${px(cy)}L${px(cx)},${px(cy + 5)}L${px(cx - 5)},${px(cy)}Z`, fill: color, ...attrs });
  return svgEl(doc, "circle", { cx: px(cx), cy: px(cy), r: kind === "improvement" ? 4.5 : 3, fill: color, ...attrs });
}

const POINT_SYMBOL: Record<PointVariation, string> = { "common-cause": "●", improvement: "●", concern: "■", neither: "◆" };

export function xmrChart(cells: readonly Cell[], o: XmrChartOptions): HTMLElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  // Each chart sets up its own <figure> and data attributes (as the funnel does): a few lines alike on purpose.
  const figure = doc.createElement("figure");
  figure.className = "xmr-chart";
  figure.dataset.xmr = "true";
  if (o.indicator) figure.dataset.indicatorChart = o.indicator;
  figure.dataset.unitChart = o.unit ?? "ALL";
  const model = xmrModel(cells, { direction: o.direction, targets: o.targets, breaks: o.breaks, settings: o.spc });
  const valuedCount = cells.filter(hasValue).length;
  if (!valuedCount) {
    const p = doc.createElement("p");
    p.className = "no-data";
    p.textContent = `${o.name}, ${o.scope}: ${t(lang, "chartNoData")}`;
    figure.append(p);
    return figure;
  }
  figure.dataset.variation = model.variation ?? "none";
  figure.dataset.assurance = model.assurance ?? "none";
  figure.dataset.limits = model.latest?.limits ? "yes" : "none";
  const first = cells[0].period;
  const last = cells[cells.length - 1].period;

  // The words first: icons with labels, then what the chart shows.
  const sentences: string[] = [];
  const latest = model.latest!;
  const min = model.settings.minimumPoints;
  const fromText = (s: XmrSegment) => formatPeriod(s.points[0].period, lang);
  const fmt = (v: number) => formatValueWithUnit(v, o.measure, lang);
  if (latest.limits) {
    sentences.push(t(lang, "xmrSummary", { name: o.name, scope: o.scope, mean: fmt(latest.limits.mean), lower: fmt(latest.limits.lower), upper: fmt(latest.limits.upper), n: latest.limits.n, from: fromText(latest) }));
    if (latest.short) sentences.push(t(lang, "xmrShortPartition", { n: latest.limits.n, min: model.settings.minimumPointsPartition }));
  } else if (!model.spc) {
    sentences.push(`${o.name}, ${o.scope}: ${t(lang, "xmrTooFew", { n: model.points, min })}`);
  } else {
    sentences.push(`${o.name}, ${o.scope}: ${t(lang, "xmrNoLimitsShort", { min: 2 })}`);
  }
  const lastValued = [...cells].reverse().find(hasValue);
  if (lastValued) {
    sentences.push(t(lang, "xmrLatest", { period: formatPeriod(lastValued.period, lang), value: cellWords(lastValued, o.measure, lang), variation: model.variation ? variationText(model.variation, lang).toLowerCase() : t(lang, "noVerdict").toLowerCase() }));
  }
  if (model.target) {
    sentences.push(model.assurance
      ? t(lang, "xmrAssurance", { target: formatTarget(model.target, o.measure, lang), assurance: assuranceText(model.assurance, lang).toLowerCase() })
      : t(lang, "chartTarget", { target: formatTarget(model.target, o.measure, lang) }));
  }
  const breakRules = (o.rules ?? []).filter((r) => r.kind !== "milestone" && model.breaks.includes(firstDay(r.date)));
  // Every break is a rule: a measure's start is its rule; a break no such rule marks, or one with a recorded reason, gets its own.
  const breakMarks: ChartRule[] = [];
  for (const s of model.segments) {
    if (!s.breakDate) continue;
    const { titles, recorded } = breakReasons(s, breakRules);
    sentences.push(breakText(s.breakDate, [...titles, ...recorded], lang));
    if (!titles.length || recorded.length) breakMarks.push({ date: s.breakDate, title: recorded.length ? t(lang, "xmrRecorded", { reason: recorded.join("; ") }) : t(lang, "xmrBreakColumn"), kind: "recalculation" });
  }
  const ghosted = model.rows.filter((r) => r.ghost).length;
  if (ghosted) sentences.push(t(lang, "xmrGhosted", { count: ghosted }));
  const specialMonths = model.rows.filter((r) => r.variation !== null && r.variation !== "common-cause").length;
  if (model.segments.some((s) => s.limits)) sentences.push(t(lang, "xmrSpecialCount", { count: specialMonths }));
  const targetPeriods = describeTargetPeriods(cells, o.targets, o.measure, lang);
  if (targetPeriods) sentences.push(targetPeriods);

  const header = doc.createElement("div");
  header.className = "xmr-header";
  if (model.variation) header.append(variationIconEl(model.variation, lang, doc));
  if (model.assurance) header.append(assuranceIconEl(model.assurance, lang, doc));
  if (!model.spc) {
    const note = doc.createElement("p");
    note.className = "xmr-too-few";
    note.textContent = t(lang, "xmrTooFew", { n: model.points, min });
    header.append(note);
  }
  figure.append(header);

  // The chart.
  const steps = o.targets?.length ? targetSteps(o.targets, periodStart(first), periodEnd(last)) : [];
  const statuses = targetStatuses(cells, o.targets);
  const limitValues = model.segments.flatMap((s) => (s.limits ? [s.limits.lower, s.limits.upper, s.limits.mean] : []));
  const yDomain = paddedDomain([...cells.filter(hasValue).map((c) => c.value as number), ...limitValues, ...steps.map((s) => s.value)], o.measure);
  const xDomain: [Date, Date] = [periodStartDate(first), periodEndDate(last)];
  const rules = [...(o.rules ?? []), ...breakMarks];
  const { f, x, y, band, ruled } = timeChartBackdrop(doc, {
    width: o.width, height: o.height ?? 260, statuses: statuses.length > 0,
    label: t(lang, "xmrTitle", { name: o.name }), xDomain, yDomain, measure: o.measure, lang,
    selectedPeriod: o.selectedPeriod, targets: o.targets, first, last, rules, breaks: [...breakRules, ...breakMarks].map((r) => r.date),
  });
  const svg = f.svg;
  // A short label at the top of each break's rule; the caption and the table say why.
  const breakLabels = svgEl(doc, "g", { class: "xmr-break-labels", fill: COLORS.rule, "font-size": 10, stroke: "white", "stroke-width": 3, "paint-order": "stroke" });
  for (const date of model.breaks) {
    const xx = x(ruleDate(date));
    const nearEnd = xx > f.right - 60;
    breakLabels.append(svgEl(doc, "text", { x: px(nearEnd ? xx - 3 : xx + 3), y: f.top + 10, "text-anchor": nearEnd ? "end" : "start", "data-break": date }, t(lang, "xmrBreakLabel")));
  }
  if (model.breaks.length) svg.append(breakLabels);

  // Mean and process limits of each process; a break starts new ones.
  const limitsG = svgEl(doc, "g", { class: "xmr-limits", fill: "none" });
  model.segments.forEach((s, i) => {
    const x1 = px(x(periodStartDate(s.points[0].period)));
    const x2 = px(x(periodEndDate(s.points[s.points.length - 1].period)));
    if (!s.limits) {
      limitsG.append(svgEl(doc, "text", { class: "xmr-no-limits", x: px((x1 + x2) / 2), y: f.top + 10, "text-anchor": "middle", fill: COLORS.neutral, "font-style": "italic", "data-segment": i },
        t(lang, "xmrNoLimitsShort", { min: model.spc ? 2 : min })));
      return;
    }
    const lines: [string, number, string, string][] = [
      ["upper", s.limits.upper, "4,3", t(lang, "xmrUpper")],
      ["mean", s.limits.mean, "", t(lang, "xmrMean")],
      ["lower", s.limits.lower, "4,3", t(lang, "xmrLower")],
    ];
    for (const [kind, value, dash, label] of lines) {
      // A share's limit beyond 0 or 100 % is drawn at the edge (its title and data-value keep the formula's value).
      const yy = px(Math.max(f.top, Math.min(f.bottom, y(value))));
      limitsG.append(svgEl(doc, "line", {
        x1, x2, y1: yy, y2: yy, stroke: kind === "mean" ? "#4d4d4d" : "#8c8c8c", "stroke-width": kind === "mean" ? 1.5 : 1.2, "stroke-dasharray": dash || null,
        "data-line": kind, "data-segment": i, "data-value": String(value), "data-from": s.points[0].period, "data-to": s.points[s.points.length - 1].period,
      }, titleEl(doc, `${label}: ${fmt(value)} (${formatPeriod(s.points[0].period, lang)}–${formatPeriod(s.points[s.points.length - 1].period, lang)})`)));
    }
  });
  svg.append(limitsG);

  // The values: a line per process (d3-shape's line), broken at months without a value, each point shaped by its special cause.
  const line = svgEl(doc, "g", { class: "xmr-line", fill: "none", stroke: COLORS.whole, "stroke-width": 1.5 });
  for (const s of model.segments) {
    line.append(svgEl(doc, "path", { d: linePath(s.points, (p) => x(periodMidDate(p.period)), (p) => y(p.value as number), (p) => p.value !== null) }));
  }
  svg.append(line);
  const pointsG = svgEl(doc, "g", { class: "xmr-points" });
  const cellOf = new Map(cells.map((c) => [c.period, c]));
  const kinds = new Set<PointVariation>();
  for (const row of model.rows) {
    if (row.value === null) continue;
    const kind = row.variation ?? "common-cause";
    kinds.add(kind);
    const cell = cellOf.get(row.period)!;
    const rulesText = [...new Set(row.flags.map((fl) => ruleText(fl, model.settings, lang)))].join("; ");
    const target = o.targets?.length ? targetForPeriod(o.targets, row.period) : null;
    const met = statuses.find((st) => st.period === row.period);
    const title = [
      `${o.scope}\n${formatPeriod(row.period, lang)}: ${cellWords(cell, o.measure, lang)}`,
      `${t(lang, POINT_KEYS[kind])}${rulesText ? ` (${rulesText})` : ""}`,
      target && met ? `${t(lang, "target")} ${formatTarget(target, o.measure, lang)}: ${t(lang, met.met ? "targetMet" : "targetNotMet")}` : "",
    ].filter(Boolean).join("\n");
    const el = pointShape(doc, kind, x(periodMidDate(row.period)), y(row.value), {
      "data-period": row.period, "data-value": String(cell.value), "data-variation": kind, "data-segment": String(row.segment),
      "data-rules": row.flags.map((fl) => fl.rule).join(" "),
    });
    el.append(titleEl(doc, title));
    pointsG.append(el);
  }
  svg.append(pointsG);
  const withheld = suppressedMarks(doc, f, x, cells, { label: o.scope, color: COLORS.neutral, lang });
  if (withheld) svg.append(withheld);
  const row = statusRow(doc, f, x, statuses, { measure: o.measure, lang });
  if (row) svg.append(row);

  const entries: LegendEntry[] = [];
  if (model.segments.some((s) => s.limits)) entries.push({ label: t(lang, "xmrMean"), color: "#4d4d4d" }, { label: t(lang, "xmrLimits"), color: "#8c8c8c", dash: "4,3" });
  for (const kind of ["common-cause", "improvement", "concern", "neither"] as const) if (kinds.has(kind)) entries.push({ label: t(lang, POINT_KEYS[kind]), symbol: POINT_SYMBOL[kind], color: SPC_COLORS[kind] });
  if (model.breaks.length) entries.push({ label: t(lang, "xmrBreakLegend"), color: COLORS.rule, dash: "6,3" });
  if (steps.length) entries.push({ label: t(lang, "target"), color: COLORS.target, dash: "5,4" });
  if (statuses.length) entries.push({ label: t(lang, "targetMet"), symbol: TARGET_SYMBOL.met, color: COLORS.better }, { label: t(lang, "targetNotMet"), symbol: TARGET_SYMBOL.notMet, color: COLORS.worse });
  const anyWithheld = cells.some((c) => c.suppressed);
  if (anyWithheld) entries.push({ label: t(lang, "suppressedSpoken"), symbol: WITHHELD_MARK, color: COLORS.neutral });
  if (band) entries.push(periodBandLegend(o.selectedPeriod!, lang));
  figure.append(legend(doc, entries), svg);
  if (o.downloads) {
    figure.append(downloads({
      title: `${t(lang, "xmrTitle", { name: o.name })}, ${o.scope}`, table: () => xmrTable(cells, { ...o, lang, document: doc }), chart: () => figure,
      manifest: o.downloads, lang, document: doc,
    }));
  }

  const caption = chartCaption(doc, sentences.join(" "), ruled?.shown);
  if (anyWithheld) caption.append(withheldLegendNote(lang, doc));
  figure.append(caption);
  return figure;
}

/**
 * The XmR chart's data as a table (the chart's accessible version): per
 * month the value, the mean and the process limits in force, what the point
 * signals (and by which rule), and the target in force with ✓ / ✗. A withheld
 * month shows ".." and is read out in words.
 */
export function xmrTable(cells: readonly Cell[], o: Omit<XmrChartOptions, "width" | "height">): HTMLTableElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const model = xmrModel(cells, { direction: o.direction, targets: o.targets, breaks: o.breaks, settings: o.spc });
  const rowOf = new Map(model.rows.map((r) => [r.period, r]));
  const fmt = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? "–" : formatValueWithUnit(v, o.measure, lang));
  const columns: DataColumn<Cell>[] = [
    { label: t(lang, "periodColumn"), value: (c) => formatPeriod(c.period, lang) },
    { label: t(lang, "value"), numeric: true, value: (c) => figureNode(c, o.measure, lang, doc) },
    { label: t(lang, "xmrMean"), numeric: true, value: (c) => fmt(rowOf.get(c.period)?.mean) },
    { label: t(lang, "xmrLower"), numeric: true, value: (c) => fmt(rowOf.get(c.period)?.lower) },
    { label: t(lang, "xmrUpper"), numeric: true, value: (c) => fmt(rowOf.get(c.period)?.upper) },
    {
      label: t(lang, "signal"),
      value: (c) => {
        const row = rowOf.get(c.period);
        if (!row || row.value === null) return "–";
        const kind = row.variation ?? "common-cause";
        const rules = [...new Set(row.flags.map((fl) => ruleText(fl, model.settings, lang)))].join("; ");
        return `${POINT_SYMBOL[kind]} ${t(lang, POINT_KEYS[kind])}${rules ? ` (${rules})` : ""}`;
      },
    },
  ];
  if (model.breaks.length) {
    // On the first month of each process after a break: from when, and why (as the caption says it).
    const firstOfSegment = new Map<string, XmrSegment>();
    let previous = -1;
    for (const c of cells) {
      const segment = rowOf.get(c.period)?.segment ?? previous;
      if (segment !== previous && model.segments[segment]?.breakDate) firstOfSegment.set(c.period, model.segments[segment]);
      previous = segment;
    }
    const breakRules = (o.rules ?? []).filter((r) => r.kind !== "milestone");
    columns.push({
      label: t(lang, "xmrBreakColumn"),
      value: (c) => {
        const segment = firstOfSegment.get(c.period);
        if (!segment) return "";
        const { titles, recorded } = breakReasons(segment, breakRules);
        return `${formatDate(segment.breakDate!, lang)}: ${[...titles, ...recorded].join("; ") || "–"}`;
      },
    });
  }
  if (o.targets?.length) {
    const statuses = new Map(targetStatuses(cells, o.targets).map((st) => [st.period, st]));
    columns.push({
      label: t(lang, "targetInForce"),
      value: (c) => {
        const target = targetForPeriod(o.targets!, c.period);
        if (!target) return "–";
        const st = statuses.get(c.period);
        return `${formatTarget(target, o.measure, lang)}${st ? `: ${st.met ? TARGET_SYMBOL.met : TARGET_SYMBOL.notMet} ${t(lang, st.met ? "targetMet" : "targetNotMet")}` : ""}`;
      },
    });
  }
  const table = dataTable(cells, columns, { caption: t(lang, "chartDataCaption", { name: `${t(lang, "xmrTitle", { name: o.name })}, ${o.scope}` }), className: "chart-table xmr-table", document: doc });
  if (cells.some((c) => c.suppressed)) appendTableLegend(table, lang, doc);
  return table;
}

/** The XmR table in a closed <details>, for below the chart. */
export function xmrTableDetails(cells: readonly Cell[], o: Omit<XmrChartOptions, "width" | "height">): HTMLDetailsElement {
  return chartDataDetails(t(o.lang ?? "fi", "chartData"), () => xmrTable(cells, o), o.document ?? document);
}
