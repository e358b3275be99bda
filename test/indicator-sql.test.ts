// The indicator SQL's template expansion (loaders/indicators/compute-indicators.ts) and
// its portability (issue 18): after expansion no indicator uses a DuckDB-only
// construct that has a standard form. The figures themselves are checked by
// test/reference.test.ts and test/indicators-*.test.ts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CATALOGUE_PATH, indicatorSql, loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { commonSql, expandCellMacros, parseFragments } from "../loaders/indicators/compute-indicators.ts";
import { openDb } from "../loaders/db.ts";

const fragments = parseFragments(commonSql());
const withoutComments = (sql: string) => sql.replace(/\/\*[\s\S]*?\*\//g, "").replace(/--[^\n]*/g, "");

describe("template fragments of _common.sql", () => {
  it("defines share_per_month(facts)", () => {
    assert.deepEqual(fragments.get("share_per_month")?.params, ["facts"]);
  });

  it("puts the argument in place of the parameter and expands the cell placeholders in the body", () => {
    const bare = expandCellMacros("SELECT * FROM {{share_per_month(my_facts)}} AS share", null, fragments);
    assert.match(bare, /FROM my_facts GROUP BY unit_id, month\)/);
    assert.match(bare, /GROUPING SETS \(\(period_type, period, unit_id\), \(period_type, period, unit_area\), \(period_type, period, unit_model\), \(period_type, period\)\)/);
    assert.doesNotMatch(bare, /\{\{/);
    const broken = expandCellMacros("SELECT * FROM {{share_per_month(f)}} AS share", "profession", fragments);
    assert.match(broken, /GROUP BY unit_id, month, breakdown_value\)/);
  });

  it("refuses an unknown placeholder and a wrong number of arguments", () => {
    assert.throws(() => expandCellMacros("SELECT {{nope(x)}}", null, fragments), /unknown placeholder \{\{nope\(x\)\}\}/);
    assert.throws(() => expandCellMacros("SELECT {{cel}}", null, fragments), /unknown placeholder/);
    assert.throws(() => expandCellMacros("SELECT * FROM {{share_per_month(a, b)}}", null, fragments), /takes 1 argument/);
  });

  it("counts hits and facts per cell; a NULL hit is a fact but not a hit", async () => {
    const db = await openDb({ threads: 1 });
    try {
      await db.run(`CREATE TABLE periods AS SELECT * FROM (VALUES
        (DATE '2021-01-01', 'month', '2021-01'), (DATE '2021-02-01', 'month', '2021-02'),
        (DATE '2021-01-01', 'quarter', '2021Q1'), (DATE '2021-02-01', 'quarter', '2021Q1')) AS p(month, period_type, period)`);
      // U1 and U2 share area ITA; their models differ, and U3 (no facts) is alone in area KESKI.
      await db.run(`CREATE TABLE unit_groups AS SELECT * FROM (VALUES
        ('U1', 'ITA', 'THK'), ('U2', 'ITA', 'PERHEKESKUS'), ('U3', 'KESKI', 'THK')) AS g(unit_id, unit_area, unit_model)`);
      await db.run(`CREATE TABLE facts AS SELECT * FROM (VALUES
        ('U1', DATE '2021-01-01', true), ('U1', DATE '2021-01-01', false), ('U1', DATE '2021-02-01', NULL),
        ('U2', DATE '2021-02-01', true)) AS f(unit_id, month, hit)`);
      const rows = await db.all<Record<string, unknown>>(
        `SELECT period, unit_id, breakdown_value, numerator, denominator, value, n
         FROM ${expandCellMacros("{{share_per_month(facts)}}", null, fragments)} AS share ORDER BY period, unit_id`,
      );
      assert.deepEqual(
        rows.map((r) => [r.period, r.unit_id, r.breakdown_value, Number(r.numerator), Number(r.denominator), r.value, Number(r.n)]),
        [
          ["2021-01", "ALL", "ALL", 1, 2, 0.5, 2],
          ["2021-01", "U1", "ALL", 1, 2, 0.5, 2],
          ["2021-01", "area:ITA", "ALL", 1, 2, 0.5, 2],
          ["2021-01", "model:THK", "ALL", 1, 2, 0.5, 2],
          ["2021-02", "ALL", "ALL", 1, 2, 0.5, 2],
          ["2021-02", "U1", "ALL", 0, 1, 0, 1],
          ["2021-02", "U2", "ALL", 1, 1, 1, 1],
          ["2021-02", "area:ITA", "ALL", 1, 2, 0.5, 2],
          ["2021-02", "model:PERHEKESKUS", "ALL", 1, 1, 1, 1],
          ["2021-02", "model:THK", "ALL", 0, 1, 0, 1],
          ["2021Q1", "ALL", "ALL", 2, 4, 0.5, 4],
          ["2021Q1", "U1", "ALL", 1, 3, 1 / 3, 3],
          ["2021Q1", "U2", "ALL", 1, 1, 1, 1],
          ["2021Q1", "area:ITA", "ALL", 2, 4, 0.5, 4],
          ["2021Q1", "model:PERHEKESKUS", "ALL", 1, 1, 1, 1],
          ["2021Q1", "model:THK", "ALL", 1, 3, 1 / 3, 3],
        ],
      );
    } finally {
      db.close();
    }
  });
});

// DuckDB-only constructs with a standard form (the standard form in the message). What stays on
// purpose, having no standard form: date_trunc, bitwise <<, & and bit_or (the month masks),
// count(DISTINCT (a, b)), CREATE OR REPLACE TABLE.
const NON_PORTABLE: [RegExp, string][] = [
  [/\bGROUP\s+BY\s+ALL\b/i, "GROUP BY ALL: list the columns"],
  [/\bEXCLUDE\s*\(/i, "SELECT * EXCLUDE: list the columns"],
  [/\bFILTER\s*\(\s*WHERE\b/i, "aggregate FILTER (WHERE …): count(CASE WHEN … THEN 1 END) runs on more engines"],
  [/::/, "x::TYPE: CAST(x AS TYPE)"],
  [/\bQUALIFY\b/i, "QUALIFY: a subquery with row_number() and WHERE"],
  [/\b(arg_min|arg_max|argmin|argmax|min_by|max_by)\s*\(/i, "arg_min/arg_max: row_number() OVER (… ORDER BY …) = 1"],
  [/\b(median|quantile_cont|quantile_disc|quantile)\s*\(/i, "median(x): percentile_cont(0.5) WITHIN GROUP (ORDER BY x)"],
  [/\b(year|month|day|dayofweek|epoch|epoch_ms)\s*\(/i, "year(x), month(x), epoch(x): EXTRACT(YEAR FROM x) …"],
  [/\b(date_diff|datediff|date_sub|date_add)\s*\(/i, "date_diff: compare with d + INTERVAL 'n' DAY"],
  [/\blist_\w+\s*\(|->|\blambda\b|\[/i, "lists and lambdas"],
];

describe("indicator SQL after expansion is portable where a standard form exists", () => {
  const catalogue = loadCatalogue();
  const files: [string, string][] = [
    ["_common.sql", readFileSync(join(CATALOGUE_PATH, "..", "indicators", "_common.sql"), "utf8")],
    ...catalogue.indicators.map((ind): [string, string] => [ind.sql, expandCellMacros(indicatorSql(ind), ind.breakdown, fragments)]),
  ];
  for (const [name, sql] of files) {
    it(name, () => {
      const code = withoutComments(sql);
      const found = NON_PORTABLE.filter(([re]) => re.test(code)).map(([, fix]) => fix);
      assert.deepEqual(found, [], `${name} uses ${found.join("; ")}`);
    });
  }
});
