// The self-assessment (oma-arviointi) of one half-year as one typed object,
// built from the published (already suppressed) indicator cells, the
// indicator catalogue, the programme model and the narrative texts. Pure: no
// file or database access. The page and every export (DOCX, XLSX, CSV) render
// this same object, so they cannot disagree. Its verdicts and comparisons are
// the statuses the site shows (src/lib/analysis/statuses.ts, computed by the same
// functions from the same published cells): the verdict by the monthly SPC
// chart as it stands at the half-year's end, the changes judged by 95 %
// intervals, units against the whole city — so the overview and this document
// cannot disagree either.
import type { Catalogue, Indicator, Target as CatalogueTarget } from "../indicators/catalogue.ts";
import { thresholdOf } from "../indicators/catalogue.ts";
import type { PublishedCell, UnitInfo } from "../../src/lib/cell.ts";
import { ALL } from "../indicators/indicator-row.ts";
import type { BenefitGoalId, Language, LocalizedText, Programme, ProgressStatus } from "../indicators/programme.ts";
import { BENEFIT_GOAL_IDS, LANGUAGES } from "../indicators/programme.ts";
import { spcSettingsFor, xmrAnalysis, type AssuranceIcon, type VariationIcon } from "../../src/lib/analysis/spc.ts";
import { spcBreakDates } from "../../src/lib/analysis/breaks.ts";
import { statusTable, type StatusContext, type StatusTable, type Verdict } from "../../src/lib/analysis/statuses.ts";
import { overviewVerdicts, type DimensionVerdict } from "../../src/lib/analysis/status.ts";
import type { Outcome } from "../../src/lib/stats/compare.ts";
import { isPeriod, monthsBetween, monthsOf, periodEnd, periodsBetween, periodStart, previousPeriod as periodBefore } from "../../src/lib/periods.ts";
import { isMet, targetForPeriod, targetSteps } from "../../src/lib/analysis/targets.ts";
import { displayedChange } from "../../src/lib/format.ts";
import { goalOf, type Goal } from "../../src/lib/analysis/goals.ts";
import { goalSummary, type GoalSummary } from "./summary.ts";
import { breakdownValuesByIndicator, cellTable, firstMonths, halfYears, unitsByIndicator } from "./tables.ts";
import { reportDates, type ReportDates } from "./dates.ts";
import { parseMarkdown, type Block } from "./markdown.ts";
import type { NarrativeTexts } from "./narratives.ts";

/** A user-facing problem (bad period, no data): the CLI prints the message, not a stack trace. */
export class SelfAssessmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SelfAssessmentError";
  }
}

export interface SourceInfo {
  source: string;
  extracted_at: string;
  period: { from: string; to: string };
}

export interface SelfAssessmentInput {
  /** Published cells: publish(runPipeline(...).cells), or the page data's indicators.csv read back. */
  cells: readonly PublishedCell[];
  catalogue: Catalogue;
  programme: Programme;
  /** The half-year to assess, e.g. 2021H2. */
  period: string;
  /** The baseline half-year; default the first half-year with data. */
  baseline?: string | null;
  narratives: NarrativeTexts;
  units?: readonly Pick<UnitInfo, "unit_id" | "unit_name_fi" | "unit_name_sv">[];
  source?: SourceInfo | null;
}

/** One published figure: a value, a suppressed cell, or no cell at all. */
export interface Figure {
  period: string;
  state: "value" | "suppressed" | "missing";
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Change {
  /** The difference of the unrounded values (the data CSV's full precision). */
  delta: number;
  /** The difference of the values as shown (displayedChange): what the documents print, so the shown figures add up. */
  shown: number;
  /**
   * Whether the change is significant, as PHE Fingertips reports it: better or
   * worse (higher or lower for an indicator with no direction) when the two
   * values' 95 % intervals do not overlap, similar when they do, not compared
   * when the indicator has no interval method (statuses.ts).
   */
  outcome: Outcome;
}

export interface SpcSignal {
  /** MDC variation icon (SPC v2.6) of the monthly series as it stands at the period's end (the status); null when not assessed. */
  variation: VariationIcon | null;
  /** MDC assurance icon against the target in force in the last month with a value; null below the minimum, without a target or direction. */
  assurance: AssuranceIcon | null;
  /** Months with a published value in the series (withheld and missing months are ghosted: left out). */
  points: number;
}

export interface IndicatorRow {
  /** `ALL` for the indicator's total, else the breakdown value (a code). */
  breakdownValue: string;
  baseline: Figure;
  previous: Figure;
  current: Figure;
  changeFromBaseline: Change | null;
  changeFromPrevious: Change | null;
  /** Whether the current value meets the target in force on the period's last day; null when not judgeable. */
  met: boolean | null;
  spc: SpcSignal;
  /** Improving, worsening, no significant change (stable), a change with no better direction, or not assessed (null): the status's verdict. */
  verdict: Verdict | null;
}

export interface TargetInForce {
  op: ">=" | "<=";
  value: number;
  from: string | null;
  to: string | null;
  source: LocalizedText;
}

export interface ChartData {
  /** First and last month on the chart (YYYY-MM). */
  from: string;
  to: string;
  months: Figure[];
  halves: Figure[];
  /** The target line as constant pieces (inclusive day bounds; `until` is the day after `to`). */
  target: { from: string; until: string; op: ">=" | "<="; value: number }[];
}

export interface IndicatorBlock {
  id: string;
  name: LocalizedText;
  unit: string;
  direction: "higher" | "lower" | null;
  breakdown: string | null;
  breakdownName: LocalizedText | null;
  target: TargetInForce | null;
  /** Whether the extract has any cell of this indicator at all (optional tables may be absent). */
  hasData: boolean;
  /** The total's goal at the half-year (lib/analysis/goals.ts): the target in force, else no significant worsening; met null = not known. */
  goal: Pick<Goal, "kind" | "met">;
  /** The total first, then the breakdown values. */
  rows: IndicatorRow[];
  chart: ChartData;
}

export interface MeasureStatus {
  statuses: ProgressStatus[];
  report: { id: string; name: LocalizedText; half: string };
  /** The reports' own (Finnish) words. */
  quotes: string[];
}

export interface MeasureRow {
  id: string;
  name: LocalizedText;
  parent: string | null;
  /** Whether the goal is the measure's primary goal or one it also advances. */
  relation: "primary" | "secondary";
  primaryGoal: BenefitGoalId;
  /** The latest status reported in a self-assessment of this half-year or earlier; null when none has been reported. */
  status: MeasureStatus | null;
  startDate: string | null;
  startDatePrecision: string | null;
  /** Starts after the period (by the programme model). */
  notStartedYet: boolean;
}

export interface Narrative {
  lang: Language;
  /** Where the office keeps (or should create) the text, e.g. data/narratives/2021H2/HT1.fi.md. */
  path: string;
  status: "present" | "missing";
  /** Front matter `example: true`: a sample text, not the office's assessment. */
  example: boolean;
  meta: Record<string, string>;
  blocks: Block[];
}

export interface GoalSection {
  id: BenefitGoalId;
  number: number;
  name: LocalizedText;
  shortName: LocalizedText;
  description: LocalizedText;
  narratives: Record<Language, Narrative>;
  measures: MeasureRow[];
  indicators: IndicatorBlock[];
  /** What opens the section: goals met, significant signals, measures' statuses (summary.ts). */
  summary: GoalSummary;
}

export interface IndicatorDefinition {
  id: string;
  name: LocalizedText;
  definition: LocalizedText;
  dimension: string;
  dimensionName: LocalizedText | null;
  benefitGoals: string[];
  unit: string;
  direction: "higher" | "lower" | null;
  breakdown: string | null;
  breakdownName: LocalizedText | null;
  threshold: number | null;
  privacyBasis: string | null;
  targets: CatalogueTarget[];
}

export interface UnitRow {
  unitId: string;
  unitName: { fi: string; sv: string | null };
  indicatorId: string;
  indicatorName: LocalizedText;
  unit: string;
  current: Figure;
  /** Compared with the whole city (the city's value against the unit's 95 % interval), as on the unit and comparison pages. */
  vsCity: Outcome;
}

export interface SelfAssessment {
  period: string;
  previousPeriod: string;
  baselinePeriod: string;
  baselineIsDefault: boolean;
  halvesWithData: string[];
  programmeName: LocalizedText;
  /** The reporting deadline, the days the figures cover, the data's date and the preparation date (dates.ts). */
  dates: ReportDates;
  source: SourceInfo | null;
  goals: GoalSection[];
  definitions: IndicatorDefinition[];
  byUnit: UnitRow[];
  /** The quadruple aim at the half-year: each dimension's verdict from its headline indicators, and the trade-off — as the overview reads it. */
  quadrupleAim: { dimensions: { id: string; name: LocalizedText | null; verdict: DimensionVerdict | null }[]; worse: string[]; better: string[]; mixed: string[] };
}

const key = (id: string, period: string, unit: string, bv: string) => `${id}|${period}|${unit}|${bv}`;

function figureOf(cell: PublishedCell | undefined, period: string): Figure {
  if (!cell) return { period, state: "missing", value: null, numerator: null, denominator: null };
  if (cell.suppressed) return { period, state: "suppressed", value: null, numerator: null, denominator: null };
  if (cell.value === null || !Number.isFinite(cell.value)) return { period, state: "missing", value: null, numerator: null, denominator: null };
  return { period, state: "value", value: cell.value, numerator: cell.numerator, denominator: cell.denominator };
}

/** The change between two figures with the comparison's outcome; null when either has no value (a withheld figure is never compared). */
function changeOf(from: Figure, to: Figure, unit: string, outcome: Outcome | undefined): Change | null {
  if (from.state !== "value" || to.state !== "value") return null;
  const [a, b] = [from.value as number, to.value as number];
  // toPrecision(12) drops the float noise of a difference of rounded values (0.523 − 0.519).
  return { delta: b - a, shown: +displayedChange(b, a, unit).toPrecision(12), outcome: outcome ?? "not-compared" };
}

/** The half-years that have at least one published or suppressed half-year cell, in order. */
export function halvesWithData(cells: readonly PublishedCell[]): string[] {
  return halfYears(cellTable(cells));
}

function checkPeriods(period: string, baseline: string | null | undefined, halves: string[]): string {
  if (!isPeriod(period, "half")) throw new SelfAssessmentError(`--period ${JSON.stringify(period)} is not a half-year; write it like 2021H2 (2021H1 = January–June, 2021H2 = July–December)`);
  if (halves.length === 0) throw new SelfAssessmentError(`no indicator data for the half-year ${period}: the extract has no half-year with data`);
  const list = `half-years with data: ${halves.join(", ")}`;
  if (!halves.includes(period)) throw new SelfAssessmentError(`no indicator data for the half-year ${period}; ${list}`);
  if (baseline == null) return halves[0];
  if (!isPeriod(baseline, "half")) throw new SelfAssessmentError(`--baseline ${JSON.stringify(baseline)} is not a half-year; write it like 2020H1`);
  if (baseline > period) throw new SelfAssessmentError(`the baseline half-year ${baseline} comes after the assessed half-year ${period}`);
  if (!halves.includes(baseline)) throw new SelfAssessmentError(`no indicator data for the baseline half-year ${baseline}; ${list}`);
  return baseline;
}

function measureRows(programme: Programme, goal: BenefitGoalId, period: string): MeasureRow[] {
  const reportHalf = new Map(programme.reports.map((r) => [r.id, r]));
  const end = periodEnd(period);
  const row = (m: Programme["measures"][number], relation: MeasureRow["relation"]): MeasureRow => {
    const entries = (m.progress ?? []).filter((e) => (reportHalf.get(e.report)?.half ?? "9999H2") <= period);
    let status: MeasureStatus | null = null;
    if (entries.length) {
      const latest = entries.map((e) => reportHalf.get(e.report)!).sort((a, b) => a.half.localeCompare(b.half)).at(-1)!;
      const own = entries.filter((e) => e.report === latest.id);
      status = {
        statuses: [...new Set(own.map((e) => e.status))],
        report: { id: latest.id, name: latest.name, half: latest.half },
        quotes: own.map((e) => e.source.quote),
      };
    }
    return {
      id: m.id, name: m.name, parent: m.parent ?? null, relation, primaryGoal: m.primaryGoal, status,
      startDate: m.startDate, startDatePrecision: m.startDatePrecision,
      notStartedYet: m.startDate !== null && m.startDate > end,
    };
  };
  // Primary measures in programme order, each followed by its parts.
  const primary = programme.measures.filter((m) => m.primaryGoal === goal);
  const ids = new Set(primary.map((m) => m.id));
  const ordered: MeasureRow[] = [];
  for (const m of primary.filter((x) => !x.parent || !ids.has(x.parent))) {
    ordered.push(row(m, "primary"));
    for (const child of primary.filter((x) => x.parent === m.id)) ordered.push(row(child, "primary"));
  }
  const secondary = programme.measures.filter((m) => m.primaryGoal !== goal && m.secondaryGoals.includes(goal)).map((m) => row(m, "secondary"));
  return [...ordered, ...secondary];
}

function narrativeOf(texts: NarrativeTexts, period: string, goal: BenefitGoalId, lang: Language): Narrative {
  const found = texts[`${goal}.${lang}`];
  const path = found?.path ?? `data/narratives/${period}/${goal}.${lang}.md`;
  if (!found || found.text === null || !found.text.trim()) return { lang, path, status: "missing", example: false, meta: {}, blocks: [] };
  const parsed = parseMarkdown(found.text);
  const example = /^(true|yes|kyllä|ja)$/i.test(parsed.meta.example ?? "");
  if (parsed.blocks.length === 0) return { lang, path, status: "missing", example, meta: parsed.meta, blocks: [] };
  return { lang, path, status: "present", example, meta: parsed.meta, blocks: parsed.blocks };
}

/** What a model reads from its cells whatever the half-year, and their status tables by context. */
interface CellsShared {
  table: ReturnType<typeof cellTable>;
  halves: string[];
  breakdownValues: ReturnType<typeof breakdownValuesByIndicator>;
  firstMonth: ReturnType<typeof firstMonths>;
  hasData: Set<string>;
  statuses: WeakMap<object, Map<string, StatusTable>>;
}

/**
 * Worked out once per cells array: the site renders every half-year in one
 * process (site-render.ts), and each model making its own table, half-years
 * and status table over the same 564 508 cells made the sample's twelve
 * models take 9.1 s; so, 2.4 s (the same models, compared by hash). The
 * status table is shared only where its context is the same (catalogue
 * object, extract, baseline, measures and recalculations): it is lazy and
 * remembers what it computed, for every model that asks.
 */
const sharedByCells = new WeakMap<readonly PublishedCell[], CellsShared>();
function sharedOf(cells: readonly PublishedCell[]): CellsShared {
  let s = sharedByCells.get(cells);
  if (!s) {
    const table = cellTable(cells);
    s = {
      table,
      halves: halfYears(table),
      breakdownValues: breakdownValuesByIndicator(table),
      firstMonth: firstMonths(table),
      hasData: new Set(table.dedupe("indicator_id").array("indicator_id") as string[]),
      statuses: new WeakMap(),
    };
    sharedByCells.set(cells, s);
  }
  return s;
}

function statusTableOf(cells: readonly PublishedCell[], context: StatusContext): StatusTable {
  const byCatalogue = sharedOf(cells).statuses;
  let tables = byCatalogue.get(context.catalogue);
  if (!tables) byCatalogue.set(context.catalogue, (tables = new Map()));
  const key = JSON.stringify([context.extractSource, context.baselines, context.programme.measures, context.programme.recalculations]);
  let table = tables.get(key);
  if (!table) tables.set(key, (table = statusTable(cells, context)));
  return table;
}

export function buildSelfAssessment(input: SelfAssessmentInput): SelfAssessment {
  const { cells, catalogue, programme, period } = input;
  const { table, halves, breakdownValues, firstMonth, hasData } = sharedOf(cells);
  const baselinePeriod = checkPeriods(period, input.baseline, halves);
  const previousPeriod = periodBefore(period);
  // Only the cells a figure or a status is looked up for — the whole city's, and the units' in the half-year — not every unit's every month.
  const index = new Map(cells.filter((c) => c.unit_id === ALL || c.period === period).map((c) => [key(c.indicator_id, c.period, c.unit_id, c.breakdown_value), c]));
  // The statuses, as the site computes them (with this document's baseline).
  const statusContext: StatusContext = {
    catalogue: catalogue as unknown as StatusContext["catalogue"],
    programme: { measures: programme.measures, recalculations: programme.recalculations },
    extractSource: input.source?.source ?? null,
    baselines: { half: baselinePeriod },
  };
  const statuses = statusTableOf(cells, statusContext);
  const statusOf = (id: string, p: string, unit: string, bv: string) => (index.has(key(id, p, unit, bv)) ? statuses.status(id, "half", p, unit, bv) : null);
  const fig = (id: string, p: string, unit: string, bv: string) => figureOf(index.get(key(id, p, unit, bv)), p);
  const lastMonth = monthsOf(period)[5];
  const chartFrom = monthsOf(baselinePeriod)[0];
  const chartMonths = monthsBetween(chartFrom, lastMonth);
  const chartHalves = periodsBetween(baselinePeriod, period);

  const block = (ind: Indicator): IndicatorBlock => {
    const target = targetForPeriod(ind.targets, period);
    const values = [...(breakdownValues.get(ind.id) ?? [])];
    const order = ind.breakdownValues ?? [];
    values.sort((a, b) => {
      const ia = order.indexOf(a), ib = order.indexOf(b);
      if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
      return a.localeCompare(b);
    });
    // Breakdown rows of the three columns only: a value seen in other half-years alone is left out.
    const shown = values.filter((bv) => [baselinePeriod, previousPeriod, period].some((p) => index.has(key(ind.id, p, ALL, bv))));
    const rows = [ALL, ...shown].map((bv): IndicatorRow => {
      const baseline = fig(ind.id, baselinePeriod, ALL, bv);
      const previous = fig(ind.id, previousPeriod, ALL, bv);
      const current = fig(ind.id, period, ALL, bv);
      const first = firstMonth.get(`${ind.id}|${bv}`);
      const series = first && first <= lastMonth ? monthsBetween(first, lastMonth).map((m) => fig(ind.id, m, ALL, bv)) : [];
      // The assurance icon and the count of months come from the same chart the status reads (same breaks and settings).
      const chart = xmrAnalysis(series.map((f) => ({ period: f.period, value: f.state === "value" ? f.value : null })), {
        direction: ind.direction, targets: ind.targets, settings: spcSettingsFor(catalogue, ind), breaks: spcBreakDates(ind, programme, { extractSource: input.source?.source ?? null }),
      });
      const status = statusOf(ind.id, period, ALL, bv);
      return {
        breakdownValue: bv, baseline, previous, current,
        changeFromBaseline: baselinePeriod === period ? null : changeOf(baseline, current, ind.unit, status?.vsBaseline),
        changeFromPrevious: changeOf(previous, current, ind.unit, status?.vsPrevious),
        met: isMet(current.value, target),
        spc: { variation: status?.spc ?? null, assurance: status?.spc ? chart.assurance : null, points: chart.points },
        verdict: status?.verdict ?? null,
      };
    });
    const total = rows[0];
    const goal = goalOf(ind.targets, { value: total.current.value, suppressed: total.current.state === "suppressed", status: { verdict: total.verdict } }, period);
    return {
      goal: { kind: goal.kind, met: goal.met },
      id: ind.id, name: ind.name, unit: ind.unit, direction: ind.direction, breakdown: ind.breakdown,
      breakdownName: ind.breakdown ? (catalogue.breakdowns[ind.breakdown] ?? null) : null,
      target: target ? { op: target.op, value: target.value, from: target.from, to: target.to, source: target.source } : null,
      hasData: hasData.has(ind.id),
      rows,
      chart: {
        from: chartFrom, to: lastMonth,
        months: chartMonths.map((m) => fig(ind.id, m, ALL, ALL)),
        halves: chartHalves.map((h) => fig(ind.id, h, ALL, ALL)),
        target: targetSteps(ind.targets, periodStart(chartFrom), periodEnd(lastMonth)).map((s) => ({ from: s.from, until: s.until, op: s.op, value: s.value })),
      },
    };
  };

  const goals = BENEFIT_GOAL_IDS.map((id): GoalSection => {
    const g = programme.benefitGoals.find((x) => x.id === id);
    if (!g) throw new SelfAssessmentError(`the programme model has no benefit goal ${id}`);
    const measures = measureRows(programme, id, period);
    const indicators = catalogue.indicators.filter((ind) => ind.benefitGoals.includes(id)).map(block);
    return {
      id, number: g.number, name: g.name, shortName: g.shortName, description: g.description,
      narratives: Object.fromEntries(LANGUAGES.map((lang) => [lang, narrativeOf(input.narratives, period, id, lang)])) as Record<Language, Narrative>,
      measures, indicators,
      summary: goalSummary(indicators, measures, baselinePeriod !== period),
    };
  });

  const dimensionName = (d: string) => programme.dimensions.find((x) => x.id === d)?.name ?? null;
  const definitions = catalogue.indicators.map((ind): IndicatorDefinition => ({
    id: ind.id, name: ind.name, definition: ind.definition, dimension: ind.dimension, dimensionName: dimensionName(ind.dimension),
    benefitGoals: ind.benefitGoals, unit: ind.unit, direction: ind.direction, breakdown: ind.breakdown,
    breakdownName: ind.breakdown ? (catalogue.breakdowns[ind.breakdown] ?? null) : null,
    threshold: thresholdOf(ind), privacyBasis: "suppress" in ind.privacy ? null : ind.privacy.n, targets: ind.targets,
  }));

  const unitNames = new Map((input.units ?? []).map((u) => [u.unit_id, { fi: u.unit_name_fi, sv: u.unit_name_sv }]));
  const byUnit: UnitRow[] = [];
  // Units only: an area's or operating model's cells are not a unit's row (tables.ts).
  const unitsOf = unitsByIndicator(table, period);
  for (const ind of catalogue.indicators) {
    for (const unitId of unitsOf.get(ind.id) ?? []) {
      byUnit.push({
        unitId, unitName: unitNames.get(unitId) ?? { fi: unitId, sv: null }, indicatorId: ind.id, indicatorName: ind.name,
        unit: ind.unit, current: fig(ind.id, period, unitId, ALL),
        vsCity: statusOf(ind.id, period, unitId, ALL)?.vsCity ?? "not-compared",
      });
    }
  }

  const source = input.source ?? null;

  // The quadruple aim as the overview reads it: the headline indicators' verdicts for the whole city.
  const headline = catalogue.indicators.filter((i) => i.headline);
  const aim = overviewVerdicts(programme.dimensions.map((d) => d.id as string), headline, (id) => statusOf(id, period, ALL, ALL)?.verdict ?? null);
  const quadrupleAim = {
    dimensions: [...aim.dimensions].map(([id, verdict]) => ({ id, name: dimensionName(id), verdict })),
    worse: aim.tradeoff.worse, better: aim.tradeoff.better, mixed: aim.tradeoff.mixed,
  };

  return {
    period, previousPeriod, baselinePeriod, baselineIsDefault: input.baseline == null, halvesWithData: halves, quadrupleAim,
    programmeName: programme.programme.name,
    dates: reportDates(period, source),
    source, goals, definitions, byUnit,
  };
}
