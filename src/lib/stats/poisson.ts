// The confidence interval of a count of events and of a rate (events per
// exposure, e.g. exits per 100 person-years), as PHEindicatormethods' phe_rate
// computes it (R/Rates.R): the exact Poisson interval from the chi-squared
// distribution for fewer than 10 events,
//
//   lower = qchisq((1 − c)/2, 2x)/2,  upper = qchisq(c + (1 − c)/2, 2x + 2)/2,
//
// and Byar's approximation (byar.ts) from 10 events up; a rate's limits are
// the count's divided by the exposure and times the multiplier.
import { byarLower, byarUpper } from "./byar.js";
import { gammaQuantile } from "./gamma.js";
import type { Interval } from "./interval.js";
import { confidenceLevel } from "./normal.js";

/** Below this many events the exact interval is used (phe_rate's rule), Byar's from it up. */
export const EXACT_BELOW = 10;

/** The interval of an observed count x ≥ 0: exact below 10 events, Byar's from 10 up. */
export function poissonCount(x: number, confidence = 0.95): Interval {
  if (!(x >= 0)) throw new RangeError(`numerators must be greater than or equal to zero, got ${x}`);
  const c = confidenceLevel(confidence);
  if (x < EXACT_BELOW) {
    // qchisq(p, 2k)/2 is the gamma(k, 1) quantile.
    return { lower: gammaQuantile((1 - c) / 2, x), upper: gammaQuantile(c + (1 - c) / 2, x + 1) };
  }
  return { lower: byarLower(x, c), upper: byarUpper(x, c) };
}

/** The interval of the rate x / n × multiplier (x ≥ 0 events, n > 0 exposure). */
export function poissonRate(x: number, n: number, confidence = 0.95, multiplier = 1): Interval {
  if (!(n > 0)) throw new RangeError(`denominators must be greater than zero, got ${n}`);
  const count = poissonCount(x, confidence);
  return { lower: (count.lower / n) * multiplier, upper: (count.upper / n) * multiplier };
}
