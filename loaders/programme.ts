// The programme model (data/programme.json) as types, a loader and a checker.
//
// The model is data, not code: the quadruple-aim dimensions, the benefit goals
// (HT1–HT5), development areas (KA1–KA5), spearheads, core processes, segments,
// operating models, areas, development measures, targets and baselines, each
// named in Finnish, Swedish and English. Every programme fact carries its source:
// a seed file and a verbatim Finnish quote (checked by `checkSourceQuotes`), the
// law, or the indicator spec. `checkProgramme` returns every problem it finds,
// never only the first.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AREAS, CORE_PROCESSES, OPERATING_MODELS, SEGMENTS } from "./contract.ts";

// ---------------------------------------------------------------------------
// Types

export const LANGUAGES = ["fi", "sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A name or text in Finnish, Swedish and English. */
export interface LocalizedText {
  fi: string;
  sv: string;
  en: string;
}

/** A verbatim Finnish quote from a seed document (`../shared/seeds/<file>`). */
export interface SeedQuote {
  file: string;
  quote: string;
}

export const DIMENSION_IDS = ["HENKILOSTOKOKEMUS", "TUOTTAVUUS", "ASIAKASKOKEMUS", "SAATAVUUS_VAIKUTTAVUUS"] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export const BENEFIT_GOAL_IDS = ["HT1", "HT2", "HT3", "HT4", "HT5"] as const;
export type BenefitGoalId = (typeof BENEFIT_GOAL_IDS)[number];

export const DEVELOPMENT_AREA_IDS = ["KA1", "KA2", "KA3", "KA4", "KA5"] as const;
export type DevelopmentAreaId = (typeof DEVELOPMENT_AREA_IDS)[number];

/** How exactly a date is known. A season is recorded as its first month (spring 03, summer 06, autumn 09, winter 12). */
export type DatePrecision = "day" | "month" | "season" | "year";
export const DATE_PRECISIONS: readonly DatePrecision[] = ["day", "month", "season", "year"];

export type MilestoneKind = "STARTED" | "DECISION" | "PILOT_STARTED" | "PLANNED" | "CONTEXT";
export const MILESTONE_KINDS: readonly MilestoneKind[] = ["STARTED", "DECISION", "PILOT_STARTED", "PLANNED", "CONTEXT"];

/** A dated event with its source. `date` is YYYY, YYYY-MM or YYYY-MM-DD, matching `precision`. */
export interface Milestone {
  date: string;
  endDate?: string;
  precision: DatePrecision;
  kind: MilestoneKind;
  text: LocalizedText;
  source: SeedQuote;
}

export type ProgressStatus = "PLANNING" | "STARTED" | "PROGRESSING";
export const PROGRESS_STATUSES: readonly ProgressStatus[] = ["PLANNING", "STARTED", "PROGRESSING"];

/** What a self-assessment report says about a measure or spearhead. */
export interface ProgressEntry {
  report: string;
  status: ProgressStatus;
  source: SeedQuote;
}

export interface Note {
  topic: string;
  detail: string;
}

export interface FundingRound {
  id: string;
  name: LocalizedText;
  years: string;
  amountEur: number;
  lapeShareEur?: number;
  source: SeedQuote;
  note?: string;
}

export interface ProgrammeInfo {
  id: string;
  name: LocalizedText;
  localName: LocalizedText;
  purpose: LocalizedText;
  purposeSource: SeedQuote;
  startYear: number;
  endYear: number;
  periodNote?: string;
  periodSources?: SeedQuote[];
  funder: LocalizedText;
  funderSource: SeedQuote;
  evaluator: LocalizedText;
  evaluatorSource: SeedQuote;
  coverage?: LocalizedText;
  coverageSource?: SeedQuote;
  reportingToHankesalkku?: LocalizedText;
  reportingSource?: SeedQuote;
  fundingRounds: FundingRound[];
  milestones: Milestone[];
}

export interface SourceDocument {
  file: string;
  title: LocalizedText;
  kind: "ARTICLE" | "PROJECT_PAGE" | "PRESENTATION" | "PROJECT_PLAN" | "BOARD_DECISION";
  dateNote?: string;
}

/** A self-assessment (oma-arviointi) report to STM/THL. */
export interface Report {
  id: string;
  name: LocalizedText;
  /** `2021H1` = Jan–Jun, `2021H2` = Jul–Dec. */
  half: string;
  source: SeedQuote;
  note?: string;
}

export interface QuadrupleAim {
  name: LocalizedText;
  rule: LocalizedText;
  sources: SeedQuote[];
}

export interface Dimension {
  id: DimensionId;
  name: LocalizedText;
  description: LocalizedText;
}

export interface BenefitGoal {
  id: BenefitGoalId;
  number: number;
  name: LocalizedText;
  shortName: LocalizedText;
  description: LocalizedText;
  developmentArea: DevelopmentAreaId;
  source: SeedQuote;
}

export interface DevelopmentArea {
  id: DevelopmentAreaId;
  benefitGoal: BenefitGoalId;
  name: LocalizedText;
  source: SeedQuote;
  note?: string;
}

/** A development spearhead (kehittämisen kärki), as numbered in the self-assessment reports. */
export interface Spearhead {
  id: string;
  number: number;
  name: LocalizedText;
  /** The benefit goal under whose heading the report describes it. */
  reportedUnderGoal: BenefitGoalId;
  source: SeedQuote;
  progress?: ProgressEntry[];
}

export interface CoreProcess {
  id: (typeof CORE_PROCESSES)[number];
  name: LocalizedText;
  source: SeedQuote;
}

export interface SegmentationAxis {
  id: string;
  name: LocalizedText;
  from: LocalizedText;
  to: LocalizedText;
}

export interface Segmentation {
  axes: SegmentationAxis[];
  source: SeedQuote;
  note?: string;
}

export interface Segment {
  id: (typeof SEGMENTS)[number];
  name: LocalizedText;
  source: SeedQuote;
}

export interface OperatingModel {
  id: (typeof OPERATING_MODELS)[number];
  name: LocalizedText;
  aliases?: string[];
  description: LocalizedText;
  source: SeedQuote;
  note?: string;
  milestones?: Milestone[];
}

export interface Area {
  id: (typeof AREAS)[number];
  name: LocalizedText;
}

export type SpearheadBasis = "EXPLICIT" | "THEMATIC";

/** A development measure (toimenpide). */
export interface Measure {
  /** A stable slug beginning with the primary goal, e.g. `HT1-SEGMENTOINTI`. */
  id: string;
  /** The source's own code for the measure, if it has one (e.g. `TP 1b`). */
  sourceCode?: string;
  name: LocalizedText;
  /** The measure this one is part of. */
  parent?: string;
  primaryGoal: BenefitGoalId;
  /** Other goals the measure advances, only where a source says so (then `secondaryGoalsSource`). */
  secondaryGoals: BenefitGoalId[];
  secondaryGoalsSource?: SeedQuote;
  developmentArea: DevelopmentAreaId;
  spearhead: string | null;
  /** EXPLICIT: a source describes the measure under the spearhead; THEMATIC: linked by topic. */
  spearheadBasis?: SpearheadBasis;
  spearheadSource?: SeedQuote;
  fundingRound?: string;
  /** YYYY-MM-DD or YYYY-MM, only when a source states it (then `startDateSource`). */
  startDate: string | null;
  startDatePrecision: Exclude<DatePrecision, "year"> | null;
  startDateNote: string | null;
  startDateSource?: SeedQuote;
  source: SeedQuote;
  additionalSources?: SeedQuote[];
  milestones?: Milestone[];
  progress?: ProgressEntry[];
}

/** Where a target comes from: a seed quote, the law, or the indicator spec. */
export type TargetSource = SeedQuote | { law: string } | { spec: string };

export interface Target {
  /** Referenced from the indicator catalogue, e.g. `TGT-ACC-FIRST-CONTACT`. */
  id: string;
  indicatorId: string;
  name: LocalizedText;
  comparator: ">=" | "<=";
  value: number;
  /** `share` values are fractions 0..1, like the indicator export. */
  unit: "share" | "days";
  kind: "BINDING" | "DEFAULT" | "LEGAL" | "ANTICIPATED";
  origin: "SEED" | "LAW" | "SPEC_DEFAULT";
  status: "ACTIVE" | "CANCELLED";
  /** Inclusive YYYY-MM-DD bounds; null = open. */
  validFrom: string | null;
  validTo: string | null;
  validityNote?: string;
  reportedSeparatelyFor?: string[];
  source: TargetSource;
  additionalSources?: SeedQuote[];
}

export interface Baseline {
  id: string;
  name: LocalizedText;
  indicatorId: string | null;
  targetId: string | null;
  /** YYYY or YYYY-MM, or null when the source gives no period. */
  period: string | null;
  periodNote?: string;
  breakdown?: Record<string, string>;
  value: number | null;
  range?: [number, number];
  unit: "share" | "days" | "count";
  qualifier?: "CHANGE" | "LESS_THAN" | "MORE_THAN" | "APPROXIMATE" | "RANGE";
  valueNote?: string;
  source: SeedQuote;
}

export interface Programme {
  schemaVersion: number;
  notes: Note[];
  programme: ProgrammeInfo;
  sourceDocuments: SourceDocument[];
  reports: Report[];
  quadrupleAim: QuadrupleAim;
  dimensions: Dimension[];
  benefitGoals: BenefitGoal[];
  developmentAreas: DevelopmentArea[];
  developmentAreasSource?: SeedQuote;
  developmentAreasNote?: string;
  spearheads: Spearhead[];
  coreProcesses: CoreProcess[];
  coreProcessesSource?: SeedQuote;
  segmentation: Segmentation;
  segments: Segment[];
  operatingModels: OperatingModel[];
  areas: Area[];
  areasNote?: string;
  measures: Measure[];
  targets: Target[];
  baselines: Baseline[];
}

// ---------------------------------------------------------------------------
// Loading

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The seed documents, relative to the project: `../shared/seeds`. */
export const DEFAULT_SEEDS_DIR = path.resolve(PROJECT_ROOT, "../shared/seeds");

/**
 * Reads and checks the programme model. A relative path is taken from the
 * project root (not the working directory), so the default works wherever the
 * process runs. Throws with every problem listed when the model is invalid.
 */
export function loadProgramme(file = "data/programme.json"): Programme {
  const resolved = path.isAbsolute(file) ? file : path.resolve(PROJECT_ROOT, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(resolved, "utf8"));
  } catch (error) {
    throw new Error(`programme model ${resolved}: ${(error as Error).message}`);
  }
  const problems = checkProgramme(parsed);
  if (problems.length > 0) {
    throw new Error(
      `programme model ${resolved} has ${problems.length} problem(s):\n` + problems.map((p) => `  - ${p}`).join("\n"),
    );
  }
  return parsed as Programme;
}

// ---------------------------------------------------------------------------
// Checking

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
const show = (value: unknown) => JSON.stringify(value) ?? String(value);

const SEED_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;
const MEASURE_ID = /^HT[1-5]-[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const TARGET_ID = /^TGT-[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const BASELINE_ID = /^BL-[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const HALF = /^\d{4}H[12]$/;

/** The shape a date string has: "day" YYYY-MM-DD, "month" YYYY-MM, "year" YYYY; null when it is no valid date. */
export function dateShape(value: unknown): "day" | "month" | "year" | null {
  if (typeof value !== "string") return null;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? "day" : null;
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) return Number(match[2]) >= 1 && Number(match[2]) <= 12 ? "month" : null;
  return /^\d{4}$/.test(value) ? "year" : null;
}

/** The date shape each precision requires. */
const SHAPE_OF_PRECISION: Record<DatePrecision, "day" | "month" | "year"> = {
  day: "day",
  month: "month",
  season: "month",
  year: "year",
};

/** Collections whose items carry an `id`, checked for duplicates within and across collections. */
const ID_COLLECTIONS = [
  "dimensions",
  "benefitGoals",
  "developmentAreas",
  "spearheads",
  "coreProcesses",
  "segments",
  "operatingModels",
  "areas",
  "measures",
  "targets",
  "baselines",
  "reports",
] as const;

/** Collections whose code lists are fixed (by the programme or by the extract contract). */
const FIXED_IDS: Partial<Record<(typeof ID_COLLECTIONS)[number], readonly string[]>> = {
  dimensions: DIMENSION_IDS,
  benefitGoals: BENEFIT_GOAL_IDS,
  developmentAreas: DEVELOPMENT_AREA_IDS,
  coreProcesses: CORE_PROCESSES,
  segments: SEGMENTS,
  operatingModels: OPERATING_MODELS,
  areas: AREAS,
};

/** Keys whose values are language maps wherever they occur. */
const LOCALIZED_KEYS = new Set([
  "name", "shortName", "localName", "description", "title", "text", "purpose", "rule", "funder", "evaluator",
  "coverage", "reportingToHankesalkku", "from", "to",
]);

/**
 * Every problem in a programme model: missing or empty languages, missing or
 * duplicate ids, unknown goal / area / spearhead / report / target references,
 * a measure whose primary goal is not HT1..HT5 or whose development area is not
 * its goal's, bad dates, and sources that are missing or name an unknown file.
 * Does not read the seed files (see `checkSourceQuotes`).
 */
export function checkProgramme(input: unknown): string[] {
  const problems: string[] = [];
  const problem = (where: string, message: string) => problems.push(`${where}: ${message}`);

  if (!isObject(input)) return ["programme model: not a JSON object"];
  const p = input;

  // Languages, anywhere in the tree.
  walkLocalized(p, "", problem);

  // Collections, ids, duplicates.
  const items: Partial<Record<(typeof ID_COLLECTIONS)[number], Json[]>> = {};
  const firstSeen = new Map<string, string>();
  for (const key of ID_COLLECTIONS) {
    const value = p[key];
    if (!Array.isArray(value)) {
      problem(key, "missing (expected an array)");
      items[key] = [];
      continue;
    }
    items[key] = value.filter(isObject);
    value.forEach((item, index) => {
      const where = `${key}[${index}]`;
      if (!isObject(item)) return problem(where, "not an object");
      if (!isNonEmptyString(item.id)) return problem(where, "missing id");
      if (!isObject(item.name)) problem(`${where} (${item.id})`, "missing name");
      const earlier = firstSeen.get(item.id);
      if (earlier !== undefined) problem(`${where} (${item.id})`, `duplicate id (also ${earlier})`);
      else firstSeen.set(item.id, where);
    });
    const fixed = FIXED_IDS[key];
    if (fixed) {
      const present = new Set(items[key]!.map((item) => item.id));
      for (const id of fixed) if (!present.has(id)) problem(key, `missing ${id}`);
      for (const id of present) if (!fixed.includes(id as string)) problem(key, `unknown id ${show(id)} (expected ${fixed.join(", ")})`);
    }
  }
  const ids = (key: (typeof ID_COLLECTIONS)[number]) => new Set(items[key]!.map((item) => item.id as string));
  const goalIds = new Set<string>(BENEFIT_GOAL_IDS.filter((id) => ids("benefitGoals").has(id)));
  const areaIds = ids("developmentAreas");
  const spearheadIds = ids("spearheads");
  const measureIds = ids("measures");
  const targetIds = ids("targets");
  const reportIds = ids("reports");

  // Source documents: the files a seed quote may name.
  const sourceFiles = new Set<string>();
  if (!Array.isArray(p.sourceDocuments)) problem("sourceDocuments", "missing (expected an array)");
  else
    p.sourceDocuments.forEach((doc, index) => {
      const where = `sourceDocuments[${index}]`;
      if (!isObject(doc) || !isNonEmptyString(doc.file)) return problem(where, "missing file");
      if (!SEED_FILE.test(doc.file)) problem(where, `file ${show(doc.file)} is not a seed file name (NNN_<16 hex>.txt)`);
      if (sourceFiles.has(doc.file)) problem(where, `duplicate file ${doc.file}`);
      sourceFiles.add(doc.file);
    });

  const checkSeedQuote = (where: string, value: unknown, required = true) => {
    if (value === undefined || value === null) {
      if (required) problem(where, "missing source {file, quote}");
      return;
    }
    if (!isObject(value)) return problem(where, "source must be {file, quote}");
    if (!isNonEmptyString(value.file)) problem(where, "source without file");
    else if (!sourceFiles.has(value.file)) problem(where, `source file ${show(value.file)} is not listed in sourceDocuments`);
    if (!isNonEmptyString(value.quote)) problem(where, "source without quote");
  };
  const checkSeedQuotes = (where: string, value: unknown) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) return problem(where, "must be an array of {file, quote}");
    value.forEach((entry, index) => checkSeedQuote(`${where}[${index}]`, entry));
  };
  const checkGoalRef = (where: string, value: unknown) => {
    if (!goalIds.has(value as string)) problem(where, `unknown benefit goal ${show(value)}`);
  };
  const checkMilestones = (where: string, value: unknown) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) return problem(where, "must be an array");
    value.forEach((milestone, index) => {
      const at = `${where}[${index}]`;
      if (!isObject(milestone)) return problem(at, "not an object");
      const precision = milestone.precision as DatePrecision;
      if (!DATE_PRECISIONS.includes(precision)) problem(`${at}.precision`, `unknown precision ${show(milestone.precision)}`);
      const shape = dateShape(milestone.date);
      if (shape === null) problem(`${at}.date`, `bad date ${show(milestone.date)} (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
      else if (DATE_PRECISIONS.includes(precision) && SHAPE_OF_PRECISION[precision] !== shape)
        problem(`${at}.date`, `date ${show(milestone.date)} does not match precision ${precision}`);
      if (milestone.endDate !== undefined) {
        if (dateShape(milestone.endDate) !== "day") problem(`${at}.endDate`, `bad date ${show(milestone.endDate)} (expected YYYY-MM-DD)`);
        else if (shape === "day" && (milestone.endDate as string) < (milestone.date as string))
          problem(`${at}.endDate`, "before date");
      }
      if (!MILESTONE_KINDS.includes(milestone.kind as MilestoneKind)) problem(`${at}.kind`, `unknown kind ${show(milestone.kind)}`);
      checkSeedQuote(`${at}.source`, milestone.source);
    });
  };
  const checkProgress = (where: string, value: unknown) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) return problem(where, "must be an array");
    value.forEach((entry, index) => {
      const at = `${where}[${index}]`;
      if (!isObject(entry)) return problem(at, "not an object");
      if (!reportIds.has(entry.report as string)) problem(`${at}.report`, `unknown report ${show(entry.report)}`);
      if (!PROGRESS_STATUSES.includes(entry.status as ProgressStatus)) problem(`${at}.status`, `unknown status ${show(entry.status)}`);
      checkSeedQuote(`${at}.source`, entry.source);
    });
  };

  // Programme.
  const programme = p.programme;
  const fundingRoundIds = new Set<string>();
  if (!isObject(programme)) problem("programme", "missing");
  else {
    for (const key of ["purposeSource", "funderSource", "evaluatorSource"]) checkSeedQuote(`programme.${key}`, programme[key]);
    for (const key of ["coverageSource", "reportingSource"]) checkSeedQuote(`programme.${key}`, programme[key], false);
    checkSeedQuotes("programme.periodSources", programme.periodSources);
    if (!Number.isInteger(programme.startYear) || !Number.isInteger(programme.endYear) || (programme.startYear as number) > (programme.endYear as number))
      problem("programme", `bad period ${show(programme.startYear)}–${show(programme.endYear)}`);
    if (Array.isArray(programme.fundingRounds))
      programme.fundingRounds.forEach((round, index) => {
        const at = `programme.fundingRounds[${index}]`;
        if (!isObject(round) || !isNonEmptyString(round.id)) return problem(at, "missing id");
        if (fundingRoundIds.has(round.id)) problem(at, `duplicate id ${round.id}`);
        fundingRoundIds.add(round.id);
        checkSeedQuote(`${at}.source`, round.source);
      });
    checkMilestones("programme.milestones", programme.milestones);
  }

  // Reports.
  items.reports!.forEach((report) => {
    const at = `reports (${report.id})`;
    if (typeof report.half !== "string" || !HALF.test(report.half)) problem(`${at}.half`, `bad half ${show(report.half)} (expected e.g. 2021H1)`);
    checkSeedQuote(`${at}.source`, report.source);
  });

  // Quadruple aim, development areas, core processes, segmentation.
  if (isObject(p.quadrupleAim)) checkSeedQuotes("quadrupleAim.sources", p.quadrupleAim.sources);
  else problem("quadrupleAim", "missing");
  checkSeedQuote("developmentAreasSource", p.developmentAreasSource, false);
  checkSeedQuote("coreProcessesSource", p.coreProcessesSource, false);
  if (isObject(p.segmentation)) checkSeedQuote("segmentation.source", p.segmentation.source);
  else problem("segmentation", "missing");

  // Dimensions need a description.
  items.dimensions!.forEach((dimension) => {
    if (!isObject(dimension.description)) problem(`dimensions (${dimension.id})`, "missing description");
  });

  // Benefit goals ↔ development areas, one to one.
  const areaOfGoal = new Map<string, string>();
  items.benefitGoals!.forEach((goal) => {
    const at = `benefitGoals (${goal.id})`;
    if (!areaIds.has(goal.developmentArea as string)) problem(`${at}.developmentArea`, `unknown development area ${show(goal.developmentArea)}`);
    else areaOfGoal.set(goal.id as string, goal.developmentArea as string);
    checkSeedQuote(`${at}.source`, goal.source);
  });
  const goalOfArea = new Map<string, string>();
  items.developmentAreas!.forEach((area) => {
    const at = `developmentAreas (${area.id})`;
    checkGoalRef(`${at}.benefitGoal`, area.benefitGoal);
    const earlier = goalOfArea.get(area.benefitGoal as string);
    if (earlier !== undefined) problem(`${at}.benefitGoal`, `${show(area.benefitGoal)} already has development area ${earlier}`);
    goalOfArea.set(area.benefitGoal as string, area.id as string);
    if (goalIds.has(area.benefitGoal as string) && areaOfGoal.has(area.benefitGoal as string) && areaOfGoal.get(area.benefitGoal as string) !== area.id)
      problem(`${at}.benefitGoal`, `${area.benefitGoal} names development area ${areaOfGoal.get(area.benefitGoal as string)}, not ${area.id}`);
    checkSeedQuote(`${at}.source`, area.source);
  });

  // Spearheads.
  items.spearheads!.forEach((spearhead) => {
    const at = `spearheads (${spearhead.id})`;
    if (!Number.isInteger(spearhead.number) || spearhead.id !== `K${spearhead.number}`)
      problem(at, `id must be K<number> (number ${show(spearhead.number)})`);
    checkGoalRef(`${at}.reportedUnderGoal`, spearhead.reportedUnderGoal);
    checkSeedQuote(`${at}.source`, spearhead.source);
    checkProgress(`${at}.progress`, spearhead.progress);
  });

  // Core processes, segments, operating models: sourced.
  for (const key of ["coreProcesses", "segments", "operatingModels"] as const)
    items[key]!.forEach((item) => {
      checkSeedQuote(`${key} (${item.id}).source`, item.source);
      checkMilestones(`${key} (${item.id}).milestones`, item.milestones);
    });

  // Measures.
  const parentOf = new Map<string, string>();
  items.measures!.forEach((measure) => {
    const id = measure.id as string;
    const at = `measures (${id})`;
    const primary = measure.primaryGoal;
    if (!(BENEFIT_GOAL_IDS as readonly unknown[]).includes(primary))
      problem(`${at}.primaryGoal`, `${show(primary)} is not a benefit goal HT1..HT5`);
    else if (!goalIds.has(primary as string)) checkGoalRef(`${at}.primaryGoal`, primary);
    if (!MEASURE_ID.test(id)) problem(at, "id must be a slug like HT1-SEGMENTOINTI");
    else if (typeof primary === "string" && !id.startsWith(`${primary}-`)) problem(at, `id does not begin with its primary goal ${primary}`);

    if (!Array.isArray(measure.secondaryGoals)) problem(`${at}.secondaryGoals`, "must be an array ([] when the sources give none)");
    else {
      const seen = new Set<unknown>();
      measure.secondaryGoals.forEach((goal, index) => {
        checkGoalRef(`${at}.secondaryGoals[${index}]`, goal);
        if (goal === primary) problem(`${at}.secondaryGoals[${index}]`, `${show(goal)} is also the primary goal`);
        if (seen.has(goal)) problem(`${at}.secondaryGoals[${index}]`, `${show(goal)} repeated`);
        seen.add(goal);
      });
      if (measure.secondaryGoals.length > 0) checkSeedQuote(`${at}.secondaryGoalsSource`, measure.secondaryGoalsSource);
    }

    const expectedArea = areaOfGoal.get(primary as string);
    if (!areaIds.has(measure.developmentArea as string)) problem(`${at}.developmentArea`, `unknown development area ${show(measure.developmentArea)}`);
    else if (expectedArea !== undefined && measure.developmentArea !== expectedArea)
      problem(`${at}.developmentArea`, `${show(measure.developmentArea)} does not match primary goal ${show(primary)} (expected ${expectedArea})`);

    if (measure.spearhead === undefined) problem(`${at}.spearhead`, "missing (null when none)");
    else if (measure.spearhead !== null) {
      if (!spearheadIds.has(measure.spearhead as string)) problem(`${at}.spearhead`, `unknown spearhead ${show(measure.spearhead)}`);
      if (measure.spearheadBasis !== "EXPLICIT" && measure.spearheadBasis !== "THEMATIC")
        problem(`${at}.spearheadBasis`, `must be EXPLICIT or THEMATIC, not ${show(measure.spearheadBasis)}`);
      if (measure.spearheadBasis === "EXPLICIT") checkSeedQuote(`${at}.spearheadSource`, measure.spearheadSource);
    }

    if (measure.parent !== undefined) {
      if (measure.parent === id) problem(`${at}.parent`, "a measure cannot be its own parent");
      else if (!measureIds.has(measure.parent as string)) problem(`${at}.parent`, `unknown measure ${show(measure.parent)}`);
      else parentOf.set(id, measure.parent as string);
    }
    if (measure.fundingRound !== undefined && !fundingRoundIds.has(measure.fundingRound as string))
      problem(`${at}.fundingRound`, `unknown funding round ${show(measure.fundingRound)}`);

    // Start date: YYYY-MM-DD or YYYY-MM, with a matching precision and its own source.
    if (measure.startDate === undefined) problem(`${at}.startDate`, "missing (null when no source states it)");
    else if (measure.startDate === null) {
      if (measure.startDatePrecision !== null && measure.startDatePrecision !== undefined)
        problem(`${at}.startDatePrecision`, "must be null when startDate is null");
    } else {
      const shape = dateShape(measure.startDate);
      if (shape !== "day" && shape !== "month")
        problem(`${at}.startDate`, `bad date ${show(measure.startDate)} (expected YYYY-MM-DD or YYYY-MM)`);
      const precision = measure.startDatePrecision;
      if (precision !== "day" && precision !== "month" && precision !== "season")
        problem(`${at}.startDatePrecision`, `must be day, month or season, not ${show(precision)}`);
      else if (shape !== null && SHAPE_OF_PRECISION[precision] !== shape)
        problem(`${at}.startDate`, `date ${show(measure.startDate)} does not match precision ${precision}`);
      checkSeedQuote(`${at}.startDateSource`, measure.startDateSource);
    }
    if (measure.startDateNote !== undefined && measure.startDateNote !== null && typeof measure.startDateNote !== "string")
      problem(`${at}.startDateNote`, "must be a string or null");

    checkSeedQuote(`${at}.source`, measure.source);
    checkSeedQuotes(`${at}.additionalSources`, measure.additionalSources);
    checkMilestones(`${at}.milestones`, measure.milestones);
    checkProgress(`${at}.progress`, measure.progress);
  });
  for (const start of parentOf.keys()) {
    const visited = new Set<string>([start]);
    for (let current = parentOf.get(start); current !== undefined; current = parentOf.get(current)) {
      if (visited.has(current)) {
        problem(`measures (${start}).parent`, "parent chain has a cycle");
        break;
      }
      visited.add(current);
    }
  }

  // Targets.
  items.targets!.forEach((target) => {
    const at = `targets (${target.id})`;
    if (!TARGET_ID.test(target.id as string)) problem(at, "id must look like TGT-ACC-FIRST-CONTACT");
    if (!isNonEmptyString(target.indicatorId)) problem(`${at}.indicatorId`, "missing");
    if (target.comparator !== ">=" && target.comparator !== "<=") problem(`${at}.comparator`, `must be >= or <=, not ${show(target.comparator)}`);
    if (typeof target.value !== "number" || !Number.isFinite(target.value)) problem(`${at}.value`, `not a number: ${show(target.value)}`);
    else if (target.unit === "share" && (target.value < 0 || target.value > 1)) problem(`${at}.value`, `a share must be 0..1, not ${target.value}`);
    if (target.unit !== "share" && target.unit !== "days") problem(`${at}.unit`, `unknown unit ${show(target.unit)}`);
    if (target.status !== "ACTIVE" && target.status !== "CANCELLED") problem(`${at}.status`, `unknown status ${show(target.status)}`);
    for (const key of ["validFrom", "validTo"] as const) {
      const value = target[key];
      if (value === undefined) problem(`${at}.${key}`, "missing (null when open)");
      else if (value !== null && dateShape(value) !== "day") problem(`${at}.${key}`, `bad date ${show(value)} (expected YYYY-MM-DD)`);
    }
    if (typeof target.validFrom === "string" && typeof target.validTo === "string" && target.validFrom > target.validTo)
      problem(at, `validFrom ${target.validFrom} is after validTo ${target.validTo}`);
    const source = target.source;
    if (!isObject(source)) problem(`${at}.source`, "missing");
    else {
      const kinds = [source.file !== undefined || source.quote !== undefined, source.law !== undefined, source.spec !== undefined].filter(Boolean).length;
      if (kinds !== 1) problem(`${at}.source`, "must be exactly one of {file, quote}, {law} or {spec}");
      if (target.origin === "SEED") checkSeedQuote(`${at}.source`, source);
      else if (target.origin === "LAW") {
        if (!isNonEmptyString(source.law)) problem(`${at}.source`, "origin LAW needs {law}");
      } else if (target.origin === "SPEC_DEFAULT") {
        if (!isNonEmptyString(source.spec)) problem(`${at}.source`, "origin SPEC_DEFAULT needs {spec}");
      } else problem(`${at}.origin`, `unknown origin ${show(target.origin)}`);
    }
    checkSeedQuotes(`${at}.additionalSources`, target.additionalSources);
  });

  // Baselines.
  items.baselines!.forEach((baseline) => {
    const at = `baselines (${baseline.id})`;
    if (!BASELINE_ID.test(baseline.id as string)) problem(at, "id must look like BL-ACC-FIRST-CONTACT-2021-08");
    if (baseline.targetId !== null && baseline.targetId !== undefined && !targetIds.has(baseline.targetId as string))
      problem(`${at}.targetId`, `unknown target ${show(baseline.targetId)}`);
    if (baseline.period !== null && baseline.period !== undefined) {
      const shape = dateShape(baseline.period);
      if (shape !== "month" && shape !== "year") problem(`${at}.period`, `bad period ${show(baseline.period)} (expected YYYY or YYYY-MM)`);
    }
    if (baseline.value === null) {
      if (!Array.isArray(baseline.range) || baseline.range.length !== 2 || !baseline.range.every((n) => typeof n === "number"))
        problem(`${at}.value`, "null value needs a numeric range [low, high]");
    } else if (typeof baseline.value !== "number" || !Number.isFinite(baseline.value)) problem(`${at}.value`, `not a number: ${show(baseline.value)}`);
    checkSeedQuote(`${at}.source`, baseline.source);
  });

  return problems;
}

/** Checks that every value under a localized key has non-empty fi, sv and en strings. */
function walkLocalized(value: unknown, where: string, problem: (where: string, message: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walkLocalized(item, `${where}[${index}]`, problem));
    return;
  }
  if (!isObject(value)) return;
  const label = isNonEmptyString(value.id) ? `${where} (${value.id})` : where;
  for (const [key, child] of Object.entries(value)) {
    const at = label === "" ? key : `${label}.${key}`;
    if (LOCALIZED_KEYS.has(key) && (isObject(child) || child === null || typeof child === "string")) {
      if (!isObject(child)) problem(at, "must be {fi, sv, en}");
      else for (const language of LANGUAGES) if (!isNonEmptyString(child[language])) problem(at, `missing language ${language}`);
      continue;
    }
    walkLocalized(child, at, problem);
  }
}

// ---------------------------------------------------------------------------
// Source quotes

/** Collapses every run of whitespace (including no-break spaces and line breaks) to one space. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export interface LocatedQuote extends SeedQuote {
  /** Where in the model the quote is. */
  where: string;
}

/** Every {file, quote} in the model, with where it is. */
export function collectSourceQuotes(model: unknown): LocatedQuote[] {
  const found: LocatedQuote[] = [];
  const visit = (value: unknown, where: string) => {
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${where}[${index}]`));
    if (!isObject(value)) return;
    if (typeof value.file === "string" && typeof value.quote === "string") {
      found.push({ file: value.file, quote: value.quote, where });
      return;
    }
    const label = isNonEmptyString(value.id) ? `${where} (${value.id})` : where;
    for (const [key, child] of Object.entries(value)) visit(child, label === "" ? key : `${label}.${key}`);
  };
  visit(model, "");
  return found;
}

/**
 * Checks that every quote occurs verbatim in its seed file, comparing with
 * whitespace normalised on both sides. Returns one problem per quote not found.
 */
export function checkSourceQuotes(model: unknown, seedsDir = DEFAULT_SEEDS_DIR): string[] {
  const problems: string[] = [];
  const texts = new Map<string, string | null>();
  for (const { file, quote, where } of collectSourceQuotes(model)) {
    if (!texts.has(file)) {
      let text: string | null = null;
      if (SEED_FILE.test(file)) {
        try {
          text = normaliseWhitespace(readFileSync(path.join(seedsDir, file), "utf8"));
        } catch {
          text = null;
        }
      }
      texts.set(file, text);
    }
    const text = texts.get(file);
    if (text === null || text === undefined) problems.push(`${where}: seed file ${file} not found in ${seedsDir}`);
    else if (!text.includes(normaliseWhitespace(quote))) problems.push(`${where}: quote not found in ${file}: ${show(quote)}`);
  }
  return problems;
}
