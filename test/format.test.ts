// Finnish, Swedish and English number and date formats.
import assert from "node:assert/strict";
import { test } from "node:test";
import { WITHHELD_MARK, formatCell, formatDate, formatNumber, formatPercent, formatPeriod, formatValue } from "../src/lib/format.ts";

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
