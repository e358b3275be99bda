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
// Which side of the limits a unit lies on is the comparison with the whole
// city that every page and the self-assessment read (statuses.ts): the
// city's share against the unit's Wilson interval, as PHE Fingertips compares
// an area with England. The Wilson interval is the score test inverted, so
// the city's share p lies inside a unit's interval exactly when the unit's
// share lies inside p ± z √(p(1 − p)/n): the curves drawn are that rule's
// boundary. funnelClassOf reads the shipped status; classifyUnit computes the
// same from the counts.
//
// Pure functions on plain data: imported by browser pages (bundled by
// Observable Framework) and by Node tools alike, so no Node-only imports.
import { CONFIDENCE, CONFIDENCE_OUTER } from "./intervals.js";
import type { CellStatus } from "./statuses.js";
import { compareWithBenchmark, type Outcome, type Polarity } from "../stats/compare.js";
import { wilson } from "../stats/wilson.js";

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

/** Higher or lower from an outcome, by the polarity it was judged with; null when similar or not compared. */
function sideOf(outcome: Outcome, polarity: Polarity): "above" | "below" | null {
  if (outcome === "higher" || outcome === "lower") return outcome === "higher" ? "above" : "below";
  if (outcome !== "better" && outcome !== "worse") return null;
  return (outcome === "better") === (polarity !== "lower") ? "above" : "below";
}

/** The funnel class of a unit's comparison with the city at 95 % and 99.8 % (the status's vsCity and vsCityOuter); null when not compared. */
export function funnelClassOf(status: Pick<CellStatus, "vsCity" | "vsCityOuter">, polarity: Polarity): FunnelClass | null {
  if (status.vsCity === "not-compared") return null;
  const outer = sideOf(status.vsCityOuter, polarity);
  if (outer) return `${outer}-99.8` as FunnelClass;
  const inner = sideOf(status.vsCity, polarity);
  return inner ? (`${inner}-95` as FunnelClass) : "within";
}

/**
 * Where a unit's share numerator ÷ denominator lies against the city's share
 * p: p against the unit's Wilson interval at 99.8 % and 95 % (ends included,
 * so a share of 1 is never "above" a limit clipped to 1). Null when the unit
 * has no share (suppressed, or denominator 0).
 */
export function classifyUnit(unit: FunnelUnit, p: number): FunnelClass | null {
  const { numerator, denominator } = unit;
  if (numerator == null || denominator == null || !(denominator > 0) || !(numerator >= 0 && numerator <= denominator)) return null;
  const share = numerator / denominator;
  const at = (confidence: number) => compareWithBenchmark({ value: share, interval: wilson(numerator, denominator, confidence) }, p, null);
  return funnelClassOf({ vsCity: at(CONFIDENCE), vsCityOuter: at(CONFIDENCE_OUTER) }, null);
}
