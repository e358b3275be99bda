// Units at a glance: one table of units × headline indicators at a period,
// the units grouped by area and operating model. Each cell shows the
// published value (cellValue: ".." for a withheld one), the unit against the
// whole city (the cell's status, lib/analysis/statuses.ts — the comparison the unit
// pages show) and whether the goal is met (lib/analysis/goals.ts), each as a symbol
// with its words for a screen reader. A button in every column header sorts
// the units within each group (aria-sort on the sorted column); withheld and
// missing figures always sort last. With the extract's manifest, "Lataa: CSV"
// below gives the table as shown, in its order: per indicator its value, the
// comparison and the goal in words. With `summaries`, a first row group
// gives the whole city's, the areas' and the operating models' own figures
// (unit_id ALL, area:…, model:…: pooled over their units, withheld like every
// cell), not sorted with the units and in the CSV too. Pure: everything comes
// in as data.
import { scrollBox } from "../../lib/tables/a11y.js";
import { appendTableLegend } from "../../lib/tables/chart-tables.js";
import type { PublishedCell } from "../../lib/cell.js";
import { formatPeriod, type Lang } from "../../lib/format.js";
import { type Goal, goalOf } from "../../lib/analysis/goals.js";
import { t } from "../../lib/i18n.js";
import type { CellStatus } from "../../lib/analysis/statuses.js";
import type { TargetLike } from "../../lib/analysis/targets.js";
import { TARGET_SYMBOL } from "../charts/chart-common.js";
import { cellState, cellValue } from "./cell-value.js";
import { downloads, type DownloadSource } from "../site/downloads.js";
import { OUTCOME_KEY, outcomeSymbol } from "../programme/status.js";
import { textRow } from "./tables.js";

export type UnitsTableCell = PublishedCell & { status?: CellStatus | null };

export interface UnitsTableUnit {
  id: string;
  name: string;
  /** The unit's page. */
  href: string;
  area: string;
  areaName: string;
  operatingModel: string;
  operatingModelName: string;
  /** Shown small beside the name (e.g. the service area). */
  detail?: string;
}

export interface UnitsTableIndicator {
  id: string;
  name: string;
  /** Catalogue unit of measure: share, days, nps, … */
  measure: string;
  /** Polarity (catalogue `direction`): whether better against the city is ▲ (higher) or ▼ (lower). */
  direction?: "higher" | "lower" | null;
  targets: readonly TargetLike[];
}

/** A summary row: the whole city, an area or an operating model. */
export type UnitsTableSummaryKind = "city" | "area" | "model";
export interface UnitsTableSummary {
  /** Its unit_id in the indicator table: ALL, area:<area> or model:<operating model>. */
  id: string;
  kind: UnitsTableSummaryKind;
  /** The city's ("Koko kaupunki"), the area's or the operating model's name. */
  name: string;
}
/** data-group of the summary rows' tbody. */
export const SUMMARY_GROUP = "summaries";

export type SortDirection = "ascending" | "descending";
/** The sorted column: UNIT_COLUMN (by name) or an indicator id (by value). */
export interface SortState {
  column: string;
  direction: SortDirection;
}
export const UNIT_COLUMN = "unit";

export interface UnitGroup {
  key: string;
  label: string;
  units: UnitsTableUnit[];
}

export interface UnitsTableOptions {
  units: readonly UnitsTableUnit[];
  indicators: readonly UnitsTableIndicator[];
  /** A unit's (or a summary row's: ALL, area:…, model:…) published cell of an indicator at the period (undefined when none was written). */
  cell: (unit: string, indicator: string) => UnitsTableCell | undefined;
  /** Rows for the whole city, areas and operating models, shown first in the order of orderSummaries. */
  summaries?: readonly UnitsTableSummary[];
  period: string;
  sort?: SortState;
  /** Told after every sort (e.g. to keep it in the address). */
  onSort?: (sort: SortState) => void;
  /** The extract's manifest: with it, the table's CSV download. */
  downloads?: DownloadSource;
  lang?: Lang;
  document?: Document;
}

const collatorOf = (lang: Lang) => new Intl.Collator(lang === "en" ? "en" : `${lang}-FI`);

/** Units grouped by area, then operating model, both in name order. */
export function groupUnits(units: readonly UnitsTableUnit[], lang: Lang = "fi"): UnitGroup[] {
  const collator = collatorOf(lang);
  const groups = new Map<string, UnitGroup & { areaName: string; modelName: string }>();
  for (const u of units) {
    const key = `${u.area}\u0000${u.operatingModel}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label: `${u.areaName} · ${u.operatingModelName}`, areaName: u.areaName, modelName: u.operatingModelName, units: [] }));
    g.units.push(u);
  }
  return [...groups.values()]
    .sort((a, b) => collator.compare(a.areaName, b.areaName) || collator.compare(a.modelName, b.modelName) || (a.key < b.key ? -1 : 1))
    .map(({ key, label, units }) => ({ key, label, units }));
}

/**
 * Units in the sort's order: by name, or by an indicator's value — units
 * without a published value (withheld or missing) last in either direction,
 * ties by name.
 */
export function sortUnits(units: readonly UnitsTableUnit[], sort: SortState, valueOf: (unit: string, column: string) => number | null, lang: Lang = "fi"): UnitsTableUnit[] {
  const collator = collatorOf(lang);
  const sign = sort.direction === "ascending" ? 1 : -1;
  const byName = (a: UnitsTableUnit, b: UnitsTableUnit) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort.column === UNIT_COLUMN) return [...units].sort((a, b) => sign * byName(a, b));
  return [...units].sort((a, b) => {
    const x = valueOf(a.id, sort.column);
    const y = valueOf(b.id, sort.column);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

const SUMMARY_KIND_ORDER: Record<UnitsTableSummaryKind, number> = { city: 0, area: 1, model: 2 };

/** Summary rows in the table's order: the whole city, then the areas, then the operating models, each in name order. */
export function orderSummaries(summaries: readonly UnitsTableSummary[], lang: Lang = "fi"): UnitsTableSummary[] {
  const collator = collatorOf(lang);
  return [...summaries].sort((a, b) => SUMMARY_KIND_ORDER[a.kind] - SUMMARY_KIND_ORDER[b.kind] || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The summary rows that go with the units shown: the whole city, the areas
 * of those units and their operating models (so a chosen area shows the city,
 * that area and the models of its units), in orderSummaries' order.
 */
export function unitsSummaries(units: readonly UnitsTableUnit[], lang: Lang = "fi"): UnitsTableSummary[] {
  const out = new Map<string, UnitsTableSummary>([["ALL", { id: "ALL", kind: "city", name: t(lang, "whole") }]]);
  for (const u of units) if (!out.has(`area:${u.area}`)) out.set(`area:${u.area}`, { id: `area:${u.area}`, kind: "area", name: u.areaName });
  for (const u of units) if (!out.has(`model:${u.operatingModel}`)) out.set(`model:${u.operatingModel}`, { id: `model:${u.operatingModel}`, kind: "model", name: u.operatingModelName });
  return orderSummaries([...out.values()], lang);
}

/** A summary row's header as shown (and in the CSV): "Koko kaupunki", "Alue: Itä", "Toimintamalli: Perhekeskus". */
export function summaryLabel(s: UnitsTableSummary, lang: Lang = "fi"): string {
  return s.kind === "city" ? s.name : `${t(lang, s.kind === "area" ? "area" : "operatingModel")}: ${s.name}`;
}

const valueOfCell = (c: UnitsTableCell | undefined): number | null => (cellState(c) === "value" ? c!.value : null);

/** A symbol shown, its words for a screen reader (and as a tooltip). */
function mark(doc: Document, className: string, symbol: string, words: string): HTMLElement {
  const span = doc.createElement("span");
  span.className = className;
  span.title = words;
  const shown = doc.createElement("span");
  shown.setAttribute("aria-hidden", "true");
  shown.textContent = symbol;
  const spoken = doc.createElement("span");
  spoken.className = "visually-hidden";
  spoken.textContent = words;
  span.append(shown, spoken);
  return span;
}

/** A figure cell; `vsCityMark` false for the whole city's own row (nothing to compare with). */
function figureCell(doc: Document, unitId: string, indicator: UnitsTableIndicator, cell: UnitsTableCell | undefined, period: string, lang: Lang, vsCityMark = true): HTMLTableCellElement {
  const td = doc.createElement("td");
  td.className = "num units-table-figure";
  td.append(cellValue(cell, { indicator: indicator.id, period, unit: unitId, measure: indicator.measure, lang, document: doc }));
  const vsCity = vsCityMark ? cell?.status?.vsCity ?? "not-compared" : "not-compared";
  td.dataset.vsCity = vsCity;
  if (vsCity !== "not-compared") {
    td.append(" ", mark(doc, `vs-city vs-city-${vsCity}`, outcomeSymbol(vsCity, indicator.direction), `${t(lang, "vsCity")}: ${t(lang, OUTCOME_KEY[vsCity])}`));
  }
  const goal: Goal = goalOf(indicator.targets, cell, period);
  td.dataset.goalMet = goal.met === null ? "unknown" : String(goal.met);
  td.dataset.goalKind = goal.kind;
  if (goal.met !== null) {
    td.append(" ", mark(doc, `goal goal-${goal.met ? "met" : "not-met"}`, goal.met ? TARGET_SYMBOL.met : TARGET_SYMBOL.notMet, `${t(lang, "target")}: ${t(lang, goal.met ? "targetMet" : "targetNotMet")}`));
  }
  return td;
}

/** The table (in a box that scrolls sideways on a narrow screen) and the note on what its symbols mean. */
export function unitsTable(o: UnitsTableOptions): HTMLElement {
  const doc = o.document ?? document;
  const lang = o.lang ?? "fi";
  let sort: SortState = o.sort ?? { column: UNIT_COLUMN, direction: "ascending" };
  const table = doc.createElement("table");
  table.className = "figure-table units-table";
  const caption = doc.createElement("caption");
  caption.textContent = t(lang, "unitsTableCaption", { period: formatPeriod(o.period, lang) });
  table.append(caption);

  // Header: one sort button per column.
  const columns = [{ id: UNIT_COLUMN, label: t(lang, "unit"), numeric: false }, ...o.indicators.map((i) => ({ id: i.id, label: i.name, numeric: true }))];
  const thead = doc.createElement("thead");
  const headRow = doc.createElement("tr");
  const heads = new Map<string, { th: HTMLTableCellElement; icon: HTMLElement }>();
  for (const c of columns) {
    const th = doc.createElement("th");
    th.scope = "col";
    if (c.numeric) th.className = "num";
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.dataset.sortColumn = c.id;
    const icon = doc.createElement("span");
    icon.className = "sort-icon";
    icon.setAttribute("aria-hidden", "true");
    button.append(c.label, " ", icon);
    button.addEventListener("click", () => {
      sort = { column: c.id, direction: sort.column === c.id && sort.direction === "ascending" ? "descending" : "ascending" };
      render();
      o.onSort?.(sort);
    });
    th.append(button);
    headRow.append(th);
    heads.set(c.id, { th, icon });
  }
  thead.append(headRow);
  table.append(thead);

  // Body: a row group per area and operating model; the rows are made once and reordered on sort.
  const cells = new Map<string, UnitsTableCell | undefined>();
  const cellOf = (unit: string, indicator: string) => {
    const k = `${unit}\u0000${indicator}`;
    if (!cells.has(k)) cells.set(k, o.cell(unit, indicator));
    return cells.get(k);
  };
  const rows = new Map<string, HTMLTableRowElement>();
  let withheld = false;
  for (const u of o.units) {
    const tr = doc.createElement("tr");
    tr.dataset.unit = u.id;
    const th = doc.createElement("th");
    th.scope = "row";
    const a = doc.createElement("a");
    a.href = u.href;
    a.dataset.unitLink = u.id;
    a.textContent = u.name;
    th.append(a);
    if (u.detail) {
      const detail = doc.createElement("span");
      detail.className = "muted small unit-detail";
      detail.textContent = ` ${u.detail}`;
      th.append(detail);
    }
    tr.append(th);
    for (const i of o.indicators) {
      const c = cellOf(u.id, i.id);
      if (c?.suppressed) withheld = true;
      tr.append(figureCell(doc, u.id, i, c, o.period, lang));
    }
    rows.set(u.id, tr);
  }
  // The whole city, the areas and the operating models first, in their own row group, never sorted.
  const summaries = orderSummaries(o.summaries ?? [], lang);
  if (summaries.length) {
    const tbody = doc.createElement("tbody");
    tbody.dataset.group = SUMMARY_GROUP;
    tbody.className = "units-table-summaries";
    const head = doc.createElement("tr");
    head.className = "group-row";
    const headTh = doc.createElement("th");
    headTh.scope = "rowgroup";
    headTh.colSpan = columns.length;
    headTh.textContent = t(lang, "unitsSummaryGroup");
    head.append(headTh);
    tbody.append(head);
    for (const s of summaries) {
      const tr = doc.createElement("tr");
      tr.className = `summary-row summary-${s.kind}`;
      tr.dataset.summary = s.id;
      tr.dataset.summaryKind = s.kind;
      const th = doc.createElement("th");
      th.scope = "row";
      th.textContent = summaryLabel(s, lang);
      tr.append(th);
      for (const i of o.indicators) {
        const c = cellOf(s.id, i.id);
        if (c?.suppressed) withheld = true;
        tr.append(figureCell(doc, s.id, i, c, o.period, lang, s.kind !== "city"));
      }
      tbody.append(tr);
    }
    table.append(tbody);
  }
  const groups = groupUnits(o.units, lang).map((g) => {
    const tbody = doc.createElement("tbody");
    tbody.dataset.group = g.key;
    const tr = doc.createElement("tr");
    tr.className = "group-row";
    const th = doc.createElement("th");
    th.scope = "rowgroup";
    th.colSpan = columns.length;
    th.textContent = `${g.label} (${g.units.length})`;
    tr.append(th);
    tbody.append(tr);
    table.append(tbody);
    return { group: g, tbody };
  });
  if (withheld) appendTableLegend(table, lang, doc);

  function render() {
    table.dataset.sortColumn = sort.column;
    table.dataset.sortDirection = sort.direction;
    for (const [id, { th, icon }] of heads) {
      if (id === sort.column) th.setAttribute("aria-sort", sort.direction);
      else th.removeAttribute("aria-sort");
      icon.textContent = id === sort.column ? (sort.direction === "ascending" ? "▲" : "▼") : "↕";
    }
    for (const { group, tbody } of groups) {
      for (const u of sortUnits(group.units, sort, (unit, column) => valueOfCell(cellOf(unit, column)), lang)) tbody.append(rows.get(u.id)!);
    }
  }
  render();

  const block = doc.createElement("div");
  block.className = "units-table-block";
  block.append(scrollBox(table, caption.textContent ?? "", doc));
  if (o.downloads) {
    const shown = () => ({ groups: groups.map(({ group }) => ({ ...group, units: sortUnits(group.units, sort, (unit, column) => valueOfCell(cellOf(unit, column)), lang) })), cell: cellOf });
    block.append(downloads({ title: caption.textContent ?? "", table: () => unitsCsvTable(o, shown(), doc), manifest: o.downloads, lang, document: doc }));
  }
  const note = doc.createElement("p");
  note.className = "muted small units-table-note";
  note.textContent = summaries.length ? `${t(lang, "unitsTableNote")} ${t(lang, "unitsSummaryNote")}` : t(lang, "unitsTableNote");
  block.append(note);
  return block;
}

/**
 * The table behind the CSV: first the summary rows (the whole city: every
 * area and operating model; an area: its name and every operating model; an
 * operating model: every area and its name; their label as shown in the unit
 * column), then a row per unit in the order shown, with its area and
 * operating model; per indicator its figure as shown (".." when withheld),
 * the comparison with the city and the goal, in words.
 */
export function unitsCsvTable(o: UnitsTableOptions, shown: { groups: UnitGroup[]; cell: (unit: string, indicator: string) => UnitsTableCell | undefined }, doc: Document = document): HTMLTableElement {
  const lang = o.lang ?? "fi";
  const table = doc.createElement("table");
  const row = (tag: "th" | "td", texts: string[]) => textRow(doc, tag, texts);
  const thead = doc.createElement("thead");
  thead.append(row("th", [t(lang, "area"), t(lang, "operatingModel"), t(lang, "unit"), ...o.indicators.flatMap((i) => [i.name, `${i.name}: ${t(lang, "vsCity")}`, `${i.name}: ${t(lang, "target")}`])]));
  const tbody = doc.createElement("tbody");
  const figures = (id: string, vsCityMark: boolean) => o.indicators.flatMap((i) => {
    const cell = shown.cell(id, i.id);
    const figure = cellValue(cell, { indicator: i.id, period: o.period, unit: id, measure: i.measure, lang, document: doc }).dataset.text ?? "";
    const goal = goalOf(i.targets, cell, o.period).met;
    return [figure, t(lang, OUTCOME_KEY[(vsCityMark ? cell?.status?.vsCity : null) ?? "not-compared"]), goal === null ? "–" : t(lang, goal ? "targetMet" : "targetNotMet")];
  });
  for (const s of orderSummaries(o.summaries ?? [], lang)) {
    const area = s.kind === "area" ? s.name : t(lang, "allAreas");
    const model = s.kind === "model" ? s.name : t(lang, "allOperatingModels");
    tbody.append(row("td", [area, model, summaryLabel(s, lang), ...figures(s.id, s.kind !== "city")]));
  }
  for (const g of shown.groups) {
    for (const u of g.units) tbody.append(row("td", [u.areaName, u.operatingModelName, u.name, ...figures(u.id, true)]));
  }
  table.append(thead, tbody);
  return table;
}
