// Targets with validity periods: the one in force on a date or for a period,
// met or not, and the step line drawn from them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { addDays, periodEnd, periodStart } from "../src/lib/periods.ts";
import { isMet, type Target, targetAt, targetForPeriod, targetSteps } from "../src/lib/analysis/targets.ts";

// The primary-care care guarantee T3 as in the catalogue: ≤ 7 days until 2023-08-31, ≤ 14 days from 2023-09-01.
const catalogue = JSON.parse(readFileSync(new URL("../data/indicators.json", import.meta.url), "utf8")) as {
  indicators: { id: string; targets: Target[] }[];
};
const t3 = catalogue.indicators.find((i) => i.id === "ACC_T3_MEDIAN")!.targets;
const firstContact = catalogue.indicators.find((i) => i.id === "ACC_FIRST_CONTACT")!.targets;
const [t3Seven, t3Fourteen] = t3;

test("the catalogue's T3 targets are the ones these tests assume", () => {
  assert.deepEqual(
    t3.map((t) => [t.op, t.value, t.from, t.to]),
    [["<=", 7, null, "2023-08-31"], ["<=", 14, "2023-09-01", null]],
  );
});

test("periodStart and periodEnd: months (leap years), quarters, halves, years", () => {
  assert.equal(periodEnd("2021-08"), "2021-08-31");
  assert.equal(periodEnd("2021-02"), "2021-02-28");
  assert.equal(periodEnd("2024-02"), "2024-02-29");
  assert.equal(periodEnd("2021Q3"), "2021-09-30");
  assert.equal(periodEnd("2021H1"), "2021-06-30");
  assert.equal(periodEnd("2021H2"), "2021-12-31");
  assert.equal(periodEnd("2021"), "2021-12-31");
  assert.equal(periodStart("2021Q3"), "2021-07-01");
  assert.equal(periodStart("2021H2"), "2021-07-01");
  assert.equal(periodStart("2021-08"), "2021-08-01");
  assert.equal(periodStart("2021"), "2021-01-01");
  for (const bad of ["2021-13", "2021Q5", "2021H3", "21", "2021-08-01", ""]) assert.throws(() => periodEnd(bad), RangeError, bad);
});

test("addDays crosses month and year ends", () => {
  assert.equal(addDays("2023-08-31", 1), "2023-09-01");
  assert.equal(addDays("2023-12-31", 1), "2024-01-01");
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
});

test("targetAt: the step of the care guarantee on its boundary days", () => {
  assert.equal(targetAt(t3, "2020-01-01"), t3Seven, "open start");
  assert.equal(targetAt(t3, "2023-08-31"), t3Seven, "last day of ≤ 7 days is inclusive");
  assert.equal(targetAt(t3, "2023-09-01"), t3Fourteen, "first day of ≤ 14 days is inclusive");
  assert.equal(targetAt(t3, "2030-12-31"), t3Fourteen, "open end");
  assert.equal(targetAt(firstContact, "2021-08-15")?.value, 0.75, "a target without dates is always in force");
});

test("targetAt: no target", () => {
  assert.equal(targetAt([], "2021-08-15"), null);
  const closed: Target[] = [{ ...t3Seven, from: "2021-01-01", to: "2021-12-31" }];
  assert.equal(targetAt(closed, "2020-12-31"), null, "before it starts");
  assert.equal(targetAt(closed, "2022-01-01"), null, "after it ends");
});

test("targetAt: overlapping targets — the one that started later wins", () => {
  const overlapping: Target[] = [{ ...t3Seven, from: null, to: null }, { ...t3Fourteen, from: "2023-09-01", to: null }];
  assert.equal(targetAt(overlapping, "2023-08-31")?.value, 7);
  assert.equal(targetAt(overlapping, "2023-09-01")?.value, 14);
});

test("targetAt refuses what is not a date", () => {
  assert.throws(() => targetAt(t3, "2023-09"), RangeError);
  assert.throws(() => targetAt(t3, "2023-02-30"), RangeError);
});

test("targetForPeriod judges a period by its last day", () => {
  assert.equal(targetForPeriod(t3, "2023-08"), t3Seven);
  assert.equal(targetForPeriod(t3, "2023-09"), t3Fourteen);
  assert.equal(targetForPeriod(t3, "2023Q3"), t3Fourteen, "Q3 ends 2023-09-30");
  assert.equal(targetForPeriod(t3, "2023Q2"), t3Seven);
  assert.equal(targetForPeriod(t3, "2023H1"), t3Seven);
  assert.equal(targetForPeriod(t3, "2023H2"), t3Fourteen);
  assert.equal(targetForPeriod(t3, "2022"), t3Seven);
  assert.equal(targetForPeriod(t3, "2023"), t3Fourteen);
  assert.equal(targetForPeriod([], "2023"), null);
});

test("isMet: >= and <=, equality meets, nothing to judge gives null", () => {
  assert.equal(isMet(0.8, { op: ">=", value: 0.75 }), true);
  assert.equal(isMet(0.75, { op: ">=", value: 0.75 }), true, "exactly on the target meets it");
  assert.equal(isMet(0.7499, { op: ">=", value: 0.75 }), false);
  assert.equal(isMet(7, t3Seven), true);
  assert.equal(isMet(7.5, t3Seven), false);
  assert.equal(isMet(7.5, targetForPeriod(t3, "2023-09")), true, "the same median meets the 14-day guarantee");
  assert.equal(isMet(7.5, null), null, "no target");
  assert.equal(isMet(null, t3Seven), null, "suppressed value");
  assert.equal(isMet(Number.NaN, t3Seven), null);
});

test("targetSteps: the care guarantee as a step line", () => {
  const steps = targetSteps(t3, "2021-01-01", "2024-12-31");
  assert.deepEqual(
    steps.map(({ from, to, until, value, op }) => ({ from, to, until, value, op })),
    [
      { from: "2021-01-01", to: "2023-08-31", until: "2023-09-01", value: 7, op: "<=" },
      { from: "2023-09-01", to: "2024-12-31", until: "2025-01-01", value: 14, op: "<=" },
    ],
  );
  assert.equal(steps[0].target.ref, "TGT-T3-7D");
  assert.equal(steps[1].target.ref, "TGT-T3-14D");
});

test("targetSteps: ranges at and inside the boundary", () => {
  const value = (from: string, to: string) => targetSteps(t3, from, to).map((s) => [s.from, s.to, s.value]);
  assert.deepEqual(value("2023-08-31", "2023-09-01"), [["2023-08-31", "2023-08-31", 7], ["2023-09-01", "2023-09-01", 14]]);
  assert.deepEqual(value("2023-09-01", "2023-12-31"), [["2023-09-01", "2023-12-31", 14]]);
  assert.deepEqual(value("2021-01-01", "2023-08-31"), [["2021-01-01", "2023-08-31", 7]]);
  assert.deepEqual(value("2023-08-31", "2023-08-31"), [["2023-08-31", "2023-08-31", 7]]);
  assert.deepEqual(value("2024-01-01", "2023-01-01"), [], "an empty range");
});

test("targetSteps: no target gives no piece — a gap, not a made-up value", () => {
  assert.deepEqual(targetSteps([], "2021-01-01", "2021-12-31"), []);
  const gapped: Target[] = [
    { ...t3Seven, from: null, to: "2021-03-31" },
    { ...t3Fourteen, from: "2021-07-01", to: "2021-09-30" },
  ];
  assert.deepEqual(
    targetSteps(gapped, "2021-01-01", "2021-12-31").map((s) => [s.from, s.to, s.value]),
    [["2021-01-01", "2021-03-31", 7], ["2021-07-01", "2021-09-30", 14]],
  );
});

test("targetSteps agrees with targetAt on every day of a range", () => {
  const gapped: Target[] = [
    { ...t3Seven, from: "2023-01-10", to: "2023-08-31" },
    { ...t3Fourteen, from: "2023-09-01", to: "2023-10-05" },
  ];
  const steps = targetSteps(gapped, "2023-01-01", "2023-12-31");
  for (let day = "2023-01-01"; day <= "2023-12-31"; day = addDays(day, 1)) {
    const step = steps.find((s) => s.from <= day && day <= s.to);
    assert.equal(step?.target ?? null, targetAt(gapped, day), day);
  }
});
