// The drawing primitives of the charts: SVG elements, a linear scale with
// nice ticks, month ticks for a time axis, paths, and the axes. Hand-written
// instead of a charting library so that a page loads a few kilobytes instead
// of Observable Plot and all of d3 (about 180 kB gzip), and so that every mark
// can carry the data-* attributes and <title> the tests and readers rely on.
import { formatMonthTick } from "../lib/format.js";

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

/** Rounds a pixel coordinate to two decimals (short paths, stable tests). */
export const px = (x: number) => Math.round(x * 100) / 100;

export interface Scale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
  invert(pixel: number): number;
  ticks(count: number): number[];
}

/** A linear scale from domain to range (range may run downwards, as a y axis does). */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + (v - d0) * k)) as Scale;
  scale.domain = [d0, d1];
  scale.range = [r0, r1];
  scale.invert = (p: number) => (k === 0 ? d0 : d0 + (p - r0) / k);
  scale.ticks = (count: number) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count);
  return scale;
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** Round numbers between start and stop, about `count` of them (d3-array's algorithm: steps of 1, 2 or 5 × 10^k). */
export function niceTicks(start: number, stop: number, count: number): number[] {
  if (!(count > 0) || !Number.isFinite(start) || !Number.isFinite(stop)) return [];
  if (start === stop) return [start];
  const step = (stop - start) / count;
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  const out: number[] = [];
  if (power < 0) {
    const inc = 10 ** -power / factor;
    let i1 = Math.round(start * inc);
    let i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    for (let i = i1; i <= i2; i++) out.push(i / inc + 0); // + 0 turns −0 into 0
  } else {
    const inc = 10 ** power * factor;
    let i1 = Math.round(start / inc);
    let i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
    for (let i = i1; i <= i2; i++) out.push(i * inc + 0);
  }
  return out;
}

/** A time scale on UTC dates: a linear scale on milliseconds. */
export function timeScale(domain: [Date, Date], range: [number, number]): (d: Date) => number {
  const s = linearScale([domain[0].getTime(), domain[1].getTime()], range);
  return (d: Date) => s(d.getTime());
}

/** First days of months between two dates, every 1, 3, 6, 12 or 24 months, as few as fit `maxTicks` (years fall on January). */
export function monthTicks(start: Date, end: Date, maxTicks: number): Date[] {
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  const step = [1, 3, 6, 12, 24].find((s) => months / s <= Math.max(1, maxTicks)) ?? 48;
  const out: Date[] = [];
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); ; m++) {
    const d = new Date(Date.UTC(y, m, 1));
    if (d > end) break;
    const index = d.getUTCFullYear() * 12 + d.getUTCMonth();
    if (d >= start && index % step === 0) out.push(d);
  }
  return out;
}

/** An SVG path through the points, "M x,y L x,y …"; empty for no points. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i ? "L" : "M"}${px(x)},${px(y)}`).join("");
}

/** A step path through [x, y] pairs: horizontal to each next x, then vertical. */
export function stepPath(points: readonly (readonly [number, number])[]): string {
  let d = "";
  points.forEach(([x, y], i) => {
    if (i === 0) d += `M${px(x)},${px(y)}`;
    else d += `H${px(x)}V${px(y)}`;
  });
  return d;
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

/** Month ticks and their labels (2021, 7/2021) below the plotting area. */
export function timeAxis(doc: Document, f: ChartFrame, x: (d: Date) => number, domain: [Date, Date]): SVGGElement {
  const g = svgEl(doc, "g", { class: "x-axis", fill: "currentColor", "text-anchor": "middle" });
  const ticks = monthTicks(domain[0], domain[1], Math.floor((f.right - f.left) / 70));
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

/** A small legend above a chart: a swatch (line, dot or symbol) and a label per entry. */
export function legend(doc: Document, entries: readonly { label: string; color?: string; symbol?: string; dash?: string }[]): HTMLElement {
  const div = doc.createElement("div");
  div.className = "chart-legend";
  for (const e of entries) {
    const item = doc.createElement("span");
    item.className = "chart-legend-item";
    const swatch = doc.createElement("span");
    swatch.className = "chart-legend-swatch";
    swatch.setAttribute("aria-hidden", "true");
    if (e.symbol) {
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

/** Widens [lo, hi] by a share of its span (or of |hi| when flat), and keeps shares within 0–100 %. */
export function paddedDomain(values: readonly number[], measure: string, share = 0.08): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = (hi - lo || Math.abs(hi) || 1) * share;
  return measure === "share" ? [Math.max(0, lo - pad), Math.min(1, hi + pad)] : [lo - pad, hi + pad];
}
