// Where the pages' data comes from: the slices of the published indicator
// table (loaders/publish/page-slices.ts, extracted from src/data/slices.tar.ts), the
// catalogue and the extract's metadata. Each file is fetched only when a page
// first asks for it, and decoded once. Framework needs every file name as a
// literal, hence the tables below.
import {FileAttachment} from "observablehq:stdlib";
import {CellIndex, decodeSlice} from "./page-data/slices.js";

const TOTAL = {month: FileAttachment("../data/slices/total-month.json"), quarter: FileAttachment("../data/slices/total-quarter.json"), half: FileAttachment("../data/slices/total-half.json"), year: FileAttachment("../data/slices/total-year.json")};
const DIM = {
  HENKILOSTOKOKEMUS: {month: FileAttachment("../data/slices/dim-HENKILOSTOKOKEMUS-month.json"), quarter: FileAttachment("../data/slices/dim-HENKILOSTOKOKEMUS-quarter.json"), half: FileAttachment("../data/slices/dim-HENKILOSTOKOKEMUS-half.json"), year: FileAttachment("../data/slices/dim-HENKILOSTOKOKEMUS-year.json")},
  TUOTTAVUUS: {month: FileAttachment("../data/slices/dim-TUOTTAVUUS-month.json"), quarter: FileAttachment("../data/slices/dim-TUOTTAVUUS-quarter.json"), half: FileAttachment("../data/slices/dim-TUOTTAVUUS-half.json"), year: FileAttachment("../data/slices/dim-TUOTTAVUUS-year.json")},
  ASIAKASKOKEMUS: {month: FileAttachment("../data/slices/dim-ASIAKASKOKEMUS-month.json"), quarter: FileAttachment("../data/slices/dim-ASIAKASKOKEMUS-quarter.json"), half: FileAttachment("../data/slices/dim-ASIAKASKOKEMUS-half.json"), year: FileAttachment("../data/slices/dim-ASIAKASKOKEMUS-year.json")},
  SAATAVUUS_VAIKUTTAVUUS: {month: FileAttachment("../data/slices/dim-SAATAVUUS_VAIKUTTAVUUS-month.json"), quarter: FileAttachment("../data/slices/dim-SAATAVUUS_VAIKUTTAVUUS-quarter.json"), half: FileAttachment("../data/slices/dim-SAATAVUUS_VAIKUTTAVUUS-half.json"), year: FileAttachment("../data/slices/dim-SAATAVUUS_VAIKUTTAVUUS-year.json")},
};
const DIM_UNITS = {
  HENKILOSTOKOKEMUS: {month: FileAttachment("../data/slices/dimunits-HENKILOSTOKOKEMUS-month.json"), quarter: FileAttachment("../data/slices/dimunits-HENKILOSTOKOKEMUS-quarter.json"), half: FileAttachment("../data/slices/dimunits-HENKILOSTOKOKEMUS-half.json"), year: FileAttachment("../data/slices/dimunits-HENKILOSTOKOKEMUS-year.json")},
  TUOTTAVUUS: {month: FileAttachment("../data/slices/dimunits-TUOTTAVUUS-month.json"), quarter: FileAttachment("../data/slices/dimunits-TUOTTAVUUS-quarter.json"), half: FileAttachment("../data/slices/dimunits-TUOTTAVUUS-half.json"), year: FileAttachment("../data/slices/dimunits-TUOTTAVUUS-year.json")},
  ASIAKASKOKEMUS: {month: FileAttachment("../data/slices/dimunits-ASIAKASKOKEMUS-month.json"), quarter: FileAttachment("../data/slices/dimunits-ASIAKASKOKEMUS-quarter.json"), half: FileAttachment("../data/slices/dimunits-ASIAKASKOKEMUS-half.json"), year: FileAttachment("../data/slices/dimunits-ASIAKASKOKEMUS-year.json")},
  SAATAVUUS_VAIKUTTAVUUS: {month: FileAttachment("../data/slices/dimunits-SAATAVUUS_VAIKUTTAVUUS-month.json"), quarter: FileAttachment("../data/slices/dimunits-SAATAVUUS_VAIKUTTAVUUS-quarter.json"), half: FileAttachment("../data/slices/dimunits-SAATAVUUS_VAIKUTTAVUUS-half.json"), year: FileAttachment("../data/slices/dimunits-SAATAVUUS_VAIKUTTAVUUS-year.json")},
};
const DIM_GROUPS = {
  HENKILOSTOKOKEMUS: {month: FileAttachment("../data/slices/dimgroups-HENKILOSTOKOKEMUS-month.json"), quarter: FileAttachment("../data/slices/dimgroups-HENKILOSTOKOKEMUS-quarter.json"), half: FileAttachment("../data/slices/dimgroups-HENKILOSTOKOKEMUS-half.json"), year: FileAttachment("../data/slices/dimgroups-HENKILOSTOKOKEMUS-year.json")},
  TUOTTAVUUS: {month: FileAttachment("../data/slices/dimgroups-TUOTTAVUUS-month.json"), quarter: FileAttachment("../data/slices/dimgroups-TUOTTAVUUS-quarter.json"), half: FileAttachment("../data/slices/dimgroups-TUOTTAVUUS-half.json"), year: FileAttachment("../data/slices/dimgroups-TUOTTAVUUS-year.json")},
  ASIAKASKOKEMUS: {month: FileAttachment("../data/slices/dimgroups-ASIAKASKOKEMUS-month.json"), quarter: FileAttachment("../data/slices/dimgroups-ASIAKASKOKEMUS-quarter.json"), half: FileAttachment("../data/slices/dimgroups-ASIAKASKOKEMUS-half.json"), year: FileAttachment("../data/slices/dimgroups-ASIAKASKOKEMUS-year.json")},
  SAATAVUUS_VAIKUTTAVUUS: {month: FileAttachment("../data/slices/dimgroups-SAATAVUUS_VAIKUTTAVUUS-month.json"), quarter: FileAttachment("../data/slices/dimgroups-SAATAVUUS_VAIKUTTAVUUS-quarter.json"), half: FileAttachment("../data/slices/dimgroups-SAATAVUUS_VAIKUTTAVUUS-half.json"), year: FileAttachment("../data/slices/dimgroups-SAATAVUUS_VAIKUTTAVUUS-year.json")},
};
const HEADLINE = {month: FileAttachment("../data/slices/headline-month.json"), quarter: FileAttachment("../data/slices/headline-quarter.json"), half: FileAttachment("../data/slices/headline-half.json"), year: FileAttachment("../data/slices/headline-year.json")};
const HEADLINE_UNITS = {month: FileAttachment("../data/slices/headunits-month.json"), quarter: FileAttachment("../data/slices/headunits-quarter.json"), half: FileAttachment("../data/slices/headunits-half.json"), year: FileAttachment("../data/slices/headunits-year.json")};
const HEADLINE_GROUPS = {month: FileAttachment("../data/slices/headgroups-month.json"), quarter: FileAttachment("../data/slices/headgroups-quarter.json"), half: FileAttachment("../data/slices/headgroups-half.json"), year: FileAttachment("../data/slices/headgroups-year.json")};
const CONTEXT = FileAttachment("../data/slices/context.json");
const PROGRAMME = FileAttachment("../data/slices/programme.json");
const NAMES = FileAttachment("../data/slices/names.json");
const CATALOGUE = FileAttachment("../data/slices/indicators.json");
const FULL_CATALOGUE = FileAttachment("../data/catalogue.json");
const CHANGES = FileAttachment("../data/changes.json");

const cache = new Map();
function once(key, load) {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key);
}

/** The rows of a slice file (FileAttachment), decoded once. */
export function cellsOf(file) {
  return once(file.href, async () => decodeSlice(await file.json()));
}

function pick(table, ...keys) {
  const file = keys.reduce((t, k) => t?.[k], table);
  if (!file) throw new Error(`no slice ${keys.join("/")}`);
  return file;
}

/** Every indicator, all units together, totals only, one period type. */
export const totalCells = (periodType) => cellsOf(pick(TOTAL, periodType));
/** One dimension, all units together, every breakdown value. */
export const dimensionCells = (dimension, periodType) => cellsOf(pick(DIM, dimension, periodType));
/** One dimension, every unit, totals only. */
export const dimensionUnitCells = (dimension, periodType) => cellsOf(pick(DIM_UNITS, dimension, periodType));
/** One dimension, every area and operating model (unit_id area:…, model:…), totals only. */
export const dimensionGroupCells = (dimension, periodType) => cellsOf(pick(DIM_GROUPS, dimension, periodType));
/** Headline indicators, all units together, totals only, one period type. */
export const headlineCells = (periodType) => cellsOf(pick(HEADLINE, periodType));
/** Headline indicators, every unit, totals only, one period type (months by default): values and statuses without counts (the overview's guardrail, the units table). */
export const headlineUnitCells = (periodType = "month") => cellsOf(pick(HEADLINE_UNITS, periodType));
/** Headline indicators, the whole city (ALL) and every area and operating model (unit_id area:…, model:…), totals only, one period type: values and statuses without counts (the units index's first rows). */
export const headlineGroupCells = (periodType) => cellsOf(pick(HEADLINE_GROUPS, periodType));
export const loadContext = () => once("context", () => CONTEXT.json());
export const loadProgramme = () => once("programme", () => PROGRAMME.json());
/** The catalogue without definitions and target sources. */
export const loadCatalogue = () => once("catalogue", () => CATALOGUE.json());
/** The whole catalogue, definitions and target sources included (the methods page). */
export const loadFullCatalogue = () => once("full-catalogue", () => FULL_CATALOGUE.json());
/** Only the names of dimensions, benefit goals, development areas, operating models and areas. */
export const loadNames = () => once("names", () => NAMES.json());
/** What changed since the previous extract (loaders/publish/extract-changes.ts). */
export const loadChanges = () => once("changes", () => CHANGES.json());
export {CellIndex};
