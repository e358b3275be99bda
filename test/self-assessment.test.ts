// The self-assessment workbench: a tiny extract through the pipeline, then the
// DOCX, XLSX and CSV read back and compared with the indicator export
// (publish(cells)) of the same extract, formatted the Finnish way; withheld
// cells read ".." (never "< 5") with their legend; formula-like names and narratives stay text; a half-year
// without data gives a clear message.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { csvParse } from "d3-dsv";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { publish, toExportCsv } from "../loaders/publish/emit.ts";
import type { PublishedCell } from "../src/lib/cell.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { parseExportCsv } from "../loaders/self-assessment/cells.ts";
import { inputsFromPipeline, renderExports, selfAssessmentFor, type Inputs } from "../loaders/self-assessment/build.ts";
import { writeCsvDir } from "../loaders/self-assessment/csv.ts";
import { reportDates, reportDeadline } from "../loaders/self-assessment/dates.ts";
import { parseMarkdown } from "../loaders/self-assessment/markdown.ts";
import { SelfAssessmentError, type SelfAssessment } from "../loaders/self-assessment/model.ts";
import { languageFragment, periodPageMarkdown } from "../loaders/self-assessment/page.ts";
import { WITHHELD_MARK, formatValueWithUnit } from "../src/lib/format.ts";
import { renderHtml } from "../loaders/self-assessment/html.ts";
import { summaryLines, type Lang } from "../loaders/self-assessment/present.ts";
import { tempDir, writeExtract, type Row } from "./helpers/extract.ts";
import { client, contact, unit, visit } from "./helpers/rows.ts";

const PERIOD = "2021H2";
const FORMULA_UNIT = '=HYPERLINK("http://example.invalid","x")';
const FORMULA_NARRATIVE = "=SUMMA(A1:A3) ei saa laskea";
/** Format output uses a narrow no-break space ("57,0 %", "1 234"); compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u202F\u00A0]/g, " ");

function contacts(): Row[] {
  const rows: Row[] = [];
  let k = 0;
  const add = (n: number, ts: string, extra: Row) => {
    for (let i = 0; i < n; i++) rows.push(contact(`K${++k}`, ts, extra));
  };
  // ACC_FIRST_CONTACT (non-urgent): 2020H2 5/10; 2021H1 8/14 with U2 under the threshold (4); 2021H2 15/20.
  add(5, "2020-09-10T09:00:00", { resolved_at_first_contact: true });
  add(5, "2020-09-11T09:00:00", {});
  add(6, "2021-03-10T09:00:00", { resolved_at_first_contact: true });
  add(4, "2021-03-11T09:00:00", {});
  add(2, "2021-03-12T09:00:00", { unit_id: "U2", resolved_at_first_contact: true });
  add(2, "2021-03-12T09:00:00", { unit_id: "U2" });
  add(9, "2021-09-10T09:00:00", { resolved_at_first_contact: true });
  add(3, "2021-09-11T09:00:00", {});
  add(6, "2021-09-12T09:00:00", { unit_id: "U2", resolved_at_first_contact: true });
  add(2, "2021-09-12T09:00:00", { unit_id: "U2" });
  // Urgent contacts without a visit, to reach 1 234 contacts in 2021H2 (ACC_DIGITAL_CONTACTS: 234 by chat).
  add(234, "2021-10-05T09:00:00", { urgency: "KIIREELLINEN", channel: "CHAT" });
  add(977, "2021-10-06T09:00:00", { urgency: "KIIREELLINEN" });
  return rows;
}

function urgentWithVisits(): { contacts: Row[]; visits: Row[] } {
  // ACC_URGENT_0_1D: 2021H1 six urgent contacts seen the same day (four doctors, two nurses: the nurses are
  // under the threshold and the doctors withheld as their partner); 2021H2 only three: the total is withheld.
  const c: Row[] = [];
  const v: Row[] = [];
  const plan: [string, string][] = [
    ...Array.from({ length: 4 }, () => ["2021-04-06", "LAAKARI"] as [string, string]),
    ...Array.from({ length: 2 }, () => ["2021-04-07", "HOITAJA"] as [string, string]),
    ...Array.from({ length: 3 }, () => ["2021-11-03", "LAAKARI"] as [string, string]),
  ];
  plan.forEach(([day, profession], i) => {
    c.push(contact(`U${i}`, `${day}T08:00:00`, { urgency: "KIIREELLINEN" }));
    v.push(visit(`UV${i}`, `${day}T12:00:00`, { contact_id: `U${i}`, profession, urgency: "KIIREELLINEN" }));
  });
  return { contacts: c, visits: v };
}

let dir: string;
let out: string;
let narratives: string;
let published: PublishedCell[];
let inputs: Inputs;
let model: SelfAssessment;
let docXml: string;
let docxMedia: string[];
let workbook: ExcelJS.Workbook;
let xlsxZip: JSZip;
const catalogue = loadCatalogue();

before(async () => {
  const urgent = urgentWithVisits();
  dir = writeExtract(
    {
      units: [unit("U1", { unit_name_fi: "Itäinen terveysasema" }), unit("U2", { unit_name_fi: FORMULA_UNIT })],
      clients: [client("C1")],
      contacts: [...contacts(), ...urgent.contacts],
      visits: urgent.visits,
    },
    { manifest: { period: { from: "2020-07-01", to: "2021-12-31" } } },
  );
  out = tempDir("self-assessment-out-");
  narratives = tempDir("narratives-");
  mkdirSync(join(narratives, PERIOD), { recursive: true });
  writeFileSync(join(narratives, PERIOD, "HT1.fi.md"), `---\nexample: true\n---\n# Tilanne\n\n${FORMULA_NARRATIVE}\n\nHinta \${x} ja **lihava**.\n\n- +kohta yksi\n- @kohta kaksi\n`);
  const result = await runPipeline(dir);
  published = publish(result.cells);
  inputs = inputsFromPipeline(result);
  model = selfAssessmentFor(inputs, PERIOD, { narrativesDir: narratives });
  const files = await renderExports(model, "fi");
  writeFileSync(join(out, "oma-arviointi.docx"), files.docx);
  writeFileSync(join(out, "oma-arviointi.xlsx"), files.xlsx);
  writeCsvDir(files.csv, join(out, "csv"));
  writeCsvDir(files.dataCsv, join(out, "csv"));

  const docx = await JSZip.loadAsync(readFileSync(join(out, "oma-arviointi.docx")));
  docXml = await docx.file("word/document.xml")!.async("string");
  docxMedia = Object.keys(docx.files).filter((f) => f.startsWith("word/media/"));
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(out, "oma-arviointi.xlsx"));
  xlsxZip = await JSZip.loadAsync(readFileSync(join(out, "oma-arviointi.xlsx")));
});

// ---------------------------------------------------------------------------
// Reading the files back

const unxml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The text of a piece of WordprocessingML: paragraphs joined with "\n". */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unxml(t[1])).join(""))
    .join("\n");
}

/** Every table row of the document as its cells' texts. */
function docxRows(): string[][] {
  return [...docXml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => plain(wordText(tc[0]))));
}

function csvRows(file: string): string[][] {
  const text = readFileSync(join(out, "csv", file), "utf8").replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  for (const line of text.split("\r\n").filter(Boolean)) {
    const fields: string[] = [];
    for (const m of line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)) fields.push(m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1]);
    rows.push(fields.map(plain));
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Expectations from the indicator export, independently of the model

const cellOf = (id: string, period: string, bv = "ALL", unitId = "ALL") =>
  published.find((c) => c.indicator_id === id && c.period === period && c.unit_id === unitId && c.breakdown_value === bv);

function expectedValue(id: string, period: string, bv = "ALL", unitId = "ALL"): string {
  const ind = catalogue.indicators.find((i) => i.id === id)!;
  const c = cellOf(id, period, bv, unitId);
  if (!c) return "ei tietoa";
  if (c.suppressed) return WITHHELD_MARK;
  return plain(formatValueWithUnit(c.value!, ind.unit, "fi"));
}

const fiInt = (x: number) => plain(new Intl.NumberFormat("fi-FI", { maximumFractionDigits: 1 }).format(x)).replace(/^(\d)(\d{3})$/, "$1 $2");

function expectedCounts(id: string, period: string, bv = "ALL"): string {
  const c = cellOf(id, period, bv);
  if (!c || c.suppressed) return "";
  if (c.numerator !== null && c.denominator !== null) return `${fiInt(c.numerator)} / ${fiInt(c.denominator)}`;
  return c.denominator !== null ? `N = ${fiInt(c.denominator)}` : "";
}

// ---------------------------------------------------------------------------

test("the extract has published and suppressed cells where the tests look", () => {
  assert.deepEqual([cellOf("ACC_FIRST_CONTACT", "2021H2")?.numerator, cellOf("ACC_FIRST_CONTACT", "2021H2")?.denominator], [15, 20]);
  assert.equal(cellOf("ACC_URGENT_0_1D", "2021H2")?.suppressed, true);
  assert.equal(cellOf("ACC_URGENT_0_1D", "2021H1", "HOITAJA")?.suppressed, true);
  assert.equal(cellOf("ACC_URGENT_0_1D", "2021H1", "LAAKARI")?.suppressed, true, "complementary suppression");
  assert.equal(cellOf("ACC_FIRST_CONTACT", "2021H1", "ALL", "U2")?.suppressed, true);
  assert.deepEqual([cellOf("ACC_DIGITAL_CONTACTS", "2021H2")?.numerator, cellOf("ACC_DIGITAL_CONTACTS", "2021H2")?.denominator], [234, 1234]);
  assert.deepEqual(model.halvesWithData, ["2020H2", "2021H1", "2021H2"]);
  assert.equal(model.baselinePeriod, "2020H2", "the baseline defaults to the first half-year with data");
  assert.equal(model.previousPeriod, "2021H1");
});

test("the site's loaders read the same cells back from the page data CSV", () => {
  assert.deepEqual(parseExportCsv(toExportCsv(published)), published);
});

test("DOCX: every indicator row of every benefit goal matches the indicator export, formatted the Finnish way", () => {
  const rows = docxRows();
  let checked = 0;
  for (const goal of model.goals) {
    for (const ind of catalogue.indicators.filter((i) => i.benefitGoals.includes(goal.id))) {
      const row = rows.find((r) => r[0].split("\n")[0] === ind.name.fi);
      assert.ok(row, `${ind.id}: a row in the DOCX`);
      const [baseline, previous, current] = row.slice(1, 4).map((t) => t.split("\n"));
      assert.equal(baseline[0], expectedValue(ind.id, "2020H2"), `${ind.id} baseline`);
      assert.equal(previous[0], expectedValue(ind.id, "2021H1"), `${ind.id} previous`);
      assert.equal(current[0], expectedValue(ind.id, "2021H2"), `${ind.id} current`);
      assert.equal(current[1] ?? "", expectedCounts(ind.id, "2021H2"), `${ind.id} counts`);
      checked++;
    }
  }
  assert.ok(checked >= catalogue.indicators.length);
  // Literal Finnish formats.
  const first = rows.find((r) => r[0] === "Kiireettömät yhteydenotot ratkaistu ensikontaktissa")!;
  assert.equal(first[3], "75,0 %\n15 / 20");
  assert.equal(first[1], "50,0 %\n5 / 10");
  assert.equal(first[2], "57,1 %\n8 / 14");
  assert.equal(first[4], "≥ 75,0 %");
  assert.equal(first[5].split("\n")[0], "+25,0 %-yks.");
  assert.equal(first[8], "kyllä");
  const digital = rows.find((r) => r[0] === catalogue.indicators.find((i) => i.id === "ACC_DIGITAL_CONTACTS")!.name.fi)!;
  assert.equal(digital[3], "19,0 %\n234 / 1 234");
});

test("DOCX: withheld cells read '..', never 0; breakdown rows too (the partner cell as well)", () => {
  const rows = docxRows();
  const urgentName = catalogue.indicators.find((i) => i.id === "ACC_URGENT_0_1D")!.name.fi;
  const i = rows.findIndex((r) => r[0] === urgentName);
  assert.equal(rows[i][3], "..", "the withheld 2021H2 total");
  assert.equal(rows[i][2], "100,0 %\n6 / 6");
  assert.equal(rows[i][5], "–", "no change from a withheld value");
  const doctor = rows.slice(i + 1).find((r) => r[0] === "– Lääkäri")!;
  assert.equal(doctor[2], "..", "withheld as a partner: no '< 5' claim");
  const nurse = rows.slice(i + 1).find((r) => r[0] === "– Hoitaja")!;
  assert.equal(nurse[2], "..");
  assert.ok(!rows.some((r) => r.slice(1, 4).some((c) => c === "0" || c.startsWith("0,0 %\n0 / 0"))));
});

test("DOCX: headings per benefit goal, narratives (present, example, missing), charts as images", () => {
  const text = plain(wordText(docXml));
  for (const g of model.goals) assert.ok(text.includes(`${g.id} ${g.name.fi}`), `heading ${g.id}`);
  assert.ok(text.includes("Oma-arviointi, kevät 2022"), "the July–December 2021 figures are the spring 2022 report");
  assert.ok(text.includes(FORMULA_NARRATIVE));
  assert.ok(text.includes("ESIMERKKITEKSTI"));
  assert.ok(text.includes("Arviointia ei ole kirjattu."), "HT2 has no narrative: the neutral placeholder");
  assert.ok(text.includes("Hinta ${x} ja lihava."));
  assert.ok(text.includes("Liite: mittarien määritelmät"));
  const charted = new Set(model.goals.flatMap((g) => g.indicators.map((i) => `${g.id}/${i.id}`))).size;
  assert.equal((docXml.match(/<pic:pic[ >]/g) ?? []).length, charted, "one chart per indicator and goal");
  assert.ok(docxMedia.length > 0 && docxMedia.every((f) => f.endsWith(".png")), "charts are PNG images");
});

test("each goal's section opens with its summary (goals met, signals, measures) in the DOCX, the XLSX and the page", () => {
  const text = plain(wordText(docXml)).split("\n");
  for (const g of model.goals) {
    const lines = summaryLines(model, g, "fi").map((l) => plain(l.text));
    assert.match(lines[0], /^\d+ \/ \d+ tavoitetta saavutettu/);
    const at = text.indexOf("Yhteenveto", text.indexOf(`${g.id} ${g.name.fi}`));
    assert.deepEqual(text.slice(at, at + 1 + lines.length), ["Yhteenveto", ...lines], `DOCX ${g.id}`);
    assert.equal(text[at + 2 + lines.length], "Arvio", `DOCX ${g.id}: the summary (and its note) before the narrative`);
    const sheet: string[] = [];
    workbook.getWorksheet(g.id)!.eachRow((r) => sheet.push(plain(String(r.getCell(1).value ?? ""))));
    const row = sheet.indexOf("Yhteenveto");
    assert.ok(row > 0 && row < sheet.indexOf("Arvio"), `XLSX ${g.id}: the summary before the narrative`);
    assert.deepEqual(sheet.slice(row, row + 1 + lines.length), ["Yhteenveto", ...lines], `XLSX ${g.id}`);
    const page = plain(renderHtml(model, "fi"));
    assert.ok(page.includes(`<ul>${lines.map((l, i) => `<li data-summary="${summaryLines(model, g, "fi")[i].kind}">${i ? l : `<strong>${l}</strong>`}</li>`).join("")}</ul>`), `page ${g.id}`);
  }
});

test("XLSX: one sheet per goal plus definitions; figures are numbers equal to the export, withheld cells '..'", () => {
  const names = workbook.worksheets.map((w) => w.name);
  for (const g of ["HT1", "HT2", "HT3", "HT4", "HT5"]) assert.ok(names.includes(g), `sheet ${g}`);
  assert.ok(names.includes("Määritelmät"));
  const ws = workbook.getWorksheet("HT1")!;
  const rowOf = (id: string, bv = "Yhteensä") => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === id && r.getCell(3).value === bv) found = r;
    });
    assert.ok(found, `${id} ${bv}`);
    return found;
  };
  for (const ind of catalogue.indicators.filter((i) => i.benefitGoals.includes("HT1"))) {
    const r = rowOf(ind.id);
    for (const [col, period] of [[5, "2020H2"], [8, "2021H1"], [11, "2021H2"]] as const) {
      const c = cellOf(ind.id, period);
      const cell = r.getCell(col);
      if (!c) assert.equal(cell.value, "ei tietoa");
      else if (c.suppressed) assert.equal(plain(String(cell.value)), expectedValue(ind.id, period));
      else {
        assert.equal(cell.value, c.value, `${ind.id} ${period} value`);
        assert.equal(r.getCell(col + 1).value ?? null, c.numerator, `${ind.id} ${period} numerator`);
        assert.equal(r.getCell(col + 2).value ?? null, c.denominator, `${ind.id} ${period} denominator`);
      }
    }
  }
  const first = rowOf("ACC_FIRST_CONTACT");
  assert.equal(first.getCell(11).value, 0.75);
  assert.equal(first.getCell(11).numFmt, "0.0 %");
  assert.equal(first.getCell(14).value, 0.75, "the target as a number");
  assert.equal(first.getCell(15).value, 25, "change in percentage points");
  const urgent = rowOf("ACC_URGENT_0_1D");
  assert.equal(urgent.getCell(11).value, "..");
  assert.equal(urgent.getCell(12).value, "..");
  assert.equal(rowOf("ACC_URGENT_0_1D", "Lääkäri").getCell(8).value, "..");
  const digital = rowOf("ACC_DIGITAL_CONTACTS");
  assert.equal(digital.getCell(13).value, 1234);
  assert.equal(digital.getCell(13).numFmt, "#,##0");
});

test("XLSX: a formula-like unit name or narrative stays text, never a formula", async () => {
  const units = workbook.getWorksheet("Yksiköittäin")!;
  let unitCell: ExcelJS.Cell | undefined;
  units.eachRow((r) => r.eachCell((c) => {
    if (c.value === FORMULA_UNIT) unitCell = c;
  }));
  assert.ok(unitCell, "the unit name is in the by-unit sheet");
  assert.equal(unitCell.type, ExcelJS.ValueType.String);
  assert.equal(unitCell.numFmt, "@");
  const ht1 = workbook.getWorksheet("HT1")!;
  const texts: ExcelJS.Cell[] = [];
  ht1.eachRow((r) => r.eachCell((c) => {
    if (c.type !== ExcelJS.ValueType.Merge && typeof c.value === "string" && /^[=+\-@]/.test(c.value)) texts.push(c);
  }));
  assert.ok(texts.some((c) => c.value === FORMULA_NARRATIVE), "the narrative line");
  for (const c of texts) {
    assert.equal(c.type, ExcelJS.ValueType.String);
    assert.equal(c.numFmt, "@", `${c.address} ${c.value}`);
  }
  for (const [name, file] of Object.entries(xlsxZip.files)) {
    if (!/^xl\/worksheets\/.*\.xml$/.test(name)) continue;
    assert.doesNotMatch(await file.async("string"), /<f[ >]/, `${name} has no formula`);
  }
});

test("CSV: every table, the same figures as the documents; withheld '..'; formula-like text neutralised", () => {
  const files = readdirSync(join(out, "csv"));
  for (const g of ["HT1", "HT2", "HT3", "HT4", "HT5"]) {
    assert.ok(files.includes(`${g}-mittarit.csv`) && files.includes(`${g}-toimenpiteet.csv`), g);
  }
  assert.ok(files.includes("maaritelmat.csv") && files.includes(`yksikoittain-${PERIOD}.csv`));
  const rows = csvRows("HT1-mittarit.csv");
  const first = rows.find((r) => r[0] === "ACC_FIRST_CONTACT" && r[2] === "Yhteensä")!;
  assert.deepEqual(first.slice(4, 13), ["50,0 %", "5", "10", "57,1 %", "8", "14", "75,0 %", "15", "20"]);
  for (const ind of catalogue.indicators.filter((i) => i.benefitGoals.includes("HT1"))) {
    const r = rows.find((x) => x[0] === ind.id && x[2] === "Yhteensä")!;
    assert.equal(r[10], expectedValue(ind.id, "2021H2"), ind.id);
  }
  const urgent = rows.find((r) => r[0] === "ACC_URGENT_0_1D" && r[2] === "Yhteensä")!;
  assert.deepEqual(urgent.slice(10, 13), ["..", "..", ".."], "Finnish Excel shows .. in a withheld value cell");
  const doctor = rows.find((r) => r[0] === "ACC_URGENT_0_1D" && r[2] === "Lääkäri")!;
  assert.deepEqual(doctor.slice(7, 10), ["..", "..", ".."], "the partner cell too");
  const digital = rows.find((r) => r[0] === "ACC_DIGITAL_CONTACTS" && r[2] === "Yhteensä")!;
  assert.deepEqual(digital.slice(10, 13), ["19,0 %", "234", "1 234"]);
  const byUnit = csvRows(`yksikoittain-${PERIOD}.csv`);
  assert.ok(byUnit.some((r) => r[1] === `'${FORMULA_UNIT}`), "a formula-like unit name gets a leading apostrophe");
});

test("the page shows the same object: withheld '..', missing narrative, no live ${…}", () => {
  const md = plain(periodPageMarkdown(model));
  assert.ok(md.includes('data-state="suppressed" aria-hidden="true">..</span><span class="visually-hidden">piilotettu tietosuojan vuoksi</span>'));
  assert.doesNotMatch(md, /&lt;\s?(?:5|10)(?!\d)|alle (?:5|10),/);
  assert.ok(md.includes('<p class="sa-missing">Arviointia ei ole kirjattu.</p>'));
  assert.match(md, /Projektitoimistolle: arviointiteksti kirjoitetaan Markdown-tiedostoon [^<]*2021H2[\\/]HT2\.fi\.md/, "the office's page says where the text goes");
  assert.ok(!md.includes("${x}"), "Framework would run ${…} as code");
  assert.ok(md.includes("Hinta &#36;{x}"));
  assert.ok(md.includes("./exports/2021H2/oma-arviointi-2021H2-fi.docx"));
  for (const block of md.split(/\n\n/).filter((b) => b.startsWith("<div"))) assert.ok(!/\n\s*\n/.test(block), "no blank line inside the HTML");
  // The Finnish figures carry their cell's key, as on the other pages: each agrees with the export.
  const spans = [...md.matchAll(/<span data-indicator="([^"]+)" data-period="([^"]+)" data-unit="ALL" data-breakdown-value="([^"]+)" data-state="([^"]+)"(?: data-value="([^"]+)")?(?: aria-hidden="true")?>([^<]*)<\/span>/g)];
  assert.ok(spans.length > 100);
  for (const [, id, period, bv, state, value, text] of spans) {
    const c = cellOf(id, period, bv);
    assert.equal(state, !c ? "missing" : c.suppressed ? "suppressed" : "value", `${id} ${period} ${bv}`);
    if (c && !c.suppressed) assert.equal(Number(value), c.value);
    assert.equal(text, expectedValue(id, period, bv), `${id} ${period} ${bv}`);
  }
});

test("a half-year with no data: a clear error naming it and the half-years that have data", () => {
  assert.throws(() => selfAssessmentFor(inputs, "2019H1", { narrativesDir: narratives }), (e: unknown) => {
    assert.ok(e instanceof SelfAssessmentError);
    assert.equal(e.message, "no indicator data for the half-year 2019H1; half-years with data: 2020H2, 2021H1, 2021H2");
    return true;
  });
  assert.throws(() => selfAssessmentFor(inputs, "2021-H2"), /not a half-year; write it like 2021H2/);
  assert.throws(() => selfAssessmentFor(inputs, "2021H2", { baseline: "2019H2" }), /no indicator data for the baseline half-year 2019H2/);
  assert.throws(() => selfAssessmentFor(inputs, "2021H1", { baseline: "2021H2" }), /comes after/);
});

test("CLI: the no-data message and a non-zero exit, no document written", () => {
  const file = join(out, "none.docx");
  const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/self-assessment/cli.ts", "--period", "2022H1", "--out", file, "--extracts", dir], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /error: no indicator data for the half-year 2022H1; half-years with data: 2020H2, 2021H1, 2021H2/);
  assert.throws(() => readFileSync(file));
});

test("an explicit baseline moves the baseline column", () => {
  const m = selfAssessmentFor(inputs, PERIOD, { baseline: "2021H1", narrativesDir: narratives });
  assert.equal(m.baselinePeriod, "2021H1");
  assert.equal(m.baselineIsDefault, false);
  const row = m.goals[0].indicators.find((i) => i.id === "ACC_FIRST_CONTACT")!.rows[0];
  assert.equal(row.baseline.value, 8 / 14);
  assert.equal(row.met, true);
});

test("narrative Markdown: front matter, headings, lists, emphasis; HTML stays text", () => {
  const p = parseMarkdown("---\nexample: true\n---\n# Otsikko\n\nTeksti **lihava** ja *kursiivi* [linkki](https://hel.fi) <b>x</b>.\n\n- yksi\n- kaksi\n\n1. a\n2. b\n");
  assert.equal(p.meta.example, "true");
  assert.deepEqual(p.blocks.map((b) => b.type), ["heading", "paragraph", "list", "list"]);
  const para = p.blocks[1];
  assert.ok(para.type === "paragraph");
  assert.deepEqual(para.content.find((c) => c.bold), { text: "lihava", bold: true });
  assert.deepEqual(para.content.find((c) => c.href), { text: "linkki", href: "https://hel.fi" });
  assert.ok(para.content.some((c) => c.text.includes("<b>x</b>")));
  const js = parseMarkdown("[x](javascript:alert(1))").blocks[0];
  assert.ok(js.type === "paragraph" && !js.content.some((c) => c.href), "only http(s) and mailto links");
});

// ---------------------------------------------------------------------------
// Withheld cells in every document and language: ".." and its legend, never "< 5".

const LEGEND: Record<Lang, string> = {
  fi: ".. Piilotettu tietosuojan vuoksi: solussa on alle kynnysarvon (5, henkilöstökyselyssä 10) havaintoja, tai se on piilotettu, jottei tällaista lukua voi päätellä muista julkaistuista luvuista.",
  sv: ".. Dold av dataskyddsskäl: cellen har färre observationer än tröskeln (5, i personalenkäten 10), eller den har dolts så att en sådan siffra inte kan räknas ut ur de andra publicerade siffrorna.",
  en: ".. Withheld to protect privacy: the cell has fewer observations than the threshold (5; staff survey 10), or it is withheld so that such a figure cannot be worked out from the other published figures.",
};
const breakdownTotal: Record<Lang, string> = { fi: "Yhteensä", sv: "Totalt", en: "Total" };
const SPOKEN: Record<Lang, string> = { fi: "piilotettu tietosuojan vuoksi", sv: "dold av dataskyddsskäl", en: "withheld for privacy" };
/** The old mark and its words, in any of the languages: "< 5", "&lt; 10", "alle 5,", "under 10," (not "HbA1c < 53" or "alle 65-vuotiaat"). */
const OLD_MARK = /(?:<|&lt;)\s?(?:5|10)(?![\d-])|\b(?:alle|under) (?:5|10)(?![\d-])/;

async function xlsxTexts(buffer: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const texts: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => {
    if (typeof c.value === "string") texts.push(c.value);
  }));
  return texts;
}

test("withheld cells in the DOCX, XLSX, CSV and page in fi, sv and en: the mark '..' and its legend, never '< 5'", async () => {
  for (const lang of ["fi", "sv", "en"] as Lang[]) {
    const files = lang === "fi" ? null : await renderExports(model, lang, { charts: false });
    // DOCX: the withheld total of ACC_URGENT_0_1D reads "..", the legend is in the notes and below the goal's table.
    const xml = files ? await (await JSZip.loadAsync(files.docx)).file("word/document.xml")!.async("string") : docXml;
    const text = plain(wordText(xml));
    assert.doesNotMatch(text, OLD_MARK, `DOCX ${lang}`);
    assert.ok(text.split("\n").filter((l) => l.startsWith(LEGEND[lang])).length >= 2, `DOCX ${lang}: the legend in the notes and under the HT1 table`);
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => plain(wordText(tc[0])).split("\n")[0]);
    assert.ok(cells.includes(".."), `DOCX ${lang}: a withheld cell reads ..`);
    // XLSX: the value cells, the about sheet's notes and the legend under the goal sheet's table.
    const texts = (files ? await xlsxTexts(files.xlsx) : await xlsxTexts(readFileSync(join(out, "oma-arviointi.xlsx")))).map(plain);
    assert.ok(texts.includes(".."), `XLSX ${lang}: a withheld cell reads ..`);
    assert.ok(texts.filter((x) => x.startsWith(LEGEND[lang])).length >= 2, `XLSX ${lang}: the legend`);
    assert.ok(!texts.some((x) => OLD_MARK.test(x)), `XLSX ${lang}`);
    // CSV: ".." in the tables, the legend in the notes file.
    const csvFiles = files ? files.csv : readdirSync(join(out, "csv")).map((name) => ({ name, text: readFileSync(join(out, "csv", name), "utf8") }));
    for (const f of csvFiles) assert.doesNotMatch(plain(f.text), OLD_MARK, `CSV ${lang} ${f.name}`);
    const sep = lang === "en" ? "," : ";";
    const rowsOf = (text: string) => text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean)
      .map((line) => [...line.matchAll(new RegExp(`(?:^|${sep})("(?:[^"]|"")*"|[^${sep}]*)`, "g"))].map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1])));
    const urgent = csvFiles.flatMap((f) => rowsOf(f.text)).find((r) => r[0] === "ACC_URGENT_0_1D" && r[4] !== undefined && r[2] === breakdownTotal[lang]);
    assert.deepEqual(urgent?.slice(10, 13), ["..", "..", ".."], `CSV ${lang}: the withheld current value, numerator and denominator`);
    const notes = csvFiles.find((f) => /^(huomautukset|anmarkningar|notes)\.csv$/.test(f.name));
    assert.ok(notes, `CSV ${lang}: a notes file`);
    assert.ok(plain(notes.text).includes(LEGEND[lang]), `CSV ${lang}: the legend`);
    // The page: ".." on screen, the words for a screen reader, the legend below the table.
    const html = plain(renderHtml(model, lang));
    assert.doesNotMatch(html, OLD_MARK, `page ${lang}`);
    assert.ok(html.includes(`>..</span><span class="visually-hidden">${SPOKEN[lang]}</span>`), `page ${lang}: the words`);
    assert.ok(html.includes(`<p class="sa-legend"><small>${LEGEND[lang]}`), `page ${lang}: the legend`);
  }
});

// ---------------------------------------------------------------------------
// One set of dates: the deadline, the days the figures cover, the data's date
// and the preparation date, worded alike on the page and in every document.

test("the four dates of a half-year, worked out by hand", () => {
  // The July–December 2023 figures go in the spring 2024 report; the extract was taken on 15 January 2024.
  assert.deepEqual(reportDates("2023H2", { extracted_at: "2024-01-15T06:00:00", period: { from: "2020-01-01", to: "2023-12-31" } }), {
    deadline: "2024-05-15", season: "spring",
    figuresCover: { from: "2023-07-01", to: "2023-12-31", partial: false },
    dataAsOf: "2024-01-15", preparedOn: "2024-01-15",
  });
  // January–June goes in the autumn report of the same year; an extract that starts and ends inside the half-year cuts it.
  assert.deepEqual(reportDates("2023H1", { extracted_at: "2023-06-20T23:30:00+03:00", period: { from: "2023-02-01", to: "2023-06-15" } }), {
    deadline: "2023-11-15", season: "autumn",
    figuresCover: { from: "2023-02-01", to: "2023-06-15", partial: true },
    dataAsOf: "2023-06-20", preparedOn: "2023-06-20",
  });
  assert.deepEqual(reportDeadline("2021H1"), { deadline: "2021-11-15", season: "autumn" });
  // The test extract: taken 2022-01-05, covering 2020-07-01 … 2021-12-31.
  assert.deepEqual(model.dates, {
    deadline: "2022-05-15", season: "spring",
    figuresCover: { from: "2021-07-01", to: "2021-12-31", partial: false },
    dataAsOf: "2022-01-05", preparedOn: "2022-01-05",
  });
});

const DATE_LINES: Record<Lang, string[]> = {
  fi: ["Raportointimääräaika: 15.5.2022", "Luvut kattavat: 1.7.–31.12.2021", "Tiedot poimittu: 5.1.2022", "Laadittu: 5.1.2022"],
  sv: ["Rapporteringsfrist: 15.5.2022", "Siffrorna gäller: 1.7.–31.12.2021", "Uppgifterna uttagna: 5.1.2022", "Sammanställd: 5.1.2022"],
  en: ["Reporting deadline: 15 May 2022", "Figures cover: 1 Jul–31 Dec 2021", "Data as of: 5 Jan 2022", "Prepared on: 5 Jan 2022"],
};
/** Every date the report's header may print: the four, and the extract's first and last day. */
const HEADER_DATES = new Set(["15.5.2022", "1.7.", "31.12.2021", "5.1.2022", "1.7.2020"]);
const TITLE: Record<Lang, string> = { fi: "Oma-arviointi, kevät 2022", sv: "Självutvärdering, våren 2022", en: "Self-assessment, spring 2022" };

test("the page, DOCX, XLSX and both CSV sets print the same four dates with the same labels, and no other date of the report", async () => {
  for (const lang of ["fi", "sv", "en"] as Lang[]) {
    const files = await renderExports(model, lang, { charts: false });
    const doc = plain(wordText(await (await JSZip.loadAsync(files.docx)).file("word/document.xml")!.async("string")));
    const docLines = doc.split("\n");
    const xlsx = (await xlsxTexts(files.xlsx)).map(plain);
    const notes = plain(files.csv.find((f) => /^(huomautukset|anmarkningar|notes)\.csv$/.test(f.name))!.text);
    const page = plain(renderHtml(model, lang));
    for (const line of DATE_LINES[lang]) {
      assert.equal(docLines.filter((l) => l === line).length, 1, `DOCX ${lang}: ${line}`);
      assert.equal(xlsx.filter((l) => l === line).length, 1, `XLSX ${lang}: ${line}`);
      assert.ok(notes.split("\r\n").includes(line), `CSV ${lang}: ${line}`);
      assert.ok(page.includes(`<p class="sa-meta">${line}</p>`), `page ${lang}: ${line}`);
    }
    assert.equal(docLines[0], TITLE[lang], `DOCX ${lang}: the title names the report by its deadline`);
    // The header (before the first goal) carries no other date: no "due 15.11.2021", no "situation in October".
    const header = doc.slice(0, doc.indexOf("HT1 "));
    const dates = lang === "en" ? header.match(/\b\d{1,2} [A-Z][a-z]{2}(?: \d{4})?/g) ?? [] : header.match(/\b\d{1,2}\.\d{1,2}\.(?:\d{4})?/g) ?? [];
    const allowed = lang === "en" ? new Set(["15 May 2022", "1 Jul", "31 Dec 2021", "5 Jan 2022", "1 Jul 2020"]) : HEADER_DATES;
    assert.deepEqual(dates.filter((d) => !allowed.has(d)), [], `DOCX ${lang}: only the named dates`);
    for (const text of [doc, page, ...xlsx]) assert.doesNotMatch(text, /15\.11\.2021|15 Nov 2021|kuvaa tilannetta|beskriver läget|describes the situation/, lang);
    // The machine-readable twin: the same labels, ISO values.
    const about = csvParse(files.dataCsv.find((f) => /^(tiedot|uppgifter|about)-data\.csv$/.test(f.name))!.text);
    const iso = Object.fromEntries(about.map((r) => [r.key, [r.label, r.value]]));
    const labels = DATE_LINES[lang].map((l) => l.slice(0, l.indexOf(":")));
    assert.deepEqual([iso.deadline, iso.figures_cover, iso.data_as_of, iso.prepared_on], [
      [labels[0], "2022-05-15"], [labels[1], "2021-07-01/2021-12-31"], [labels[2], "2022-01-05"], [labels[3], "2022-01-05"],
    ], `data CSV ${lang}`);
  }
});

test("the documents are dated by the extract, never by the clock: the office metadata and a second rendering are identical", async () => {
  const a = await renderExports(model, "fi", { charts: false });
  const b = await renderExports(model, "fi", { charts: false });
  assert.ok(a.docx.equals(b.docx) && a.xlsx.equals(b.xlsx));
  for (const file of [a.docx, a.xlsx]) {
    const core = await (await JSZip.loadAsync(file)).file("docProps/core.xml")!.async("string");
    assert.deepEqual([...core.matchAll(/<dcterms:(?:created|modified)[^>]*>([^<]*)</g)].map((m) => m[1]), ["2022-01-05T00:00:00Z", "2022-01-05T00:00:00Z"]);
  }
});

// ---------------------------------------------------------------------------
// The CSV for calculation

const dataCsv = (file: string) => {
  const text = readFileSync(join(out, "csv", file), "utf8");
  assert.ok(!text.startsWith("\uFEFF") && !text.includes("\r"), `${file}: UTF-8 without a BOM, \\n line ends`);
  return csvParse(text);
};

test("CSV for calculation: beside each Excel table, numbers at full precision that read back as the suppressed table", () => {
  const files = readdirSync(join(out, "csv"));
  for (const excel of files.filter((f) => !f.endsWith("-data.csv") && f !== "huomautukset.csv")) {
    assert.ok(files.includes(excel.replace(/\.csv$/, "-data.csv")), `${excel} has a twin for calculation`);
  }
  const rows = ["HT1", "HT2", "HT3", "HT4", "HT5"].flatMap((g) => dataCsv(`${g}-mittarit-data.csv`));
  const periods = { baseline: "2020H2", previous: "2021H1", current: "2021H2" } as const;
  let values = 0, withheld = 0;
  for (const r of rows) {
    for (const [col, period] of Object.entries(periods)) {
      assert.equal(r[`${col}_period`], period);
      const c = cellOf(r.indicator_id!, period, r.breakdown_value);
      const [v, n, d, status] = ["value", "numerator", "denominator", "status"].map((k) => r[`${col}_${k}`]);
      if (!c || (!c.suppressed && c.value === null)) assert.deepEqual([v, n, d, status], ["", "", "", "missing"], `${r.indicator_id} ${period}`);
      else if (c.suppressed) {
        assert.deepEqual([v, n, d, status], ["", "", "", "withheld"], `${r.indicator_id} ${period} ${r.breakdown_value}`);
        withheld++;
      } else {
        assert.equal(status, "published");
        assert.equal(Number(v), c.value, `${r.indicator_id} ${period}: the exact double`);
        assert.equal(n === "" ? null : Number(n), c.numerator);
        assert.equal(d === "" ? null : Number(d), c.denominator);
        values++;
      }
    }
  }
  assert.ok(values >= 8 && withheld >= 3, `${values} values, ${withheld} withheld`);
  // By hand: first-contact resolution 5/10, 8/14, 15/20; the change from the baseline 0.75 − 0.5.
  const first = rows.find((r) => r.indicator_id === "ACC_FIRST_CONTACT" && r.breakdown_value === "ALL")!;
  assert.deepEqual([first.baseline_value, first.baseline_numerator, first.baseline_denominator], ["0.5", "5", "10"]);
  assert.deepEqual([first.previous_value, first.previous_numerator, first.previous_denominator], ["0.5714285714285714", "8", "14"]);
  assert.deepEqual([first.current_value, first.current_numerator, first.current_denominator, first.current_status], ["0.75", "15", "20", "published"]);
  assert.deepEqual([first.target_op, first.target_value, first.change_from_baseline, first.target_met], [">=", "0.75", "0.25", "true"]);
  const digital = rows.find((r) => r.indicator_id === "ACC_DIGITAL_CONTACTS" && r.breakdown_value === "ALL")!;
  assert.deepEqual([digital.current_value, digital.current_numerator, digital.current_denominator], [String(234 / 1234), "234", "1234"], "no thousands separator, all the digits");
  // Withheld: empty, and the status says so.
  const urgent = rows.find((r) => r.indicator_id === "ACC_URGENT_0_1D" && r.breakdown_value === "ALL")!;
  assert.deepEqual([urgent.current_value, urgent.current_numerator, urgent.current_denominator, urgent.current_status], ["", "", "", "withheld"]);
  assert.equal(urgent.change_from_previous, "", "no change from a withheld value");
  const doctor = rows.find((r) => r.indicator_id === "ACC_URGENT_0_1D" && r.breakdown_value === "LAAKARI")!;
  assert.deepEqual([doctor.previous_value, doctor.previous_status], ["", "withheld"], "the partner cell too");
  // By unit: the same rule; the name is kept exactly (these files are for programs).
  const byUnit = dataCsv(`yksikoittain-${PERIOD}-data.csv`);
  for (const r of byUnit) {
    const c = cellOf(r.indicator_id!, PERIOD, "ALL", r.unit_id);
    assert.equal(r.status, c?.suppressed ? "withheld" : "published", `${r.unit_id} ${r.indicator_id}`);
    assert.equal(r.value === "" ? null : Number(r.value), c?.suppressed ? null : c!.value);
  }
  assert.ok(byUnit.some((r) => r.unit_name === FORMULA_UNIT));
  const targets = dataCsv("tavoitteet-data.csv");
  assert.ok(targets.some((t) => t.indicator_id === "ACC_FIRST_CONTACT" && t.op === ">=" && t.value === "0.75"));
  for (const t of targets) for (const k of ["valid_from", "valid_to"]) assert.match(t[k]!, /^(\d{4}-\d{2}-\d{2})?$/, "ISO dates");
});

test("the page offers both CSV sets in every language", () => {
  const md = periodPageMarkdown(model);
  for (const lang of ["fi", "sv", "en"]) {
    assert.ok(md.includes(`./exports/2021H2/oma-arviointi-2021H2-${lang}-csv.zip`), `${lang} Excel CSV`);
    assert.ok(md.includes(`./exports/2021H2/oma-arviointi-2021H2-${lang}-data-csv.zip`), `${lang} data CSV`);
  }
  assert.ok(md.includes(">CSV laskentaan (ZIP)<") && md.includes(">CSV Exceliin (ZIP)<"));
});

test("the page carries its Finnish version; the Swedish and English ones are fetched from lang/<period>/ (page weight)", () => {
  const md = periodPageMarkdown(model);
  assert.deepEqual([...md.matchAll(/data-sa-lang="(\w+)"/g)].map((m) => m[1]), ["fi"]);
  for (const lang of ["sv", "en"] as const) {
    assert.ok(md.includes(`FileAttachment("./lang/2021H2/${lang}.html")`), `${lang}: fetched from its file`);
    const fragment = languageFragment(model, lang);
    assert.match(fragment, new RegExp(`^<div class="sa" data-sa-lang="${lang}" lang="${lang}" hidden>`));
    assert.ok(fragment.includes(`./exports/2021H2/oma-arviointi-2021H2-${lang}-csv.zip`), `${lang}: the downloads, by the addresses the page rewrites`);
  }
});

test("CLI: --csv DIR writes both sets, and the document is dated by the extract", async () => {
  const file = join(out, "cli.docx");
  const csvDir = join(out, "cli-csv");
  const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/self-assessment/cli.ts", "--period", PERIOD, "--out", file, "--csv", csvDir, "--extracts", dir, "--narratives", narratives, "--no-charts"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const names = readdirSync(csvDir);
  assert.ok(names.includes("HT1-mittarit.csv") && names.includes("HT1-mittarit-data.csv") && names.includes("tiedot-data.csv"), names.join(", "));
  const text = plain(wordText(await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string")));
  assert.ok(text.split("\n").includes("Laadittu: 5.1.2022"));
});

// ---------------------------------------------------------------------------
// Documents for the ministry never carry instructions for the office's tooling.

const PLACEHOLDER: Record<Lang, string> = { fi: "Arviointia ei ole kirjattu.", sv: "Ingen bedömning har förts in.", en: "No assessment has been recorded." };
const TOOLING: Record<Lang, RegExp> = { fi: /data\/narratives|\.md\b|tiedosto|markdown/i, sv: /data\/narratives|\.md\b|\bfil(en|er|erna)?\b|markdown/i, en: /data\/narratives|\.md\b|\bfiles?\b|markdown/i };

test("without narratives the documents print a neutral placeholder, never a path or a word about files; the page tells the office where", async () => {
  const empty = selfAssessmentFor(inputs, PERIOD, { narrativesDir: tempDir("no-narratives-") });
  for (const lang of ["fi", "sv", "en"] as Lang[]) {
    const files = await renderExports(empty, lang, { charts: false });
    const doc = plain(wordText(await (await JSZip.loadAsync(files.docx)).file("word/document.xml")!.async("string")));
    const xlsx = (await xlsxTexts(files.xlsx)).map(plain);
    assert.equal(doc.split("\n").filter((l) => l === PLACEHOLDER[lang]).length, 5, `DOCX ${lang}: one placeholder per goal`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.xlsx as unknown as ExcelJS.Buffer);
    for (const g of ["HT1", "HT2", "HT3", "HT4", "HT5"]) {
      let n = 0;
      wb.getWorksheet(g)!.eachRow((r) => r.eachCell((c) => {
        if (c.type !== ExcelJS.ValueType.Merge && c.value === PLACEHOLDER[lang]) n++;
      }));
      assert.equal(n, 1, `XLSX ${lang} ${g}: the placeholder`);
    }
    assert.doesNotMatch(doc, TOOLING[lang], `DOCX ${lang}`);
    for (const t of xlsx) assert.doesNotMatch(t, TOOLING[lang], `XLSX ${lang}`);
    for (const f of [...files.csv, ...files.dataCsv]) assert.doesNotMatch(f.text, TOOLING[lang], `CSV ${lang} ${f.name}`);
    const page = renderHtml(empty, lang);
    assert.ok(page.includes(`<p class="sa-missing">${PLACEHOLDER[lang]}</p>`), `page ${lang}`);
    assert.match(page, new RegExp(`class="sa-office"><small>[^<]*2021H2/HT3\\.${lang}\\.md`), `page ${lang}: where the office writes it`);
  }
});
