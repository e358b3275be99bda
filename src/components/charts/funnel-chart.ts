// A funnel plot of a share across units for one period: each unit's share
// against its denominator, with 95 % and 99.8 % limits around the whole
// city's published share (lib/analysis/funnel.ts: p ± z √(p(1 − p)/n)) that narrow as
// the denominator grows. Units beyond the limits are named — by name order,
// never ranked — and units whose cell is withheld are listed as withheld, not
// plotted. No colours for good and bad: a unit outside the limits is marked
// by its shape and its name.
import { max, min } from "d3-array";
import { classifyUnit, type FunnelClass, funnelClassOf, funnelLimits, Z95, Z998 } from "../../lib/analysis/funnel.js";
import type { CellStatus } from "../../lib/analysis/statuses.js";
import { formatCount, formatNumber, formatPeriod, tickFormat, type Lang } from "../../lib/format.js";
import { appendTableLegend, cellWords, figureNode, withheldLegendNote } from "../../lib/tables/chart-tables.js";
import { dataTable } from "../../lib/tables/a11y.js";
import { type DownloadSource, downloads } from "../site/downloads.js";
import { t, type StringKey } from "../../lib/i18n.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";
import { type TargetLike, targetForPeriod } from "../../lib/analysis/targets.js";
import { COLORS, formatTarget, hasValue } from "./chart-common.js";
import { chartFrame, legend, linePath, linearScale, numberAxis, px, svgEl, titleEl, yAxis } from "./svg.js";

export interface FunnelChartOptions {
  name: string;
  measure: string;
  period: string;
  /** The units to consider, in name order (the caller sorts by name). */
  units: readonly { unit_id: string; name: string }[];
  targets?: readonly TargetLike[];
  /** The indicator's direction: how the statuses' better and worse map to above and below. */
  direction?: "higher" | "lower" | null;
  indicator?: string;
  /** With the extract's manifest, "Lataa: CSV · SVG · PNG" under the chart (its data table, the chart with title, source and date). */
  downloads?: DownloadSource;
  lang?: Lang;
  width?: number;
  height?: number;
  document?: Document;
}

export interface FunnelUnitRow {
  unit_id: string;
  name: string;
  cell: Cell | undefined;
  /** Null when not plotted (withheld, not written, or without counts). */
  funnel: FunnelClass | null;
}

const CLASS_KEYS: Record<Exclude<FunnelClass, "within">, StringKey> = {
  "above-99.8": "funnelAbove998",
  "below-99.8": "funnelBelow998",
  "above-95": "funnelAbove95",
  "below-95": "funnelBelow95",
};

/** The overall share p: the published value of the whole city's cell (unit ALL), or null. */
export function funnelCentre(whole: Cell | undefined): number | null {
  return hasValue(whole) && whole.value >= 0 && whole.value <= 1 ? whole.value : null;
}

/** Where each unit lies (null when it is not plotted), in the given order: the comparison with the city its status carries (lib/analysis/statuses.ts), else worked out from its counts the same way. */
export function funnelRows(unitCells: readonly (Cell & { status?: CellStatus | null })[], p: number, o: Pick<FunnelChartOptions, "units" | "period" | "direction">): FunnelUnitRow[] {
  const byUnit = new Map(unitCells.filter((c) => c.period === o.period).map((c) => [c.unit_id, c]));
  return o.units.map((u) => {
    const cell = byUnit.get(u.unit_id);
    const status = cell?.status;
    const plotted = hasValue(cell) && cell.numerator !== null && cell.denominator !== null && cell.denominator > 0;
    return { ...u, cell, funnel: plotted ? (status ? funnelClassOf(status, o.direction ?? null) : classifyUnit(cell, p)) : null };
  });
}

let clipCounter = 0;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
/** A generous width of a character of the 10 px labels (bold included), so an estimated box is never narrower than the text. */
const CHAR_WIDTH = 6.2;
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function funnelChart(unitCells: readonly Cell[], whole: Cell | undefined, o: FunnelChartOptions): HTMLElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  // Each chart sets up its own <figure> and data attributes (as the XmR chart does): a few lines alike on purpose.
  const figure = doc.createElement("figure");
  figure.className = "funnel-chart";
  figure.dataset.funnel = "true";
  if (o.indicator) figure.dataset.indicatorChart = o.indicator;
  figure.dataset.period = o.period;
  const p = funnelCentre(whole);
  if (p === null) {
    const note = doc.createElement("p");
    note.className = "no-data";
    note.textContent = `${o.name}, ${formatPeriod(o.period, lang)}: ${t(lang, "funnelNoP")}`;
    figure.append(note);
    return figure;
  }
  figure.dataset.p = String(p);
  const rows = funnelRows(unitCells, p, o);
  const plotted = rows.filter((r) => r.funnel !== null) as (FunnelUnitRow & { cell: Cell & { value: number; numerator: number; denominator: number }; funnel: FunnelClass })[];
  const withheld = rows.filter((r) => r.cell?.suppressed);
  figure.dataset.suppressedUnits = withheld.map((r) => r.unit_id).join(" ");
  const noCounts = rows.filter((r) => r.funnel === null && hasValue(r.cell));
  const target = o.targets?.length ? targetForPeriod(o.targets, o.period) : null;

  // Words: the whole, the units beyond the limits by name (in name order), the withheld ones.
  const summary = [t(lang, "funnelSummary", { name: o.name, period: formatPeriod(o.period, lang), p: cellWords(whole, o.measure, lang), count: plotted.length })];
  if (target) summary.push(t(lang, "chartTarget", { target: formatTarget(target, o.measure, lang) }));
  const outliers = (Object.keys(CLASS_KEYS) as (keyof typeof CLASS_KEYS)[])
    .map((k) => ({ k, rows: plotted.filter((r) => r.funnel === k) }))
    .filter((g) => g.rows.length);
  const lines: { text: string; units: string[]; kind: string }[] = [];
  if (plotted.length) {
    if (outliers.length) for (const g of outliers) lines.push({ text: `${t(lang, CLASS_KEYS[g.k])}: ${g.rows.map((r) => r.name).join(", ")}.`, units: g.rows.map((r) => r.unit_id), kind: g.k });
    else lines.push({ text: t(lang, "funnelAllWithin"), units: [], kind: "within" });
  }
  if (withheld.length) lines.push({ text: t(lang, "funnelSuppressed", { names: withheld.map((r) => r.name).join(", ") }), units: withheld.map((r) => r.unit_id), kind: "suppressed" });
  if (noCounts.length) lines.push({ text: t(lang, "funnelNoCounts", { names: noCounts.map((r) => r.name).join(", ") }), units: noCounts.map((r) => r.unit_id), kind: "no-counts" });
  const caption = doc.createElement("figcaption");
  caption.append(summary.join(" "));
  if (lines.length) {
    const list = doc.createElement("ul");
    list.className = "funnel-list";
    for (const l of lines) {
      const li = doc.createElement("li");
      li.dataset.funnelGroup = l.kind;
      li.dataset.units = l.units.join(" ");
      li.textContent = l.text;
      list.append(li);
    }
    caption.append(list);
  }
  if (withheld.length || whole?.suppressed) caption.append(withheldLegendNote(lang, doc));

  if (!plotted.length) {
    figure.append(caption);
    return figure;
  }
  const nMax = max(plotted, (r) => r.cell.denominator)!;
  const nMin = Math.max(1, min(plotted, (r) => r.cell.denominator)! * 0.8);
  const f = chartFrame(doc, {
    width: o.width ?? 640,
    height: o.height ?? 340,
    margin: { top: 12, right: 24, bottom: 40, left: 52 },
    label: t(lang, "funnelTitle", { name: o.name }),
  });
  // d3 scales made nice: the denominator axis from 0 to a round number past the largest unit, the share axis to round shares (within 0–100 %).
  const xCount = Math.max(2, Math.floor((f.right - f.left) / 80));
  const x = linearScale([0, nMax * 1.05], [f.left, f.right], { nice: xCount });
  const xMax = x.domain()[1];
  // Denominators spaced geometrically, so the curves are smooth where they bend most (small n).
  const steps = 80;
  const nValues = Array.from({ length: steps + 1 }, (_, i) => nMin * (xMax / nMin) ** (i / steps));
  const limits = funnelLimits(p, nValues);
  const shares = plotted.map((r) => r.cell.value);
  const at = funnelLimits(p, [min(plotted, (r) => r.cell.denominator)!])[0];
  let lo = Math.min(...shares, at.lower998, p, target?.value ?? p);
  let hi = Math.max(...shares, at.upper998, p, target?.value ?? p);
  const pad = (hi - lo || 0.1) * 0.06;
  lo = Math.max(0, lo - pad);
  hi = Math.min(1, hi + pad);
  const y = linearScale([lo, hi], [f.bottom, f.top], { nice: 6 });
  const svg = f.svg;
  svg.setAttribute("data-x-domain", x.domain().join(","));
  svg.setAttribute("data-x-range", x.range().join(","));
  svg.setAttribute("data-y-domain", y.domain().join(","));
  svg.setAttribute("data-y-range", y.range().join(","));
  const yTicks = y.ticks(6);
  // Denominators are counts: whole-number ticks only.
  const xTicks = x.ticks(xCount).filter(Number.isInteger);
  svg.append(yAxis(doc, f, y, yTicks, tickFormat(yTicks, o.measure, lang)));
  svg.append(numberAxis(doc, f, x, xTicks, tickFormat(xTicks, "count", lang), { grid: false }));
  const axisLabel = svgEl(doc, "text", { x: f.right, y: f.bottom + 32, "text-anchor": "end", fill: "currentColor" });
  axisLabel.textContent = `${t(lang, "denominator")} →`;
  svg.append(axisLabel);

  // Clip the curves to the plotting area: at small n the 99.8 % limits leave it.
  const clipId = `funnel-clip-${++clipCounter}`;
  svg.append(svgEl(doc, "defs", {}, svgEl(doc, "clipPath", { id: clipId }, svgEl(doc, "rect", { x: f.left, y: f.top, width: f.right - f.left, height: f.bottom - f.top }))));
  const curves = svgEl(doc, "g", { class: "funnel-limits", fill: "none", "clip-path": `url(#${clipId})` });
  const curve = (key: "lower95" | "upper95" | "lower998" | "upper998") => {
    const is95 = key.endsWith("95");
    const side = key.startsWith("upper") ? "upper" : "lower";
    return svgEl(doc, "path", {
      d: linePath(limits, (l) => x(l.n), (l) => y(l[key])), stroke: "#4d4d4d", "stroke-width": is95 ? 1 : 1.3, "stroke-dasharray": is95 ? "4,3" : null,
      "data-limit": is95 ? "95" : "99.8", "data-side": side, "data-z": String(is95 ? Z95 : Z998), "data-p": String(p),
    }, titleEl(doc, `${t(lang, is95 ? "funnelLimit95" : "funnelLimit998")}`));
  };
  curves.append(curve("upper998"), curve("upper95"), curve("lower95"), curve("lower998"));
  svg.append(curves);
  const yp = px(y(p));
  svg.append(svgEl(doc, "line", { class: "whole-line", x1: f.left, x2: f.right, y1: yp, y2: yp, stroke: COLORS.whole, "stroke-width": 2, "data-value": String(p) },
    titleEl(doc, `${t(lang, "whole")}: ${cellWords(whole, o.measure, lang)}`)));
  if (target) {
    const yt = px(y(target.value));
    const label = `${t(lang, "target")} ${formatTarget(target, o.measure, lang)}`;
    svg.append(svgEl(doc, "g", { class: "target-line", "data-target-op": target.op, "data-target-value": String(target.value) },
      titleEl(doc, label),
      svgEl(doc, "line", { x1: f.left, x2: f.right, y1: yt, y2: yt, stroke: COLORS.target, "stroke-width": 1.5, "stroke-dasharray": "5,4" }),
      svgEl(doc, "text", { x: f.right, y: yt - 4, "text-anchor": "end", fill: COLORS.target, stroke: "white", "stroke-width": 3, "paint-order": "stroke" }, label)));
  }
  const pointsG = svgEl(doc, "g", { class: "funnel-points" });
  // Names beside the points beyond the limits, the most extreme first, where
  // they fit without covering one another, a point or the target's label;
  // the others go unnamed on the chart (every name is in the list below).
  const placed: Box[] = plotted.map((r) => {
    const cx = x(r.cell.denominator);
    const cy = y(r.cell.value);
    return { x0: cx - 4.5, x1: cx + 4.5, y0: cy - 4.5, y1: cy + 4.5 };
  });
  if (target) {
    const yt = y(target.value);
    const w = (t(lang, "target").length + formatTarget(target, o.measure, lang).length + 1) * CHAR_WIDTH;
    placed.push({ x0: f.right - w, x1: f.right, y0: yt - 15, y1: yt - 2 });
  }
  const labelOf = new Map<string, { x: number; y: number; anchor: string }>();
  const priority = [...plotted.filter((r) => r.funnel === "above-99.8" || r.funnel === "below-99.8"), ...plotted.filter((r) => r.funnel === "above-95" || r.funnel === "below-95")];
  for (const r of priority) {
    const cx = x(r.cell.denominator);
    const cy = y(r.cell.value);
    const w = r.name.length * CHAR_WIDTH + 2;
    const h = 11;
    const candidates = [
      { x: cx + 7, y: cy, anchor: "start", box: { x0: cx + 6, x1: cx + 7 + w, y0: cy - h / 2, y1: cy + h / 2 } },
      { x: cx - 7, y: cy, anchor: "end", box: { x0: cx - 7 - w, x1: cx - 6, y0: cy - h / 2, y1: cy + h / 2 } },
      { x: cx, y: cy - 10, anchor: "middle", box: { x0: cx - w / 2, x1: cx + w / 2, y0: cy - 10 - h / 2, y1: cy - 10 + h / 2 } },
      { x: cx, y: cy + 11, anchor: "middle", box: { x0: cx - w / 2, x1: cx + w / 2, y0: cy + 11 - h / 2, y1: cy + 11 + h / 2 } },
    ];
    const fits = candidates.find((c) => c.box.x0 >= f.left && c.box.x1 <= f.width - 2 && c.box.y0 >= f.top - 4 && c.box.y1 <= f.bottom && !placed.some((b) => overlaps(b, c.box)));
    if (fits) {
      placed.push(fits.box);
      labelOf.set(r.unit_id, fits);
    }
  }
  for (const r of plotted) {
    const cx = px(x(r.cell.denominator));
    const cy = px(y(r.cell.value));
    const outside = r.funnel !== "within";
    const extreme = r.funnel === "above-99.8" || r.funnel === "below-99.8";
    const g = svgEl(doc, "g", {
      class: "funnel-unit", "data-unit": r.unit_id, "data-period": o.period, "data-value": String(r.cell.value),
      "data-numerator": String(r.cell.numerator), "data-denominator": String(r.cell.denominator), "data-funnel": r.funnel,
    }, titleEl(doc, `${r.name}: ${cellWords(r.cell, o.measure, lang)} (${formatNumber(r.cell.numerator, 0, lang)}/${formatNumber(r.cell.denominator, 0, lang)})${outside ? ` – ${t(lang, CLASS_KEYS[r.funnel as keyof typeof CLASS_KEYS])}` : ""}`));
    g.append(svgEl(doc, "circle", {
      cx, cy, r: outside ? 4.5 : 3.5, fill: extreme ? "#1a1a1a" : outside ? "white" : COLORS.unit, stroke: outside ? "#1a1a1a" : "white", "stroke-width": outside ? 1.5 : 0.5,
    }));
    const at = labelOf.get(r.unit_id);
    if (at) g.append(svgEl(doc, "text", { x: px(at.x), y: px(at.y), dy: "0.32em", "text-anchor": at.anchor, fill: "currentColor", stroke: "white", "stroke-width": 3, "paint-order": "stroke", "font-weight": extreme ? "bold" : null }, r.name));
    pointsG.append(g);
  }
  svg.append(pointsG);

  figure.append(legend(doc, [
    { label: t(lang, "whole"), color: COLORS.whole },
    { label: t(lang, "funnelLimit95"), color: "#4d4d4d", dash: "4,3" },
    { label: t(lang, "funnelLimit998"), color: "#4d4d4d" },
    { label: t(lang, "funnelWithin"), symbol: "●", color: COLORS.unit },
    { label: t(lang, "funnelOutside95"), symbol: "○", color: "#1a1a1a" },
    { label: t(lang, "funnelOutside998"), symbol: "●", color: "#1a1a1a" },
    ...(target ? [{ label: t(lang, "target"), color: COLORS.target, dash: "5,4" }] : []),
  ]), svg);
  if (o.downloads) {
    figure.append(downloads({
      title: `${t(lang, "funnelTitle", { name: o.name })}, ${formatPeriod(o.period, lang)}`, table: () => funnelTable(whole, rows, { ...o, lang, document: doc }), chart: () => figure,
      manifest: o.downloads, lang, document: doc,
    }));
  }
  figure.append(caption);
  return figure;
}

/** The funnel plot's data as a table: the whole city, then each unit (in the given order) with its share, numerator, denominator and where it lies. */
export function funnelTable(whole: Cell | undefined, rows: readonly FunnelUnitRow[], o: Pick<FunnelChartOptions, "name" | "measure" | "period" | "lang" | "document">): HTMLTableElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const all = [{ name: t(lang, "whole"), cell: whole, funnel: null as FunnelClass | null }, ...rows];
  const count = (c: Cell | undefined, n: number | null | undefined) => (c?.suppressed ? figureNode(c, "count", lang, doc) : n === null || n === undefined ? "–" : formatCount(n, lang));
  const table = dataTable(all, [
    { label: t(lang, "unit"), value: (r) => r.name },
    { label: t(lang, "value"), numeric: true, value: (r) => figureNode(r.cell, o.measure, lang, doc) },
    { label: t(lang, "numerator"), numeric: true, value: (r) => count(r.cell, r.cell?.numerator) },
    { label: t(lang, "denominator"), numeric: true, value: (r) => count(r.cell, r.cell?.denominator) },
    { label: t(lang, "funnelColumn"), value: (r) => (r.funnel === null ? "–" : t(lang, r.funnel === "within" ? "funnelWithin" : CLASS_KEYS[r.funnel])) },
  ], { caption: t(lang, "chartDataCaption", { name: `${t(lang, "funnelTitle", { name: o.name })}, ${formatPeriod(o.period, lang)}` }), className: "chart-table", document: doc });
  if (all.some((r) => r.cell?.suppressed)) appendTableLegend(table, lang, doc);
  return table;
}
