// Areas and operating models as figures (unit_id `area:<area>`, `model:<operating_model>`):
// computed over their units with the same definitions (counted here straight
// from the extract's CSV files), and protected like every other cell — a
// withheld unit is not recoverable from its area or model and the other units.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { csvParse } from "d3-dsv";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { computeIndicators } from "../loaders/indicators/compute-indicators.ts";
import { publish, toExportCsv } from "../loaders/publish/emit.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import type { IndicatorCell } from "../loaders/indicators/indicator-row.ts";
import { ingestExtract } from "../loaders/validate/ingest.ts";
import { auditPublished, type UnitMembership } from "../loaders/privacy/audit/index.ts";
import { suppress } from "../loaders/privacy/suppress.ts";
import type { PeriodType } from "../src/lib/periods.ts";
import { tempDir } from "./helpers/extract.ts";

const catalogue = loadCatalogue();

describe("area and model figures of the tiny generated extract (seed 1), before suppression", () => {
  let dir: string;
  let cells: IndicatorCell[];
  const csv = (table: string) => csvParse(readFileSync(join(dir, `${table}.csv`), "utf8"));
  before(async () => {
    dir = join(tempDir("area-model-"), "extract");
    await generateExtract({ outDir: dir, scale: "tiny", seed: 1 });
    const ingested = await ingestExtract(dir, {});
    try {
      cells = await computeIndicators(ingested.db, catalogue, { present: ingested.present, period: ingested.manifest.period });
    } finally {
      ingested.db.close();
    }
  });
  const at = (id: string, period: string, unit: string) => cells.find((c) => c.indicator_id === id && c.period === period && c.unit_id === unit && c.breakdown_value === "ALL");

  test("an area's share pools its units' facts: non-urgent contacts resolved at first contact in ITA, 2021", () => {
    const ita = new Set(csv("units").filter((u) => u.area === "ITA").map((u) => u.unit_id));
    const facts = csv("contacts").filter((c) => ita.has(c.unit_id!) && c.urgency === "KIIREETON" && c.contact_ts!.startsWith("2021"));
    const hits = facts.filter((c) => c.resolved_at_first_contact === "true").length;
    assert.ok(facts.length > 20 && hits > 0, "the area has facts to pool");
    const cell = at("ACC_FIRST_CONTACT", "2021", "area:ITA");
    assert.deepEqual([cell?.numerator, cell?.denominator, cell?.n], [hits, facts.length, facts.length]);
    assert.equal(cell?.value, hits / facts.length);
  });

  test("an operating model's median is the median of its units' pooled measurements, not of their medians: T3 in THK, 2021", () => {
    const thk = new Set(csv("units").filter((u) => u.operating_model === "THK").map((u) => u.unit_id));
    const rows = csv("appointment_supply").filter((r) => thk.has(r.unit_id!) && r.measured_on!.startsWith("2021"));
    const days = rows.map((r) => Number(r.third_available_days)).sort((a, b) => a - b);
    const mid = days.length / 2;
    const median = days.length % 2 ? days[Math.floor(mid)] : (days[mid - 1] + days[mid]) / 2;
    const cell = at("ACC_T3_MEDIAN", "2021", "model:THK");
    assert.equal(cell?.denominator, days.length);
    assert.equal(cell?.value, median);
  });

  test("every area and model figure of a count adds up over its units, and the areas and the models each add up to ALL", () => {
    const units = csv("units");
    for (const period of ["2021", "2021H2", "2021-03"]) {
      const of = (u: string) => at("CX_RESPONSES", period, u)?.numerator ?? 0;
      const sum = (ids: string[]) => ids.reduce((s, u) => s + of(u), 0);
      const areas = [...new Set(units.map((u) => u.area!))];
      const models = [...new Set(units.map((u) => u.operating_model!))];
      for (const a of areas) assert.equal(of(`area:${a}`), sum(units.filter((u) => u.area === a).map((u) => u.unit_id!)), `area:${a} ${period}`);
      for (const m of models) assert.equal(of(`model:${m}`), sum(units.filter((u) => u.operating_model === m).map((u) => u.unit_id!)), `model:${m} ${period}`);
      assert.equal(sum(areas.map((a) => `area:${a}`)), of("ALL"));
      assert.equal(sum(models.map((m) => `model:${m}`)), of("ALL"));
    }
  });
});

// Four units crossing two areas and two operating models: U1 is alone in A ∩ M1,
// so any area or model figure published beside the other units gives it away.
const UNITS: UnitMembership[] = [
  { unit_id: "U1", area: "A", operating_model: "M1" },
  { unit_id: "U2", area: "A", operating_model: "M2" },
  { unit_id: "U3", area: "B", operating_model: "M1" },
  { unit_id: "U4", area: "B", operating_model: "M2" },
];
const GROUPS = new Map(UNITS.map((u) => [u.unit_id, { area: u.area, model: u.operating_model }]));
const typeOf = (p: string): PeriodType => (/Q/.test(p) ? "quarter" : /H/.test(p) ? "half" : /-/.test(p) ? "month" : "year");

/** A share per unit and month of 2021Q1 (the quarter, half and year equal to its sum), with the sums over units: areas, models, ALL. */
function table(rows: Record<string, [number, number][]>): IndicatorCell[] {
  const members: [string, string[]][] = [
    ...UNITS.map((u): [string, string[]] => [u.unit_id, [u.unit_id]]),
    ["area:A", ["U1", "U2"]], ["area:B", ["U3", "U4"]], ["model:M1", ["U1", "U3"]], ["model:M2", ["U2", "U4"]], ["ALL", UNITS.map((u) => u.unit_id)],
  ];
  const out: IndicatorCell[] = [];
  for (const [unit, ids] of members) {
    const month = (i: number): [number, number] => ids.reduce(([a, b], u): [number, number] => [a + rows[u][i][0], b + rows[u][i][1]], [0, 0] as [number, number]);
    const periods: [string, [number, number]][] = [["2021-01", month(0)], ["2021-02", month(1)], ["2021-03", month(2)]];
    const q = periods.reduce(([a, b], [, [x, y]]): [number, number] => [a + x, b + y], [0, 0] as [number, number]);
    for (const p of ["2021Q1", "2021H1", "2021"]) periods.push([p, q]);
    for (const [period, [num, den]] of periods) {
      out.push({ indicator_id: "ACC_FIRST_CONTACT", period_type: typeOf(period), period, unit_id: unit, breakdown: "ALL", breakdown_value: "ALL", numerator: num, denominator: den, value: num / den, n: den, suppressed: false });
    }
  }
  return out;
}

const ROWS: Record<string, [number, number][]> = {
  U1: [[1, 3], [12, 30], [14, 31]],
  U2: [[20, 40], [21, 42], [22, 44]],
  U3: [[30, 60], [31, 61], [29, 59]],
  U4: [[25, 50], [26, 52], [24, 48]],
};

const violations = async (cells: IndicatorCell[]) =>
  (await auditPublished({ indicatorsCsv: toExportCsv(publish(cells)), units: UNITS, catalogue })).violations.filter((v) => v.rule !== "zero");

describe("a small unit under its area, its operating model and the whole city", () => {
  test("withheld with its units only (the pattern without the area and model sums), its area figure and the other unit give it away, and the audit says so", async () => {
    const input = table(ROWS);
    const units = input.filter((c) => !c.unit_id.includes(":"));
    const flat = suppress(units, catalogue).cells;
    const hidden = new Set(flat.filter((c) => c.suppressed).map((c) => `${c.unit_id}/${c.period}`));
    assert.ok(hidden.has("U1/2021-01"));
    // The area and model figures published as computed, beside that pattern.
    const naive = [...flat, ...input.filter((c) => c.unit_id.includes(":"))];
    const found = await violations(naive);
    assert.ok(found.some((v) => v.unit_id === "U1" && v.period === "2021-01" && v.rule === "pinned"), JSON.stringify(found.map((v) => v.message)));
  });

  test("with them, complementary suppression covers every sum U1's month is in, and the audit recovers nothing", async () => {
    const { cells, log } = suppress(table(ROWS), catalogue, { unitGroups: GROUPS });
    assert.deepEqual(log.filter((l) => l.reason === "threshold").map((l) => `${l.unit_id}/${l.period}`), ["U1/2021-01"]);
    const withheld = new Set(cells.filter((c) => c.suppressed).map((c) => `${c.unit_id}/${c.period}`));
    // Each sum that holds U1's January (its area, its model, the city, its quarter): its total
    // withheld, or another of its members.
    const sums: [string, string[]][] = [
      ["area:A/2021-01", ["U2/2021-01"]], ["model:M1/2021-01", ["U3/2021-01"]], ["ALL/2021-01", ["U2/2021-01", "U3/2021-01", "U4/2021-01"]],
      ["U1/2021Q1", ["U1/2021-02", "U1/2021-03"]],
    ];
    for (const [total, others] of sums) {
      const covered = withheld.has(total) || others.some((o) => withheld.has(o));
      assert.ok(covered, `${total} = U1/2021-01 + ${others.join(" + ")} leaves U1 open; withheld: ${[...withheld].sort().join(" ")}`);
    }
    // And the sums of sums: a withheld area (or model) is not the city less the other areas (models).
    for (const [level, names] of [["area:", ["A", "B"]], ["model:", ["M1", "M2"]]] as const) {
      const out = names.filter((x) => withheld.has(`${level}${x}/2021-01`));
      assert.notEqual(out.length, 1, `one ${level} figure withheld alone in 2021-01 is ALL less the others`);
    }
    assert.ok(!withheld.has("ALL/2021-01") && !withheld.has("ALL/2021"), "the whole city stays published");
    assert.deepEqual(await violations(cells), []);
  });

  test("cells of areas and models without the units' areas and models are refused, by the suppression and by the audit", async () => {
    assert.throws(() => suppress(table(ROWS), catalogue), /unitGroups/);
    await assert.rejects(auditPublished({ indicatorsCsv: toExportCsv(publish(table(ROWS))), catalogue }), /units list/);
  });
});
