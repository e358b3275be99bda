// The drawing primitives of the charts: SVG elements, scales, ticks and paths
// from the small d3 modules (d3-scale, d3-array, d3-shape, d3-time), and the
// axes drawn by hand on them so that every mark can carry the data-*
// attributes and <title> the tests and readers rely on. Only these modules
// are imported, never all of d3: a page loads the few kilobytes it draws with.
import { extent } from "d3-array";
import { type ScaleBand, type ScaleLinear, type ScaleTime, scaleBand, scaleLinear, scaleUtc } from "d3-scale";
import { line } from "d3-shape";
import { type TimeInterval, utcMonth, utcYear } from "d3-time";
import { formatMonthTick } from "../../lib/format.js";

export const SVG_NS = "http://www.w3.org/2000/svg";

type Attrs = Record<string, string | number | null | undefined>;

/** An SVG element with attributes (null and undefined are left out) and children. */
export function svgEl<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A <title> child: the hover text of a mark. */
export function titleEl(doc: Document, text: string): SVGTitleElement {
  const t = svgEl(doc, "title");
  t.textContent = text;
  return t;
}

/** Decimals of a pixel coordinate in attributes and paths (short paths, stable tests). */
const DIGITS = 2;

/** Rounds a pixel coordinate to two decimals. */
export const px = (x: number) => Math.round(x * 10 ** DIGITS) / 10 ** DIGITS;

/** A linear scale (d3-scale): a value axis. */
export type Scale = ScaleLinear<number, number>;
/** A UTC time scale (d3-scale): the time axis, on calendar days as UTC midnights. */
export type TimeScale = ScaleTime<number, number>;

/**
 * A linear scale from domain to range (range may run downwards, as a y axis
 * does). With `nice`, the domain is widened to round values at about that
 * many ticks, so the axis begins and ends on a labelled tick.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number], o: { nice?: number } = {}): Scale {
  const scale = scaleLinear().domain(domain).range(range);
  return o.nice ? scale.nice(o.nice) : scale;
}

/** A time scale on UTC dates. */
export function timeScale(domain: readonly [Date, Date], range: readonly [number, number]): TimeScale {
  return scaleUtc().domain(domain).range(range);
}

/** Rows of a chart, one band each, in the given order (d3-scale's band scale); a row's centre is band(key) + bandwidth / 2. */
export function bandScale(keys: readonly string[], range: readonly [number, number]): ScaleBand<string> {
  return scaleBand<string>().domain(keys).range(range);
}

const MONTH_STEPS = [1, 3, 6, 12, 24, 48];

/**
 * The d3-time interval of a month axis: first days of months every 1, 3, 6,
 * 12, 24 or 48 months, as few as fit `maxTicks` (years fall on January,
 * quarters on January, April, July and October). Never days or weeks: every
 * tick is a month, so no two labels read the same.
 */
export function monthInterval(start: Date, end: Date, maxTicks: number): TimeInterval {
  const months = utcMonth.count(start, end);
  const step = MONTH_STEPS.find((s) => months / s <= Math.max(1, maxTicks)) ?? MONTH_STEPS[MONTH_STEPS.length - 1];
  return step < 12 ? utcMonth.every(step)! : utcYear.every(step / 12)!;
}

/** The month ticks between two dates (both included), as `monthInterval` spaces them. */
export function monthTicks(start: Date, end: Date, maxTicks: number): Date[] {
  return timeScale([start, end], [0, 1]).ticks(monthInterval(start, end, maxTicks));
}

/**
 * An SVG path through the data (d3-shape's line). Where `defined` is false —
 * a withheld or missing value — the line breaks: a gap, never a line drawn
 * through or down to 0. Empty for no points.
 */
export function linePath<T>(data: readonly T[], x: (d: T) => number, y: (d: T) => number, defined: (d: T) => boolean = () => true): string {
  return line<T>().defined(defined).x(x).y(y).digits(DIGITS)(data as T[]) ?? "";
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartFrame {
  svg: SVGSVGElement;
  width: number;
  height: number;
  margin: Margins;
  /** Left, right, top and bottom of the plotting area in pixels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * An <svg> that scales down with its container: one image with one name
 * (role img, aria-label) whose message is in the figure's caption.
 */
export function chartFrame(doc: Document, o: { width: number; height: number; margin: Margins; label: string; className?: string }): ChartFrame {
  const svg = svgEl(doc, "svg", {
    width: o.width, height: o.height, viewBox: `0 0 ${o.width} ${o.height}`, role: "img", "aria-label": o.label,
    class: ["chart", o.className].filter(Boolean).join(" "),
    style: "max-width:100%;height:auto;overflow:visible;font:10px system-ui,sans-serif",
    "font-variant-numeric": "tabular-nums",
  });
  return {
    svg, width: o.width, height: o.height, margin: o.margin,
    left: o.margin.left, right: o.width - o.margin.right, top: o.margin.top, bottom: o.height - o.margin.bottom,
  };
}

/** Horizontal grid lines and tick labels on the left, for a y scale. */
export function yAxis(doc: Document, f: ChartFrame, y: Scale, ticks: readonly number[], format: (v: number) => string, o: { grid?: boolean } = {}): SVGGElement {
  const g = svgEl(doc, "g", { class: "y-axis", fill: "currentColor", "text-anchor": "end" });
  for (const v of ticks) {
    const yy = px(y(v));
    if (o.grid !== false) g.append(svgEl(doc, "line", { x1: f.left, x2: f.right, y1: yy, y2: yy, stroke: "currentColor", "stroke-opacity": 0.1 }));
    const label = svgEl(doc, "text", { x: f.left - 6, y: yy, dy: "0.32em" });
    label.textContent = format(v);
    g.append(label);
  }
  return g;
}

/** Month ticks and their labels (2021, 7/2021) below the plotting area: the scale's ticks at a month interval (d3-time). */
export function timeAxis(doc: Document, f: ChartFrame, x: TimeScale): SVGGElement {
  const g = svgEl(doc, "g", { class: "x-axis", fill: "currentColor", "text-anchor": "middle" });
  const [start, end] = x.domain();
  const ticks = x.ticks(monthInterval(start, end, Math.floor((f.right - f.left) / 70)));
  g.append(svgEl(doc, "line", { x1: f.left, x2: f.right, y1: f.bottom, y2: f.bottom, stroke: "currentColor", "stroke-opacity": 0.35 }));
  for (const d of ticks) {
    const xx = px(x(d));
    g.append(svgEl(doc, "line", { x1: xx, x2: xx, y1: f.bottom, y2: f.bottom + 5, stroke: "currentColor" }));
    const label = svgEl(doc, "text", { x: xx, y: f.bottom + 8, dy: "0.71em" });
    label.textContent = formatMonthTick(d);
    g.append(label);
  }
  return g;
}

/** Numeric ticks below (or above) the plotting area, for an x scale. */
export function numberAxis(doc: Document, f: ChartFrame, x: Scale, ticks: readonly number[], format: (v: number) => string, o: { position?: "top" | "bottom"; grid?: boolean } = {}): SVGGElement {
  const top = o.position === "top";
  const g = svgEl(doc, "g", { class: "x-axis", fill: "currentColor", "text-anchor": "middle" });
  const base = top ? f.top : f.bottom;
  for (const v of ticks) {
    const xx = px(x(v));
    if (o.grid !== false) g.append(svgEl(doc, "line", { x1: xx, x2: xx, y1: f.top, y2: f.bottom, stroke: "currentColor", "stroke-opacity": 0.1 }));
    g.append(svgEl(doc, "line", { x1: xx, x2: xx, y1: base, y2: base + (top ? -5 : 5), stroke: "currentColor" }));
    const label = svgEl(doc, "text", { x: xx, y: base + (top ? -8 : 8), dy: top ? "0" : "0.71em" });
    label.textContent = format(v);
    g.append(label);
  }
  return g;
}

/** One entry of a chart's legend: a line (with its dash), a symbol, or a shaded band. */
export interface LegendEntry {
  label: string;
  color?: string;
  symbol?: string;
  dash?: string;
  band?: boolean;
}

/** A small legend above a chart: a swatch (line, dot or symbol) and a label per entry. */
export function legend(doc: Document, entries: readonly LegendEntry[]): HTMLElement {
  const div = doc.createElement("div");
  div.className = "chart-legend";
  for (const e of entries) {
    const item = doc.createElement("span");
    item.className = "chart-legend-item";
    const swatch = doc.createElement("span");
    swatch.className = "chart-legend-swatch";
    swatch.setAttribute("aria-hidden", "true");
    if (e.band) {
      // A shaded area as drawn (periodBand), outlined so the faint fill shows in the legend too.
      swatch.classList.add("swatch-svg", "swatch-band");
      swatch.append(svgEl(doc, "svg", { width: 24, height: 12, viewBox: "0 0 24 12" },
        svgEl(doc, "rect", { x: 1, y: 1, width: 22, height: 10, fill: "#000", "fill-opacity": 0.05, stroke: "#000", "stroke-opacity": 0.25 })));
    } else if (e.symbol) {
      swatch.textContent = e.symbol;
      if (e.color) swatch.style.color = e.color;
    } else {
      // The line as drawn, with its dash pattern: lines are told apart by more than colour.
      swatch.classList.add("swatch-svg");
      swatch.append(svgEl(doc, "svg", { width: 24, height: 8, viewBox: "0 0 24 8" },
        svgEl(doc, "line", { x1: 1, x2: 23, y1: 4, y2: 4, stroke: e.color ?? "currentColor", "stroke-width": 2.5, "stroke-dasharray": e.dash || null })));
    }
    item.append(swatch, ` ${e.label}`);
    div.append(item);
  }
  return div;
}

/** Widens [lo, hi] (d3-array's extent of the finite values) by a share of its span (or of |hi| when flat), and keeps shares within 0–100 %. */
export function paddedDomain(values: readonly number[], measure: string, share = 0.08): [number, number] {
  const [lo, hi] = extent(values.filter(Number.isFinite));
  if (lo === undefined || hi === undefined) return [0, 1];
  const pad = (hi - lo || Math.abs(hi) || 1) * share;
  return measure === "share" ? [Math.max(0, lo - pad), Math.min(1, hi + pad)] : [lo - pad, hi + pad];
}
