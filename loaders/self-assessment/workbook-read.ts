// Reads a filled-in workbook (workbook.ts) back and checks it against the
// layout the same data gives now (workbook-layout.ts): the half-year, every
// goal and measure id, the figure columns (place, heading, every figure), the
// status (one of the model's, in the workbook's language) and the start date.
// Every problem is collected, named by file, sheet, row and column as Excel
// shows them, so the office can fix them all in one go.
import ExcelJS from "exceljs";
import type { BenefitGoalId, ProgressStatus } from "../indicators/programme.ts";
import {
  FIRST_DATA_ROW, HEADER_ROW, META_SHEET, WORKBOOK_FORMAT, columnLetter, figureFingerprint, figureGrid, type LayoutColumn, type WorkbookLayout,
} from "./workbook-layout.ts";
import type { Lang } from "./present.ts";

export interface OfficeMeasure {
  id: string;
  goal: BenefitGoalId;
  narrative: string | null;
  status: ProgressStatus | null;
  startDate: string | null;
  startDatePrecision: "day" | "month" | null;
  /** Where it was read, for messages. */
  at: string;
}

export interface OfficeWorkbook {
  file: string;
  period: string;
  lang: Lang;
  goals: { id: BenefitGoalId; narrative: string | null; at: string }[];
  measures: OfficeMeasure[];
}

export interface ReadResult {
  workbook: OfficeWorkbook | null;
  errors: string[];
  /** Figures revised in the data since the workbook was made: its texts still count (a revised month must not stop the site). */
  warnings: string[];
}

/** The text Excel shows in a cell, whatever exceljs made of it. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(/\r\n?/g, "\n");
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((r) => r.text).join("").replace(/\r\n?/g, "\n");
  if ("formula" in v || "sharedFormula" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ("text" in v) return String(v.text);
  if ("error" in v) return String(v.error);
  return "";
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A start date as typed (15.9.2021, 9/2021, 2021-09-15, 2021-09) or as an Excel date; null when not a date. */
export function parseStartDate(v: ExcelJS.CellValue): { date: string; precision: "day" | "month" } | null {
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10), precision: "day" };
  const s = cellText(v).trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s)) || (m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    const [y, mo, d] = s.includes("-") ? [+m[1], +m[2], +m[3]] : [+m[3], +m[2], +m[1]];
    return validDay(y, mo, d) ? { date: `${y}-${pad(mo)}-${pad(d)}`, precision: "day" } : null;
  }
  if ((m = /^(\d{1,2})\/(\d{4})$/.exec(s)) || (m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const [y, mo] = s.includes("-") ? [+m[1], +m[2]] : [+m[2], +m[1]];
    return mo >= 1 && mo <= 12 ? { date: `${y}-${pad(mo)}`, precision: "month" } : null;
  }
  return null;
}

const quote = (s: string) => `'${s.length > 60 ? `${s.slice(0, 57)}…` : s}'`;

export interface ReadOptions {
  /** The file as the messages name it. */
  file: string;
  /** The half-year the workbook must be for (its folder's, or --period). */
  period: string;
  /** The layout the current data gives for the workbook's half-year and language. */
  layoutFor: (lang: Lang) => WorkbookLayout;
}

export async function readOfficeWorkbook(bytes: Buffer | Uint8Array, o: ReadOptions): Promise<ReadResult> {
  const errors: string[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { workbook: null, errors: [`${o.file}: not an Excel workbook (.xlsx) that can be read: ${(e as Error).message}`], warnings: [] };
  }
  const meta = wb.getWorksheet(META_SHEET);
  const metaValue = (key: string): { text: string; row: number } | null => {
    let found: { text: string; row: number } | null = null;
    meta?.eachRow((row, n) => {
      if (!found && cellText(row.getCell(1).value) === key) found = { text: cellText(row.getCell(2).value).trim(), row: n };
    });
    return found;
  };
  if (!meta || metaValue("format")?.text !== WORKBOOK_FORMAT) {
    return { workbook: null, errors: [`${o.file}: not a fill-in workbook downloaded from the self-assessment page (it has no sheet "${META_SHEET}" naming its half-year)`], warnings: [] };
  }
  const period = metaValue("period");
  if (period?.text !== o.period) {
    errors.push(`${o.file}: sheet ${META_SHEET}, row ${period?.row ?? 2}, column B: the workbook is for the half-year ${quote(period?.text ?? "")}, but it was given for ${o.period}; download the workbook of ${o.period} from its self-assessment page`);
    return { workbook: null, errors, warnings: [] };
  }
  const langCell = metaValue("lang");
  const lang = langCell?.text as Lang;
  if (lang !== "fi" && lang !== "sv" && lang !== "en") {
    return { workbook: null, errors: [`${o.file}: sheet ${META_SHEET}, row ${langCell?.row ?? 3}, column B: unknown language ${quote(langCell?.text ?? "")} (expected fi, sv or en)`], warnings: [] };
  }
  const stored = metaValue("fingerprint")?.text ?? "";
  const madeOn = metaValue("date")?.text ?? "";
  const layout = o.layoutFor(lang);
  const out: OfficeWorkbook = { file: o.file, period: o.period, lang, goals: [], measures: [] };
  const figureProblems: { where: string; found: string; expected: string }[] = [];
  const grids = [];
  const statusOf = new Map<string, ProgressStatus>();
  for (const s of layout.statuses) {
    statusOf.set(s.label.toLocaleLowerCase(lang), s.code);
    statusOf.set(s.code.toLowerCase(), s.code);
  }
  const sheetOf = new Map(layout.sheets.flatMap((s) => s.rows.map((r) => [r.id, s.name] as const)));

  for (const sheet of layout.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) {
      errors.push(`${o.file}: sheet ${sheet.name} is missing (the workbook has a sheet per benefit goal, HT1–HT5)`);
      continue;
    }
    const where = (row: number, k: number, c: LayoutColumn) => `${o.file}: sheet ${sheet.name}, row ${row}, column ${columnLetter(k + 1)} (${c.header})`;
    // The headings: a column inserted, removed or renamed shifts or changes them.
    sheet.columns.forEach((c, k) => {
      const found = cellText(ws.getRow(HEADER_ROW).getCell(k + 1).value).trim();
      if (found !== c.header) errors.push(`${where(HEADER_ROW, k, c)}: the heading is ${quote(found)}, expected ${quote(c.header)}; the columns must stay as downloaded`);
    });
    const extra = cellText(ws.getRow(HEADER_ROW).getCell(sheet.columns.length + 1).value).trim();
    if (extra) errors.push(`${o.file}: sheet ${sheet.name}, row ${HEADER_ROW}, column ${columnLetter(sheet.columns.length + 1)}: an added column ${quote(extra)}; the columns must stay as downloaded`);
    const col = (kind: LayoutColumn["kind"]) => sheet.columns.findIndex((c) => c.kind === kind);
    const seen = new Map<string, { row: number; figures: string[] }>();
    for (let n = FIRST_DATA_ROW; n <= ws.rowCount; n++) {
      const row = ws.getRow(n);
      const texts = sheet.columns.map((_, k) => cellText(row.getCell(k + 1).value).trim());
      if (texts.every((t) => !t)) continue;
      const id = texts[col("id")];
      const expected = sheet.rows.find((r) => r.id === id);
      if (!expected) {
        const other = sheetOf.get(id);
        errors.push(`${where(n, col("id"), sheet.columns[col("id")])}: ${!id ? "the row has no ID" : other ? `${quote(id)} belongs on sheet ${other}, not ${sheet.name}` : `unknown benefit goal or measure ${quote(id)} (not in the programme model)`}`);
        continue;
      }
      if (seen.has(id)) {
        errors.push(`${where(n, col("id"), sheet.columns[col("id")])}: ${quote(id)} appears twice (also row ${seen.get(id)!.row})`);
        continue;
      }
      const figures: string[] = [];
      let f = 0;
      sheet.columns.forEach((c, k) => {
        if (c.kind !== "figure") return;
        figures.push(texts[k]);
        if (texts[k] !== expected.figures[f]) figureProblems.push({ where: where(n, k, c), found: texts[k], expected: expected.figures[f] });
        f++;
      });
      seen.set(id, { row: n, figures });
      const narrative = cellText(row.getCell(col("narrative") + 1).value).trim() || null;
      const statusText = texts[col("status")];
      const startCell = row.getCell(col("start") + 1).value;
      const at = `${o.file}, sheet ${sheet.name}, row ${n}`;
      if (expected.type === "goal") {
        for (const kind of ["status", "start"] as const) {
          if (texts[col(kind)]) errors.push(`${where(n, col(kind), sheet.columns[col(kind)])}: a benefit goal has no ${kind === "status" ? "status" : "start date"}; it belongs on a measure's row`);
        }
        out.goals.push({ id: sheet.name, narrative, at });
        continue;
      }
      let status: ProgressStatus | null = null;
      if (statusText) {
        status = statusOf.get(statusText.toLocaleLowerCase(lang)) ?? null;
        if (!status) errors.push(`${where(n, col("status"), sheet.columns[col("status")])}: unknown status ${quote(statusText)} (allowed: ${layout.statuses.map((s) => s.label).join(", ")})`);
      }
      let start: ReturnType<typeof parseStartDate> = null;
      if (texts[col("start")] && texts[col("start")] !== expected.start) {
        start = parseStartDate(startCell);
        if (!start) errors.push(`${where(n, col("start"), sheet.columns[col("start")])}: ${quote(texts[col("start")])} is not a date (write e.g. 15.9.2021 or 9/2021)`);
      }
      out.measures.push({ id, goal: sheet.name, narrative, status, startDate: start?.date ?? null, startDatePrecision: start?.precision ?? null, at });
    }
    if (!seen.has(sheet.name)) errors.push(`${o.file}: sheet ${sheet.name}: the row of the benefit goal ${sheet.name} with its figures is missing`);
    grids.push(figureGrid(sheet, sheet.rows.map((r) => ({ id: r.id, figures: seen.get(r.id)?.figures ?? r.figures.map(() => "") }))));
  }
  const warnings: string[] = [];
  if (figureProblems.length) {
    // The workbook as downloaded (its cells match the fingerprint it was made with) but other figures now: the data have
    // been revised since. That is the office's to review, not a reason to stop the site's monthly refresh: a warning.
    const intact = figureFingerprint(grids) === stored && stored !== layout.fingerprint;
    for (const p of figureProblems) {
      if (intact) warnings.push(`${p.where}: the figure is ${quote(p.found)} in the workbook but ${quote(p.expected)} in the current data; the figures have changed since the workbook was made${madeOn ? ` (${madeOn})` : ""}; its texts are used as they are: download the workbook again to check them against the current figures`);
      else errors.push(`${p.where}: the figure has been changed to ${quote(p.found)}; the documents print ${quote(p.expected)} (figures come from the data and cannot be edited here)`);
    }
  }
  return { workbook: errors.length ? null : out, errors, warnings };
}
