// Accessible pieces shared by the charts and pages: the data table behind a
// chart, withheld figures read out in words, scroll boxes and plain charts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import "../src/lib/i18n/all.ts"; // every language registered, as the browser registers its one
import { chartDataDetails, dataTable, scrollBox } from "../src/lib/tables/a11y.ts";
import { cellWords, figureNode, seriesTable, spokenSuppressed, withheldLegend } from "../src/lib/tables/chart-tables.ts";
import type { PublishedCell as Cell } from "../src/lib/cell.ts";

const { document } = new JSDOM("<!doctype html><body></body>").window;
const N = "\u202F";
const cell = (period: string, value: number | null, suppressed = false) => ({ indicator_id: "X", period_type: "quarter", period, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL", numerator: null, denominator: null, value, suppressed }) as unknown as Cell;

test("a withheld figure shows '..' and is read out in words, in each language — never '< 5'", () => {
  const spoken = { fi: "piilotettu tietosuojan vuoksi", sv: "dold av dataskyddsskäl", en: "withheld for privacy" } as const;
  const legend = {
    fi: "..  Piilotettu tietosuojan vuoksi: solussa on alle kynnysarvon (5, henkilöstökyselyssä 10) havaintoja, tai se on piilotettu, jottei tällaista lukua voi päätellä muista julkaistuista luvuista.",
    sv: "..  Dold av dataskyddsskäl: cellen har färre observationer än tröskeln (5, i personalenkäten 10), eller den har dolts så att en sådan siffra inte kan räknas ut ur de andra publicerade siffrorna.",
    en: "..  Withheld to protect privacy: the cell has fewer observations than the threshold (5; staff survey 10), or it is withheld so that such a figure cannot be worked out from the other published figures.",
  } as const;
  for (const lang of ["fi", "sv", "en"] as const) {
    const node = figureNode(cell("2021Q1", null, true), "share", lang, document) as HTMLElement;
    assert.equal(node.querySelector("[aria-hidden=true]")!.textContent, "..", lang);
    assert.equal(node.querySelector(".visually-hidden")!.textContent, spoken[lang], lang);
    assert.equal(spokenSuppressed(lang), spoken[lang]);
    assert.equal(cellWords(cell("2021Q1", null, true), "share", lang), spoken[lang]);
    // The hover title explains the mark; nothing claims "under 5".
    assert.equal(node.title, legend[lang].slice(4));
    assert.equal(withheldLegend(lang), legend[lang].replace("..  ", ".. "));
    assert.doesNotMatch(node.textContent + node.title, /<\s*\d|alle 5|under 5|under 10|alle 10/);
  }
  assert.equal(figureNode(undefined, "share", "sv", document).textContent, "uppgift saknas");
});

test("a chart's data table: caption, column and row headers, target and whether it is met", () => {
  const table = seriesTable([{ label: "Koko kaupunki", cells: [cell("2021Q1", 0.8), cell("2021Q2", null, true), cell("2021Q3", 0.6)] }], {
    name: "Kiireettömät hoidettu", measure: "share", lang: "fi", document,
    targets: [{ op: ">=", value: 0.7, from: null, to: null }],
  });
  assert.equal(table.caption!.textContent, "Kiireettömät hoidettu: kuvion luvut");
  assert.deepEqual([...table.tHead!.rows[0].cells].map((c) => [c.tagName, c.getAttribute("scope"), c.textContent]), [
    ["TH", "col", "Jakso"], ["TH", "col", "Koko kaupunki"], ["TH", "col", "Tavoite (voimassa)"],
  ]);
  const rows = [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));
  assert.deepEqual(rows, [
    ["Q1/2021", `80,0${N}%`, `≥\u00A070,0${N}%: ✓ saavutettu`],
    ["Q2/2021", "..piilotettu tietosuojan vuoksi", `≥\u00A070,0${N}%`],
    ["Q3/2021", `60,0${N}%`, `≥\u00A070,0${N}%: ✗ ei saavutettu`],
  ]);
  assert.ok([...table.tBodies[0].rows].every((r) => r.cells[0].tagName === "TH" && r.cells[0].getAttribute("scope") === "row"));
  // A table with a withheld figure says what ".." means, across all its columns; one without does not.
  const foot = table.tFoot!.rows[0].cells[0];
  assert.equal(foot.colSpan, 3);
  assert.match(foot.textContent!, /^\.\. Piilotettu tietosuojan vuoksi: solussa on alle kynnysarvon \(5, henkilöstökyselyssä 10\) havaintoja, tai se on piilotettu/);
  assert.equal(seriesTable([{ label: "x", cells: [cell("2021Q1", 0.8)] }], { name: "n", measure: "share", lang: "fi", document }).tFoot, null);
  const details = chartDataDetails("Kuvion tiedot taulukkona", table, document);
  const box = details.querySelector(".table-scroll")!;
  assert.equal(box.getAttribute("tabindex"), "0");
  assert.equal(box.getAttribute("role"), "region");
  assert.equal(box.getAttribute("aria-label"), "Kiireettömät hoidettu: kuvion luvut");
});

test("scroll boxes", () => {
  const box = scrollBox(dataTable([1], [{ label: "a", value: (r) => String(r) }], { caption: "c", document }), "Taulukko", document);
  assert.equal(box.className, "table-scroll");
});
