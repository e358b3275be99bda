// The variation icon of an XmR chart's last point, v2.6's way, without
// drawing the chart. The statuses read it at every month of every monthly
// series (the chart as it stood then): through xmrAnalysis, which works out
// every point's moving range, rules and row, that was a chart per month and
// about 9 s of the Helsinki-scale slices. The last point needs only its
// partition's mean and limits and its own rules. Only what statuses.ts
// passes is supported (direction, breaks, settings; no baseline, whose
// limits carry over to the next partition). test/spc-latest.test.ts holds
// it to xmrAnalysis(prefix).variation on every prefix of many series.
import { type Direction, type Recalculation, type SpcFlag, type SpcPoint, type SpcSettings, type VariationIcon, LIMIT_FACTOR, breakDay, fillGaps, spcSettings, variationIcon } from "./spc.js";
import { periodStart } from "../periods.js";

export interface LatestOptions {
  direction?: Direction;
  breaks?: readonly (string | Recalculation)[];
  settings?: Partial<SpcSettings>;
}

/**
 * For a series (time order, as xmrAnalysis takes it): a function giving, for
 * the index of one of its points, the variation icon xmrAnalysis would give
 * the series up to and including that point.
 */
export function latestVariations(points: readonly SpcPoint[], o: LatestOptions = {}): (end: number) => VariationIcon | null {
  const settings = spcSettings(o.settings);
  const direction: Direction = o.direction ?? null;
  const series = fillGaps(points);
  // Each given point's place in the gap-filled series (gaps are only inserted between points).
  const place: number[] = [];
  series.forEach((p, i) => {
    if (place.length < points.length && p === points[place.length]) place.push(i);
  });
  const n = series.length;
  const values = new Float64Array(n);
  const ghost = new Uint8Array(n);
  series.forEach((p, i) => {
    const v = p.value;
    ghost[i] = p.ghost === true || v == null || !Number.isFinite(v) ? 1 : 0;
    values[i] = ghost[i] ? NaN : (v as number);
  });
  // The partition key of each point: how many recalculation days are on or before its period's first day.
  const days = [...new Set((o.breaks ?? []).map((b) => breakDay(typeof b === "string" ? b : b.date)))].sort();
  const key = series.map((p) => {
    const start = periodStart(p.period);
    let k = 0;
    while (k < days.length && days[k] <= start) k++;
    return k;
  });
  // The non-ghosted points in order, and how many there are up to each point.
  const kept: number[] = [];
  const keptUpTo = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!ghost[i]) kept.push(i);
    keptUpTo[i] = kept.length;
  }

  return (end: number) => {
    const e = place[end];
    if (e === undefined) throw new RangeError(`no point ${end}`);
    const m = keptUpTo[e];
    // No non-ghosted point, or a run chart (fewer than the minimum in the whole chart): no icon.
    if (m === 0 || m < settings.minimumPoints || !settings.variationIcon) return null;
    const last = kept[m - 1];
    // The last point's partition: its non-ghosted points up to it (keys only grow along the series).
    let first = m - 1;
    while (first > 0 && key[kept[first - 1]] === key[last]) first--;
    const v: number[] = [];
    for (let j = first; j < m; j++) v.push(values[kept[j]]);
    // Summed left to right from 0, as xmrAnalysis does, so the floats are the same.
    let sum = 0;
    for (const x of v) sum += x;
    const mean = sum / v.length;
    let mrSum = 0;
    for (let j = 1; j < v.length; j++) mrSum += Math.abs(v[j] - v[j - 1]);
    const mrMean = v.length > 1 ? mrSum / (v.length - 1) : null;
    const flags: SpcFlag[] = [];
    const x = v[v.length - 1];
    const len = v.length;
    if (mrMean !== null) {
      if (x > mean + mrMean * LIMIT_FACTOR) flags.push({ rule: "outside-limits", side: "high" });
      if (x < mean - mrMean * LIMIT_FACTOR) flags.push({ rule: "outside-limits", side: "low" });
    }
    // A shift: the last shiftPoints points of the partition all above (below) the mean.
    if (len >= settings.shiftPoints) {
      let above = true;
      let below = true;
      for (let j = len - settings.shiftPoints; j < len; j++) {
        if (!(v[j] > mean)) above = false;
        if (!(v[j] < mean)) below = false;
      }
      if (above) flags.push({ rule: "shift", side: "high" });
      if (below) flags.push({ rule: "shift", side: "low" });
    }
    // A trend, across partitions: the last trendPoints − 1 steps of the non-ghosted points all up (down).
    if (m >= settings.trendPoints) {
      let up = true;
      let down = true;
      for (let j = m - settings.trendPoints + 1; j < m; j++) {
        const a = values[kept[j - 1]], b = values[kept[j]];
        if (!(b > a)) up = false;
        if (!(b < a)) down = false;
      }
      if (up) flags.push({ rule: "trend", side: "high" });
      if (down) flags.push({ rule: "trend", side: "low" });
    }
    if (mrMean !== null && settings.twoOfThree) {
      if (twoOfThreeAtEnd(v, mean, mean + mrMean * LIMIT_FACTOR * (2 / 3), 1)) flags.push({ rule: "two-of-three", side: "high" });
      if (twoOfThreeAtEnd(v, mean, mean - mrMean * LIMIT_FACTOR * (2 / 3), -1)) flags.push({ rule: "two-of-three", side: "low" });
    }
    return variationIcon(flags, direction, settings.conflictRule);
  };
}

/**
 * Whether the last of a partition's values is in spc.ts's two-of-three rule
 * on one side (1 high, -1 low): beyond the two-sigma line, and a group
 * starts at it or at one of the two values before it (the same conditions
 * as twoOfThree there, read at the last position).
 */
function twoOfThreeAtEnd(v: readonly number[], mean: number, line: number, sign: 1 | -1): boolean {
  const j = v.length - 1;
  return beyondAt(v, j, line, sign) && (startsAt(v, j, mean, line, sign) || startsAt(v, j - 1, mean, line, sign) || startsAt(v, j - 2, mean, line, sign));
}

// Module-level rather than closures: called for every icon of every series.
const beyondAt = (v: readonly number[], j: number, line: number, sign: number) => j >= 0 && j < v.length && sign * v[j] > sign * line;
const sameAt = (v: readonly number[], j: number, mean: number, sign: number) => j >= 0 && j < v.length && sign * v[j] > sign * mean;
const startsAt = (v: readonly number[], j: number, mean: number, line: number, sign: number) =>
  beyondAt(v, j, line, sign) &&
  ((beyondAt(v, j + 1, line, sign) && (sameAt(v, j - 1, mean, sign) || sameAt(v, j + 2, mean, sign))) || (beyondAt(v, j + 2, line, sign) && sameAt(v, j + 1, mean, sign)));
