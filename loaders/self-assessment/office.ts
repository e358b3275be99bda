// The project office's filled-in workbooks (workbook.ts, workbook-read.ts):
// found in data/narratives/<period>/*.xlsx or given with --narratives
// FILE.xlsx, checked against the current data (all problems of all files, then
// one error), and folded into what the documents and pages already read — the
// narrative texts (narratives.ts) and the programme model's measure statuses
// and start dates (Programme.measures[].progress, .startDate).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalogue } from "../indicators/catalogue.ts";
import type { Programme, ProgressEntry, Report } from "../indicators/programme.ts";
import { BENEFIT_GOAL_IDS } from "../indicators/programme.ts";
import type { PublishedCell } from "../../src/lib/cell.ts";
import { isPeriod } from "../../src/lib/periods.ts";
import { displayPath, NARRATIVES_DIR, type NarrativeTexts } from "./narratives.ts";
import { periodText } from "./present.ts";
import { readOfficeWorkbook, type OfficeWorkbook } from "./workbook-read.ts";
import { workbookLayout } from "./workbook-layout.ts";

/** A user-facing problem with the office's workbooks: the CLI and the build print it as is. */
export class OfficeWorkbookError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s) in the self-assessment workbook(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "OfficeWorkbookError";
  }
}

export interface OfficeInputs {
  cells: readonly PublishedCell[];
  catalogue: Catalogue;
  programme: Programme;
}

/** data/narratives/<period>/*.xlsx of every half-year (Excel's own "~$" lock files left out). */
export function workbookFiles(dir: string = NARRATIVES_DIR): { period: string; path: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isPeriod(d.name, "half"))
    .flatMap((d) => readdirSync(join(dir, d.name)).filter((f) => f.toLowerCase().endsWith(".xlsx") && !f.startsWith("~$")).sort().map((f) => ({ period: d.name, path: join(dir, d.name, f) })));
}

/**
 * Reads and checks the workbooks of the folder and the given files (each
 * given file for `period`). A given file replaces the folder's workbook of
 * the same half-year and language; two in the folder for one half-year and
 * language are an error. Throws OfficeWorkbookError with every problem.
 */
export async function readOfficeWorkbooks(inputs: OfficeInputs, options: { dir?: string; files?: string[]; period?: string } = {}): Promise<OfficeWorkbook[]> {
  const problems: string[] = [];
  const read = async (path: string, period: string) => {
    const r = await readOfficeWorkbook(readFileSync(path), {
      file: displayPath(path), period,
      layoutFor: (lang) => workbookLayout({ period, lang, cells: inputs.cells, catalogue: inputs.catalogue, programme: inputs.programme }),
    });
    problems.push(...r.errors);
    for (const w of r.warnings) console.warn(`warning: ${w}`);
    return r.workbook;
  };
  const given: OfficeWorkbook[] = [];
  for (const file of options.files ?? []) {
    if (!options.period) throw new Error("a workbook given with --narratives needs --period");
    if (!existsSync(file)) problems.push(`${file}: no such file`);
    else {
      const wb = await read(file, options.period);
      if (wb) given.push(wb);
    }
  }
  const byKey = new Map<string, OfficeWorkbook>();
  for (const { period, path } of workbookFiles(options.dir)) {
    const wb = await read(path, period);
    if (!wb) continue;
    const key = `${wb.period}.${wb.lang}`;
    if (given.some((g) => `${g.period}.${g.lang}` === key)) continue;
    if (byKey.has(key)) problems.push(`${wb.file}: a second workbook for ${wb.period} in "${wb.lang}" beside ${byKey.get(key)!.file}; keep one`);
    else byKey.set(key, wb);
  }
  const all = [...given, ...byKey.values()];
  problems.push(...conflicts(all));
  if (problems.length) throw new OfficeWorkbookError(problems);
  return all;
}

/** The same measure given two statuses or start dates for one half-year (in two languages' workbooks). */
function conflicts(workbooks: readonly OfficeWorkbook[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, { value: string; at: string }>();
  for (const wb of workbooks) {
    for (const m of wb.measures) {
      for (const [what, value] of [["status", m.status], ["start date", m.startDate]] as const) {
        if (!value) continue;
        const key = `${wb.period}|${m.id}|${what}`;
        const before = seen.get(key);
        if (before && before.value !== value) out.push(`${m.at}: the ${what} of ${m.id} is ${value} here but ${before.value} in ${before.at}`);
        else seen.set(key, { value, at: m.at });
      }
    }
  }
  return out;
}

/** The programme model as the site's pages read it: with the statuses and start dates of the workbooks in the narratives folder. */
export async function programmeWithOffice(inputs: OfficeInputs, dir?: string): Promise<Programme> {
  return withOfficeRecords(inputs.programme, await readOfficeWorkbooks(inputs, { dir }));
}

/** The office's record of a half-year, as the programme model names reports. */
export function officeReport(period: string, file: string): Report {
  return {
    id: `TOIMISTO-${period}`,
    name: {
      fi: `Projektitoimiston kirjaus, ${periodText(period, "fi")}`,
      sv: `Projektkontorets registrering, ${periodText(period, "sv")}`,
      en: `Project office's record, ${periodText(period, "en")}`,
    },
    half: period,
    source: { file, quote: "" },
  };
}

/**
 * The programme model with the workbooks' statuses and start dates: a report
 * per half-year with statuses, whose entries come after the half-year's other
 * reports (so they are the latest the documents and pages read); a start date
 * from the latest half-year's workbook replaces the model's.
 */
export function withOfficeRecords(programme: Programme, workbooks: readonly OfficeWorkbook[]): Programme {
  if (!workbooks.length) return programme;
  const sorted = [...workbooks].sort((a, b) => a.period.localeCompare(b.period));
  const reports = new Map<string, Report>();
  const entries = new Map<string, ProgressEntry[]>();
  const starts = new Map<string, { date: string; precision: "day" | "month" }>();
  for (const wb of sorted) {
    for (const m of wb.measures) {
      if (m.status) {
        const report = reports.get(wb.period) ?? officeReport(wb.period, wb.file);
        reports.set(wb.period, report);
        const list = entries.get(m.id) ?? [];
        if (!list.some((e) => e.report === report.id)) list.push({ report: report.id, status: m.status, source: { file: wb.file, quote: "" } });
        entries.set(m.id, list);
      }
      if (m.startDate && m.startDatePrecision) starts.set(m.id, { date: m.startDate, precision: m.startDatePrecision });
    }
  }
  const allReports = [...programme.reports, ...reports.values()];
  const half = new Map(allReports.map((r) => [r.id, r.half]));
  return {
    ...programme,
    reports: allReports,
    measures: programme.measures.map((m) => {
      const added = entries.get(m.id);
      const start = starts.get(m.id);
      if (!added && !start) return m;
      // Stable: within a half-year the office's entry stays after the reports'.
      const progress = [...(m.progress ?? []), ...(added ?? [])].sort((a, b) => (half.get(a.report) ?? "").localeCompare(half.get(b.report) ?? ""));
      return { ...m, progress, ...(start ? { startDate: start.date, startDatePrecision: start.precision, startDateNote: null } : {}) };
    }),
  };
}

/**
 * The narrative texts with the workbooks' of `period`: the goal's narrative
 * cell, then each measure's as a subsection under the measure's name. A
 * workbook's text replaces the Markdown file of the same goal and language;
 * where the workbook has nothing for a goal, the Markdown file stays.
 */
export function withOfficeNarratives(texts: NarrativeTexts, workbooks: readonly OfficeWorkbook[], period: string, programme: Pick<Programme, "measures">): NarrativeTexts {
  const out = { ...texts };
  for (const wb of workbooks.filter((w) => w.period === period)) {
    for (const goal of BENEFIT_GOAL_IDS) {
      const own = wb.goals.find((g) => g.id === goal);
      const measures = wb.measures.filter((m) => m.goal === goal && m.narrative);
      if (!own?.narrative && !measures.length) continue;
      const parts = own?.narrative ? [own.narrative] : [];
      for (const m of measures) {
        const name = programme.measures.find((x) => x.id === m.id)?.name[wb.lang] ?? m.id;
        parts.push(`### ${name.replace(/[*_`[\]\\]/g, "\\$&")}`, m.narrative!);
      }
      out[`${goal}.${wb.lang}`] = { path: `${wb.file} (${goal})`, text: parts.join("\n\n") };
    }
  }
  return out;
}
