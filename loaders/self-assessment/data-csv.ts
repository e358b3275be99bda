// The self-assessment's tables as CSV for calculation, beside the Finnish
// Excel ones (csv.ts): the same tables, named like them with "-data"
// (`HT1-mittarit-data.csv` beside `HT1-mittarit.csv`). Comma-separated, UTF-8
// without a byte-order mark, "\n" line ends, quoting by d3-dsv. Figures are
// numbers at full precision as the indicator export writes them (a share as a
// fraction, 0.75), never formatted text; dates are ISO 8601. A withheld or
// missing figure is empty, and a status column beside it says which
// (`withheld`, `missing`, else `published`). Column names and codes are the
// same in every language; names and labels are in the file's language. Text is
// written as it is (no apostrophe before "=", unlike the Excel files): these
// files are for programs, the Excel files for spreadsheets.
import { csvText, type CsvValue } from "../extract/csv.ts";
import { WITHHELD_MARK } from "../../src/lib/format.ts";
import type { Change, Figure, SelfAssessment } from "./model.ts";
import { DATA_CSV_SUFFIX } from "./names.ts";
import { breakdownLabel, dateLines, reportTitle, unitName, type Lang } from "./present.ts";
import { s } from "./strings.ts";
import type { CsvFile } from "./csv.ts";

/** A figure's status column: published (with a value), withheld for privacy, or missing (no cell, or no value). */
export type FigureStatus = "published" | "withheld" | "missing";

export function figureStatus(f: Figure): FigureStatus {
  return f.state === "suppressed" ? "withheld" : f.state === "value" && f.value !== null ? "published" : "missing";
}

/** Value, numerator, denominator and status: numbers only for a published figure. */
function figureFields(f: Figure): CsvValue[] {
  const published = figureStatus(f) === "published";
  return [published ? f.value : null, published ? f.numerator : null, published ? f.denominator : null, figureStatus(f)];
}

const changeFields = (c: Change | null): CsvValue[] => (c ? [c.delta, c.outcome] : [null, null]);

const csv = (rows: CsvValue[][]) => csvText(rows);
const name = (base: string) => `${base}${DATA_CSV_SUFFIX}.csv`;

export function renderDataCsvFiles(m: SelfAssessment, lang: Lang): CsvFile[] {
  const files: CsvFile[] = [];
  for (const g of m.goals) {
    files.push({
      name: name(`${g.id}-${s(lang, "csvMeasures")}`),
      text: csv([
        ["goal_id", "measure_id", "measure_name", "parent_id", "relation", "primary_goal", "status", "status_report_id", "status_report_half", "start_date", "start_date_precision", "not_started_yet"],
        ...g.measures.map((r) => [
          g.id, r.id, r.name[lang], r.parent, r.relation, r.primaryGoal,
          r.status && !r.notStartedYet ? r.status.statuses.join("|") : null,
          r.status?.report.id ?? null, r.status?.report.half ?? null,
          r.startDate, r.startDatePrecision, r.notStartedYet,
        ]),
      ]),
    });
    const figureHeads = (p: string) => [`${p}_period`, `${p}_value`, `${p}_numerator`, `${p}_denominator`, `${p}_status`];
    const rows: CsvValue[][] = [[
      "goal_id", "indicator_id", "indicator_name", "breakdown", "breakdown_value", "breakdown_label", "unit", "unit_label", "direction",
      ...figureHeads("baseline"), ...figureHeads("previous"), ...figureHeads("current"),
      "target_op", "target_value", "target_from", "target_to",
      "change_from_baseline", "change_from_baseline_outcome", "change_from_previous", "change_from_previous_outcome",
      "spc_variation", "spc_assurance", "spc_months", "target_met", "verdict",
    ]];
    for (const b of g.indicators) {
      for (const r of b.rows) {
        rows.push([
          g.id, b.id, b.name[lang], b.breakdown, r.breakdownValue, breakdownLabel(r.breakdownValue, lang), b.unit, unitName(b.unit, lang), b.direction,
          m.baselinePeriod, ...figureFields(r.baseline), m.previousPeriod, ...figureFields(r.previous), m.period, ...figureFields(r.current),
          b.target?.op ?? null, b.target?.value ?? null, b.target?.from ?? null, b.target?.to ?? null,
          ...changeFields(r.changeFromBaseline), ...changeFields(r.changeFromPrevious),
          r.spc.variation, r.spc.assurance, r.spc.points, r.met, r.verdict,
        ]);
      }
    }
    files.push({ name: name(`${g.id}-${s(lang, "csvIndicators")}`), text: csv(rows) });
  }
  files.push({
    name: name(s(lang, "csvDefinitions")),
    text: csv([
      ["indicator_id", "indicator_name", "dimension", "dimension_name", "benefit_goals", "unit", "unit_label", "direction", "breakdown", "breakdown_name", "privacy_threshold", "definition"],
      ...m.definitions.map((d) => [
        d.id, d.name[lang], d.dimension, d.dimensionName?.[lang] ?? null, d.benefitGoals.join("|"), d.unit, unitName(d.unit, lang), d.direction,
        d.breakdown, d.breakdownName?.[lang] ?? null, d.threshold, d.definition[lang],
      ]),
    ]),
  });
  // The definitions' targets column, one row per target and validity period.
  files.push({
    name: name(s(lang, "csvTargets")),
    text: csv([
      ["indicator_id", "op", "value", "valid_from", "valid_to", "source"],
      ...m.definitions.flatMap((d) => d.targets.map((t) => [d.id, t.op, t.value, t.from, t.to, t.source[lang]])),
    ]),
  });
  files.push({
    name: name(`${s(lang, "csvByUnit")}-${m.period}`),
    text: csv([
      ["unit_id", "unit_name", "indicator_id", "indicator_name", "period", "unit", "value", "numerator", "denominator", "status", "vs_city"],
      ...m.byUnit.map((u) => [
        u.unitId, (lang === "sv" && u.unitName.sv) || u.unitName.fi, u.indicatorId, u.indicatorName[lang], m.period, u.unit,
        ...figureFields(u.current), u.vsCity,
      ]),
    ]),
  });
  files.push({ name: name(s(lang, "csvAbout")), text: csv(aboutRows(m, lang)) });
  return files;
}

/** What the files are: the report, its four named dates (ISO), the periods, the data and what the codes mean. */
function aboutRows(m: SelfAssessment, lang: Lang): CsvValue[][] {
  const rows: CsvValue[][] = [
    ["key", "label", "value"],
    ["title", s(lang, "title"), reportTitle(m, lang)],
    ["programme", null, m.programmeName[lang]],
    ["period", s(lang, "halfYear", { period: "" }).trim(), m.period],
    ...dateLines(m, lang).map((d) => [d.key, d.label, d.iso]),
    ["baseline_period", s(lang, "baseline", { period: "" }).replace(/[:\s]+$/, ""), m.baselinePeriod],
    ["previous_period", s(lang, "previousCol", { period: "" }).trim(), m.previousPeriod],
  ];
  if (m.source) rows.push(["source", null, m.source.source], ["extract_period", null, `${m.source.period.from}/${m.source.period.to}`]);
  rows.push(
    ["note:status", s(lang, "status"), s(lang, "dataStatusNote")],
    ["note:withheld", WITHHELD_MARK, s(lang, "privacy")],
    ["note:numbers", s(lang, "value"), s(lang, "dataNumbersNote")],
    ["note:spc", s(lang, "spc"), s(lang, "spcNote")],
  );
  return rows;
}
