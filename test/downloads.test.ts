// The downloads under every chart and table (src/components/downloads.ts,
// src/lib/download-files.ts): the CSV's text (title, source and extract
// date, a header in the page's language, ".." for a withheld cell and its
// legend, the site's spreadsheet dialect), the standalone SVG (title, source
// and date inside, valid XML, the chart's marks kept) and the control itself.
// The browser side (the click, the PNG) is in test/browser/site.test.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { csvParseRows, dsvFormat } from "d3-dsv";
import { downloads, tableDownloads } from "../src/components/downloads.ts";
import { figureTable } from "../src/components/tables.ts";
import { trendChart } from "../src/components/trend-chart.ts";
import { seriesTable } from "../src/lib/chart-tables.ts";
import { csvText, fileName, svgImage, tableData } from "../src/lib/download-files.ts";
import type { PublishedCell as Cell } from "../src/lib/cell.ts";

const N = "\u202F";
const { window } = new JSDOM("<!doctype html><body></body>");
const { document } = window;

const cell = (period: string, value: number | null, extra: Partial<Cell> = {}): Cell => ({
  indicator_id: "ACC_FIRST_CONTACT", period_type: "quarter", period, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL",
  numerator: value === null ? null : 1, denominator: value === null ? null : 2, value, suppressed: value === null, ...extra,
});
const series = [cell("2021Q1", 0.573), cell("2021Q2", null), cell("2021Q3", 0.61)];
const info = { title: "Hoitoon pääsy, Koko kaupunki", source: "Apotti", extracted: "2026-11-30T08:05:00Z", lang: "fi" as const };

test("CSV: title, source and extract date first, a Finnish header, '..' for a withheld cell and its legend last; ';', CRLF, BOM", () => {
  const table = seriesTable([{ label: "Koko kaupunki", cells: series }], { name: "Hoitoon pääsy", measure: "share", lang: "fi", document });
  const text = csvText(tableData(table), info);
  assert.ok(text.startsWith("\uFEFF"), "a byte-order mark for Excel");
  assert.ok(text.endsWith("\r\n"));
  const lines = text.slice(1).split("\r\n");
  assert.deepEqual(lines.slice(0, 9), [
    "Hoitoon pääsy, Koko kaupunki",
    "Lähde: Nelimaali – Tulevaisuuden sote-keskus. Aineisto: Apotti",
    "Poimittu: 30.11.2026 klo 8.05",
    "",
    "Jakso;Koko kaupunki",
    `Q1/2021;57,3${N}%`,
    "Q2/2021;..",
    `Q3/2021;61,0${N}%`,
    "",
  ]);
  assert.match(lines[9], /^\.\. Piilotettu tietosuojan vuoksi: /);
  assert.equal(lines[10], "");
  assert.equal(lines.length, 11);
  // Only the mark: never the spoken words in the cell, never "< 5".
  assert.doesNotMatch(text, /Q2\/2021;\.\.piilotettu|< ?5|alle 5/);
});

test("CSV: a table without withheld cells has no legend; English uses ',' and quotes a field that holds one; a formula-like text is defused", () => {
  const table = figureTable(2, [
    { label: "Unit", text: (i) => ["=HYPERLINK(\"x\")", "North, east"][i] },
    { label: "Visits", numeric: true, cell: (i) => ({ cell: cell("2021Q1", [1234, -3][i]), indicator: "X", period: "2021Q1", measure: "count" }) },
  ], { lang: "en", caption: "Visits", document });
  const text = csvText(tableData(table), { ...info, title: "Visits", lang: "en" });
  const rows = csvParseRows(text.slice(1).trimEnd());
  assert.deepEqual(rows.slice(0, 4), [["Visits"], ["Source: Quadruple aim – Future Health and Social Services Centre. Data: Apotti"], ["Extracted: 30 Nov 2026 at 08:05"], []].map((r) => (r.length ? r : [""])));
  assert.deepEqual(rows.slice(4), [["Unit", "Visits"], ["'=HYPERLINK(\"x\")", "1,234"], ["North, east", "-3"]]);
  assert.match(text, /"North, east"/);
});

test("CSV: Swedish header and lines, a list in a cell read as items", () => {
  const table = document.createElement("table");
  table.innerHTML = "<caption>Skyddsräcke</caption><thead><tr><th>Enhet</th><th>Oro</th></tr></thead><tbody><tr><th>A</th><td><ul><li>Personal</li><li>Tillgång</li></ul></td></tr></tbody><tfoot><tr><td colspan=2>fotnot</td></tr></tfoot>";
  const text = csvText(tableData(table), { ...info, title: "Skyddsräcke", lang: "sv" });
  const rows = dsvFormat(";").parseRows(text.slice(1).trimEnd());
  assert.deepEqual(rows[1], ["Källa: Fyrfaldigt mål – Framtidens social- och hälsocentral. Data: Apotti"]);
  assert.deepEqual(rows[2], ["Uttaget: 30.11.2026 kl. 8.05"]);
  assert.deepEqual(rows.slice(4), [["Enhet", "Oro"], ["A", "Personal; Tillgång"]], "the footer is not data");
});

test("SVG: the chart with title, legend, source and extract date inside, as XML that parses, the chart's marks kept", () => {
  const figure = trendChart([
    { key: "ALL", label: "Koko kaupunki", cells: series, role: "main" },
    { key: "U1", label: "Yksikkö 1", cells: [cell("2021Q1", 0.5, { unit_id: "U1" }), cell("2021Q2", 0.55, { unit_id: "U1" }), cell("2021Q3", 0.6, { unit_id: "U1" })], role: "reference" },
  ], { name: "Hoitoon pääsy", scope: "Koko kaupunki", measure: "share", lang: "fi", width: 500, height: 200, document });
  const image = svgImage(figure, info);
  const parsed = new window.DOMParser().parseFromString(image.text, "image/svg+xml");
  assert.equal(parsed.getElementsByTagName("parsererror").length, 0, "well-formed XML");
  const root = parsed.documentElement;
  assert.equal(root.localName, "svg");
  assert.equal(root.namespaceURI, "http://www.w3.org/2000/svg");
  assert.equal(root.getAttribute("width"), String(image.width));
  assert.equal(root.getAttribute("height"), String(image.height));
  assert.equal(image.width, 500);
  assert.ok(image.height > 200 + 60, "room for the title above and the source below");
  const texts = [...root.getElementsByTagName("text")].map((t) => t.textContent);
  assert.equal(texts[0], "Hoitoon pääsy, Koko kaupunki");
  assert.ok(texts.includes("Lähde: Nelimaali – Tulevaisuuden sote-keskus. Aineisto: Apotti"));
  assert.ok(texts.includes("Poimittu: 30.11.2026 klo 8.05"));
  // The legend, in words, with the withheld mark's entry.
  for (const label of ["Koko kaupunki", "Yksikkö 1", "piilotettu tietosuojan vuoksi"]) assert.ok(texts.includes(label), label);
  // The chart's own dots (two published values of the main series, three of the unit) and no page CSS.
  assert.equal(root.querySelectorAll("circle[data-period]").length, 5);
  assert.ok(!/max-width|height:auto/.test(image.text));
  assert.ok(!/<link|@import|url\(http/.test(image.text), "nothing loaded from elsewhere");
  // Text is in the image's own colour and a system font.
  assert.match(root.getAttribute("style") ?? "", /color:#1a1a1a/);
  assert.match(root.getAttribute("font-family") ?? "", /sans-serif/);
});

test("the control: 'Lataa: CSV · SVG · PNG' as buttons in a named group; a table gets CSV only; the page's language", () => {
  const manifest = { source: "Apotti", extracted_at: "2026-11-30T08:05:00Z" };
  const figure = document.createElement("figure");
  const control = downloads({ title: "Hoitoon pääsy", table: () => document.createElement("table"), chart: () => figure, manifest, lang: "fi", document });
  assert.equal(control.getAttribute("role"), "group");
  assert.equal(control.getAttribute("aria-label"), "Lataa: Hoitoon pääsy");
  assert.equal(control.textContent, "Lataa: CSV · SVG · PNG");
  const buttons = [...control.querySelectorAll("button")];
  assert.deepEqual(buttons.map((b) => [b.type, b.dataset.download]), [["button", "csv"], ["button", "svg"], ["button", "png"]]);
  const table = document.createElement("table");
  table.createCaption().textContent = "Käynnit, Q1/2021";
  const sv = tableDownloads(table, { manifest, lang: "sv", document });
  assert.equal(sv.textContent, "Ladda ner: CSV");
  assert.equal(sv.getAttribute("aria-label"), "Ladda ner: Käynnit, Q1/2021");
  assert.equal(tableDownloads(table, { manifest, lang: "en", document }).textContent, "Download: CSV");
});

test("a chart given the extract's manifest carries its downloads; without it, none", () => {
  const manifest = { source: "Apotti", extracted_at: "2026-11-30T08:05:00Z" };
  const s = [{ key: "ALL", label: "Koko kaupunki", cells: series, role: "main" as const }];
  const withDl = trendChart(s, { name: "Hoitoon pääsy", scope: "Koko kaupunki", measure: "share", lang: "fi", downloads: manifest, document });
  const group = withDl.querySelector(".downloads");
  assert.ok(group);
  assert.equal(group.getAttribute("aria-label"), "Lataa: Hoitoon pääsy, Koko kaupunki");
  assert.equal(withDl.lastElementChild?.localName, "figcaption", "the caption stays the figure's last child");
  assert.equal(trendChart(s, { name: "Hoitoon pääsy", scope: "Koko kaupunki", measure: "share", lang: "fi", document }).querySelector(".downloads"), null);
});

test("file names come from the title: letters (ä, ö) and digits, the rest one dash", () => {
  assert.equal(fileName("Hoitotakuu (7 vrk), Koko kaupunki", "csv"), "hoitotakuu-7-vrk-koko-kaupunki.csv");
  assert.equal(fileName("Käynnit / Östra", "png"), "käynnit-östra.png");
  assert.equal(fileName("…", "svg"), "nelimaali.svg");
});
