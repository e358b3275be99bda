// The independent privacy audit (loaders/privacy/audit): an attacker that reads
// only the published export. Hand-made tables, each with the exact figures a
// reader can recover from it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { auditPublished, type AuditViolation, type UnitMembership } from "../loaders/privacy/audit/index.ts";

const catalogue = loadCatalogue();
const HEADER = "indicator_id,period_type,period,unit_id,breakdown,breakdown_value,numerator,denominator,value,suppressed";

type Cell = [period: string, unit: string, num: number | null, den: number | null, bv?: string];

const typeOf = (p: string) => (p.includes("Q") ? "quarter" : p.includes("H") ? "half" : p.includes("-") ? "month" : "year");

/** Export rows of one indicator; cells whose "period/unit/bv" is in `withheld` are written as withheld. */
function rows(indicator: string, cells: Cell[], withheld: string[] = [], value = (n: number | null, d: number | null) => (n === null ? d : d ? n / d : null)): string[] {
  return cells.map(([p, u, n, d, bv = "ALL"]) => {
    const hidden = withheld.includes(`${p}/${u}/${bv}`) || withheld.includes(`${p}/${u}`);
    const f = (x: number | null) => (hidden || x === null ? "" : String(x));
    const breakdown = bv === "ALL" ? "ALL" : "channel";
    return [indicator, typeOf(p), p, u, breakdown, bv, f(n), f(d), hidden ? "" : f(value(n, d)), hidden ? "true" : "false"].join(",");
  });
}
const csv = (...parts: string[][]) => [HEADER, ...parts.flat()].join("\n") + "\n";

/** The violations, with ranges rounded so float dust does not matter. */
async function audit(text: string, units?: UnitMembership[]): Promise<string[]> {
  const r = await auditPublished({ indicatorsCsv: text, units, catalogue });
  assert.equal(r.contradictions, 0);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return r.violations.map((v: AuditViolation) => `${v.rule} ${v.indicator_id} ${v.period} ${v.unit_id} ${v.breakdown_value} ${v.field} [${round(v.min)}, ${round(v.max)}]`);
}

/** Months of 2020Q1 × units with the quarter and ALL sums, all additive. */
function quarterTable(per: Record<string, [number, number][]>): Cell[] {
  const months = ["2020-01", "2020-02", "2020-03"];
  const units = Object.keys(per);
  const cells: Cell[] = [];
  const sum = (xs: [number, number][]) => xs.reduce<[number, number]>((s, x) => [s[0] + x[0], s[1] + x[1]], [0, 0]);
  months.forEach((m, i) => {
    cells.push([m, "ALL", ...sum(units.map((u) => per[u][i]))]);
    for (const u of units) cells.push([m, u, ...per[u][i]]);
  });
  cells.push(["2020Q1", "ALL", ...sum(units.flatMap((u) => per[u]))]);
  for (const u of units) cells.push(["2020Q1", u, ...sum(per[u])]);
  return cells;
}

test("time: a quarter and two of its months pin the third (ACC_FIRST_CONTACT, as on the bundled sample)", async () => {
  const cells: Cell[] = [["2020Q1", "U1", 8, 17], ["2020-01", "U1", 3, 6], ["2020-02", "U1", 2, 3], ["2020-03", "U1", 3, 8]];
  assert.deepEqual(await audit(csv(rows("ACC_FIRST_CONTACT", cells, ["2020-02/U1"]))), [
    "pinned ACC_FIRST_CONTACT 2020-02 U1 ALL numerator [2, 2]",
    "pinned ACC_FIRST_CONTACT 2020-02 U1 ALL denominator [3, 3]",
    "pinned ACC_FIRST_CONTACT 2020-02 U1 ALL value [0.666667, 0.666667]",
  ]);
});

test("units: the whole city and the other units pin a withheld unit", async () => {
  const cells: Cell[] = [["2020-01", "ALL", 20, 40], ["2020-01", "U1", 10, 20], ["2020-01", "U2", 6, 12], ["2020-01", "U3", 4, 8]];
  assert.deepEqual(await audit(csv(rows("ACC_FIRST_CONTACT", cells, ["2020-01/U2"]))), [
    "pinned ACC_FIRST_CONTACT 2020-01 U2 ALL numerator [6, 6]",
    "pinned ACC_FIRST_CONTACT 2020-01 U2 ALL denominator [12, 12]",
    "pinned ACC_FIRST_CONTACT 2020-01 U2 ALL value [0.5, 0.5]",
  ]);
});

test("a distinct count: a published total under its published members refutes the sum, so the audit reads only total ≤ sum and total ≥ each", async () => {
  // Clients seen in two units count once in the city: 14 < 10 + 6 (+ U3's withheld 4).
  const cells: Cell[] = [["2020-01", "ALL", 7, 14], ["2020-01", "U1", 5, 10], ["2020-01", "U2", 3, 6], ["2020-01", "U3", 2, 4]];
  const r = await auditPublished({ indicatorsCsv: csv(rows("EFF_CONTACT_PERSON", cells, ["2020-01/U3"])), catalogue });
  assert.equal(r.contradictions, 0, "assuming the sum would contradict the published figures");
  assert.ok(r.relations.some((i) => i.kind === "units" && i.field === "den" && !i.equal && i.atMostSum && i.atLeastEach));
  // The sum would have pinned U3 at −2 (a contradiction); read as a distinct count, U3 is anywhere in [0, 14].
  assert.deepEqual(r.violations.map((v) => v.message), []);
});

test("a distinct count: a sum inferred from groups that happen to add up, contradicted by the published figures, is relaxed to total ≤ sum and total ≥ each", async () => {
  // January, March and the quarter add up over the units, so the units' sum is inferred; U3's quarter (15 < 6 + 6 + 6)
  // refutes the months' sum. Then U1's February is at least 14 − 6 − 2 = 6 and U2's at least 10 − 4 − 2 = 4,
  // so with the sum the city's February would be at least 6 + 4 + 6 = 16: it is 14 (clients seen in two units).
  const cells: Cell[] = [
    ["2020-01", "ALL", 8, 16], ["2020-02", "ALL", 7, 14], ["2020-03", "ALL", 5, 10], ["2020Q1", "ALL", 19, 39],
    ["2020-01", "U1", 3, 6], ["2020-02", "U1", 4, 8], ["2020-03", "U1", 1, 2], ["2020Q1", "U1", 7, 14],
    ["2020-01", "U2", 2, 4], ["2020-02", "U2", 3, 5], ["2020-03", "U2", 1, 2], ["2020Q1", "U2", 5, 10],
    ["2020-01", "U3", 3, 6], ["2020-02", "U3", 3, 6], ["2020-03", "U3", 3, 6], ["2020Q1", "U3", 7, 15],
  ];
  const r = await auditPublished({ indicatorsCsv: csv(rows("EFF_CONTACT_PERSON", cells, ["2020-02/U1", "2020-02/U2"])), catalogue });
  assert.equal(r.contradictions, 0, "the contradicted sum is dropped, not reported as a contradiction");
  const units = r.relations.filter((i) => i.kind === "units");
  assert.ok(units.length === 2 && units.every((i) => i.groups === 3 && !i.equal && i.atMostSum && i.atLeastEach && !i.atLeastSum));
  // U1's February denominator is in [6, 14] (the city's February bounds it above), U2's in [4, 10] (its quarter).
  assert.deepEqual(r.violations.map((v) => v.message), []);
});

test("two indicators: realised visits withheld under PROD_REMOTE_SHARE are published under PROD_VISITS_PER_FTE", async () => {
  const months = ["2020-01", "2020-02", "2020-03", "2020-04"];
  const visits = [120, 95, 143, 50];
  const remote = [30, 21, 40, 2];
  const personYears = [1.5, 1.25, 1.75, 0.5];
  const text = csv(
    rows("PROD_REMOTE_SHARE", months.map((m, i): Cell => [m, "U1", remote[i], visits[i]]), ["2020-04/U1"]),
    rows("PROD_VISITS_PER_FTE", months.map((m, i): Cell => [m, "U1", visits[i], personYears[i]])),
  );
  const r = await auditPublished({ indicatorsCsv: text, catalogue });
  assert.deepEqual(r.links.map((l) => `${l.a} = ${l.ratio} × ${l.b}`), ["PROD_REMOTE_SHARE.den = 1 × PROD_VISITS_PER_FTE.num"]);
  // The remote visits themselves are bounded by nothing published.
  assert.deepEqual(await audit(text), ["pinned PROD_REMOTE_SHARE 2020-04 U1 ALL denominator [50, 50]"]);
});

test("narrow: a 2×2 pattern inside a published quarter and ALL leaves the small cells a range under the threshold", async () => {
  const cells = quarterTable({ U1: [[1, 2], [1, 2], [3, 9]], U2: [[1, 2], [20, 40], [5, 10]], U3: [[7, 11], [8, 13], [9, 15]] });
  const withheld = ["2020-01/U1", "2020-02/U1", "2020-01/U2", "2020-02/U2"];
  assert.deepEqual(await audit(csv(rows("ACC_FIRST_CONTACT", cells, withheld))), [
    "narrow ACC_FIRST_CONTACT 2020-01 U1 ALL denominator [0, 4]",
    "narrow ACC_FIRST_CONTACT 2020-01 U2 ALL denominator [0, 4]",
    "narrow ACC_FIRST_CONTACT 2020-02 U1 ALL denominator [0, 4]",
  ]);
});

test("the same 2×2 pattern with large partners recovers nothing", async () => {
  const cells = quarterTable({ U1: [[1, 2], [15, 30], [3, 9]], U2: [[14, 30], [20, 40], [5, 10]], U3: [[7, 11], [8, 13], [9, 15]] });
  const withheld = ["2020-01/U1", "2020-02/U1", "2020-01/U2", "2020-02/U2"];
  assert.deepEqual(await audit(csv(rows("ACC_FIRST_CONTACT", cells, withheld))), []);
});

test("distinct counts: a quarter below the sum of its months is read as an inequality, so nothing is pinned", async () => {
  const cells: Cell[] = [
    // U2, fully published, shows that a quarter's clients are not the sum of its months'.
    ["2020-01", "U2", 3, 6], ["2020-02", "U2", 3, 6], ["2020-03", "U2", 3, 6], ["2020Q1", "U2", 7, 15],
    ["2020-01", "U1", 8, 12], ["2020-02", "U1", 5, 10], ["2020-03", "U1", 6, 12], ["2020Q1", "U1", 15, 25],
  ];
  const text = csv(rows("EFF_CONTACT_PERSON", cells, ["2020-01/U1"]));
  assert.deepEqual(await audit(text), []);
  const r = await auditPublished({ indicatorsCsv: text, catalogue });
  const time = r.relations.filter((x) => x.kind === "time");
  assert.ok(time.length === 2 && time.every((x) => !x.equal && x.atMostSum && x.atLeastEach));
});

test("NPS: net promoters pinned at 0 over a positive number of answers pins the value", async () => {
  const nps = (n: number | null, d: number | null) => (n === null || !d ? null : (100 * n) / d);
  const cells: Cell[] = [
    // January, fully published: answers are not additive over units here (ALL 18 < 10 + 10), the net is.
    ["2020-01", "ALL", 2, 18], ["2020-01", "U1", 2, 10], ["2020-01", "U2", 0, 10],
    ["2020-02", "ALL", 3, 30], ["2020-02", "U1", 0, 20], ["2020-02", "U2", 3, 12],
  ];
  // rows() takes the net as "numerator" to compute the value; the export leaves the numerator empty for NPS.
  const lines = rows("CX_NPS", cells, ["2020-02/U1"], nps).map((l) => {
    const f = l.split(",");
    f[6] = "";
    return f.join(",");
  });
  assert.deepEqual(await audit(csv(lines)), [
    "pinned CX_NPS 2020-02 U1 ALL numerator [0, 0]",
    "pinned CX_NPS 2020-02 U1 ALL value [0, 0]",
  ]);
});

// Areas and operating models: U1, U2 in area A and U3, U4 in B; U1, U3 in model M1 and U2, U4 in M2.
const CROSSED: UnitMembership[] = [
  { unit_id: "U1", area: "A", operating_model: "M1" }, { unit_id: "U2", area: "A", operating_model: "M2" },
  { unit_id: "U3", area: "B", operating_model: "M1" }, { unit_id: "U4", area: "B", operating_model: "M2" },
];
const crossedCells: Cell[] = [
  ["2020-01", "ALL", 20, 40], ["2020-01", "U1", 2, 4], ["2020-01", "U2", 6, 12], ["2020-01", "U3", 5, 10], ["2020-01", "U4", 7, 14],
  ["2020-01", "area:A", 8, 16], ["2020-01", "area:B", 12, 24], ["2020-01", "model:M1", 7, 14], ["2020-01", "model:M2", 13, 26],
];

test("areas: an area and its other unit pin a withheld unit", async () => {
  // U1 and U3 withheld together hold under ALL and model M1 (both see U1 + U3), but area A = U1 + U2.
  const text = csv(rows("ACC_FIRST_CONTACT", crossedCells, ["2020-01/U1", "2020-01/U3"]));
  assert.deepEqual(await audit(text, CROSSED), [
    "pinned ACC_FIRST_CONTACT 2020-01 U1 ALL numerator [2, 2]",
    "pinned ACC_FIRST_CONTACT 2020-01 U1 ALL denominator [4, 4]",
    "pinned ACC_FIRST_CONTACT 2020-01 U1 ALL value [0.5, 0.5]",
    "pinned ACC_FIRST_CONTACT 2020-01 U3 ALL numerator [5, 5]",
    "pinned ACC_FIRST_CONTACT 2020-01 U3 ALL denominator [10, 10]",
    "pinned ACC_FIRST_CONTACT 2020-01 U3 ALL value [0.5, 0.5]",
  ]);
});

test("operating models: a model and its other unit pin a withheld unit; with the model withheld too, nothing is pinned", async () => {
  // U1 and U2 withheld together hold under ALL and area A, but model M1 = U1 + U3.
  const leaky = csv(rows("ACC_FIRST_CONTACT", crossedCells, ["2020-01/U1", "2020-01/U2"]));
  assert.ok((await audit(leaky, CROSSED)).includes("pinned ACC_FIRST_CONTACT 2020-01 U1 ALL denominator [4, 4]"));
  // Withholding M1 and M2 as well: U1 can rise by t while U2, M2 fall and M1 rises; ALL and A stay.
  const safe = csv(rows("ACC_FIRST_CONTACT", crossedCells, ["2020-01/U1", "2020-01/U2", "2020-01/model:M1", "2020-01/model:M2"]));
  assert.deepEqual(await audit(safe, CROSSED), []);
});

test("the whole city over the areas: one area withheld with its units is ALL less the other area", async () => {
  const text = csv(rows("ACC_FIRST_CONTACT", crossedCells, ["2020-01/U1", "2020-01/U2", "2020-01/area:A", "2020-01/model:M1", "2020-01/model:M2"]));
  const found = await audit(text, CROSSED);
  assert.ok(found.includes("pinned ACC_FIRST_CONTACT 2020-01 area:A ALL denominator [16, 16]"), found.join("\n"));
});

// With the table before anything was withheld (as every build passes it), the
// audit takes which sums and shared counts hold from there, not from the few
// groups that happen to be fully published.
test("sums from the whole table: a breakdown short of its total (an unknown channel) is read as ≤, not as an equality", async () => {
  const cells: Cell[] = [["2020-01", "U1", 10, 20], ["2020-01", "U1", 4, 8, "A"], ["2020-01", "U1", 3, 6, "B"]];
  const published = csv(rows("ACC_FIRST_CONTACT", cells, ["2020-01/U1/B"]));
  // Guessing from the published figures, the audit assumes the sum and "pins" B at the wrong 6 of 12.
  const guessed = await auditPublished({ indicatorsCsv: published, catalogue });
  assert.ok(guessed.violations.some((v) => v.breakdown_value === "B" && v.field === "numerator" && v.min === 6 && v.max === 6));
  const r = await auditPublished({ indicatorsCsv: published, sumsFromCsv: csv(rows("ACC_FIRST_CONTACT", cells)), catalogue });
  assert.equal(r.contradictions, 0);
  assert.deepEqual(r.violations.map((v) => v.message), []);
  assert.ok(r.relations.some((i) => i.kind === "breakdown" && i.field === "den" && !i.equal && i.atLeastSum && !i.atMostSum));
});

test("sums from the whole table: a breakdown that adds up still pins its one withheld value", async () => {
  const cells: Cell[] = [["2020-01", "U1", 7, 14], ["2020-01", "U1", 4, 8, "A"], ["2020-01", "U1", 3, 6, "B"]];
  const r = await auditPublished({ indicatorsCsv: csv(rows("ACC_FIRST_CONTACT", cells, ["2020-01/U1/B"])), sumsFromCsv: csv(rows("ACC_FIRST_CONTACT", cells)), catalogue });
  assert.deepEqual(r.violations.filter((v) => v.field !== "value").map((v) => `${v.rule} ${v.breakdown_value} ${v.field} [${v.min}, ${v.max}]`), ["pinned B numerator [3, 3]", "pinned B denominator [6, 6]"]);
});

test("shared counts from the whole table: series that agree on their published keys only are not one quantity", async () => {
  const months = ["2020-01", "2020-02", "2020-03", "2020-04"];
  const visits = [120, 95, 143, 60];
  const remoteOf = [120, 95, 143, 50]; // the fourth month counts 10 visits PROD_VISITS_PER_FTE does not
  const build = (withheld: string[]) =>
    csv(
      rows("PROD_REMOTE_SHARE", months.map((m, i): Cell => [m, "U1", [30, 21, 40, 12][i], remoteOf[i]]), withheld),
      rows("PROD_VISITS_PER_FTE", months.map((m, i): Cell => [m, "U1", visits[i], [1.5, 1.25, 1.75, 0.5][i]])),
    );
  const published = build(["2020-04/U1"]);
  const guessed = await auditPublished({ indicatorsCsv: published, catalogue });
  assert.deepEqual(guessed.links.map((l) => `${l.a} = ${l.ratio} × ${l.b}`), ["PROD_REMOTE_SHARE.den = 1 × PROD_VISITS_PER_FTE.num"]);
  const r = await auditPublished({ indicatorsCsv: published, sumsFromCsv: build([]), catalogue });
  assert.deepEqual(r.links, []);
  assert.deepEqual(r.violations.filter((v) => v.rule !== "zero").map((v) => v.message), []);
});

test("sums from the whole table: one with other rows than the published table is refused", async () => {
  const cells: Cell[] = [["2020-01", "U1", 7, 14], ["2020-01", "U2", 4, 8]];
  await assert.rejects(
    auditPublished({ indicatorsCsv: csv(rows("ACC_FIRST_CONTACT", cells)), sumsFromCsv: csv(rows("ACC_FIRST_CONTACT", cells.slice(0, 1))), catalogue }),
    /ACC_FIRST_CONTACT: the table with nothing withheld has other rows than the published one/,
  );
});
