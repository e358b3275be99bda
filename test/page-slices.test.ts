// The page slices: filtering only. Every published cell reaches exactly the
// slices its indicator, unit and breakdown belong to, unchanged. (The tar
// archive they ship in: test/tar.test.ts.)
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { toArrowIpc } from "../loaders/publish/emit.ts";
import type { PublishedCell } from "../src/lib/cell.ts";
import {
  DIMENSIONS, cellsFromArrow, decodeSlice, encodeSlice, pageSlices, slimProgramme, statusContext, unitSlug,
  type ContextJson, type SliceJson,
} from "../loaders/publish/page-slices.ts";
import { computeStatuses, statusKey } from "../src/lib/analysis/statuses.ts";

const catalogue = loadCatalogue();
const cell = (indicator_id: string, period: string, unit_id = "ALL", breakdown_value = "ALL", value: number | null = 0.5, extra: Partial<PublishedCell> = {}): PublishedCell => ({
  indicator_id,
  period_type: /Q/.test(period) ? "quarter" : /H/.test(period) ? "half" : /-/.test(period) ? "month" : "year",
  period, unit_id,
  breakdown: breakdown_value === "ALL" ? "ALL" : "profession",
  breakdown_value,
  numerator: value === null ? null : 1,
  denominator: value === null ? null : 2,
  value,
  suppressed: value === null,
  ...extra,
});

const units = [
  { unit_id: "U1", unit_name_fi: "Yksikkö 1", unit_name_sv: null, operating_model: "THK", service_area: "TERVEYSASEMA", area: "ITA" },
  { unit_id: "U 2/ä", unit_name_fi: "Yksikkö 2", unit_name_sv: "Enhet 2", operating_model: "PERHEKESKUS", service_area: "NEUVOLA", area: "KESKI" },
];
const meta = { manifest: { source: "test", extracted_at: "2022-01-05T06:00:00", period: { from: "2021-01-01", to: "2021-12-31" } }, units };
const programme = {
  programme: { id: "P", name: { fi: "Ohjelma" }, milestones: [{ date: "2020-09", precision: "season", kind: "STARTED", text: { fi: "alkoi" }, source: { file: "x", quote: "y" } }] },
  benefitGoals: [{ id: "HT1", number: 1, name: { fi: "Saatavuus" }, source: { file: "x", quote: "y" } }],
  measures: [{ id: "HT1-A", name: { fi: "Mitta" }, primaryGoal: "HT1", secondaryGoals: [], developmentArea: "KA1", startDate: "2021-03", startDatePrecision: "month", startDateNote: null, source: { file: "x", quote: "y" } }],
};

const cells: PublishedCell[] = [
  cell("ACC_FIRST_CONTACT", "2021-03"), // headline, access, total
  cell("ACC_FIRST_CONTACT", "2021-03", "U1"),
  cell("ACC_FIRST_CONTACT", "2021-03", "U 2/ä", "ALL", null), // suppressed
  cell("ACC_URGENT_0_1D", "2021Q1", "ALL", "LAAKARI", 0.1234567890123),
  cell("ACC_URGENT_0_1D", "2021Q1", "U1", "LAAKARI", 0.25),
  cell("ACC_URGENT_0_1D", "2021Q1", "U1", "ALL", 0.3),
  cell("STAFF_ENPS", "2021", "ALL", "ALL", -12.5, { numerator: null, denominator: 40 }),
  cell("STAFF_ENPS", "2021", "U1", "ALL", 10, { numerator: null, denominator: 12 }), // headline, a unit, yearly
  cell("CX_RESPONSES", "2021H2", "U1", "ALL", 17, { numerator: 17, denominator: null }),
  cell("ACC_FIRST_CONTACT", "2021-03", "area:ITA", "ALL", 0.4), // an area's figure
  cell("STAFF_ENPS", "2021", "model:THK", "ALL", 8, { numerator: null, denominator: 30 }), // an operating model's
  cell("ACC_URGENT_0_1D", "2021Q1", "area:ITA", "LAAKARI", 0.2), // an area's breakdown value: no page shows it
];

const PERIOD_NAMES = ["month", "quarter", "half", "year"];
const rowsOf = (slices: Map<string, string>, name: string) => decodeSlice(JSON.parse(slices.get(name)!) as SliceJson);
const key = (c: PublishedCell) => [c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown_value].join("|");

test("unitSlug keeps safe ids and makes unsafe ones safe and unique", () => {
  assert.equal(unitSlug("THK-ITA-TA-01"), "THK-ITA-TA-01");
  const a = unitSlug("U 2/ä");
  assert.match(a, /^[A-Za-z0-9_-]+$/);
  assert.notEqual(a, unitSlug("U 2/ö"));
  assert.equal(a, unitSlug("U 2/ä"), "stable");
});

test("encodeSlice and decodeSlice round-trip every field, nulls and signs included", () => {
  const back = decodeSlice(JSON.parse(JSON.stringify(encodeSlice(cells))) as SliceJson);
  const sort = (list: PublishedCell[]) => [...list].sort((x, y) => (key(x) < key(y) ? -1 : 1));
  assert.deepEqual(sort(back), sort(cells));
});

test("cellsFromArrow reads the pages' Arrow table back as the published cells", () => {
  assert.deepEqual(cellsFromArrow(toArrowIpc(cells)), cells);
});

test("every cell lands in exactly the slices it belongs to, unchanged, with the status computed once for it", () => {
  const slices = pageSlices({ cells, catalogue, meta, programme });
  const statuses = computeStatuses(cells, statusContext(catalogue, programme));
  const where = new Map<string, string[]>();
  for (const name of slices.keys()) {
    if (!/^(headline|headunits|headgroups|total|dim|dimunits|dimgroups|indunits|unit)-/.test(name)) continue;
    for (const { status, ...c } of rowsOf(slices, name)) {
      const k = key(c);
      where.set(k, [...(where.get(k) ?? []), name]);
      const published = cells.find((x) => key(x) === k)!;
      // The guardrail's and the units table's slices carry values without the counts.
      const expected = /^head(units|groups)-/.test(name) ? { ...published, numerator: null, denominator: null } : published;
      assert.deepEqual(c, expected, `${name}: ${k} is copied as published`);
      assert.deepEqual(status, statuses.get(statusKey(published)), `${name}: ${k} carries its status`);
    }
  }
  const slug2 = unitSlug("U 2/ä");
  const sorted = (list: string[] | undefined) => [...(list ?? [])].sort();
  assert.deepEqual(sorted(where.get("ACC_FIRST_CONTACT|month|2021-03|ALL|ALL")), ["dim-SAATAVUUS_VAIKUTTAVUUS-month.json", "headgroups-month.json", "headline-month.json", "indunits-ACC_FIRST_CONTACT-month.json", "total-month.json"]);
  assert.deepEqual(sorted(where.get("ACC_FIRST_CONTACT|month|2021-03|U1|ALL")), ["dimunits-SAATAVUUS_VAIKUTTAVUUS-month.json", "headunits-month.json", "indunits-ACC_FIRST_CONTACT-month.json", "unit-U1-month.json"]);
  assert.deepEqual(sorted(where.get(`ACC_FIRST_CONTACT|month|2021-03|U 2/ä|ALL`)), ["dimunits-SAATAVUUS_VAIKUTTAVUUS-month.json", "headunits-month.json", "indunits-ACC_FIRST_CONTACT-month.json", `unit-${slug2}-month.json`]);
  assert.deepEqual(where.get("ACC_URGENT_0_1D|quarter|2021Q1|ALL|LAAKARI"), ["dim-SAATAVUUS_VAIKUTTAVUUS-quarter.json"], "breakdown values of the whole: dimension slice only");
  assert.deepEqual(where.get("ACC_URGENT_0_1D|quarter|2021Q1|U1|LAAKARI"), ["unit-U1-quarter.json"], "a unit's breakdown values: its own slice only");
  assert.deepEqual(sorted(where.get("STAFF_ENPS|year|2021|ALL|ALL")), ["dim-HENKILOSTOKOKEMUS-year.json", "headgroups-year.json", "headline-year.json", "indunits-STAFF_ENPS-year.json", "total-year.json"]);
  assert.deepEqual(sorted(where.get("STAFF_ENPS|year|2021|U1|ALL")), ["dimunits-HENKILOSTOKOKEMUS-year.json", "headunits-year.json", "indunits-STAFF_ENPS-year.json", "unit-U1-year.json"]);
  assert.deepEqual(sorted(where.get("CX_RESPONSES|half|2021H2|U1|ALL")), ["dimunits-ASIAKASKOKEMUS-half.json", "indunits-CX_RESPONSES-half.json", "unit-U1-half.json"]);
  // Areas and operating models: beside the units' figures on the dimension and comparison pages and first on the units index, never among the units.
  assert.deepEqual(sorted(where.get("ACC_FIRST_CONTACT|month|2021-03|area:ITA|ALL")), ["dimgroups-SAATAVUUS_VAIKUTTAVUUS-month.json", "headgroups-month.json", "indunits-ACC_FIRST_CONTACT-month.json"]);
  assert.deepEqual(sorted(where.get("STAFF_ENPS|year|2021|model:THK|ALL")), ["dimgroups-HENKILOSTOKOKEMUS-year.json", "headgroups-year.json", "indunits-STAFF_ENPS-year.json"]);
  assert.equal(where.get("ACC_URGENT_0_1D|quarter|2021Q1|area:ITA|LAAKARI"), undefined);
  assert.equal(where.size, cells.length - 1, "no cell is lost but an area's breakdown value");
});

test("every slice a page may name exists, even when empty", () => {
  const slices = pageSlices({ cells: [], catalogue, meta, programme });
  for (const pt of ["month", "quarter", "half", "year"]) {
    assert.ok(slices.has(`total-${pt}.json`));
    for (const d of DIMENSIONS) assert.ok(slices.has(`dim-${d}-${pt}.json`) && slices.has(`dimunits-${d}-${pt}.json`) && slices.has(`dimgroups-${d}-${pt}.json`));
  }
  assert.ok(PERIOD_NAMES.every((pt) => slices.has(`headunits-${pt}.json`) && slices.has(`headgroups-${pt}.json`)));
  assert.equal(rowsOf(slices, "headgroups-year.json").length, 0);
  assert.ok(slices.has("headline-quarter.json") && slices.has("headunits-month.json") && slices.has("unit-U1-year.json") && slices.has("indunits-STAFF_ENPS-month.json"));
  assert.equal(rowsOf(slices, "headline-quarter.json").length, 0);
  const lite = JSON.parse(slices.get("indicators.json")!) as { indicators: { id: string; definition?: unknown; targets: { source?: unknown; value: number }[] }[] };
  assert.equal(lite.indicators.length, catalogue.indicators.length);
  assert.equal(lite.indicators[0].definition, undefined, "definitions are left to the methods page");
  assert.equal(lite.indicators[0].targets[0].source, undefined);
  assert.equal(lite.indicators[0].targets[0].value, catalogue.indicators[0].targets[0].value);
  const context = JSON.parse(slices.get("context.json")!) as ContextJson;
  assert.deepEqual(context.units.map((u) => u.slug), ["U1", unitSlug("U 2/ä")]);
  assert.equal(context.manifest.extracted_at, "2022-01-05T06:00:00");
});

test("the guardrail's slice: headline indicators, every unit, totals, months — values only", () => {
  const headline = new Set(catalogue.indicators.filter((i) => i.headline).map((i) => i.id));
  const more: PublishedCell[] = [
    ...cells,
    cell("ACC_FIRST_CONTACT", "2021Q1", "U1"), // a quarter: not monthly
    cell("ACC_URGENT_0_1D", "2021-03", "U1"), // not a headline indicator
    cell("STAFF_SICK_LEAVE", "2021-03", "U1", "LAAKARI"), // a breakdown value
    cell("STAFF_SICK_LEAVE", "2021-03", "U1", "ALL", 12.5, { numerator: 25, denominator: 2 }),
  ];
  const slices = pageSlices({ cells: more, catalogue, meta, programme });
  const json = JSON.parse(slices.get("headunits-month.json")!) as SliceJson;
  assert.equal(json.columns.numerator, undefined, "no numerator column");
  assert.equal(json.columns.denominator, undefined, "no denominator column");
  const rows = decodeSlice(json);
  // Units only: an area's or operating model's figure is not a unit's.
  const expected = more.filter((c) => c.unit_id !== "ALL" && !c.unit_id.includes(":") && c.breakdown_value === "ALL" && c.period_type === "month" && headline.has(c.indicator_id));
  assert.deepEqual(rows.map(key).sort(), expected.map(key).sort());
  assert.ok(rows.length >= 3);
  for (const r of rows) {
    const published = expected.find((c) => key(c) === key(r))!;
    assert.equal(r.value, published.value, "the published value, unchanged");
    assert.equal(r.suppressed, published.suppressed);
  }
});

test("the units index's first rows: headline indicators of the whole city, every area and operating model, totals — values only; headunits still only units", () => {
  const more: PublishedCell[] = [
    ...cells,
    cell("ACC_FIRST_CONTACT", "2021-03", "area:KESKI", "ALL", null), // an area's withheld figure
    cell("ACC_FIRST_CONTACT", "2021-03", "model:PERHEKESKUS", "ALL", 0.6),
    cell("ACC_URGENT_0_1D", "2021-03", "area:ITA"), // not a headline indicator
    cell("STAFF_SICK_LEAVE", "2021-03", "model:THK", "LAAKARI"), // a breakdown value
    cell("STAFF_SICK_LEAVE", "2021-03", "model:THK", "ALL", 12.5, { numerator: 25, denominator: 2 }),
  ];
  const slices = pageSlices({ cells: more, catalogue, meta, programme });
  const json = JSON.parse(slices.get("headgroups-month.json")!) as SliceJson;
  assert.equal(json.columns.numerator, undefined, "no numerator column");
  assert.equal(json.columns.denominator, undefined, "no denominator column");
  // Worked out by hand from the list above: the monthly totals of headline indicators of ALL, area:… and model:….
  assert.deepEqual(decodeSlice(json).map((r) => [r.indicator_id, r.unit_id, r.value, r.suppressed]), [
    ["ACC_FIRST_CONTACT", "ALL", 0.5, false],
    ["ACC_FIRST_CONTACT", "area:ITA", 0.4, false],
    ["ACC_FIRST_CONTACT", "area:KESKI", null, true],
    ["ACC_FIRST_CONTACT", "model:PERHEKESKUS", 0.6, false],
    ["STAFF_SICK_LEAVE", "model:THK", 12.5, false],
  ]);
  assert.deepEqual(rowsOf(slices, "headgroups-year.json").map((r) => [r.indicator_id, r.unit_id, r.value]), [["STAFF_ENPS", "ALL", -12.5], ["STAFF_ENPS", "model:THK", 8]]);
  assert.equal(rowsOf(slices, "headgroups-quarter.json").length, 0, "ACC_URGENT_0_1D is not a headline indicator");
  // The guardrail's and the units' slice: units only, never the city, an area or an operating model.
  for (const pt of PERIOD_NAMES) {
    assert.deepEqual([...new Set(rowsOf(slices, `headunits-${pt}.json`).map((r) => r.unit_id))].filter((u) => u !== "U1" && u !== "U 2/ä"), [], `headunits-${pt}`);
  }
  assert.deepEqual(rowsOf(slices, "headunits-month.json").map((r) => r.unit_id), ["U 2/ä", "U1"]);
});

test("the slim programme keeps names and dates and drops the source quotes", () => {
  const slim = slimProgramme(programme) as { measures: { startDate: string; source?: unknown }[]; programme: { milestones: { date: string; source?: unknown }[] } };
  assert.equal(slim.measures[0].startDate, "2021-03");
  assert.equal(slim.measures[0].source, undefined);
  assert.equal(slim.programme.milestones[0].date, "2020-09");
  assert.equal(slim.programme.milestones[0].source, undefined);
});

test("the slim programme carries the recorded recalculations for this extract only, without the extract's name or the source", () => {
  const reason = { fi: "syy", sv: "orsak", en: "reason" };
  const withRecalculations = {
    ...programme,
    recalculations: [
      { indicator: "ACC_FIRST_CONTACT", from: "2021-09", reason, source: "pöytäkirja" },
      { indicator: "ACC_T3_MEDIAN", from: "2022-01", reason, source: "generaattori", extractSource: "Apotti (synteettinen)" },
    ],
  };
  const slimFor = (source?: string) => (slimProgramme(withRecalculations, source) as { recalculations: unknown[] }).recalculations;
  assert.deepEqual(slimFor("Apotti"), [{ indicator: "ACC_FIRST_CONTACT", from: "2021-09", reason }]);
  assert.deepEqual(slimFor("Apotti (synteettinen)"), [{ indicator: "ACC_FIRST_CONTACT", from: "2021-09", reason }, { indicator: "ACC_T3_MEDIAN", from: "2022-01", reason }]);
  assert.deepEqual(slimFor(), [{ indicator: "ACC_FIRST_CONTACT", from: "2021-09", reason }]);
  assert.deepEqual(slimProgramme(programme).recalculations, [], "a model without any");
});
