// Where every published cell stands — computed once, from the published
// (suppressed) cells only, for every page and the self-assessment alike:
//
// - its verdict: improving, worsening, no significant change (stable), a
//   change with no better direction (changed), or not assessed (null). For
//   every period type it is the monthly XmR chart (spc.ts, NHS England's SPC
//   v2.6) as it stands at the period's end: the variation icon of the last
//   month with a value up to the period's last month, provided that month lies
//   in the period's last three months (a month: itself), so that periods
//   ending in the same month look at the same months. Why the monthly chart for quarters, half-years and years
//   too: it is the one method that every indicator has (interval comparisons
//   need counts that carry their own error, which means, scores, medians and
//   euros do not have), its false-alarm rate is stated (v2.6's rules), it
//   uses every month rather than two numbers, and a quarter, a half-year and a
//   year that end in the same month read the same — the verdict cannot flip
//   with the period control. A quarterly series would reach SPC's 13 points
//   only after three years, and a yearly one never.
// - its comparisons, as PHE Fingertips reports them (stats/compare.ts) with
//   95 % intervals by the indicator's method (intervals.ts): with the previous
//   period and with the baseline (the first period of its type with data,
//   unless told otherwise) — similar unless the two intervals are apart — and,
//   for a unit, with the whole city — similar unless the city's value is
//   outside the unit's interval (also at 99.8 %, the funnel plot's outer
//   limits). better / similar / worse by the indicator's direction (higher /
//   lower without one), or not compared.
//
// A withheld cell (or one without a value) is never compared and never
// assessed; in an SPC chart a withheld month is a ghosted point.
//
// The loaders compute the statuses of every cell into the page slices
// (loaders/publish/page-slices.ts) and the statuses download; the self-assessment
// computes its rows with the same functions from the same published cells.
// Pure functions on plain data: imported by browser pages and Node tools alike.
import { spcBreakDates, type MeasureLike, type RecalculationLike } from "./breaks.js";
import type { PublishedCell } from "../cell.js";
import { CONFIDENCE, CONFIDENCE_OUTER, cellEstimate, comparesWithCity, intervalSettingFor, type IntervalSetting } from "./intervals.js";
import { monthsOf, previousPeriod, type PeriodType } from "../periods.js";
import { type Direction, type SpcSettings, type VariationIcon, spcSettingsFor } from "./spc.js";
import { latestVariations } from "./spc-latest.js";
import { compareIntervals, compareWithBenchmark, type Estimate, type Outcome } from "../stats/compare.js";
import { type Verdict, verdictOf } from "./verdict.js";

export { type Verdict, verdictOf };

export interface CellStatus {
  /** The monthly XmR variation icon as it stands at the period's end; null when not assessed. */
  spc: VariationIcon | null;
  verdict: Verdict | null;
  /** Compared with the previous period of the same type (overlapping 95 % intervals). */
  vsPrevious: Outcome;
  /** Compared with the baseline period of the same type (overlapping 95 % intervals); not compared in the baseline itself. */
  vsBaseline: Outcome;
  /** A unit compared with the whole city: the city's value against the unit's 95 % interval. Not compared for the city itself. */
  vsCity: Outcome;
  /** The same at 99.8 % (the funnel plot's outer limits). */
  vsCityOuter: Outcome;
}

export const NOT_COMPARED: CellStatus = Object.freeze({ spc: null, verdict: null, vsPrevious: "not-compared", vsBaseline: "not-compared", vsCity: "not-compared", vsCityOuter: "not-compared" });

export interface StatusIndicator {
  id: string;
  direction: Direction;
  developmentArea: string;
  benefitGoals: readonly string[];
  interval?: IntervalSetting | null;
  spc?: Partial<SpcSettings> | null;
}

export interface StatusContext {
  /** The catalogue: its indicators (direction, interval, spc, area and goals) and its `spc` defaults. */
  catalogue: { spc?: Partial<SpcSettings> | null; indicators: readonly StatusIndicator[] };
  /** The programme model's measures and recorded recalculations: their dates recalculate the XmR limits (breaks.ts). */
  programme: { measures: readonly MeasureLike[]; recalculations?: readonly RecalculationLike[] };
  /** The extract's manifest source: a recalculation recorded for one extract applies only to it (breaks.ts). */
  extractSource?: string | null;
  /** The baseline period of a period type; by default the first period of that type with any cell. */
  baselines?: Partial<Record<PeriodType, string>>;
}

export interface StatusTable {
  /** The status of a cell (by its key fields); null when the table has no such cell or its indicator is not in the catalogue. */
  status(indicator: string, periodType: PeriodType, period: string, unit: string, breakdownValue: string): CellStatus | null;
  /** The baseline period of each period type. */
  baselines: Partial<Record<PeriodType, string>>;
}

const hasValue = (c: PublishedCell | undefined): c is PublishedCell & { value: number } => !!c && !c.suppressed && c.value !== null && Number.isFinite(c.value);
const seriesKey = (indicator: string, periodType: string, unit: string, bv: string) => `${indicator}\u0000${periodType}\u0000${unit}\u0000${bv}`;

/** The first period of each type with any cell. */
export function defaultBaselines(cells: readonly PublishedCell[]): Partial<Record<PeriodType, string>> {
  const out: Partial<Record<PeriodType, string>> = {};
  for (const c of cells) if (!out[c.period_type] || c.period < out[c.period_type]!) out[c.period_type] = c.period;
  return out;
}

/** A monthly series' months with a value, in order, and the variation icon at any of them, worked out when asked for. */
export interface MonthlySeries {
  months: string[];
  iconAt(month: string): VariationIcon | null | undefined;
}

/**
 * A monthly series' variation icon at each of its months with a value: the
 * XmR chart of the series up to that month (v2.6; ghosted months for the
 * missing and withheld ones), null below the minimum of values. Each icon is
 * computed when first asked for, from the last point's partition and rules
 * alone (spc-latest.ts), so a caller that needs a few (the self-assessment:
 * the last month of each half-year) pays for those only.
 */
export function monthlySeries(cells: readonly PublishedCell[], o: { direction: Direction; settings: SpcSettings; breaks: readonly string[] }): MonthlySeries {
  const sorted = [...cells].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const points = sorted.map((c) => ({ period: c.period, value: hasValue(c) ? c.value : null }));
  // Each month with a value: its point's index and how many values the series has up to it.
  const at = new Map<string, { index: number; seen: number }>();
  let seen = 0;
  points.forEach((p, index) => p.value !== null && at.set(p.period, { index, seen: ++seen }));
  const icons = new Map<string, VariationIcon | null>();
  let latest: ((end: number) => VariationIcon | null) | null = null;
  return {
    months: [...at.keys()],
    iconAt(month) {
      const p = at.get(month);
      if (!p) return undefined;
      let icon = icons.get(month);
      if (icon === undefined) {
        // What xmrAnalysis(points up to the month).variation gives, without drawing each chart (spc-latest.ts).
        icon = p.seen < o.settings.minimumPoints ? null : (latest ??= latestVariations(points, { direction: o.direction, breaks: o.breaks, settings: o.settings }))(p.index);
        icons.set(month, icon);
      }
      return icon;
    },
  };
}

/**
 * The statuses of a table of published cells. Lazy: a cell's status, and
 * its series' SPC chart at the month it reads, are computed the first time
 * the cell is asked for, so a caller that needs a few cells (the
 * self-assessment) pays for those only.
 */
export function statusTable(cells: readonly PublishedCell[], context: StatusContext): StatusTable {
  const indicators = new Map(context.catalogue.indicators.map((i) => [i.id, i]));
  const baselines = { ...defaultBaselines(cells), ...context.baselines };
  const series = new Map<string, Map<string, PublishedCell>>();
  for (const c of cells) {
    if (!indicators.has(c.indicator_id)) continue;
    const k = seriesKey(c.indicator_id, c.period_type, c.unit_id, c.breakdown_value);
    let s = series.get(k);
    if (!s) series.set(k, (s = new Map()));
    s.set(c.period, c);
  }
  const settingsOf = new Map<string, SpcSettings>();
  const breaksOf = new Map<string, string[]>();
  for (const ind of indicators.values()) {
    settingsOf.set(ind.id, spcSettingsFor(context.catalogue, ind));
    breaksOf.set(ind.id, spcBreakDates(ind, context.programme, { extractSource: context.extractSource }));
  }
  // Per monthly series: the months with a value in order, and the icon at each (computed when asked for).
  const monthly = new Map<string, MonthlySeries>();
  const monthlyOf = (indicator: StatusIndicator, unit: string, bv: string) => {
    const k = seriesKey(indicator.id, "month", unit, bv);
    let m = monthly.get(k);
    if (!m) {
      const list = [...(series.get(k)?.values() ?? [])];
      monthly.set(k, (m = monthlySeries(list, { direction: indicator.direction, settings: settingsOf.get(indicator.id)!, breaks: breaksOf.get(indicator.id)! })));
    }
    return m;
  };
  // The last month with a value up to `end`, if it is not before `start`.
  const lastMonthWithValue = (months: string[], start: string, end: string): string | null => {
    let lo = 0;
    let hi = months.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (months[mid] <= end) lo = mid + 1;
      else hi = mid;
    }
    const m = lo > 0 ? months[lo - 1] : null;
    return m !== null && m >= start ? m : null;
  };
  // Each series' statuses by period (keyed by the series' own map: no key string built per call).
  const memo = new WeakMap<Map<string, PublishedCell>, Map<string, CellStatus>>();
  // Each cell's estimate at each level, worked out once (a cell is compared as itself, as a previous period and as a baseline).
  const estimates = new Map<number, WeakMap<PublishedCell, Estimate | null>>();
  const estimateOf = (cell: PublishedCell | undefined, setting: IntervalSetting, confidence: number): Estimate | null => {
    if (!cell) return null;
    let byCell = estimates.get(confidence);
    if (!byCell) estimates.set(confidence, (byCell = new WeakMap()));
    let e = byCell.get(cell);
    if (e === undefined) byCell.set(cell, (e = cellEstimate(cell, setting, confidence)));
    return e;
  };
  // A period's first and last month, and the period before it (remembered: every series asks for the same periods).
  const bounds = new Map<string, { verdictFrom: string; last: string; previous: string }>();
  const boundsOf = (period: string, periodType: PeriodType) => {
    let b = bounds.get(period);
    if (!b) {
      const months = periodType === "month" ? [period] : monthsOf(period);
      // The verdict reads the last quarter's months only: a half-year or a year
      // whose last three months have no value is not assessed, as its last quarter is not.
      bounds.set(period, (b = { verdictFrom: months[Math.max(0, months.length - 3)], last: months[months.length - 1], previous: previousPeriod(period) }));
    }
    return b;
  };

  function status(indicatorId: string, periodType: PeriodType, period: string, unit: string, bv: string): CellStatus | null {
    const indicator = indicators.get(indicatorId);
    const own = series.get(seriesKey(indicatorId, periodType, unit, bv));
    const cell = own?.get(period);
    if (!indicator || !own || !cell) return null;
    let statuses = memo.get(own);
    if (!statuses) memo.set(own, (statuses = new Map()));
    const known = statuses.get(period);
    if (known) return known;
    const direction = indicator.direction;
    const setting = intervalSettingFor(indicator);
    // The verdict: the monthly chart as it stands at the period's end.
    const b = boundsOf(period, periodType);
    // A withheld cell (or one without a value) is not assessed, even where its months are published.
    const m = hasValue(cell) ? monthlyOf(indicator, unit, bv) : null;
    const at = m && lastMonthWithValue(m.months, b.verdictFrom, b.last);
    const spc = m && at ? m.iconAt(at) ?? null : null;
    // The comparisons over time, with the same series' cells.
    const estimate = estimateOf(cell, setting, CONFIDENCE);
    const vsPrevious = compareIntervals(estimate, estimateOf(own.get(b.previous), setting, CONFIDENCE), direction);
    const baseline = baselines[periodType];
    const vsBaseline = baseline !== undefined && baseline < period ? compareIntervals(estimate, estimateOf(own.get(baseline), setting, CONFIDENCE), direction) : "not-compared";
    // A unit against the whole city, by the city's published value.
    let vsCity: Outcome = "not-compared";
    let vsCityOuter: Outcome = "not-compared";
    if (unit !== "ALL" && comparesWithCity(setting, cell)) {
      const city = series.get(seriesKey(indicatorId, periodType, "ALL", bv))?.get(period);
      const benchmark = hasValue(city) ? city.value : null;
      vsCity = compareWithBenchmark(estimate, benchmark, direction);
      vsCityOuter = compareWithBenchmark(estimateOf(cell, setting, CONFIDENCE_OUTER), benchmark, direction);
    }
    const out: CellStatus = { spc, verdict: verdictOf(spc), vsPrevious, vsBaseline, vsCity, vsCityOuter };
    statuses.set(period, out);
    return out;
  }

  return { status, baselines };
}

/** The key a status is filed under in computeStatuses' map. */
export const statusKey = (c: Pick<PublishedCell, "indicator_id" | "period_type" | "period" | "unit_id" | "breakdown_value">) =>
  `${c.indicator_id}|${c.period_type}|${c.period}|${c.unit_id}|${c.breakdown_value}`;

/** The status of every cell (of an indicator in the catalogue), by statusKey. */
export function computeStatuses(cells: readonly PublishedCell[], context: StatusContext): Map<string, CellStatus> {
  const table = statusTable(cells, context);
  const out = new Map<string, CellStatus>();
  for (const c of cells) {
    const s = table.status(c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown_value);
    if (s) out.set(statusKey(c), s);
  }
  return out;
}

