// Accessible pieces shared by the charts and pages: the data table behind a
// chart, withheld figures read out in words, scroll boxes and plain charts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { chartDataDetails, dataTable, plainChart, scrollBox } from "../src/lib/a11y.ts";
import { figureNode, seriesTable, spokenSuppressed } from "../src/lib/chart-tables.ts";
import type { Cell } from "../src/lib/slices.ts";

const { document } = new JSDOM("<!doctype html><body></body>").window;
const N = "\u202F";
const cell = (period: string, value: number | null, suppressed = false) => ({ indicator_id: "X", period_type: "quarter", period, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL", numerator: null, denominator: null, value, suppressed }) as unknown as Cell;

test("a withheld figure shows '< 5' and is read out in words, in each language", () => {
  const node = figureNode(cell("2021Q1", null, true), "share", 5, "fi", document) as HTMLElement;
  assert.equal(node.querySelector("[aria-hidden=true]")!.textContent, `<${N}5`);
  assert.equal(node.querySelector(".visually-hidden")!.textContent, "alle 5, piilotettu tietosuojan vuoksi");
  assert.equal(spokenSuppressed(10, "sv"), "under 10, dold av dataskyddsskäl");
  assert.equal(spokenSuppressed(5, "en"), "under 5, withheld for privacy");
  assert.equal(figureNode(undefined, "share", 5, "sv", document).textContent, "uppgift saknas");
});

test("a chart's data table: caption, column and row headers, target and whether it is met", () => {
  const table = seriesTable([{ label: "Koko kaupunki", cells: [cell("2021Q1", 0.8), cell("2021Q2", null, true), cell("2021Q3", 0.6)] }], {
    name: "Kiireettömät hoidettu", measure: "share", threshold: 5, lang: "fi", document,
    targets: [{ op: ">=", value: 0.7, from: null, to: null }],
  });
  assert.equal(table.caption!.textContent, "Kiireettömät hoidettu: kuvion luvut");
  assert.deepEqual([...table.tHead!.rows[0].cells].map((c) => [c.tagName, c.getAttribute("scope"), c.textContent]), [
    ["TH", "col", "Jakso"], ["TH", "col", "Koko kaupunki"], ["TH", "col", "Tavoite (voimassa)"],
  ]);
  const rows = [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));
  assert.deepEqual(rows, [
    ["Q1/2021", `80,0${N}%`, `≥\u00A070,0${N}%: ✓ saavutettu`],
    ["Q2/2021", `<${N}5alle 5, piilotettu tietosuojan vuoksi`, `≥\u00A070,0${N}%`],
    ["Q3/2021", `60,0${N}%`, `≥\u00A070,0${N}%: ✗ ei saavutettu`],
  ]);
  assert.ok([...table.tBodies[0].rows].every((r) => r.cells[0].tagName === "TH" && r.cells[0].getAttribute("scope") === "row"));
  const details = chartDataDetails("Kuvion tiedot taulukkona", table, document);
  const box = details.querySelector(".table-scroll")!;
  assert.equal(box.getAttribute("tabindex"), "0");
  assert.equal(box.getAttribute("role"), "region");
  assert.equal(box.getAttribute("aria-label"), "Kiireettömät hoidettu: kuvion luvut");
});

test("scroll boxes and plain charts", () => {
  const box = scrollBox(dataTable([1], [{ label: "a", value: (r) => String(r) }], { caption: "c", document }), "Taulukko", document);
  assert.equal(box.className, "table-scroll");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("aria-label", "Kuvio");
  const g = document.createElementNS("http://www.w3.org/2000/svg", "g");
  g.setAttribute("aria-label", "line");
  svg.append(g);
  plainChart(svg);
  assert.equal(svg.getAttribute("role"), "img");
  assert.equal(g.hasAttribute("aria-label"), false);
});
