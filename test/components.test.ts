// The pages' pure pieces: number formats beyond the basics, period helpers,
// the headline assessment, slices as the browser decodes them, and the
// components rendered in a DOM (jsdom, which Observable Framework brings).
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { encodeSlice } from "../loaders/page-slices.ts";
import { cellValue, exportText } from "../src/components/cell-value.ts";
import { describeTrend } from "../src/components/chart-common.ts";
import { choosePeriod, periodTypeInput, selectInput } from "../src/components/controls.ts";
import { headlineCard } from "../src/components/headline-card.ts";
import { measureRules } from "../src/components/measures.ts";
import { trendChart } from "../src/components/trend-chart.ts";
import { unitComparison } from "../src/components/unit-charts.ts";
import { formatCell, formatChange, formatDateTime, formatProgrammeDate, formatValueWithUnit } from "../src/lib/format.ts";
import { currentLang, STRINGS, t } from "../src/lib/i18n.ts";
import { convertPeriod, isPartial, previousPeriod } from "../src/lib/periods.ts";
import { missingMonths, monthsBetween } from "../src/lib/quality.ts";
import { CellIndex, decodeSlice, type Cell, type SliceJson } from "../src/lib/slices.ts";
import { assess, dimensionVerdict, judge, tradeoff } from "../src/lib/status.ts";

const N = "\u202F";
const { document } = new JSDOM("<!doctype html><body></body>").window;

const cell = (period: string, value: number | null, extra: Partial<Cell> = {}): Cell => ({
  indicator_id: "ACC_FIRST_CONTACT", period_type: /Q/.test(period) ? "quarter" : /H/.test(period) ? "half" : /-/.test(period) ? "month" : "year",
  period, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL", numerator: value === null ? null : 1, denominator: value === null ? null : 2,
  value, suppressed: value === null, ...extra,
});

test("format: cells read as value, '< threshold' or 'ei tietoa' — never 0", () => {
  assert.equal(formatCell(cell("2021Q1", 0.573), "share", 5), `57,3${N}%`);
  assert.equal(formatCell(cell("2021Q1", null), "share", 10), `<${N}10`);
  assert.equal(formatCell(undefined, "share", 5), "ei tietoa");
  assert.equal(formatCell(undefined, "share", 5, "sv"), "uppgift saknas");
  assert.equal(formatCell(cell("2021Q1", 0), "count", 5), "0", "a published zero is a zero");
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
  const missing = missingMonths([{ table: "visits", month: "2021-11", rows: 3 }, { table: "visits", month: "2022-01", rows: 0 }], ["visits", "costs"], ["2021-11", "2021-12", "2022-01"]);
  assert.deepEqual(missing.get("visits"), ["2021-12", "2022-01"]);
  assert.deepEqual(missing.get("costs"), ["2021-11", "2021-12", "2022-01"]);
});

test("slices: the browser decodes what the loader encodes", () => {
  const cells = [cell("2021Q1", 0.5), cell("2021Q2", null), cell("2021Q3", 0.1 + 0.2, { unit_id: "U1" })];
  const back = decodeSlice(JSON.parse(JSON.stringify(encodeSlice(cells))) as SliceJson);
  const index = new CellIndex(back);
  assert.deepEqual(index.get("ACC_FIRST_CONTACT", "quarter").map((c) => c.period), ["2021Q1", "2021Q2"]);
  assert.equal(index.cell("ACC_FIRST_CONTACT", "2021Q3", "quarter", "U1")?.value, 0.1 + 0.2);
  assert.deepEqual(index.units("ACC_FIRST_CONTACT", "quarter"), ["U1"]);
});

test("status: changes, target at the period's end, and the quadruple-aim trade-off", () => {
  const t3 = { id: "ACC_T3_MEDIAN", direction: "lower" as const, targets: [
    { op: "<=" as const, value: 7, from: null, to: "2023-08-31" }, { op: "<=" as const, value: 14, from: "2023-09-01", to: null },
  ] };
  const series = [cell("2023Q1", 12), cell("2023Q2", 10), cell("2023Q3", 13)];
  const a = assess(t3, series, "2023Q3");
  assert.equal(a.changePrevious, 3);
  assert.equal(a.judgementPrevious, "worse", "lower is better");
  assert.equal(a.changeBaseline, 1);
  assert.equal(a.target?.value, 14, "the target in force on 30.9.2023");
  assert.equal(a.met, true);
  assert.equal(a.basis, "previous", "fewer than 12 periods: no SPC");
  assert.equal(a.verdict, "worsening");
  assert.equal(assess(t3, series, "2023Q2").target?.value, 7);
  const withheld = assess(t3, [...series, cell("2023Q4", null)], "2023Q4");
  assert.equal(withheld.changePrevious, null);
  assert.equal(withheld.met, null, "a withheld value is neither met nor missed");
  assert.equal(judge(2, null), null);
  assert.equal(dimensionVerdict(["improving", "worsening"]), "mixed");
  assert.equal(dimensionVerdict([null, "stable"]), "stable");
  assert.deepEqual(tradeoff(new Map([["A", "worsening"], ["B", "improving"], ["C", "stable"]])), { worse: ["A"], better: ["B"] });
  assert.deepEqual(tradeoff(new Map([["A", "worsening"], ["B", "stable"]])), { worse: [], better: [] });
});

test("cellValue carries the exact published value and what it is", () => {
  const el = cellValue(cell("2021Q1", 0.1 + 0.2), { indicator: "ACC_FIRST_CONTACT", period: "2021Q1", measure: "share", threshold: 5, document });
  assert.equal(el.dataset.value, "0.30000000000000004");
  assert.equal(el.dataset.state, "value");
  assert.equal(el.textContent, `30,0${N}%`);
  const hidden = cellValue(cell("2021Q1", null), { indicator: "STAFF_ENPS", period: "2021Q1", unit: "U1", measure: "nps", threshold: 10, document });
  assert.equal(hidden.dataset.state, "suppressed");
  assert.equal(hidden.dataset.value, "");
  assert.equal(hidden.dataset.unit, "U1");
  assert.equal(hidden.textContent, `<${N}10`);
  assert.equal(cellValue(undefined, { indicator: "X", period: "2021", measure: "share", threshold: 5, document }).textContent, "ei tietoa");
  assert.equal(exportText(-0), "0");
});

test("trendChart: an SVG with a caption stating latest value, target and direction; withheld cells marked", () => {
  const targets = [{ op: ">=" as const, value: 0.75, from: null, to: null }];
  const cells = [cell("2021Q1", 0.5), cell("2021Q2", null), cell("2021Q3", 0.6)];
  const fig = trendChart([{ key: "ALL", label: "Koko kaupunki", cells, role: "main" }], {
    name: "Ensikontakti", scope: "Koko kaupunki", measure: "share", threshold: 5, targets, document,
    rules: [{ date: "2021-05", title: "Toimenpide alkoi: Testi" }],
  });
  assert.ok(fig.querySelector("svg"));
  const caption = fig.querySelector("figcaption")!.textContent!;
  assert.match(caption, /viimeisin Q3\/2021 60,0\u202F%/);
  assert.match(caption, /Tavoite ≥\u00A075,0\u202F%: ei saavutettu/);
  assert.match(caption, /nouseva/);
  assert.match(caption, /Toimenpide alkoi: Testi/, "rules are listed in the caption");
  assert.ok([...fig.querySelectorAll("svg title")].some((n) => n.textContent === "Toimenpide alkoi: Testi"), "rule mark titled with the measure");
  assert.ok([...fig.querySelectorAll("svg text")].some((n) => n.firstChild?.textContent === "<5"), "the withheld quarter reads <5");
  const ticks = [...fig.querySelectorAll("svg g[aria-label='x-axis tick label'] text")].map((n) => n.textContent);
  assert.ok(ticks.includes("2021") && ticks.every((x) => /^(\d{1,2}\/)?\d{4}$/.test(x ?? "")), `Finnish time ticks: ${ticks.join(" ")}`);
  assert.equal(describeTrend([], { name: "X", scope: "Y", measure: "share", threshold: 5 }), "X, Y: Ei julkaistavia arvoja.");
});

test("headlineCard: value, changes against the previous period and the baseline, target", () => {
  const indicator = { id: "ACC_FIRST_CONTACT", direction: "higher" as const, targets: [{ op: ">=" as const, value: 0.75, from: null, to: null, source: { fi: "", sv: "", en: "" } }] };
  const series = [cell("2021Q1", 0.5), cell("2021Q2", 0.55), cell("2021Q3", 0.8)];
  const card = headlineCard({
    indicator: indicator.id, name: "Ensikontakti", measure: "share", threshold: 5, direction: "higher", targets: indicator.targets,
    series, assessment: assess(indicator, series, "2021Q3"), scope: "Koko kaupunki", document,
  });
  const shown = [...card.querySelectorAll<HTMLElement>("[data-period]")].map((e) => [e.dataset.period, e.dataset.value]);
  assert.deepEqual(shown, [["2021Q3", "0.8"], ["2021Q2", "0.55"], ["2021Q1", "0.5"]]);
  assert.match(card.textContent!, /\+25,0\u202F%-yks\./);
  assert.equal(card.querySelector<HTMLElement>("[data-target-met]")?.dataset.targetMet, "true");
  assert.ok(card.querySelector(".sparkline[aria-label]"));
});

test("unitComparison keeps the given (name) order and marks withheld units", () => {
  const units = [{ unit_id: "B", name: "Alppila" }, { unit_id: "A", name: "Böle" }];
  const fig = unitComparison([cell("2021Q1", 0.9, { unit_id: "A" }), cell("2021Q1", null, { unit_id: "B" })], cell("2021Q1", 0.7), {
    name: "Ensikontakti", measure: "share", threshold: 5, direction: "higher", period: "2021Q1", units, document,
  });
  const ticks = [...fig.querySelectorAll("svg g[aria-label='y-axis tick label'] text")].map((n) => n.textContent);
  assert.deepEqual(ticks, ["Alppila", "Böle"]);
  assert.ok([...fig.querySelectorAll("svg text")].some((n) => n.textContent === `<${N}5`));
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
