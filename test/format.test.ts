// Finnish, Swedish and English number and date formats.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ticks as d3Ticks } from "d3-array";
import { scaleLinear } from "d3-scale";
import { linearScale } from "../src/components/charts/svg.ts";
import {
  WITHHELD_MARK, displayedChange, displayedValue, exportNumber, formatCell, formatChange, formatCount, formatDate, formatMonthTick, formatNumber, formatPercent, formatPeriod,
  formatTargetValue, formatValue, tickFormat, unitDigits,
} from "../src/lib/format.ts";

const N = "\u202F";

test("numbers: decimal comma and narrow no-break space in fi and sv, four digits grouped too", () => {
  assert.equal(formatNumber(1234), `1${N}234`);
  assert.equal(formatNumber(1234567.891, 2), `1${N}234${N}567,89`);
  assert.equal(formatNumber(-1234.5, 1, "sv"), `\u22121${N}234,5`);
  assert.equal(formatNumber(1234.5, 1, "en"), "1,234.5");
  assert.equal(formatNumber(57), "57");
});

test("percentages: 57,0 % in fi and sv, 57.0% in en", () => {
  assert.equal(formatPercent(0.57), `57,0${N}%`);
  assert.equal(formatPercent(0.123, 1, "sv"), `12,3${N}%`);
  assert.equal(formatPercent(0.57, 1, "en"), "57.0%");
});

test("dates and periods", () => {
  assert.equal(formatDate("2026-11-30"), "30.11.2026");
  assert.equal(formatDate("2021-08-03T09:15:00", "sv"), "3.8.2021");
  assert.equal(formatDate("2026-11-30", "en"), "30 Nov 2026");
  assert.equal(formatPeriod("2021-08"), "elo 2021");
  assert.equal(formatPeriod("2021H2"), "7–12/2021");
  assert.equal(formatPeriod("2021H1", "en"), "H1 2021");
  assert.equal(formatPeriod("2021Q3"), "Q3/2021");
  assert.equal(formatPeriod("2021"), "2021");
});

test("values in their units; every withheld cell reads '..', never '< 5', 0 or a gap", () => {
  assert.equal(formatValue(0.753, { unit: "share" }), `75,3${N}%`);
  assert.equal(formatValue(12.5, { unit: "days" }), `12,5${N}vrk`);
  assert.equal(formatValue(1234.4, { unit: "eur" }), `1${N}234${N}€`);
  assert.equal(formatValue(-12, { unit: "nps" }), "\u221212");
  assert.equal(WITHHELD_MARK, "..");
  for (const lang of ["fi", "sv", "en"] as const) {
    for (const unit of ["share", "count", "nps", "days"]) {
      const text = formatCell({ value: null, suppressed: true }, unit, lang);
      assert.equal(text, "..", `${unit} ${lang}`);
      assert.doesNotMatch(text, /<|alle|under|\d/);
    }
    // A withheld cell keeps no value even if one slipped through: the mark, not the number.
    assert.equal(formatCell({ value: 900, suppressed: true }, "count", lang), "..");
  }
});

test("each locale: decimal comma and narrow no-break space in fi and sv, the English style in en", () => {
  const cases: [string, string, string, string][] = [
    // what, fi, sv, en
    ["share", formatPercent(0.123, 1, "fi"), formatPercent(0.123, 1, "sv"), formatPercent(0.123, 1, "en")],
    ["thousands", formatNumber(12345.6, 1, "fi"), formatNumber(12345.6, 1, "sv"), formatNumber(12345.6, 1, "en")],
    ["negative", formatNumber(-3, 0, "fi"), formatNumber(-3, 0, "sv"), formatNumber(-3, 0, "en")],
    ["date", formatDate("2026-11-30", "fi"), formatDate("2026-11-30", "sv"), formatDate("2026-11-30", "en")],
    ["days", formatValue(12.5, { unit: "days", lang: "fi" }), formatValue(12.5, { unit: "days", lang: "sv" }), formatValue(12.5, { unit: "days", lang: "en" })],
    ["month", formatPeriod("2021-08", "fi"), formatPeriod("2021-08", "sv"), formatPeriod("2021-08", "en")],
    ["half-year", formatPeriod("2021H2", "fi"), formatPeriod("2021H2", "sv"), formatPeriod("2021H2", "en")],
    ["withheld", formatCell({ value: null, suppressed: true }, "share", "fi"), formatCell({ value: null, suppressed: true }, "share", "sv"), formatCell({ value: null, suppressed: true }, "share", "en")],
  ];
  assert.deepEqual(cases, [
    ["share", `12,3${N}%`, `12,3${N}%`, "12.3%"],
    ["thousands", `12${N}345,6`, `12${N}345,6`, "12,345.6"],
    ["negative", "\u22123", "\u22123", "-3"],
    ["date", "30.11.2026", "30.11.2026", "30 Nov 2026"],
    ["days", `12,5${N}vrk`, `12,5${N}dygn`, "12.5 days"],
    ["month", "elo 2021", "aug 2021", "Aug 2021"],
    ["half-year", "7–12/2021", "7–12/2021", "H2 2021"],
    ["withheld", "..", "..", ".."],
  ]);
  // No plain space or no-break space ever separates digit groups in fi and sv (a line could break inside a number).
  for (const lang of ["fi", "sv"] as const) assert.doesNotMatch(formatNumber(1234567.5, 1, lang), /[ \u00A0]/);
});

test("rounding: half away from zero on the decimal the reader sees, as Intl and Excel round; no sign on a zero", () => {
  // 107 / 40 = 2.675: the double lies just below the tie, toFixed alone would print 2,67.
  assert.equal(formatNumber(107 / 40, 2), "2,68");
  assert.equal(formatNumber(1.005, 2, "en"), "1.01");
  assert.equal(formatNumber(-2.5, 0), "\u22123");
  assert.equal(formatPercent(0.0625), `6,3${N}%`);
  assert.equal(formatNumber(-0.04, 1), "0,0");
  assert.equal(formatNumber(-0), "0");
  assert.equal(formatPercent(-0.0001, 1, "en"), "0.0%");
  // The same rounding as Intl.NumberFormat wherever the result is not a negative zero.
  for (const x of [0.125, 2.345, 1234.5, 99.95, 0.285 * 100, 57 / 7, 1e6 / 3, -12.345]) {
    for (const digits of [0, 1, 2]) {
      const intl = new Intl.NumberFormat("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
      assert.equal(formatNumber(x, digits, "en"), intl, `${x} ${digits}`);
    }
  }
});

test("exportNumber: the shortest text that reads back as the same double, for data attributes and the export", () => {
  assert.equal(exportNumber(0.1 + 0.2), "0.30000000000000004");
  assert.equal(exportNumber(-0), "0");
  assert.equal(exportNumber(null), "");
  assert.equal(exportNumber(NaN), "");
  assert.equal(Number(exportNumber(2 / 3)), 2 / 3);
});

test("targets: the sign and the value on one line", () => {
  assert.equal(formatTargetValue({ op: ">=", value: 0.75 }, "share"), `≥\u00A075,0${N}%`);
  assert.equal(formatTargetValue({ op: "<=", value: 7 }, "days", "sv"), `≤\u00A07,0${N}dygn`);
  assert.equal(formatTargetValue({ op: "<=", value: 12.3 }, "days_per_person_year", "en"), `≤\u00A012.3${N}days/PY`);
});

test("tick labels: as many decimals as the step needs, so two ticks never read the same", () => {
  // The repeated labels of issue 16: 8,1 / 8,1; 3,8 three times; 52 % / 52 %.
  assert.deepEqual([8.05, 8.1, 8.15].map(tickFormat([8.05, 8.1, 8.15], "mean_1_5")), ["8,05", "8,10", "8,15"]);
  assert.deepEqual([3.76, 3.78, 3.8, 3.82].map(tickFormat([3.76, 3.78, 3.8, 3.82], "mean_1_5")), ["3,76", "3,78", "3,80", "3,82"]);
  assert.deepEqual([0.515, 0.52, 0.525].map(tickFormat([0.515, 0.52, 0.525], "share")), [`51,5${N}%`, `52,0${N}%`, `52,5${N}%`]);
  // Whole steps keep whole labels, in every language.
  assert.deepEqual([0, 0.2, 0.4].map(tickFormat([0, 0.2, 0.4], "share", "en")), ["0%", "20%", "40%"]);
  assert.deepEqual([0, 500, 1000, 1500].map(tickFormat([0, 500, 1000, 1500], "eur")), ["0", "500", `1${N}000`, `1${N}500`]);
  // Floating-point noise in the step does not add a decimal: 0.3 − 0.2 = 0.09999999999999998.
  assert.deepEqual([0.2, 0.30000000000000004, 0.4].map(tickFormat([0.2, 0.30000000000000004, 0.4], "days")), ["0,2", "0,3", "0,4"]);
  // A lone tick: whole percentages, one decimal below 10.
  assert.equal(tickFormat([0.573], "share")(0.573), `57${N}%`);
  assert.equal(tickFormat([2.25], "days")(2.25), "2,3");

  // Every axis the charts can draw: d3's ticks on the domain as given (the self-assessment chart) and on the domain made nice (the pages' charts, svg.ts).
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 3000; i++) {
    const share = i % 2 === 0;
    const lo = share ? random() : (random() - 0.3) * 10 ** Math.floor(random() * 7 - 2);
    const hi = share ? Math.min(1, lo + random() ** 3) : lo + Math.abs(lo || 1) * random() ** 3 + 1e-9;
    for (const count of [2, 5, 6, 10]) {
      for (const ticks of [d3Ticks(lo, hi, count), scaleLinear().domain([lo, hi]).ticks(count), linearScale([lo, hi], [0, 1], { nice: count }).ticks(count)]) {
        for (const lang of ["fi", "sv", "en"] as const) {
          const labels = ticks.map(tickFormat(ticks, share ? "share" : "days_per_person_year", lang));
          assert.equal(new Set(labels).size, labels.length, `[${lo}, ${hi}] ${count} ${lang}: ${labels.join(" | ")}`);
        }
      }
    }
  }
});

test("month ticks: January as the year, other months as 7/2021", () => {
  assert.equal(formatMonthTick(new Date(Date.UTC(2021, 0, 1))), "2021");
  assert.equal(formatMonthTick(new Date(Date.UTC(2021, 6, 1))), "7/2021");
});

test("decimals per unit: values, changes and the XLSX number formats agree", () => {
  assert.deepEqual(["share", "nps", "mean_1_5", "count", "days", "eur", "days_per_person_year"].map(unitDigits), [1, 0, 2, 0, 1, 0, 1]);
  assert.equal(formatChange(0.023, "share"), `+2,3${N}%-yks.`);
  assert.equal(formatChange(-1.25, "mean_0_10", "sv"), "\u22121,25");
  assert.equal(formatChange(0.0001, "count", "en"), "±0");
  assert.equal(formatCount(1234), `1${N}234`);
  assert.equal(formatCount(12.25, "en"), "12.3");
});

test("displayedChange: a change is the difference of the values as shown, so the shown figures add up", () => {
  // NPS −0,6 shows "−1", −3,4 shows "−3": the change shown beside them is −2, not −3 (−2,8 rounded).
  assert.equal(displayedValue(-0.6, "nps"), -1);
  assert.equal(displayedValue(-3.4, "nps"), -3);
  assert.equal(formatChange(displayedChange(-3.4, -0.6, "nps"), "nps"), "\u22122");
  assert.equal(formatChange(-3.4 - -0.6, "nps"), "\u22123", "the unrounded difference would not add up");
  // 52,34 % shows "52,3 %", 51,96 % shows "52,0 %": +0,3 %-points, not +0,4.
  assert.equal(formatPercent(0.5234), `52,3${N}%`);
  assert.equal(formatPercent(0.5196), `52,0${N}%`);
  assert.equal(formatChange(displayedChange(0.5234, 0.5196, "share"), "share"), `+0,3${N}%-yks.`);
  assert.equal(formatChange(0.5234 - 0.5196, "share"), `+0,4${N}%-yks.`);
  // Scores keep two decimals, euros none; the rounding is half away from zero, as the values are shown.
  assert.equal(displayedValue(2.675, "mean_1_5"), 2.68);
  assert.equal(displayedValue(-110.5, "eur"), -111);
});
