// Every table of the self-assessment as CSV for a spreadsheet, in one language:
// per benefit goal the measures and the indicator table, the indicator
// definitions and the current half-year by unit. Figures read exactly as in
// the documents ("57,0 %", "1 234", ".." for a withheld cell); the notes file
// starts with the report's header lines (its named dates among them, worded as
// in the documents) and says what ".." means. The same tables for calculation
// are data-csv.ts. Finnish and Swedish files use ";" (the list
// separator of Finnish Excel), English ","; UTF-8 with a byte-order mark.
// A field that a spreadsheet would run as a formula (=, +, -, @ first) gets a
// leading apostrophe (OWASP's CSV-injection rule).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { csvText } from "../extract/csv.ts";
import type { SelfAssessment } from "./model.ts";
import {
  breakdownLabel, countText, definitionText, figureText, headerLines, indicatorColumns, indicatorRowsText, measureText, noteLines, outcomeText, reportTitle, type Lang, unitName,
} from "./present.ts";
import { s } from "./strings.ts";

export interface CsvFile {
  name: string;
  text: string;
}

const FORMULA_LIKE = /^[=+\-@\t\r]/;

/** The field with a leading apostrophe if a spreadsheet would run it as a formula. */
function defuseFormula(value: string): string {
  return FORMULA_LIKE.test(value) ? `'${value}` : value;
}

function csv(rows: string[][], lang: Lang): string {
  return csvText(rows.map((r) => r.map(defuseFormula)), { delimiter: lang === "en" ? "," : ";", eol: "\r\n", bom: true });
}

export function renderCsvFiles(m: SelfAssessment, lang: Lang): CsvFile[] {
  const files: CsvFile[] = [];
  const c = indicatorColumns(m, lang);
  const [v, num, den] = [s(lang, "value"), s(lang, "numerator"), s(lang, "denominator")];
  for (const g of m.goals) {
    files.push({
      name: `${g.id}-${s(lang, "csvMeasures")}.csv`,
      text: csv([
        [s(lang, "id"), s(lang, "measure"), s(lang, "status"), s(lang, "reportedIn"), s(lang, "start"), s(lang, "goal")],
        ...g.measures.map((row) => {
          const t = measureText(row, lang);
          return [t.id, t.name, t.status, t.source, t.start, t.relation || g.id];
        }),
      ], lang),
    });
    const rows: string[][] = [[
      s(lang, "id"), c.indicator, s(lang, "breakdown"), s(lang, "unitOfMeasure"),
      `${c.baseline}: ${v}`, `${c.baseline}: ${num}`, `${c.baseline}: ${den}`,
      `${c.previous}: ${v}`, `${c.previous}: ${num}`, `${c.previous}: ${den}`,
      `${c.current}: ${v}`, `${c.current}: ${num}`, `${c.current}: ${den}`,
      c.target, c.changeFromBaseline, c.changeFromPrevious, c.spc, s(lang, "assurance"), c.met,
    ]];
    for (const block of g.indicators) {
      const texts = indicatorRowsText(block, lang);
      block.rows.forEach((r, i) => {
        const t = texts[i];
        const fig = (f: typeof r.current) => [
          figureText(f, block.unit, lang), countText(f, "numerator", lang), countText(f, "denominator", lang),
        ];
        rows.push([
          block.id, block.name[lang], breakdownLabel(r.breakdownValue, lang), unitName(block.unit, lang),
          ...fig(r.baseline), ...fig(r.previous), ...fig(r.current),
          t.target, t.changeFromBaseline, t.changeFromPrevious, t.spc, t.assurance, t.met,
        ]);
      });
    }
    files.push({ name: `${g.id}-${s(lang, "csvIndicators")}.csv`, text: csv(rows, lang) });
  }
  files.push({
    name: `${s(lang, "csvDefinitions")}.csv`,
    text: csv([
      [s(lang, "id"), s(lang, "name"), s(lang, "dimension"), s(lang, "goals"), s(lang, "unitOfMeasure"), s(lang, "direction"), s(lang, "breakdown"), s(lang, "targets"), s(lang, "privacyThreshold"), s(lang, "definition")],
      ...m.definitions.map((d) => {
        const x = definitionText(d, lang);
        return [x.id, x.name, x.dimension, x.goals, x.unit, x.direction, x.breakdown, x.targets, x.threshold, x.definition];
      }),
    ], lang),
  });
  files.push({
    name: `${s(lang, "csvByUnit")}-${m.period}.csv`,
    text: csv([
      [s(lang, "unitId"), s(lang, "orgUnit"), s(lang, "id"), s(lang, "indicator"), v, num, den, s(lang, "vsCity")],
      ...m.byUnit.map((u) => [
        u.unitId, (lang === "sv" && u.unitName.sv) || u.unitName.fi, u.indicatorId, u.indicatorName[lang],
        figureText(u.current, u.unit, lang), countText(u.current, "numerator", lang), countText(u.current, "denominator", lang),
        outcomeText(u.vsCity, lang),
      ]),
    ], lang),
  });
  // The report's title, dates and data, then what ".." (withheld), "–" and the other marks mean.
  const about = [reportTitle(m, lang), m.programmeName[lang], ...headerLines(m, lang), ...noteLines(lang)];
  files.push({ name: `${s(lang, "csvNotes")}.csv`, text: csv([[s(lang, "notes")], ...about.map((line) => [line])], lang) });
  return files;
}

export function writeCsvDir(files: readonly CsvFile[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.text);
    return path;
  });
}

/** The CSV files in one ZIP (for the site's download). */
export async function zipCsv(files: readonly CsvFile[], folder: string): Promise<Buffer> {
  const zip = new JSZip();
  for (const f of files) zip.file(`${folder}/${f.name}`, f.text, { date: new Date(Date.UTC(2020, 0, 1)) });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
