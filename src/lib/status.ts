// Where an indicator stands at a period: its value, the change from the
// previous period and from the baseline (the first period with a value), the
// target in force at the period's end and whether it is met, and whether the
// indicator is improving or worsening — by an XmR chart (spc.ts) where the
// series has at least 12 periods, else by the change from the previous period.
// Then the same for a quadruple-aim dimension, so the overview can say at a
// glance when one dimension worsens while another improves.
//
// Only differences of published values; no figure is recomputed.
import type { Cell } from "./slices.js";
import { previousPeriod } from "./periods.js";
import {
  type AssuranceIcon, type Direction, type VariationIcon, type XmrRow, type XmrSegment,
  assuranceIcon, variationIcon, xmr, xmrRows, xmrWithBreaks,
} from "./spc.js";
import { type TargetLike, isMet, periodEnd, periodStart, targetForPeriod } from "./targets.js";

export type Judgement = "better" | "worse" | "unchanged";
export type Verdict = "improving" | "worsening" | "stable";

export interface IndicatorLike {
  id: string;
  direction: Direction;
  targets: readonly TargetLike[];
}

export interface Assessment<T extends TargetLike = TargetLike> {
  period: string;
  current: Cell | undefined;
  previous: Cell | undefined;
  baseline: Cell | undefined;
  changePrevious: number | null;
  changeBaseline: number | null;
  judgementPrevious: Judgement | null;
  judgementBaseline: Judgement | null;
  target: T | null;
  met: boolean | null;
  /** The XmR variation icon of the series up to the period, or null with fewer than 12 values. */
  spc: VariationIcon | null;
  verdict: Verdict | null;
  basis: "spc" | "previous" | null;
}

const hasValue = (c: Cell | undefined): c is Cell & { value: number } => !!c && !c.suppressed && c.value !== null && Number.isFinite(c.value);

/** Better or worse by the indicator's direction; null when it has none or a value is missing. */
export function judge(delta: number | null, direction: Direction): Judgement | null {
  if (delta === null || direction === null) return null;
  if (delta === 0) return "unchanged";
  return (delta > 0) === (direction === "higher") ? "better" : "worse";
}

/** The assessment of one series (cells of one indicator, unit and breakdown value, in period order) at `period`. */
export function assess<T extends TargetLike>(indicator: IndicatorLike & { targets: readonly T[] }, series: readonly Cell[], period: string): Assessment<T> {
  const upTo = series.filter((c) => c.period <= period);
  const current = upTo.find((c) => c.period === period);
  const previous = upTo.find((c) => c.period === previousPeriod(period));
  const baseline = upTo.find(hasValue);
  const diff = (a: Cell | undefined, b: Cell | undefined) => (hasValue(a) && hasValue(b) ? a.value - b.value : null);
  const changePrevious = diff(current, previous);
  const changeBaseline = baseline && current && baseline.period !== current.period ? diff(current, baseline) : null;
  const target = targetForPeriod(indicator.targets, period);
  const met = hasValue(current) ? isMet(current.value, target) : null;
  const segment = xmr(upTo.map((c) => ({ period: c.period, value: hasValue(c) ? c.value : null })));
  const spc = hasValue(current) ? variationIcon(segment, indicator.direction) : null;
  const judgementPrevious = judge(changePrevious, indicator.direction);
  let verdict: Verdict | null = null;
  let basis: Assessment["basis"] = null;
  if (spc !== null && indicator.direction !== null) {
    basis = "spc";
    verdict = spc.startsWith("improvement") ? "improving" : spc.startsWith("concern") ? "worsening" : "stable";
  } else if (judgementPrevious !== null) {
    basis = "previous";
    verdict = judgementPrevious === "better" ? "improving" : judgementPrevious === "worse" ? "worsening" : "stable";
  }
  return {
    period, current, previous, baseline, changePrevious, changeBaseline, judgementPrevious,
    judgementBaseline: judge(changeBaseline, indicator.direction), target, met, spc, verdict, basis,
  };
}

export type DimensionVerdict = Verdict | "mixed";

/** A dimension's verdict from its indicators': mixed when some improve and some worsen; null when none can be judged. */
export function dimensionVerdict(verdicts: readonly (Verdict | null)[]): DimensionVerdict | null {
  const known = verdicts.filter((v): v is Verdict => v !== null);
  if (known.length === 0) return null;
  const worse = known.includes("worsening");
  const better = known.includes("improving");
  return worse && better ? "mixed" : worse ? "worsening" : better ? "improving" : "stable";
}

/**
 * The quadruple-aim trade-off: the dimensions that worsen while another one
 * improves. Empty when no dimension worsens, or none improves.
 */
export function tradeoff<D extends string>(verdicts: ReadonlyMap<D, DimensionVerdict | null>): { worse: D[]; better: D[] } {
  const worse = [...verdicts].filter(([, v]) => v === "worsening" || v === "mixed").map(([d]) => d);
  const better = [...verdicts].filter(([, v]) => v === "improving" || v === "mixed").map(([d]) => d);
  const conflict = worse.some((w) => better.some((b) => b !== w));
  if (!conflict) return { worse: [], better: [] };
  // A mixed dimension is named among the worsening ones; the improving list names the others.
  const others = better.filter((b) => !worse.includes(b));
  return { worse, better: others.length ? others : better };
}

// ---------------------------------------------------------------------------
// The SPC reading of a monthly series and the quadruple-aim guardrail: no
// dimension may worsen significantly — a special-cause concern in a headline
// indicator's monthly XmR chart — least of all while another one improves.

export interface SeriesSpc<T extends TargetLike = TargetLike> {
  segments: XmrSegment[];
  rows: XmrRow[];
  /** Break dates (YYYY-MM-DD) inside the series at which the limits were recalculated. */
  breaks: string[];
  /** The latest process (after the last break). */
  latest: XmrSegment | undefined;
  variation: VariationIcon | null;
  target: T | null;
  assurance: AssuranceIcon | null;
}

/** A date (YYYY, YYYY-MM or YYYY-MM-DD) as its first day. */
const firstDay = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

/**
 * The XmR reading of a series (cells of one indicator, unit and breakdown
 * value, in period order): processes split at the break dates that fall inside
 * the series (dates YYYY, YYYY-MM or YYYY-MM-DD), the latest process's
 * variation icon, and its assurance icon against the target in force in the
 * last period. Withheld cells count as missing values (spc.ts).
 */
export function seriesSpc<T extends TargetLike>(cells: readonly Cell[], o: { direction: Direction; targets?: readonly T[]; breaks?: readonly string[] }): SeriesSpc<T> {
  const points = cells.map((c) => ({ period: c.period, value: hasValue(c) ? c.value : null }));
  const first = cells[0]?.period;
  const last = cells[cells.length - 1]?.period;
  const inside = first && last ? [...new Set((o.breaks ?? []).map(firstDay))].filter((d) => d > periodStart(first) && d <= periodEnd(last)).sort() : [];
  const segments = points.length ? xmrWithBreaks(points, inside) : [];
  const latest = segments[segments.length - 1];
  const target = last && o.targets?.length ? targetForPeriod(o.targets, last) : null;
  return {
    segments,
    rows: xmrRows(segments),
    breaks: inside.filter((b) => segments.some((s) => s.breakDate === b)),
    latest,
    variation: latest ? variationIcon(latest, o.direction) : null,
    target,
    assurance: latest ? assuranceIcon(latest.limits, target) : null,
  };
}

export interface GuardrailIndicator {
  id: string;
  dimension: string;
  direction: Direction;
}

export interface GuardrailSignal {
  dimension: string;
  indicator: string;
  icon: VariationIcon;
}

export interface GuardrailScope {
  /** "ALL" for the whole city, else a unit id. */
  scope: string;
  /** Headline indicators whose latest monthly process shows a special-cause concern. */
  concerns: GuardrailSignal[];
  /** Headline indicators whose latest monthly process shows a special-cause improvement. */
  improvements: GuardrailSignal[];
  /** Dimensions that improve while another (a dimension with a concern) does not. */
  improvingElsewhere: string[];
  /** A concern in one dimension while another dimension improves. */
  tradeoff: boolean;
}

/**
 * The guardrail for each scope (the whole city and each unit): the monthly
 * series of every headline indicator up to `upTo` (a month, YYYY-MM) read by
 * seriesSpc, the concerns and improvements by dimension, and whether a
 * dimension worsens significantly while another improves. `series` gives a
 * scope's monthly cells of an indicator in period order; `breaks` the start
 * dates of the development measures the indicator follows.
 */
export function guardrail(
  scopes: readonly string[],
  indicators: readonly GuardrailIndicator[],
  series: (scope: string, indicator: string) => readonly Cell[],
  o: { upTo: string; breaks?: (indicator: string) => readonly string[] },
): GuardrailScope[] {
  return scopes.map((scope) => {
    const concerns: GuardrailSignal[] = [];
    const improvements: GuardrailSignal[] = [];
    for (const indicator of indicators) {
      if (indicator.direction === null) continue;
      const cells = series(scope, indicator.id).filter((c) => c.period <= o.upTo);
      const { variation } = seriesSpc(cells, { direction: indicator.direction, breaks: o.breaks?.(indicator.id) });
      if (!variation) continue;
      const signal = { dimension: indicator.dimension, indicator: indicator.id, icon: variation };
      if (variation.startsWith("concern")) concerns.push(signal);
      else if (variation.startsWith("improvement")) improvements.push(signal);
    }
    const worse = new Set(concerns.map((c) => c.dimension));
    const improvingElsewhere = [...new Set(improvements.map((i) => i.dimension))].filter((d) => !worse.has(d));
    return { scope, concerns, improvements, improvingElsewhere, tradeoff: worse.size > 0 && improvingElsewhere.length > 0 };
  });
}
