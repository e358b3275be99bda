// The confidence interval of a mean by Student's t distribution, as
// PHEindicatormethods' phe_mean computes it (R/Means.R):
//
//   mean ∓ |qt((1 − c)/2, n − 1)| × sd / √n,
//
// where sd is the sample standard deviation (denominator n − 1).
import type { Interval } from "./interval.js";
import { confidenceLevel } from "./normal.js";
import { tQuantile } from "./student-t.js";

/** The t interval of a mean of n ≥ 2 values with sample standard deviation sd ≥ 0. */
export function tInterval(mean: number, sd: number, n: number, confidence = 0.95): Interval {
  if (!(n >= 2)) throw new RangeError(`a t interval needs at least 2 values, got ${n}`);
  if (!(sd >= 0)) throw new RangeError(`the standard deviation must be zero or more, got ${sd}`);
  const c = confidenceLevel(confidence);
  const half = Math.abs(tQuantile((1 - c) / 2, n - 1)) * (sd / Math.sqrt(n));
  return { lower: mean - half, upper: mean + half };
}
