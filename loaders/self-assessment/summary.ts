// The summary that opens each benefit goal's section: goals met of those in
// force, the significant signals and the measures' statuses. Nothing new is
// computed here: the goals are lib/analysis/goals.ts's (as the overview counts them),
// the signals the rows' statuses (the SPC verdict, the 95 % comparisons of
// statuses.ts) ranked as the overview ranks its movers (lib/analysis/movers.ts).
import { countGoals, type GoalCount } from "../../src/lib/analysis/goals.ts";
import { movers, type Mover } from "../../src/lib/analysis/movers.ts";
import type { Outcome } from "../../src/lib/stats/compare.ts";
import type { Change, Figure, IndicatorBlock, MeasureRow } from "./model.ts";

/** The significant changes against one earlier half-year: better / worse ranked by relative size, higher / lower (no direction) by id. */
export interface SignificantChanges {
  better: Mover[];
  worse: Mover[];
  higher: string[];
  lower: string[];
}

/** How a measure stands in the summary: its most advanced reported status, not started yet, or nothing reported. */
export type MeasureStanding = "PROGRESSING" | "STARTED" | "PLANNING" | "notStartedYet" | "noStatus";

export const MEASURE_STANDINGS: readonly MeasureStanding[] = ["PROGRESSING", "STARTED", "PLANNING", "notStartedYet", "noStatus"];

export interface GoalSummary {
  /** The indicators' goals (their totals): met, missed, not known. */
  goals: GoalCount;
  /** Indicators whose SPC verdict at the half-year's end is a special cause (statuses.ts). */
  spc: { improving: string[]; worsening: string[]; changed: string[] };
  vsPrevious: SignificantChanges;
  /** Null when the baseline is the half-year itself. */
  vsBaseline: SignificantChanges | null;
  /** The measures of the section per standing, in MEASURE_STANDINGS order, those with none left out. */
  measures: { standing: MeasureStanding; count: number }[];
}

type Against = "changeFromPrevious" | "changeFromBaseline";

function significant(blocks: readonly IndicatorBlock[], against: Against, from: (b: IndicatorBlock) => Figure): SignificantChanges {
  const totals = blocks.map((b) => ({ b, c: (b.rows[0]?.[against] ?? null) as Change | null }));
  // movers() reads "the previous period"; here it is whichever half-year the change is from.
  const ranked = movers(totals.map(({ b, c }) => ({
    id: b.id, vsPrevious: c?.outcome ?? "not-compared", changePrevious: c ? c.shown : null, previousValue: c ? from(b).value : null,
  })), Infinity);
  const ids = (o: Outcome) => totals.filter(({ c }) => c?.outcome === o).map(({ b }) => b.id).sort();
  return { better: ranked.best, worse: ranked.worst, higher: ids("higher"), lower: ids("lower") };
}

/** A measure's standing: a measure reported with several statuses in one report stands at the most advanced. */
export function measureStanding(m: MeasureRow): MeasureStanding {
  if (m.notStartedYet) return "notStartedYet";
  if (!m.status) return "noStatus";
  return (["PROGRESSING", "STARTED", "PLANNING"] as const).find((x) => m.status!.statuses.includes(x)) ?? "noStatus";
}

export function goalSummary(blocks: readonly IndicatorBlock[], measures: readonly MeasureRow[], hasBaseline: boolean): GoalSummary {
  const verdicts = (v: string) => blocks.filter((b) => b.rows[0]?.verdict === v).map((b) => b.id);
  const standings = measures.map(measureStanding);
  return {
    goals: countGoals(blocks.map((b) => b.goal)),
    spc: { improving: verdicts("improving"), worsening: verdicts("worsening"), changed: verdicts("changed") },
    vsPrevious: significant(blocks, "changeFromPrevious", (b) => b.rows[0].previous),
    vsBaseline: hasBaseline ? significant(blocks, "changeFromBaseline", (b) => b.rows[0].baseline) : null,
    measures: MEASURE_STANDINGS.map((standing) => ({ standing, count: standings.filter((x) => x === standing).length })).filter((x) => x.count > 0),
  };
}
