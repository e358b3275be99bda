// The units table (units index): groups by area and operating model, sorting
// by any column within the groups (aria-sort on the sorted column, withheld
// and missing last), the one withheld mark, and each cell's comparison with
// the city and goal as a symbol with words for a screen reader. Rendered in
// jsdom; the expected orders are worked out by hand.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import "../src/lib/i18n/all.ts"; // every language registered, as the browser registers its one
import { groupUnits, sortUnits, unitsTable, UNIT_COLUMN, type SortState, type UnitsTableCell, type UnitsTableUnit } from "../src/components/units-table.ts";
import { NOT_COMPARED, type CellStatus } from "../src/lib/statuses.ts";
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
