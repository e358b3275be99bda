// The units table (units index): groups by area and operating model, sorting
// by any column within the groups (aria-sort on the sorted column, withheld
// and missing last), the one withheld mark, and each cell's comparison with
// the city and goal as a symbol with words for a screen reader; the first rows
// for the whole city, the areas and the operating models, unsorted and in the
// CSV. Rendered in jsdom; the expected orders are worked out by hand.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import "../src/lib/i18n/all.ts"; // every language registered, as the browser registers its one
import {
  groupUnits, sortUnits, summaryLabel, unitsCsvTable, unitsSummaries, unitsTable, UNIT_COLUMN, type SortState, type UnitsTableCell, type UnitsTableSummary, type UnitsTableUnit,
} from "../src/components/tables/units-table.ts";
import { csvText, tableData } from "../src/lib/tables/download-files.ts";
import { dsvFormat } from "d3-dsv";
import { NOT_COMPARED, type CellStatus } from "../src/lib/analysis/statuses.ts";
import type { Outcome } from "../src/lib/stats/compare.ts";

const { document } = new JSDOM("<!doctype html><body></body>").window;
const N = "\u202F";

const unit = (id: string, name: string, area: string, model: string): UnitsTableUnit => ({
  id, name, href: `./${id}.html?pt=quarter&p=2023Q1`, area, areaName: area === "ITA" ? "Itäinen" : "Keskinen",
  operatingModel: model, operatingModelName: model === "THK" ? "Terveys- ja hyvinvointikeskus" : "Perhekeskus",
});
const units = [
  unit("U1", "Vuosaari", "ITA", "THK"),
  unit("U2", "Herttoniemi", "ITA", "THK"),
  unit("U3", "Kallio", "KESKI", "THK"),
  unit("U4", "Itäkeskus", "ITA", "PERHE"),
  unit("U5", "Malmi", "ITA", "THK"),
];
const indicators = [
  { id: "X", name: "Ensikontakti", measure: "share", direction: "higher" as const, targets: [{ op: ">=" as const, value: 0.75, from: null, to: null }] },
  { id: "Y", name: "NPS", measure: "nps", targets: [] },
];
const status = (vsCity: Outcome, verdict: CellStatus["verdict"] = "stable"): CellStatus => ({ ...NOT_COMPARED, vsCity, verdict, spc: verdict === "worsening" ? "concern-low" : "common-cause" });
const c = (unitId: string, indicator: string, value: number | null, st: CellStatus | null = null): UnitsTableCell => ({
  indicator_id: indicator, period_type: "quarter", period: "2023Q1", unit_id: unitId, breakdown: "ALL", breakdown_value: "ALL",
  numerator: null, denominator: null, value, suppressed: value === null, status: st,
});
const cells = new Map<string, UnitsTableCell>([
  ["U1|X", c("U1", "X", 0.8, status("better"))],
  ["U1|Y", c("U1", "Y", 10, status("similar", "worsening"))],
  ["U2|X", c("U2", "X", null, NOT_COMPARED)], // withheld
  ["U2|Y", c("U2", "Y", 30, status("similar"))],
  ["U3|X", c("U3", "X", 0.7, status("worse"))],
  ["U4|X", c("U4", "X", 0.9, status("similar"))],
  ["U5|X", c("U5", "X", 0.6, status("worse"))],
  // U4|Y, U3|Y, U5|Y never written: missing.
]);
const render = (o: { sort?: SortState; onSort?: (s: SortState) => void } = {}) =>
  unitsTable({ units, indicators, cell: (u, i) => cells.get(`${u}|${i}`), period: "2023Q1", lang: "fi", document, ...o });
const order = (block: HTMLElement) => [...block.querySelectorAll("tbody")].map((tb) => [...tb.querySelectorAll<HTMLElement>("tr[data-unit]")].map((r) => r.dataset.unit));
const sortOf = (block: HTMLElement) => [...block.querySelectorAll("thead th")].map((th) => th.getAttribute("aria-sort"));
const click = (block: HTMLElement, column: string) => block.querySelector<HTMLButtonElement>(`button[data-sort-column="${column}"]`)!.click();

test("groups by area, then operating model, in name order", () => {
  assert.deepEqual(groupUnits(units).map((g) => [g.label, g.units.map((u) => u.id)]), [
    ["Itäinen · Perhekeskus", ["U4"]],
    ["Itäinen · Terveys- ja hyvinvointikeskus", ["U1", "U2", "U5"]],
    ["Keskinen · Terveys- ja hyvinvointikeskus", ["U3"]],
  ]);
});

test("sortUnits: by name either way; by value with the units without a published value last either way", () => {
  const group = units.filter((u) => u.area === "ITA" && u.operatingModel === "THK");
  const x = (id: string) => { const cell = cells.get(`${id}|X`); return cell && !cell.suppressed ? cell.value : null; };
  assert.deepEqual(sortUnits(group, { column: UNIT_COLUMN, direction: "ascending" }, () => null).map((u) => u.name), ["Herttoniemi", "Malmi", "Vuosaari"]);
  assert.deepEqual(sortUnits(group, { column: UNIT_COLUMN, direction: "descending" }, () => null).map((u) => u.name), ["Vuosaari", "Malmi", "Herttoniemi"]);
  assert.deepEqual(sortUnits(group, { column: "X", direction: "ascending" }, (u) => x(u)).map((u) => u.id), ["U5", "U1", "U2"]);
  assert.deepEqual(sortUnits(group, { column: "X", direction: "descending" }, (u) => x(u)).map((u) => u.id), ["U1", "U5", "U2"]);
});

test("the table: a row per unit in its group, header buttons sort within the groups and set aria-sort", () => {
  const sorts: SortState[] = [];
  const block = render({ onSort: (s) => sorts.push(s) });
  const table = block.querySelector("table")!;
  assert.equal(table.caption!.textContent, "Yksiköt ja pääindikaattorit, Q1/2023");
  assert.equal(block.querySelectorAll("tr[data-unit]").length, 5, "a row per unit");
  assert.deepEqual([...block.querySelectorAll(".group-row th")].map((th) => [th.textContent, th.getAttribute("scope"), (th as HTMLTableCellElement).colSpan]), [
    ["Itäinen · Perhekeskus (1)", "rowgroup", 3], ["Itäinen · Terveys- ja hyvinvointikeskus (3)", "rowgroup", 3], ["Keskinen · Terveys- ja hyvinvointikeskus (1)", "rowgroup", 3],
  ]);
  // By name at first.
  assert.deepEqual(order(block), [["U4"], ["U2", "U5", "U1"], ["U3"]]);
  assert.deepEqual(sortOf(block), ["ascending", null, null]);
  // Every header is a button: reachable and pressed by keyboard like any button.
  assert.deepEqual([...block.querySelectorAll("thead th")].map((th) => th.querySelector("button")?.type), ["button", "button", "button"]);
  click(block, "X");
  assert.deepEqual(order(block), [["U4"], ["U5", "U1", "U2"], ["U3"]], "by value, the withheld U2 last");
  assert.deepEqual(sortOf(block), [null, "ascending", null]);
  click(block, "X");
  assert.deepEqual(order(block), [["U4"], ["U1", "U5", "U2"], ["U3"]], "descending, the withheld U2 still last");
  assert.deepEqual(sortOf(block), [null, "descending", null]);
  click(block, "unit");
  assert.deepEqual(order(block), [["U4"], ["U2", "U5", "U1"], ["U3"]]);
  assert.deepEqual(sorts, [{ column: "X", direction: "ascending" }, { column: "X", direction: "descending" }, { column: "unit", direction: "ascending" }]);
  // A sort given from the address.
  assert.deepEqual(order(render({ sort: { column: UNIT_COLUMN, direction: "descending" } })), [["U4"], ["U1", "U5", "U2"], ["U3"]]);
});

test("cells: the value, '..' for a withheld one with its legend, the comparison with the city and the goal in symbols and words", () => {
  const block = render();
  const td = (u: string, i: string) => block.querySelector<HTMLElement>(`tr[data-unit="${u}"]`)!.querySelectorAll<HTMLElement>("td")[indicators.findIndex((x) => x.id === i)];
  const shown = (el: Element) => { const copy = el.cloneNode(true) as HTMLElement; copy.querySelectorAll(".visually-hidden").forEach((n) => n.remove()); return copy.textContent; };
  const spoken = (el: Element) => [...el.querySelectorAll(".visually-hidden")].map((n) => n.textContent);

  // U1, X: 80,0 %, better than the city, target ≥ 75 % met.
  assert.equal(shown(td("U1", "X")), `80,0${N}% ▲ ✓`);
  assert.deepEqual(spoken(td("U1", "X")), ["Koko kaupunkiin verrattuna: parempi", "Tavoite: saavutettu"]);
  assert.deepEqual([td("U1", "X").dataset.vsCity, td("U1", "X").dataset.goalMet, td("U1", "X").dataset.goalKind], ["better", "true", "target"]);
  // U1, Y: no numeric target, a worsening verdict: the rule "no significant worsening" is missed.
  assert.equal(shown(td("U1", "Y")), "10 ● ✗");
  assert.deepEqual([td("U1", "Y").dataset.goalMet, td("U1", "Y").dataset.goalKind], ["false", "no-worsening"]);
  assert.deepEqual(spoken(td("U1", "Y")), ["Koko kaupunkiin verrattuna: samaa tasoa", "Tavoite: ei saavutettu"]);
  // U3, X: worse than the city, target missed.
  assert.equal(shown(td("U3", "X")), `70,0${N}% ▼ ✗`);
  // U2, X: withheld — the one mark "..", read out in words, neither compared nor judged.
  const withheld = td("U2", "X");
  assert.equal(shown(withheld), "..");
  assert.ok(!/< ?5/.test(withheld.textContent!), "never '< 5'");
  assert.deepEqual(spoken(withheld), ["piilotettu tietosuojan vuoksi"]);
  assert.deepEqual([withheld.dataset.vsCity, withheld.dataset.goalMet], ["not-compared", "unknown"]);
  assert.equal(withheld.querySelector<HTMLElement>("[data-state]")!.dataset.state, "suppressed");
  assert.match(block.querySelector("tfoot")!.textContent!, /^\.\. Piilotettu tietosuojan vuoksi/, "the table's legend names the mark");
  // U4, Y: never written.
  assert.equal(shown(td("U4", "Y")), "ei tietoa");
  // Each unit links to its page, the address given.
  const link = block.querySelector<HTMLAnchorElement>('a[data-unit-link="U1"]')!;
  assert.equal(link.getAttribute("href"), "./U1.html?pt=quarter&p=2023Q1");
  assert.equal(link.closest("th")!.getAttribute("scope"), "row");
});

test("no withheld cell, no legend; Swedish words", () => {
  const block = unitsTable({ units: [units[0]], indicators, cell: (u, i) => cells.get(`${u}|${i}`), period: "2023Q1", lang: "sv", document });
  assert.equal(block.querySelector("tfoot"), null);
  assert.equal(block.querySelector("caption")!.textContent, "Enheterna och huvudindikatorerna, Q1/2023");
  assert.deepEqual([...block.querySelectorAll("td")[0].querySelectorAll(".visually-hidden")].map((n) => n.textContent), ["Jämfört med hela staden: bättre", "Mål: uppnått"]);
});

// The whole city's, the areas' and the operating models' own rows (unit_id ALL, area:…, model:…).
const summaryCells = new Map<string, UnitsTableCell>([
  // The city: its status says "similar" only to show that the city's own row never compares itself with the city.
  ["ALL|X", c("ALL", "X", 0.76, status("similar"))],
  ["ALL|Y", c("ALL", "Y", 20, status("not-compared"))],
  ["area:ITA|X", c("area:ITA", "X", 0.72, status("worse"))],
  ["area:ITA|Y", c("area:ITA", "Y", null, NOT_COMPARED)], // withheld
  ["area:KESKI|X", c("area:KESKI", "X", null, NOT_COMPARED)], // withheld; area:KESKI|Y never written
  ["model:PERHE|X", c("model:PERHE", "X", 0.9, status("better"))],
  ["model:THK|X", c("model:THK", "X", 0.7, status("similar"))],
]);
const allCells = new Map([...cells, ...summaryCells]);

test("unitsSummaries: the city, then the shown units' areas, then their operating models, each in name order", () => {
  const ids = (list: UnitsTableSummary[]) => list.map((s) => s.id);
  const all = unitsSummaries(units);
  assert.deepEqual(ids(all), ["ALL", "area:ITA", "area:KESKI", "model:PERHE", "model:THK"]);
  assert.deepEqual(all.map((s) => summaryLabel(s)), ["Koko kaupunki", "Alue: Itäinen", "Alue: Keskinen", "Toimintamalli: Perhekeskus", "Toimintamalli: Terveys- ja hyvinvointikeskus"]);
  assert.deepEqual(all.map((s) => s.kind), ["city", "area", "area", "model", "model"]);
  // An area chosen: the city, that area, and the models of its units.
  assert.deepEqual(ids(unitsSummaries(units.filter((u) => u.area === "KESKI"))), ["ALL", "area:KESKI", "model:THK"]);
  assert.deepEqual(ids(unitsSummaries(units.filter((u) => u.area === "ITA"))), ["ALL", "area:ITA", "model:PERHE", "model:THK"]);
  // An operating model chosen: the city, the areas of its units, that model.
  assert.deepEqual(ids(unitsSummaries(units.filter((u) => u.operatingModel === "PERHE"))), ["ALL", "area:ITA", "model:PERHE"]);
  assert.deepEqual(ids(unitsSummaries([])), ["ALL"]);
  assert.equal(summaryLabel(unitsSummaries([], "sv")[0], "sv"), "Hela staden");
});

test("summary rows: a first row group — city, areas, models — never sorted, unlinked, '..' when withheld, no comparison for the city itself", () => {
  // Given out of order: the table puts them in order.
  const summaries = [...unitsSummaries(units)].reverse();
  const block = unitsTable({ units, indicators, summaries, cell: (u, i) => allCells.get(`${u}|${i}`), period: "2023Q1", lang: "fi", document });
  const bodies = [...block.querySelectorAll("tbody")];
  assert.equal(bodies.length, 4, "the summaries' group and the three units' groups");
  assert.equal(bodies[0].dataset.group, "summaries");
  const head = bodies[0].querySelector(".group-row th") as HTMLTableCellElement;
  assert.deepEqual([head.textContent, head.getAttribute("scope"), head.colSpan], ["Kaupunki, alueet ja toimintamallit", "rowgroup", 3]);
  const summaryOrder = () => [...block.querySelectorAll<HTMLElement>("tbody")[0].querySelectorAll<HTMLElement>("tr[data-summary]")].map((r) => r.dataset.summary);
  assert.deepEqual(summaryOrder(), ["ALL", "area:ITA", "area:KESKI", "model:PERHE", "model:THK"]);
  assert.deepEqual([...bodies[0].querySelectorAll("tr[data-summary] th")].map((th) => [th.textContent, th.getAttribute("scope")]), [
    ["Koko kaupunki", "row"], ["Alue: Itäinen", "row"], ["Alue: Keskinen", "row"], ["Toimintamalli: Perhekeskus", "row"], ["Toimintamalli: Terveys- ja hyvinvointikeskus", "row"],
  ]);
  assert.equal(bodies[0].querySelectorAll("a").length, 0, "no links");
  assert.equal(bodies[0].querySelectorAll("tr[data-unit]").length, 0, "not counted as units");
  assert.equal(block.querySelectorAll("tr[data-unit]").length, 5);
  assert.deepEqual(order(block), [[], ["U4"], ["U2", "U5", "U1"], ["U3"]]);

  const shown = (el: Element) => { const copy = el.cloneNode(true) as HTMLElement; copy.querySelectorAll(".visually-hidden").forEach((n) => n.remove()); return copy.textContent; };
  const texts = (id: string) => [...block.querySelector(`tr[data-summary="${id}"]`)!.querySelectorAll("td")].map(shown);
  assert.deepEqual(texts("ALL"), [`76,0${N}% ✓`, "20 ✓"], "the city: no mark against itself; target met, and no worsening");
  assert.deepEqual(texts("area:ITA"), [`72,0${N}% ▼ ✗`, ".."]);
  assert.deepEqual(texts("area:KESKI"), ["..", "ei tietoa"]);
  assert.deepEqual(texts("model:PERHE"), [`90,0${N}% ▲ ✓`, "ei tietoa"]);
  assert.deepEqual(texts("model:THK"), [`70,0${N}% ● ✗`, "ei tietoa"]);
  const city = block.querySelector<HTMLElement>('tr[data-summary="ALL"] td')!;
  assert.deepEqual([city.dataset.vsCity, city.dataset.goalMet, city.querySelector(".vs-city")], ["not-compared", "true", null]);
  const withheld = block.querySelectorAll<HTMLElement>('tr[data-summary="area:ITA"] td')[1];
  assert.deepEqual([withheld.querySelector<HTMLElement>("[data-state]")!.dataset.state, withheld.querySelector<HTMLElement>("[data-unit]")!.dataset.unit], ["suppressed", "area:ITA"]);
  assert.deepEqual([...withheld.querySelectorAll(".visually-hidden")].map((n) => n.textContent), ["piilotettu tietosuojan vuoksi"]);
  assert.equal(block.querySelector<HTMLElement>('tr[data-summary="ALL"] [data-unit]')!.dataset.unit, "ALL");
  assert.match(block.querySelector("tfoot")!.textContent!, /^\.\. Piilotettu tietosuojan vuoksi/);
  assert.match(block.querySelector(".units-table-note")!.textContent!, /Ensimmäiset rivit ovat koko kaupungin/);

  // Sorting moves the units within their groups, never the summary rows.
  click(block, "X");
  click(block, "X");
  assert.deepEqual(summaryOrder(), ["ALL", "area:ITA", "area:KESKI", "model:PERHE", "model:THK"]);
  assert.deepEqual(order(block), [[], ["U4"], ["U1", "U5", "U2"], ["U3"]]);
  assert.equal(block.querySelector("tbody")!.dataset.group, "summaries", "still first");
});

test("without summaries, no summary rows and the note as before", () => {
  const block = render();
  assert.equal(block.querySelector("tr[data-summary]"), null);
  assert.equal(block.querySelectorAll("tbody").length, 3);
  assert.doesNotMatch(block.querySelector(".units-table-note")!.textContent!, /Ensimmäiset rivit/);
});

test("the CSV: the summary rows first, area and operating model telling which each is, then the units", () => {
  const o = { units, indicators, summaries: unitsSummaries(units), cell: (u: string, i: string) => allCells.get(`${u}|${i}`), period: "2023Q1", lang: "fi" as const, document };
  const table = unitsCsvTable(o, { groups: groupUnits(units), cell: o.cell }, document);
  const info = { title: "Yksiköt ja pääindikaattorit, Q1/2023", source: "Apotti", extracted: "2026-11-30T08:05:00Z", lang: "fi" as const };
  const rows = dsvFormat(";").parseRows(csvText(tableData(table), info).slice(1).trimEnd()).slice(4);
  assert.deepEqual(rows[0].slice(0, 6), ["Alue", "Toimintamalli", "Yksikkö", "Ensikontakti (%)", "Ensikontakti: Koko kaupunkiin verrattuna", "Ensikontakti: Tavoite"]);
  assert.deepEqual(rows.slice(1, 6), [
    ["Kaikki alueet", "Kaikki toimintamallit", "Koko kaupunki", "76,0", "ei verrattavissa", "saavutettu", "20", "ei verrattavissa", "saavutettu"],
    ["Itäinen", "Kaikki toimintamallit", "Alue: Itäinen", "72,0", "huonompi", "ei saavutettu", "..", "ei verrattavissa", "–"],
    ["Keskinen", "Kaikki toimintamallit", "Alue: Keskinen", "..", "ei verrattavissa", "–", "ei tietoa", "ei verrattavissa", "–"],
    ["Kaikki alueet", "Perhekeskus", "Toimintamalli: Perhekeskus", "90,0", "parempi", "saavutettu", "ei tietoa", "ei verrattavissa", "–"],
    ["Kaikki alueet", "Terveys- ja hyvinvointikeskus", "Toimintamalli: Terveys- ja hyvinvointikeskus", "70,0", "samaa tasoa", "ei saavutettu", "ei tietoa", "ei verrattavissa", "–"],
  ]);
  // The units in the order given (here groupUnits', unsorted within the groups), after the summary rows.
  assert.deepEqual(rows.slice(6, 11).map((r) => r[2]), ["Itäkeskus", "Vuosaari", "Herttoniemi", "Malmi", "Kallio"], "then the units");
  assert.equal(rows.length, 13, "then a blank line and the withheld mark's legend");
  assert.match(rows[12][0], /^\.\. Piilotettu tietosuojan vuoksi/);
});
