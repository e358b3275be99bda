// The confidence interval of a published cell, by the method its indicator
// names in the catalogue (`interval`): the one place that says which method
// fits which kind of figure, and why.
//
// - "wilson": a share of counts (contacts, clients, visits, vouchers): the
//   numerator is a count of the denominator's units, a binomial proportion
//   (stats/wilson.ts; PHE's phe_proportion).
// - "poisson": a count of events (responses), or events per exposure (exits
//   per 100 person-years, visits per person-year) times `multiplier`: exact
//   Poisson under 10 events, Byar's from 10 up (stats/poisson.ts; phe_rate).
// - "t": a mean with its standard deviation (stats/t-interval.ts; phe_mean).
//   No published cell carries a standard deviation (the table publishes the
//   sum of scores and the number of answers only), so today no indicator
//   uses it: see `reason`.
// - null: no interval, for the `reason` given: "no-sd" (a mean or a Net
//   Promoter Score, whose spread the published figures do not carry),
//   "not-counts" (euros, hours, sick-leave days: amounts or days that come in
//   spells, not independent events, so neither the binomial nor the Poisson
//   model holds) or "median" (needs the individual values).
// Such an indicator is still judged over time by its monthly SPC chart
// (statuses.ts); it is only left out of the interval comparisons.
//
// A withheld cell, or one without the counts the method needs, has no
// interval, so it is never compared.
import type { PublishedCell } from "../cell.js";
import type { Estimate } from "../stats/compare.js";
import type { Interval } from "../stats/interval.js";
import { poissonCount, poissonRate } from "../stats/poisson.js";
import { tInterval } from "../stats/t-interval.js";
import { wilson } from "../stats/wilson.js";

export type IntervalMethod = "wilson" | "poisson" | "t";
export type NoIntervalReason = "no-sd" | "not-counts" | "median";

/** An indicator's interval setting in the catalogue. */
export interface IntervalSetting {
  method: IntervalMethod | null;
  /** For "poisson" with a denominator: the value is numerator ÷ denominator × multiplier (default 1). */
  multiplier?: number;
  /** Why there is no interval (method null). */
  reason?: NoIntervalReason;
}

export const INTERVAL_METHODS: readonly IntervalMethod[] = ["wilson", "poisson", "t"];
export const NO_INTERVAL_REASONS: readonly NoIntervalReason[] = ["no-sd", "not-counts", "median"];

/** The confidence level of every comparison on the site and in the documents, and the funnel plot's outer level. */
export const CONFIDENCE = 0.95;
export const CONFIDENCE_OUTER = 0.998;

/** What is wrong with an indicator's `interval` setting (empty when fine); `where` prefixes each message. */
export function checkIntervalSetting(raw: unknown, where = "interval"): string[] {
  if (raw === undefined) return [`${where} is missing: name a method ("wilson", "poisson", "t") or null with a reason`];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [`${where} must be an object`];
  const o = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(o)) if (!["method", "multiplier", "reason"].includes(key) && !key.startsWith("_")) problems.push(`${where}.${key} is not a setting (method, multiplier, reason)`);
  if (o.method !== null && !INTERVAL_METHODS.includes(o.method as IntervalMethod)) problems.push(`${where}.method must be one of ${INTERVAL_METHODS.join(", ")} or null`);
  if (o.method === null && !NO_INTERVAL_REASONS.includes(o.reason as NoIntervalReason)) problems.push(`${where}.reason must be one of ${NO_INTERVAL_REASONS.join(", ")} when there is no method`);
  if (o.method !== null && o.reason !== undefined) problems.push(`${where}.reason is only for an indicator without a method`);
  if (o.multiplier !== undefined && (o.method !== "poisson" || !(typeof o.multiplier === "number" && o.multiplier > 0))) problems.push(`${where}.multiplier must be a positive number, and only for "poisson"`);
  return problems;
}

/** An indicator's setting (the catalogue's `interval`); none when absent. */
export function intervalSettingFor(indicator: object | null | undefined): IntervalSetting {
  return (indicator as { interval?: IntervalSetting } | null | undefined)?.interval ?? { method: null };
}

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** A cell's figures as the interval functions read them; a withheld cell reads as nothing. */
type CellFigures = Pick<PublishedCell, "numerator" | "denominator" | "value" | "suppressed"> & { sd?: number | null };

/**
 * The interval of a cell's value at `confidence` by its indicator's method;
 * null when the cell is withheld, has no value, lacks the counts the method
 * needs, or its indicator has no method.
 */
export function cellInterval(cell: CellFigures | null | undefined, setting: IntervalSetting, confidence = CONFIDENCE): Interval | null {
  if (!cell || cell.suppressed || !finite(cell.value)) return null;
  const { numerator: x, denominator: n } = cell;
  switch (setting.method) {
    case "wilson":
      return finite(x) && finite(n) && n > 0 && x >= 0 && x <= n ? wilson(x, n, confidence) : null;
    case "poisson":
      if (finite(n)) return finite(x) && x >= 0 && n > 0 ? poissonRate(x, n, confidence, setting.multiplier ?? 1) : null;
      return finite(x) && x >= 0 ? poissonCount(x, confidence) : null;
    case "t":
      return finite(cell.sd) && finite(n) && n >= 2 ? tInterval(cell.value, cell.sd, n, confidence) : null;
    default:
      return null;
  }
}

/** A cell's value with its interval (stats/compare.ts), or null when it has none. */
export function cellEstimate(cell: CellFigures | null | undefined, setting: IntervalSetting, confidence = CONFIDENCE): Estimate | null {
  const interval = cellInterval(cell, setting, confidence);
  return interval && cell && finite(cell.value) ? { value: cell.value, interval } : null;
}

/** Whether the method compares a unit with the whole city: a ratio (a share or a rate), not a bare count, which grows with the unit. */
export function comparesWithCity(setting: IntervalSetting, cell: Pick<PublishedCell, "denominator"> | null | undefined): boolean {
  return setting.method === "wilson" || setting.method === "t" || (setting.method === "poisson" && !!cell && finite(cell.denominator));
}
