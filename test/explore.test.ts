// The explore page's tables, example queries and result formatting: the
// listed columns are the ones a query sees (the export's, for indicators),
// the examples run on DuckDB against a table read from the export's own CSV
// writer, with results worked out by hand, and shares read as percentages.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { csvParseRows } from "d3-dsv";
import { PROJECT_ROOT } from "../loaders/indicators/catalogue.ts";
import { openDb, type Db } from "../loaders/db.ts";
import { EXPORT_COLUMNS, toExportCsv } from "../loaders/publish/emit.ts";
import type { PublishedCell, UnitInfo } from "../src/lib/cell.ts";
import { CATALOGUE_TABLE, EXPLORE_TABLES, INDICATORS_TABLE, UNITS_TABLE } from "../src/lib/explore/explore-schema.ts";
import { EXPLORE_EXAMPLES } from "../src/lib/explore/explore-examples.ts";
import { catalogueTableSql, indicatorsFromRawSql, sqlLiteral, unitsTableSql } from "../src/lib/explore/explore-tables.ts";
import { csvFileName, formatResultCell, isWithheldCell, numericColumns, resultCsv } from "../src/lib/explore/explore-result.ts";
import type { Lang } from "../src/lib/format.ts";

const NNBSP = "\u202F";
const catalogue = JSON.parse(readFileSync(join(PROJECT_ROOT, "data", "indicators.json"), "utf8")) as {
  indicators: { id: string; name: Record<Lang, string>; dimension: string; unit: string; direction?: string; breakdown?: string }[];
};

test("the indicators table lists exactly the export's columns, in its order", () => {
  assert.deepEqual(INDICATORS_TABLE.columns.map((c) => c.name), [...EXPORT_COLUMNS]);
  assert.equal(toExportCsv([]).split("\n")[0], INDICATORS_TABLE.columns.map((c) => c.name).join(","), "the CSV header");
  assert.deepEqual(INDICATORS_TABLE.columns.map((c) => c.type), ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "DOUBLE", "BOOLEAN"]);
  assert.deepEqual(EXPLORE_TABLES.map((t) => t.name), ["indicators", "units", "catalogue"]);
  for (const table of EXPLORE_TABLES) {
    assert.equal(new Set(table.columns.map((c) => c.name)).size, table.columns.length, `${table.name}: no column twice`);
    for (const lang of ["fi", "sv", "en"] as const) {
      assert.ok(table.meaning[lang].trim(), `${table.name} ${lang}`);
      for (const c of table.columns) assert.ok(c.meaning[lang].trim(), `${table.name}.${c.name} ${lang}`);
    }
  }
});

test("the catalogue columns' meanings name every unit of measure, direction and breakdown the catalogue uses", () => {
  const meaning = (name: string) => CATALOGUE_TABLE.columns.find((c) => c.name === name)!.meaning;
  for (const [column, values] of [
    ["unit", catalogue.indicators.map((i) => i.unit)],
    ["direction", catalogue.indicators.flatMap((i) => (i.direction ? [i.direction] : []))],
    ["breakdown", catalogue.indicators.flatMap((i) => (i.breakdown ? [i.breakdown] : []))],
    ["dimension", catalogue.indicators.map((i) => i.dimension)],
  ] as const) {
    for (const v of new Set(values)) for (const lang of ["fi", "sv", "en"] as const) assert.match(meaning(column)[lang], new RegExp(`\\b${v}\\b`), `${column} ${lang}: ${v}`);
  }
});

test("SQL literals quote text and never let it out of its quotes", () => {
  assert.equal(sqlLiteral("O'Brien"), "'O''Brien'");
  assert.equal(sqlLiteral(null), "NULL");
  assert.equal(sqlLiteral(undefined), "NULL");
  assert.equal(sqlLiteral(true), "TRUE");
  assert.equal(sqlLiteral(1.5), "1.5");
  assert.equal(sqlLiteral(NaN), "NULL");
});

// ---------------------------------------------------------------------------
// A small published table, written by the export's own CSV writer and read
// back the way the page makes its table.

const cell = (indicator_id: string, period: string, unit_id: string, numerator: number | null, denominator: number | null, opts: { breakdown?: string; bv?: string; suppressed?: boolean; value?: number | null } = {}): PublishedCell => {
  const period_type = /^\d{4}-\d{2}$/.test(period) ? "month" : period.includes("Q") ? "quarter" : period.includes("H") ? "half" : "year";
  const suppressed = opts.suppressed ?? false;
  return {
    indicator_id, period_type, period, unit_id,
    breakdown: opts.breakdown ?? "ALL", breakdown_value: opts.bv ?? "ALL",
    numerator: suppressed ? null : numerator, denominator: suppressed ? null : denominator,
    value: suppressed ? null : opts.value !== undefined ? opts.value : numerator! / denominator!,
    suppressed,
  };
};
const withheld = (indicator_id: string, period: string, unit_id: string, opts: { breakdown?: string; bv?: string } = {}) => cell(indicator_id, period, unit_id, null, null, { ...opts, suppressed: true });

const CELLS: PublishedCell[] = [
  // ACC_FIRST_CONTACT by quarter: 2023Q4 is its latest quarter (ACC_VISIT_0_7D has a later one, 2024Q1).
  cell("ACC_FIRST_CONTACT", "2023Q3", "U1", 30, 40),
  cell("ACC_FIRST_CONTACT", "2023Q3", "U3", 5, 10),
  cell("ACC_FIRST_CONTACT", "2023Q4", "ALL", 25, 40),
  cell("ACC_FIRST_CONTACT", "2023Q4", "U1", 9, 10),
  cell("ACC_FIRST_CONTACT", "2023Q4", "U2", 3, 6),
  cell("ACC_FIRST_CONTACT", "2023Q4", "U3", 8, 10),
  withheld("ACC_FIRST_CONTACT", "2023Q4", "U4"),
  cell("ACC_FIRST_CONTACT", "2024-01", "U1", 1, 2),
  cell("ACC_VISIT_0_7D", "2024Q1", "U1", 1, 2),
  // Years.
  cell("ACC_FIRST_CONTACT", "2022", "ALL", 60, 100),
  cell("ACC_FIRST_CONTACT", "2023", "ALL", 70, 100),
  withheld("ACC_FIRST_CONTACT", "2022", "U3"),
  cell("ACC_FIRST_CONTACT", "2023", "U1", 40, 50),
  withheld("ACC_FIRST_CONTACT", "2023", "U4"),
  withheld("STAFF_TURNOVER", "2023", "ALL"),
  withheld("STAFF_TURNOVER", "2023", "U2"),
  cell("ACC_VISIT_0_7D", "2022", "ALL", 30, 60),
  cell("ACC_VISIT_0_7D", "2022", "ALL", 20, 40, { breakdown: "profession", bv: "LAAKARI" }),
  cell("ACC_VISIT_0_7D", "2023", "ALL", 45, 60),
  withheld("ACC_VISIT_0_7D", "2023", "ALL", { breakdown: "profession", bv: "HOITAJA" }),
  cell("ACC_VISIT_0_7D", "2023", "ALL", 30, 40, { breakdown: "profession", bv: "LAAKARI" }),
  cell("ACC_VISIT_0_7D", "2023", "U1", 10, 20),
  withheld("ACC_VISIT_0_7D", "2023", "U1", { breakdown: "profession", bv: "LAAKARI" }),
];

const UNITS: UnitInfo[] = [
  { unit_id: "U1", unit_name_fi: "Itä 1", unit_name_sv: "Öster 1", operating_model: "THK", service_area: "TERVEYSASEMA", area: "ITA" },
  { unit_id: "U2", unit_name_fi: "Itä 2", unit_name_sv: null, operating_model: "THK", service_area: "TERVEYSASEMA", area: "ITA" },
  { unit_id: "U3", unit_name_fi: "Keski 'A'", unit_name_sv: "Centrum 'A'", operating_model: "PERHEKESKUS", service_area: "NEUVOLA", area: "KESKI" },
  { unit_id: "U4", unit_name_fi: "Keski 2", unit_name_sv: "Centrum 2", operating_model: "THK", service_area: "TERVEYSASEMA", area: "KESKI" },
];

let db: Db;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "explore-test-"));
  const csv = join(dir, "indicators.csv");
  writeFileSync(csv, toExportCsv(CELLS));
  db = await openDb({ memoryLimit: "1GB", threads: 1 });
  // The page's Arrow table has these types (absent numbers NULL or NaN); the export CSV reads into them.
  const types = INDICATORS_TABLE.columns.map((c) => `'${c.name}': '${c.type}'`).join(", ");
  await db.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${csv}', header = true, columns = {${types}})`);
  await db.run(indicatorsFromRawSql("raw"));
  for (const sql of [...unitsTableSql(UNITS), ...catalogueTableSql(catalogue.indicators)]) await db.run(sql);
});

after(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("each table DuckDB makes has exactly the listed columns and types", async () => {
  for (const table of EXPLORE_TABLES) {
    const described = await db.all<{ column_name: string; column_type: string }>(`DESCRIBE ${table.name}`);
    assert.deepEqual(described.map((d) => [d.column_name, d.column_type]), table.columns.map((c) => [c.name, c.type]), table.name);
  }
  assert.equal((await db.all(`SELECT * FROM indicators`)).length, CELLS.length);
  assert.deepEqual(await db.all(`SELECT unit_id, unit_name_fi, unit_name_sv FROM units ORDER BY unit_id`), UNITS.map((u) => ({ unit_id: u.unit_id, unit_name_fi: u.unit_name_fi, unit_name_sv: u.unit_name_sv })));
  const staff = await db.all(`SELECT name_sv, unit, direction, breakdown FROM catalogue WHERE indicator_id = 'CX_RESPONSES'`);
  assert.deepEqual(staff, [{ name_sv: catalogue.indicators.find((i) => i.id === "CX_RESPONSES")!.name.sv, unit: "count", direction: null, breakdown: "channel" }]);
  assert.equal((await db.all(`SELECT * FROM catalogue`)).length, catalogue.indicators.length);
});

test("the indicators table reads NaN and 0/1 as the page's Arrow may carry them", async () => {
  await db.run(`CREATE TABLE raw2 AS SELECT 'X' AS indicator_id, 'year' AS period_type, '2023' AS period, 'ALL' AS unit_id, 'ALL' AS breakdown, 'ALL' AS breakdown_value,
    'NaN'::DOUBLE AS numerator, 4.0 AS denominator, NULL::DOUBLE AS value, 1::UTINYINT AS suppressed`);
  await db.run(indicatorsFromRawSql("raw2").replace("CREATE TABLE indicators", "CREATE TABLE indicators2"));
  assert.deepEqual(await db.all(`SELECT numerator, denominator, value, suppressed FROM indicators2`), [{ numerator: null, denominator: 4, value: null, suppressed: true }]);
});

const example = (id: string) => EXPLORE_EXAMPLES.find((e) => e.id === id)!;
const nameOf = (id: string, lang: Lang) => catalogue.indicators.find((i) => i.id === id)!.name[lang];

test("the whole city's yearly values, by dimension and indicator", async () => {
  for (const lang of ["fi", "sv", "en"] as const) {
    const rows = await db.all(example("city-yearly").sql(lang));
    assert.deepEqual(rows, [
      { indicator_id: "STAFF_TURNOVER", name: nameOf("STAFF_TURNOVER", lang), period: "2023", value: null, suppressed: true },
      { indicator_id: "ACC_FIRST_CONTACT", name: nameOf("ACC_FIRST_CONTACT", lang), period: "2022", value: 0.6, suppressed: false },
      { indicator_id: "ACC_FIRST_CONTACT", name: nameOf("ACC_FIRST_CONTACT", lang), period: "2023", value: 0.7, suppressed: false },
      { indicator_id: "ACC_VISIT_0_7D", name: nameOf("ACC_VISIT_0_7D", lang), period: "2022", value: 0.5, suppressed: false },
      { indicator_id: "ACC_VISIT_0_7D", name: nameOf("ACC_VISIT_0_7D", lang), period: "2023", value: 0.75, suppressed: false },
    ], lang);
  }
});

test("first-contact resolution by area in its latest quarter: an area with a withheld unit has no value", async () => {
  for (const lang of ["fi", "sv", "en"] as const) {
    const rows = await db.all(example("first-contact-by-area").sql(lang));
    assert.deepEqual(rows, [
      // ITA: U1 9/10 and U2 3/6 → 12/16.
      { area: "ITA", indicator_id: "ACC_FIRST_CONTACT", period: "2023Q4", units: 2, withheld_units: 0, value: 0.75 },
      // KESKI: U3 published, U4 withheld.
      { area: "KESKI", indicator_id: "ACC_FIRST_CONTACT", period: "2023Q4", units: 2, withheld_units: 1, value: null },
    ], lang);
  }
});

test("the units whose value is withheld in the latest year (no whole city, no breakdown rows)", async () => {
  assert.deepEqual(await db.all(example("withheld-units").sql("fi")), [
    { indicator_id: "ACC_FIRST_CONTACT", period: "2023", unit_id: "U4", unit_name: "Keski 2", value: null, suppressed: true },
    { indicator_id: "STAFF_TURNOVER", period: "2023", unit_id: "U2", unit_name: "Itä 2", value: null, suppressed: true },
  ]);
  // Swedish names, the Finnish one where a unit has none.
  assert.deepEqual((await db.all<{ unit_name: string }>(example("withheld-units").sql("sv"))).map((r) => r.unit_name), ["Centrum 2", "Itä 2"]);
});

test("an indicator's yearly values by profession, the total first", async () => {
  const rows = await db.all(example("visit-by-profession").sql("en"));
  assert.deepEqual(rows, [
    { indicator_id: "ACC_VISIT_0_7D", profession: "ALL", period: "2022", numerator: 30, denominator: 60, value: 0.5, suppressed: false },
    { indicator_id: "ACC_VISIT_0_7D", profession: "ALL", period: "2023", numerator: 45, denominator: 60, value: 0.75, suppressed: false },
    { indicator_id: "ACC_VISIT_0_7D", profession: "HOITAJA", period: "2023", numerator: null, denominator: null, value: null, suppressed: true },
    { indicator_id: "ACC_VISIT_0_7D", profession: "LAAKARI", period: "2022", numerator: 20, denominator: 40, value: 0.5, suppressed: false },
    { indicator_id: "ACC_VISIT_0_7D", profession: "LAAKARI", period: "2023", numerator: 30, denominator: 40, value: 0.75, suppressed: false },
  ]);
});

test("every example shows value beside indicator_id and suppressed, and has a title in three languages", () => {
  assert.ok(EXPLORE_EXAMPLES.length >= 3 && EXPLORE_EXAMPLES.length <= 5);
  for (const e of EXPLORE_EXAMPLES) {
    for (const lang of ["fi", "sv", "en"] as const) assert.ok(e.title[lang].trim(), `${e.id} ${lang}`);
    const sql = e.sql("fi");
    if (/\bvalue\b/.test(sql)) assert.match(sql, /indicator_id/, `${e.id}: the unit of value is known`);
  }
});

// ---------------------------------------------------------------------------
// Formatting.

const units = new Map(catalogue.indicators.map((i) => [i.id, i.unit]));

test("a share's value reads as a percentage, other values in their unit, other numbers plainly", () => {
  const f = (row: Record<string, unknown>, column: string, lang: Lang = "fi") => formatResultCell(row, column, { lang, units });
  assert.equal(f({ indicator_id: "ACC_FIRST_CONTACT", value: 0.75 }, "value"), `75,0${NNBSP}%`);
  assert.equal(f({ indicator_id: "ACC_FIRST_CONTACT", value: 0.12345 }, "value", "en"), "12.3%");
  assert.equal(f({ indicator_id: "ACC_FIRST_CONTACT", value: 0.75 }, "value", "sv"), `75,0${NNBSP}%`);
  assert.equal(f({ indicator_id: "CX_NPS", value: -12.4 }, "value"), "\u221212");
  assert.equal(f({ indicator_id: "ACC_T3_MEDIAN", value: 3.25 }, "value"), `3,3${NNBSP}vrk`);
  // Without the row's indicator the unit is unknown: a plain number.
  assert.equal(f({ value: 0.75 }, "value"), "0,75");
  assert.equal(f({ indicator_id: "NO_SUCH", value: 0.75 }, "value"), "0,75");
  // A share elsewhere than in `value` is not a percentage.
  assert.equal(f({ indicator_id: "ACC_FIRST_CONTACT", share: 0.75 }, "share"), "0,75");
  assert.equal(f({ numerator: 1234 }, "numerator"), `1${NNBSP}234`);
  assert.equal(f({ denominator: 12.25 }, "denominator"), "12,3");
  assert.equal(f({ x: 1 / 3 }, "x"), "0,3333");
  assert.equal(f({ x: 2 }, "x"), "2");
  assert.equal(f({ x: -1.5 }, "x"), "\u22121,5");
  assert.equal(f({ x: 1234.5 }, "x", "en"), "1,234.5");
  assert.equal(f({ x: 12345n }, "x"), `12${NNBSP}345`);
  assert.equal(f({ x: null }, "x"), "–");
  assert.equal(f({ x: true }, "x"), "true");
  assert.equal(f({ x: "2023Q4" }, "x"), "2023Q4");
});

test("a withheld figure is a NULL value, numerator or denominator on a suppressed row", () => {
  assert.equal(isWithheldCell({ value: null, suppressed: true }, "value"), true);
  assert.equal(isWithheldCell({ numerator: null, suppressed: true }, "numerator"), true);
  assert.equal(isWithheldCell({ unit_id: null, suppressed: true }, "unit_id"), false);
  assert.equal(isWithheldCell({ value: null, suppressed: false }, "value"), false);
  assert.equal(isWithheldCell({ value: null }, "value"), false);
  // A zero left visible on a withheld cell's partner is shown as it is.
  assert.equal(isWithheldCell({ numerator: 0, suppressed: true }, "numerator"), false);
});

test("numeric columns: every non-NULL value a number", () => {
  assert.deepEqual([...numericColumns(["a", "b", "c", "d"], [{ a: 1, b: "x", c: null, d: null }, { a: null, b: 2, c: null, d: 3n }])], ["a", "d"]);
});

test("the CSV has every row, unrounded numbers and the extract's source and time", () => {
  const extract = { source: "Apotti (synteettinen)", extracted_at: "2024-01-15T06:00:00" };
  const csv = resultCsv(["indicator_id", "name", "value", "suppressed"], [
    { indicator_id: "ACC_FIRST_CONTACT", name: "Käynnit, 0–7 päivää", value: 2 / 3, suppressed: false },
    { indicator_id: "STAFF_TURNOVER", name: 'Vaihtuvuus "%"', value: null, suppressed: true },
  ], extract);
  assert.equal(csv, [
    "indicator_id,name,value,suppressed,extract_source,extracted_at",
    'ACC_FIRST_CONTACT,"Käynnit, 0–7 päivää",0.6666666666666666,false,Apotti (synteettinen),2024-01-15T06:00:00',
    'STAFF_TURNOVER,"Vaihtuvuus ""%""",,true,Apotti (synteettinen),2024-01-15T06:00:00',
  ].join("\n"));
  assert.deepEqual(csvParseRows(csv).map((r) => r.length), [6, 6, 6]);
  assert.equal(csvFileName(extract), "query-2024-01-15.csv");
});
