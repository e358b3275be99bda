// The Wilson score interval of a proportion x / n (Wilson 1927; Newcombe &
// Altman, "Proportions and their differences", in Altman et al., Statistics
// with Confidence, 2nd ed., 2000, pp. 46–48), as PHEindicatormethods computes
// it for phe_proportion (R/utils.R wilson_lower, wilson_upper):
//
//   (2x + z² ∓ z √(z² + 4x (1 − x/n))) / (2 (n + z²)),  z = qnorm(confidence + (1 − confidence)/2).
//
// Unlike the normal approximation it never leaves [0, 1] and stays honest for
// shares near 0 or 1 and small n. A benchmark value p lies inside it exactly
// when |x/n − p| ≤ z √(p(1 − p)/n) (it is the score test inverted), so the
// funnel plot's limits around the city's share (funnel.ts) draw the same rule.
import type { Interval } from "./interval.js";
import { confidenceLevel, zFor } from "./normal.js";

/** The Wilson score interval of x successes in n trials (0 ≤ x ≤ n, n > 0) as proportions of 1; confidence 0.95 by default (or 95). */
export function wilson(x: number, n: number, confidence = 0.95): Interval {
  if (!(x >= 0)) throw new RangeError(`observed events must all be greater than or equal to zero, got ${x}`);
  if (!(n > 0)) throw new RangeError(`sample sizes must all be greater than zero, got ${n}`);
  if (x > n) throw new RangeError(`numerators must be less than or equal to denominator for a Wilson score to be calculated, got ${x} > ${n}`);
  if (confidenceLevel(confidence) === 1) return { lower: 0, upper: 1 };
  const z = zFor(confidence);
  const z2 = z * z;
  const root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const scale = 2 * (n + z2);
  return { lower: (2 * x + z2 - root) / scale, upper: (2 * x + z2 + root) / scale };
}
