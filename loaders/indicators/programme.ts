// The programme model (data/programme.json) as types, a loader and a checker.
//
// The model is data, not code: the quadruple-aim dimensions, the benefit goals
// (HT1–HT5), development areas (KA1–KA5), spearheads, core processes, segments,
// operating models, areas, development measures, targets and baselines, each
// named in Finnish, Swedish and English, and the recorded recalculations of
// indicators' SPC limits (whose indicators must be in the catalogue). Every
// programme fact carries its source: a seed file and a verbatim Finnish quote
// (checked by `checkSourceQuotes`), the law, or the indicator spec; a recorded
// recalculation names where its decision and evidence are. Its shape is the
// JSON Schema beside it, data/programme.schema.json; `checkProgramme` checks
// that schema with ajv and then what a schema cannot express, and returns
// every problem it finds, never only the first.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { AREAS, CORE_PROCESSES, OPERATING_MODELS, SEGMENTS } from "../extract/contract.ts";
import { CATALOGUE_PATH } from "./catalogue.ts";

// ---------------------------------------------------------------------------
// Types
//
// These must match data/programme.schema.json: each interface below is the
// schema's $defs entry of the same name (Programme is the schema's root), with
// the same properties, the same optional ones (not in `required`), the same
// nullable ones and the same literal values (`enum`). test/programme.test.ts
// compares them with the TypeScript compiler, so a change to one that is not
// made to the other fails there.

export const LANGUAGES = ["fi", "sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A name or text in Finnish, Swedish and English. */
export interface LocalizedText {
  fi: string;
  sv: string;
  en: string;
}

/** A verbatim Finnish quote from a source document (a seed file; the documents are not part of the project). */
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

export type MilestoneKind = "STARTED" | "DECISION" | "PILOT_STARTED" | "PLANNED" | "CONTEXT";

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

/** A target's source when its origin is LAW. */
export interface LawSource {
  law: string;
}

/** A target's source when its origin is SPEC_DEFAULT. */
export interface SpecSource {
  spec: string;
}

/** Where a target comes from: a seed quote (origin SEED), the law (LAW), or the indicator spec (SPEC_DEFAULT). */
export type TargetSource = SeedQuote | LawSource | SpecSource;

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

/**
 * A recorded recalculation of one indicator's XmR limits: from this month on
 * its charts and statuses start a new process (NHS England's SPC v2.6
 * partition), because a sustained shift has a known cause. The start dates of
 * the measures it follows recalculate them without an entry (src/lib/analysis/breaks.ts).
 */
export interface Recalculation {
  /** An indicator id of the catalogue (data/indicators.json). */
  indicator: string;
  /** The first month of the new process, YYYY-MM. */
  from: string;
  /** Why, as the chart shows it. */
  reason: LocalizedText;
  /** Where the decision and its evidence are recorded. */
  source: string;
  /** Only for the extract whose manifest names this source (the bundled sample's "Apotti (synteettinen)"); without it, for every extract. */
  extractSource?: string;
}

export interface Programme {
  schemaVersion: 1;
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
  recalculations?: Recalculation[];
}

// ---------------------------------------------------------------------------
// Loading

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");


/** The model file, relative to the project root. */
const DEFAULT_FILE = "data/programme.json";

/** The JSON Schema of the model, beside it. */
export const PROGRAMME_SCHEMA_FILE = path.resolve(PROJECT_ROOT, "data/programme.schema.json");

/**
 * Reads and checks the programme model. A relative path is taken from the
 * project root (not the working directory), so the default works wherever the
 * process runs. Throws with every problem listed when the model is invalid.
 */
export function loadProgramme(file = DEFAULT_FILE): Programme {
  const resolved = path.isAbsolute(file) ? file : path.resolve(PROJECT_ROOT, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(resolved, "utf8"));
  } catch (error) {
    throw new Error(`programme model ${resolved}: ${(error as Error).message}`);
  }
  const relative = path.relative(PROJECT_ROOT, resolved);
  const problems = checkProgramme(parsed, relative.startsWith("..") || path.isAbsolute(relative) ? resolved : relative);
  if (problems.length > 0) {
    throw new Error(
      `programme model ${resolved} has ${problems.length} problem(s):\n` + problems.map((p) => `  - ${p}`).join("\n"),
    );
  }
  return parsed as Programme;
}

// ---------------------------------------------------------------------------
// Checking
//
// Two passes, both reporting every problem they find. The shape of the model
// (fields, types, codes, date formats, and rules between fields of one item,
// such as "a start date needs a precision and a source") is the JSON Schema
// data/programme.schema.json, checked by ajv. What a schema cannot say is
// checked here: that a referenced id exists, ids are unique across lists, the
// fixed code lists are complete, goals and areas name each other, and dates
// and ranges are in order.

/** One problem in a programme model. */
export interface ProgrammeProblem {
  /** The model file. */
  file: string;
  /** JSON Pointer (RFC 6901) to the value, e.g. `/measures/3/startDate`; "" is the whole model. */
  path: string;
  /** The id of the innermost item on the path, to find it by eye. */
  id?: string;
  /** `schema: <keyword>` for a rule of the JSON Schema, `check: <name>` for a check the schema cannot express. */
  rule: string;
  message: string;
}

/** `data/programme.json#/measures/0/startDate (HT1-SEGMENTOINTI): bad date "2021/09" (expected YYYY-MM-DD or YYYY-MM) [schema: format]` */
export function formatProblem(problem: ProgrammeProblem): string {
  const id = problem.id === undefined ? "" : ` (${problem.id})`;
  return `${problem.file}#${problem.path}${id}: ${problem.message} [${problem.rule}]`;
}

/** What the model is checked against besides itself: the ids of the indicator catalogue (by default data/indicators.json's). */
export interface CheckOptions {
  indicators?: Iterable<string>;
}

/**
 * Every problem in a programme model, one line each (see `formatProblem`).
 * Does not read the seed files (see `checkSourceQuotes`).
 */
export function checkProgramme(input: unknown, file = DEFAULT_FILE, options: CheckOptions = {}): string[] {
  return findProgrammeProblems(input, file, options).map(formatProblem);
}

let catalogueIds: ReadonlySet<string> | null | undefined;
/** The indicator ids of the project's catalogue, read once; null when it cannot be read (then indicators are not checked). */
function defaultIndicatorIds(): ReadonlySet<string> | null {
  if (catalogueIds === undefined) {
    try {
      const catalogue = JSON.parse(readFileSync(CATALOGUE_PATH, "utf8")) as { indicators: { id: string }[] };
      catalogueIds = new Set(catalogue.indicators.map((indicator) => indicator.id));
    } catch {
      catalogueIds = null;
    }
  }
  return catalogueIds;
}

/** Every problem in a programme model, in the order of the model. */
export function findProgrammeProblems(input: unknown, file = DEFAULT_FILE, options: CheckOptions = {}): ProgrammeProblem[] {
  const found: Found[] = schemaProblems(input);
  const indicators = options.indicators ? new Set(options.indicators) : defaultIndicatorIds();
  if (isObject(input)) checkCrossReferences(input, indicators, (at, rule, message) => found.push({ path: at, rule, message }));
  const seen = new Set<string>();
  return found
    .filter((problem) => {
      const key = `${problem.path} ${problem.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map((problem) => ({ problem, ...locate(input, problem.path) }))
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .map(({ problem, id }) => ({ file, path: problem.path, ...(id === undefined ? {} : { id }), rule: problem.rule, message: problem.message }));
}

type Json = Record<string, unknown>;
type Found = Pick<ProgrammeProblem, "path" | "rule" | "message">;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/** A JSON Pointer from its keys. */
const pointer = (...keys: (string | number)[]) => keys.map((key) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
const keysOf = (at: string) => (at === "" ? [] : at.slice(1).split("/").map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~")));

/** The value at a JSON Pointer, or undefined. */
function valueAt(root: unknown, at: string): unknown {
  let node = root;
  for (const key of keysOf(at)) {
    if (!(isObject(node) || Array.isArray(node)) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

/** Where a pointer is in document order, and the id of the innermost item with one. */
function locate(root: unknown, at: string): { rank: number[]; id?: string } {
  const rank: number[] = [];
  let id: string | undefined;
  let node: unknown = root;
  for (const key of keysOf(at)) {
    if (isObject(node) && isNonEmptyString(node.id)) id = node.id;
    const keys = isObject(node) ? Object.keys(node) : Array.isArray(node) ? node.map((_, index) => String(index)) : [];
    const index = keys.indexOf(key);
    rank.push(index === -1 ? keys.length : index);
    node = index === -1 ? undefined : (node as Json)[key];
  }
  if (isObject(node) && isNonEmptyString(node.id)) id = node.id;
  return { rank, id };
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

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

// --- The schema --------------------------------------------------------------

/** The schema's date formats: the date shapes each accepts, and how an error names it. */
const DATE_FORMATS: Record<string, { shapes: readonly string[]; noun: string; expected: string }> = {
  date: { shapes: ["day"], noun: "date", expected: "YYYY-MM-DD" },
  "date-or-month": { shapes: ["day", "month"], noun: "date", expected: "YYYY-MM-DD or YYYY-MM" },
  "partial-date": { shapes: ["day", "month", "year"], noun: "date", expected: "YYYY, YYYY-MM or YYYY-MM-DD" },
  period: { shapes: ["month", "year"], noun: "period", expected: "YYYY or YYYY-MM" },
  month: { shapes: ["month"], noun: "month", expected: "YYYY-MM" },
};

type SchemaNode = Record<string, any>;
let compiled: { schema: SchemaNode; validate: ValidateFunction } | undefined;

/** The schema and its validator, compiled once. */
export function programmeSchema(): { schema: SchemaNode; validate: ValidateFunction } {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(PROGRAMME_SCHEMA_FILE, "utf8")) as SchemaNode;
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    for (const [name, { shapes }] of Object.entries(DATE_FORMATS))
      ajv.addFormat(name, { type: "string", validate: (value: string) => shapes.includes(dateShape(value) as string) });
    compiled = { schema, validate: ajv.compile(schema) };
  }
  return compiled;
}

const TYPE_NAMES: Record<string, string> = {
  object: "an object", array: "an array", string: "a string", number: "a number", integer: "an integer", boolean: "true or false", null: "null",
};

/** The schema's errors, in the project's words: what the value must be, and what it is. */
function schemaProblems(input: unknown): Found[] {
  const { schema, validate } = programmeSchema();
  if (validate(input)) return [];
  // A value that is no date at all is not also reported as not matching its precision.
  const notDates = new Set(validate.errors!.filter((error) => error.keyword === "format").map((error) => error.instancePath));
  const defOf = (node: SchemaNode | undefined): SchemaNode | undefined =>
    typeof node?.$ref === "string" && node.$ref.startsWith("#/$defs/") ? schema.$defs[node.$ref.slice("#/$defs/".length)] : node;
  const problems = validate.errors!.flatMap((error: ErrorObject): Found[] => {
    const node: SchemaNode = error.parentSchema ?? {};
    const description: string | undefined = node.description;
    const value = show(error.data);
    const must = (fallback: string) => `must be ${description ?? fallback}, not ${value}`;
    const params = error.params as Record<string, any>;
    const found = (message: string, at = error.instancePath): Found[] => [{ path: at, rule: `schema: ${error.keyword}`, message }];
    switch (error.keyword) {
      case "if": // "must match the then schema": the errors of the then schema say what.
        return [];
      case "required": {
        const property: string = params.missingProperty;
        const own: SchemaNode | undefined = node.properties?.[property];
        const hint: string | undefined = own?.description ?? defOf(own)?.description;
        return found(hint === undefined ? "missing" : `missing (expected ${hint})`, error.instancePath + pointer(property));
      }
      case "additionalProperties":
        return found(`unknown property (allowed: ${Object.keys(node.properties ?? {}).join(", ")})`, error.instancePath + pointer(params.additionalProperty));
      case "type":
        return found(must([params.type].flat().join(",").split(",").map((type) => TYPE_NAMES[type] ?? type).join(" or ")));
      case "enum":
        return found(must(`one of ${(params.allowedValues as unknown[]).map(show).join(", ")}`));
      case "const":
        return found(must(show(params.allowedValue)));
      case "pattern":
        return notDates.has(error.instancePath) ? [] : found(must(`a text matching /${params.pattern}/`));
      case "format": {
        const format = DATE_FORMATS[params.format as string];
        return found(format ? `bad ${format.noun} ${value} (expected ${format.expected})` : must(`in format ${params.format}`));
      }
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum": {
        const bound = `${params.comparison} ${params.limit}`;
        return found(`must be ${description === undefined ? bound : `${description} (${bound})`}, not ${value}`);
      }
      case "uniqueItems":
        return found(`${show((error.data as unknown[])[params.i])} repeated (also item ${params.j})`, error.instancePath + pointer(params.i));
      default:
        return found(error.message ?? "invalid");
    }
  });
  // One problem per value and rule: the first, from the most specific schema (ajv checks allOf, where the
  // conditional rules are, before properties).
  const seen = new Set<string>();
  return problems.filter(({ path: at, rule }) => (seen.has(`${at} ${rule}`) ? false : (seen.add(`${at} ${rule}`), true)));
}

// --- Checks the schema cannot express ----------------------------------------

/** Every list of items with an id, by where it is and its schema definition. */
const ID_LISTS: readonly (readonly [string, string])[] = [
  ["/dimensions", "Dimension"],
  ["/benefitGoals", "BenefitGoal"],
  ["/developmentAreas", "DevelopmentArea"],
  ["/spearheads", "Spearhead"],
  ["/coreProcesses", "CoreProcess"],
  ["/segments", "Segment"],
  ["/operatingModels", "OperatingModel"],
  ["/areas", "Area"],
  ["/measures", "Measure"],
  ["/targets", "Target"],
  ["/baselines", "Baseline"],
  ["/reports", "Report"],
  ["/programme/fundingRounds", "FundingRound"],
  ["/segmentation/axes", "SegmentationAxis"],
];

/** The objects of a list, with their indexes; nothing when it is no list. */
const itemsOf = (value: unknown): [number, Json][] =>
  Array.isArray(value) ? value.flatMap((item, index): [number, Json][] => (isObject(item) ? [[index, item]] : [])) : [];

/**
 * The checks across items and lists: duplicate ids (within and across lists),
 * incomplete fixed code lists, references to goals' areas, spearheads,
 * parents, funding rounds, reports, targets, source documents and (for a
 * recorded recalculation) indicators that do not exist or do not match, a
 * recalculation recorded twice, and dates or ranges out of order. Reads only what
 * has the right type, so a model the schema rejects is still checked.
 */
function checkCrossReferences(p: Json, indicators: ReadonlySet<string> | null, add: (at: string, rule: string, message: string) => void): void {
  const { schema } = programmeSchema();

  // Ids: unique across every list; a list of fixed codes (an enum in the schema) holds each code.
  const firstSeen = new Map<string, string>();
  const idsOf = new Map<string, Set<string>>();
  for (const [list, definition] of ID_LISTS) {
    const items = itemsOf(valueAt(p, list));
    const ids = new Set<string>();
    for (const [index, item] of items) {
      if (!isString(item.id)) continue;
      ids.add(item.id);
      const earlier = firstSeen.get(item.id);
      if (earlier !== undefined) add(`${list}/${index}/id`, "check: unique-id", `duplicate id (also ${earlier})`);
      else firstSeen.set(item.id, `${list}/${index}`);
    }
    idsOf.set(list, ids);
    const idSchema = schema.$defs[definition].properties.id;
    const codes: unknown[] | undefined = (idSchema.$ref ? schema.$defs[idSchema.$ref.slice("#/$defs/".length)] : idSchema).enum;
    if (codes !== undefined && Array.isArray(valueAt(p, list)))
      for (const code of codes)
        if (!ids.has(code as string)) add(list, "check: complete-codes", `missing ${code} (the list holds each of ${codes.join(", ")})`);
  }
  const known = (list: string, value: string) => idsOf.get(list)!.has(value);

  // Source documents: each file once, and every {file, quote} names one of them.
  const files = new Map<string, string>();
  for (const [index, document] of itemsOf(p.sourceDocuments)) {
    if (!isString(document.file)) continue;
    const earlier = files.get(document.file);
    if (earlier !== undefined) add(`/sourceDocuments/${index}/file`, "check: unique-file", `duplicate file ${document.file} (also ${earlier})`);
    else files.set(document.file, `/sourceDocuments/${index}`);
  }
  for (const { file, where } of collectSourceQuotes(p))
    if (!files.has(file)) add(`${where}/file`, "check: known-source-file", `source file ${show(file)} is not listed in sourceDocuments`);

  // Benefit goals and development areas: one to one, each naming the other. Goals and spearheads are numbered by id.
  const numbered = (at: string, item: Json, prefix: string) => {
    if (isString(item.id) && Number.isInteger(item.number) && item.id !== `${prefix}${item.number}`)
      add(`${at}/id`, "check: id-number", `id must be ${prefix}<number>: ${show(item.id)} is not ${prefix}${item.number}`);
  };
  const areaOfGoal = new Map<string, string>();
  for (const [index, goal] of itemsOf(p.benefitGoals)) {
    if (isString(goal.id) && isString(goal.developmentArea)) areaOfGoal.set(goal.id, goal.developmentArea);
    numbered(`/benefitGoals/${index}`, goal, "HT");
  }
  const areaNamingGoal = new Map<string, string>();
  for (const [index, area] of itemsOf(p.developmentAreas)) {
    const goal = area.benefitGoal;
    if (!isString(goal) || !isString(area.id)) continue;
    const at = `/developmentAreas/${index}/benefitGoal`;
    const earlier = areaNamingGoal.get(goal);
    if (earlier !== undefined) add(at, "check: goal-area", `${show(goal)} already has development area ${earlier}`);
    else areaNamingGoal.set(goal, area.id);
    const named = areaOfGoal.get(goal);
    if (named !== undefined && named !== area.id) add(at, "check: goal-area", `${goal} names development area ${named}, not ${area.id}`);
  }
  for (const [index, spearhead] of itemsOf(p.spearheads)) {
    numbered(`/spearheads/${index}`, spearhead, "K");
    checkProgress(`/spearheads/${index}/progress`, spearhead.progress);
  }

  // Progress names a report; a milestone ends no earlier than it starts.
  function checkProgress(at: string, value: unknown) {
    for (const [index, entry] of itemsOf(value))
      if (isString(entry.report) && !known("/reports", entry.report))
        add(`${at}/${index}/report`, "check: known-reference", `unknown report ${show(entry.report)}`);
  }
  function checkMilestones(at: string, value: unknown) {
    for (const [index, milestone] of itemsOf(value)) {
      const { date, endDate } = milestone;
      // Strings compare as dates here: "2020-06-30" < "2020-07" (before the month), "2020-07-15" > "2020-07".
      if (dateShape(date) !== null && dateShape(endDate) === "day" && (endDate as string) < (date as string))
        add(`${at}/${index}/endDate`, "check: date-order", `endDate ${endDate} is before date ${date}`);
    }
  }

  // The programme.
  const programme = isObject(p.programme) ? p.programme : {};
  const { startYear, endYear } = programme;
  if (Number.isInteger(startYear) && Number.isInteger(endYear) && (startYear as number) > (endYear as number))
    add("/programme/endYear", "check: date-order", `endYear ${endYear} is before startYear ${startYear}`);
  checkMilestones("/programme/milestones", programme.milestones);
  for (const [index, model] of itemsOf(p.operatingModels)) checkMilestones(`/operatingModels/${index}/milestones`, model.milestones);

  // Measures.
  const measureAt = new Map<string, string>();
  const parentOf = new Map<string, string>();
  for (const [index, measure] of itemsOf(p.measures)) if (isString(measure.id) && !measureAt.has(measure.id)) measureAt.set(measure.id, `/measures/${index}`);
  for (const [index, measure] of itemsOf(p.measures)) {
    const at = `/measures/${index}`;
    const { id, primaryGoal, developmentArea, spearhead, parent, fundingRound } = measure;
    if (isString(id) && isString(primaryGoal) && /^HT\d-/.test(id) && !id.startsWith(`${primaryGoal}-`))
      add(`${at}/id`, "check: id-goal", `id does not begin with its primary goal ${primaryGoal}`);
    if (Array.isArray(measure.secondaryGoals))
      measure.secondaryGoals.forEach((goal, goalIndex) => {
        if (goal === primaryGoal) add(`${at}/secondaryGoals/${goalIndex}`, "check: secondary-goal", `${show(goal)} is also the primary goal`);
      });
    const expected = isString(primaryGoal) ? areaOfGoal.get(primaryGoal) : undefined;
    if (expected !== undefined && isString(developmentArea) && known("/developmentAreas", developmentArea) && developmentArea !== expected)
      add(`${at}/developmentArea`, "check: goal-area", `${show(developmentArea)} does not match primary goal ${show(primaryGoal)} (expected ${expected})`);
    if (isString(spearhead) && !known("/spearheads", spearhead)) add(`${at}/spearhead`, "check: known-reference", `unknown spearhead ${show(spearhead)}`);
    if (isString(fundingRound) && !known("/programme/fundingRounds", fundingRound))
      add(`${at}/fundingRound`, "check: known-reference", `unknown funding round ${show(fundingRound)}`);
    if (isString(parent)) {
      if (parent === id) add(`${at}/parent`, "check: parent", "a measure cannot be its own parent");
      else if (!known("/measures", parent)) add(`${at}/parent`, "check: known-reference", `unknown measure ${show(parent)}`);
      else if (isString(id)) parentOf.set(id, parent);
    }
    checkMilestones(`${at}/milestones`, measure.milestones);
    checkProgress(`${at}/progress`, measure.progress);
  }
  for (const start of parentOf.keys()) {
    const visited = new Set<string>([start]);
    for (let current = parentOf.get(start); current !== undefined; current = parentOf.get(current)) {
      if (visited.has(current)) {
        add(`${measureAt.get(start)}/parent`, "check: parent", "parent chain has a cycle");
        break;
      }
      visited.add(current);
    }
  }

  // Targets: valid from no later than valid to.
  for (const [index, target] of itemsOf(p.targets)) {
    const { validFrom, validTo } = target;
    if (dateShape(validFrom) === "day" && dateShape(validTo) === "day" && (validFrom as string) > (validTo as string))
      add(`/targets/${index}/validTo`, "check: date-order", `validFrom ${validFrom} is after validTo ${validTo}`);
  }

  // Baselines: the target exists; a range runs from low to high.
  for (const [index, baseline] of itemsOf(p.baselines)) {
    if (isString(baseline.targetId) && !known("/targets", baseline.targetId))
      add(`/baselines/${index}/targetId`, "check: known-reference", `unknown target ${show(baseline.targetId)}`);
    const range = baseline.range;
    if (Array.isArray(range) && typeof range[0] === "number" && typeof range[1] === "number" && range[0] > range[1])
      add(`/baselines/${index}/range`, "check: range-order", `low ${range[0]} is above high ${range[1]}`);
  }

  // Recorded recalculations: of an indicator in the catalogue, each (indicator, month, extract) once.
  const recorded = new Map<string, string>();
  for (const [index, recalculation] of itemsOf(p.recalculations)) {
    const at = `/recalculations/${index}`;
    const { indicator, from, extractSource } = recalculation;
    if (indicators !== null && isString(indicator) && !indicators.has(indicator))
      add(`${at}/indicator`, "check: known-indicator", `unknown indicator ${show(indicator)} (not in the indicator catalogue)`);
    if (!isString(indicator) || !isString(from)) continue;
    const key = JSON.stringify([indicator, from, extractSource ?? null]);
    const earlier = recorded.get(key);
    if (earlier !== undefined) add(`${at}/from`, "check: unique-recalculation", `${indicator} is already recalculated from ${from} (${earlier})`);
    else recorded.set(key, at);
  }
}

// ---------------------------------------------------------------------------
// Source quotes

const SEED_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;

/** Collapses every run of whitespace (including no-break spaces and line breaks) to one space. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export interface LocatedQuote extends SeedQuote {
  /** Where in the model the quote is: a JSON Pointer, e.g. `/measures/0/source`. */
  where: string;
}

/** Every {file, quote} in the model, with where it is. */
export function collectSourceQuotes(model: unknown): LocatedQuote[] {
  const found: LocatedQuote[] = [];
  const visit = (value: unknown, where: string) => {
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${where}/${index}`));
    if (!isObject(value)) return;
    if (typeof value.file === "string" && typeof value.quote === "string") {
      found.push({ file: value.file, quote: value.quote, where });
      return;
    }
    for (const [key, child] of Object.entries(value)) visit(child, where + pointer(key));
  };
  visit(model, "");
  return found;
}

/**
 * Checks that every quote occurs verbatim in its seed file, comparing with
 * whitespace normalised on both sides. Returns one problem per quote not found,
 * in the style of `checkProgramme`.
 */
/** seedsDir: the folder of source documents (not part of the project; the caller says where they are). */
export function checkSourceQuotes(model: unknown, seedsDir: string, file = DEFAULT_FILE): string[] {
  const problems: string[] = [];
  const texts = new Map<string, string | null>();
  const problem = (where: string, message: string) => {
    const { id } = locate(model, where);
    problems.push(formatProblem({ file, path: where, ...(id === undefined ? {} : { id }), rule: "check: quote-in-seed", message }));
  };
  for (const { file: seed, quote, where } of collectSourceQuotes(model)) {
    if (!texts.has(seed)) {
      let text: string | null = null;
      if (SEED_FILE.test(seed)) {
        try {
          text = normaliseWhitespace(readFileSync(path.join(seedsDir, seed), "utf8"));
        } catch {
          text = null;
        }
      }
      texts.set(seed, text);
    }
    const text = texts.get(seed);
    if (text === null || text === undefined) problem(where, `seed file ${seed} not found in ${seedsDir}`);
    else if (!text.includes(normaliseWhitespace(quote))) problem(where, `quote not found in ${seed}: ${show(quote)}`);
  }
  return problems;
}
