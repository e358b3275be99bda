// The downloads under every chart and table (src/components/site/downloads.ts,
// src/lib/tables/download-files.ts): the CSV's text (title, source and extract
// date, a header in the page's language, figures as spreadsheet numbers with
// their unit in the header, ".." for a withheld cell and its legend, the
// site's spreadsheet dialect), the standalone SVG (title, source
// and date inside, valid XML, the chart's marks kept) and the control itself.
// The browser side (the click, the PNG) is in test/browser/site.test.ts.
import assert from "node:assert/strict";
import { test, type TestContext } from "node:test";
import { JSDOM } from "jsdom";
import "../src/lib/i18n/all.ts"; // every language registered, as the browser registers its one
import "../src/lib/i18n/all.ts";
import { csvParseRows, dsvFormat } from "d3-dsv";
import { downloads, tableDownloads } from "../src/components/site/downloads.ts";
import { figureTable } from "../src/components/tables/tables.ts";
import { trendChart } from "../src/components/charts/trend-chart.ts";
import { seriesTable } from "../src/lib/tables/chart-tables.ts";
import { csvText, fileName, svgImage, tableData } from "../src/lib/tables/download-files.ts";
import { unitsTable, type UnitsTableCell } from "../src/components/tables/units-table.ts";
import { catalogueTable } from "../src/components/tables/catalogue-table.ts";
import { NOT_COMPARED } from "../src/lib/analysis/statuses.ts";
import type { Catalogue } from "../src/lib/page-data/model.ts";
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
    "Jakso;Koko kaupunki (%)",
    "Q1/2021;57,3",
    "Q2/2021;..",
    "Q3/2021;61,0",
    "",
  ]);
  assert.match(lines[9], /^\.\. Piilotettu tietosuojan vuoksi: /);
  assert.equal(lines[10], "");
  assert.equal(lines.length, 11);
  // Only the mark: never the spoken words in the cell, never "< 5".
  assert.doesNotMatch(text, /Q2\/2021;\.\.piilotettu|< ?5|alle 5/);
});

test("CSV: a table without withheld cells has no legend; English uses ',' and quotes a field that holds one; a formula-like text is defused; a negative number is not", () => {
  const table = figureTable(2, [
    { label: "Unit", text: (i) => ["=HYPERLINK(\"x\")", "North, east"][i] },
    { label: "Visits", numeric: true, cell: (i) => ({ cell: cell("2021Q1", [1234, -3][i]), indicator: "X", period: "2021Q1", measure: "count" }) },
  ], { lang: "en", caption: "Visits", document });
  const text = csvText(tableData(table), { ...info, title: "Visits", lang: "en" });
  const rows = csvParseRows(text.slice(1).trimEnd());
  assert.deepEqual(rows.slice(0, 4), [["Visits"], ["Source: Quadruple aim – Future Health and Social Services Centre. Data: Apotti"], ["Extracted: 30 Nov 2026 at 08:05"], []].map((r) => (r.length ? r : [""])));
  assert.deepEqual(rows.slice(4), [["Unit", "Visits"], ["'=HYPERLINK(\"x\")", "1234"], ["North, east", "-3"]], "a count as a number: no thousands separator");
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

test("CSV numbers: the shown figure as a number (decimal comma, '-', no thousands separator), its unit in the header; mixed units in a column beside; text columns as shown", () => {
  const table = document.createElement("table");
  const head = ["Mittari", "Arvo", "Muutos", "Odotus", "Tavoite"];
  const body = [
    ["Hoitotakuu", `57,3${N}%`, `\u22122,1${N}%-yks.`, `4,5${N}vrk`, `≥\u00A075,0${N}%: ✗ ei saavutettu`],
    ["Käynnit", `12${N}345`, "±0", "..", "–"],
    ["Sairauspoissaolot", `8,2${N}pv/htv`, "ei tietoa", `10${N}000,0${N}vrk`, "–"],
  ];
  table.innerHTML = `<thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody>`;
  const rows = dsvFormat(";").parseRows(csvText(tableData(table), info).slice(1).trimEnd()).slice(4, 8);
  assert.deepEqual(rows, [
    ["Mittari", "Arvo", "Arvo: yksikkö", "Muutos", "Muutos: yksikkö", "Odotus (vrk)", "Tavoite"],
    ["Hoitotakuu", "57,3", "%", "-2,1", "%-yks.", "4,5", `≥\u00A075,0${N}%: ✗ ei saavutettu`],
    ["Käynnit", "12345", "", "0", "", "..", "–"],
    ["Sairauspoissaolot", "8,2", "pv/htv", "ei tietoa", "", "10000,0", "–"],
  ]);
  // English: a decimal point, "%" and "days" in the header.
  const en = document.createElement("table");
  en.innerHTML = "<thead><tr><th>Period</th><th>City</th><th>Wait</th></tr></thead><tbody><tr><th>Q1 2021</th><td>57.3%</td><td>1,234.5 days</td></tr><tr><th>Q2 2021</th><td>-0.4%</td><td>..</td></tr></tbody>";
  assert.deepEqual(csvParseRows(csvText(tableData(en), { ...info, lang: "en" }).slice(1).trimEnd()).slice(4, 7), [
    ["Period", "City (%)", "Wait (days)"],
    ["Q1 2021", "57.3", "1234.5"],
    ["Q2 2021", "-0.4", ".."],
  ]);
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

/** A download button's click, and the file it hands to the browser (the object URL's blob). */
function downloadClicker(t: TestContext): (button: HTMLButtonElement) => Promise<string> {
  t.mock.timers.enable({ apis: ["setTimeout"] }); // the URL's revocation a minute later
  const blobs: Blob[] = [];
  t.mock.method(URL, "createObjectURL", (b: Blob) => (blobs.push(b), "blob:test"));
  return (button) => clickDownload(button, blobs);
}

async function clickDownload(button: HTMLButtonElement, blobs: Blob[]): Promise<string> {
  blobs.length = 0;
  const clicked = window.HTMLAnchorElement.prototype.click;
  window.HTMLAnchorElement.prototype.click = () => {}; // jsdom does not navigate
  try {
    button.click();
    // Real time, not a count of turns (setTimeout is mocked here): on a loaded machine 200 turns
    // once passed before the file was made.
    for (const end = Date.now() + 10_000; !blobs.length && Date.now() < end; ) await new Promise((r) => setImmediate(r));
  } finally {
    window.HTMLAnchorElement.prototype.click = clicked;
  }
  assert.equal(blobs.length, 1, "one file made");
  return (await blobs[0].text()).slice(1);
}

test("units index: 'Lataa: CSV' gives the table as shown, in the order shown — area, model, unit, and per indicator the figure (unit in the header), the comparison and the goal in words", async (t) => {
  const unit = (id: string, name: string, area: string) => ({ id, name, href: `./${id}.html`, area, areaName: area === "ITA" ? "Itäinen" : "Keskinen", operatingModel: "THK", operatingModelName: "Terveys- ja hyvinvointikeskus" });
  const units = [unit("U1", "Vuosaari", "ITA"), unit("U2", "Herttoniemi", "ITA"), unit("U5", "Malmi", "ITA"), unit("U3", "Kallio", "KESKI")];
  const c = (u: string, value: number | null, vsCity: "better" | "worse" | null): UnitsTableCell => ({
    indicator_id: "X", period_type: "quarter", period: "2023Q1", unit_id: u, breakdown: "ALL", breakdown_value: "ALL",
    numerator: null, denominator: null, value, suppressed: value === null, status: vsCity ? { ...NOT_COMPARED, vsCity } : NOT_COMPARED,
  });
  const cells = new Map([["U1", c("U1", 0.8, "better")], ["U2", c("U2", 0.5, "worse")], ["U5", c("U5", null, null)], ["U3", c("U3", 0.7, "worse")]]);
  const block = unitsTable({
    units, period: "2023Q1", lang: "fi", document, downloads: { source: "Apotti", extracted_at: "2026-11-30T08:05:00Z" },
    indicators: [{ id: "X", name: "Ensikontakti", measure: "share", direction: "higher", targets: [{ op: ">=", value: 0.75, from: null, to: null }] }],
    cell: (u) => cells.get(u),
  });
  const group = block.querySelector(".downloads")!;
  assert.equal(group.textContent, "Lataa: CSV");
  assert.equal(group.getAttribute("aria-label"), "Lataa: Yksiköt ja pääindikaattorit, Q1/2023");
  const click = downloadClicker(t);
  const csv = async () => (await click(group.querySelector("button")!)).split("\r\n").slice(4, 9);
  const header = "Alue;Toimintamalli;Yksikkö;Ensikontakti (%);Ensikontakti: Koko kaupunkiin verrattuna;Ensikontakti: Tavoite";
  const row = { U1: "Itäinen;Terveys- ja hyvinvointikeskus;Vuosaari;80,0;parempi;saavutettu", U2: "Itäinen;Terveys- ja hyvinvointikeskus;Herttoniemi;50,0;huonompi;ei saavutettu", U5: "Itäinen;Terveys- ja hyvinvointikeskus;Malmi;..;ei verrattavissa;–", U3: "Keskinen;Terveys- ja hyvinvointikeskus;Kallio;70,0;huonompi;ei saavutettu" };
  assert.deepEqual(await csv(), [header, row.U2, row.U5, row.U1, row.U3], "by name within each group");
  block.querySelector<HTMLButtonElement>('button[data-sort-column="X"]')!.click();
  block.querySelector<HTMLButtonElement>('button[data-sort-column="X"]')!.click();
  assert.deepEqual(await csv(), [header, row.U1, row.U2, row.U5, row.U3], "sorted by the figure, descending, the withheld last");
});

test("methods: the catalogue as a table — id, name, dimension, headline, definition, unit, direction, breakdown, privacy, goals, area, targets with validity and source", () => {
  const catalogue = {
    breakdowns: { profession: { fi: "Ammattiryhmä", sv: "Yrkesgrupp", en: "Profession" } },
    indicators: [{
      id: "ACC_T3", name: { fi: "Hoitotakuu", sv: "Vårdgaranti", en: "Care guarantee" }, dimension: "SAATAVUUS_VAIKUTTAVUUS", benefitGoals: ["HT1", "HT2"], developmentArea: "KA1",
      headline: true, unit: "days", direction: "lower", breakdown: null, breakdownValues: null, anchor: "", sourceTables: [], privacy: { n: "jonottajat", threshold: 5 },
      definition: { fi: "Odotusaika.", sv: "Väntetid.", en: "Waiting time." }, showCounts: false,
      targets: [
        { op: "<=", value: 7, from: null, to: "2023-08-31", source: { fi: "Laki", sv: "Lag", en: "Act" }, ref: "1326/2010" },
        { op: "<=", value: 14, from: "2023-09-01", to: null, source: { fi: "Laki", sv: "Lag", en: "Act" } },
      ],
    }],
  } as unknown as Catalogue;
  const names = {
    dimensions: [{ id: "SAATAVUUS_VAIKUTTAVUUS", name: { fi: "Saatavuus ja vaikuttavuus" } }],
    benefitGoals: [{ id: "HT1", name: { fi: "Oikea-aikaisuus" } }, { id: "HT2", name: { fi: "Jatkuvuus" } }],
    developmentAreas: [{ id: "KA1", name: { fi: "Palvelutarpeen arviointi" } }],
  };
  const table = catalogueTable(catalogue, names, "fi", document);
  assert.equal(table.caption?.textContent, "Mittariluettelo");
  const rows = dsvFormat(";").parseRows(csvText(tableData(table), { ...info, title: "Mittariluettelo" }).slice(1).trimEnd()).slice(4);
  assert.deepEqual(rows, [
    ["Tunnus", "Mittari", "Ulottuvuus", "Pääindikaattori", "Määritelmä", "Yksikkö", "Suunta", "Erittely", "Tietosuoja", "Hyötytavoitteet", "Kehitysalue", "Tavoitteet"],
    ["ACC_T3", "Hoitotakuu", "Saatavuus ja vaikuttavuus", "kyllä", "Odotusaika.", "vuorokautta", "pienempi on parempi", "ei", "piilotetaan, jos n (jonottajat) < 5", "HT1 Oikea-aikaisuus; HT2 Jatkuvuus", "KA1 Palvelutarpeen arviointi",
      `≤\u00A07,0${N}vrk, 31.8.2023 asti. Lähde: Laki (1326/2010); ≤\u00A014,0${N}vrk, 1.9.2023 alkaen. Lähde: Laki`],
  ]);
});
