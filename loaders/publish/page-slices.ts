// The page slices: the published indicator table cut into the small pieces
// that each page reads, so no page downloads the whole table. Slicing only
// filters rows and picks fields — every figure is copied as published, never
// recomputed — so a slice always agrees with the export. Beside its figures
// each cell carries its status, computed here once for every page from the
// published cells (src/lib/analysis/statuses.ts: the verdict by the monthly SPC chart
// at the period's end, and the comparisons with the previous period, the
// baseline and, for a unit, the whole city).
//
// Slices (file names inside the archive src/data/slices.tar.ts writes):
//   headline-<pt>.json          headline indicators, all units together, totals only, one period type
//   total-<pt>.json             every indicator, all units together, totals only, one period type
//   dim-<D>-<pt>.json           one dimension, all units together, every breakdown value, one period type
//   dimunits-<D>-<pt>.json      one dimension, every unit (not ALL), totals only, one period type
//   dimgroups-<D>-<pt>.json     one dimension, every area and operating model (unit_id area:…, model:…),
//                               totals only, one period type (the Alue and Toimintamalli controls)
//   unit-<slug>-<pt>.json       one unit, every indicator and breakdown value, one period type
//   indunits-<id>-<pt>.json     one indicator, every unit, area and operating model and all units together,
//                               totals only, one period type
//   headunits-<pt>.json         headline indicators, every unit (not ALL), totals only, one period type; without
//                               the numerator and denominator columns (the overview's guardrail reads the
//                               months' statuses, the units index's table the values and statuses)
//   headgroups-<pt>.json        headline indicators, the whole city (ALL) and every area and operating model
//                               (area:…, model:…), totals only, one period type; without the numerator and
//                               denominator columns (the units index's first rows: the city, the areas, the models)
//   context.json                extract period, extracted_at, the units (with their slugs) and the baselines
//   programme.json              the programme model's fields the pages show
//   names.json                  only the names of dimensions, goals, areas, operating models and regions
//   indicators.json             the catalogue without definitions and target sources (the methods page reads the full one)
//
// A slice of cells is columnar JSON: string columns dictionary-encoded
// ({dict, codes}), number columns as arrays with null where the cell has no
// number, `suppressed` as 0/1, and `status` as dictionary-encoded columns
// (spc icon, "" when not assessed; the four comparisons). decodeSlice() (and
// src/lib/page-data/slices.ts in the browser) turns it back into rows.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fromArrow } from "arquero";
import type { Catalogue, Dimension } from "../indicators/catalogue.ts";
import type { PublishedCell, Unit } from "../../src/lib/cell.ts";
import { applicableRecalculations, type RecalculationLike } from "../../src/lib/analysis/breaks.ts";
import type { PageMeta } from "./page-data.ts";
import { isGroupUnitId } from "../indicators/indicator-row.ts";
import { PERIOD_TYPES, type PeriodType } from "../../src/lib/periods.ts";
import { decodeStatuses, STATUS_COLUMNS, type StatusColumns } from "../../src/lib/page-data/slices.ts";
import { NOT_COMPARED, statusKey, statusTable, type CellStatus, type StatusContext, type StatusTable } from "../../src/lib/analysis/statuses.ts";

export const DIMENSIONS: readonly Dimension[] = ["HENKILOSTOKOKEMUS", "TUOTTAVUUS", "ASIAKASKOKEMUS", "SAATAVUUS_VAIKUTTAVUUS"];

const STRING_COLUMNS = ["indicator_id", "period_type", "period", "unit_id", "breakdown", "breakdown_value"] as const;
const NUMBER_COLUMNS = ["numerator", "denominator", "value"] as const;

export interface DictColumn {
  dict: string[];
  codes: number[];
}

export interface SliceJson {
  length: number;
  /** numerator and denominator may be left out (encodeSlice's `omit`): they read back as null. */
  columns: Record<(typeof STRING_COLUMNS)[number], DictColumn> &
    Record<"value", (number | null)[]> & Partial<Record<"numerator" | "denominator", (number | null)[]>> & { suppressed: (0 | 1)[] } &
    { status?: StatusColumns };
}

export interface ContextJson {
  manifest: PageMeta["manifest"];
  periodTypes: readonly PeriodType[];
  units: Unit[];
  /** The baseline period of each period type the statuses compare with (the first with data). */
  baselines: Partial<Record<PeriodType, string>>;
}

/**
 * A unit id as a file and URL path segment: ids made of letters, digits, `-`
 * and `_` stay as they are; anything else is replaced and a short hash of the
 * id keeps the slug unique.
 */
export function unitSlug(unitId: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(unitId)) return unitId;
  const safe = unitId.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 60);
  const hash = createHash("sha256").update(unitId).digest("hex").slice(0, 8);
  return `${safe || "unit"}-${hash}`;
}

/** Reads the Arrow IPC indicator table (emit.ts's toArrowIpc) back into published cells: its nulls and booleans are the cells' own. */
export function cellsFromArrow(bytes: Uint8Array): PublishedCell[] {
  return fromArrow(bytes).objects() as PublishedCell[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Columnar JSON of cells, sorted by indicator, unit, breakdown value, period
 * type and period (so it compresses well); `omit` leaves number columns out
 * (they read back as null); `statuses` (computeStatuses' map) adds each
 * cell's status.
 */
export function encodeSlice(cells: readonly PublishedCell[], o: { omit?: readonly ("numerator" | "denominator")[]; statuses?: ReadonlyMap<string, CellStatus> } = {}): SliceJson {
  const rows = [...cells].sort(
    (a, b) =>
      compare(a.indicator_id, b.indicator_id) || compare(a.unit_id, b.unit_id) || compare(a.breakdown_value, b.breakdown_value) ||
      PERIOD_TYPES.indexOf(a.period_type) - PERIOD_TYPES.indexOf(b.period_type) || compare(a.period, b.period),
  );
  const columns = {} as SliceJson["columns"];
  for (const name of STRING_COLUMNS) {
    const dict = [...new Set(rows.map((r) => r[name]))].sort(compare);
    const index = new Map(dict.map((v, i) => [v, i]));
    columns[name] = { dict, codes: rows.map((r) => index.get(r[name])!) };
  }
  for (const name of NUMBER_COLUMNS) if (!(o.omit as readonly string[] | undefined)?.includes(name)) columns[name] = rows.map((r) => r[name]);
  columns.suppressed = rows.map((r) => (r.suppressed ? 1 : 0));
  if (o.statuses) {
    const statuses = rows.map((r) => o.statuses!.get(statusKey(r)) ?? NOT_COMPARED);
    const text = (st: CellStatus, name: (typeof STATUS_COLUMNS)[number]) => (name === "spc" ? st.spc ?? "" : st[name]);
    columns.status = Object.fromEntries(STATUS_COLUMNS.map((name) => {
      const values = statuses.map((st) => text(st, name));
      const dict = [...new Set(values)].sort(compare);
      const index = new Map(dict.map((v, i) => [v, i]));
      return [name, { dict, codes: values.map((v) => index.get(v)!) }];
    })) as StatusColumns;
  }
  return { length: rows.length, columns };
}

/** The cells of a slice, in its order, each with its status when the slice carries them. */
export function decodeSlice(slice: SliceJson): (PublishedCell & { status?: CellStatus | null })[] {
  const c = slice.columns;
  const statuses = decodeStatuses(slice);
  const out: (PublishedCell & { status?: CellStatus | null })[] = [];
  for (let i = 0; i < slice.length; i++) {
    out.push({
      indicator_id: c.indicator_id.dict[c.indicator_id.codes[i]],
      period_type: c.period_type.dict[c.period_type.codes[i]] as PeriodType,
      period: c.period.dict[c.period.codes[i]],
      unit_id: c.unit_id.dict[c.unit_id.codes[i]],
      breakdown: c.breakdown.dict[c.breakdown.codes[i]],
      breakdown_value: c.breakdown_value.dict[c.breakdown_value.codes[i]],
      numerator: c.numerator ? c.numerator[i] : null,
      denominator: c.denominator ? c.denominator[i] : null,
      value: c.value[i],
      suppressed: c.suppressed[i] === 1,
      ...(statuses ? { status: statuses[i] } : {}),
    });
  }
  return out;
}

type Programme = Record<string, unknown> & {
  programme?: Record<string, unknown>;
  measures?: Record<string, unknown>[];
};

const pick = (o: Record<string, unknown> | undefined, keys: string[]) =>
  o ? Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]])) : undefined;

/**
 * The fields of the programme model the pages show (names, goals, areas,
 * measures and their dates, the recorded recalculations of SPC limits that
 * apply to this extract, by its manifest source), without the source quotes.
 */
export function slimProgramme(programme: Programme, extractSource?: string | null): Record<string, unknown> {
  const named = (list: unknown, keys: string[]) => ((list as Record<string, unknown>[] | undefined) ?? []).map((x) => pick(x, keys));
  return {
    programme: {
      ...pick(programme.programme, ["id", "name", "localName", "purpose", "startYear", "endYear"]),
      milestones: named(programme.programme?.milestones, ["date", "endDate", "precision", "kind", "text"]),
    },
    quadrupleAim: pick(programme.quadrupleAim as Record<string, unknown>, ["name", "rule"]),
    reports: named(programme.reports, ["id", "name", "half"]),
    dimensions: named(programme.dimensions, ["id", "name", "description"]),
    benefitGoals: named(programme.benefitGoals, ["id", "number", "name", "shortName", "description", "developmentArea"]),
    developmentAreas: named(programme.developmentAreas, ["id", "benefitGoal", "name"]),
    spearheads: named(programme.spearheads, ["id", "number", "name"]),
    operatingModels: named(programme.operatingModels, ["id", "name"]),
    areas: named(programme.areas, ["id", "name"]),
    measures: (programme.measures ?? []).map((m) => ({
      ...pick(m, ["id", "sourceCode", "name", "parent", "primaryGoal", "secondaryGoals", "developmentArea", "spearhead", "startDate", "startDatePrecision", "startDateNote"]),
      milestones: named(m.milestones, ["date", "endDate", "precision", "kind", "text"]),
      progress: named(m.progress, ["report", "status"]),
    })),
    // Only those for this extract, and without the extract's name: the pages apply every one they get.
    recalculations: named(applicableRecalculations(programme.recalculations as RecalculationLike[] | undefined, extractSource), ["indicator", "from", "reason"]),
  };
}

/** The catalogue as most pages need it: without definitions, SQL paths and target sources. */
export function liteCatalogue(catalogue: Catalogue): Record<string, unknown> {
  return {
    breakdowns: catalogue.breakdowns,
    // The SPC settings (v2.6's, per indicator where v2.6 sets them per metric) reach the pages' charts.
    spc: (catalogue as unknown as Record<string, unknown>).spc,
    indicators: catalogue.indicators.map((i) => ({
      ...pick(i as unknown as Record<string, unknown>, ["id", "name", "dimension", "benefitGoals", "developmentArea", "headline", "unit", "direction", "breakdown", "breakdownValues", "privacy", "showCounts", "spc", "interval"]),
      targets: i.targets.map((t) => pick(t as unknown as Record<string, unknown>, ["op", "value", "from", "to", "ref"])),
    })),
  };
}

export interface SliceInput {
  cells: readonly PublishedCell[];
  catalogue: Catalogue;
  meta: Pick<PageMeta, "manifest" | "units">;
  programme: Programme;
  /** The cells' status table, when the caller has it already (statusTable of statusContext): else computed here. */
  table?: StatusTable;
}

/** Every slice, by file name. Each value is the JSON text of the file. */
export function pageSlices({ cells, catalogue, meta, programme, table = statusTable(cells, statusContext(catalogue, programme, meta.manifest.source)) }: SliceInput): Map<string, string> {
  // Every cell's status, computed once for every page (statuses.ts).
  const statuses = new Map<string, CellStatus>();
  for (const c of cells) {
    const st = table.status(c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown_value);
    if (st) statuses.set(statusKey(c), st);
  }
  const dimensionOf = new Map(catalogue.indicators.map((i) => [i.id, i.dimension]));
  const headline = new Set(catalogue.indicators.filter((i) => i.headline).map((i) => i.id));
  const units: Unit[] = meta.units.map((u) => ({ ...u, slug: unitSlug(u.unit_id) }));
  const slugs = new Set<string>();
  for (const u of units) {
    if (slugs.has(u.slug)) throw new Error(`two units have the page name ${u.slug}`);
    slugs.add(u.slug);
  }

  const buckets = new Map<string, PublishedCell[]>();
  const add = (name: string, c: PublishedCell) => {
    let list = buckets.get(name);
    if (!list) buckets.set(name, (list = []));
    list.push(c);
  };
  // Every slice exists even when empty, so that each page's file is always there.
  for (const pt of PERIOD_TYPES) {
    buckets.set(`total-${pt}.json`, []);
    for (const d of DIMENSIONS) {
      buckets.set(`dim-${d}-${pt}.json`, []);
      buckets.set(`dimunits-${d}-${pt}.json`, []);
      buckets.set(`dimgroups-${d}-${pt}.json`, []);
    }
  }
  for (const pt of PERIOD_TYPES) buckets.set(`headline-${pt}.json`, []);
  for (const pt of PERIOD_TYPES) buckets.set(`headunits-${pt}.json`, []);
  for (const pt of PERIOD_TYPES) buckets.set(`headgroups-${pt}.json`, []);
  for (const pt of PERIOD_TYPES) {
    for (const u of units) buckets.set(`unit-${u.slug}-${pt}.json`, []);
    for (const i of catalogue.indicators) buckets.set(`indunits-${i.id}-${pt}.json`, []);
  }
  const slugOf = new Map(units.map((u) => [u.unit_id, u.slug]));

  for (const c of cells) {
    const dim = dimensionOf.get(c.indicator_id);
    const total = c.breakdown_value === "ALL";
    if (c.unit_id === "ALL") {
      if (total) {
        add(`total-${c.period_type}.json`, c);
        if (dim) add(`indunits-${c.indicator_id}-${c.period_type}.json`, c);
        if (headline.has(c.indicator_id)) add(`headline-${c.period_type}.json`, c);
        if (headline.has(c.indicator_id)) add(`headgroups-${c.period_type}.json`, c);
      }
      if (dim) add(`dim-${dim}-${c.period_type}.json`, c);
    } else if (isGroupUnitId(c.unit_id)) {
      // An area's or operating model's figures: only where the page's controls show them, not among the units.
      if (total && dim) add(`dimgroups-${dim}-${c.period_type}.json`, c);
      if (total && dim) add(`indunits-${c.indicator_id}-${c.period_type}.json`, c);
      if (total && headline.has(c.indicator_id)) add(`headgroups-${c.period_type}.json`, c);
    } else {
      if (total && dim) add(`dimunits-${dim}-${c.period_type}.json`, c);
      if (total && dim) add(`indunits-${c.indicator_id}-${c.period_type}.json`, c);
      if (total && headline.has(c.indicator_id)) add(`headunits-${c.period_type}.json`, c);
      const slug = slugOf.get(c.unit_id);
      if (slug) add(`unit-${slug}-${c.period_type}.json`, c);
    }
  }

  const out = new Map<string, string>();
  // The guardrail and the units table read only values and statuses: without the counts the pages stay light.
  const valuesOnly = (name: string) => name.startsWith("headunits-") || name.startsWith("headgroups-");
  for (const [name, list] of buckets) out.set(name, JSON.stringify(encodeSlice(list, valuesOnly(name) ? { omit: ["numerator", "denominator"], statuses } : { statuses })));
  const context: ContextJson = { manifest: meta.manifest, periodTypes: PERIOD_TYPES, units, baselines: table.baselines };
  out.set("context.json", JSON.stringify(context));
  const slim = slimProgramme(programme, meta.manifest.source);
  out.set("programme.json", JSON.stringify(slim));
  out.set("names.json", JSON.stringify(Object.fromEntries(["dimensions", "benefitGoals", "developmentAreas", "operatingModels", "areas"].map((k) => [k, slim[k]]))));
  out.set("indicators.json", JSON.stringify(liteCatalogue(catalogue)));
  return out;
}

/**
 * What the statuses are computed from besides the cells: the catalogue's
 * settings, the programme's measures and recorded recalculations, and the
 * extract's manifest source (a recalculation recorded for one extract applies
 * only to it).
 */
export function statusContext(catalogue: Catalogue, programme: { measures?: unknown; recalculations?: unknown }, extractSource?: string | null): StatusContext {
  return {
    catalogue: catalogue as unknown as StatusContext["catalogue"],
    programme: {
      measures: (programme.measures ?? []) as StatusContext["programme"]["measures"],
      recalculations: (programme.recalculations ?? []) as StatusContext["programme"]["recalculations"],
    },
    extractSource,
  };
}

/** Reads the page data folder (written by ensurePageData) and the programme model (its file, or the model itself), and slices. */
export function pageSlicesFromFolder(pageDataDir: string, catalogue: Catalogue, programmePath: string | Programme): Map<string, string> {
  const programme = typeof programmePath === "string" ? (JSON.parse(readFileSync(programmePath, "utf8")) as Programme) : programmePath;
  return pageSlices({ ...readSliceFolder(pageDataDir), catalogue, programme });
}

/** The published cells and page metadata of a page data folder (written by ensurePageData). */
export function readSliceFolder(pageDataDir: string): { cells: PublishedCell[]; meta: PageMeta } {
  return {
    cells: cellsFromArrow(new Uint8Array(readFileSync(join(pageDataDir, "indicators.arrow")))),
    meta: JSON.parse(readFileSync(join(pageDataDir, "meta.json"), "utf8")) as PageMeta,
  };
}
