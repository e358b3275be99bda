// XmR (individuals) statistical process control charts, as in NHS England's
// "Making Data Count" (MDC): mean, process limits at mean ± 2.66 × the mean
// moving range, four special-cause rules, and the variation and assurance
// icons. Used to tell leadership whether a change in an indicator is a signal
// or noise, so nobody reacts to a single month's wobble.
//
// Pure functions on plain data: imported by browser pages (bundled by
// Observable Framework) and by Node tools alike, so no Node-only imports.
//
// Rules chosen where MDC leaves room (tests pin each one):
// - Missing values (null, or not a finite number — e.g. a suppressed cell) are
//   left out as if the period were not on the chart: they do not count
//   towards the limits or the 12-point minimum, a moving range is taken
//   between consecutive non-null values (bridging the gap), and a run (shift,
//   trend, two-of-three) continues across a gap. A suppressed month is not
//   evidence either way, so it neither makes nor breaks a signal.
// - Comparisons are strict: a point exactly on a limit is inside it, exactly on
//   the two-thirds line is not beyond it, exactly on the mean breaks a shift,
//   and equal neighbours break a trend.
// - A segment with fewer than 12 non-null values gets no limits and no
//   special-cause flags (no mean to run against, too little data to judge).
// - Runs never cross a break: each segment is a process of its own.
// - No moving-range screening (MDC's optional exclusion of moving ranges above
//   3.267 × mean moving range) and no limits clipped to a scale: the limits are
//   the plain formula, so they can be recomputed by hand.
import { periodStart } from "./targets.js";

/** Process limits are this many mean moving ranges from the mean (3 / d2, d2 = 1.128: three sigma). */
export const LIMIT_FACTOR = 2.66;
/** The two-thirds lines: two thirds of the way from the mean to a process limit (two sigma). */
export const TWO_THIRDS_FACTOR = (2 / 3) * LIMIT_FACTOR;
/** A segment needs at least this many non-null values for limits. */
export const MIN_POINTS = 12;
/** A shift is at least this many consecutive points on one side of the mean. */
export const SHIFT_LENGTH = 7;
/** A trend is at least this many consecutive points each higher (or lower) than the one before. */
export const TREND_LENGTH = 7;

/** One period of a series; null value = missing or suppressed. */
export interface SpcPoint {
  period: string;
  value: number | null;
}

export type Side = "high" | "low";

/** The special-cause rules: (a) outside the process limits, (b) shift, (c) trend, (d) two of three beyond the two-thirds line. */
export type SpcRule = "outside-limits" | "shift" | "trend" | "two-of-three";

/** A point's membership in a special cause, and on which side (for a trend: high = increasing). */
export interface SpcFlag {
  rule: SpcRule;
  side: Side;
}

export interface XmrLimits {
  /** Number of non-null values the limits were computed from. */
  n: number;
  mean: number;
  /** Mean of the moving ranges between consecutive non-null values. */
  meanMovingRange: number;
  /** Upper process limit: mean + 2.66 × mean moving range. */
  upper: number;
  /** Lower process limit: mean − 2.66 × mean moving range. */
  lower: number;
  /** mean + ⅔ × 2.66 × mean moving range. */
  upperTwoThirds: number;
  /** mean − ⅔ × 2.66 × mean moving range. */
  lowerTwoThirds: number;
}

export interface XmrPoint extends SpcPoint {
  /** |value − previous non-null value in the segment|; null for the first value and for missing values. */
  movingRange: number | null;
  /** Special causes this point belongs to, in rule order (a)–(d); empty = common cause. */
  flags: SpcFlag[];
}

/** One process: the points from one break (or the start) up to the next break. */
export interface XmrSegment {
  /** The break date (YYYY-MM-DD) this segment starts at; null for the first segment. */
  breakDate: string | null;
  points: XmrPoint[];
  limits: XmrLimits | null;
  /** Why there are no limits (e.g. "fewer than 12 points"); null when there are. */
  reason: string | null;
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

/** How one point is coloured (MDC): grey common cause, blue improvement, orange concern, purple neither. */
export type PointVariation = "common-cause" | "improvement" | "concern" | "neither";

/** An assurance icon (MDC): will the process reliably meet the target? */
export type AssuranceIcon = "pass" | "fail" | "hit-and-miss";

/** Which way is better for an indicator; null = neither (e.g. a count of responses). */
export type Direction = "higher" | "lower" | null;

/** A point plus its segment's lines, flattened for a plotting library. */
export interface XmrRow extends XmrPoint {
  /** Index of the segment (0, 1, …): use it to break lines at a break. */
  segment: number;
  mean: number | null;
  upper: number | null;
  lower: number | null;
  upperTwoThirds: number | null;
  lowerTwoThirds: number | null;
}

const isValue = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

/** Positions of the non-null values: the rules run over these, so a gap joins its neighbours. */
function presentIndices(values: readonly (number | null)[]): number[] {
  const idx: number[] = [];
  values.forEach((v, i) => {
    if (isValue(v)) idx.push(i);
  });
  return idx;
}

const emptySides = (length: number): Side[][] => Array.from({ length }, () => []);

function addSide(list: Side[], side: Side): void {
  if (!list.includes(side)) list.push(side);
}

/** Moving ranges: |value − previous non-null value|; null for the first value and for missing values. */
export function movingRanges(values: readonly (number | null)[]): (number | null)[] {
  let previous: number | null = null;
  return values.map((v) => {
    if (!isValue(v)) return null;
    const mr = previous === null ? null : Math.abs(v - previous);
    previous = v;
    return mr;
  });
}

/**
 * Mean, mean moving range, process limits and two-thirds lines of the
 * non-null values; null with fewer than two values (no moving range). The
 * 12-point minimum is applied by xmr(), not here.
 */
export function xmrLimits(values: readonly (number | null)[]): XmrLimits | null {
  const present = values.filter(isValue);
  const ranges = movingRanges(values).filter(isValue);
  if (present.length < 2) return null;
  const mean = present.reduce((s, v) => s + v, 0) / present.length;
  const meanMovingRange = ranges.reduce((s, v) => s + v, 0) / ranges.length;
  return {
    n: present.length,
    mean,
    meanMovingRange,
    upper: mean + LIMIT_FACTOR * meanMovingRange,
    lower: mean - LIMIT_FACTOR * meanMovingRange,
    upperTwoThirds: mean + TWO_THIRDS_FACTOR * meanMovingRange,
    lowerTwoThirds: mean - TWO_THIRDS_FACTOR * meanMovingRange,
  };
}

/** Rule (a): the side of each point strictly outside the process limits. */
export function ruleOutsideLimits(values: readonly (number | null)[], limits: XmrLimits): Side[][] {
  return values.map((v) => (!isValue(v) ? [] : v > limits.upper ? ["high"] : v < limits.lower ? ["low"] : []));
}

/**
 * Marks every point of each maximal run of `minLength` or more consecutive
 * non-null points sharing the same non-null key (keys[i] for the i-th
 * non-null point). A null key breaks the run.
 */
function markRuns(length: number, idx: readonly number[], keys: readonly (Side | null)[], minLength: number): Side[][] {
  const out = emptySides(length);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] !== null && keys[i] === keys[start]) continue;
    const side = keys[start];
    if (side !== null && i - start >= minLength) for (let j = start; j < i; j++) addSide(out[idx[j]], side);
    start = i;
  }
  return out;
}

/** Rule (b), shift: 7 or more consecutive points strictly on one side of the mean; a point on the mean breaks the run. */
export function ruleShift(values: readonly (number | null)[], mean: number, minLength = SHIFT_LENGTH): Side[][] {
  const idx = presentIndices(values);
  const sides = idx.map((i): Side | null => {
    const v = values[i] as number;
    return v > mean ? "high" : v < mean ? "low" : null;
  });
  return markRuns(values.length, idx, sides, minLength);
}

/**
 * Rule (c), trend: 7 or more consecutive points each strictly higher (side
 * "high") or strictly lower ("low") than the one before — 6 consecutive
 * increases. Equal neighbours break the run. The turning point between a
 * rising and a falling trend belongs to both.
 */
export function ruleTrend(values: readonly (number | null)[], minLength = TREND_LENGTH): Side[][] {
  const idx = presentIndices(values);
  // steps[k] is the direction from the k-th to the (k+1)-th non-null value.
  const steps = idx.slice(1).map((i, k): Side | null => {
    const [a, b] = [values[idx[k]] as number, values[i] as number];
    return b > a ? "high" : b < a ? "low" : null;
  });
  // A run of m equal steps covers m + 1 points: mark the steps, then both ends of each marked step.
  const stepMarks = markRuns(steps.length, steps.map((_, k) => k), steps, minLength - 1);
  const out = emptySides(values.length);
  stepMarks.forEach((sides, k) => {
    for (const side of sides) {
      addSide(out[idx[k]], side);
      addSide(out[idx[k + 1]], side);
    }
  });
  return out;
}

/**
 * Rule (d): two out of three consecutive points strictly beyond the same
 * two-thirds line (two sigma), whether still inside the process limit or
 * outside it; the third point may be anywhere. The points beyond the line are
 * flagged, not the third.
 */
export function ruleTwoOfThree(values: readonly (number | null)[], limits: XmrLimits): Side[][] {
  const idx = presentIndices(values);
  const beyond = idx.map((i): Side | null => {
    const v = values[i] as number;
    return v > limits.upperTwoThirds ? "high" : v < limits.lowerTwoThirds ? "low" : null;
  });
  const out = emptySides(values.length);
  for (let k = 0; k + 2 < idx.length; k++) {
    for (const side of ["high", "low"] as const) {
      const window = [k, k + 1, k + 2].filter((j) => beyond[j] === side);
      if (window.length >= 2) for (const j of window) addSide(out[idx[j]], side);
    }
  }
  return out;
}

/** All four rules on one segment's values, as flags per point in rule order (a)–(d). */
export function specialCauses(values: readonly (number | null)[], limits: XmrLimits): SpcFlag[][] {
  const rules: [SpcRule, Side[][]][] = [
    ["outside-limits", ruleOutsideLimits(values, limits)],
    ["shift", ruleShift(values, limits.mean)],
    ["trend", ruleTrend(values)],
    ["two-of-three", ruleTwoOfThree(values, limits)],
  ];
  return values.map((_, i) => rules.flatMap(([rule, hits]) => hits[i].map((side) => ({ rule, side }))));
}

/**
 * An XmR chart of one process (no breaks). Points are taken in the order
 * given; a value that is not a finite number comes back as null. With fewer than 12 non-null values there are no limits and no flags,
 * and `reason` says so.
 */
export function xmr(points: readonly SpcPoint[]): XmrSegment {
  const values = points.map((p) => (isValue(p.value) ? p.value : null));
  const ranges = movingRanges(values);
  const n = values.filter(isValue).length;
  const limits = n >= MIN_POINTS ? xmrLimits(values) : null;
  const flags = limits ? specialCauses(values, limits) : values.map(() => []);
  return {
    breakDate: null,
    points: points.map((p, i) => ({ period: p.period, value: values[i], movingRange: ranges[i], flags: flags[i] })),
    limits,
    reason: limits ? null : `fewer than ${MIN_POINTS} points`,
  };
}

/** A break as a date: a YYYY-MM-DD date as is, a period label (2022-03, 2022Q1, …) as its first day. */
function breakDay(b: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(b) ? b : periodStart(b);
}

/**
 * XmR chart recalculated at breaks (e.g. the start of a development measure):
 * limits, moving ranges and rules are computed separately for each segment.
 * A segment starts at the first point whose period begins on or after the
 * break date, so the period in which a change happened mid-way still belongs
 * to the old process and the new limits describe only periods wholly after
 * the change. Breaks may be dates or period labels; segments without points
 * are left out. Points must be in time order (checked).
 */
export function xmrWithBreaks(points: readonly SpcPoint[], breakDates: readonly string[]): XmrSegment[] {
  const breaks = [...new Set(breakDates.map(breakDay))].sort();
  const groups = new Map<number, SpcPoint[]>();
  let last = 0;
  for (const p of points) {
    const start = periodStart(p.period);
    const k = breaks.filter((b) => b <= start).length;
    if (k < last) throw new RangeError(`points must be in time order: ${p.period} comes after a later break`);
    last = k;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(p);
  }
  return [...groups].map(([k, pts]) => ({ ...xmr(pts), breakDate: k === 0 ? null : breaks[k - 1] }));
}

/**
 * The side of a point's special cause, or null for common cause. Position
 * rules (outside the limits, two of three, shift) decide first: they always
 * agree with each other, since all say where the point lies relative to the
 * mean. Only a trend can disagree (rising but still below the mean); the
 * position wins then, because it says where the process is now. A point in a
 * trend only takes the trend's direction; a turning point of a rise and a fall
 * takes the side of the mean it lies on (on the mean: high).
 */
export function specialCauseSide(point: Pick<XmrPoint, "flags" | "value">, mean: number | null): Side | null {
  if (point.flags.length === 0) return null;
  const position = point.flags.find((f) => f.rule !== "trend");
  if (position) return position.side;
  const sides = new Set(point.flags.map((f) => f.side));
  if (sides.size === 1) return point.flags[0].side;
  return mean !== null && point.value !== null && point.value < mean ? "low" : "high";
}

/** Whether a side is good, bad or neither for an indicator's direction. */
function judge(side: Side, direction: Direction): "improvement" | "concern" | "neither" {
  if (direction === null) return "neither";
  return (side === "high") === (direction === "higher") ? "improvement" : "concern";
}

/** How to colour one point of a segment: common cause, or a special cause of improvement, concern or neither. */
export function pointVariation(point: Pick<XmrPoint, "flags" | "value">, mean: number | null, direction: Direction): PointVariation {
  const side = specialCauseSide(point, mean);
  return side === null ? "common-cause" : judge(side, direction);
}

/**
 * The variation icon of a process, as MDC draws it: from the special-cause
 * status of its latest non-null point only. A signal earlier in the segment
 * that has since ended gives "common-cause". Pass the latest segment
 * (`segments.at(-1)`): after a break the old process no longer speaks for the
 * current one. Null when the segment has no limits (too few points) or no
 * values.
 */
export function variationIcon(segment: XmrSegment, direction: Direction): VariationIcon | null {
  if (!segment.limits) return null;
  let latest: XmrPoint | undefined;
  for (const p of segment.points) if (p.value !== null) latest = p;
  if (!latest) return null;
  const side = specialCauseSide(latest, segment.limits.mean);
  return side === null ? "common-cause" : `${judge(side, direction)}-${side}`;
}

/**
 * The assurance icon: where the target lies relative to the process limits.
 * For a `>=` target: "pass" when the lower limit is at or above it (every value
 * the process produces meets it), "fail" when the upper limit is below it
 * (none does), otherwise "hit-and-miss"; mirrored for `<=`. Equality follows
 * isMet(): a limit exactly on the target meets it. The op, not the indicator's
 * direction, says which side is good. Null without limits or without a target;
 * pass the limits of the latest segment and the target in force for the
 * latest period (targetForPeriod).
 */
export function assuranceIcon(
  limits: Pick<XmrLimits, "upper" | "lower"> | null,
  target: { op: ">=" | "<="; value: number } | null,
): AssuranceIcon | null {
  if (!limits || !target) return null;
  if (target.op === ">=") return limits.lower >= target.value ? "pass" : limits.upper < target.value ? "fail" : "hit-and-miss";
  return limits.upper <= target.value ? "pass" : limits.lower > target.value ? "fail" : "hit-and-miss";
}

/** Segments flattened into one row per point with its segment's lines, for a plotting library (z = segment). */
export function xmrRows(segments: readonly XmrSegment[]): XmrRow[] {
  return segments.flatMap((s, segment) =>
    s.points.map((p) => ({
      ...p,
      segment,
      mean: s.limits?.mean ?? null,
      upper: s.limits?.upper ?? null,
      lower: s.limits?.lower ?? null,
      upperTwoThirds: s.limits?.upperTwoThirds ?? null,
      lowerTwoThirds: s.limits?.lowerTwoThirds ?? null,
    })),
  );
}
