// Byar's approximation to the exact Poisson interval of an observed count x
// (Breslow & Day, Statistical Methods in Cancer Research, vol. II, IARC 1987),
// as PHEindicatormethods computes it (R/utils.R byars_lower, byars_upper):
//
//   lower = x (1 − 1/(9x) − z/(3√x))³,  upper = (x + 1)(1 − 1/(9(x + 1)) + z/(3√(x + 1)))³.
//
// PHE uses it from 10 events up and the exact interval below (poisson.ts).
// Byar's lower limit can come out negative for very few events or very high
// confidence: PHE then gives no limit (NA), and so does this (NaN).
import type { Interval } from "./interval.js";
import { zFor } from "./normal.js";

function check(x: number): void {
  if (!(x >= 0)) throw new RangeError(`observed events must all be greater than or equal to zero, got ${x}`);
}

/** Byar's lower limit of a count x (x ≥ 0); NaN where the approximation turns negative. */
export function byarLower(x: number, confidence = 0.95): number {
  check(x);
  const z = zFor(confidence);
  const lower = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
  return lower < 0 || Number.isNaN(lower) ? Number.NaN : lower;
}

/** Byar's upper limit of a count x (x ≥ 0). */
export function byarUpper(x: number, confidence = 0.95): number {
  check(x);
  const z = zFor(confidence);
  return (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3;
}

/** Both of Byar's limits of a count x. */
export function byar(x: number, confidence = 0.95): Interval {
  return { lower: byarLower(x, confidence), upper: byarUpper(x, confidence) };
}
