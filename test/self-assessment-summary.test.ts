// The summary that opens each benefit goal's section of the self-assessment,
// and changes printed from the values as shown. Published cells made by hand
// for the bundled catalogue and programme (its measures replaced by a few made
// here, none with a start date before the data, so no SPC limits are
// recalculated), with the expectations worked out by hand below.
import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { loadProgramme, type Measure } from "../loaders/indicators/programme.ts";
import { buildSelfAssessment } from "../loaders/self-assessment/model.ts";
import { indicatorRowsText, summaryLines } from "../loaders/self-assessment/present.ts";
import { renderXlsx } from "../loaders/self-assessment/xlsx.ts";
import { renderHtml } from "../loaders/self-assessment/html.ts";
import { monthsBetween } from "../src/lib/periods.ts";
import type { PublishedCell } from "../src/lib/cell.ts";

// The indicators as they stand today, so that one added to the catalogue later does not move the counts.
const HT1_IDS = ["ACC_FIRST_CONTACT", "ACC_URGENT_0_1D", "ACC_NONURGENT_0_10D", "ACC_VISIT_0_7D", "ACC_ORAL_0_90D", "ACC_T3_MEDIAN", "ACC_DIGITAL_CONTACTS", "ACC_VOUCHER_USE", "PROD_REMOTE_SHARE"];
const bundled = loadCatalogue();
const catalogue = { ...bundled, indicators: bundled.indicators.filter((i) => HT1_IDS.includes(i.id) || i.id === "STAFF_ENPS") };
const base = loadProgramme();
const plain = (s: string) => s.replace(/[\u202F\u00A0]/g, " ");

const cell = (id: string, period: string, value: number | null, n: number | null = null, d: number | null = null, suppressed = false): PublishedCell => ({
  indicator_id: id, period_type: /H/.test(period) ? "half" : "month", period, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL",
  numerator: n, denominator: d, value, suppressed,
});
const share = (id: string, period: string, n: number, d: number) => cell(id, period, n / d, n, d);

/** 18 months (7/2020–12/2021) alternating 30 % and 32 %, the last one `last`: the last is far outside the limits (mean ≈ 0.31, mR ≈ 0.035, limits ≈ 0.31 ± 0.09). */
function months(id: string, last: number): PublishedCell[] {
  const ms = monthsBetween("2020-07", "2021-12");
  return ms.map((m, i) => (i === ms.length - 1 ? share(id, m, Math.round(last * 100), 100) : share(id, m, i % 2 ? 32 : 30, 100)));
}

const cells: PublishedCell[] = [
  // Target ≥ 75 %: 80 % meets it. From 50/100 (Wilson 40–60 %) to 80/100 (71–87 %): significantly better, +30,0 %-yks.; the baseline 2020H2 the same 80/100: similar.
  share("ACC_FIRST_CONTACT", "2020H2", 80, 100), share("ACC_FIRST_CONTACT", "2021H1", 50, 100), share("ACC_FIRST_CONTACT", "2021H2", 80, 100),
  // Target ≥ 80 %: 60 % misses it. From 90/100 (83–95 %) to 60/100 (50–69 %): significantly worse, −30,0 %-yks.
  share("ACC_URGENT_0_1D", "2021H1", 90, 100), share("ACC_URGENT_0_1D", "2021H2", 60, 100),
  // Withheld: not known.
  cell("ACC_NONURGENT_0_10D", "2021H2", null, null, null, true),
  // Target ≤ 7 days: a median of 5 meets it (a median has no interval: not compared).
  cell("ACC_T3_MEDIAN", "2021H1", 9), cell("ACC_T3_MEDIAN", "2021H2", 5),
  // No target: the rule "no significant worsening". December far above the limits (higher is better): improving, met.
  ...months("ACC_DIGITAL_CONTACTS", 0.6), share("ACC_DIGITAL_CONTACTS", "2021H1", 30, 100), share("ACC_DIGITAL_CONTACTS", "2021H2", 32, 100),
  // No target; December far below the limits: worsening, missed.
  ...months("ACC_VOUCHER_USE", 0.05), share("ACC_VOUCHER_USE", "2021H1", 40, 100), share("ACC_VOUCHER_USE", "2021H2", 38, 100),
  // ACC_VISIT_0_7D, ACC_ORAL_0_90D and PROD_REMOTE_SHARE have no cell: not known.
  // eNPS (HT3): the baseline −0,6 shows −1, the current −3,4 shows −3: the change printed is −2, not −2,8 (−3).
  cell("STAFF_ENPS", "2020H2", -0.6), cell("STAFF_ENPS", "2021H1", -2.6), cell("STAFF_ENPS", "2021H2", -3.4),
];

const measure = (id: string, o: Partial<Measure>): Measure => ({
  id, name: { fi: id, sv: id, en: id }, primaryGoal: "HT1", secondaryGoals: [], developmentArea: "KA1", spearhead: null,
  startDate: null, startDatePrecision: null, startDateNote: null, source: { file: "x", quote: "x" }, ...o,
} as Measure);
const entry = (report: string, status: string) => ({ report, status, source: { file: "x", quote: status } });
const measures: Measure[] = [
  measure("HT1-A", { progress: [entry("OA-2021-SYKSY", "PROGRESSING")] } as Partial<Measure>),
  // Reported both progressing and planned in one report: counted once, as progressing.
  measure("HT1-B", { progress: [entry("OA-2021-KEVAT", "PLANNING"), entry("OA-2021-SYKSY", "PROGRESSING"), entry("OA-2021-SYKSY", "PLANNING")] } as Partial<Measure>),
  measure("HT1-C", { progress: [entry("OA-2021-KEVAT", "STARTED")] } as Partial<Measure>),
  measure("HT1-D", {}),
  // Starts after the half-year.
  measure("HT1-E", { startDate: "2022-03", startDatePrecision: "month" }),
  // An HT2 measure that also advances HT1, nothing reported.
  measure("HT2-F", { primaryGoal: "HT2", secondaryGoals: ["HT1"], developmentArea: "KA2" }),
];
const programme = { ...base, measures, recalculations: [] };
const narratives = {};
const model = buildSelfAssessment({ cells, catalogue, programme, period: "2021H2", narratives });
const ht1 = model.goals.find((g) => g.id === "HT1")!;
const ht3 = model.goals.find((g) => g.id === "HT3")!;

test("goals met: the target in force, else no significant worsening; withheld and missing are not known", () => {
  assert.deepEqual(ht1.summary.goals, { met: 3, missed: 2, unknown: 4 });
  const kind = (id: string) => ht1.indicators.find((b) => b.id === id)!.goal;
  assert.deepEqual(kind("ACC_DIGITAL_CONTACTS"), { kind: "no-worsening", met: true });
  assert.deepEqual(kind("ACC_VOUCHER_USE"), { kind: "no-worsening", met: false });
  assert.deepEqual(kind("ACC_T3_MEDIAN"), { kind: "target", met: true });
});

test("significant signals: the SPC verdicts and the 95 % comparisons of the statuses", () => {
  assert.deepEqual(ht1.summary.spc, { improving: ["ACC_DIGITAL_CONTACTS"], worsening: ["ACC_VOUCHER_USE"], changed: [] });
  assert.deepEqual(ht1.summary.vsPrevious.better.map((m) => m.id), ["ACC_FIRST_CONTACT"]);
  assert.deepEqual(ht1.summary.vsPrevious.worse.map((m) => m.id), ["ACC_URGENT_0_1D"]);
  assert.deepEqual(ht1.summary.vsBaseline, { better: [], worse: [], higher: [], lower: [] });
});

test("measures: each counted once, at its most advanced status", () => {
  assert.deepEqual(ht1.summary.measures, [
    { standing: "PROGRESSING", count: 2 }, { standing: "STARTED", count: 1 }, { standing: "notStartedYet", count: 1 }, { standing: "noStatus", count: 2 },
  ]);
});

test("the summary in words, in Finnish, Swedish and English", () => {
  const fi = summaryLines(model, ht1, "fi").map((l) => plain(l.text));
  const name = (id: string) => catalogue.indicators.find((i) => i.id === id)!.name.fi;
  assert.deepEqual(fi, [
    "3 / 5 tavoitetta saavutettu · 4 ei tiedossa",
    `SPC-signaalit: paranee: ${name("ACC_DIGITAL_CONTACTS")}; heikkenee: ${name("ACC_VOUCHER_USE")}`,
    `Merkitsevät muutokset edellisestä puolivuodesta (1–6/2021): parempi: ${name("ACC_FIRST_CONTACT")} (+30,0 %-yks.); huonompi: ${name("ACC_URGENT_0_1D")} (−30,0 %-yks.)`,
    "Merkitsevät muutokset lähtötasosta (7–12/2020): ei merkitseviä muutoksia",
    "Toimenpiteet: 2 etenee, 1 käynnistynyt, 1 alkaa myöhemmin, 2 ei raportoitua tilaa",
  ]);
  assert.equal(plain(summaryLines(model, ht1, "sv")[0].text), "3 / 5 mål uppnådda · 4 okända");
  assert.equal(plain(summaryLines(model, ht1, "en").at(-1)!.text), "Measures: 2 progressing, 1 started, 1 starts later, 2 no status reported");
});

test("the page opens each goal's section with the summary, its counts in data attributes", () => {
  const html = plain(renderHtml(model, "fi"));
  const section = html.slice(html.indexOf('<section class="sa-goal" id="HT1-fi">'));
  assert.match(section, /^<section[^>]*>\n<h2>[^<]*<\/h2>\n<p class="sa-desc">[^<]*<\/p>\n<div class="sa-summary" data-goals-met="3" data-goals-known="5" data-goals-unknown="4"><h3>Yhteenveto<\/h3><ul><li data-summary="goals"><strong>3 \/ 5 tavoitetta saavutettu · 4 ei tiedossa<\/strong><\/li>/);
});

test("a change is the difference of the values as shown: −1 and −3 read −2", async () => {
  const row = indicatorRowsText(ht3.indicators.find((b) => b.id === "STAFF_ENPS")!, "fi")[0];
  assert.deepEqual([row.baseline.value, row.current.value, row.changeFromBaseline, row.changeFromPrevious].map(plain), ["−1", "−3", "−2", "±0"]);
  // The workbook's change cell holds the same number.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(model, "fi")) as unknown as ExcelJS.Buffer);
  let found = false;
  wb.getWorksheet("HT3")!.eachRow((r) => {
    if (r.getCell(1).value === "STAFF_ENPS" && r.getCell(3).value === "Yhteensä") {
      assert.deepEqual([r.getCell(5).value, r.getCell(11).value, r.getCell(15).value, r.getCell(16).value], [-0.6, -3.4, -2, 0]);
      found = true;
    }
  });
  assert.ok(found, "the eNPS row in the HT3 sheet");
});
