// The pages' pure pieces: number formats beyond the basics, period helpers,
// the headline assessment, slices as the browser decodes them, and the
// components rendered in a DOM (jsdom, which Observable Framework brings).
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { encodeSlice } from "../loaders/publish/page-slices.ts";
import { cellValue } from "../src/components/tables/cell-value.ts";
import { describeTrend } from "../src/components/charts/chart-common.ts";
import { choosePeriod, periodTypeInput, selectInput } from "../src/components/site/controls.ts";
import { headlineCard } from "../src/components/programme/headline-card.ts";
import { outcomeText, statusLine } from "../src/components/programme/status.ts";
import { indicatorRules, measureRules } from "../src/components/programme/measures.ts";
import { trendChart } from "../src/components/charts/trend-chart.ts";
import { unitComparison, unitSpread, unitSpreadTable } from "../src/components/charts/unit-charts.ts";
import { xmrChart, xmrTable } from "../src/components/charts/xmr-chart.ts";
import { funnelChart } from "../src/components/charts/funnel-chart.ts";
import { guardrailTable } from "../src/components/programme/guardrail.ts";
import { figureTable, targetStatusCell } from "../src/components/tables/tables.ts";
import { seriesTable } from "../src/lib/tables/chart-tables.ts";
import { exportNumber, formatCell, formatChange, formatDate, formatDateTime, formatPeriod, formatProgrammeDate, formatValueWithUnit } from "../src/lib/format.ts";
import { currentLang, t } from "../src/lib/i18n.ts";
import { STRINGS } from "../src/lib/i18n/all.ts";
import { convertPeriod, isPartial, monthsBetween, previousPeriod } from "../src/lib/periods.ts";
import { formatRowsApprox, missingMonths, withheldShare } from "../src/lib/quality.ts";
import type { PublishedCell as Cell } from "../src/lib/cell.ts";
import { CellIndex, decodeSlice, type SliceJson } from "../src/lib/page-data/slices.ts";
import { assess, dimensionVerdict, guardrail, tradeoff, type StatusCell } from "../src/lib/analysis/status.ts";
import { computeStatuses, NOT_COMPARED, statusKey, type CellStatus } from "../src/lib/analysis/statuses.ts";

const N = "\u202F";
const close = (actual: number, expected: number, message?: string) => assert.ok(Math.abs(actual - expected) < 1e-6, `${message ?? ""} ${actual} ≉ ${expected}`);
const { document } = new JSDOM("<!doctype html><body></body>").window;

const cell = (period: string, value: number | null, extra: Partial<Cell> = {}): Cell => ({
  indicator_id: "ACC_FIRST_CONTACT", period_type: /Q/.test(period) ? "quarter" : /H/.test(period) ? "half" : /-/.test(period) ? "month" : "year",
  period, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL", numerator: value === null ? null : 1, denominator: value === null ? null : 2,
  value, suppressed: value === null, ...extra,
});

test("format: cells read as value, '..' or 'ei tietoa' — never 0", () => {
  assert.equal(formatCell(cell("2021Q1", 0.573), "share"), `57,3${N}%`);
  assert.equal(formatCell(cell("2021Q1", null), "share"), "..");
  assert.equal(formatCell(undefined, "share"), "ei tietoa");
  assert.equal(formatCell(undefined, "share", "sv"), "uppgift saknas");
  assert.equal(formatCell(cell("2021Q1", 0), "count"), "0", "a published zero is a zero");
  assert.equal(formatValueWithUnit(19.43, "days_per_person_year"), `19,4${N}pv/htv`);
  assert.equal(formatChange(0.023, "share"), `+2,3${N}%-yks.`);
  assert.equal(formatChange(-1.5, "days"), `\u22121,5${N}vrk`);
  assert.equal(formatChange(0.0001, "share"), `±0,0${N}%-yks.`);
  assert.equal(formatDateTime("2024-01-15T06:00:00"), "15.1.2024 klo 6.00");
  assert.equal(formatProgrammeDate("2020-09", "season"), "syksy 2020");
  assert.equal(formatProgrammeDate("2021-03", "month"), "3/2021");
  assert.equal(formatProgrammeDate("2020-12-01", "day"), "1.12.2020");
});

test("i18n: every language has every key, and placeholders fill in", () => {
  for (const lang of ["sv", "en"] as const) assert.deepEqual(Object.keys(STRINGS[lang]).sort(), Object.keys(STRINGS.fi).sort());
  assert.equal(t("fi", "daysAgo", { days: 3 }), "3 päivää sitten");
  assert.equal(currentLang("?lang=sv"), "sv");
  assert.equal(currentLang("?lang=de"), "fi");
});

test("periods: previous, converted to another type, partial", () => {
  assert.equal(previousPeriod("2021-01"), "2020-12");
  assert.equal(previousPeriod("2021Q1"), "2020Q4");
  assert.equal(previousPeriod("2021H1"), "2020H2");
  assert.equal(previousPeriod("2021"), "2020");
  assert.equal(convertPeriod("2023Q4", "month"), "2023-12");
  assert.equal(convertPeriod("2023-05", "half"), "2023H1");
  assert.equal(isPartial("2023Q4", { from: "2020-01-01", to: "2023-11-30" }), true);
  assert.equal(isPartial("2023Q3", { from: "2020-01-01", to: "2023-11-30" }), false);
  assert.equal(choosePeriod(["2023-11", "2023-12"], "2023Q4", "month"), "2023-12");
  assert.equal(choosePeriod(["2023Q3", "2023Q4"], "bogus", "quarter"), "2023Q4");
});

test("quality: months without rows per table", () => {
  assert.deepEqual(monthsBetween("2021-11-15", "2022-02-01"), ["2021-11", "2021-12", "2022-01", "2022-02"]);
  // The page data lists the months that have rows (no counts).
  const missing = missingMonths([{ table: "visits", month: "2021-11" }, { table: "visits", month: "2022-01" }], ["visits", "costs"], ["2021-11", "2021-12", "2022-01"]);
  assert.deepEqual(missing.get("visits"), ["2021-12"]);
  assert.deepEqual(missing.get("costs"), ["2021-11", "2021-12", "2022-01"]);
});

test("quality: row counts as published (rounded to the hundred, never 0) and the shares withheld", () => {
  assert.equal(formatRowsApprox(0, 100, "fi"), "alle 100");
  assert.equal(formatRowsApprox(0, 100, "sv"), "under 100");
  assert.equal(formatRowsApprox(0, 100, "en"), "under 100");
  assert.equal(formatRowsApprox(1200, 100, "en"), "1,200");
  assert.deepEqual(withheldShare({ cells: 8, threshold: 2, complementary: 2 }), { threshold: 0.25, total: 0.5 });
  assert.equal(withheldShare({ cells: 0, threshold: 0, complementary: 0 }), null);
});

test("slices: the browser decodes what the loader encodes", () => {
  const cells = [cell("2021Q1", 0.5), cell("2021Q2", null), cell("2021Q3", 0.1 + 0.2, { unit_id: "U1" })];
  const back = decodeSlice(JSON.parse(JSON.stringify(encodeSlice(cells))) as SliceJson);
  const index = new CellIndex(back);
  assert.deepEqual(index.get("ACC_FIRST_CONTACT", "quarter").map((c) => c.period), ["2021Q1", "2021Q2"]);
  assert.equal(index.cell("ACC_FIRST_CONTACT", "2021Q3", "quarter", "U1")?.value, 0.1 + 0.2);
  assert.deepEqual(index.units("ACC_FIRST_CONTACT", "quarter"), ["U1"]);
});

test("status: changes, target at the period's end, the verdict and comparisons from the cell's status, and the quadruple-aim trade-off", () => {
  const t3 = { id: "ACC_T3_MEDIAN", direction: "lower" as const, targets: [
    { op: "<=" as const, value: 7, from: null, to: "2023-08-31" }, { op: "<=" as const, value: 14, from: "2023-09-01", to: null },
  ] };
  const status = (over: Partial<CellStatus>): CellStatus => ({ ...NOT_COMPARED, ...over });
  const series: StatusCell[] = [cell("2023Q1", 12), cell("2023Q2", 10), { ...cell("2023Q3", 13), status: status({ spc: "common-cause", verdict: "stable" }) }];
  const a = assess(t3, series, "2023Q3", "2023Q1");
  assert.equal(a.changePrevious, 3);
  assert.equal(a.changeBaseline, 1);
  assert.equal(a.baseline?.period, "2023Q1");
  assert.equal(a.vsPrevious, "not-compared", "a median carries no interval: a rise of 3 days is not called worse");
  assert.equal(a.verdict, "stable", "the verdict is the status's (the monthly SPC chart at the period's end), not the raw change");
  assert.equal(a.target?.value, 14, "the target in force on 30.9.2023");
  assert.equal(a.met, true);
  assert.equal(assess(t3, series, "2023Q2").target?.value, 7);
  const withheld = assess(t3, [...series, cell("2023Q4", null)], "2023Q4", "2023Q1");
  assert.equal(withheld.changePrevious, null);
  assert.equal(withheld.met, null, "a withheld value is neither met nor missed");
  assert.equal(withheld.verdict, null, "nor judged");
  assert.equal(withheld.vsPrevious, "not-compared");
  assert.equal(assess(t3, series, "2023Q1", "2023Q1").baseline, undefined, "the baseline is not compared with itself");
  assert.equal(dimensionVerdict(["improving", "worsening"]), "mixed");
  assert.equal(dimensionVerdict([null, "stable"]), "stable");
  assert.equal(dimensionVerdict(["changed", "stable"]), "stable", "a change with no better direction moves no dimension");
  assert.equal(dimensionVerdict([null, null]), null);
  assert.deepEqual(tradeoff(new Map([["A", "worsening"], ["B", "improving"], ["C", "stable"]])), { worse: ["A"], better: ["B"], mixed: [] });
  assert.deepEqual(tradeoff(new Map([["A", "worsening"], ["B", "stable"]])), { worse: [], better: [], mixed: [] });
  assert.deepEqual(tradeoff(new Map([["A", "mixed"], ["B", "improving"]])), { worse: [], better: [], mixed: ["A"] }, "mixed is not worsening");
});

test("cellValue carries the exact published value and what it is", () => {
  const el = cellValue(cell("2021Q1", 0.1 + 0.2), { indicator: "ACC_FIRST_CONTACT", period: "2021Q1", measure: "share", document });
  assert.equal(el.dataset.value, "0.30000000000000004");
  assert.equal(el.dataset.state, "value");
  assert.equal(el.textContent, `30,0${N}%`);
  const hidden = cellValue(cell("2021Q1", null), { indicator: "STAFF_ENPS", period: "2021Q1", unit: "U1", measure: "nps", document });
  assert.equal(hidden.dataset.state, "suppressed");
  assert.equal(hidden.dataset.value, "");
  assert.equal(hidden.dataset.unit, "U1");
  // Shown "..", read out in words (never "alle 10": the cell may be a large partner cell).
  assert.equal(hidden.dataset.text, "..");
  assert.equal(hidden.querySelector("[aria-hidden=true]")!.textContent, "..");
  assert.equal(hidden.querySelector(".visually-hidden")!.textContent, "piilotettu tietosuojan vuoksi");
  assert.equal(cellValue(undefined, { indicator: "X", period: "2021", measure: "share", document }).textContent, "ei tietoa");
  assert.equal(exportNumber(-0), "0");
});

test("trendChart: an SVG with a caption stating latest value, target and direction; withheld cells marked", () => {
  const targets = [{ op: ">=" as const, value: 0.75, from: null, to: null }];
  const cells = [cell("2021Q1", 0.5), cell("2021Q2", null), cell("2021Q3", 0.6)];
  const fig = trendChart([{ key: "ALL", label: "Koko kaupunki", cells, role: "main" }], {
    name: "Ensikontakti", scope: "Koko kaupunki", measure: "share", targets, document,
    rules: [{ date: "2021-05", title: "Toimenpide alkoi: Testi" }],
  });
  assert.ok(fig.querySelector("svg"));
  const caption = fig.querySelector("figcaption")!.textContent!;
  assert.match(caption, /viimeisin Q3\/2021 60,0\u202F%/);
  assert.match(caption, /Tavoite ≥\u00A075,0\u202F%: ei saavutettu/);
  assert.match(caption, /nouseva/);
  assert.match(caption, /Toimenpide alkoi: Testi/, "rules are listed in the caption");
  assert.ok([...fig.querySelectorAll("svg title")].some((n) => n.textContent === "Toimenpide alkoi: Testi"), "rule mark titled with the measure");
  const mark = fig.querySelector(".suppressed-marks [data-period='2021Q2']")!;
  assert.equal(mark.firstChild?.textContent, "..", "the withheld quarter reads ..");
  assert.match(mark.querySelector("title")!.textContent!, /Q2\/2021: \.\. Piilotettu tietosuojan vuoksi: solussa on alle kynnysarvon/);
  assert.ok([...fig.querySelectorAll(".chart-legend-item")].some((n) => n.textContent === ".. piilotettu tietosuojan vuoksi"), "the legend names the mark");
  assert.match(caption, /\.\. Piilotettu tietosuojan vuoksi: solussa on alle kynnysarvon \(5, henkilöstökyselyssä 10\) havaintoja, tai se on piilotettu, jottei tällaista lukua voi päätellä muista julkaistuista luvuista\./);
  const ticks = [...fig.querySelectorAll("svg g.x-axis text")].map((n) => n.textContent);
  assert.ok(ticks.includes("2021") && ticks.every((x) => /^(\d{1,2}\/)?\d{4}$/.test(x ?? "")), `Finnish time ticks: ${ticks.join(" ")}`);
  assert.equal(describeTrend([], { name: "X", scope: "Y", measure: "share" }), "X, Y: Ei julkaistavia arvoja.");
});

test("headlineCard: value, changes against the previous period and the baseline, target", () => {
  const indicator = { id: "ACC_FIRST_CONTACT", direction: "higher" as const, targets: [{ op: ">=" as const, value: 0.75, from: null, to: null, source: { fi: "", sv: "", en: "" } }] };
  const series = [cell("2021Q1", 0.5), cell("2021Q2", 0.55), cell("2021Q3", 0.8)];
  const card = headlineCard({
    indicator: indicator.id, name: "Ensikontakti", measure: "share", direction: "higher", targets: indicator.targets,
    series, assessment: assess(indicator, series, "2021Q3", "2021Q1"), scope: "Koko kaupunki", document,
  });
  const shown = [...card.querySelectorAll<HTMLElement>("[data-period]")].map((e) => [e.dataset.period, e.dataset.value]);
  assert.deepEqual(shown, [["2021Q3", "0.8"], ["2021Q2", "0.55"], ["2021Q1", "0.5"]]);
  assert.match(card.textContent!, /\+25,0\u202F%-yks\./);
  assert.equal(card.querySelector<HTMLElement>("[data-target-met]")?.dataset.targetMet, "true");
  assert.ok(card.querySelector(".sparkline[aria-label]"));
});

test("statusLine and the headline card say the status in words and symbols, with its codes", () => {
  const status: CellStatus = { spc: "concern-low", verdict: "worsening", vsPrevious: "worse", vsBaseline: "similar", vsCity: "better", vsCityOuter: "similar" };
  const line = statusLine(status, { lang: "fi", city: true, document });
  assert.deepEqual([line.dataset.verdict, line.dataset.vsPrevious, line.dataset.vsBaseline, line.dataset.vsCity], ["worsening", "worse", "similar", "better"]);
  // Without the indicator's polarity the arrows cannot be known: better and worse are words only.
  assert.equal(line.textContent, "Arvio jakson lopussa (SPC): Heikkenee · Edelliseen jaksoon: huonompi · Lähtötasoon: ● samaa tasoa · Koko kaupunkiin verrattuna: parempi");
  // A lower-is-better indicator: worse than the previous period means it rose (▲), better than the city that it is lower (▼).
  assert.equal(statusLine(status, { lang: "fi", city: true, direction: "lower", document }).textContent,
    "Arvio jakson lopussa (SPC): Heikkenee · Edelliseen jaksoon: ▲ huonompi · Lähtötasoon: ● samaa tasoa · Koko kaupunkiin verrattuna: ▼ parempi");
  assert.equal(outcomeText("better", "en", "higher"), "▲ better");
  assert.equal(outcomeText("worse", "en", "higher"), "▼ worse");
  assert.match(statusLine(null, { lang: "en", document }).textContent!, /^Verdict at the period's end \(SPC\): Cannot be judged · Against the previous period: not compared/);
  assert.equal(outcomeText("higher", "sv"), "▲ högre");
  const indicator = { id: "ACC_FIRST_CONTACT", direction: "higher" as const, targets: [] };
  const series: StatusCell[] = [cell("2021Q1", 0.5), { ...cell("2021Q2", 0.498), status: { ...NOT_COMPARED, spc: "common-cause", verdict: "stable", vsPrevious: "similar", vsBaseline: "similar" } }];
  const card = headlineCard({ indicator: indicator.id, name: "Ensikontakti", measure: "share", direction: "higher", targets: [], series, assessment: assess(indicator, series, "2021Q2", "2021Q1"), scope: "Koko kaupunki", document });
  // A −0.2 %-point move within the intervals reads "samaa tasoa", and the verdict "no significant change" — never "worsening".
  assert.match(card.textContent!, /▼ −0,2\u202F%-yks\. \(samaa tasoa\)/, "the arrow is the change's sign, the words its outcome");
  assert.equal(card.dataset.verdict, "stable");
  assert.match(card.querySelector(".verdict")!.textContent!, /^Ei merkittävää muutosta – arvio: kuukausittainen prosessinohjauskortti/);
});

test("headlineCard: ▲/▼ is the sign of the change, better or worse its words and colour; the change is of the values as shown", () => {
  // A cost (lower is better) falling from 110,6 € (shown "111 €") to 100,4 € (shown "100 €"): "▼ −11 €", an improvement
  // — not "▲" for better, and not "−10 €" from the unrounded values.
  const cost = { id: "EFF_COST", direction: "lower" as const, targets: [] };
  const better = { ...NOT_COMPARED, spc: "common-cause" as const, verdict: "stable" as const, vsPrevious: "better" as const, vsBaseline: "better" as const };
  const costSeries: StatusCell[] = [cell("2021Q1", 110.6), { ...cell("2021Q2", 100.4), status: better }];
  const card = headlineCard({ indicator: cost.id, name: "Kustannus", measure: "eur", direction: "lower", targets: [], series: costSeries, assessment: assess(cost, costSeries, "2021Q2"), scope: "Koko kaupunki", document });
  const change = card.querySelector<HTMLElement>("[data-outcome] .change")!;
  assert.equal(change.textContent, `▼ \u221211${N}€ (parempi)`);
  assert.ok(change.classList.contains("change-better"), "the improvement's colour");
  // NPS: a baseline of −0,6 (shown "−1") and a value of −3,4 (shown "−3") differ by −2 as shown, not −3 (−2,8 unrounded).
  const nps = { id: "EXP_NPS", direction: "higher" as const, targets: [] };
  const worse = { ...better, vsPrevious: "not-compared" as const, vsBaseline: "worse" as const };
  const npsSeries: StatusCell[] = [cell("2021Q1", -0.6), { ...cell("2021Q2", -3.4), status: worse }];
  const npsCard = headlineCard({ indicator: nps.id, name: "NPS", measure: "nps", direction: "higher", targets: [], series: npsSeries, assessment: assess(nps, npsSeries, "2021Q2", "2021Q1"), scope: "Koko kaupunki", document });
  const baseline = npsCard.querySelector<HTMLElement>('[data-outcome="worse"]')!;
  assert.equal(baseline.querySelector(".change")!.textContent, "▼ \u22122 (huonompi)");
  assert.equal(baseline.querySelector<HTMLElement>(".cell-value")!.textContent, "\u22121");
  assert.equal(npsCard.querySelector(".headline-value .cell-value")!.textContent, "\u22123");
});

test("unitComparison keeps the given (name) order and marks withheld units", () => {
  const units = [{ unit_id: "B", name: "Alppila" }, { unit_id: "A", name: "Böle" }];
  const fig = unitComparison([cell("2021Q1", 0.9, { unit_id: "A" }), cell("2021Q1", null, { unit_id: "B" })], cell("2021Q1", 0.7), {
    name: "Ensikontakti", measure: "share", direction: "higher", period: "2021Q1", units, document,
  });
  const ticks = [...fig.querySelectorAll("svg g.y-axis text")].map((n) => n.textContent);
  assert.deepEqual(ticks, ["Alppila", "Böle"]);
  assert.ok([...fig.querySelectorAll("svg text")].some((n) => n.firstChild?.textContent === ".." && n.getAttribute("data-unit") === "B"));
  assert.match(fig.querySelector("figcaption")!.textContent!, /\.\. Piilotettu tietosuojan vuoksi:/);
  assert.match(fig.querySelector("figcaption")!.textContent!, /koko kaupunki 70,0/);
});

test("controls: native elements with a value for Framework's view()", () => {
  const radio = periodTypeInput("quarter", "fi", document);
  assert.equal(radio.value, "quarter");
  radio.value = "year";
  assert.equal(radio.value, "year");
  const select = selectInput([null, "ITA"], { label: "Alue", value: "ITA", document });
  assert.equal(select.value, "ITA");
  assert.equal(select.querySelector("label")!.textContent, "Alue");
});

test("measureRules: measure start dates, else the programme's start milestones", () => {
  const measure = { id: "M", name: { fi: "Testi" }, primaryGoal: "HT1", secondaryGoals: [], developmentArea: "KA1", spearhead: null, startDate: "2021-03", startDatePrecision: "month", startDateNote: null, milestones: [], progress: [] };
  const programme = { programme: { id: "P", name: { fi: "P" }, milestones: [{ date: "2020-09", precision: "season", kind: "STARTED", text: { fi: "Kehittämistoimet käynnistyivät" } }] } };
  assert.deepEqual(measureRules([measure], programme).map((r) => [r.date, r.title]), [["2021-03", "Toimenpide alkoi: Testi (3/2021)"]]);
  assert.deepEqual(measureRules([{ ...measure, startDate: null }], programme).map((r) => r.date), ["2020-09"]);
});

// ---------------------------------------------------------------------------
// Issue 4: XmR charts, funnel plots, targets per period and the guardrail.

const months = (from: string, count: number) => Array.from({ length: count }, (_, i) => {
  const m = +from.slice(5, 7) - 1 + i;
  return `${+from.slice(0, 4) + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
});
const monthly = (from: string, values: (number | null)[], extra: Partial<Cell> = {}) =>
  months(from, values.length).map((period, i) => cell(period, values[i], { period_type: "month", ...extra }));

/** Where a value lands on the chart's y axis, from the scale the SVG declares (data-y-domain, data-y-range). */
function yPixel(svg: Element, value: number): number {
  const [d0, d1] = svg.getAttribute("data-y-domain")!.split(",").map(Number);
  const [r0, r1] = svg.getAttribute("data-y-range")!.split(",").map(Number);
  return r0 + ((value - d0) * (r1 - r0)) / (d1 - d0);
}

// Twelve months; mean 138 / 12 = 11.5, moving ranges 2,1,2,1,1,1,2,1,2,1,1 → mean 15/11.
const TWELVE = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 11];
const MEAN = 11.5;
const MR = 15 / 11;
// Thirteen months, v2.6's minimum for limits: the same and 11.5 (mean still 11.5; one more moving range, 0.5 → mean 15.5/12).
const THIRTEEN = [...TWELVE, 11.5];
const MR13 = 15.5 / 12;

test("xmrChart: mean and process limits drawn at the hand-computed values", () => {
  const fig = xmrChart(monthly("2022-01", THIRTEEN), { name: "T3", scope: "Koko kaupunki", measure: "days", direction: "lower", indicator: "ACC_T3_MEDIAN", document });
  const svg = fig.querySelector("svg.chart")!;
  const lines = Object.fromEntries([...fig.querySelectorAll("[data-line]")].map((l) => [l.getAttribute("data-line"), l]));
  const expected = { mean: MEAN, upper: MEAN + 2.66 * MR13, lower: MEAN - 2.66 * MR13 };
  assert.deepEqual(Object.keys(lines).sort(), ["lower", "mean", "upper"]);
  for (const [kind, value] of Object.entries(expected)) {
    const line = lines[kind];
    assert.ok(Math.abs(Number(line.getAttribute("data-value")) - value) < 1e-9, `${kind} = ${value}`);
    assert.ok(Math.abs(Number(line.getAttribute("y1")) - yPixel(svg, value)) < 0.01, `${kind} drawn at its value`);
    assert.equal(line.getAttribute("y1"), line.getAttribute("y2"));
  }
  assert.equal(fig.dataset.limits, "yes");
  assert.equal(fig.dataset.variation, "common-cause");
  const points = [...fig.querySelectorAll(".xmr-points [data-period]")];
  assert.deepEqual(points.map((p) => Number(p.getAttribute("data-value"))), THIRTEEN, "one point per month, the published values");
  for (const p of points) {
    const y = Number(p.getAttribute("cy") ?? Number(p.getAttribute("y")) + 4);
    assert.ok(Math.abs(y - yPixel(svg, Number(p.getAttribute("data-value")))) < 0.02, "points drawn at their values");
  }
  assert.match(fig.querySelector("figcaption")!.textContent!, /keskiarvo 11,5\u202Fvrk, prosessirajat 8,1\u202Fvrk–14,9\u202Fvrk \(13 kuukauden arvoista tammi 2022 alkaen\)/);
});

test("xmrChart: a measure's start date breaks the limits; annotations carry the measure's name", () => {
  const cells = monthly("2022-01", [...TWELVE, ...TWELVE.map((v) => v + 10)]);
  const rules = [{ date: "2023-01", title: "Toimenpide alkoi: Testi (1/2023)", kind: "measure" as const }, { date: "2022-06", title: "Ohjelma: käynnistys", kind: "milestone" as const }];
  const fig = xmrChart(cells, { name: "T3", scope: "Koko kaupunki", measure: "days", direction: "lower", rules, breaks: ["2023-01"], document });
  const means = [...fig.querySelectorAll("[data-line=mean]")];
  assert.deepEqual(means.map((l) => [l.getAttribute("data-segment"), Number(l.getAttribute("data-value"))]), [["0", MEAN], ["1", MEAN + 10]]);
  const uppers = [...fig.querySelectorAll("[data-line=upper]")].map((l) => Number(l.getAttribute("data-value")));
  assert.ok(Math.abs(uppers[0] - (MEAN + 2.66 * MR)) < 1e-9 && Math.abs(uppers[1] - (MEAN + 10 + 2.66 * MR)) < 1e-9, "each process has its own limits");
  const breakX = Number(fig.querySelector(".rule-break line")!.getAttribute("x1"));
  assert.ok(Number(means[0].getAttribute("x2")) <= breakX + 0.01 && Number(means[1].getAttribute("x1")) >= breakX - 0.01, "the limits split at the break");
  assert.equal(fig.querySelector(".rule-break title")!.textContent, "Toimenpide alkoi: Testi (1/2023)");
  assert.equal(fig.querySelectorAll(".rule-mark").length, 2, "the milestone is annotated but is no break");
  const caption = fig.querySelector("figcaption")!.textContent!;
  assert.match(caption, /Rajat laskettu uudelleen 1\.1\.2023 alkaen: Toimenpide alkoi: Testi/);
  assert.match(caption, /Ohjelma: käynnistys/);
});

test("xmrChart: a recorded recalculation is a rule with a short label, its reason in the caption and the table, in each language", () => {
  const cells = monthly("2022-01", [...TWELVE, ...TWELVE.map((v) => v + 10)]);
  const reason = { fi: "Porrasmuutos näyteaineistossa", sv: "Stegförändring i exempeldata", en: "Step change in the sample" };
  // As the pages give it (components/programme/measures.ts indicatorRules): a measure's start in 2023-01 with its rule, a recorded recalculation in 2022-07.
  const programme = {
    programme: { id: "P", name: { fi: "P", sv: "P", en: "P" }, milestones: [] },
    measures: [{ id: "HT1-TESTI", name: { fi: "Testi", sv: "Test", en: "Test" }, primaryGoal: "HT1", secondaryGoals: [], developmentArea: "KA1", spearhead: null, startDate: "2023-01", startDatePrecision: "month", startDateNote: null, milestones: [], progress: [] }],
    recalculations: [{ indicator: "ACC_T3_MEDIAN", from: "2022-07", reason }, { indicator: "ACC_FIRST_CONTACT", from: "2022-03", reason }],
  } as unknown as Parameters<typeof indicatorRules>[1];
  for (const [lang, label, legendText, recorded, from, column] of [
    ["fi", "Uudet rajat", "rajat laskettu uudelleen", "Kirjattu uudelleenlaskenta: Porrasmuutos näyteaineistossa", "Rajat laskettu uudelleen 1.7.2022 alkaen: Porrasmuutos näyteaineistossa.", "Rajat laskettu uudelleen"],
    ["sv", "Nya gränser", "gränserna beräknade på nytt", "Registrerad omräkning: Stegförändring i exempeldata", "Gränserna beräknade på nytt från 1.7.2022: Stegförändring i exempeldata.", "Gränserna beräknade på nytt"],
    ["en", "New limits", "limits recalculated", "Recorded recalculation: Step change in the sample", "Limits recalculated from 1 Jul 2022: Step change in the sample.", "Limits recalculated"],
  ] as const) {
    const { rules, breaks } = indicatorRules({ id: "ACC_T3_MEDIAN", developmentArea: "KA1", benefitGoals: ["HT1"] }, programme, lang);
    assert.deepEqual(breaks.map((b) => b.date), ["2022-07", "2023-01"], "the indicator's own recalculation and its measure's start, in date order");
    const o = { name: "T3", scope: "Koko kaupunki", measure: "days", direction: "lower" as const, rules, breaks, lang, document };
    const fig = xmrChart(cells, o);
    // Three processes: Jan–Jun 2022, Jul–Dec 2022 (both of TWELVE's values), and 2023 (ten more).
    assert.deepEqual([...fig.querySelectorAll("[data-line=mean]")].map((l) => [l.getAttribute("data-from"), l.getAttribute("data-to")]), [["2022-01", "2022-06"], ["2022-07", "2022-12"], ["2023-01", "2023-12"]]);
    // Jul–Dec 2022: 10 12 13 11 12 11 — mean 69/6; moving ranges 2 1 2 1 1, mean 7/5 (a whole 2022 would have 15/11).
    close(Number(fig.querySelector("[data-line=mean][data-segment='1']")!.getAttribute("data-value")), 69 / 6, `${lang}: mean of Jul–Dec 2022`);
    close(Number(fig.querySelector("[data-line=upper][data-segment='1']")!.getAttribute("data-value")), 69 / 6 + 2.66 * (7 / 5), `${lang}: upper limit of Jul–Dec 2022`);
    const rule = fig.querySelector(".rule-break[data-rule-kind=recalculation]")!;
    assert.equal(rule.getAttribute("data-rule-date"), "2022-07-01");
    assert.equal(rule.querySelector("title")!.textContent, recorded);
    const measureRule = fig.querySelector(".rule-break[data-rule-kind=measure]")!;
    assert.match(measureRule.querySelector("title")!.textContent!, /Testi|Test/, "a measure's start is labelled with the measure's name");
    // The rule sits where the process starts: its x is the new mean line's start.
    close(Number(rule.querySelector("line")!.getAttribute("x1")), Number(fig.querySelector("[data-line=mean][data-segment='1']")!.getAttribute("x1")), "rule at the break");
    assert.deepEqual([...fig.querySelectorAll(".xmr-break-labels text")].map((t) => [t.getAttribute("data-break"), t.textContent]), [["2022-07-01", label], ["2023-01-01", label]]);
    assert.ok([...fig.querySelectorAll(".chart-legend-item")].some((i) => i.textContent!.trim() === legendText), `${lang}: the rule in the legend`);
    const caption = fig.querySelector("figcaption")!.textContent!;
    assert.ok(caption.includes(from), `${lang}: caption says why: ${caption}`);
    assert.ok([...fig.querySelectorAll("figcaption .rule-list li")].some((li) => li.textContent === `▾ ${recorded}`));
    // The table: the reason on the first month of the new process, nothing on the others.
    const table = xmrTable(cells, o);
    const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
    const col = heads.indexOf(column);
    assert.ok(col > 0, `${lang}: a column ${column} in ${heads.join(" | ")}`);
    const byPeriod = new Map([...table.querySelectorAll("tbody tr")].map((tr) => [tr.children[0].textContent, tr.children[col].textContent]));
    assert.equal(byPeriod.get(formatPeriod("2022-07", lang)), `${formatDate("2022-07-01", lang)}: ${reason[lang]}`);
    assert.match(byPeriod.get(formatPeriod("2023-01", lang))!, /Testi|Test/);
    assert.equal([...byPeriod.values()].filter((v) => v !== "").length, 2);
  }
  // A break with no reason and no rule is still drawn and said.
  const bare = xmrChart(cells, { name: "T3", scope: "Koko kaupunki", measure: "days", direction: "lower", breaks: ["2022-07"], document });
  assert.equal(bare.querySelector(".rule-break[data-rule-kind=recalculation] title")!.textContent, "Rajat laskettu uudelleen");
  assert.match(bare.querySelector("figcaption")!.textContent!, /Rajat laskettu uudelleen 1\.7\.2022 alkaen: –\./);
});

test("xmrChart: fewer than 13 values (v2.6's minimum) — no limits, and the chart says so; withheld months are markers", () => {
  // Twelve months, one withheld: eleven values, so a run chart (v2.6 L299, L3030–3045).
  const values = TWELVE.slice(0, 11);
  const cells = [...monthly("2022-01", values), cell("2022-12", null, { period_type: "month" })];
  const fig = xmrChart(cells, { name: "ENPS", scope: "Koko kaupunki", measure: "nps", direction: "higher", document });
  assert.equal(fig.querySelectorAll("[data-line]").length, 0, "no limits drawn");
  assert.equal(fig.dataset.limits, "none");
  assert.equal(fig.dataset.variation, "none");
  assert.equal(fig.querySelector(".spc-icon"), null, "no icons without limits");
  assert.match(fig.querySelector(".xmr-too-few")!.textContent!, /Alle 13 kuukausiarvoa \(11\): prosessirajoja ei lasketa/);
  assert.match(fig.querySelector("figcaption")!.textContent!, /Alle 13 kuukausiarvoa \(11\)/);
  assert.match(fig.querySelector("figcaption")!.textContent!, /Kuukausia ilman arvoa 1: haamupisteinä/, "the withheld month is a ghosted point");
  const withheld = fig.querySelector(".suppressed-marks [data-period='2022-12']")!;
  assert.equal(withheld.firstChild!.textContent, "..", "the withheld month reads .., not a gap");
  assert.match(withheld.querySelector("title")!.textContent!, /Piilotettu tietosuojan vuoksi/);
});

test("xmrChart: variation and assurance icons are SVG shapes with words", () => {
  // Lower is better; the last seven months all above the mean: a shift (six or more, v2.6 L266), special cause of concern (high).
  const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 13, 13.5, 13, 13.5, 13, 13.5, 13];
  const targets = [{ op: "<=" as const, value: 7, from: null, to: "2023-05-31" }, { op: "<=" as const, value: 20, from: "2023-06-01", to: null }];
  const fig = xmrChart(monthly("2022-01", values), { name: "T3", scope: "Koko kaupunki", measure: "days", direction: "lower", targets, document });
  assert.equal(fig.dataset.variation, "concern-high");
  const variation = fig.querySelector<HTMLElement>(".spc-icon[data-variation]")!;
  assert.equal(variation.dataset.variation, "concern-high");
  assert.equal(variation.querySelector(".spc-icon-label")!.textContent, "Vaihtelu: Merkittävä heikennys, arvot nousseet");
  assert.equal(variation.querySelector("svg")!.getAttribute("aria-hidden"), "true", "the words speak; the shape is decoration");
  assert.ok(variation.querySelector("svg circle") && [...variation.querySelectorAll("svg text")].some((t) => t.textContent === "H"), "an H in a ring");
  assert.equal(variation.querySelector("img"), null);
  // The target in force in the last month (7/2023) is ≤ 20 and the upper limit is below it: pass.
  const assurance = fig.querySelector<HTMLElement>(".spc-icon[data-assurance]")!;
  assert.equal(assurance.dataset.assurance, "pass");
  assert.match(assurance.querySelector(".spc-icon-label")!.textContent!, /^Tavoitteen varmuus: Tavoite saavutetaan luotettavasti/);
  assert.ok([...assurance.querySelectorAll("svg text")].some((t) => t.textContent === "P"));
  // The last seven (above the mean) are concern squares; the first twelve, all below the mean, a shift of improvement: circles.
  const shapes = [...fig.querySelectorAll<SVGElement>(".xmr-points [data-period]")].map((p) => [p.tagName, p.getAttribute("data-variation")]);
  assert.deepEqual(shapes.slice(-7), Array(7).fill(["rect", "concern"]));
  assert.deepEqual(shapes.slice(0, 12), Array(12).fill(["circle", "improvement"]));
  assert.match(fig.querySelector(".xmr-points rect title")!.textContent!, /tilastollisesti poikkeava heikennys \(vähintään 6 peräkkäistä samalla puolella keskiarvoa\)/);
  // The target steps from 7 to 20 on 1.6.2023; met / not met per month by symbol.
  assert.deepEqual([...fig.querySelectorAll(".target-line line[data-target-value]")].map((l) => l.getAttribute("data-target-value")), ["7", "20"]);
  const row = [...fig.querySelectorAll<SVGElement>(".target-status-row [data-period]")];
  assert.equal(row.length, values.length);
  assert.deepEqual(row.map((r) => r.textContent!.slice(0, 1)), values.map((_, i) => (i < 17 ? "✗" : "✓")), "✗ against 7 days, ✓ against 20 from June 2023");
  assert.match(fig.querySelector("figcaption")!.textContent!, /Tavoite ≤\u00A07,0\u202Fvrk \(tammi 2022–touko 2023\): saavutettu 0\/17 jaksossa\. Tavoite ≤\u00A020,0\u202Fvrk \(kesä 2023–heinä 2023\): saavutettu 2\/2 jaksossa\./);
});

test("funnelChart: limit curves follow p ± z√(p(1−p)/n) around the published whole; outliers named, withheld listed", () => {
  const units = [{ unit_id: "A", name: "Alppila" }, { unit_id: "B", name: "Böle" }, { unit_id: "C", name: "Case" }, { unit_id: "D", name: "Dal" }];
  const at = (unit: string, numerator: number, denominator: number) => cell("2023Q1", numerator / denominator, { unit_id: unit, numerator, denominator });
  const unitCells = [at("A", 50, 100), at("B", 90, 100), cell("2023Q1", null, { unit_id: "C" }), at("D", 61, 100)];
  const whole = cell("2023Q1", 0.6, { numerator: 600, denominator: 1000 });
  const fig = funnelChart(unitCells, whole, { name: "Ensikontakti", measure: "share", period: "2023Q1", units, indicator: "ACC_FIRST_CONTACT", document });
  const svg = fig.querySelector("svg.chart")!;
  const [xd0, xd1] = svg.getAttribute("data-x-domain")!.split(",").map(Number);
  const [xr0, xr1] = svg.getAttribute("data-x-range")!.split(",").map(Number);
  const nAt = (x: number) => xd0 + ((x - xr0) * (xd1 - xd0)) / (xr1 - xr0);
  const [yd0, yd1] = svg.getAttribute("data-y-domain")!.split(",").map(Number);
  const [yr0, yr1] = svg.getAttribute("data-y-range")!.split(",").map(Number);
  const shareAt = (y: number) => yd0 + ((y - yr0) * (yd1 - yd0)) / (yr1 - yr0);
  const curves = [...fig.querySelectorAll(".funnel-limits path")];
  assert.equal(curves.length, 4);
  for (const path of curves) {
    const z = Number(path.getAttribute("data-z"));
    const sign = path.getAttribute("data-side") === "upper" ? 1 : -1;
    assert.equal(Number(path.getAttribute("data-p")), 0.6, "p is the published whole");
    const vertices = [...path.getAttribute("d")!.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => [nAt(+m[1]), shareAt(+m[2])]);
    assert.ok(vertices.length > 20);
    for (const [n, share] of vertices) {
      const expected = Math.min(1, Math.max(0, 0.6 + sign * z * Math.sqrt((0.6 * 0.4) / n)));
      assert.ok(Math.abs(share - expected) < 1e-3, `${path.getAttribute("data-limit")} ${path.getAttribute("data-side")} at n=${n.toFixed(1)}: ${share} ≈ ${expected}`);
    }
  }
  assert.deepEqual([...new Set(curves.map((c) => c.getAttribute("data-limit")))].sort(), ["95", "99.8"]);
  assert.deepEqual(curves.map((c) => Number(c.getAttribute("data-z"))).sort(), [1.959964, 1.959964, 3.090232, 3.090232]);
  // The units: B far above (0.9 > 0.6 + 3.09·0.049), A just below the 95 % limit, D within, C withheld and not plotted.
  const plotted = Object.fromEntries([...fig.querySelectorAll<SVGElement>(".funnel-unit")].map((g) => [g.dataset.unit, g.dataset.funnel]));
  assert.deepEqual(plotted, { A: "below-95", B: "above-99.8", D: "within" });
  const labels = [...fig.querySelectorAll(".funnel-unit > text")].map((t) => t.textContent);
  assert.deepEqual(labels.sort(), ["Alppila", "Böle"], "outliers named on the chart, the unit within is not");
  const groups = Object.fromEntries([...fig.querySelectorAll<HTMLElement>(".funnel-list li")].map((li) => [li.dataset.funnelGroup, li.textContent]));
  assert.equal(groups["above-99.8"], "99,8 %:n ylärajan yläpuolella: Böle.");
  assert.equal(groups["below-95"], "95 %:n alarajan alapuolella: Alppila.");
  assert.equal(groups.suppressed, "Piilotettu tietosuojan vuoksi, ei kuvassa: Case.");
  assert.match(fig.querySelector("figcaption .withheld-legend")!.textContent!, /^\.\. Piilotettu tietosuojan vuoksi: /);
  assert.equal(fig.dataset.suppressedUnits, "C");
  const b = fig.querySelector<SVGElement>(".funnel-unit[data-unit=B]")!;
  assert.deepEqual([b.dataset.value, b.dataset.numerator, b.dataset.denominator], ["0.9", "90", "100"]);
  // No ranking: nothing sorts the units by value, and the list keeps the given (name) order.
  assert.ok(!/\b(1\.|sija|rank)/i.test(fig.textContent!));
});

test("funnelChart: without a published whole there is no funnel, and it says so", () => {
  const fig = funnelChart([], cell("2023Q1", null), { name: "X", measure: "share", period: "2023Q1", units: [], document });
  assert.equal(fig.querySelector("svg"), null);
  assert.match(fig.textContent!, /suppilokuviota ei piirretä/);
});

test("guardrail: a unit with a concern in one dimension while another improves is listed, by name", () => {
  const indicators = [
    { id: "STAFF_SICK_LEAVE", dimension: "HENKILOSTOKOKEMUS", direction: "lower" as const },
    { id: "ACC_FIRST_CONTACT", dimension: "SAATAVUUS_VAIKUTTAVUUS", direction: "higher" as const },
    { id: "CX_NPS", dimension: "ASIAKASKOKEMUS", direction: "higher" as const },
  ];
  const flat = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10];
  const rising = [...flat.slice(0, 12), 13, 13.5, 13, 13.5, 13, 13.5, 13];
  const series: Record<string, Record<string, (number | null)[]>> = {
    ALL: { STAFF_SICK_LEAVE: flat, ACC_FIRST_CONTACT: flat, CX_NPS: flat },
    U1: { STAFF_SICK_LEAVE: rising, ACC_FIRST_CONTACT: rising, CX_NPS: flat }, // sick leave up (worse), first contact up (better)
    U2: { STAFF_SICK_LEAVE: flat, ACC_FIRST_CONTACT: flat, CX_NPS: rising.map((v) => (v === null ? null : 20 - v)) }, // NPS down: concern only
    U3: { STAFF_SICK_LEAVE: flat, ACC_FIRST_CONTACT: rising, CX_NPS: flat }, // improvement only
  };
  // The statuses, computed once from every scope's monthly cells (as the loaders do); the guardrail reads the month's icon.
  const cells = Object.entries(series).flatMap(([scope, byId]) => Object.entries(byId).map(([id, values]) => monthly("2022-01", values, { indicator_id: id, unit_id: scope })).flat());
  const statuses = computeStatuses(cells, { catalogue: { indicators: indicators.map((i) => ({ ...i, developmentArea: "KA1", benefitGoals: [] })) }, programme: { measures: [] } });
  const icon = (upTo: string) => (scope: string, id: string) => statuses.get(statusKey({ indicator_id: id, period_type: "month", period: upTo, unit_id: scope, breakdown_value: "ALL" }))?.spc;
  const result = guardrail(["ALL", "U3", "U2", "U1"], indicators, icon("2023-07"));
  const byScope = Object.fromEntries(result.map((r) => [r.scope, r]));
  assert.deepEqual(byScope.U1.concerns.map((c) => [c.dimension, c.indicator, c.icon]), [["HENKILOSTOKOKEMUS", "STAFF_SICK_LEAVE", "concern-high"]]);
  assert.deepEqual(byScope.U1.improvingElsewhere, ["SAATAVUUS_VAIKUTTAVUUS"]);
  assert.equal(byScope.U1.tradeoff, true);
  assert.equal(byScope.U2.tradeoff, false);
  assert.deepEqual(byScope.U2.concerns.map((c) => c.icon), ["concern-low"]);
  assert.deepEqual(byScope.U3.concerns, []);
  assert.deepEqual(byScope.ALL.concerns, []);
  // Read up to an earlier month the rise has not begun: no concern.
  assert.deepEqual(guardrail(["U1"], indicators, icon("2022-12"))[0].concerns, []);

  const names: Record<string, string> = { U1: "Vuosaari", U2: "Alppila", U3: "Böle", ALL: "Koko kaupunki" };
  const table = guardrailTable(result, {
    month: "2023-07", order: ["ALL", "U2", "U3", "U1"], scopeName: (s) => names[s], scopeHref: (s) => `./units/${s}`,
    dimensionName: (d) => ({ HENKILOSTOKOKEMUS: "Henkilöstökokemus", SAATAVUUS_VAIKUTTAVUUS: "Saatavuus ja vaikuttavuus", ASIAKASKOKEMUS: "Asiakaskokemus" })[d]!,
    indicatorName: (id) => id, document,
  });
  const rows = [...table.querySelectorAll<HTMLElement>("tr[data-guardrail-scope]")];
  assert.deepEqual(rows.map((r) => r.dataset.guardrailScope), ["U2", "U1"], "units with a concern, in name order; the one that only improves is not listed");
  const u1 = rows[1];
  assert.equal(u1.dataset.tradeoff, "true");
  assert.equal(u1.dataset.concernDimensions, "HENKILOSTOKOKEMUS");
  assert.match(u1.textContent!, /Vuosaari.*Henkilöstökokemus: STAFF_SICK_LEAVE \(arvot nousseet\).*⚠ Saatavuus ja vaikuttavuus paranee merkittävästi/);
  assert.equal(rows[0].querySelectorAll("td")[1].textContent, "–");
  assert.match(table.querySelector(".guardrail-summary")!.textContent!, /Koko kaupungissa ei merkittävää heikennystä\. Yksiköitä, joissa merkittävä heikennys: 2\/3; niistä 1 samalla kun toinen ulottuvuus paranee\./);
});

test("targets per period: a table cell says met or not in words and with a symbol", () => {
  const t3 = [{ op: "<=" as const, value: 7, from: null, to: "2023-08-31" }, { op: "<=" as const, value: 14, from: "2023-09-01", to: null }];
  const before = targetStatusCell(cell("2023-08", 10), t3, "2023-08", "days", "fi", document) as HTMLElement;
  const after = targetStatusCell(cell("2023-09", 10), t3, "2023-09", "days", "fi", document) as HTMLElement;
  assert.equal(before.textContent, `≤\u00A07,0${N}vrk: ✗ ei saavutettu`);
  assert.equal(after.textContent, `≤\u00A014,0${N}vrk: ✓ saavutettu`);
  assert.equal(before.dataset.targetMet, "false");
  assert.equal(after.dataset.targetMet, "true");
  assert.equal((targetStatusCell(cell("2023-09", null), t3, "2023-09", "days", "fi", document) as HTMLElement).textContent, `≤\u00A014,0${N}vrk: ei arvioitavissa`);
  assert.equal(targetStatusCell(cell("2023-09", 10), [], "2023-09", "days", "fi", document), "–");
  // The trend chart steps where the rule changes and marks each period.
  const fig = trendChart([{ key: "ALL", label: "Koko kaupunki", cells: monthly("2023-07", [10, 10, 10, 10]), role: "main" }], { name: "T3", scope: "Koko kaupunki", measure: "days", targets: t3, document });
  assert.deepEqual([...fig.querySelectorAll(".target-line line[data-target-value]")].map((l) => [l.getAttribute("data-target-value"), l.getAttribute("data-from"), l.getAttribute("data-to")]), [["7", "2023-07-01", "2023-08-31"], ["14", "2023-09-01", "2023-10-31"]]);
  assert.deepEqual([...fig.querySelectorAll(".target-status-row [data-period]")].map((m) => m.firstChild!.textContent), ["✗", "✗", "✓", "✓"]);
});

// ---------------------------------------------------------------------------
// Withheld cells: one mark, "..", everywhere, with its legend — never "< 5".

test("withheld cells: every component shows '..' with the words and the legend, in each language, and never '< 5'", () => {
  const spoken = { fi: "piilotettu tietosuojan vuoksi", sv: "dold av dataskyddsskäl", en: "withheld for privacy" } as const;
  const legend = {
    fi: ".. Piilotettu tietosuojan vuoksi: solussa on alle kynnysarvon (5, henkilöstökyselyssä 10) havaintoja, tai se on piilotettu, jottei tällaista lukua voi päätellä muista julkaistuista luvuista.",
    sv: ".. Dold av dataskyddsskäl: cellen har färre observationer än tröskeln (5, i personalenkäten 10), eller den har dolts så att en sådan siffra inte kan räknas ut ur de andra publicerade siffrorna.",
    en: ".. Withheld to protect privacy: the cell has fewer observations than the threshold (5; staff survey 10), or it is withheld so that such a figure cannot be worked out from the other published figures.",
  } as const;
  const OLD = /<\s*\d|&lt;\s*\d|\b(?:alle|under) \d/;
  const targets = [{ op: ">=" as const, value: 0.75, from: null, to: null, source: { fi: "", sv: "", en: "" } }];
  // A staff-survey month under 10 and a health station withheld as a partner: both read "..".
  const quarters = [cell("2023Q1", 0.6), cell("2023Q2", null), cell("2023Q3", 0.7)];
  const months = [...monthly("2022-01", THIRTEEN), cell("2023-02", null, { period_type: "month" })];
  const units = [{ unit_id: "A", name: "Alppila" }, { unit_id: "B", name: "Böle" }];
  const unitCells = [cell("2023Q3", 0.5, { unit_id: "A", numerator: 50, denominator: 100 }), cell("2023Q3", null, { unit_id: "B" })];
  for (const lang of ["fi", "sv", "en"] as const) {
    const parts: [string, Element][] = [
      ["trendChart", trendChart([{ key: "ALL", label: "Koko", cells: quarters, role: "main" }], { name: "N", scope: "Koko", measure: "share", targets, lang, document })],
      ["xmrChart", xmrChart(months, { name: "N", scope: "Koko", measure: "nps", direction: "higher", lang, document })],
      ["xmrTable", xmrTable(months, { name: "N", scope: "Koko", measure: "nps", direction: "higher", lang, document })],
      ["seriesTable", seriesTable([{ label: "Koko", cells: quarters }], { name: "N", measure: "share", targets, lang, document })],
      ["unitComparison", unitComparison(unitCells, cell("2023Q3", 0.7), { name: "N", measure: "share", direction: "higher", period: "2023Q3", units, lang, document })],
      ["unitSpread", unitSpread(unitCells, quarters, { name: "N", measure: "share", period: "2023Q3", unitNames: new Map([["A", "Alppila"], ["B", "Böle"]]), lang, document })],
      ["unitSpreadTable", unitSpreadTable(unitCells, quarters, { name: "N", measure: "share", unitNames: new Map([["A", "Alppila"], ["B", "Böle"]]), lang, document })],
      ["funnelChart", funnelChart(unitCells, cell("2023Q3", 0.6, { numerator: 600, denominator: 1000 }), { name: "N", measure: "share", period: "2023Q3", units, lang, document })],
      ["figureTable", figureTable(2, [{ label: "Yksikkö", text: (i) => units[i].name }, { label: "Arvo", numeric: true, cell: (i) => ({ cell: unitCells[i], indicator: "X", period: "2023Q3", unit: units[i].unit_id, measure: "share" }) }], { lang, document })],
      ["headlineCard", headlineCard({ indicator: "X", name: "N", measure: "share", direction: "higher", targets, series: quarters, assessment: assess({ id: "X", direction: "higher", targets }, quarters, "2023Q2"), scope: "Koko", lang, document })],
    ];
    for (const [name, el] of parts) {
      const html = el.outerHTML;
      assert.doesNotMatch(html, OLD, `${name} ${lang}: no "< 5" / "alle 5"`);
      assert.ok(el.textContent!.includes(".."), `${name} ${lang}: the mark ".."`);
      // Wherever the mark is in the text, it is read out in words, or explained by the legend, or both.
      assert.ok(html.includes(spoken[lang]) || html.includes(legend[lang]), `${name} ${lang}: the words`);
      if (name !== "headlineCard") assert.ok(el.textContent!.includes(legend[lang]), `${name} ${lang}: the legend`);
    }
    // Table cells: ".." on screen, the words for a screen reader.
    const td = parts.find(([n]) => n === "figureTable")![1].querySelector<HTMLElement>("[data-state=suppressed]")!;
    assert.equal(td.querySelector("[aria-hidden=true]")!.textContent, "..");
    assert.equal(td.querySelector(".visually-hidden")!.textContent, spoken[lang]);
    // Chart markers at the foot of the plot read "..".
    for (const name of ["trendChart", "xmrChart"]) {
      const marks = [...parts.find(([n]) => n === name)![1].querySelectorAll(".suppressed-marks text")];
      assert.ok(marks.length > 0 && marks.every((m) => m.firstChild!.textContent === ".."), `${name} ${lang}: markers`);
    }
  }
});

// ---------------------------------------------------------------------------
// Issue 14 (drawing on d3-scale, d3-array, d3-shape, d3-time) and issue 16
// (charts legible by construction).

test("axes: no chart has two equal tick labels on an axis, in any language", () => {
  let seed = 3;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const units = [{ unit_id: "A", name: "Alppila" }, { unit_id: "B", name: "Böle" }, { unit_id: "C", name: "Case" }];
  const axisLabels = (fig: Element) => [...fig.querySelectorAll("svg g.x-axis, svg g.y-axis")].map((g) => [...g.querySelectorAll(":scope > text")].map((n) => n.textContent!));
  for (let i = 0; i < 150; i++) {
    const measure = (["share", "mean_1_5", "nps", "days", "eur"] as const)[i % 5];
    const base = measure === "share" ? random() * 0.8 : (random() - 0.2) * 10 ** Math.floor(random() * 5 - 1);
    const spread = measure === "share" ? random() ** 3 * 0.2 : Math.abs(base || 1) * random() ** 3;
    const value = () => (measure === "share" ? Math.min(1, base + random() * spread) : base + random() * spread);
    const length = 2 + Math.floor(random() * 60);
    const series = monthly("2019-03", Array.from({ length }, value));
    const quarters = ["2021Q1", "2021Q2", "2021Q3", "2021Q4", "2022Q1"].map((p) => cell(p, value()));
    const unitCells = units.map((u) => cell("2021Q4", value(), { unit_id: u.unit_id, numerator: 40 + Math.floor(random() * 400), denominator: 500 }));
    const lang = (["fi", "sv", "en"] as const)[i % 3];
    const width = 300 + Math.floor(random() * 700);
    const figures = [
      trendChart([{ key: "ALL", label: "Koko", cells: series, role: "main" }], { name: "N", scope: "Koko", measure, lang, width, document }),
      // Three breakdown lines in one plot, six as small multiples.
      ...[3, 6].map((n) => trendChart(Array.from({ length: n }, (_, k) => ({ key: String(k), label: `B${k}`, cells: monthly("2019-03", Array.from({ length }, value)).map((c) => ({ ...c, breakdown_value: String(k) })), role: "other" as const })), { name: "N", scope: "Koko", measure, lang, width, document })),
      xmrChart(series, { name: "N", scope: "Koko", measure, direction: "higher", lang, width, document }),
      unitSpread(unitCells, quarters, { name: "N", measure, period: "2021Q4", unitNames: new Map(units.map((u) => [u.unit_id, u.name])), lang, width, document }),
      unitComparison(unitCells, quarters[3], { name: "N", measure, direction: "higher", period: "2021Q4", units, lang, width, document }),
      ...(measure === "share" ? [funnelChart(unitCells, cell("2021Q4", base + spread / 2, { numerator: 1, denominator: 2 }), { name: "N", measure, period: "2021Q4", units, lang, width, document })] : []),
    ];
    for (const fig of figures) {
      for (const labels of axisLabels(fig)) {
        assert.equal(new Set(labels).size, labels.length, `${fig.className} ${measure} ${lang} ${width}: ${labels.join(" | ")}`);
      }
    }
  }
});

test("time axis: month ticks only (a year on January, else 7/2021), as many as fit", () => {
  for (const [from, count, width] of [["2021-01", 1, 640], ["2021-05", 3, 640], ["2019-01", 60, 640], ["2019-01", 60, 300], ["2015-07", 120, 360]] as const) {
    const fig = trendChart([{ key: "ALL", label: "Koko", cells: monthly(from, Array(count).fill(5)), role: "main" }], { name: "N", scope: "Koko", measure: "days", width, document });
    const labels = [...fig.querySelectorAll("svg g.x-axis text")].map((n) => n.textContent!);
    assert.ok(labels.length >= 1, `${from} ${count}: a tick`);
    assert.ok(labels.every((l) => /^(\d{1,2}\/)?\d{4}$/.test(l)), labels.join(" "));
    assert.equal(new Set(labels).size, labels.length);
    assert.ok(labels.length <= Math.max(1, Math.floor((width - 68) / 70)) + 1, `${width} px: ${labels.length} ticks`);
  }
});

test("lines break where a value is withheld or missing (d3-shape's line with defined), never drawn through it or to 0", () => {
  const cells = [cell("2021Q1", 0.5), cell("2021Q2", 0.6), cell("2021Q3", null), cell("2021Q4", 0.7), cell("2022Q1", 0.65)];
  const fig = trendChart([{ key: "ALL", label: "Koko", cells, role: "main" }], { name: "N", scope: "Koko", measure: "share", document });
  const paths = [...fig.querySelectorAll(".series[data-series=ALL] path")];
  assert.equal(paths.length, 1, "one path per series");
  const d = paths[0].getAttribute("d")!;
  assert.equal(d.match(/M/g)!.length, 2, `two runs: ${d}`);
  assert.equal(d.match(/L/g)!.length, 2, `one segment in each run: ${d}`);
  // The dots sit where the scale the SVG declares puts their values.
  const svg = fig.querySelector("svg.chart")!;
  for (const dot of fig.querySelectorAll(".series circle[data-value]")) {
    assert.ok(Math.abs(Number(dot.getAttribute("cy")) - yPixel(svg, Number(dot.getAttribute("data-value")))) < 0.01);
  }
  // The value axis is made nice: it starts and ends on a labelled tick.
  const [d0, d1] = svg.getAttribute("data-y-domain")!.split(",").map(Number);
  const ticks = [...fig.querySelectorAll("svg g.y-axis text")].map((n) => n.textContent);
  assert.equal(ticks[0], `${Math.round(d0 * 100)}${N}%`);
  assert.equal(ticks[ticks.length - 1], `${Math.round(d1 * 100)}${N}%`);
});

test("breakdowns: up to four lines share a plot in distinct colours; more are small multiples, one highlighted line over grey per panel", () => {
  const professions = Array.from({ length: 11 }, (_, k) => `P${k + 1}`);
  const series = (values: readonly string[]) => values.map((v, k) => ({
    key: v, label: `Ammatti ${k + 1}`, role: "other" as const,
    cells: ["2021Q1", "2021Q2", "2021Q3", "2021Q4"].map((p, j) => (k === 3 && j === 2 ? cell(p, null, { breakdown_value: v }) : cell(p, 0.4 + 0.03 * k + 0.01 * j, { breakdown_value: v }))),
  }));
  const few = trendChart(series(professions.slice(0, 4)), { name: "N – Ammatti", scope: "Koko", measure: "share", document });
  const colours = [...few.querySelectorAll("svg .series")].map((g) => g.getAttribute("stroke"));
  assert.equal(colours.length, 4);
  assert.equal(new Set(colours).size, 4, "four distinct colours");
  assert.equal(few.querySelectorAll(".chart-legend-item").length >= 4, true, "each line in the legend");

  const targets = [{ op: ">=" as const, value: 0.5, from: null, to: null }];
  const all = series(professions);
  const many = trendChart(all, { name: "N – Ammatti", scope: "Koko", measure: "share", targets, document, rules: [{ date: "2021-05", title: "Toimenpide alkoi: Testi" }] });
  assert.ok(many.classList.contains("small-multiples"));
  const svgs = many.querySelectorAll("svg.chart");
  assert.equal(svgs.length, 1, "one image");
  assert.equal(svgs[0].getAttribute("role"), "img");
  const panels = [...many.querySelectorAll<SVGGElement>("svg.chart .small-multiple")];
  assert.deepEqual(panels.map((p) => p.getAttribute("data-series")), professions, "a panel per value, in the given order");
  for (const [k, panel] of panels.entries()) {
    assert.equal(panel.querySelector(":scope > text")!.textContent, `Ammatti ${k + 1}`, "the panel names its value");
    assert.equal(panel.querySelectorAll(".context path").length, 10, "the other values in grey");
    const own = panel.querySelector(".series")!;
    assert.equal(own.getAttribute("data-series"), professions[k]);
    const published = all[k].cells.filter((c) => c.value !== null);
    assert.deepEqual([...own.querySelectorAll("circle")].map((c) => [c.getAttribute("data-period"), c.getAttribute("data-value")]), published.map((c) => [c.period, String(c.value)]), "a dot per published value");
    assert.equal(panel.querySelectorAll(".target-step").length, 1);
  }
  assert.equal(new Set(panels.map((p) => p.querySelector(".series")!.getAttribute("stroke"))).size, 1, "one highlight colour: no colour stands for two values");
  assert.equal(panels[3].querySelector(".suppressed-marks [data-period='2021Q3']")!.firstChild!.textContent, "..", "withheld reads ..");
  assert.equal(new Set(panels.map((p) => p.querySelector(".y-axis")!.textContent)).size, 1, "one shared value scale");
  const caption = many.querySelector("figcaption")!.textContent!;
  assert.match(caption, /Ammatti 1/);
  assert.match(caption, /Toimenpide alkoi: Testi/);
  assert.match(caption, /\.\. Piilotettu tietosuojan vuoksi/);
});

test("funnelChart: outlier names never overlap one another or a point; those left off are in the list", () => {
  // Forty units crowded at the same denominator, half far outside the limits.
  const units = Array.from({ length: 40 }, (_, k) => ({ unit_id: `U${k}`, name: `Terveysasema ${k}` }));
  const unitCells = units.map((u, k) => cell("2023Q1", (k % 2 ? 0.9 : 0.3) + k * 0.001, { unit_id: u.unit_id, numerator: 1, denominator: 200 + k }));
  const fig = funnelChart(unitCells, cell("2023Q1", 0.6, { numerator: 600, denominator: 1000 }), { name: "N", measure: "share", period: "2023Q1", units, document });
  const box = (t: Element) => {
    const x = Number(t.getAttribute("x"));
    const y = Number(t.getAttribute("y"));
    const w = t.textContent!.length * 5.6;
    const anchor = t.getAttribute("text-anchor");
    const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
    return { x0, x1: x0 + w, y0: y - 5, y1: y + 5 };
  };
  const labels = [...fig.querySelectorAll(".funnel-unit > text")].map(box);
  assert.ok(labels.length > 0 && labels.length < 40, `${labels.length} names on the chart`);
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
    const [a, b] = [labels[i], labels[j]];
    assert.ok(!(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1), `labels ${i} and ${j} overlap`);
  }
  const dots = [...fig.querySelectorAll(".funnel-unit circle")].map((c) => ({ x: Number(c.getAttribute("cx")), y: Number(c.getAttribute("cy")) }));
  for (const l of labels) for (const d of dots) assert.ok(!(l.x0 < d.x + 3 && d.x - 3 < l.x1 && l.y0 < d.y + 3 && d.y - 3 < l.y1), "a name covers a point");
  const listed = [...fig.querySelectorAll<HTMLElement>(".funnel-list li")].flatMap((li) => (li.dataset.units ?? "").split(" ").filter(Boolean));
  assert.equal(listed.length, 40, "every unit outside the limits is named in the list");
});

test("the selected period's grey band: named in the legend (fi/sv/en) and clipped to the plotting area", () => {
  // Monthly eNPS for 1–8/2021 with the half-year 7–12/2021 selected: the band runs from July to the chart's right edge, not beyond.
  // timeChartFrame's margins at width 640: the plot spans x 52…624.
  const enps = monthly("2021-01", [5, 8, -2, 3, 10, 4, 6, 7]);
  const within = (fig: Element, label: string) => {
    const band = fig.querySelector<SVGRectElement>("svg rect.selected-period");
    assert.ok(band, `${label}: a band`);
    const x = Number(band.getAttribute("x"));
    const right = x + Number(band.getAttribute("width"));
    assert.ok(x >= 52 && right <= 624 + 1e-9, `${label}: band ${x}…${right} within the plot 52…624`);
    return { x, right };
  };
  const legendTexts = (fig: Element) => [...fig.querySelectorAll(".chart-legend-item")].map((n) => n.textContent!.trim());
  const xmr = xmrChart(enps, { name: "eNPS", scope: "Koko kaupunki", measure: "nps", direction: "higher", selectedPeriod: "2021H2", width: 640, document });
  const { x, right } = within(xmr, "xmr");
  assert.ok(x > 52 + 286 && Math.abs(right - 624) < 1e-9, `starts in July (past the middle) and is cut at the right edge: ${x}…${right}`);
  assert.ok(legendTexts(xmr).includes("harmaa alue: valittu jakso 7–12/2021"), legendTexts(xmr).join(" | "));
  assert.ok(xmr.querySelector(".chart-legend-item .swatch-band rect"), "the legend's swatch is the band as drawn");
  const sv = xmrChart(enps, { name: "eNPS", scope: "Hela staden", measure: "nps", direction: "higher", selectedPeriod: "2021H2", width: 640, lang: "sv", document });
  assert.ok(legendTexts(sv).includes("grått fält: vald period 7–12/2021"));
  // A quarterly trend with the year 2021 selected: cut at both ends of Q1–Q3.
  const quarters = [cell("2021Q1", 0.5), cell("2021Q2", 0.55), cell("2021Q3", 0.6)];
  const trend = trendChart([{ key: "ALL", label: "Whole city", cells: quarters, role: "main" }], { name: "N", scope: "Whole city", measure: "share", selectedPeriod: "2021", width: 640, lang: "en", document });
  const cut = within(trend, "trend");
  assert.deepEqual([cut.x, cut.right], [52, 624], "the whole plot, no more");
  assert.ok(legendTexts(trend).includes("grey band: the selected period, 2021"), legendTexts(trend).join(" | "));
  // The spread of units: the same band and entry.
  const spread = unitSpread([cell("2021Q2", 0.4, { unit_id: "A" })], quarters, { name: "N", measure: "share", period: "2021Q2", unitNames: new Map([["A", "Alppila"]]), width: 640, document });
  within(spread, "spread");
  assert.ok(legendTexts(spread).includes("harmaa alue: valittu jakso Q2/2021"));
  // A period outside the chart: no band, and no entry for it.
  const outside = xmrChart(enps, { name: "eNPS", scope: "Koko kaupunki", measure: "nps", direction: "higher", selectedPeriod: "2022H1", width: 640, document });
  assert.equal(outside.querySelector("rect.selected-period"), null);
  assert.ok(!legendTexts(outside).some((s) => s.startsWith("harmaa alue")));
});
