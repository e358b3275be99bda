// The self-assessment as an Excel workbook (XLSX): an "about" sheet, one sheet
// per benefit goal (narrative, measures, indicator table), the indicator
// definitions and the current half-year by unit. Figures are numbers with
// number formats that Finnish Excel shows the Finnish way (57,0 %, 1 234);
// withheld cells are the text "..", never 0 (each sheet with one says what
// ".." means below its table). Every text cell that could be
// read as a formula (=, +, -, @ first) is stored as text with the text format,
// so it never becomes a live formula: names and narratives come from outside.
import ExcelJS from "exceljs";
import { changeWord, unitDigits, unitWord } from "../../src/lib/format.ts";
import { fileDate } from "./dates.ts";
import { blocksToLines } from "./markdown.ts";
import type { Change, Figure, GoalSection, IndicatorBlock, SelfAssessment } from "./model.ts";
import {
  assuranceText, breakdownLabel, definitionText, headerLines, indicatorColumns, measureText, metText, noteLines, outcomeText, reportTitle, spcText, type Lang, anyWithheld, withheldLegend,
  figureText, periodText, summaryLines, unitName,
} from "./present.ts";
import { s } from "./strings.ts";

type Cell = ExcelJS.Cell;
type Row = (string | number | null)[];

const FORMULA_LIKE = /^[=+\-@\t\r]/;
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

/** Writes text that stays text: a formula-like string gets the text number format ("@"). */
export function setText(cell: Cell, text: string): void {
  const value = clean(text);
  cell.value = value;
  if (FORMULA_LIKE.test(value)) cell.numFmt = "@";
}

function setNumber(cell: Cell, value: number, numFmt: string): void {
  cell.value = value;
  cell.numFmt = numFmt;
}

/** "0", "0.0", "0.00": Excel's digits for a number of decimals. */
const decimals = (digits: number) => (digits ? `0.${"0".repeat(digits)}` : "0");

/**
 * Excel number format of an indicator value, with the decimals and unit words
 * of src/lib/format.ts (Excel itself puts in the reader's decimal and
 * thousands separators): `#,##0` shows "1 234" and `0.0 %` "57,0 %" in Finnish Excel.
 */
export function valueFormat(unit: string, lang: Lang): string {
  const body = decimals(unitDigits(unit));
  if (unit === "share") return lang === "en" ? `${body}%` : `${body} %`;
  // Scores on a 1–5 or 0–10 scale never reach a thousand: no grouping.
  if (unit === "mean_1_5" || unit === "mean_0_10") return body;
  const word = unitWord(unit, lang);
  return word ? `#,##${body}" ${word}"` : `#,##${body}`;
}

function changeFormat(unit: string, lang: Lang): string {
  const body = decimals(unitDigits(unit));
  const word = changeWord(unit, lang);
  const tail = word ? `" ${word}"` : "";
  const minus = lang === "en" ? "-" : "−";
  return `"+"${body}${tail};"${minus}"${body}${tail};"±"${body}${tail}`;
}

const countFormat = (x: number) => (Number.isInteger(x) ? "#,##0" : "#,##0.0");

function header(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: "top", wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };
  });
}

/** A figure in three cells: value, numerator, denominator; a withheld one as ".." in each, a missing one as "ei tietoa". */
function putFigure(row: ExcelJS.Row, col: number, f: Figure, block: Pick<IndicatorBlock, "unit">, lang: Lang): void {
  const [v, n, d] = [row.getCell(col), row.getCell(col + 1), row.getCell(col + 2)];
  if (f.state === "value" && f.value !== null) {
    setNumber(v, f.value, valueFormat(block.unit, lang));
    if (f.numerator !== null) setNumber(n, f.numerator, countFormat(f.numerator));
    if (f.denominator !== null) setNumber(d, f.denominator, countFormat(f.denominator));
    return;
  }
  const text = figureText(f, block.unit, lang);
  for (const c of f.state === "suppressed" ? [v, n, d] : [v]) {
    setText(c, text);
    c.alignment = { horizontal: "right" };
    c.font = { color: { argb: "FF666666" } };
  }
}

function putChange(cell: Cell, c: Change | null, unit: string, lang: Lang): void {
  if (!c) {
    setText(cell, s(lang, "notJudgeable"));
    cell.alignment = { horizontal: "right" };
    return;
  }
  // The difference of the values as shown beside it (displayedChange), so the row adds up.
  setNumber(cell, unit === "share" ? +(c.shown * 100).toPrecision(12) : c.shown, changeFormat(unit, lang));
}

function textBlock(ws: ExcelJS.Worksheet, lines: string[], lastCol: number, style: Partial<ExcelJS.Style> = {}): void {
  for (const line of lines) {
    const row = ws.addRow([]);
    setText(row.getCell(1), line);
    ws.mergeCells(row.number, 1, row.number, lastCol);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    if (style.font) row.getCell(1).font = style.font;
    if (style.fill) row.getCell(1).fill = style.fill;
    row.height = Math.max(15, Math.ceil(line.length / 160) * 15);
  }
}

function goalSheet(wb: ExcelJS.Workbook, m: SelfAssessment, g: GoalSection, lang: Lang): void {
  const ws = wb.addWorksheet(g.id);
  const LAST = 21;
  const title = ws.addRow([]);
  setText(title.getCell(1), `${g.id} ${g.name[lang]}`);
  title.font = { bold: true, size: 14 };
  textBlock(ws, [g.description[lang]], LAST, { font: { italic: true } });
  ws.addRow([]);
  const sh = ws.addRow([s(lang, "summary")]);
  sh.font = { bold: true, size: 12 };
  for (const l of summaryLines(m, g, lang)) textBlock(ws, [l.text], LAST, l.kind === "goals" ? { font: { bold: true } } : {});
  textBlock(ws, [s(lang, "summaryGoalsNote")], LAST, { font: { italic: true } });
  ws.addRow([]);
  const nh = ws.addRow([s(lang, "narrative")]);
  nh.font = { bold: true, size: 12 };
  const n = g.narratives[lang];
  const note = { font: { italic: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF4CE" } } } as Partial<ExcelJS.Style>;
  if (n.status === "missing") textBlock(ws, [s(lang, "narrativeMissing")], LAST, note);
  else {
    if (n.example) textBlock(ws, [s(lang, "example")], LAST, { ...note, font: { bold: true } });
    textBlock(ws, blocksToLines(n.blocks), LAST);
  }
  ws.addRow([]);
  const mh = ws.addRow([s(lang, "measures")]);
  mh.font = { bold: true, size: 12 };
  if (g.measures.length === 0) ws.addRow([s(lang, "noMeasures")]);
  else {
    header(ws.addRow([s(lang, "id"), s(lang, "measure"), s(lang, "status"), s(lang, "reportedIn"), s(lang, "start")]));
    for (const row of g.measures) {
      const t = measureText(row, lang);
      const r = ws.addRow([]);
      [t.id, t.relation ? `${t.name} – ${t.relation}` : t.isPart ? `– ${t.name}` : t.name, t.status, t.source, t.start].forEach((v, i) => setText(r.getCell(i + 1), v));
    }
  }
  ws.addRow([]);
  const ih = ws.addRow([s(lang, "indicators")]);
  ih.font = { bold: true, size: 12 };
  const c = indicatorColumns(m, lang);
  const groups = ws.addRow([]);
  const labels: Row = [s(lang, "id"), c.indicator, s(lang, "breakdown"), s(lang, "unitOfMeasure"),
    s(lang, "value"), s(lang, "numerator"), s(lang, "denominator"),
    s(lang, "value"), s(lang, "numerator"), s(lang, "denominator"),
    s(lang, "value"), s(lang, "numerator"), s(lang, "denominator"),
    c.target, c.changeFromBaseline, c.changeFromPrevious, c.spc, s(lang, "assurance"), c.met, s(lang, "outcomeBaseline"), s(lang, "outcomePrevious")];
  [[5, c.baseline], [8, c.previous], [11, c.current]].forEach(([col, label]) => {
    setText(groups.getCell(col as number), label as string);
    ws.mergeCells(groups.number, col as number, groups.number, (col as number) + 2);
  });
  header(groups);
  const head = ws.addRow(labels);
  header(head);
  for (const block of g.indicators) {
    for (const r of block.rows) {
      const row = ws.addRow([]);
      setText(row.getCell(1), block.id);
      setText(row.getCell(2), block.name[lang]);
      setText(row.getCell(3), breakdownLabel(r.breakdownValue, lang));
      setText(row.getCell(4), unitName(block.unit, lang));
      putFigure(row, 5, r.baseline, block, lang);
      putFigure(row, 8, r.previous, block, lang);
      putFigure(row, 11, r.current, block, lang);
      if (block.target) setNumber(row.getCell(14), block.target.value, `"${block.target.op === ">=" ? "≥" : "≤"} "${valueFormat(block.unit, lang)}`);
      else setText(row.getCell(14), s(lang, "noTarget"));
      putChange(row.getCell(15), r.changeFromBaseline, block.unit, lang);
      putChange(row.getCell(16), r.changeFromPrevious, block.unit, lang);
      setText(row.getCell(17), spcText(r.spc, lang));
      setText(row.getCell(18), assuranceText(r.spc, lang));
      setText(row.getCell(19), block.target ? metText(r.met, lang) : s(lang, "notJudgeable"));
      setText(row.getCell(20), r.changeFromBaseline ? outcomeText(r.changeFromBaseline.outcome, lang) : s(lang, "notJudgeable"));
      setText(row.getCell(21), r.changeFromPrevious ? outcomeText(r.changeFromPrevious.outcome, lang) : s(lang, "notJudgeable"));
      if (r.breakdownValue === "ALL") row.font = { bold: true };
    }
  }
  if (anyWithheld(g.indicators)) {
    ws.addRow([]);
    textBlock(ws, [withheldLegend(lang)], LAST, { font: { italic: true } });
  }
  const widths = [22, 44, 18, 18, 11, 11, 11, 11, 11, 11, 11, 11, 11, 12, 14, 14, 24, 26, 12, 18, 18];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

export async function renderXlsx(m: SelfAssessment, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Nelimaali";
  wb.title = reportTitle(m, lang);
  // Dated by the extract, never the clock (stableZip rewrites docProps too).
  wb.created = new Date(`${fileDate(m.dates)}T00:00:00Z`);
  wb.modified = wb.created;

  const about = wb.addWorksheet(s(lang, "about"));
  about.getColumn(1).width = 140;
  const t = about.addRow([]);
  setText(t.getCell(1), reportTitle(m, lang));
  t.font = { bold: true, size: 16 };
  setText(about.addRow([]).getCell(1), m.programmeName[lang]);
  for (const line of [...headerLines(m, lang), "", ...noteLines(lang)]) {
    const r = about.addRow([]);
    setText(r.getCell(1), line);
    r.getCell(1).alignment = { wrapText: true };
  }

  for (const g of m.goals) goalSheet(wb, m, g, lang);

  const defs = wb.addWorksheet(s(lang, "sheetDefinitions"));
  header(defs.addRow([s(lang, "id"), s(lang, "name"), s(lang, "dimension"), s(lang, "goals"), s(lang, "unitOfMeasure"), s(lang, "direction"),
    s(lang, "breakdown"), s(lang, "targets"), s(lang, "privacyThreshold"), s(lang, "definition")]));
  for (const d of m.definitions) {
    const x = definitionText(d, lang);
    const r = defs.addRow([]);
    [x.id, x.name, x.dimension, x.goals, x.unit, x.direction, x.breakdown, x.targets].forEach((v, i) => setText(r.getCell(i + 1), v));
    if (d.threshold === null) setText(r.getCell(9), x.threshold);
    else setNumber(r.getCell(9), d.threshold, "0");
    setText(r.getCell(10), x.definition);
    r.alignment = { vertical: "top", wrapText: true };
  }
  [26, 40, 22, 14, 20, 18, 14, 50, 12, 90].forEach((w, i) => (defs.getColumn(i + 1).width = w));
  defs.views = [{ state: "frozen", ySplit: 1 }];

  const units = wb.addWorksheet(s(lang, "sheetByUnit"));
  const title = units.addRow([]);
  setText(title.getCell(1), s(lang, "byUnit", { period: periodText(m.period, lang) }));
  title.font = { bold: true };
  header(units.addRow([s(lang, "unitId"), s(lang, "orgUnit"), s(lang, "id"), s(lang, "indicator"), s(lang, "value"), s(lang, "numerator"), s(lang, "denominator"), s(lang, "vsCity")]));
  for (const u of m.byUnit) {
    const r = units.addRow([]);
    setText(r.getCell(1), u.unitId);
    setText(r.getCell(2), (lang === "sv" && u.unitName.sv) || u.unitName.fi);
    setText(r.getCell(3), u.indicatorId);
    setText(r.getCell(4), u.indicatorName[lang]);
    putFigure(r, 5, u.current, u, lang);
    setText(r.getCell(8), outcomeText(u.vsCity, lang));
  }
  if (m.byUnit.some((u) => u.current.state === "suppressed")) {
    units.addRow([]);
    const legend = units.addRow([]);
    setText(legend.getCell(1), withheldLegend(lang));
    units.mergeCells(legend.number, 1, legend.number, 7);
    legend.getCell(1).alignment = { wrapText: true, vertical: "top" };
    legend.getCell(1).font = { italic: true };
    legend.height = 30;
  }
  [22, 44, 26, 44, 12, 12, 12, 22].forEach((w, i) => (units.getColumn(i + 1).width = w));
  units.views = [{ state: "frozen", ySplit: 2 }];

  return Buffer.from(await wb.xlsx.writeBuffer());
}
