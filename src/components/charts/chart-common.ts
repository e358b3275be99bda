// Shared pieces of the charts: colours, the target line, rule marks for
// measure start dates, and the sentences of the text alternatives.
import { formatPeriod, formatTargetValue, type Lang } from "../../lib/format.js";
import { cellWords } from "../../lib/tables/chart-tables.js";
import { t } from "../../lib/i18n.js";
import { periodEnd, periodEndDate, periodMidDate, periodStart, periodStartDate } from "../../lib/periods.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";
import { type TargetLike, isMet, targetForPeriod, targetSteps } from "../../lib/analysis/targets.js";

export const COLORS = {
  whole: "#0000bf", // Helsinki blue: the whole city
  highlight: "#c2185b", // a unit picked by the reader
  unit: "#858585", // the other units (3.7:1 on white)
  target: "#1a1a1a",
  rule: "#8a5a00",
  better: "#0072b2", // improvement (blue, as in NHS "Making Data Count")
  worse: "#d55e00", // concern (orange)
  neutral: "#6b6b6b",
};

/**
 * Categorical colours for breakdown values: Okabe–Ito (colour-blind safe)
 * without yellow, the light sky blue and orange darkened so every line keeps
 * at least 3:1 against white (WCAG 1.4.11). Lines differ by dash too
 * (DASHES), and every value is in the chart's data table.
 */
export const PALETTE = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#2f80b5", "#a87000", "#000000", "#767676"];

/** Dash patterns that go with PALETTE, so breakdown lines are told apart without colour. */
export const DASHES = ["", "6,3", "2,2", "8,3,2,3", "", "6,3", "2,2", "8,3,2,3"];

export const hasValue = (c: Cell | undefined | null): c is Cell & { value: number } => !!c && !c.suppressed && c.value !== null && Number.isFinite(c.value);

export interface ChartRule {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** Shown as the rule's title (hover) and in the caption. */
  title: string;
  /** A measure's start, a programme milestone, or a recalculation of an XmR chart's limits that no measure's start marks (a recorded one). */
  kind?: "measure" | "milestone" | "recalculation";
}

export function ruleDate(date: string): Date {
  const [y, m = "01", d = "01"] = date.split("-");
  return new Date(Date.UTC(+y, +m - 1, +d));
}

export interface Point {
  key: string;
  label: string;
  period: string;
  date: Date;
  start: Date;
  end: Date;
  value: number;
  cell: Cell;
}

export function points(key: string, label: string, cells: readonly Cell[]): Point[] {
  return cells.map((cell) => ({
    key, label, period: cell.period, cell,
    date: periodMidDate(cell.period), start: periodStartDate(cell.period), end: periodEndDate(cell.period),
    value: hasValue(cell) ? cell.value : NaN,
  }));
}

/** The target line as pieces between two periods (for a step line): [{date, value, piece}]. */
export function targetLine(targets: readonly TargetLike[] | undefined, first: string, last: string): { date: Date; value: number; piece: number; op: string }[] {
  if (!targets?.length) return [];
  return targetSteps(targets, periodStart(first), periodEnd(last)).flatMap((s, piece) => [
    { date: ruleDate(s.from), value: s.value, piece, op: s.op },
    { date: ruleDate(s.until), value: s.value, piece, op: s.op },
  ]);
}

export function formatTarget(target: TargetLike | null, measure: string, lang: Lang): string {
  if (!target) return t(lang, "noTarget");
  return formatTargetValue(target, measure, lang);
}

export interface DescribeOptions {
  name: string;
  scope: string;
  measure: string;
  targets?: readonly TargetLike[];
  lang?: Lang;
}

/**
 * The message of a trend chart in one sentence or three: the latest value, the
 * target in force then and whether it is met, and the direction since the
 * first published value.
 */
export function describeTrend(cells: readonly Cell[], o: DescribeOptions): string {
  const lang = o.lang ?? "fi";
  const last = cells[cells.length - 1];
  if (!last || !cells.some(hasValue)) return `${o.name}, ${o.scope}: ${t(lang, "chartNoData")}`;
  const valued = cells.filter(hasValue);
  const target = o.targets?.length ? targetForPeriod(o.targets, last.period) : null;
  let targetText = "";
  if (target) {
    const met = hasValue(last) ? (target.op === ">=" ? last.value >= target.value : last.value <= target.value) : null;
    targetText = `${t(lang, "chartTarget", { target: formatTarget(target, o.measure, lang) })}`.replace(/\.$/, "") +
      (met === null ? "." : `: ${t(lang, met ? "targetMet" : "targetNotMet")}.`);
  }
  const first = valued[0];
  const end = valued[valued.length - 1];
  const trend = valued.length < 2 ? "" : end.value > first.value ? t(lang, "chartTrendUp") : end.value < first.value ? t(lang, "chartTrendDown") : t(lang, "chartTrendFlat");
  return t(lang, "chartSummary", {
    name: o.name, scope: o.scope, period: formatPeriod(last.period, lang), value: cellWords(last, o.measure, lang), target: targetText, trend,
  }).replace(/ {2,}/g, " ").trim();
}

// ---------------------------------------------------------------------------
// Targets per period: each value judged against the target in force on its
// period's last day (targets.ts), told by a symbol and a word, never by colour
// alone.

/** The symbols of a target status: ✓ met, ✗ not met. */
export const TARGET_SYMBOL = { met: "✓", notMet: "✗" } as const;

export interface TargetStatus {
  period: string;
  target: TargetLike;
  met: boolean;
  cell: Cell & { value: number };
}

/** Every valued cell that has a target in force, with whether it meets it. */
export function targetStatuses(cells: readonly Cell[], targets: readonly TargetLike[] | undefined): TargetStatus[] {
  if (!targets?.length) return [];
  const out: TargetStatus[] = [];
  for (const cell of cells) {
    if (!hasValue(cell)) continue;
    const target = targetForPeriod(targets, cell.period);
    const met = target ? isMet(cell.value, target) : null;
    if (target && met !== null) out.push({ period: cell.period, target, met, cell });
  }
  return out;
}

/** "✓ saavutettu" / "✗ ei saavutettu" / "ei arvioitavissa". */
export function targetStatusText(met: boolean | null, lang: Lang): string {
  return met === null ? t(lang, "targetUnknown") : `${met ? TARGET_SYMBOL.met : TARGET_SYMBOL.notMet} ${t(lang, met ? "targetMet" : "targetNotMet")}`;
}

/**
 * Met / not met per target validity period, in words: "Tavoite ≤ 7 vrk
 * (1/2020–8/2023): saavutettu 10/44 jaksossa." One sentence per target that
 * was in force during the series.
 */
export function describeTargetPeriods(cells: readonly Cell[], targets: readonly TargetLike[] | undefined, measure: string, lang: Lang): string {
  const statuses = targetStatuses(cells, targets);
  if (!statuses.length) return "";
  const groups = new Map<TargetLike, TargetStatus[]>();
  for (const s of statuses) groups.set(s.target, [...(groups.get(s.target) ?? []), s]);
  return [...groups].map(([target, list]) => t(lang, "targetPeriods", {
    target: formatTarget(target, measure, lang),
    from: formatPeriod(list[0].period, lang),
    to: formatPeriod(list[list.length - 1].period, lang),
    met: list.filter((s) => s.met).length,
    total: list.length,
  })).join(" ");
}
