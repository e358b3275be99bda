// Where an indicator stands at a period: its value, the change from the
// previous period and from the baseline (the first period with a value), the
// target in force at the period's end and whether it is met, and whether the
// indicator is improving or worsening — by an XmR chart (spc.ts, NHS England's
// SPC v2.6) where the series has its minimum of values (13 by default), else by
// the change from the previous period.
// Then the same for a quadruple-aim dimension, so the overview can say at a
// glance when one dimension worsens while another improves.
//
// Only differences of published values; no figure is recomputed.
import type { PublishedCell as Cell } from "./cell.js";
import { previousPeriod } from "./periods.js";
import {
  type AssuranceIcon, type Direction, type Recalculation, type SpcSettings, type VariationIcon, type XmrRow, type XmrSegment,
  xmrAnalysis,
} from "./spc.js";
import { type TargetLike, isMet, targetForPeriod } from "./targets.js";

export type Judgement = "better" | "worse" | "unchanged";
export type Verdict = "improving" | "worsening" | "stable";

export interface IndicatorLike {
  id: string;
  direction: Direction;
  targets: readonly TargetLike[];
  /** The indicator's SPC settings (spc.ts spcSettingsFor); v2.6's defaults when absent. */
  spc?: Partial<SpcSettings> | null;
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
  /** The XmR variation icon of the series up to the period, or null below the SPC minimum of values (13 by default). */
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
  const chart = xmrAnalysis(upTo.map((c) => ({ period: c.period, value: hasValue(c) ? c.value : null })), { direction: indicator.direction, settings: indicator.spc });
  const spc = hasValue(current) ? chart.variation : null;
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
  /** The indicator's SPC settings (spc.ts spcSettingsFor); v2.6's defaults when absent. */
  spc?: Partial<SpcSettings> | null;
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
  o: { upTo: string; breaks?: (indicator: string) => readonly (string | Recalculation)[] },
): GuardrailScope[] {
  return scopes.map((scope) => {
    const concerns: GuardrailSignal[] = [];
    const improvements: GuardrailSignal[] = [];
    for (const indicator of indicators) {
      if (indicator.direction === null) continue;
      const cells = series(scope, indicator.id).filter((c) => c.period <= o.upTo);
      const { variation } = seriesSpc(cells, { direction: indicator.direction, breaks: o.breaks?.(indicator.id), settings: indicator.spc });
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
