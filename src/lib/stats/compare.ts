// Significance as PHE's Fingertips reports it: better, similar or worse by the
// indicator's polarity, or not compared. Ported from Fingertips' own code
// (ukhsa-collaboration/fingertips-open, PholioVisualisationWS/Analysis):
//
// - compared with a benchmark (IndicatorComparer.cs and
//   SingleOverlappingCIsForOneCILevelComparer.cs): similar when the benchmark
//   value lies inside the value's confidence interval, ends included; else
//   better or worse by which side it is on and the polarity. Fingertips'
//   "compared with England"; here a unit compared with the whole city.
// - compared with an earlier period (TrendBetweenTwoValuesCalculator.cs, which
//   uses DoubleOverlappingCIsComparer.cs): similar when the two intervals
//   overlap, touching included; else better or worse.
//
// An indicator with no better direction (Fingertips' "blue/orange/blue"
// polarity) gets higher or lower instead of better or worse. A value or
// benchmark without a number, or an interval without both limits, is not
// compared (Fingertips' Significance.None): a withheld cell never enters a
// comparison.
import type { Interval } from "./interval.js";

/** Which way is better; null = neither (higher / lower is reported instead). */
export type Polarity = "higher" | "lower" | null;

/** The outcome of a comparison. */
export type Outcome = "better" | "similar" | "worse" | "higher" | "lower" | "not-compared";

export const OUTCOMES: readonly Outcome[] = ["better", "similar", "worse", "higher", "lower", "not-compared"];

/** A value with its confidence interval; null when there is none to compare. */
export interface Estimate {
  value: number;
  interval: Interval;
}

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);
const usable = (e: Estimate | null | undefined): e is Estimate => !!e && finite(e.value) && finite(e.interval.lower) && finite(e.interval.upper);

/** Higher or lower turned into better or worse by the polarity (IndicatorComparer.AdjustForPolarity). */
export function withPolarity(side: "higher" | "lower", polarity: Polarity): Outcome {
  if (polarity === null) return side;
  return (side === "higher") === (polarity === "higher") ? "better" : "worse";
}

/** A value compared with a benchmark value: similar when the benchmark is inside the value's interval (ends included). */
export function compareWithBenchmark(estimate: Estimate | null | undefined, benchmark: number | null | undefined, polarity: Polarity): Outcome {
  if (!usable(estimate) || !finite(benchmark)) return "not-compared";
  if (benchmark >= estimate.interval.lower && benchmark <= estimate.interval.upper) return "similar";
  return withPolarity(estimate.value < benchmark ? "lower" : "higher", polarity);
}

/** A value compared with an earlier one: similar when their intervals overlap (touching included). */
export function compareIntervals(estimate: Estimate | null | undefined, earlier: Estimate | null | undefined, polarity: Polarity): Outcome {
  if (!usable(estimate) || !usable(earlier)) return "not-compared";
  const overlap = estimate.value < earlier.value ? earlier.interval.lower <= estimate.interval.upper : estimate.interval.lower <= earlier.interval.upper;
  if (overlap) return "similar";
  return withPolarity(estimate.value < earlier.value ? "lower" : "higher", polarity);
}
