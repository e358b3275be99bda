// The variation icon of an XmR chart's last point, v2.6's way, without
// drawing the chart. The statuses read it at every month of every monthly
// series (the chart as it stood then): through xmrAnalysis, which works out
// every point's moving range, rules and row, that was a chart per month and
// about 9 s of the Helsinki-scale slices. The last point needs only its
// partition's mean and limits and its own rules. Only what statuses.ts
// passes is supported (direction, breaks, settings; no baseline, whose
// limits carry over to the next partition). test/spc-latest.test.ts holds
// it to xmrAnalysis(prefix).variation on every prefix of many series.
import { type Direction, type Recalculation, type SpcFlag, type SpcPoint, type SpcSettings, type VariationIcon, LIMIT_FACTOR, breakDay, fillGaps, runWindows, spcSettings, twoOfThree, variationIcon } from "./spc.js";
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
    // The rules of spc.ts, run over the values that decide the last point: the
    // last shiftPoints of its partition (a shift), the last trendPoints of the
    // chart's non-ghosted values (a trend, across partitions) and the last three
    // of the partition (two of three: a group starting at most two before it;
    // the value before such a start only matters when the last is not beyond
    // the line, and then the last is in no group).
    const shift = v.slice(-settings.shiftPoints);
    if (atEnd(runWindows(shift.map((y) => y > mean), settings.shiftPoints, true), shift.length)) flags.push({ rule: "shift", side: "high" });
    if (atEnd(runWindows(shift.map((y) => y < mean), settings.shiftPoints, true), shift.length)) flags.push({ rule: "shift", side: "low" });
    const trend: number[] = [];
    for (let j = Math.max(0, m - settings.trendPoints); j < m; j++) trend.push(values[kept[j]]);
    if (atEnd(runWindows(trend.map((y, k) => k > 0 && y > trend[k - 1]), settings.trendPoints, false), trend.length)) flags.push({ rule: "trend", side: "high" });
    if (atEnd(runWindows(trend.map((y, k) => k > 0 && y < trend[k - 1]), settings.trendPoints, false), trend.length)) flags.push({ rule: "trend", side: "low" });
    if (mrMean !== null && settings.twoOfThree) {
      const last3 = v.slice(-3);
      const upper = mean + mrMean * LIMIT_FACTOR * (2 / 3);
      const lower = mean - mrMean * LIMIT_FACTOR * (2 / 3);
      if (atEnd(twoOfThree(last3.map((y) => y > upper), last3.map((y) => y > mean)), last3.length)) flags.push({ rule: "two-of-three", side: "high" });
      if (atEnd(twoOfThree(last3.map((y) => y < lower), last3.map((y) => y < mean)), last3.length)) flags.push({ rule: "two-of-three", side: "low" });
    }
    return variationIcon(flags, direction, settings.conflictRule);
  };
}

/** Whether a rule's positions include the last of `length` values. */
const atEnd = (positions: readonly number[], length: number) => positions.length > 0 && positions[positions.length - 1] === length - 1;
