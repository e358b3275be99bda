// The self-assessment as a Word document (DOCX): title and notes, then per
// benefit goal the narrative, the development measures, the indicator table
// and the charts (SVG → PNG), and an annex of indicator definitions. Landscape
// A4, so the nine-column table fits.
import {
  AlignmentType, Document, ExternalHyperlink, HeadingLevel, ImageRun, LevelFormat, Packer, PageOrientation, Paragraph,
  ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild,
} from "docx";
import { periodEnd, periodStart } from "../../src/lib/periods.ts";
import { chartSvg, CHART_HEIGHT, CHART_WIDTH } from "./chart.ts";
import type { Block, Inline } from "./markdown.ts";
import type { GoalSection, Narrative, SelfAssessment } from "./model.ts";
import { prepareChartFont, svgToPng } from "./png.ts";
import {
  dateText, definitionText, headerLines, indicatorColumns, indicatorRowsText, measureText, noteLines, periodText, anyWithheld, withheldLegend, reportTitle, summaryLines, type FigureText, type Lang,
} from "./present.ts";
import { s } from "./strings.ts";

export interface DocxOptions {
  /** Draw the charts (default true). */
  charts?: boolean;
}

const SMALL = 16; // half-points: 8 pt
const TINY = 14;
const HEADER_FILL = "DCE6F2";
const NOTE_FILL = "FFF4CE";
const ORDERED = "sa-ordered";
// Landscape A4 with 2 cm margins: 29.7 − 4 = 25.7 cm ≈ 14 570 twips of text width.
const MARGIN = 1134;
const TEXT_WIDTH = 16838 - 2 * MARGIN;

/** Control characters are not allowed in the document's XML; narratives come from outside. */
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

function runs(content: readonly Inline[], size?: number): ParagraphChild[] {
  return content.map((c) => {
    const run = new TextRun({ text: clean(c.text), bold: c.bold, italics: c.italic, font: c.code ? "Consolas" : undefined, size, style: c.href ? "Hyperlink" : undefined });
    return c.href ? new ExternalHyperlink({ link: c.href, children: [run] }) : run;
  });
}

type Line = string | { text: string; bold?: boolean; italic?: boolean; size?: number };

/** A table cell: the first line in 8 pt, the others (absolute numbers, notes) smaller and grey. Empty lines are left out. */
function cell(lines: Line[], o: { header?: boolean; width?: number; indent?: boolean; align?: "left" | "right" } = {}): TableCell {
  const paragraphs = lines
    .map((l) => (typeof l === "string" ? { text: l } : l))
    .filter((l) => l.text !== "")
    .map((x, i) => new Paragraph({
      alignment: o.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: o.indent ? { left: 200 } : undefined,
      children: [new TextRun({ text: clean(x.text), bold: x.bold ?? o.header, italics: x.italic, size: x.size ?? (i === 0 ? SMALL : TINY), color: i === 0 ? undefined : "555555" })],
    }));
  return new TableCell({
    width: o.width ? { size: o.width, type: WidthType.DXA } : undefined,
    shading: o.header ? { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } : undefined,
    margins: { top: 30, bottom: 30, left: 70, right: 70 },
    // A cell must hold at least one paragraph.
    children: paragraphs.length ? paragraphs : [new Paragraph("")],
  });
}

/** A table; a heading given as several strings is written on several lines. */
function table(widths: number[], header: (string | string[])[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(
          (Array.isArray(h) ? h : [h]).map((text) => ({ text, bold: true, size: SMALL })),
          { header: true, width: widths[i] },
        )),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r })),
    ],
  });
}

function notice(text: string, bold = false): Paragraph {
  return new Paragraph({
    shading: { type: ShadingType.CLEAR, color: "auto", fill: NOTE_FILL },
    spacing: { before: 80, after: 120 },
    children: [new TextRun({ text: clean(text), bold, italics: !bold })],
  });
}

let listInstance = 0;

function narrativeParagraphs(n: Narrative, lang: Lang): Paragraph[] {
  // A neutral placeholder: where the text is kept is for the office's page, not for the ministry.
  if (n.status === "missing") return [notice(s(lang, "narrativeMissing"))];
  const out: Paragraph[] = [];
  if (n.example) out.push(notice(s(lang, "example"), true));
  for (const b of n.blocks as Block[]) {
    if (b.type === "heading") out.push(new Paragraph({ heading: b.level <= 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4, children: runs(b.content) }));
    else if (b.type === "paragraph") out.push(new Paragraph({ spacing: { after: 120 }, children: runs(b.content) }));
    else {
      const instance = ++listInstance;
      for (const item of b.items) {
        out.push(new Paragraph({
          children: runs(item),
          ...(b.ordered ? { numbering: { reference: ORDERED, level: 0, instance } } : { bullet: { level: 0 } }),
        }));
      }
    }
  }
  return out;
}

function figureLines(f: FigureText) {
  return [f.value, f.counts];
}

/** `drawings` numbers the document's drawings (wp:docPr ids) from 1: docx's own counter is process-wide, so a document's bytes would depend on what the process rendered before it. */
function goalContent(m: SelfAssessment, g: GoalSection, lang: Lang, charts: boolean, drawings: { next: number }): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(clean(`${g.id} ${g.name[lang]}`))] }),
    new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: clean(g.description[lang]), italics: true })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text: s(lang, "summary") }),
    ...summaryLines(m, g, lang).map((l) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: clean(l.text), bold: l.kind === "goals" })] })),
    new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: s(lang, "summaryGoalsNote"), italics: true, size: SMALL })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text: s(lang, "narrative") }),
    ...narrativeParagraphs(g.narratives[lang], lang),
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text: s(lang, "measures") }),
  ];
  if (g.measures.length === 0) out.push(new Paragraph(s(lang, "noMeasures")));
  else {
    const w = [7600, 2600, 2700, TEXT_WIDTH - 12900];
    out.push(table(w, [s(lang, "measure"), s(lang, "status"), s(lang, "reportedIn"), s(lang, "start")], g.measures.map((row) => {
      const t = measureText(row, lang);
      return [
        cell([t.isPart ? `– ${t.name}` : t.name, t.relation], { width: w[0], indent: t.isPart }),
        cell([t.status], { width: w[1] }),
        cell([t.source], { width: w[2] }),
        cell([t.start], { width: w[3] }),
      ];
    })));
  }
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text: s(lang, "indicators") }));
  if (g.indicators.length === 0) out.push(new Paragraph(s(lang, "noIndicators")));
  else {
    const c = indicatorColumns(m, lang);
    const w = [3300, 1350, 1350, 1350, 1250, 1450, 1450, 1850];
    w.push(TEXT_WIDTH - w.reduce((a, b) => a + b, 0));
    const rows: TableCell[][] = [];
    for (const block of g.indicators) {
      for (const r of indicatorRowsText(block, lang)) {
        rows.push([
          cell(r.isTotal
            ? [{ text: r.label, bold: true }, block.hasData ? "" : s(lang, "noIndicatorData")]
            : [`– ${r.label}`], { width: w[0], indent: !r.isTotal }),
          cell(figureLines(r.baseline), { width: w[1], align: "right" }),
          cell(figureLines(r.previous), { width: w[2], align: "right" }),
          cell(figureLines(r.current), { width: w[3], align: "right" }),
          cell([r.target], { width: w[4], align: "right" }),
          cell([r.changeFromBaseline, r.changeFromBaselineJudgement], { width: w[5], align: "right" }),
          cell([r.changeFromPrevious, r.changeFromPreviousJudgement], { width: w[6], align: "right" }),
          cell([r.spc, r.assurance], { width: w[7] }),
          cell([r.met], { width: w[8] }),
        ]);
      }
    }
    // The period columns carry their half-year on a line of its own: "Nykyinen" / "7–12/2021".
    const withPeriod = (key: "baselineCol" | "previousCol" | "currentCol", period: string) => [s(lang, key, { period: "" }).trim(), periodText(period, lang)];
    out.push(table(w, [
      c.indicator, withPeriod("baselineCol", m.baselinePeriod), withPeriod("previousCol", m.previousPeriod), withPeriod("currentCol", m.period),
      c.target, c.changeFromBaseline, c.changeFromPrevious, c.spc, c.met,
    ], rows));
    // What ".." means, right below a table (or charts) that has a withheld figure.
    if (anyWithheld(g.indicators)) out.push(new Paragraph({ spacing: { before: 60, after: 120 }, children: [new TextRun({ text: withheldLegend(lang), italics: true, size: SMALL })] }));
    if (charts) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text: s(lang, "charts") }));
      for (const block of g.indicators) {
        const name = block.name[lang];
        const png = svgToPng(chartSvg(block.chart, { name, unit: block.unit, lang, period: m.period }));
        out.push(new Paragraph({
          keepNext: true,
          children: [new ImageRun({ type: "png", data: png, transformation: { width: CHART_WIDTH * 0.9, height: CHART_HEIGHT * 0.9 }, altText: { id: String(drawings.next++), name: block.id, title: name, description: name } })],
        }));
        out.push(new Paragraph({
          spacing: { after: 200 },
          children: [new TextRun({ text: clean(s(lang, "chartCaption", { name, from: dateText(periodStart(block.chart.from), lang), to: dateText(periodEnd(block.chart.to), lang) })), italics: true, size: SMALL })],
        }));
      }
    }
  }
  return out;
}

export async function renderDocx(m: SelfAssessment, lang: Lang, options: DocxOptions = {}): Promise<Buffer> {
  await prepareChartFont();
  const title = reportTitle(m, lang);
  const drawings = { next: 1 };
  const w = [2300, 3000, 1500, 1500, 3400, 1000];
  w.push(TEXT_WIDTH - w.reduce((a, b) => a + b, 0));
  const definitions = table(
    w,
    [s(lang, "indicator"), s(lang, "definition"), s(lang, "unitOfMeasure"), s(lang, "direction"), s(lang, "targets"), s(lang, "privacyThreshold"), s(lang, "goals")],
    m.definitions.map((d) => {
      const t = definitionText(d, lang);
      return [
        cell([{ text: t.name, bold: true }, t.id, t.breakdown ? `${s(lang, "breakdown")}: ${t.breakdown}` : ""], { width: w[0] }),
        cell([t.definition], { width: w[1] }),
        cell([t.unit], { width: w[2] }),
        cell([t.direction], { width: w[3] }),
        cell([t.targets], { width: w[4] }),
        cell([t.threshold], { width: w[5] }),
        cell([t.goals, t.dimension], { width: w[6] }),
      ];
    }),
  );
  const doc = new Document({
    creator: "Nelimaali",
    title,
    description: `${m.programmeName[lang]} – ${title}`,
    styles: { default: { document: { run: { font: "Arial", size: 20 } } } },
    numbering: {
      config: [{
        reference: ORDERED,
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
      }],
    },
    sections: [{
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(title))] }),
        new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: clean(m.programmeName[lang]), bold: true })] }),
        ...headerLines(m, lang).map((line, i, all) => new Paragraph({ spacing: { after: i === all.length - 1 ? 200 : 80 }, children: [new TextRun(clean(line))] })),
        ...noteLines(lang).map((line) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: line, italics: true, size: SMALL })] })),
        ...m.goals.flatMap((g) => goalContent(m, g, lang, options.charts ?? true, drawings)),
        new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: s(lang, "definitions") }),
        definitions,
      ],
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
