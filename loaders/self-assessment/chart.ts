// A small line chart of one indicator as a plain SVG string (no browser, no
// DOM): the monthly series, the half-year values as bars across their six
// months, the target as a dashed step line, and withheld periods marked as
// withheld (never drawn as 0 or left as an unexplained gap). The page inlines
// the SVG; the DOCX gets it as PNG (png.ts).
import { scaleLinear } from "d3-scale";
import { WITHHELD_MARK, tickFormat, type Lang } from "../../src/lib/format.ts";
import type { ChartData, Figure } from "./model.ts";
import { periodText } from "./present.ts";
import { monthsBetween, monthsOf, periodContaining, periodEnd, periodsBetween } from "../../src/lib/periods.ts";
import { s } from "./strings.ts";

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 250;
export const CHART_FONT = "DejaVu Sans";

const M = { top: 34, right: 18, bottom: 30, left: 60 };
// Lines keep at least 3:1 and texts 4.5:1 against the white background (WCAG 1.4.3, 1.4.11); the target is orange and dashed, the
// months thin with dots, the half-years thick — told apart by more than colour.
const COLORS = { month: "#4a72b8", half: "#1f3d7a", target: "#b35900", band: "#eef3fb", grid: "#e2e2e2", text: "#333", muted: "#666" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const num = (x: number) => (Math.round(x * 10) / 10).toString();

export interface ChartOptions {
  name: string;
  unit: string;
  lang: Lang;
  /** The assessed half-year, shaded. */
  period: string;
}

export function chartSvg(chart: ChartData, o: ChartOptions): string {
  const months = monthsBetween(chart.from, chart.to);
  const halves = periodsBetween(periodContaining("half", chart.from), o.period);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const plot = { x0: M.left, x1: CHART_WIDTH - M.right, y0: M.top, y1: CHART_HEIGHT - M.bottom };
  const x = scaleLinear().domain([0, Math.max(1, months.length)]).range([plot.x0, plot.x1]);
  /** A day (YYYY-MM-DD) as a fractional month position. */
  const dayX = (day: string) => {
    const m = day.slice(0, 7);
    const i = monthIndex.get(m) ?? (m < chart.from ? 0 : months.length);
    const days = +periodEnd(m).slice(8, 10);
    return x(Math.min(months.length, i + (+day.slice(8, 10) - 1) / days));
  };
  const values = [
    ...chart.months.filter((f) => f.state === "value").map((f) => f.value as number),
    ...chart.halves.filter((f) => f.state === "value").map((f) => f.value as number),
    ...chart.target.map((t) => t.value),
  ];
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (o.unit === "share") [lo, hi] = [Math.max(0, lo - 0.05), Math.min(1, hi + 0.05)];
  if (lo === hi) [lo, hi] = [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
  const pad = (hi - lo) * 0.08;
  const y = scaleLinear().domain([lo - pad, hi + pad]).nice(5).range([plot.y1, plot.y0]);
  // A share never goes below 0 % or above 100 %: no axis beyond them.
  if (o.unit === "share") y.domain([Math.max(0, y.domain()[0]), Math.min(1, y.domain()[1])]);
  const parts: string[] = [];
  const text = (tx: number, ty: number, content: string, attrs = "") =>
    parts.push(`<text x="${num(tx)}" y="${num(ty)}"${attrs}>${escapeXml(content)}</text>`);

  // The assessed half-year, shaded.
  const current = monthsOf(o.period).filter((m) => monthIndex.has(m));
  if (current.length) {
    const i0 = monthIndex.get(current[0])!;
    parts.push(`<rect x="${num(x(i0))}" y="${plot.y0}" width="${num(x(i0 + current.length) - x(i0))}" height="${plot.y1 - plot.y0}" fill="${COLORS.band}"/>`);
  }
  // Grid and y ticks.
  const ticks = y.ticks(5);
  const tick = tickFormat(ticks, o.unit, o.lang);
  for (const t of ticks) {
    parts.push(`<line x1="${plot.x0}" x2="${plot.x1}" y1="${num(y(t))}" y2="${num(y(t))}" stroke="${COLORS.grid}"/>`);
    text(plot.x0 - 6, y(t) + 4, tick(t), ` text-anchor="end"`);
  }
  // Half-year labels and boundaries on the x axis.
  for (const h of halves) {
    const ms = monthsOf(h).filter((m) => monthIndex.has(m));
    if (!ms.length) continue;
    const i0 = monthIndex.get(ms[0])!;
    parts.push(`<line x1="${num(x(i0))}" x2="${num(x(i0))}" y1="${plot.y1}" y2="${plot.y1 + 5}" stroke="${COLORS.muted}"/>`);
    text((x(i0) + x(i0 + ms.length)) / 2, plot.y1 + 18, periodText(h, o.lang), ` text-anchor="middle"`);
  }
  parts.push(`<line x1="${plot.x0}" x2="${plot.x1}" y1="${plot.y1}" y2="${plot.y1}" stroke="${COLORS.muted}"/>`);

  // Target step line.
  for (const t of chart.target) {
    const x0 = dayX(t.from), x1 = t.until > `${chart.to}-31` ? x(months.length) : dayX(t.until);
    parts.push(`<line x1="${num(x0)}" x2="${num(x1)}" y1="${num(y(t.value))}" y2="${num(y(t.value))}" stroke="${COLORS.target}" stroke-width="2" stroke-dasharray="6 4"/>`);
  }
  // Half-year values across their months; a withheld half reads ".." at its foot.
  const mark = WITHHELD_MARK;
  chart.halves.forEach((f: Figure) => {
    const ms = monthsOf(f.period).filter((m) => monthIndex.has(m));
    if (!ms.length) return;
    const i0 = monthIndex.get(ms[0])!;
    if (f.state === "value") {
      parts.push(`<line x1="${num(x(i0) + 2)}" x2="${num(x(i0 + ms.length) - 2)}" y1="${num(y(f.value as number))}" y2="${num(y(f.value as number))}" stroke="${COLORS.half}" stroke-width="3.5" stroke-linecap="round"/>`);
    } else if (f.state === "suppressed") {
      text((x(i0) + x(i0 + ms.length)) / 2, plot.y1 - 18, mark, ` text-anchor="middle" fill="${COLORS.muted}"`);
    }
  });
  // Monthly line: broken at missing or withheld months; withheld months marked by a grey triangle.
  let path = "";
  let open = false;
  chart.months.forEach((f, i) => {
    const cx = x(i + 0.5);
    if (f.state === "value") {
      path += `${open ? "L" : "M"}${num(cx)},${num(y(f.value as number))}`;
      open = true;
    } else {
      open = false;
      if (f.state === "suppressed") parts.push(`<path d="M${num(cx - 4)},${plot.y1 - 2}L${num(cx + 4)},${plot.y1 - 2}L${num(cx)},${plot.y1 - 9}Z" fill="${COLORS.muted}"/>`);
    }
  });
  if (path) parts.push(`<path d="${path}" fill="none" stroke="${COLORS.month}" stroke-width="1.5"/>`);
  chart.months.forEach((f, i) => {
    if (f.state === "value") parts.push(`<circle cx="${num(x(i + 0.5))}" cy="${num(y(f.value as number))}" r="2.5" fill="${COLORS.month}"/>`);
  });
  const anySuppressed = [...chart.months, ...chart.halves].some((f) => f.state === "suppressed");
  if (!values.length && !anySuppressed) text((plot.x0 + plot.x1) / 2, (plot.y0 + plot.y1) / 2, s(o.lang, "noData"), ` text-anchor="middle" fill="${COLORS.muted}"`);

  // Legend.
  let lx = plot.x0;
  const ly = 14;
  const legend = (swatch: string, label: string) => {
    parts.push(swatch.replaceAll("LX", num(lx)).replaceAll("LR", num(lx + 22)).replaceAll("LM", num(lx + 11)));
    text(lx + 28, ly + 4, label);
    lx += 28 + label.length * 6.4 + 18;
  };
  legend(`<line x1="LX" x2="LR" y1="${ly}" y2="${ly}" stroke="${COLORS.month}" stroke-width="1.5"/><circle cx="LM" cy="${ly}" r="2.5" fill="${COLORS.month}"/>`, s(o.lang, "legendMonth"));
  legend(`<line x1="LX" x2="LR" y1="${ly}" y2="${ly}" stroke="${COLORS.half}" stroke-width="3.5"/>`, s(o.lang, "legendHalf"));
  if (chart.target.length) legend(`<line x1="LX" x2="LR" y1="${ly}" y2="${ly}" stroke="${COLORS.target}" stroke-width="2" stroke-dasharray="6 4"/>`, s(o.lang, "legendTarget"));
  if (anySuppressed) {
    legend(`<path d="MLX,${ly + 4}L${"LR"},${ly + 4}L${"LM"},${ly - 4}Z" fill="${COLORS.muted}"/>`, `${s(o.lang, "legendSuppressed")} (${mark})`);
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${CHART_FONT}, Arial, sans-serif" font-size="11" fill="${COLORS.text}" role="img">`,
    `<title>${escapeXml(o.name)}</title>`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#fff"/>`,
    ...parts,
    `</svg>`,
  ].join("");
}
