// The project office's round trip without a developer: the fill-in workbook of
// a half-year is written, filled with exceljs as the office would in Excel
// (a goal's narrative, a measure's narrative, status and start date), handed
// back through the narratives folder or --narratives FILE.xlsx, and read back
// from the DOCX in the right goal's section. A wrong half-year, an unknown
// measure, a changed figure, a bad status or date each stop with a message
// naming the sheet, row and column; all problems are reported together.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import ExcelJS from "exceljs";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { slimProgramme } from "../loaders/publish/page-slices.ts";
import { loadProgramme, type Programme } from "../loaders/indicators/programme.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { inputsFromPipeline, renderExports, selfAssessmentWithWorkbooks, type Inputs } from "../loaders/self-assessment/build.ts";
import { OfficeWorkbookError, readOfficeWorkbooks, withOfficeRecords } from "../loaders/self-assessment/office.ts";
import { renderHtml } from "../loaders/self-assessment/html.ts";
import { renderOfficeWorkbook } from "../loaders/self-assessment/workbook.ts";
import { workbookLayout } from "../loaders/self-assessment/workbook-layout.ts";
import { parseStartDate } from "../loaders/self-assessment/workbook-read.ts";
import { workbookLinks } from "../loaders/self-assessment/page.ts";
import type { Lang } from "../loaders/self-assessment/present.ts";
import { documentXml, wordRows, wordText } from "./helpers/docx-text.ts";
import { tempDir, writeExtract, type Row } from "./helpers/extract.ts";
import { client, contact, unit } from "./helpers/rows.ts";

const PERIOD = "2021H2";
const DATE = "2022-01-05";
const MEASURE = "HT1-SEGMENTOINTI";
const GOAL_TEXT = "Ensikontaktissa ratkaistujen osuus nousi; jatkamme segmentointia.";
const MEASURE_TEXT = "Segmentointi on laajennettu kaikille terveysasemille.";
const programme = loadProgramme();
const catalogue = loadCatalogue();
const measureName = (lang: Lang) => programme.measures.find((m) => m.id === MEASURE)!.name[lang];
const goalName = (id: string, lang: Lang) => programme.benefitGoals.find((g) => g.id === id)!.name[lang];

let extract: string;
let inputs: Inputs;

before(async () => {
  // ACC_FIRST_CONTACT (HT1's first headline indicator) in 2021H2: 9 + 6 of 12 + 8 non-urgent contacts resolved = 15 / 20 = 75,0 %.
  const rows: Row[] = [];
  let k = 0;
  const add = (n: number, ts: string, extra: Row) => {
    for (let i = 0; i < n; i++) rows.push(contact(`K${++k}`, ts, extra));
  };
  add(9, "2021-09-10T09:00:00", { resolved_at_first_contact: true });
  add(3, "2021-09-11T09:00:00", {});
  add(6, "2021-10-12T09:00:00", { unit_id: "U2", resolved_at_first_contact: true });
  add(2, "2021-10-12T09:00:00", { unit_id: "U2" });
  extract = writeExtract({ units: [unit("U1"), unit("U2")], clients: [client("C1")], contacts: rows, visits: [] }, { manifest: { period: { from: "2021-07-01", to: "2021-12-31" } } });
  inputs = inputsFromPipeline(await runPipeline(extract), catalogue, programme);
});

/** The workbook as the site serves it for a half-year and language. */
const download = (period = PERIOD, lang: Lang = "fi", cells = inputs.cells) =>
  renderOfficeWorkbook(workbookLayout({ period, lang, cells, catalogue, programme }), DATE);

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** The column of a heading on row 3 and the row of an id in column A, as the office finds them. */
function find(ws: ExcelJS.Worksheet, heading: string, id: string): { row: number; col: number } {
  let col = 0;
  ws.getRow(3).eachCell((c, n) => { if (c.value === heading) col = n; });
  let row = 0;
  ws.eachRow((r, n) => { if (r.getCell(1).value === id) row = n; });
  assert.ok(col && row, `${heading} / ${id}`);
  return { row, col };
}

function fill(ws: ExcelJS.Worksheet, id: string, heading: string, value: ExcelJS.CellValue): void {
  const { row, col } = find(ws, heading, id);
  ws.getCell(row, col).value = value;
}

async function filled(edit: (wb: ExcelJS.Workbook) => void, bytes?: Buffer): Promise<Buffer> {
  const wb = await load(bytes ?? (await download()));
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the office fills in: HT1's narrative, and a measure's narrative, status and start date. */
const officeFill = (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet("HT1")!;
  fill(ws, "HT1", "Arvio", GOAL_TEXT);
  fill(ws, MEASURE, "Arvio", MEASURE_TEXT);
  fill(ws, MEASURE, "Tila", "etenee");
  fill(ws, MEASURE, "Alkamispäivä", "15.9.2021");
};

function folderWith(files: Record<string, Buffer | string>): string {
  const dir = tempDir("office-narratives-");
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/** The XML of one goal's section of the DOCX: from its heading to the next goal's. */
function section(xml: string, goal: string, next: string | null, lang: Lang = "fi"): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;");
  const from = xml.indexOf(`>${esc(`${goal} ${goalName(goal, lang)}`)}<`);
  const to = next ? xml.indexOf(`>${esc(`${next} ${goalName(next, lang)}`)}<`) : xml.length;
  assert.ok(from > 0 && to > from, `section ${goal}`);
  return xml.slice(from, to);
}

test("the workbook: a sheet per goal, the goal's headline figures as printed, a status list in the language, locked figures", async () => {
  const wb = await load(await download());
  assert.deepEqual(wb.worksheets.map((w) => w.name), ["HT1", "HT2", "HT3", "HT4", "HT5", "meta"]);
  assert.equal(wb.getWorksheet("meta")!.state, "veryHidden");
  const ws = wb.getWorksheet("HT1")!;
  const headings = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1);
  // HT1's headline indicators, in catalogue order, between the name and the office's cells.
  assert.deepEqual(headings, ["Tunnus", "Tyyppi", "Nimi", "Kiireettömät yhteydenotot ratkaistu ensikontaktissa", "Kiireettömät hoidettu 0–10 päivässä", "T3: kolmas vapaa aika (mediaani, vrk)", "Arvio", "Tila", "Alkamispäivä"]);
  assert.equal(ws.getCell("A4").value, "HT1");
  assert.equal(String(ws.getCell("D4").value).replace(/[\u202F\u00A0]/g, " "), "75,0 %");
  assert.equal(ws.getCell("D4").protection?.locked ?? true, true, "figures are locked");
  const { row, col } = find(ws, "Tila", MEASURE);
  const status = ws.getCell(row, col);
  assert.equal(status.protection?.locked, false);
  assert.deepEqual(status.dataValidation.formulae, ['"suunnittelussa,käynnistynyt,etenee"']);
  assert.equal(ws.getCell(4, col).protection?.locked ?? true, true, "a goal has no status");
  // One row per HT1 measure after the goal's.
  const ids: string[] = [];
  ws.eachRow((r, n) => { if (n > 4) ids.push(String(r.getCell(1).value)); });
  assert.deepEqual([...ids].sort(), programme.measures.filter((m) => m.primaryGoal === "HT1").map((m) => m.id).sort());
  const sv = await load(await download(PERIOD, "sv"));
  const svStatus = find(sv.getWorksheet("HT1")!, "Status", MEASURE);
  assert.deepEqual(sv.getWorksheet("HT1")!.getCell(svStatus.row, svStatus.col).dataValidation.formulae, ['"planeras,har startat,framskrider"']);
});

test("filled in and dropped into the narratives folder: the DOCX carries the texts and the status in HT1's section", async () => {
  const dir = folderWith({
    [`${PERIOD}/oma-arviointi-${PERIOD}-fi-tayttopohja.xlsx`]: await filled(officeFill),
    // A Markdown text the workbook replaces, and one it leaves (HT2 has nothing in the workbook).
    [`${PERIOD}/HT1.fi.md`]: "Vanha teksti, jonka työkirja korvaa.\n",
    [`${PERIOD}/HT2.fi.md`]: "HT2:n teksti Markdownista.\n",
  });
  const model = await selfAssessmentWithWorkbooks(inputs, PERIOD, { narrativesDir: dir });
  const xml = await documentXml((await renderExports(model, "fi", { charts: false })).docx);
  const ht1 = section(xml, "HT1", "HT2");
  const text = wordText(ht1);
  assert.ok(text.includes(GOAL_TEXT), "the goal's narrative");
  assert.ok(text.split("\n").includes(measureName("fi")) && text.includes(MEASURE_TEXT), "the measure's narrative under its name");
  assert.ok(!text.includes("Vanha teksti"), "the workbook's text wins over the Markdown file");
  assert.ok(!text.includes("Arviointia ei ole kirjattu."));
  const row = wordRows(ht1).find((r) => r[0].startsWith(measureName("fi")));
  assert.deepEqual(row?.slice(1), ["etenee", "Projektitoimiston kirjaus, 7–12/2021", "15.9.2021"]);
  assert.ok(wordText(section(xml, "HT2", "HT3")).includes("HT2:n teksti Markdownista."), "Markdown keeps working");
  // Another goal's section has neither.
  assert.ok(!wordText(section(xml, "HT3", "HT4")).includes(MEASURE_TEXT));
});

test("CLI: --narratives FILE.xlsx gives the workbook to npm run self-assessment", async () => {
  const file = join(tempDir("office-cli-"), "tayttopohja.xlsx");
  writeFileSync(file, await filled(officeFill));
  const out = join(tempDir("office-cli-out-"), "oma-arviointi.docx");
  const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/self-assessment/cli.ts", "--period", PERIOD, "--out", out, "--extracts", extract, "--narratives", file, "--no-charts"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const ht1 = section(await documentXml(readFileSync(out)), "HT1", "HT2");
  assert.ok(wordText(ht1).includes(GOAL_TEXT));
  assert.equal(wordRows(ht1).find((x) => x[0].startsWith(measureName("fi")))?.[1], "etenee");
});

test("the statuses and start dates reach the programme model the pages read", async () => {
  const dir = folderWith({ [`${PERIOD}/x.xlsx`]: await filled(officeFill) });
  const merged = withOfficeRecords(programme, await readOfficeWorkbooks(inputs, { dir }));
  const slim = slimProgramme(merged as unknown as Parameters<typeof slimProgramme>[0]) as { measures: { id: string; progress: { report: string; status: string }[]; startDate: string | null }[]; reports: { id: string; half: string }[] };
  const m = slim.measures.find((x) => x.id === MEASURE)!;
  // The spring 2021 report's PLANNING stays, the office's PROGRESSING for 2021H2 is the latest (the pages show the last).
  assert.deepEqual(m.progress.map((e) => e.status), ["PLANNING", "PROGRESSING"]);
  assert.equal(m.startDate, "2021-09-15");
  assert.ok(slim.reports.some((r) => r.id === m.progress[1].report && r.half === PERIOD));
  assert.equal((programme as Programme).measures.find((x) => x.id === MEASURE)!.startDate, null, "the model itself is not changed");
});

async function problems(bytes: Buffer, period = PERIOD): Promise<string[]> {
  const dir = folderWith({ [`${period}/tayttopohja.xlsx`]: bytes });
  try {
    await readOfficeWorkbooks(inputs, { dir });
  } catch (e) {
    assert.ok(e instanceof OfficeWorkbookError, String(e));
    return e.problems;
  }
  assert.fail("expected the workbook to be refused");
}

test("a wrong half-year names the meta sheet's cell", async () => {
  const p = await problems(await download("2021H1"));
  assert.equal(p.length, 1);
  assert.match(p[0], /tayttopohja\.xlsx: sheet meta, row 2, column B: the workbook is for the half-year '2021H1', but it was given for 2021H2/);
});

test("an unknown measure, a changed figure, a bad status and a bad date: every problem with its sheet, row and column", async () => {
  const bytes = await filled((wb) => {
    const ws = wb.getWorksheet("HT1")!;
    const last = ws.rowCount;
    ws.getCell(last + 1, 1).value = "HT1-EI-OLE";
    ws.getCell("D4").value = "80,0 %";
    fill(ws, MEASURE, "Tila", "valmis");
    fill(ws, "HT1-RESURSSIT", "Alkamispäivä", "31.2.2021");
    fill(wb.getWorksheet("HT2")!, "HT2", "Arvio", "ok");
  });
  const wb = await load(bytes);
  const ws = wb.getWorksheet("HT1")!;
  const unknownRow = ws.rowCount;
  const status = find(ws, "Tila", MEASURE);
  const start = find(ws, "Alkamispäivä", "HT1-RESURSSIT");
  const letter = (n: number) => String.fromCharCode(64 + n);
  const p = await problems(bytes);
  assert.equal(p.length, 4, p.join("\n"));
  assert.ok(p.some((x) => x.endsWith(`sheet HT1, row ${unknownRow}, column A (Tunnus): unknown benefit goal or measure 'HT1-EI-OLE' (not in the programme model)`)), p.join("\n"));
  assert.ok(p.some((x) => /sheet HT1, row 4, column D \(Kiireettömät yhteydenotot ratkaistu ensikontaktissa\): the figure has been changed to '80,0 %'; the documents print '75,0\s%'/.test(x)), p.join("\n"));
  assert.ok(p.some((x) => x.endsWith(`sheet HT1, row ${status.row}, column ${letter(status.col)} (Tila): unknown status 'valmis' (allowed: suunnittelussa, käynnistynyt, etenee)`)), p.join("\n"));
  assert.ok(p.some((x) => x.endsWith(`sheet HT1, row ${start.row}, column ${letter(start.col)} (Alkamispäivä): '31.2.2021' is not a date (write e.g. 15.9.2021 or 9/2021)`)), p.join("\n"));
});

test("a measure on another goal's sheet and an inserted column are refused; figures revised in the data since the download are a warning", async () => {
  const moved = await problems(await filled((wb) => { wb.getWorksheet("HT2")!.getCell(wb.getWorksheet("HT2")!.rowCount + 1, 1).value = MEASURE; }));
  assert.equal(moved.length, 1);
  assert.match(moved[0], /sheet HT2, row \d+, column A \(Tunnus\): 'HT1-SEGMENTOINTI' belongs on sheet HT1, not HT2/);
  const inserted = await problems(await filled((wb) => { wb.getWorksheet("HT3")!.spliceColumns(4, 0, []); }));
  assert.ok(inserted.some((x) => /sheet HT3, row 3, column D \(.+\): the heading is '', expected '.+'; the columns must stay as downloaded/.test(x)), inserted.join("\n"));
  assert.ok(inserted.some((x) => /sheet HT3, row 3, column J: an added column 'Alkamispäivä'/.test(x)), inserted.join("\n"));
  // Downloaded when the whole city had 16 of 20 resolved (80,0 %): the workbook is intact, the data have been revised since.
  // A warning, not a refusal: the texts are used and the build goes on.
  const before = inputs.cells.map((c) => (c.indicator_id === "ACC_FIRST_CONTACT" && c.period === PERIOD && c.unit_id === "ALL" && c.breakdown_value === "ALL" ? { ...c, value: 0.8 } : c));
  const warned: string[] = [];
  const warn = console.warn;
  console.warn = (...a: unknown[]) => void warned.push(a.join(" "));
  try {
    const read = await readOfficeWorkbooks(inputs, { dir: folderWith({ [`${PERIOD}/tayttopohja.xlsx`]: await download(PERIOD, "fi", before) }) });
    assert.equal(read.length, 1);
  } finally {
    console.warn = warn;
  }
  assert.equal(warned.length, 1, warned.join("\n"));
  assert.match(warned[0], /sheet HT1, row 4, column D \(.+\): the figure is '80,0\s%' in the workbook but '75,0\s%' in the current data; the figures have changed since the workbook was made \(2022-01-05\); its texts are used/);
});

test("the office's page offers the workbook and says where it goes; the documents never do", async () => {
  const model = await selfAssessmentWithWorkbooks(inputs, PERIOD, { narrativesDir: tempDir("none-") });
  for (const lang of ["fi", "sv", "en"] as Lang[]) {
    const page = renderHtml(model, lang, { links: workbookLinks(PERIOD) });
    assert.ok(page.includes(`href="./exports/${PERIOD}/oma-arviointi-${PERIOD}-${lang}-tayttopohja.xlsx"`), lang);
    assert.ok(page.includes(`data/narratives/${PERIOD}/`) && page.includes("--narratives"), lang);
    const files = await renderExports(model, lang, { charts: false });
    const doc = wordText(await documentXml(files.docx));
    assert.doesNotMatch(doc, /tayttopohja|--narratives|data\/narratives|xlsx/i, lang);
  }
  assert.ok(renderHtml(model, "fi", { links: workbookLinks(PERIOD) }).includes(">Lataa täytettävä työkirja<"));
});

test("start dates as the office types them, or as Excel stores a date", () => {
  assert.deepEqual(parseStartDate("15.9.2021"), { date: "2021-09-15", precision: "day" });
  assert.deepEqual(parseStartDate("9/2021"), { date: "2021-09", precision: "month" });
  assert.deepEqual(parseStartDate("2021-09-15"), { date: "2021-09-15", precision: "day" });
  assert.deepEqual(parseStartDate("2021-09"), { date: "2021-09", precision: "month" });
  assert.deepEqual(parseStartDate(new Date(Date.UTC(2021, 8, 15))), { date: "2021-09-15", precision: "day" });
  for (const bad of ["29.2.2021", "13/2021", "2021-13", "syksy 2021", "15.9.21"]) assert.equal(parseStartDate(bad), null, bad);
  assert.deepEqual(parseStartDate("29.2.2024"), { date: "2024-02-29", precision: "day" });
});
