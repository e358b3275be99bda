// A published indicator table whose every series is noise around a constant
// level: no trend, no step, no outlier — the common-cause variation a verdict
// must not call a change. Built directly as published cells (what the
// statuses, the pages and the self-assessment read), for every indicator of
// the catalogue, the whole city and a few units, every month from `from` to
// `to`, and its quarters, half-years and years summed from the months as the
// indicator SQL sums them.
//
// Each month's figure is the level plus a draw from a seeded PRNG within one
// standard error of the month's own sampling error (its binomial or Poisson
// spread for counts; a fixed spread for means, scores and euros), above or
// below the level; the sides are drawn too, but never more than two months in
// a row on the same side — so the draw can trip no SPC rule (a run of six, a
// trend of six, a point or two beyond the limits), and what a verdict reports
// on these series is the method's own error, not chance. (test/statuses.test.ts
// measures the rate of false alarms on unconditioned noise apart.)
import type { Catalogue, Indicator } from "../../loaders/indicators/catalogue.ts";
import { Rng, hashSeed } from "../../loaders/generate/random.ts";
import type { PublishedCell } from "../../src/lib/cell.ts";
import { convertPeriod, monthsBetween, type PeriodType } from "../../src/lib/periods.ts";

export interface NoiseOptions {
  seed?: number;
  from?: string;
  to?: string;
  /** Unit ids besides ALL (default U1, U2, U3). */
  units?: readonly string[];
  /** Unit-months to publish as withheld (unit id → months). */
  withheld?: Readonly<Record<string, readonly string[]>>;
}

interface Month {
  numerator: number | null;
  denominator: number | null;
  value: number;
}

/** Sides of a month's draw: ±1, never three in a row the same. */
function sides(rng: Rng, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = rng.chance(0.5) ? 1 : -1;
    if (i >= 2 && out[i - 1] === s && out[i - 2] === s) s = -s;
    out.push(s);
  }
  return out;
}

/** One series of months for an indicator: its level, size and spread by the kind of figure it is. */
function monthsOf(ind: Indicator, rng: Rng, count: number, size: number): Month[] {
  const s = sides(rng, count);
  const k = () => 0.3 + 0.7 * rng.next();
  const method = ind.interval?.method ?? null;
  return s.map((side) => {
    if (method === "wilson") {
      const n = size;
      const p = 0.6;
      const x = Math.round(n * p + side * k() * Math.sqrt(n * p * (1 - p)));
      return { numerator: x, denominator: n, value: x / n };
    }
    if (method === "poisson") {
      const exposure = size / 10;
      const mean = size / 4;
      const x = Math.round(mean + side * k() * Math.sqrt(mean));
      if (ind.unit === "count") return { numerator: x, denominator: null, value: x };
      const multiplier = ind.interval.multiplier ?? 1;
      return { numerator: x, denominator: exposure, value: (x / exposure) * multiplier };
    }
    // Means, scores, medians, euros, hours, days: a level and a spread of its own.
    const level = ind.unit === "nps" ? 20 : ind.unit === "eur" ? 80 : ind.unit === "share" ? 0.1 : 5;
    const spread = level / 20;
    const value = level + side * k() * spread;
    if (ind.unit === "nps" || ind.unit === "days") return { numerator: null, denominator: size, value };
    return { numerator: value * size, denominator: size, value };
  });
}

/** Months summed into a longer period as the SQL sums them: counts added, the value recomputed; other figures averaged by their denominators. */
function aggregate(ind: Indicator, months: readonly Month[]): Month {
  const den = months.reduce((a, m) => a + (m.denominator ?? 0), 0);
  if (ind.interval?.method === "wilson" || ind.interval?.method === "poisson") {
    const num = months.reduce((a, m) => a + (m.numerator ?? 0), 0);
    if (ind.unit === "count") return { numerator: num, denominator: null, value: num };
    const multiplier = ind.interval.method === "poisson" ? ind.interval.multiplier ?? 1 : 1;
    return { numerator: num, denominator: den, value: (num / den) * multiplier };
  }
  const value = months.reduce((a, m) => a + m.value * (m.denominator ?? 1), 0) / (den || months.length);
  if (ind.unit === "nps" || ind.unit === "days") return { numerator: null, denominator: den, value };
  return { numerator: value * den, denominator: den, value };
}

/** The published cells of a noise extract. */
export function noiseCells(catalogue: Catalogue, o: NoiseOptions = {}): PublishedCell[] {
  const seed = o.seed ?? 2024;
  const months = monthsBetween(o.from ?? "2020-01", o.to ?? "2023-12");
  const scopes = ["ALL", ...(o.units ?? ["U1", "U2", "U3"])];
  const cells: PublishedCell[] = [];
  for (const ind of catalogue.indicators) {
    for (const scope of scopes) {
      const rng = new Rng(hashSeed(seed, `${ind.id}|${scope}`));
      const series = monthsOf(ind, rng, months.length, scope === "ALL" ? 4000 : 800);
      const withheld = new Set(scope === "ALL" ? [] : o.withheld?.[scope] ?? []);
      const cell = (periodType: PeriodType, period: string, m: Month, hidden: boolean): PublishedCell => ({
        indicator_id: ind.id, period_type: periodType, period, unit_id: scope, breakdown: "ALL", breakdown_value: "ALL",
        numerator: hidden ? null : m.numerator, denominator: hidden ? null : m.denominator, value: hidden ? null : m.value, suppressed: hidden,
      });
      months.forEach((month, i) => cells.push(cell("month", month, series[i], withheld.has(month))));
      for (const type of ["quarter", "half", "year"] as const) {
        const groups = new Map<string, number[]>();
        months.forEach((month, i) => {
          const p = convertPeriod(month, type);
          if (!groups.has(p)) groups.set(p, []);
          groups.get(p)!.push(i);
        });
        for (const [period, idx] of groups) {
          // A longer period holding a withheld month is withheld too (as secondary suppression would).
          const hidden = idx.some((i) => withheld.has(months[i]));
          cells.push(cell(type, period, aggregate(ind, idx.map((i) => series[i])), hidden));
        }
      }
    }
  }
  return cells;
}
