// Primary and complementary suppression on hand-made cells.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalogue } from "../loaders/catalogue.ts";
import type { IndicatorCell } from "../loaders/indicator-row.ts";
import { suppress } from "../loaders/suppress.ts";

const catalogue = loadCatalogue();
const cell = (indicator_id: string, unit_id: string, breakdown_value: string, n: number | null, period = "2021-03"): IndicatorCell => ({
  indicator_id, period_type: "month", period, unit_id, breakdown: breakdown_value === "ALL" ? "ALL" : "profession", breakdown_value,
  numerator: n, denominator: n, value: 1, n, suppressed: false,
});
const hidden = (cells: IndicatorCell[]) => cells.filter((c) => c.suppressed).map((c) => `${c.unit_id}/${c.breakdown_value}`).sort();

test("a cell under the threshold is withheld: value, numerator and denominator", () => {
  const { cells, log } = suppress([cell("ACC_FIRST_CONTACT", "ALL", "ALL", 4), cell("ACC_FIRST_CONTACT", "U9", "ALL", 4)], catalogue);
  assert.deepEqual(hidden(cells), ["ALL/ALL", "U9/ALL"]);
  for (const c of cells) assert.deepEqual([c.value, c.numerator, c.denominator], [null, null, null]);
  assert.equal(log.length, 2);
  assert.ok(log.every((l) => l.reason === "threshold"));
});

test("n = 5 is published; staff-survey cells need 10 respondents", () => {
  const { cells } = suppress([cell("ACC_FIRST_CONTACT", "U1", "ALL", 5), cell("STAFF_ENPS", "U1", "ALL", 9), cell("STAFF_ENPS", "U2", "ALL", 10)], catalogue);
  assert.deepEqual(cells.map((c) => c.suppressed), [false, true, false]);
});

test("indicators that are not suppressed keep every cell", () => {
  const { cells } = suppress([cell("ACC_T3_MEDIAN", "U1", "LAAKARI", null)], catalogue);
  assert.equal(cells[0].suppressed, false);
});

test("complementary: a lone suppressed unit takes the unit with the next-smallest n with it", () => {
  const { cells, log } = suppress(
    [cell("ACC_FIRST_CONTACT", "ALL", "ALL", 40), cell("ACC_FIRST_CONTACT", "U1", "ALL", 3), cell("ACC_FIRST_CONTACT", "U2", "ALL", 20), cell("ACC_FIRST_CONTACT", "U3", "ALL", 17)],
    catalogue,
  );
  assert.deepEqual(hidden(cells), ["U1/ALL", "U3/ALL"]);
  assert.deepEqual(log.map((l) => l.reason), ["threshold", "complementary"]);
});

test("complementary: ties in n go to the smallest unit id, so builds are reproducible", () => {
  const input = [cell("ACC_FIRST_CONTACT", "ALL", "ALL", 43), cell("ACC_FIRST_CONTACT", "U1", "ALL", 3), cell("ACC_FIRST_CONTACT", "U3", "ALL", 20), cell("ACC_FIRST_CONTACT", "U2", "ALL", 20)];
  assert.deepEqual(hidden(suppress(input, catalogue).cells), ["U1/ALL", "U2/ALL"]);
  assert.deepEqual(hidden(suppress([...input].reverse(), catalogue).cells), ["U1/ALL", "U2/ALL"]);
});

test("complementary suppression cascades across units and breakdowns until no group has a single hidden cell", () => {
  const I = "ACC_URGENT_0_1D";
  const input = [
    cell(I, "ALL", "ALL", 100), cell(I, "ALL", "LAAKARI", 30), cell(I, "ALL", "HOITAJA", 70),
    cell(I, "U1", "ALL", 50), cell(I, "U1", "LAAKARI", 2), cell(I, "U1", "HOITAJA", 48),
    cell(I, "U2", "ALL", 50), cell(I, "U2", "LAAKARI", 28), cell(I, "U2", "HOITAJA", 22),
  ];
  const { cells } = suppress(input, catalogue);
  // U1/LAAKARI (n 2) → U1/HOITAJA (its only sibling); the LAAKARI units group then has one hidden → U2/LAAKARI;
  // the U2 breakdown group then has one hidden → U2/HOITAJA. Every group now has 0 or ≥ 2 hidden cells.
  assert.deepEqual(hidden(cells), ["U1/HOITAJA", "U1/LAAKARI", "U2/HOITAJA", "U2/LAAKARI"]);
  assertNoSingleHidden(cells);
});

test("a group whose total is suppressed needs nothing more", () => {
  const { cells } = suppress([cell("ACC_FIRST_CONTACT", "ALL", "ALL", 4), cell("ACC_FIRST_CONTACT", "U1", "ALL", 2), cell("ACC_FIRST_CONTACT", "U2", "ALL", 2)], catalogue);
  assert.deepEqual(hidden(cells), ["ALL/ALL", "U1/ALL", "U2/ALL"]);
});

test("a lone suppressed member with no sibling takes its published total with it", () => {
  const I = "ACC_URGENT_0_1D";
  const input = [
    cell(I, "ALL", "ALL", 60), cell(I, "ALL", "LAAKARI", 60),
    cell(I, "U1", "ALL", 3), cell(I, "U1", "LAAKARI", 3),
    cell(I, "U2", "ALL", 57), cell(I, "U2", "LAAKARI", 57),
  ];
  const { cells } = suppress(input, catalogue);
  assertNoSingleHidden(cells);
  assert.ok(cells.find((c) => c.unit_id === "U2" && c.breakdown_value === "LAAKARI")!.suppressed);
});

test("a total withheld as a complement takes one of its published members with it (it would be their sum)", () => {
  const I = "ACC_URGENT_0_1D";
  const input = [
    cell(I, "ALL", "ALL", 100), cell(I, "ALL", "LAAKARI", 60), cell(I, "ALL", "HOITAJA", 40),
    cell(I, "U1", "ALL", 3), cell(I, "U1", "HOITAJA", 3),
    cell(I, "U2", "ALL", 6), cell(I, "U2", "LAAKARI", 6),
    cell(I, "U3", "ALL", 91), cell(I, "U3", "LAAKARI", 54), cell(I, "U3", "HOITAJA", 37),
  ];
  const { cells } = suppress(input, catalogue);
  // U1 (n 3) is under the threshold; U2/ALL (n 6) is its complement among the units; U2/ALL equals
  // U2/LAAKARI, so that is withheld too, and the chain goes on until every group is safe.
  assert.ok(cells.find((c) => c.unit_id === "U2" && c.breakdown_value === "LAAKARI")!.suppressed);
  assertNoSingleHidden(cells);
});

function assertNoSingleHidden(cells: IndicatorCell[]) {
  const groups = new Map<string, IndicatorCell[]>();
  for (const c of cells) {
    for (const key of [`u|${c.indicator_id}|${c.period}|${c.breakdown_value}`, `b|${c.indicator_id}|${c.period}|${c.unit_id}`]) groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, members] of groups) {
    const isU = key.startsWith("u|");
    const total = members.find((c) => (isU ? c.unit_id : c.breakdown_value) === "ALL");
    const parts = members.filter((c) => c !== total);
    if (total && parts.length) assert.notEqual(parts.filter((c) => c.suppressed).length + (total.suppressed ? 1 : 0), 1, key);
  }
}
