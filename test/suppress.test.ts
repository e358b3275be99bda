// Primary and secondary suppression on hand-made cells. Whether a pattern
// really protects is judged by the audit (loaders/privacy/audit), which shares
// no code with the suppression: these tests state the expected pattern by
// hand and let the attacker try it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { publish, toExportCsv } from "../loaders/publish/emit.ts";
import type { IndicatorCell } from "../loaders/indicators/indicator-row.ts";
import type { PeriodType } from "../src/lib/periods.ts";
import { auditPublished } from "../loaders/privacy/audit/index.ts";
import { suppress } from "../loaders/privacy/suppress.ts";

const catalogue = loadCatalogue();

const typeOf = (period: string): PeriodType => (/Q/.test(period) ? "quarter" : /H/.test(period) ? "half" : /-/.test(period) ? "month" : "year");
function cell(indicator_id: string, unit_id: string, period: string, numerator: number | null, denominator: number | null, breakdown_value = "ALL", n = denominator): IndicatorCell {
  const value = numerator !== null && denominator ? numerator / denominator : null;
  return {
    indicator_id, period_type: typeOf(period), period, unit_id, breakdown: breakdown_value === "ALL" ? "ALL" : "profession", breakdown_value,
    numerator, denominator, value, n, suppressed: false,
  };
}

/**
 * A share per unit and month of 2021Q1, with its quarter, half and year
 * (Q1 only, so they equal the quarter) and the whole city, from a table of
 * [numerator, denominator] per unit and month.
 */
function quarterTable(id: string, table: Record<string, [number, number][]>): IndicatorCell[] {
  const months = ["2021-01", "2021-02", "2021-03"];
  const out: IndicatorCell[] = [];
  const sum = (rows: [number, number][]) => rows.reduce(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
  const units = Object.entries(table);
  for (const [unit, rows] of [...units, ["ALL", months.map((_, i) => sum(units.map(([, r]) => r[i])))] as [string, [number, number][]]]) {
    months.forEach((m, i) => out.push(cell(id, unit, m, ...rows[i])));
    const [num, den] = sum(rows);
    for (const p of ["2021Q1", "2021H1", "2021"]) out.push(cell(id, unit, p, num, den));
  }
  return out;
}

const withheld = (cells: IndicatorCell[]) => cells.filter((c) => c.suppressed).map((c) => `${c.unit_id}/${c.period}${c.breakdown_value === "ALL" ? "" : `/${c.breakdown_value}`}`).sort();

/** What the audit works out; a numerator that can only be 0 is reported apart (README, "Privacy"). */
async function audit(cells: IndicatorCell[], { zeros = false } = {}) {
  return (await auditPublished({ indicatorsCsv: toExportCsv(publish(cells)), catalogue })).violations.filter((v) => (v.rule === "zero") === zeros);
}

test("a cell under the threshold is withheld: value, numerator and denominator; n = 5 is published, staff survey needs 10", () => {
  const access = quarterTable("ACC_FIRST_CONTACT", { U1: [[2, 4], [20, 40], [20, 40]], U2: [[3, 5], [20, 40], [20, 40]], U3: [[30, 60], [30, 60], [30, 60]] });
  const staff = quarterTable("STAFF_ENPS", { U1: [[0, 9], [0, 30], [0, 30]], U2: [[0, 10], [0, 30], [0, 30]], U3: [[0, 30], [0, 30], [0, 30]] }).map((c) => ({ ...c, numerator: null }));
  const { cells, log } = suppress([...access, ...staff], catalogue);
  const primary = log.filter((l) => l.reason === "threshold").map((l) => `${l.indicator_id} ${l.unit_id} ${l.period}`);
  assert.deepEqual(primary, ["ACC_FIRST_CONTACT U1 2021-01", "STAFF_ENPS U1 2021-01"]);
  const at = (id: string, unit: string) => cells.find((c) => c.indicator_id === id && c.unit_id === unit && c.period === "2021-01")!;
  assert.equal(at("ACC_FIRST_CONTACT", "U1").suppressed, true);
  assert.deepEqual([at("ACC_FIRST_CONTACT", "U1").value, at("ACC_FIRST_CONTACT", "U1").numerator, at("ACC_FIRST_CONTACT", "U1").denominator], [null, null, null]);
  assert.equal(at("STAFF_ENPS", "U1").suppressed, true);
  // Withheld cells are withheld whole, whatever the reason.
  for (const c of cells.filter((c) => c.suppressed)) assert.deepEqual([c.value, c.numerator, c.denominator], [null, null, null]);
});

test("indicators that are not suppressed keep every cell", () => {
  const { cells } = suppress([cell("ACC_T3_MEDIAN", "U1", "2021-03", null, 1, "LAAKARI", null)], catalogue);
  assert.equal(cells[0].suppressed, false);
});

test("a small month is hidden in a rectangle of months and units, so neither the quarter nor the city gives it away; totals stay", async () => {
  // U1 in January: 1 of 3 (under 5). Everything else is large.
  const input = quarterTable("ACC_FIRST_CONTACT", {
    U1: [[1, 3], [12, 30], [14, 31]],
    U2: [[20, 40], [21, 42], [22, 44]],
    U3: [[30, 60], [31, 61], [29, 59]],
  });
  const { cells, log } = suppress(input, catalogue);
  // The cheapest protecting pattern: U1 and the largest other unit (U3), January and the
  // largest other month of the quarter for U1 (March): four cells, no total.
  assert.deepEqual(withheld(cells), ["U1/2021-01", "U1/2021-03", "U3/2021-01", "U3/2021-03"]);
  assert.deepEqual(log.filter((l) => l.reason === "threshold").map((l) => `${l.unit_id}/${l.period}`), ["U1/2021-01"]);
  assert.deepEqual(await audit(cells), []);
  // Built the same whatever the input order.
  assert.deepEqual(withheld(suppress([...input].reverse(), catalogue).cells), withheld(cells));
});

test("without the time relation, the quarter gives the small month away, and the audit says so", async () => {
  const input = quarterTable("ACC_FIRST_CONTACT", {
    U1: [[1, 3], [12, 30], [14, 31]],
    U2: [[20, 40], [21, 42], [22, 44]],
    U3: [[30, 60], [31, 61], [29, 59]],
  });
  const { cells } = suppress(input, catalogue, { relations: { time: false } });
  assert.deepEqual(withheld(cells), ["U1/2021-01", "U3/2021-01"]);
  const violations = await audit(cells);
  assert.ok(violations.some((v) => v.unit_id === "U1" && v.period === "2021-01" && v.field === "denominator" && v.rule === "pinned"), JSON.stringify(violations));
});

test("small cells side by side protect each other where their ranges add up to the threshold", async () => {
  // U1 January is 1 of 2 and every month of U2 is under the threshold too: no single
  // rectangle leaves January a range of 5, several together do; the totals stay.
  const input = quarterTable("ACC_FIRST_CONTACT", {
    U1: [[1, 2], [10, 20], [11, 21]],
    U2: [[1, 3], [1, 2], [1, 3]],
    U3: [[30, 60], [31, 61], [29, 59]],
  });
  const { cells } = suppress(input, catalogue);
  const hidden = withheld(cells);
  assert.ok(["U1/2021-01", "U2/2021-01", "U2/2021-02", "U2/2021-03"].every((h) => hidden.includes(h)), hidden.join(" "));
  assert.ok(!hidden.some((h) => h.startsWith("ALL/") || !/-\d\d$/.test(h)), hidden.join(" "));
  assert.deepEqual(await audit(cells), []);
});

test("indicators that publish the same count are withheld together: realised visits under PROD_REMOTE_SHARE and PROD_VISITS_PER_FTE", () => {
  const remote = quarterTable("PROD_REMOTE_SHARE", {
    U1: [[1, 3], [10, 30], [11, 31]],
    U2: [[20, 40], [21, 42], [22, 44]],
  });
  // Visits per person-year: the same visits over person-years (n: headcount, all large).
  const perFte = remote.map((c) => ({ ...cell("PROD_VISITS_PER_FTE", c.unit_id, c.period, c.denominator, 2, "ALL", 20) }));
  const { cells } = suppress([...remote, ...perFte], catalogue);
  const hidden = (id: string) => withheld(cells.filter((c) => c.indicator_id === id));
  assert.ok(hidden("PROD_REMOTE_SHARE").includes("U1/2021-01"));
  assert.deepEqual(hidden("PROD_VISITS_PER_FTE"), hidden("PROD_REMOTE_SHARE"));
});

test("a numerator at 0 wherever the pattern could trade it stays a visible 0; the count beside it is still hidden, and no total goes", async () => {
  // U1 and U2 never have a hit. Hiding U1's zero numerator would take a unit with hits and,
  // through it, totals; the denominator (the count under the threshold) is what must not show.
  const input = quarterTable("EFF_MINI_INTERVENTION", {
    U1: [[0, 3], [0, 8], [0, 9]],
    U2: [[0, 9], [0, 8], [0, 9]],
    U3: [[4, 20], [5, 22], [6, 21]],
  });
  const { cells } = suppress(input, catalogue);
  assert.ok(!withheld(cells).some((h) => h.startsWith("ALL/") || !/-\d\d$/.test(h)), withheld(cells).join(" "));
  assert.deepEqual(await audit(cells), []);
  const zeros = await audit(cells, { zeros: true });
  assert.ok(zeros.length > 0 && zeros.every((v) => v.unit_id !== "U3" && (v.field === "numerator" || v.field === "value")), JSON.stringify(zeros));
});

test("a numerator above 0 that the pattern for a small count cannot move gets a pattern of its own: nothing above 0 is pinned, and no total goes", async () => {
  // January of U1 is small. Every pair of its months and units has a numerator at 0 on both sides
  // (U1 January, U2 in January and February), yet a 1 (U1 February) or a 2 (U2 March) beside them:
  // requiring the pattern to move those numerators too would leave only a chain through the totals.
  const input = quarterTable("STAFF_TURNOVER", {
    U1: [[0, 3], [1, 8], [0, 9]],
    U2: [[0, 9], [0, 8], [2, 9]],
    U3: [[0, 20], [0, 22], [1, 21]],
  });
  const { cells } = suppress(input, catalogue);
  assert.ok(withheld(cells).includes("U1/2021-01"));
  assert.ok(!withheld(cells).some((h) => h.startsWith("ALL/") || !/-\d\d$/.test(h)), withheld(cells).join(" "));
  assert.deepEqual(await audit(cells), []);
  const zeros = await audit(cells, { zeros: true });
  assert.ok(zeros.every((v) => v.field === "value" || input.find((c) => c.unit_id === v.unit_id && c.period === v.period)!.numerator === 0), JSON.stringify(zeros));
});

test("patterns that fall on the same cell add up as far as its count goes: five units of one visit each in January keep the city's figures", async () => {
  // Each pair of a January of one visit with another unit's gives a range of 1 (the other's
  // January); several pairs are needed, and each falls on the same February of the target's unit,
  // which has 10 to lend. Demanding that their falling cells all differ leaves a chain through the city.
  const units = Object.fromEntries(["U1", "U2", "U3", "U4", "U5"].map((u): [string, [number, number][]] => [u, [[0, 1], [5, 10], [5, 10]]]));
  const input = quarterTable("ACC_FIRST_CONTACT", units);
  const { cells } = suppress(input, catalogue);
  assert.ok(withheld(cells).includes("U1/2021-01"));
  assert.ok(!withheld(cells).some((h) => h.startsWith("ALL/") || !/-\d\d$/.test(h)), withheld(cells).join(" "));
  assert.deepEqual(await audit(cells), []);
});
