// The self-assessment model as text, in one language: every renderer (page,
// DOCX, CSV; XLSX for its text cells) takes its words and figures from here,
// so a figure reads the same everywhere. Numbers and dates are formatted by
// src/lib/format.ts ("57,0 %", "1 234"; ".." for a withheld cell).
import {
  WITHHELD_MARK, formatChange, formatCount, formatDate, formatNumber, formatPeriod, formatProgrammeDate, formatTargetValue, formatValueWithUnit, type Lang,
} from "../../src/lib/format.ts";
import { codeLabel } from "../../src/lib/i18n.ts";
// Node: every language registered for codeLabel() and the shared components' t().
import "../../src/lib/i18n/all.ts";
import { ALL } from "../indicators/indicator-row.ts";
import type { Change, Figure, GoalSection, IndicatorBlock, IndicatorDefinition, MeasureRow, SelfAssessment, SpcSignal, TargetInForce } from "./model.ts";
import { goalCountText } from "../../src/components/programme/goal-summary.ts";
import type { SignificantChanges } from "./summary.ts";
import type { Outcome } from "../../src/lib/stats/compare.ts";
import { DOC_STRINGS, s } from "./strings.ts";

export type { Lang };

/** A figure's value: "57,0 %", ".." when withheld, "ei tietoa" when there is no cell. */
export function figureText(f: Figure, unit: string, lang: Lang): string {
  if (f.state === "suppressed") return WITHHELD_MARK;
  if (f.state === "missing" || f.value === null) return s(lang, "noData");
  return formatValueWithUnit(f.value, unit, lang);
}

/** The absolute numbers beside a value: "53 / 93", "N = 120" where only the denominator exists; empty otherwise. */
export function countsText(f: Figure, lang: Lang): string {
  if (f.state !== "value") return "";
  if (f.numerator !== null && f.denominator !== null) return `${formatCount(f.numerator, lang)} / ${formatCount(f.denominator, lang)}`;
  if (f.denominator !== null) return `N = ${formatCount(f.denominator, lang)}`;
  return "";
}

/** A numerator or denominator column on its own (CSV): the number, the withheld mark, or empty. */
export function countText(f: Figure, which: "numerator" | "denominator", lang: Lang): string {
  if (f.state === "suppressed") return WITHHELD_MARK;
  const x = f[which];
  return f.state === "value" && x !== null ? formatCount(x, lang) : "";
}

/** A change as the two shown values differ (−1 and −3 shown read −2), never from the unrounded values. */
export function changeText(c: Change | null, unit: string, lang: Lang): string {
  return c ? formatChange(c.shown, unit, lang) : s(lang, "notJudgeable");
}

/** The comparison's outcome in words: better / similar / worse (95 % intervals), higher / lower, or not compared. */
export function outcomeText(outcome: Outcome, lang: Lang): string {
  return s(lang, OUTCOME_KEYS[outcome]);
}

const OUTCOME_KEYS = { better: "better", worse: "worse", similar: "similar", higher: "outcomeHigher", lower: "outcomeLower", "not-compared": "notCompared" } as const;

/** A change's outcome in words; empty when there is no change to compare (a value missing or withheld). */
export function judgementText(c: Change | null, _unit: string, lang: Lang): string {
  return c ? outcomeText(c.outcome, lang) : "";
}

/** The quadruple aim at the half-year, as the overview reads it: the trade-off, else the dimensions that worsen, are mixed or improve, else no significant change. */
export function quadrupleAimText(m: SelfAssessment, lang: Lang): string {
  const a = m.quadrupleAim;
  const names = (ids: readonly string[]) => ids.map((id) => a.dimensions.find((d) => d.id === id)?.name?.[lang] ?? id).join(", ");
  const parts: string[] = [];
  if (a.worse.length && a.better.length) parts.push(s(lang, "aimTradeoff", { worse: names(a.worse), better: names(a.better) }));
  else {
    const worse = a.dimensions.filter((d) => d.verdict === "worsening").map((d) => d.id);
    const better = a.dimensions.filter((d) => d.verdict === "improving").map((d) => d.id);
    if (worse.length) parts.push(s(lang, "aimWorse", { dimensions: names(worse) }));
    if (better.length) parts.push(s(lang, "aimBetter", { dimensions: names(better) }));
  }
  if (a.mixed.length) parts.push(s(lang, "aimMixed", { dimensions: names(a.mixed) }));
  if (!parts.length) parts.push(s(lang, a.dimensions.some((d) => d.verdict !== null) ? "aimStable" : "aimNone"));
  return `${s(lang, "aim")}: ${parts.join(" ")}`;
}

export function targetText(t: TargetInForce | null, unit: string, lang: Lang): string {
  return t ? formatTargetValue(t, unit, lang) : s(lang, "noTarget");
}

export function spcText(spc: SpcSignal, lang: Lang): string {
  switch (spc.variation) {
    case null:
      return s(lang, "noSpc", { n: spc.points });
    case "common-cause":
      return s(lang, "commonCause");
    case "improvement-high":
    case "improvement-low":
      return s(lang, "improvement");
    case "concern-high":
    case "concern-low":
      return s(lang, "concern");
    case "neither-high":
      return s(lang, "neitherHigh");
    case "neither-low":
      return s(lang, "neitherLow");
  }
}

export function assuranceText(spc: SpcSignal, lang: Lang): string {
  return spc.assurance === "pass" ? s(lang, "pass") : spc.assurance === "fail" ? s(lang, "fail") : spc.assurance === "hit-and-miss" ? s(lang, "hitAndMiss") : "";
}

export function metText(met: boolean | null, lang: Lang): string {
  return met === null ? s(lang, "notJudgeable") : s(lang, met ? "yes" : "no");
}

export function breakdownLabel(value: string, lang: Lang): string {
  return value === ALL ? s(lang, "total") : codeLabel(value, lang);
}

export function periodText(period: string, lang: Lang): string {
  return formatPeriod(period, lang);
}

export function dateText(date: string, lang: Lang): string {
  return formatDate(date, lang);
}

/** The title names the report by its deadline: the July–December 2021 figures are the spring 2022 report. */
export function reportTitle(m: SelfAssessment, lang: Lang): string {
  return s(lang, m.dates.season === "spring" ? "reportSpring" : "reportAutumn", { year: m.dates.deadline.slice(0, 4) });
}

/** A span of days: "1.7.–31.12.2023" (fi, sv), "1 Jul–31 Dec 2023" (en); the first year only when it differs. */
export function dateRangeText(from: string, to: string, lang: Lang): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${dateText(from, lang)}–${dateText(to, lang)}`;
  const start = dateText(from, lang).replace(/\s?\d{4}$/, "");
  return `${start}–${dateText(to, lang)}`;
}

export interface DateLine {
  /** The same in every language (the key of the data CSV's about file). */
  key: "deadline" | "figures_cover" | "data_as_of" | "prepared_on";
  label: string;
  /** For people, as the language writes dates ("15.5.2024", "1.7.–31.12.2023"; "15 May 2024"). */
  text: string;
  /** For programs: an ISO date, or an ISO interval "2023-07-01/2023-12-31". */
  iso: string;
}

/** The four named dates (dates.ts) with their labels; the page and every document print these and no other date of the report. */
export function dateLines(m: SelfAssessment, lang: Lang): DateLine[] {
  const d = m.dates;
  const lines: DateLine[] = [
    { key: "deadline", label: s(lang, "dateDeadline"), text: dateText(d.deadline, lang), iso: d.deadline },
    { key: "figures_cover", label: s(lang, "dateFiguresCover"), text: dateRangeText(d.figuresCover.from, d.figuresCover.to, lang), iso: `${d.figuresCover.from}/${d.figuresCover.to}` },
  ];
  if (d.dataAsOf) lines.push({ key: "data_as_of", label: s(lang, "dateDataAsOf"), text: dateText(d.dataAsOf, lang), iso: d.dataAsOf });
  if (d.preparedOn) lines.push({ key: "prepared_on", label: s(lang, "datePreparedOn"), text: dateText(d.preparedOn, lang), iso: d.preparedOn });
  return lines;
}

/** The lines under the title: half-year, the named dates, baseline, the quadruple aim, the data and a partial period. */
export function headerLines(m: SelfAssessment, lang: Lang): string[] {
  const lines = [
    s(lang, "halfYear", { period: periodText(m.period, lang) }),
    ...dateLines(m, lang).map((d) => `${d.label}: ${d.text}`),
    s(lang, "baseline", { period: periodText(m.baselinePeriod, lang) }) + (m.baselineIsDefault ? s(lang, "baselineDefault") : ""),
    quadrupleAimText(m, lang),
  ];
  if (m.source) {
    lines.push(s(lang, "source", { source: m.source.source, from: dateText(m.source.period.from, lang), to: dateText(m.source.period.to, lang) }));
  }
  if (m.dates.figuresCover.partial) lines.push(s(lang, "partial", { period: periodText(m.period, lang) }));
  return lines;
}

/** The legend of the withheld mark: ".. Piilotettu tietosuojan vuoksi: solussa on alle kynnysarvon … havaintoja, tai …". */
export function withheldLegend(lang: Lang): string {
  return `${WITHHELD_MARK} ${s(lang, "privacy")}`;
}

/** Whether any figure of these indicator blocks (table rows or chart) is withheld: then the legend goes with them. */
export function anyWithheld(blocks: readonly IndicatorBlock[]): boolean {
  return blocks.some((b) =>
    b.rows.some((r) => [r.baseline, r.previous, r.current].some((f) => f.state === "suppressed")) ||
    [...b.chart.months, ...b.chart.halves].some((f) => f.state === "suppressed"));
}

/** The notes that explain the tables: the withheld mark, counts, change, SPC. */
export function noteLines(lang: Lang): string[] {
  return [withheldLegend(lang), s(lang, "countsNote"), s(lang, "changeNote"), s(lang, "spcNote")];
}

export function unitName(unit: string, lang: Lang): string {
  return DOC_STRINGS[lang].unitNames[unit] ?? unit;
}

export interface FigureText {
  value: string;
  counts: string;
}

export interface IndicatorRowText {
  indicatorId: string;
  isTotal: boolean;
  /** The indicator's name on its total row, the breakdown value's name on the others. */
  label: string;
  breakdownValue: string;
  baseline: FigureText;
  previous: FigureText;
  current: FigureText;
  target: string;
  changeFromBaseline: string;
  changeFromBaselineJudgement: string;
  changeFromPrevious: string;
  changeFromPreviousJudgement: string;
  spc: string;
  assurance: string;
  met: string;
}

export function indicatorRowsText(block: IndicatorBlock, lang: Lang): IndicatorRowText[] {
  const f = (x: Figure): FigureText => ({ value: figureText(x, block.unit, lang), counts: countsText(x, lang) });
  return block.rows.map((r) => ({
    indicatorId: block.id,
    isTotal: r.breakdownValue === ALL,
    label: r.breakdownValue === ALL ? block.name[lang] : breakdownLabel(r.breakdownValue, lang),
    breakdownValue: r.breakdownValue,
    baseline: f(r.baseline),
    previous: f(r.previous),
    current: f(r.current),
    target: targetText(block.target, block.unit, lang),
    changeFromBaseline: changeText(r.changeFromBaseline, block.unit, lang),
    changeFromBaselineJudgement: judgementText(r.changeFromBaseline, block.unit, lang),
    changeFromPrevious: changeText(r.changeFromPrevious, block.unit, lang),
    changeFromPreviousJudgement: judgementText(r.changeFromPrevious, block.unit, lang),
    spc: spcText(r.spc, lang),
    assurance: assuranceText(r.spc, lang),
    met: block.target ? metText(r.met, lang) : s(lang, "notJudgeable"),
  }));
}

/** Column headings of the indicator table. */
export function indicatorColumns(m: SelfAssessment, lang: Lang) {
  return {
    indicator: s(lang, "indicator"),
    baseline: s(lang, "baselineCol", { period: periodText(m.baselinePeriod, lang) }),
    previous: s(lang, "previousCol", { period: periodText(m.previousPeriod, lang) }),
    current: s(lang, "currentCol", { period: periodText(m.period, lang) }),
    target: s(lang, "target"),
    changeFromBaseline: s(lang, "changeBaseline"),
    changeFromPrevious: s(lang, "changePrevious"),
    spc: s(lang, "spc"),
    met: s(lang, "met"),
  };
}

export interface MeasureText {
  id: string;
  name: string;
  isPart: boolean;
  relation: string;
  status: string;
  source: string;
  start: string;
}

export function measureText(row: MeasureRow, lang: Lang): MeasureText {
  const status = row.notStartedYet
    ? s(lang, "notStartedYet")
    : row.status
      ? row.status.statuses.map((x) => codeLabel(x, lang)).join("; ")
      : s(lang, "noStatus");
  return {
    id: row.id,
    name: row.name[lang],
    isPart: row.parent !== null && row.relation === "primary",
    relation: row.relation === "secondary" ? s(lang, "secondary", { goal: row.primaryGoal }) : "",
    status,
    source: row.status && !row.notStartedYet ? row.status.report.name[lang] : "",
    start: row.startDate ? formatProgrammeDate(row.startDate, row.startDatePrecision, lang) : s(lang, "unknown"),
  };
}

export function directionText(direction: "higher" | "lower" | null, lang: Lang): string {
  return direction ? s(lang, direction) : s(lang, "noDirection");
}

export interface DefinitionText {
  id: string;
  name: string;
  dimension: string;
  goals: string;
  unit: string;
  direction: string;
  breakdown: string;
  targets: string;
  threshold: string;
  definition: string;
}

export function definitionText(d: IndicatorDefinition, lang: Lang): DefinitionText {
  const targets = d.targets.map((t) => {
    const validity = t.from && t.to
      ? s(lang, "validBetween", { from: dateText(t.from, lang), to: dateText(t.to, lang) })
      : t.from ? s(lang, "validFrom", { from: dateText(t.from, lang) }) : t.to ? s(lang, "validTo", { to: dateText(t.to, lang) }) : "";
    return `${targetText({ ...t, source: t.source }, d.unit, lang)}${validity ? ` (${validity})` : ""} – ${t.source[lang]}`;
  });
  return {
    id: d.id,
    name: d.name[lang],
    dimension: d.dimensionName?.[lang] ?? d.dimension,
    goals: d.benefitGoals.join(", "),
    unit: unitName(d.unit, lang),
    direction: directionText(d.direction, lang),
    breakdown: d.breakdownName?.[lang] ?? "",
    targets: targets.length ? targets.join("; ") : s(lang, "noTarget"),
    threshold: d.threshold === null ? s(lang, "notSuppressed") : formatNumber(d.threshold, 0, lang),
    definition: d.definition[lang],
  };
}

export interface SummaryLine {
  kind: "goals" | "spc" | "previous" | "baseline" | "measures";
  text: string;
}

/** One comparison's significant changes: "parempi: A (+2,0 %-yks.), B (…); huonompi: C (…)", or that there are none. */
function changesText(c: SignificantChanges, g: GoalSection, lang: Lang): string {
  const block = (id: string) => g.indicators.find((b) => b.id === id)!;
  const moved = (list: SignificantChanges["better"]) => list.map((x) => `${block(x.id).name[lang]} (${formatChange(x.change, block(x.id).unit, lang)})`).join(", ");
  const named = (ids: readonly string[]) => ids.map((id) => block(id).name[lang]).join(", ");
  const parts = [
    c.better.length ? `${s(lang, "better")}: ${moved(c.better)}` : "",
    c.worse.length ? `${s(lang, "worse")}: ${moved(c.worse)}` : "",
    c.higher.length ? `${s(lang, "outcomeHigher")}: ${named(c.higher)}` : "",
    c.lower.length ? `${s(lang, "outcomeLower")}: ${named(c.lower)}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : s(lang, "summaryNoChanges");
}

/** The lines that open a goal's section: "2 / 3 tavoitetta saavutettu · 1 ei tiedossa", the SPC signals, the significant changes, the measures' statuses. */
export function summaryLines(m: SelfAssessment, g: GoalSection, lang: Lang): SummaryLine[] {
  const sum = g.summary;
  const name = (id: string) => g.indicators.find((b) => b.id === id)!.name[lang];
  const spc = ([["improving", "summaryImproving"], ["worsening", "summaryWorsening"], ["changed", "summaryChanged"]] as const)
    .filter(([k]) => sum.spc[k].length)
    .map(([k, word]) => `${s(lang, word)}: ${sum.spc[k].map(name).join(", ")}`);
  const measures = sum.measures.map(({ standing, count }) =>
    `${formatCount(count, lang)} ${standing === "notStartedYet" || standing === "noStatus" ? s(lang, standing) : codeLabel(standing, lang)}`);
  const lines: SummaryLine[] = [
    { kind: "goals", text: goalCountText(sum.goals, lang) },
    { kind: "spc", text: `${s(lang, "summarySpc")}: ${spc.length ? spc.join("; ") : s(lang, "summaryNoSignals")}` },
    { kind: "previous", text: `${s(lang, "summaryPrevious", { period: periodText(m.previousPeriod, lang) })}: ${changesText(sum.vsPrevious, g, lang)}` },
  ];
  if (sum.vsBaseline) lines.push({ kind: "baseline", text: `${s(lang, "summaryBaseline", { period: periodText(m.baselinePeriod, lang) })}: ${changesText(sum.vsBaseline, g, lang)}` });
  lines.push({ kind: "measures", text: `${s(lang, "summaryMeasures")}: ${measures.length ? measures.join(", ") : s(lang, "noMeasures")}` });
  return lines;
}
