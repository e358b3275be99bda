// The reporting periods (src/lib/periods.ts), the one module the loaders and
// the pages share: ids, their days, the periods around them and the months in
// them — above all across year ends — and ids that are not periods refused by
// name. Checked against the independent reference in test/reference/time.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addDays, convertPeriod, isDate, isPartial, isPeriod, monthsBetween, monthsOf, nextPeriod, offsetPeriod, parseDate,
  PERIOD_TYPES, periodContaining, periodEnd, periodEndDate, periodMidDate, periodOf, periodRows, periodsBetween, periodStart,
  periodStartDate, periodTypeOf, previousPeriod,
} from "../src/lib/periods.ts";
import { lastDayOf, periodOf as referencePeriodOf } from "./reference/time.ts";

const NOT_PERIODS = ["2021-13", "2021-00", "2021-8", "2021Q0", "2021Q5", "2021H0", "2021H3", "21", "20211", "2021-08-01", "2021q3", "2021h2", " 2021", "2021 ", "H2 2021", ""];

test("ids: the four types, and what is not a period is refused by name", () => {
  assert.deepEqual(["2021-08", "2021Q3", "2021H2", "2021"].map(periodTypeOf), ["month", "quarter", "half", "year"]);
  for (const bad of NOT_PERIODS) {
    assert.throws(() => periodTypeOf(bad), (e: unknown) => e instanceof RangeError && e.message.startsWith(`not a period: ${JSON.stringify(bad)} (expected a month 2021-08, quarter 2021Q3, half-year 2021H2 or year 2021)`), bad);
    for (const f of [periodStart, periodEnd, previousPeriod, nextPeriod, monthsOf]) assert.throws(() => f(bad), RangeError, `${f.name}(${bad})`);
    assert.equal(isPeriod(bad), false, bad);
  }
  assert.equal(isPeriod(undefined), false);
  assert.equal(isPeriod(2021), false);
  assert.equal(isPeriod("2021H2", "half"), true);
  assert.equal(isPeriod("2021Q2", "half"), false);
  assert.equal(isPeriod("2021-H2", "half"), false);
});

test("first and last days: leap years, quarters, halves, years", () => {
  assert.deepEqual([periodStart("2024-02"), periodEnd("2024-02")], ["2024-02-01", "2024-02-29"]);
  assert.equal(periodEnd("2023-02"), "2023-02-28");
  assert.equal(periodEnd("2000-02"), "2000-02-29", "2000 is a leap year");
  assert.equal(periodEnd("2100-02"), "2100-02-28", "2100 is not");
  assert.deepEqual([periodStart("2021Q4"), periodEnd("2021Q4")], ["2021-10-01", "2021-12-31"]);
  assert.deepEqual([periodStart("2021H2"), periodEnd("2021H2")], ["2021-07-01", "2021-12-31"]);
  assert.deepEqual([periodStart("2021"), periodEnd("2021")], ["2021-01-01", "2021-12-31"]);
  assert.equal(periodStart("0021"), "0021-01-01", "a year below 100 is not read as 1921");
  // On a time axis a period runs from its first day to the next period's first day.
  assert.equal(periodStartDate("2021H2").toISOString(), "2021-07-01T00:00:00.000Z");
  assert.equal(periodEndDate("2021H2").toISOString(), "2022-01-01T00:00:00.000Z");
  assert.equal(periodEndDate("2021-12").toISOString(), "2022-01-01T00:00:00.000Z");
  assert.equal(periodMidDate("2021").toISOString(), "2021-07-02T12:00:00.000Z");
});

test("the period before and after, across year ends", () => {
  assert.deepEqual(["2021-01", "2021Q1", "2021H1", "2021"].map(previousPeriod), ["2020-12", "2020Q4", "2020H2", "2020"]);
  assert.deepEqual(["2020-12", "2020Q4", "2020H2", "2020"].map(nextPeriod), ["2021-01", "2021Q1", "2021H1", "2021"]);
  assert.equal(nextPeriod("2021H1"), "2021H2");
  assert.equal(previousPeriod("2021H2"), "2021H1");
  assert.equal(offsetPeriod("2021H2", 3), "2023H1");
  assert.equal(offsetPeriod("2021Q1", -5), "2019Q4");
  assert.equal(offsetPeriod("2021-03", -15), "2019-12");
  assert.equal(offsetPeriod("2021", 0), "2021");
  for (const p of ["2021-06", "2021Q2", "2021H1", "2021", "2024-02"]) assert.equal(previousPeriod(nextPeriod(p)), p);
});

test("the period containing a day or a month: quarter of a month, half of a month, at the edges", () => {
  assert.deepEqual(["2021-01", "2021-03", "2021-04", "2021-06", "2021-07", "2021-09", "2021-10", "2021-12"].map((m) => periodContaining("quarter", m)),
    ["2021Q1", "2021Q1", "2021Q2", "2021Q2", "2021Q3", "2021Q3", "2021Q4", "2021Q4"]);
  assert.deepEqual(["2021-06-30", "2021-07-01", "2021-12-31"].map((d) => periodContaining("half", d)), ["2021H1", "2021H2", "2021H2"]);
  assert.equal(periodContaining("year", "2021-12-31"), "2021");
  assert.equal(periodContaining("month", "2024-02-29"), "2024-02");
  for (const bad of ["2021-13", "2021-02-30", "2021", "2021Q3", "31.12.2021", ""]) {
    assert.throws(() => periodContaining("quarter", bad), new RangeError(`not a date: ${JSON.stringify(bad)} (expected YYYY-MM-DD, or YYYY-MM for a month)`), bad);
  }
});

test("periodOf and the last day agree with the independent reference on every day of 2019–2024", () => {
  for (let d = parseDate("2019-01-01"); d < parseDate("2025-01-01"); d = parseDate(addDays(d.toISOString().slice(0, 10), 1))) {
    const day = d.toISOString().slice(0, 10);
    for (const type of PERIOD_TYPES) {
      const period = periodOf(type, d);
      assert.equal(period, referencePeriodOf(type, day), `${type} of ${day}`);
      assert.equal(periodEnd(period), lastDayOf(type, period), period);
      assert.ok(periodStart(period) <= day && day <= periodEnd(period), `${day} lies in ${period}`);
    }
  }
});

test("periods between two of one type, inclusive, over year ends; mixed types refused", () => {
  assert.deepEqual(periodsBetween("2020H2", "2022H1"), ["2020H2", "2021H1", "2021H2", "2022H1"]);
  assert.deepEqual(periodsBetween("2020Q3", "2021Q2"), ["2020Q3", "2020Q4", "2021Q1", "2021Q2"]);
  assert.deepEqual(periodsBetween("2020-11", "2021-02"), ["2020-11", "2020-12", "2021-01", "2021-02"]);
  assert.deepEqual(periodsBetween("2019", "2021"), ["2019", "2020", "2021"]);
  assert.deepEqual(periodsBetween("2021H2", "2021H2"), ["2021H2"]);
  assert.deepEqual(periodsBetween("2022H1", "2021H2"), [], "from after to: none");
  assert.throws(() => periodsBetween("2021H1", "2021Q4"), /periods of different types: "2021H1" is a half, "2021Q4" a quarter/);
});

test("months of a period and months between two days or months", () => {
  assert.deepEqual(monthsOf("2021H2"), ["2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12"]);
  assert.deepEqual(monthsOf("2021Q1"), ["2021-01", "2021-02", "2021-03"]);
  assert.deepEqual(monthsOf("2021-08"), ["2021-08"]);
  assert.equal(monthsOf("2021").length, 12);
  assert.deepEqual(monthsBetween("2021-11-15", "2022-02-01"), ["2021-11", "2021-12", "2022-01", "2022-02"]);
  assert.deepEqual(monthsBetween("2021-11", "2022-02"), ["2021-11", "2021-12", "2022-01", "2022-02"]);
  assert.deepEqual(monthsBetween("2021-12-31", "2021-12-01"), ["2021-12"], "one month, whatever the days");
  assert.deepEqual(monthsBetween("2022-01", "2021-12"), [], "from after to: none");
  assert.throws(() => monthsBetween("2021-11", "2022-13"), /not a date: "2022-13"/);
});

test("another type at the same point in time, and periods reaching outside the extract", () => {
  assert.equal(convertPeriod("2023Q4", "month"), "2023-12");
  assert.equal(convertPeriod("2023-05", "half"), "2023H1");
  assert.equal(convertPeriod("2023H2", "quarter"), "2023Q4");
  assert.equal(convertPeriod("2023", "half"), "2023H2");
  assert.equal(convertPeriod("2023-07", "year"), "2023");
  const extract = { from: "2021-01-15", to: "2023-06-30" };
  assert.equal(isPartial("2021-01", extract), true);
  assert.equal(isPartial("2021-02", extract), false);
  assert.equal(isPartial("2023H1", extract), false);
  assert.equal(isPartial("2023", extract), true);
});

test("calendar days: real dates only, day arithmetic over month and year ends", () => {
  assert.equal(isDate("2024-02-29"), true);
  for (const bad of ["2023-02-29", "2021-13-01", "2021-00-10", "2021-1-01", "2021-01", "20210101", 20210101]) assert.equal(isDate(bad), false, String(bad));
  assert.equal(addDays("2023-12-31", 1), "2024-01-01");
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
  assert.equal(addDays("2021-01-01", 365), "2022-01-01");
  assert.throws(() => addDays("2023-02-30", 1), /not a date: "2023-02-30"/);
});

test("periodRows: every month of the extract in its four periods, with their first and last days", () => {
  const rows = periodRows("2020-12-15", "2021-01-10");
  assert.deepEqual(rows.map((r) => [r.month, r.period_type, r.period, r.period_start, r.period_end]), [
    ["2020-12-01", "month", "2020-12", "2020-12-01", "2020-12-31"],
    ["2020-12-01", "quarter", "2020Q4", "2020-10-01", "2020-12-31"],
    ["2020-12-01", "half", "2020H2", "2020-07-01", "2020-12-31"],
    ["2020-12-01", "year", "2020", "2020-01-01", "2020-12-31"],
    ["2021-01-01", "month", "2021-01", "2021-01-01", "2021-01-31"],
    ["2021-01-01", "quarter", "2021Q1", "2021-01-01", "2021-03-31"],
    ["2021-01-01", "half", "2021H1", "2021-01-01", "2021-06-30"],
    ["2021-01-01", "year", "2021", "2021-01-01", "2021-12-31"],
  ]);
  assert.equal(periodRows("2020-01-01", "2023-12-31").length, 48 * 4);
});
