// XmR (individuals) statistical process control charts as NHS England's
// Making Data Count team computes them in "SPC Charts SQL Query v2.6"
// (10/01/2024; public copy: NHSDigital/fdp-react-design-system,
// src/components/DataVisualisation/charts/SPC/SPCChart/logic/
// "NHSE SPC Charts SQL Query v2.6.sql", last at commit 453d01c8). Its XmR
// logic is ported step by step; "v2.6 L123" below is a line of that file.
// Used to tell leadership whether a change in an indicator is a signal or
// noise, so nobody reacts to a single month's wobble.
//
// Pure functions on plain data: imported by browser pages (bundled by
// Observable Framework) and by Node tools alike, so no Node-only imports.
//
// What v2.6 does, and so what this does:
// - A chart is split into partitions where the limits are recalculated (v2.6
//   L1744: a recalculation flag starts a new partition) and, optionally, a
//   baseline (L1771–1808: the points up to the baseline's end are partition 0,
//   and the partition after it takes the baseline's mean and limits, L2019–2033).
// - Ghosted points (L1713–1746) are on the chart but in no calculation: not in
//   the mean, the moving ranges or any rule; the rules run over the non-ghosted
//   points as if the ghosted ones were not there (LAG/LEAD over the
//   non-ghosted rows), so a moving range and a run bridge a ghosted point. A
//   month with no value (missing or withheld) is a ghosted point, and so is a
//   month missing from the series altogether (filled in here).
// - Per partition: the mean of its non-ghosted values (L1885), the moving
//   ranges between consecutive non-ghosted values within it (L1895), their
//   mean (L1913), process limits at mean ± 2.66 × mean moving range and the
//   two-sigma lines at mean ± 2.66 × ⅔ × mean moving range (L2044–2062). No
//   moving-range outlier exclusion (v2.6's @ExcludeMovingRangeOutliers,
//   default off, L263).
// - Rules, all comparisons strict, "above" meaning above the partition's mean:
//   single point beyond a process limit (L2102); a shift of 6 non-ghosted
//   points all above or all below the mean, within a partition (L2127–2168);
//   a trend of 6 non-ghosted points each higher (lower) than the one before,
//   across partitions (L2182–2227); two or three of three non-ghosted points
//   beyond the same two-sigma line with all three on that side of the mean,
//   within a partition (L2242–2296).
// - Improvement or concern by the direction (L2316–2359); a point that is
//   both keeps one by the indicator's conflict rule (L2362–2380).
// - The variation and assurance icons are those of the last non-ghosted point
//   (L2394–2416); the assurance icon only for an indicator with a direction and
//   a target (L1834), pass or fail when the target is on a process limit.
// - With fewer than 13 non-ghosted points in the whole chart, recalculations
//   ignored (L293–299, L2431–2436), there are no limits, no special causes and
//   no icons (L3030–3045): a run chart. A partition with fewer than 12
//   non-ghosted points still gets its limits; v2.6 only warns (L305–308).
//
// The settings v2.6 declares (shift and trend length, minimum points, the
// per-metric conflict rule) come from the catalogue (spcSettingsFor); the
// defaults are v2.6's. T and G charts, Pareto, moving-range outlier exclusion
// and the warning table are not ported. v2.6 computes in DECIMAL(38, 19), where
// 2 / 3.0 is 0.666667; this computes in doubles with ⅔ (a value within a
// millionth of a moving range of a two-sigma line could fall the other way).
import { nextPeriod, periodStart, periodsBetween } from "../periods.js";
import { type TargetLike, targetForPeriod } from "./targets.js";

/** Process limits are this many mean moving ranges from the mean (3 / d2, d2 = 1.128: three sigma); v2.6 L2044. */
export const LIMIT_FACTOR = 2.66;
/** The two-sigma lines: two thirds of the way from the mean to a process limit (v2.6 L2047). */
export const TWO_THIRDS_FACTOR = LIMIT_FACTOR * (2 / 3);

/** Which to show when a point triggers an improvement and a concern rule (v2.6 [MetricConflictRule]). */
export type ConflictRule = "improvement" | "concern";

/** v2.6's settings, per indicator (the catalogue's `spc`; spcSettingsFor). */
export interface SpcSettings {
  /** Points in a row on one side of the mean for a shift (v2.6 @SettingSpecialCauseShiftPoints, L266). */
  shiftPoints: number;
  /** Points in a row each higher (lower) than the one before, ends included, for a trend (@SettingSpecialCauseTrendPoints, L269). */
  trendPoints: number;
  /** Non-ghosted points the whole chart needs for limits, rules and icons, recalculations ignored (@SettingMinimumPoints, L299). */
  minimumPoints: number;
  /** A partition with fewer non-ghosted points is flagged `short` (its limits are still drawn; @SettingMinimumPointsPartition, L308). */
  minimumPointsPartition: number;
  /** Whether the two-of-three rule runs (v2.6 always runs it). */
  twoOfThree: boolean;
  /** Whether the variation icon is given (v2.6 always gives it). */
  variationIcon: boolean;
  /** Whether the assurance icon is given (v2.6 gives it whenever there is a target and a direction). */
  assuranceIcon: boolean;
  /** Improvement or concern when a point is both (v2.6 [MetricConflictRule], per metric, L348). */
  conflictRule: ConflictRule;
}

/**
 * v2.6's defaults. The conflict rule has none in v2.6 (each metric must name
 * one); its sample metrics all use "Concern" (L403–410), and so does this when
 * an indicator names none.
 */
export const V26_DEFAULTS: Readonly<SpcSettings> = Object.freeze({
  shiftPoints: 6,
  trendPoints: 6,
  minimumPoints: 13,
  minimumPointsPartition: 12,
  twoOfThree: true,
  variationIcon: true,
  assuranceIcon: true,
  conflictRule: "concern",
});

/** The whole chart needs at least this many non-ghosted points for SPC (v2.6 default). */
export const MIN_POINTS = V26_DEFAULTS.minimumPoints;
/** A shift is at least this many points in a row on one side of the mean (v2.6 default). */
export const SHIFT_LENGTH = V26_DEFAULTS.shiftPoints;
/** A trend is at least this many points in a row each higher (or lower) than the one before (v2.6 default). */
export const TREND_LENGTH = V26_DEFAULTS.trendPoints;

const SETTING_KEYS = Object.keys(V26_DEFAULTS) as (keyof SpcSettings)[];

/**
 * What is wrong with a catalogue's `spc` object (the catalogue's defaults or
 * one indicator's): unknown keys, wrong types, values v2.6 warns about (a
 * shift or trend outside 6–8 points, L2463–2487) or that make no sense.
 * Empty when fine; `where` prefixes each message.
 */
export function checkSpcSettings(raw: unknown, where = "spc"): string[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== "object" || Array.isArray(raw)) return [`${where} must be an object`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key.startsWith("_")) continue; // comments
    const at = `${where}.${key}`;
    switch (key as keyof SpcSettings) {
      case "shiftPoints":
      case "trendPoints":
        if (!Number.isInteger(value) || (value as number) < 6 || (value as number) > 8) problems.push(`${at} must be a whole number from 6 to 8 (v2.6 warns outside that)`);
        break;
      case "minimumPoints":
        if (!Number.isInteger(value) || (value as number) < 2) problems.push(`${at} must be a whole number of at least 2 (v2.6: 2 for no minimum)`);
        break;
      case "minimumPointsPartition":
        if (!Number.isInteger(value) || (value as number) < 1) problems.push(`${at} must be a whole number of at least 1 (v2.6: 1 for no minimum)`);
        break;
      case "twoOfThree":
      case "variationIcon":
      case "assuranceIcon":
        if (typeof value !== "boolean") problems.push(`${at} must be true or false`);
        break;
      case "conflictRule":
        if (value !== "improvement" && value !== "concern") problems.push(`${at} must be "improvement" or "concern"`);
        break;
      default:
        problems.push(`${at} is not a setting (${SETTING_KEYS.join(", ")})`);
    }
  }
  return problems;
}

/** v2.6's defaults overlaid with each given layer in turn (later wins); throws a RangeError on a bad setting. */
export function spcSettings(...layers: readonly (Partial<SpcSettings> | null | undefined)[]): SpcSettings {
  const out: SpcSettings = { ...V26_DEFAULTS };
  layers.forEach((layer, i) => {
    const problems = checkSpcSettings(layer, `settings[${i}]`);
    if (problems.length) throw new RangeError(problems.join("; "));
    for (const [key, value] of Object.entries(layer ?? {})) if (!key.startsWith("_")) (out as unknown as Record<string, unknown>)[key] = value;
  });
  return out;
}

/**
 * An indicator's settings: v2.6's defaults, then the catalogue's `spc` (the
 * settings v2.6 declares once for every metric), then the indicator's own
 * `spc` (at least its conflict rule, which v2.6 sets per metric).
 */
export function spcSettingsFor(catalogue: object | null | undefined, indicator: object | null | undefined): SpcSettings {
  const spcOf = (o: object | null | undefined) => (o as { spc?: Partial<SpcSettings> } | null | undefined)?.spc;
  return spcSettings(spcOf(catalogue), spcOf(indicator));
}

/** One period of a series; null value = missing or withheld (a ghosted point). */
export interface SpcPoint {
  period: string;
  value: number | null;
  /** Leave this point out of every calculation while keeping its value on the chart (v2.6 [GhostFlag]). */
  ghost?: boolean;
}

/** A date from which the limits are recalculated (v2.6 [RecalculateLimitsFlag] on the first point on or after it), and why. */
export interface Recalculation {
  /** A day YYYY-MM-DD, or a period label (its first day). */
  date: string;
  /** Why: a development measure's start, a sustained shift recorded in the programme model. */
  reason?: string | null;
}

/** The baseline (v2.6 #BaselineData): its last period, or its number of non-ghosted points (the period wins when both are given). */
export interface Baseline {
  until?: string;
  points?: number;
}

export type Side = "high" | "low";

/** The special-cause rules: beyond a process limit, shift, trend, two of three beyond the two-sigma line. */
export type SpcRule = "outside-limits" | "shift" | "trend" | "two-of-three";

/** A rule a point triggers, and on which side (for a trend: high = increasing). */
export interface SpcFlag {
  rule: SpcRule;
  side: Side;
}

export interface XmrLimits {
  /** Non-ghosted values the limits were computed from (the baseline's, for the partition after a baseline). */
  n: number;
  mean: number;
  /** Mean of the moving ranges between consecutive non-ghosted values of the partition. */
  meanMovingRange: number;
  /** Upper process limit: mean + 2.66 × mean moving range. */
  upper: number;
  /** Lower process limit: mean − 2.66 × mean moving range. */
  lower: number;
  /** Upper two-sigma line: mean + ⅔ × 2.66 × mean moving range. */
  upperTwoThirds: number;
  /** Lower two-sigma line: mean − ⅔ × 2.66 × mean moving range. */
  lowerTwoThirds: number;
}

/** How one point is coloured (MDC): grey common cause, blue improvement, orange concern, purple neither. */
export type PointVariation = "common-cause" | "improvement" | "concern" | "neither";

export interface XmrPoint {
  period: string;
  /** The value; null when missing or withheld. */
  value: number | null;
  /** Left out of every calculation: no value, or marked as a ghost. */
  ghost: boolean;
  /** |value − previous non-ghosted value in the partition| (v2.6 [MovingRangeWithPartition]); null for ghosted points and a partition's first value. */
  movingRange: number | null;
  /** The rules the point triggers, in the order single point, shift, trend, two of three; empty for ghosted points and below the minimum. */
  flags: SpcFlag[];
  /** Improvement, concern, neither or common cause, after the conflict rule; null for ghosted points and below the minimum (not assessed). */
  variation: PointVariation | null;
  /** Whether the point triggered an improvement and a concern rule and the conflict rule chose (v2.6 [SpecialCauseConflictFlag]). */
  conflict: boolean;
}

/** One partition: the points from one recalculation (or the start, or a baseline's end) up to the next. */
export interface XmrSegment {
  /** The recalculation date (YYYY-MM-DD) this partition starts at; null for the first partition and the one after a baseline. */
  breakDate: string | null;
  /** Why the limits were recalculated at breakDate (the recalculations' reasons given). */
  reasons: string[];
  /** Whether this is the baseline (v2.6 partition 0): its limits carry on into the next partition. */
  baseline: boolean;
  points: XmrPoint[];
  /** Non-ghosted points in this partition. */
  n: number;
  limits: XmrLimits | null;
  /** Why there are no limits; null when there are. */
  reason: string | null;
  /** Fewer than minimumPointsPartition non-ghosted points: v2.6 warns, the limits stand. */
  short: boolean;
}

/** A variation icon (MDC): special cause of improvement / concern / neither, on which side, or common cause. */
export type VariationIcon =
  | "improvement-high"
  | "improvement-low"
  | "concern-high"
  | "concern-low"
  | "neither-high"
  | "neither-low"
  | "common-cause";

/** An assurance icon (MDC): will the process reliably meet the target? */
export type AssuranceIcon = "pass" | "fail" | "hit-and-miss";

/** Which way is better for an indicator (v2.6 [MetricImprovement] Up / Down); null = neither. */
export type Direction = "higher" | "lower" | null;

/** A point plus its partition's lines, flattened for a plotting library. */
export interface XmrRow extends XmrPoint {
  /** Index of the partition (0, 1, …): use it to break lines at a recalculation. */
  segment: number;
  mean: number | null;
  upper: number | null;
  lower: number | null;
  upperTwoThirds: number | null;
  lowerTwoThirds: number | null;
}

export interface XmrOptions<T extends TargetLike = TargetLike> {
  direction?: Direction;
  /** Recalculation dates (YYYY-MM-DD or period labels), with or without a reason. */
  breaks?: readonly (string | Recalculation)[];
  baseline?: Baseline | null;
  /** The indicator's settings; v2.6's defaults for what is not given. */
  settings?: Partial<SpcSettings> | null;
  /** The targets; the assurance icon uses the one in force in the last non-ghosted point's period. */
  targets?: readonly T[];
}

/** The XmR chart of a series: partitions, points, and the icons of the last non-ghosted point. */
export interface XmrAnalysis<T extends TargetLike = TargetLike> {
  settings: SpcSettings;
  direction: Direction;
  segments: XmrSegment[];
  rows: XmrRow[];
  /** Recalculation dates that start a partition (those inside the series). */
  breaks: string[];
  /** Non-ghosted points in the whole chart (v2.6 [RowCountExcludeGhosting]). */
  points: number;
  /** Whether the chart has the minimum number of non-ghosted points for limits, rules and icons. */
  spc: boolean;
  /** The last non-ghosted point and its partition: where the icons are read. */
  latest: { point: XmrPoint; segment: XmrSegment } | null;
  variation: VariationIcon | null;
  /** The target in force in the last non-ghosted point's period (else the last period's). */
  target: T | null;
  assurance: AssuranceIcon | null;
}

const isValue = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

/** A recalculation date as a day: a YYYY-MM-DD date as is, YYYY or YYYY-MM or another period label as its first day. */
export function breakDay(b: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(b)) return b;
  return periodStart(b);
}

const nextOf = new Map<string, string>();
/** The period after `period` (remembered: a chart asks for the same ones over and over). */
function following(period: string): string {
  let next = nextOf.get(period);
  if (next === undefined) {
    next = nextPeriod(period);
    if (nextOf.size < 100_000) nextOf.set(period, next);
  }
  return next;
}

/** The series with the periods missing between its first and last filled in as ghosted points; throws unless in time order. */
export function fillGaps(points: readonly SpcPoint[]): SpcPoint[] {
  const out: SpcPoint[] = [];
  for (const p of points) {
    const prev = out[out.length - 1];
    if (prev) {
      if (periodStart(p.period) <= periodStart(prev.period)) throw new RangeError(`points must be in time order, each period once: ${p.period} after ${prev.period}`);
      if (following(prev.period) !== p.period) {
        const between = periodsBetween(prev.period, p.period).slice(1, -1);
        for (const period of between) out.push({ period, value: null });
      }
    }
    out.push(p);
  }
  return out;
}

interface Partition {
  key: number | "baseline";
  breakDate: string | null;
  reasons: string[];
  /** Indices into the chart's points. */
  members: number[];
}

/**
 * The XmR chart of a series, as v2.6 computes it. Points must be in time
 * order; a missing period between two points is added as a ghosted point.
 * Breaks split the chart into partitions: a partition starts at the first
 * point whose period begins on or after the break date, so the period in
 * which a change happened mid-way still belongs to the old process.
 */
export function xmrAnalysis<T extends TargetLike = TargetLike>(input: readonly SpcPoint[], o: XmrOptions<T> = {}): XmrAnalysis<T> {
  const settings = spcSettings(o.settings);
  const direction: Direction = o.direction ?? null;
  const series = fillGaps(input);
  const values = series.map((p) => (isValue(p.value) ? p.value : null));
  const ghost = series.map((p, i) => p.ghost === true || values[i] === null);

  // Partitions (v2.6 L1744–1746): the number of recalculation dates on or before the period's first day.
  const byDay = new Map<string, string[]>();
  for (const b of o.breaks ?? []) {
    const { date, reason } = typeof b === "string" ? { date: b, reason: null } : b;
    const day = breakDay(date);
    if (!byDay.has(day)) byDay.set(day, []);
    if (reason && !byDay.get(day)!.includes(reason)) byDay.get(day)!.push(reason);
  }
  const days = [...byDay.keys()].sort();
  // The baseline (v2.6 L1771–1808): up to and including its last period, or its n-th non-ghosted point.
  let baselineEnd = -1;
  if (o.baseline?.until !== undefined) baselineEnd = series.findIndex((p) => p.period === o.baseline!.until);
  else if (o.baseline?.points !== undefined) {
    let seen = 0;
    baselineEnd = series.findIndex((_, i) => !ghost[i] && ++seen === o.baseline!.points);
  }
  const crossedBy = series.map((p) => days.filter((d) => d <= periodStart(p.period)).length);
  const partitions: Partition[] = [];
  series.forEach((_, i) => {
    const key: Partition["key"] = i <= baselineEnd ? "baseline" : crossedBy[i];
    const last = partitions[partitions.length - 1];
    if (last && last.key === key) return void last.members.push(i);
    // The recalculation dates passed since the previous point (none before the first point or into the baseline).
    const crossed = i > 0 && key !== "baseline" ? days.slice(crossedBy[i - 1], crossedBy[i]) : [];
    const reasons = [...new Set(crossed.flatMap((d) => byDay.get(d)!))];
    partitions.push({ key, breakDate: crossed.length ? crossed[crossed.length - 1] : null, reasons, members: [i] });
  });

  const nonGhosted = ghost.filter((g) => !g).length;
  const spc = nonGhosted >= settings.minimumPoints;

  // Mean, moving ranges and limits per partition (v2.6 L1883–2062).
  const movingRange: (number | null)[] = series.map(() => null);
  const limitsOf = new Map<Partition, XmrLimits | null>();
  const meanOf = new Map<Partition, number | null>();
  for (const part of partitions) {
    const idx = part.members.filter((i) => !ghost[i]);
    const vals = idx.map((i) => values[i] as number);
    const mean = vals.length ? vals.reduce((s, v) => s + v, 0) / vals.length : null;
    const ranges: number[] = [];
    for (let j = 1; j < idx.length; j++) {
      const mr = Math.abs(vals[j] - vals[j - 1]);
      movingRange[idx[j]] = mr;
      ranges.push(mr);
    }
    const mrMean = ranges.length ? ranges.reduce((s, v) => s + v, 0) / ranges.length : null;
    meanOf.set(part, mean);
    limitsOf.set(part, mean === null || mrMean === null ? null : {
      n: vals.length,
      mean,
      meanMovingRange: mrMean,
      upper: mean + mrMean * LIMIT_FACTOR,
      lower: mean - mrMean * LIMIT_FACTOR,
      upperTwoThirds: mean + mrMean * LIMIT_FACTOR * (2 / 3),
      lowerTwoThirds: mean - mrMean * LIMIT_FACTOR * (2 / 3),
    });
  }
  // The partition after the baseline takes the baseline's mean and limits (v2.6 L2019–2033: only partition 1).
  const basePart = partitions.find((p) => p.key === "baseline");
  const afterBase = basePart ? partitions[partitions.indexOf(basePart) + 1] : undefined;
  if (basePart && afterBase && afterBase.key === 0) {
    meanOf.set(afterBase, meanOf.get(basePart)!);
    limitsOf.set(afterBase, limitsOf.get(basePart)!);
  }

  const flags: SpcFlag[][] = series.map(() => []);
  const add = (i: number, rule: SpcRule, side: Side) => flags[i].push({ rule, side });
  if (spc) {
    const single: Side[][] = series.map(() => []);
    const shift: Side[][] = series.map(() => []);
    const trend: Side[][] = series.map(() => []);
    const twoSigma: Side[][] = series.map(() => []);
    for (const part of partitions) {
      const idx = part.members.filter((i) => !ghost[i]);
      const v = idx.map((i) => values[i] as number);
      const mean = meanOf.get(part) ?? null;
      const lim = limitsOf.get(part) ?? null;
      // Single point beyond a process limit (v2.6 L2102–2107).
      if (lim) idx.forEach((i, j) => {
        if (v[j] > lim.upper) single[i].push("high");
        if (v[j] < lim.lower) single[i].push("low");
      });
      if (mean === null) continue;
      const above = v.map((x) => x > mean);
      const below = v.map((x) => x < mean);
      // Shift within the partition (v2.6 L2127–2168).
      for (const [side, on] of [["high", above], ["low", below]] as const) {
        for (const j of runWindows(on, settings.shiftPoints, true)) shift[idx[j]].push(side);
      }
      // Two or three of three beyond a two-sigma line, all three on its side of the mean (v2.6 L2246–2296).
      if (lim && settings.twoOfThree) {
        const beyondHigh = v.map((x) => x > lim.upperTwoThirds);
        const beyondLow = v.map((x) => x < lim.lowerTwoThirds);
        for (const [side, beyond, sameSide] of [["high", beyondHigh, above], ["low", beyondLow, below]] as const) {
          for (const j of twoOfThree(beyond, sameSide)) twoSigma[idx[j]].push(side);
        }
      }
    }
    // Trend over every non-ghosted point of the chart, across partitions (v2.6 L2186–2227).
    const all = series.map((_, i) => i).filter((i) => !ghost[i]);
    const av = all.map((i) => values[i] as number);
    const increasing = av.map((x, k) => k > 0 && x > av[k - 1]);
    const decreasing = av.map((x, k) => k > 0 && x < av[k - 1]);
    for (const j of runWindows(increasing, settings.trendPoints, false)) trend[all[j]].push("high");
    for (const j of runWindows(decreasing, settings.trendPoints, false)) trend[all[j]].push("low");
    series.forEach((_, i) => {
      for (const side of single[i]) add(i, "outside-limits", side);
      for (const side of shift[i]) add(i, "shift", side);
      for (const side of trend[i]) add(i, "trend", side);
      for (const side of twoSigma[i]) add(i, "two-of-three", side);
    });
  }

  const judged = series.map((_, i) => (ghost[i] || !spc ? null : judgePoint(flags[i], direction, settings.conflictRule)));
  const segments: XmrSegment[] = partitions.map((part) => {
    const n = part.members.filter((i) => !ghost[i]).length;
    const limits = spc ? limitsOf.get(part) ?? null : null;
    return {
      breakDate: part.breakDate,
      reasons: part.reasons,
      baseline: part.key === "baseline",
      n,
      points: part.members.map((i) => ({
        period: series[i].period,
        value: values[i],
        ghost: ghost[i],
        movingRange: movingRange[i],
        flags: flags[i],
        variation: judged[i]?.variation ?? null,
        conflict: judged[i]?.conflict ?? false,
      })),
      limits,
      reason: limits ? null : !spc ? `fewer than ${settings.minimumPoints} points` : "fewer than 2 points in the partition",
      short: n < settings.minimumPointsPartition,
    };
  });

  let latest: XmrAnalysis["latest"] = null;
  for (const segment of segments) for (const point of segment.points) if (!point.ghost) latest = { point, segment };
  const lastPeriod = series[series.length - 1]?.period;
  const targetPeriod = latest?.point.period ?? lastPeriod;
  const target = targetPeriod && o.targets?.length ? targetForPeriod(o.targets, targetPeriod) : null;
  const variation = spc && latest && settings.variationIcon ? variationIcon(latest.point.flags, direction, settings.conflictRule) : null;
  const assurance = spc && latest && settings.assuranceIcon ? assuranceIcon(latest.segment.limits, target, direction) : null;
  return {
    settings,
    direction,
    segments,
    rows: xmrRows(segments),
    breaks: segments.map((s) => s.breakDate).filter((d): d is string => d !== null),
    points: nonGhosted,
    spc,
    latest,
    variation,
    target,
    assurance,
  };
}

/**
 * The positions in every window of `length` in a row that all hold, v2.6's
 * way (L2145–2168, L2206–2227): a window starts at j when the next length − 1
 * positions hold (and, for a shift, j itself: `startHolds`); a position is in
 * the rule when a window starts within the length − 1 positions before it or
 * at it.
 */
export function runWindows(holds: readonly boolean[], length: number, startHolds: boolean): number[] {
  const starts = holds.map((h, j) => {
    if (startHolds && !h) return false;
    if (j + length - 1 >= holds.length) return false;
    for (let k = j + 1; k <= j + length - 1; k++) if (!holds[k]) return false;
    return true;
  });
  const out: number[] = [];
  holds.forEach((_, j) => {
    for (let s = Math.max(0, j - length + 1); s <= j; s++) if (starts[s]) return void out.push(j);
  });
  return out;
}

/**
 * Two or three of three points beyond a two-sigma line, all three on that side
 * of the mean (v2.6 L2260–2296). A point beyond the line starts a group when
 * the next point is beyond it too and the point before or the one after the
 * next is on its side of the mean, or when the point after the next is beyond
 * it and the next is on its side. A point beyond the line is in the rule when
 * a group starts at it or at one of the two points before it.
 */
export function twoOfThree(beyond: readonly boolean[], sameSide: readonly boolean[]): number[] {
  const at = (a: readonly boolean[], j: number) => j >= 0 && j < a.length && a[j];
  const starts = beyond.map((b, j) => b && ((at(beyond, j + 1) && (at(sameSide, j - 1) || at(sameSide, j + 2))) || (at(beyond, j + 2) && at(sameSide, j + 1))));
  const out: number[] = [];
  beyond.forEach((b, j) => {
    if (b && (starts[j] || at(starts, j - 1) || at(starts, j - 2))) out.push(j);
  });
  return out;
}

/** Improvement / concern / neither of one point's rules by the direction, and the conflict rule (v2.6 L2313–2380). */
function judgePoint(flags: readonly SpcFlag[], direction: Direction, conflictRule: ConflictRule): { variation: PointVariation; conflict: boolean } {
  const high = flags.some((f) => f.side === "high");
  const low = flags.some((f) => f.side === "low");
  if (direction === null) return { variation: high || low ? "neither" : "common-cause", conflict: false };
  let improvement = direction === "higher" ? high : low;
  let concern = direction === "higher" ? low : high;
  const conflict = improvement && concern;
  if (conflict) {
    if (conflictRule === "improvement") concern = false;
    else improvement = false;
  }
  return { variation: improvement ? "improvement" : concern ? "concern" : "common-cause", conflict };
}

/** How to colour a point with these rules: improvement, concern, neither or common cause (v2.6 L2313–2380). */
export function pointVariation(point: Pick<XmrPoint, "flags">, direction: Direction, conflictRule: ConflictRule = V26_DEFAULTS.conflictRule): PointVariation {
  return judgePoint(point.flags, direction, conflictRule).variation;
}

/**
 * The variation icon of a point's rules (v2.6 L2397–2405): for a higher-is-
 * better indicator improvement-high or concern-low, for lower-is-better
 * improvement-low or concern-high (after the conflict rule), without a
 * direction neither-high (checked first) or neither-low; else common cause.
 * xmrAnalysis reads it at the last non-ghosted point.
 */
export function variationIcon(flags: readonly SpcFlag[], direction: Direction, conflictRule: ConflictRule = V26_DEFAULTS.conflictRule): VariationIcon {
  if (direction === null) {
    if (flags.some((f) => f.side === "high")) return "neither-high";
    if (flags.some((f) => f.side === "low")) return "neither-low";
    return "common-cause";
  }
  const { variation } = judgePoint(flags, direction, conflictRule);
  if (variation === "improvement") return direction === "higher" ? "improvement-high" : "improvement-low";
  if (variation === "concern") return direction === "higher" ? "concern-low" : "concern-high";
  return "common-cause";
}

/**
 * The assurance icon (v2.6 L2406–2414): where the target lies against the
 * process limits, by the indicator's direction (not the target's operator).
 * Higher is better: pass when the target is at or below the lower limit, fail
 * when it is at or above the upper limit, otherwise hit and miss; mirrored for
 * lower is better. Null without limits, target or direction (v2.6 L1834).
 */
export function assuranceIcon(limits: Pick<XmrLimits, "upper" | "lower"> | null, target: { value: number } | null, direction: Direction): AssuranceIcon | null {
  if (!limits || !target || direction === null) return null;
  const t = target.value;
  if (direction === "higher") return t <= limits.lower ? "pass" : t < limits.upper ? "hit-and-miss" : "fail";
  return t >= limits.upper ? "pass" : t > limits.lower ? "hit-and-miss" : "fail";
}

/** The XmR chart of one process (no recalculation): its one partition. */
export function xmr(points: readonly SpcPoint[], o: Omit<XmrOptions, "breaks" | "baseline"> = {}): XmrSegment {
  const [segment] = xmrAnalysis(points, o).segments;
  return segment ?? { breakDate: null, reasons: [], baseline: false, points: [], n: 0, limits: null, reason: `fewer than ${spcSettings(o.settings).minimumPoints} points`, short: true };
}

/** The partitions of a chart recalculated at the breaks (xmrAnalysis). */
export function xmrWithBreaks(points: readonly SpcPoint[], breaks: readonly (string | Recalculation)[], o: Omit<XmrOptions, "breaks"> = {}): XmrSegment[] {
  return points.length ? xmrAnalysis(points, { ...o, breaks }).segments : [];
}

/** Partitions flattened into one row per point with its partition's lines, for a plotting library (z = segment). */
export function xmrRows(segments: readonly XmrSegment[]): XmrRow[] {
  // Plain loops and fields written out: flatMap and object spread made this the slowest step of a chart.
  const rows: XmrRow[] = [];
  segments.forEach((s, segment) => {
    const l = s.limits;
    for (const p of s.points) {
      rows.push({
        period: p.period,
        value: p.value,
        ghost: p.ghost,
        movingRange: p.movingRange,
        flags: p.flags,
        variation: p.variation,
        conflict: p.conflict,
        segment,
        mean: l?.mean ?? null,
        upper: l?.upper ?? null,
        lower: l?.lower ?? null,
        upperTwoThirds: l?.upperTwoThirds ?? null,
        lowerTwoThirds: l?.lowerTwoThirds ?? null,
      });
    }
  });
  return rows;
}
