// Funnel plots for shares: compare units (health stations, professions) with
// the overall proportion, allowing for the fact that a small unit's share
// wobbles more than a big one's. Control limits p ± z × √(p(1 − p) / n) (the
// normal approximation of the binomial) narrow as the denominator n grows.
//
// The plan warns against blaming individuals and asks that case-mix
// differences be kept in mind, so a unit is only ever *named* as lying inside
// or outside the limits: there is deliberately no score, z-value or rank here
// to sort units into a league table.
//
// Pure functions on plain data: imported by browser pages (bundled by
// Observable Framework) and by Node tools alike, so no Node-only imports.

/** z for 95 % two-sided limits (about 2 standard errors). */
export const Z95 = 1.959964;
/** z for 99.8 % two-sided limits (about 3 standard errors). */
export const Z998 = 3.090232;

/** Where a unit's share lies: inside the 95 % limits, or beyond them (99.8 % when beyond those too — the most extreme label). */
export type FunnelClass = "within" | "above-95" | "below-95" | "above-99.8" | "below-99.8";

/** A unit's share as its two counts; null = suppressed or not applicable. */
export interface FunnelUnit {
  numerator: number | null;
  denominator: number | null;
}

/** Lower and upper limit for one denominator and one z, clipped to [0, 1]. */
export interface FunnelBand {
  lower: number;
  upper: number;
}

/** The four limit curves at one denominator, for drawing the funnel. */
export interface FunnelLimits {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

const clip01 = (x: number) => Math.min(1, Math.max(0, x));

function checkProportion(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`overall proportion must be within [0, 1], got ${p}`);
}

function checkDenominator(n: number): void {
  if (!(n > 0 && Number.isFinite(n))) throw new RangeError(`denominator must be a positive number, got ${n}`);
}

/**
 * The overall proportion Σ numerators ÷ Σ denominators over the units with
 * both counts (suppressed units have none and are left out; where the
 * published all-units total exists, prefer its numerator ÷ denominator, which
 * includes them). Null when the denominators sum to 0.
 */
export function overallProportion(units: readonly FunnelUnit[]): number | null {
  let num = 0;
  let den = 0;
  for (const u of units) {
    if (u.numerator == null || u.denominator == null) continue;
    num += u.numerator;
    den += u.denominator;
  }
  return den > 0 ? num / den : null;
}

/** p ± z × √(p(1 − p) / n), clipped to [0, 1] since a share cannot leave it. */
export function funnelBand(p: number, n: number, z: number): FunnelBand {
  checkProportion(p);
  checkDenominator(n);
  const half = z * Math.sqrt((p * (1 - p)) / n);
  return { lower: clip01(p - half), upper: clip01(p + half) };
}

/** The 95 % and 99.8 % limits at each denominator in `nValues` (e.g. d3.range over the units' denominators), for drawing the curves. */
export function funnelLimits(p: number, nValues: readonly number[]): FunnelLimits[] {
  return nValues.map((n) => {
    const b95 = funnelBand(p, n, Z95);
    const b998 = funnelBand(p, n, Z998);
    return { n, lower95: b95.lower, upper95: b95.upper, lower998: b998.lower, upper998: b998.upper };
  });
}

/**
 * Where a unit's share numerator ÷ denominator lies against the limits at its
 * own denominator. Strict: a share exactly on a limit is inside it (so a share
 * of 1 is never "above" a limit clipped to 1). Null when the unit has no share
 * (suppressed, or denominator 0).
 */
export function classifyUnit(unit: FunnelUnit, p: number): FunnelClass | null {
  const { numerator, denominator } = unit;
  if (numerator == null || denominator == null || !(denominator > 0)) return null;
  const share = numerator / denominator;
  const b998 = funnelBand(p, denominator, Z998);
  if (share > b998.upper) return "above-99.8";
  if (share < b998.lower) return "below-99.8";
  const b95 = funnelBand(p, denominator, Z95);
  if (share > b95.upper) return "above-95";
  if (share < b95.lower) return "below-95";
  return "within";
}
