// Where an indicator stands at a period, as the pages show it: its value,
// the change from the previous period and from the baseline with whether
// that change is significant, the target in force at the period's end and
// whether it is met, and its verdict. The verdict and the comparisons are not
// worked out here: they are the statuses the loaders computed once for every
// published cell (statuses.ts, shipped in the page slices), which the
// self-assessment computes with the same functions — so a page and the
// document for the same period cannot disagree. Then the same for a
// quadruple-aim dimension, so the overview can say at a glance when one
// dimension worsens while another improves.
//
// Only differences of published values; no figure is recomputed.
import type { PublishedCell as Cell } from "../cell.js";
import { previousPeriod } from "../periods.js";
import {
  type AssuranceIcon, type Direction, type Recalculation, type SpcSettings, type VariationIcon, type XmrRow, type XmrSegment,
  xmrAnalysis,
} from "./spc.js";
import type { CellStatus, Verdict } from "./statuses.js";
import type { Outcome } from "../stats/compare.js";
import { type TargetLike, isMet, targetForPeriod } from "./targets.js";

export type { Verdict };

/** A published cell with the status the loaders computed for it (absent in slices written without statuses). */
export type StatusCell = Cell & { status?: CellStatus | null };

export interface IndicatorLike {
  id: string;
  direction: Direction;
  targets: readonly TargetLike[];
}

export interface Assessment<T extends TargetLike = TargetLike> {
  period: string;
  current: StatusCell | undefined;
  previous: StatusCell | undefined;
  /** The cell of the baseline period (the first period of its type with data); undefined in the baseline itself. */
  baseline: StatusCell | undefined;
  baselinePeriod: string | null;
  changePrevious: number | null;
  changeBaseline: number | null;
  /** Better / similar / worse than the previous period and the baseline (overlapping 95 % intervals), or not compared. */
  vsPrevious: Outcome;
  vsBaseline: Outcome;
  target: T | null;
  met: boolean | null;
  /** The monthly XmR variation icon as it stands at the period's end; null when not assessed. */
  spc: VariationIcon | null;
  verdict: Verdict | null;
}

const hasValue = (c: Cell | undefined): c is Cell & { value: number } => !!c && !c.suppressed && c.value !== null && Number.isFinite(c.value);

/**
 * The assessment of one series (cells of one indicator, unit and breakdown
 * value, in period order, with their statuses) at `period`; `baselinePeriod`
 * is the baseline of the series' period type (the page context's).
 */
export function assess<T extends TargetLike>(indicator: IndicatorLike & { targets: readonly T[] }, series: readonly StatusCell[], period: string, baselinePeriod: string | null = null): Assessment<T> {
  const current = series.find((c) => c.period === period);
  const previous = series.find((c) => c.period === previousPeriod(period));
  const baseline = baselinePeriod !== null && baselinePeriod < period ? series.find((c) => c.period === baselinePeriod) : undefined;
  const diff = (a: Cell | undefined, b: Cell | undefined) => (hasValue(a) && hasValue(b) ? a.value - b.value : null);
  const target = targetForPeriod(indicator.targets, period);
  const status = current?.status ?? null;
  return {
    period, current, previous, baseline, baselinePeriod,
    changePrevious: diff(current, previous),
    changeBaseline: diff(current, baseline),
    vsPrevious: status?.vsPrevious ?? "not-compared",
    vsBaseline: status?.vsBaseline ?? "not-compared",
    target,
    met: hasValue(current) ? isMet(current.value, target) : null,
    spc: status?.spc ?? null,
    verdict: status?.verdict ?? null,
  };
}

export type DimensionVerdict = "improving" | "worsening" | "stable" | "mixed";

/**
 * A dimension's verdict from its indicators': mixed when some improve and
 * some worsen, worsening or improving when all its significant changes go
 * one way, stable when none is significant (a change with no better
 * direction does not move a dimension); null when none can be judged.
 */
export function dimensionVerdict(verdicts: readonly (Verdict | null)[]): DimensionVerdict | null {
  const known = verdicts.filter((v): v is Verdict => v !== null);
  if (known.length === 0) return null;
  const worse = known.includes("worsening");
  const better = known.includes("improving");
  return worse && better ? "mixed" : worse ? "worsening" : better ? "improving" : "stable";
}

/**
 * The quadruple-aim trade-off: the dimensions that worsen while another one
 * improves. A mixed dimension is neither: it is named apart (`mixed`), never
 * counted as worsening. Empty worse and better lists when no dimension
 * worsens or none improves.
 */
export function tradeoff<D extends string>(verdicts: ReadonlyMap<D, DimensionVerdict | null>): { worse: D[]; better: D[]; mixed: D[] } {
  const of = (v: DimensionVerdict) => [...verdicts].filter(([, x]) => x === v).map(([d]) => d);
  const worse = of("worsening");
  const better = of("improving");
  const mixed = of("mixed");
  return worse.length && better.length ? { worse, better, mixed } : { worse: [], better: [], mixed };
}

/**
 * The verdict of every dimension and the trade-off, for the headline
 * indicators' statuses at one period: what the overview shows, and what the
 * self-assessment's verdicts for the same period must agree with.
 */
export function overviewVerdicts<D extends string>(
  dimensions: readonly D[],
  indicators: readonly { id: string; dimension: D }[],
  verdictOf: (indicator: string) => Verdict | null,
): { dimensions: Map<D, DimensionVerdict | null>; tradeoff: { worse: D[]; better: D[]; mixed: D[] } } {
  const out = new Map<D, DimensionVerdict | null>(dimensions.map((d) => [d, dimensionVerdict(indicators.filter((i) => i.dimension === d).map((i) => verdictOf(i.id)))]));
  return { dimensions: out, tradeoff: tradeoff(out) };
}

// ---------------------------------------------------------------------------
// The SPC reading of a monthly series and the quadruple-aim guardrail: no
// dimension may worsen significantly — a special-cause concern in a headline
// indicator's monthly XmR chart — least of all while another one improves.

export interface SeriesSpc<T extends TargetLike = TargetLike> {
  /** The partitions: the processes between recalculations. */
  segments: XmrSegment[];
  rows: XmrRow[];
  /** Recalculation dates (YYYY-MM-DD) inside the series at which the limits were recalculated. */
  breaks: string[];
  /** The process the icons are read in: that of the last month with a value (else the last one). */
  latest: XmrSegment | undefined;
  /** Months with a value in the whole chart (ghosted ones left out), and whether they reach the SPC minimum. */
  points: number;
  spc: boolean;
  settings: SpcSettings;
  variation: VariationIcon | null;
  target: T | null;
  assurance: AssuranceIcon | null;
}

/**
 * The XmR reading of a series (cells of one indicator, unit and breakdown
 * value, in period order), as NHS England's SPC v2.6 reads it (spc.ts):
 * limits recalculated at the recalculation dates (YYYY, YYYY-MM or YYYY-MM-DD,
 * with their reasons) that fall inside the series; withheld, missing and
 * absent months are ghosted points; the variation and assurance icons of the
 * last month with a value, the latter against the target in force then.
 */
export function seriesSpc<T extends TargetLike>(
  cells: readonly Cell[],
  o: { direction: Direction; targets?: readonly T[]; breaks?: readonly (string | Recalculation)[]; settings?: Partial<SpcSettings> | null },
): SeriesSpc<T> {
  const points = cells.map((c) => ({ period: c.period, value: hasValue(c) ? c.value : null }));
  const chart = xmrAnalysis(points, { direction: o.direction, targets: o.targets, breaks: o.breaks, settings: o.settings });
  return {
    segments: chart.segments,
    rows: chart.rows,
    breaks: chart.breaks,
    latest: chart.latest?.segment ?? chart.segments[chart.segments.length - 1],
    points: chart.points,
    spc: chart.spc,
    settings: chart.settings,
    variation: chart.variation,
    target: chart.target,
    assurance: chart.assurance,
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
  /** Headline indicators whose monthly process shows a special-cause concern. */
  concerns: GuardrailSignal[];
  /** Headline indicators whose monthly process shows a special-cause improvement. */
  improvements: GuardrailSignal[];
  /** Dimensions that improve while another (a dimension with a concern) does not. */
  improvingElsewhere: string[];
  /** A concern in one dimension while another dimension improves. */
  tradeoff: boolean;
}

/**
 * The guardrail for each scope (the whole city and each unit): the variation
 * icon of every headline indicator's monthly series as it stands at the month
 * read (`icon`: the statuses the loaders computed, statuses.ts — null when that
 * month is withheld or below the SPC minimum), the concerns and improvements
 * by dimension, and whether a dimension worsens significantly while another
 * improves.
 */
export function guardrail(
  scopes: readonly string[],
  indicators: readonly GuardrailIndicator[],
  icon: (scope: string, indicator: string) => VariationIcon | null | undefined,
): GuardrailScope[] {
  return scopes.map((scope) => {
    const concerns: GuardrailSignal[] = [];
    const improvements: GuardrailSignal[] = [];
    for (const indicator of indicators) {
      if (indicator.direction === null) continue;
      const variation = icon(scope, indicator.id);
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
