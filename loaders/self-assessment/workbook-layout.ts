// The fill-in workbook of one half-year and language, as a plain description
// that the writer (workbook.ts) draws and the reader (workbook-read.ts) checks
// a returned file against: a sheet per benefit goal, a row for the goal and
// one for each measure whose primary goal it is, the goal's headline figures
// as the documents print them, and the cells the office fills (narrative,
// status, start date). Both sides build it from the same inputs, so a figure
// column the reader does not find exactly where the writer put it is an error.
import { createHash } from "node:crypto";
import type { Catalogue, Indicator } from "../indicators/catalogue.ts";
import { ALL } from "../indicators/indicator-row.ts";
import type { BenefitGoalId, ProgressStatus } from "../indicators/programme.ts";
import { BENEFIT_GOAL_IDS } from "../indicators/programme.ts";
import type { PublishedCell } from "../../src/lib/cell.ts";
import { codeLabel } from "../../src/lib/i18n.ts";
import type { Figure } from "./model.ts";
import { figureText, periodText, type Lang } from "./present.ts";

/** The statuses the programme model knows (ProgressStatus), in the order the list offers them. */
export const OFFICE_STATUSES: readonly ProgressStatus[] = ["PLANNING", "STARTED", "PROGRESSING"];

/** Marks the workbook as ours, so any other .xlsx in the folder is reported, not misread. */
export const WORKBOOK_FORMAT = "nelimaali-oma-arviointi-tyokirja/1";
export const META_SHEET = "meta";
/** Rows of a goal sheet: a title, a line for the office, the headings, then the goal and its measures. */
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

const WORDS = {
  fi: {
    title: "{goal} {name} – oma-arviointi {period}",
    help: "Kirjoita valkoisiin soluihin arvio hyötytavoitteesta ja toimenpiteistä sekä toimenpiteiden tila ja tarvittaessa alkamispäivä (esim. 15.9.2021 tai 9/2021). Harmaat solut ovat asiakirjojen lukuja: älä muuta niitä.",
    id: "Tunnus", kind: "Tyyppi", name: "Nimi", narrative: "Arvio", status: "Tila", start: "Alkamispäivä",
    goal: "Hyötytavoite", measure: "Toimenpide", badStatus: "Valitse tila luettelosta.",
  },
  sv: {
    title: "{goal} {name} – självutvärdering {period}",
    help: "Skriv i de vita cellerna en bedömning av nyttomålet och åtgärderna samt åtgärdernas status och vid behov startdatum (t.ex. 15.9.2021 eller 9/2021). De grå cellerna är dokumentens siffror: ändra dem inte.",
    id: "Beteckning", kind: "Typ", name: "Namn", narrative: "Bedömning", status: "Status", start: "Startdatum",
    goal: "Nyttomål", measure: "Åtgärd", badStatus: "Välj en status i listan.",
  },
  en: {
    title: "{goal} {name} – self-assessment {period}",
    help: "Write in the white cells an assessment of the benefit goal and the measures, the measures' status and, where known, their start date (e.g. 15.9.2021 or 9/2021). The grey cells are the documents' figures: do not change them.",
    id: "ID", kind: "Type", name: "Name", narrative: "Assessment", status: "Status", start: "Start date",
    goal: "Benefit goal", measure: "Measure", badStatus: "Choose a status from the list.",
  },
} satisfies Record<Lang, Record<string, string>>;

export const workbookWords = (lang: Lang) => WORDS[lang];

export type ColumnKind = "id" | "kind" | "name" | "figure" | "narrative" | "status" | "start";

export interface LayoutColumn {
  kind: ColumnKind;
  header: string;
  /** The indicator of a figure column. */
  indicatorId?: string;
}

export interface LayoutRow {
  id: string;
  type: "goal" | "measure";
  kindText: string;
  name: string;
  /** Figure texts in the order of the figure columns; empty on measure rows. */
  figures: string[];
  /** The start date the model has (prefilled), as the office would type it. */
  start: string;
}

export interface SheetLayout {
  name: BenefitGoalId;
  title: string;
  help: string;
  columns: LayoutColumn[];
  rows: LayoutRow[];
}

export interface WorkbookLayout {
  period: string;
  lang: Lang;
  sheets: SheetLayout[];
  /** The allowed statuses as the list shows them, and their codes. */
  statuses: { code: ProgressStatus; label: string }[];
  /** A digest of every figure column (its place, heading and cells): what the reader compares. */
  fingerprint: string;
}

export interface LayoutInput {
  period: string;
  lang: Lang;
  cells: readonly PublishedCell[];
  catalogue: Catalogue;
  programme: {
    benefitGoals: { id: string; name: { fi: string; sv: string; en: string } }[];
    measures: { id: string; name: { fi: string; sv: string; en: string }; primaryGoal: string; parent?: string; startDate: string | null; startDatePrecision: string | null }[];
  };
}

/** The goal's headline indicators; a goal with none shows all of its indicators. */
export function figureIndicators(catalogue: Catalogue, goal: string): Indicator[] {
  const all = catalogue.indicators.filter((i) => i.benefitGoals.includes(goal));
  const headline = all.filter((i) => i.headline);
  return headline.length ? headline : all;
}

function figureOf(cell: PublishedCell | undefined, period: string): Figure {
  if (cell?.suppressed) return { period, state: "suppressed", value: null, numerator: null, denominator: null };
  if (!cell || cell.value === null || !Number.isFinite(cell.value)) return { period, state: "missing", value: null, numerator: null, denominator: null };
  return { period, state: "value", value: cell.value, numerator: cell.numerator, denominator: cell.denominator };
}

/** A model date as the office types it: 15.9.2021 (day) or 9/2021 (month). */
export function startText(date: string | null): string {
  if (!date) return "";
  const [y, m, d] = date.split("-").map(Number);
  return d ? `${d}.${m}.${y}` : `${m}/${y}`;
}

export function workbookLayout(input: LayoutInput): WorkbookLayout {
  const { period, lang, catalogue, programme } = input;
  const w = WORDS[lang];
  const cell = new Map<string, PublishedCell>();
  for (const c of input.cells) if (c.period === period && c.unit_id === ALL && c.breakdown_value === ALL) cell.set(c.indicator_id, c);
  const sheets = BENEFIT_GOAL_IDS.map((goal): SheetLayout => {
    const g = programme.benefitGoals.find((x) => x.id === goal);
    const indicators = figureIndicators(catalogue, goal);
    const columns: LayoutColumn[] = [
      { kind: "id", header: w.id }, { kind: "kind", header: w.kind }, { kind: "name", header: w.name },
      ...indicators.map((i): LayoutColumn => ({ kind: "figure", header: i.name[lang], indicatorId: i.id })),
      { kind: "narrative", header: w.narrative }, { kind: "status", header: w.status }, { kind: "start", header: w.start },
    ];
    // Measures in programme order, each part right after its parent.
    const own = programme.measures.filter((m) => m.primaryGoal === goal);
    const ids = new Set(own.map((m) => m.id));
    const ordered = own.filter((m) => !m.parent || !ids.has(m.parent)).flatMap((m) => [m, ...own.filter((x) => x.parent === m.id)]);
    const rows: LayoutRow[] = [
      { id: goal, type: "goal", kindText: w.goal, name: g?.name[lang] ?? goal, figures: indicators.map((i) => figureText(figureOf(cell.get(i.id), period), i.unit, lang)), start: "" },
      ...ordered.map((m): LayoutRow => ({ id: m.id, type: "measure", kindText: w.measure, name: m.name[lang], figures: indicators.map(() => ""), start: startText(m.startDate) })),
    ];
    return { name: goal, title: w.title.replace("{goal}", goal).replace("{name}", g?.name[lang] ?? "").replace("{period}", periodText(period, lang)), help: w.help, columns, rows };
  });
  return { period, lang, sheets, statuses: OFFICE_STATUSES.map((code) => ({ code, label: codeLabel(code, lang) })), fingerprint: figureFingerprint(sheets.map((s) => figureGrid(s, s.rows))) };
}

/** What the fingerprint covers of a sheet: its figure columns' letters and headings, and each row's id and figures. */
export interface FigureGrid {
  sheet: string;
  headers: [string, string][];
  rows: [string, string[]][];
}

export function figureGrid(sheet: SheetLayout, rows: readonly { id: string; figures: string[] }[]): FigureGrid {
  return {
    sheet: sheet.name,
    headers: sheet.columns.flatMap((c, k) => (c.kind === "figure" ? [[columnLetter(k + 1), c.header] as [string, string]] : [])),
    rows: rows.map((r) => [r.id, r.figures]),
  };
}

export function figureFingerprint(grids: readonly FigureGrid[]): string {
  return createHash("sha256").update(JSON.stringify(grids)).digest("hex").slice(0, 32);
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
