// The indicator pipeline against an independent reference implementation of
// docs/indicators.md (test/reference/: plain TypeScript, its own CSV
// reader, no DuckDB, no SQL), cell by cell, on generated tiny extracts and on
// a hand-made edge-case extract:
//   1. the same cells are written (indicator × period × unit × breakdown value);
//   2. numerator, denominator, value and n agree (relative tolerance 1e-9);
//   3. after suppression every cell under its threshold is withheld, withheld
//      cells show no figure and published ones show the computed figures.
//      (Whether anything withheld can be worked out is the audit's to say:
//      test/privacy-property.test.ts, test/suppress.test.ts.)
// On a mismatch the assertion message lists the first differing cells of each
// indicator.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CATALOGUE_PATH, loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { computeIndicators } from "../loaders/indicators/compute-indicators.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import type { IndicatorCell } from "../loaders/indicators/indicator-row.ts";
import { ingestExtract } from "../loaders/validate/ingest.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { cellKey, close, compareFigures, compareSets, index, report, type Difference } from "./reference/compare.ts";
import { writeEdgeExtract } from "./reference/edge-extract.ts";
import { privacyRules, referenceCells, type RefCell } from "./reference/index.ts";

const SEEDS = [1, 2, 3];
const privacy = privacyRules(CATALOGUE_PATH);
const scratch = mkdtempSync(join(tmpdir(), "reference-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Prepared {
  reference: RefCell[];
  /** The pipeline's unsuppressed cells (ingest + computeIndicators). */
  raw: IndicatorCell[];
  /** The pipeline's published cells (runPipeline, after suppression). */
  published: IndicatorCell[];
}

async function prepare(dir: string): Promise<Prepared> {
  const reference = referenceCells(dir);
  const ingested = await ingestExtract(dir);
  let raw: IndicatorCell[];
  try {
    raw = await computeIndicators(ingested.db, loadCatalogue(), { present: ingested.present, period: ingested.manifest.period });
  } finally {
    ingested.db.close();
  }
  const { cells: published } = await runPipeline(dir);
  return { reference, raw, published };
}

// The reference computes units and ALL only: the cells of areas and operating models
// (unit_id area:…, model:…) are checked by hand in test/area-model.test.ts.
const unitsAndAll = (cells: IndicatorCell[]) => cells.filter((c) => !c.unit_id.startsWith("area:") && !c.unit_id.startsWith("model:"));

function noDifferences(title: string, diffs: Difference[]): void {
  if (diffs.length) assert.fail(report(title, diffs));
}

function perIndicatorSummary(p: Prepared): string {
  const by = new Map<string, { cells: number; suppressed: number }>();
  for (const c of p.published) {
    const s = by.get(c.indicator_id) ?? { cells: 0, suppressed: 0 };
    s.cells++;
    if (c.suppressed) s.suppressed++;
    by.set(c.indicator_id, s);
  }
  return [...by].map(([id, s]) => `${id} ${s.cells} cells (${s.suppressed} suppressed)`).join("; ");
}

const sources: { label: string; make: () => Promise<string> }[] = [
  ...SEEDS.map((seed) => ({
    label: `generated tiny extract, seed ${seed}`,
    make: async () => {
      const dir = join(scratch, `seed-${seed}`);
      await generateExtract({ outDir: dir, scale: "tiny", seed });
      return dir;
    },
  })),
  { label: "hand-made edge-case extract", make: async () => writeEdgeExtract(join(scratch, "edge")) },
  // Absent optional tables: their indicators have no rows (never zeros).
  {
    label: "edge-case extract without interventions and costs",
    make: async () => writeEdgeExtract(join(scratch, "edge-no-interventions"), ["interventions", "costs"]),
  },
  {
    label: "edge-case extract without measurements and staffing",
    make: async () => writeEdgeExtract(join(scratch, "edge-no-measurements"), ["measurements", "staffing"]),
  },
];

for (const source of sources) {
  describe(`reference vs pipeline: ${source.label}`, () => {
    let p: Prepared;
    before(async () => {
      p = await prepare(await source.make());
    });

    it("writes the same cells (indicator × period × unit × breakdown value)", (t) => {
      t.diagnostic(perIndicatorSummary(p));
      noDifferences("cells written on one side only", compareSets(p.reference, unitsAndAll(p.raw)));
    });

    it("agrees on numerator, denominator, value and n (relative 1e-9)", () => {
      noDifferences("figures", compareFigures(p.reference, unitsAndAll(p.raw)));
    });

    it("publishes the unsuppressed figures and withholds suppressed ones", () => {
      noDifferences("published vs unsuppressed cell set", compareSets(p.raw, p.published));
      const raw = index(p.raw, "pipeline raw");
      const diffs: Difference[] = [];
      for (const c of p.published) {
        const r = raw.get(cellKey(c));
        if (!r) continue;
        const where = `${c.period_type} ${c.period} unit=${c.unit_id} ${c.breakdown}=${c.breakdown_value}`;
        if (c.suppressed && (c.numerator !== null || c.denominator !== null || c.value !== null)) {
          diffs.push({ indicator: c.indicator_id, key: cellKey(c), what: `${where}: suppressed but shows num=${c.numerator} den=${c.denominator} value=${c.value}` });
        }
        if (!c.suppressed && !(["numerator", "denominator", "value"] as const).every((f) => close(c[f], r[f]))) {
          diffs.push({ indicator: c.indicator_id, key: cellKey(c), what: `${where}: published num=${c.numerator} den=${c.denominator} value=${c.value}, computed ${r.numerator}/${r.denominator}/${r.value}` });
        }
      }
      noDifferences("published figures", diffs);
    });

    it("withholds every cell whose n (by the reference) is under its threshold", () => {
      const published = index(p.published, "pipeline published");
      const diffs: Difference[] = [];
      for (const r of p.reference) {
        const rule = privacy.get(r.indicator_id);
        if (!rule || "suppress" in rule || (r.n !== null && r.n >= rule.threshold)) continue;
        const c = published.get(cellKey(r));
        if (c && !c.suppressed) diffs.push({ indicator: r.indicator_id, key: cellKey(r), what: `${r.period} unit=${r.unit_id} ${r.breakdown_value}: n=${r.n} under ${rule.threshold} but published` });
      }
      noDifferences("cells under the threshold", diffs);
    });
  });
}

// The reference itself, against figures worked out by hand from the definitions on
// the edge-case extract (docs/indicators.md; so that agreement above is agreement with them).
describe("reference implementation on hand-worked edge cases", () => {
  let cells: Map<string, RefCell>;
  before(() => {
    cells = index(referenceCells(writeEdgeExtract(join(scratch, "edge-hand"))), "reference");
  });
  const fig = (id: string, period_type: string, period: string, unit = "ALL", breakdown = "ALL", value = "ALL") => {
    const c = cells.get([id, period_type, period, unit, breakdown, value].join("|"));
    return c && [c.numerator, c.denominator, c.value, c.n];
  };

  it("first realised linked visit: calendar days, cancelled/R60 skipped, other unit followed, visit_id tie, UTC offset", () => {
    // K01 2 days (miss), K02 hit (HOITAJA in U2), K03 hit (V30 LAAKARI), K04 only R60, K05 2 local days (miss),
    // K06 U2 hit (PSYKOLOGI), K07 5 days (miss), K08 1 day (hit).
    assert.deepEqual(fig("ACC_URGENT_0_1D", "month", "2021-03"), [4, 7, 4 / 7, 7]);
    assert.deepEqual(fig("ACC_URGENT_0_1D", "month", "2021-03", "U1"), [3, 6, 0.5, 6]);
    assert.deepEqual(fig("ACC_URGENT_0_1D", "month", "2021-03", "U1", "profession", "LAAKARI"), [2, 5, 0.4, 5]);
    assert.deepEqual(fig("ACC_URGENT_0_1D", "month", "2021-03", "U1", "profession", "HOITAJA"), [1, 1, 1, 1]);
    assert.equal(fig("ACC_URGENT_0_1D", "month", "2021-03", "U2", "profession", "HOITAJA"), undefined);
    assert.deepEqual(fig("ACC_NONURGENT_0_10D", "month", "2021-04", "U1"), [6, 7, 6 / 7, 7]);
  });

  it("need assessment to visit: visit urgency, every visit, ≤ 7 / ≤ 90 calendar days", () => {
    assert.deepEqual(fig("ACC_VISIT_0_7D", "month", "2021-04", "U1"), [3, 6, 0.5, 6]);
    assert.deepEqual(fig("ACC_VISIT_0_7D", "month", "2021-04", "U1", "profession", "FYSIO_TOIMINTA"), [1, 2, 0.5, 2]);
    assert.deepEqual(fig("ACC_ORAL_0_90D", "month", "2021-07", "U3"), [1, 2, 0.5, 2]);
  });

  it("T3 median (182 counts, even count), vouchers used at any date", () => {
    assert.deepEqual(fig("ACC_T3_MEDIAN", "month", "2021-01", "U1", "profession", "LAAKARI"), [null, 4, 25, null]);
    assert.deepEqual(fig("ACC_VOUCHER_USE", "month", "2021-02", "U3"), [2, 3, 2 / 3, 3]);
  });

  it("diabetes: latest per unit, value tie → highest, E11… recorded by the period's last day, < 53", () => {
    assert.deepEqual(fig("EFF_DIABETES_BALANCE", "month", "2021-03"), [1, 1, 1, 1]);
    assert.deepEqual(fig("EFF_DIABETES_BALANCE", "month", "2021-03", "U1"), [0, 1, 0, 1]);
    assert.deepEqual(fig("EFF_DIABETES_BALANCE", "half", "2021H1"), [2, 4, 0.5, 4]);
    assert.deepEqual(fig("EFF_DIABETES_BALANCE", "quarter", "2021Q2", "U2"), [1, 1, 1, 1]);
    assert.deepEqual(fig("EFF_DIABETES_BALANCE", "month", "2021-12"), [1, 1, 1, 1]);
  });

  it("AUDIT-C: screening by age from the calendar year, risk thresholds by age and sex, IHA21 within 0–30 days", () => {
    assert.deepEqual(fig("EFF_AUDIT_SCREENING", "month", "2021-05"), [1, 2, 0.5, 2]);
    assert.deepEqual(fig("EFF_AUDIT_SCREENING", "month", "2021-05", "U1"), [0, 2, 0, 2]);
    assert.deepEqual(fig("EFF_AUDIT_SCREENING", "quarter", "2022Q1"), [1, 1, 1, 1]);
    assert.deepEqual(fig("EFF_MINI_INTERVENTION", "month", "2021-07"), [3, 6, 0.5, 6]);
    assert.deepEqual(fig("EFF_MINI_INTERVENTION", "month", "2021-07", "U2"), [1, 2, 0.5, 2]);
    assert.deepEqual(fig("EFF_CONTACT_PERSON", "month", "2021-04"), [2, 4, 0.5, 4]);
  });

  it("staffing: person-years, average headcount, zero FTE not written, visits per person-year written as 0", () => {
    assert.deepEqual(fig("PROD_VISITS_PER_FTE", "month", "2021-02", "U2", "profession", "HOITAJA"), [0, 1.5 / 12, 0, 2]);
    assert.equal(fig("STAFF_SICK_LEAVE", "month", "2021-01", "U2", "profession", "HOITAJA"), undefined);
    assert.deepEqual(fig("STAFF_SICK_LEAVE", "month", "2021-01", "U2"), [1.25, 0.5, 2.5, 8]);
    assert.deepEqual(fig("PROD_COST_PER_VISIT", "month", "2021-01"), [1650.25, 18, 1650.25 / 18, 18]);
    assert.equal(fig("PROD_COST_PER_VISIT", "month", "2021-01", "U3"), undefined);
  });

  it("experience: NPS answers and distinct responses, staff respondents = survey + respondent", () => {
    assert.deepEqual(fig("CX_NPS", "month", "2021-01", "U2", "channel", "MAISA"), [null, 2, 0, 1]);
    assert.equal(fig("CX_NPS", "month", "2021-01", "U1", "channel", "KYSELY"), undefined);
    assert.deepEqual(fig("CX_RESPONSES", "month", "2021-01", "U1"), [4, null, 4, 4]);
    assert.equal(fig("STAFF_ENPS", "year", "2021")?.[3], 18);
  });
});
