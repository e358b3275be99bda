// The statuses every page and the self-assessment read (src/lib/analysis/statuses.ts):
// the verdict is the monthly SPC chart as it stands at the period's end, so
// it cannot flip with the period control; the comparisons are Fingertips'
// (95 % intervals); a withheld cell is never compared; the page slices, the
// statuses download and the self-assessment carry the same results.
//
// - by hand: small series whose verdicts and comparisons are worked out;
// - a noise extract (test/helpers/noise.ts): at every period of every period
//   type the overview, the dimension pages' statuses, the units against the
//   city and the self-assessment read "no significant change";
// - unconditioned noise: the rates of false alarms are those the methods page
//   states;
// - a generated extract through the pipeline: the overview's verdict for every
//   half-year is the self-assessment's, and a quarter, half-year and year that
//   end in the same month read the same.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { csvParse } from "d3-dsv";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { isGroupUnitId } from "../loaders/indicators/indicator-row.ts";
import { publish } from "../loaders/publish/emit.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import { Rng } from "../loaders/generate/random.ts";
import { decodeSlice, pageSlices, statusContext, type ContextJson, type SliceInput, type SliceJson } from "../loaders/publish/page-slices.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { loadProgramme } from "../loaders/indicators/programme.ts";
import { buildSelfAssessment, halvesWithData, type SelfAssessment } from "../loaders/self-assessment/model.ts";
import { headerLines } from "../loaders/self-assessment/present.ts";
import { statusesCsv } from "../loaders/publish/statuses-csv.ts";
import type { PublishedCell } from "../src/lib/cell.ts";
import { cellEstimate } from "../src/lib/analysis/intervals.ts";
import { DIMENSION_IDS } from "../src/lib/page-data/model.ts";
import { PERIOD_TYPES, convertPeriod, monthsBetween, type PeriodType } from "../src/lib/periods.ts";
import { CellIndex } from "../src/lib/page-data/slices.ts";
import { xmrAnalysis } from "../src/lib/analysis/spc.ts";
import { assess, overviewVerdicts } from "../src/lib/analysis/status.ts";
import { computeStatuses, statusKey, statusTable, type StatusContext } from "../src/lib/analysis/statuses.ts";
import { compareIntervals, compareWithBenchmark } from "../src/lib/stats/compare.ts";
import { noiseCells } from "./helpers/noise.ts";

const catalogue = loadCatalogue();
const programme = loadProgramme();
const context = statusContext(catalogue, programme);
/** The programme model as the slices read it. */
const sliceProgramme = programme as unknown as SliceInput["programme"];
const headline = catalogue.indicators.filter((i) => i.headline);

// ---------------------------------------------------------------------------
// By hand

const month = (period: string, value: number | null, extra: Partial<PublishedCell> = {}): PublishedCell => ({
  indicator_id: "ACC_FIRST_CONTACT", period_type: "month", period, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL",
  numerator: value === null ? null : Math.round(value * 1000), denominator: value === null ? null : 1000, value, suppressed: value === null, ...extra,
});
const period = (type: PeriodType, p: string, numerator: number | null, denominator: number | null, extra: Partial<PublishedCell> = {}): PublishedCell => ({
  indicator_id: "ACC_FIRST_CONTACT", period_type: type, period: p, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL",
  numerator, denominator, value: numerator === null || denominator === null ? null : numerator / denominator, suppressed: numerator === null, ...extra,
});
/** A context with one indicator (first-contact resolution: a share, higher is better) and no measures unless given. */
const oneIndicator = (measures: StatusContext["programme"]["measures"] = []): StatusContext => ({
  catalogue: { indicators: [{ id: "ACC_FIRST_CONTACT", direction: "higher", developmentArea: "KA1", benefitGoals: ["HT1"], interval: { method: "wilson" } }] },
  programme: { measures },
});

test("the verdict is the monthly chart as it stands at the period's end: a quarter, a half-year and a year ending in one month read the same", () => {
  // 2022: flat; 2023-07 onwards six months above the mean — a shift that ends the year.
  const flat = [0.5, 0.52, 0.49, 0.51, 0.5, 0.48, 0.51, 0.5, 0.52, 0.49, 0.5, 0.51, 0.49, 0.5, 0.51, 0.5, 0.49, 0.52];
  const values = [...flat, 0.56, 0.57, 0.56, 0.58, 0.57, 0.56];
  const months = monthsBetween("2022-01", "2023-12").map((m, i) => month(m, values[i]));
  const sums = (type: PeriodType) => {
    const by = new Map<string, PublishedCell[]>();
    for (const c of months) by.set(convertPeriod(c.period, type), [...(by.get(convertPeriod(c.period, type)) ?? []), c]);
    return [...by].map(([p, list]) => period(type, p, list.reduce((a, c) => a + c.numerator!, 0), list.reduce((a, c) => a + c.denominator!, 0)));
  };
  const cells = [...months, ...sums("quarter"), ...sums("half"), ...sums("year")];
  const table = statusTable(cells, oneIndicator());
  const at = (type: PeriodType, p: string) => table.status("ACC_FIRST_CONTACT", type, p, "ALL", "ALL")!;
  // The chart at 2023-12, read by every period type that ends then.
  const chart = xmrAnalysis(months.map((c) => ({ period: c.period, value: c.value })), { direction: "higher" });
  assert.equal(chart.variation, "improvement-high");
  for (const [type, p] of [["month", "2023-12"], ["quarter", "2023Q4"], ["half", "2023H2"], ["year", "2023"]] as const) {
    assert.equal(at(type, p).spc, "improvement-high", `${type} ${p}`);
    assert.equal(at(type, p).verdict, "improving", `${type} ${p}`);
  }
  // Mid-2023 the shift has not begun: Q2, H1 and 2023-06 read the chart at June.
  for (const [type, p] of [["month", "2023-06"], ["quarter", "2023Q2"], ["half", "2023H1"]] as const) assert.equal(at(type, p).verdict, "stable", `${type} ${p}`);
  // Fewer than 13 months with a value up to the period's end: not assessed.
  assert.equal(at("quarter", "2022Q4").verdict, null);
  assert.equal(at("year", "2022").verdict, null);
  // The comparisons: the 2023H2 share (0.567) against 2023H1 (0.502) and the baseline 2022H1: intervals apart, better.
  assert.equal(at("half", "2023H2").vsPrevious, "better");
  assert.equal(at("half", "2023H2").vsBaseline, "better");
  assert.equal(at("half", "2023H1").vsPrevious, "similar");
  assert.equal(at("half", "2022H1").vsBaseline, "not-compared", "the baseline is not compared with itself");
  assert.equal(table.baselines.half, "2022H1");
  assert.equal(at("half", "2023H2").vsCity, "not-compared", "the city is not compared with itself");
});

test("a withheld cell is never assessed nor compared; a period with no month of its own is not assessed", () => {
  const values = Array.from({ length: 24 }, (_, i) => 0.5 + (i % 2 ? 0.01 : -0.01));
  // November and December withheld; the fourth quarter published (their partner cells are elsewhere).
  const months = monthsBetween("2022-01", "2023-12").map((m, i) => month(m, m === "2023-11" || m === "2023-12" ? null : values[i]));
  const cells = [...months, period("quarter", "2023Q3", 1500, 3000), period("quarter", "2023Q4", 1530, 3000), period("quarter", "2023Q2", null, null)];
  const table = statusTable(cells, oneIndicator());
  assert.equal(table.status("ACC_FIRST_CONTACT", "month", "2023-12", "ALL", "ALL")!.verdict, null, "the month itself is withheld");
  assert.equal(table.status("ACC_FIRST_CONTACT", "month", "2023-10", "ALL", "ALL")!.verdict, "stable");
  assert.equal(table.status("ACC_FIRST_CONTACT", "quarter", "2023Q4", "ALL", "ALL")!.verdict, "stable", "the quarter as it stands at its last month with a value (October)");
  assert.equal(table.status("ACC_FIRST_CONTACT", "quarter", "2023Q4", "ALL", "ALL")!.vsPrevious, "similar");
  assert.deepEqual(table.status("ACC_FIRST_CONTACT", "quarter", "2023Q2", "ALL", "ALL"), { spc: null, verdict: null, vsPrevious: "not-compared", vsBaseline: "not-compared", vsCity: "not-compared", vsCityOuter: "not-compared" }, "withheld: neither assessed nor compared");
  assert.equal(table.status("ACC_FIRST_CONTACT", "quarter", "2023Q3", "ALL", "ALL")!.vsPrevious, "not-compared", "nor compared with");
  // A quarter whose months are all withheld is not assessed, though earlier months are.
  const hidden = statusTable([...monthsBetween("2022-01", "2023-09").map((m, i) => month(m, values[i])), ...["2023-10", "2023-11", "2023-12"].map((m) => month(m, null)), period("quarter", "2023Q4", null, null)], oneIndicator());
  assert.equal(hidden.status("ACC_FIRST_CONTACT", "quarter", "2023Q4", "ALL", "ALL")!.verdict, null);
  // Nor a published half-year or year whose last three months are withheld, though September has a
  // value: they read what their last quarter reads, so the verdict cannot flip with the period control.
  const tail = statusTable([...monthsBetween("2022-01", "2023-09").map((m, i) => month(m, values[i])), ...["2023-10", "2023-11", "2023-12"].map((m) => month(m, null)), period("half", "2023H2", 3000, 6000), period("year", "2023", 6000, 12000)], oneIndicator());
  assert.equal(tail.status("ACC_FIRST_CONTACT", "month", "2023-09", "ALL", "ALL")!.verdict, "stable", "September itself is assessed");
  assert.equal(tail.status("ACC_FIRST_CONTACT", "half", "2023H2", "ALL", "ALL")!.verdict, null);
  assert.equal(tail.status("ACC_FIRST_CONTACT", "year", "2023", "ALL", "ALL")!.verdict, null);
  // A unit beside a withheld city: not compared.
  const unit = statusTable([period("quarter", "2023Q3", 400, 1000, { unit_id: "U1" }), period("quarter", "2023Q3", null, null)], oneIndicator());
  assert.equal(unit.status("ACC_FIRST_CONTACT", "quarter", "2023Q3", "U1", "ALL")!.vsCity, "not-compared");
});

test("units against the city: the city's value against the unit's Wilson interval, at 95 % and 99.8 %", () => {
  // City 0.60. U1 0.55 of 400: Wilson 95 % 0.501–0.598, 99.8 % 0.473–0.623 → worse, not beyond 99.8 %.
  // U2 0.50 of 400 → worse at both. U3 0.58 of 100 → similar. U4 withheld → not compared.
  const cells = [
    period("quarter", "2023Q3", 6000, 10000),
    period("quarter", "2023Q3", 220, 400, { unit_id: "U1" }),
    period("quarter", "2023Q3", 200, 400, { unit_id: "U2" }),
    period("quarter", "2023Q3", 58, 100, { unit_id: "U3" }),
    period("quarter", "2023Q3", null, null, { unit_id: "U4" }),
  ];
  const table = statusTable(cells, oneIndicator());
  const at = (u: string) => table.status("ACC_FIRST_CONTACT", "quarter", "2023Q3", u, "ALL")!;
  assert.deepEqual([at("U1").vsCity, at("U1").vsCityOuter], ["worse", "similar"]);
  assert.deepEqual([at("U2").vsCity, at("U2").vsCityOuter], ["worse", "worse"]);
  assert.deepEqual([at("U3").vsCity, at("U3").vsCityOuter], ["similar", "similar"]);
  assert.deepEqual([at("U4").vsCity, at("U4").vsCityOuter], ["not-compared", "not-compared"]);
});

test("the limits are recalculated at the start dates of the measures the indicator follows", () => {
  // A step up at 2023-01, where a measure of the indicator's area starts: with the break the new level is a new process.
  const values = [...Array.from({ length: 12 }, (_, i) => 0.5 + (i % 2 ? 0.01 : -0.01)), ...Array.from({ length: 12 }, (_, i) => 0.6 + (i % 2 ? 0.01 : -0.01))];
  const cells = monthsBetween("2022-01", "2023-12").map((m, i) => month(m, values[i]));
  const measure = { developmentArea: "KA1", primaryGoal: "HT1", secondaryGoals: [], startDate: "2023-01" };
  assert.equal(statusTable(cells, oneIndicator()).status("ACC_FIRST_CONTACT", "month", "2023-12", "ALL", "ALL")!.verdict, "improving", "without the break: a shift");
  assert.equal(statusTable(cells, oneIndicator([measure])).status("ACC_FIRST_CONTACT", "month", "2023-12", "ALL", "ALL")!.verdict, "stable", "with it: the new process's own limits");
  const elsewhere = { ...measure, developmentArea: "KA5", primaryGoal: "HT5" };
  assert.equal(statusTable(cells, oneIndicator([elsewhere])).status("ACC_FIRST_CONTACT", "month", "2023-12", "ALL", "ALL")!.verdict, "improving", "a measure the indicator does not follow is no break");
});

test("the limits are recalculated where the programme model records a recalculation for the indicator (and its extract)", () => {
  // The same step up at 2023-01, no measure starting then: a recorded recalculation makes the new level a new process.
  const values = [...Array.from({ length: 12 }, (_, i) => 0.5 + (i % 2 ? 0.01 : -0.01)), ...Array.from({ length: 12 }, (_, i) => 0.6 + (i % 2 ? 0.01 : -0.01))];
  const cells = monthsBetween("2022-01", "2023-12").map((m, i) => month(m, values[i]));
  const reason = { fi: "Porrasmuutos", sv: "Stegförändring", en: "Step change" };
  const verdict = (recalculations: object[], extractSource?: string) =>
    statusTable(cells, { ...oneIndicator(), programme: { measures: [], recalculations: recalculations as never }, extractSource }).status("ACC_FIRST_CONTACT", "month", "2023-12", "ALL", "ALL")!.verdict;
  assert.equal(verdict([{ indicator: "ACC_FIRST_CONTACT", from: "2023-01", reason }]), "stable");
  assert.equal(verdict([{ indicator: "ACC_T3_MEDIAN", from: "2023-01", reason }]), "improving", "another indicator's recalculation is no break");
  const forSample = { indicator: "ACC_FIRST_CONTACT", from: "2023-01", reason, extractSource: "Apotti (synteettinen)" };
  assert.equal(verdict([forSample], "Apotti (synteettinen)"), "stable", "recorded for this extract");
  assert.equal(verdict([forSample], "Apotti"), "improving", "recorded for another extract");
  assert.equal(verdict([forSample]), "improving", "an extract of unknown source gets only those recorded for every extract");
});

// ---------------------------------------------------------------------------
// The noise extract

const NOISE_UNITS = ["U1", "U2", "U3"];
const noise = noiseCells(catalogue, { units: NOISE_UNITS, withheld: { U1: ["2021-05", "2023-11"], U2: ["2023-12"] } });
const quiet = new Set(["stable", "not-assessed"]);
const unchanged = new Set(["similar", "not-compared"]);

test("noise: at every period of every period type the overview, the dimension pages and the units read no significant change", () => {
  const slices = pageSlices({ cells: noise, catalogue, meta: { manifest: { source: "noise", extracted_at: "2024-01-05T06:00:00", period: { from: "2020-01-01", to: "2023-12-31" } }, units: NOISE_UNITS.map((u) => ({ unit_id: u, unit_name_fi: u, unit_name_sv: null, operating_model: "THK", service_area: "TERVEYSASEMA", area: "ITA" })) }, programme: sliceProgramme });
  const ctx = JSON.parse(slices.get("context.json")!) as ContextJson;
  const rows = (name: string) => decodeSlice(JSON.parse(slices.get(name)!) as SliceJson);
  for (const pt of PERIOD_TYPES) {
    // What the overview reads: the headline slice, assessed and summed up per dimension as index.md does.
    const overview = new CellIndex(rows(`headline-${pt}.json`));
    const periods = overview.periods(pt);
    assert.ok(periods.length > 0, pt);
    for (const p of periods) {
      const assessments = new Map(headline.map((i) => [i.id, assess(i, overview.get(i.id, pt), p, ctx.baselines[pt] ?? null)]));
      for (const [id, a] of assessments) {
        assert.ok(quiet.has(a.verdict ?? "not-assessed"), `overview ${pt} ${p} ${id}: ${a.verdict}`);
        assert.ok(unchanged.has(a.vsPrevious) && unchanged.has(a.vsBaseline), `overview ${pt} ${p} ${id}: ${a.vsPrevious}, ${a.vsBaseline}`);
      }
      const v = overviewVerdicts(DIMENSION_IDS, headline, (id) => assessments.get(id)!.verdict);
      assert.deepEqual(v.tradeoff, { worse: [], better: [], mixed: [] }, `${pt} ${p}`);
      for (const [d, verdict] of v.dimensions) assert.ok(verdict === null || verdict === "stable", `overview ${pt} ${p} ${d}: ${verdict}`);
      if (p === periods[periods.length - 1]) {
        // The latest period is assessed everywhere, and the reading is "no significant change".
        for (const [d, verdict] of v.dimensions) assert.equal(verdict, "stable", `overview ${pt} ${p} ${d}`);
      }
    }
    // What the dimension pages read: every indicator of the dimension, and every unit's figure against the city.
    for (const d of DIMENSION_IDS) {
      for (const c of [...rows(`dim-${d}-${pt}.json`), ...rows(`dimunits-${d}-${pt}.json`)]) {
        const s = c.status!;
        assert.ok(quiet.has(s.verdict ?? "not-assessed"), `${d} ${pt} ${c.indicator_id} ${c.unit_id} ${c.period}: ${s.verdict}`);
        assert.ok(unchanged.has(s.vsPrevious) && unchanged.has(s.vsBaseline) && unchanged.has(s.vsCity) && unchanged.has(s.vsCityOuter), `${d} ${pt} ${c.indicator_id} ${c.unit_id} ${c.period}: ${JSON.stringify(s)}`);
        if (c.suppressed) assert.deepEqual([s.verdict, s.vsPrevious, s.vsBaseline, s.vsCity], [null, "not-compared", "not-compared", "not-compared"], "withheld: neither assessed nor compared");
      }
    }
    // The guardrail: no unit's headline month shows a special cause.
    for (const c of rows("headunits-month.json")) assert.ok(c.status!.spc === null || c.status!.spc === "common-cause", `${c.unit_id} ${c.indicator_id} ${c.period}`);
  }
});

test("noise: the self-assessment of every half-year reads no significant change", () => {
  const halves = halvesWithData(noise);
  assert.equal(halves.length, 8);
  for (const half of halves) {
    const m = buildSelfAssessment({ cells: noise, catalogue, programme, period: half, narratives: {} });
    for (const g of m.goals) for (const b of g.indicators) for (const r of b.rows) {
      assert.ok(quiet.has(r.verdict ?? "not-assessed"), `${half} ${b.id}: ${r.verdict}`);
      for (const c of [r.changeFromBaseline, r.changeFromPrevious]) if (c) assert.ok(unchanged.has(c.outcome), `${half} ${b.id}: ${c.outcome}`);
    }
    for (const u of m.byUnit) assert.ok(unchanged.has(u.vsCity), `${half} ${u.unitId} ${u.indicatorId}: ${u.vsCity}`);
    assert.deepEqual([m.quadrupleAim.worse, m.quadrupleAim.better, m.quadrupleAim.mixed], [[], [], []]);
    if (half >= "2021H1") {
      assert.ok(m.quadrupleAim.dimensions.every((d) => d.verdict === "stable"), `${half}: ${JSON.stringify(m.quadrupleAim.dimensions)}`);
      assert.ok(headerLines(m, "fi").includes("Nelikantamalli: ei merkittävää muutosta yhdessäkään ulottuvuudessa."), half);
      assert.ok(headerLines(m, "en").includes("Quadruple aim: no significant change in any dimension."), half);
    }
  }
});

// ---------------------------------------------------------------------------
// Unconditioned noise: the false alarms the methods page states

test("false alarms on noise with no condition: SPC at a period's end about 2–3 %, a change between two periods well under 1 %, a unit against the city about 5 %", () => {
  const rng = new Rng(20240601);
  const months = monthsBetween("2020-01", "2023-12");
  // SPC: 48 months of normal noise, read at the last month (v2.6's defaults, no recalculation).
  let flagged = 0;
  const runs = 3000;
  for (let r = 0; r < runs; r++) {
    const chart = xmrAnalysis(months.map((period) => ({ period, value: rng.normal() })), { direction: "higher" });
    if (chart.variation !== "common-cause") flagged++;
  }
  const spcRate = flagged / runs;
  assert.ok(spcRate > 0.015 && spcRate < 0.045, `SPC false alarms ${spcRate}`);
  // Two quarters of 3 000 with the same true share 0.6 (binomial by its normal approximation).
  const draw = (n: number, p: number) => Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * rng.normal())));
  const share = (n: number) => {
    const x = draw(n, 0.6);
    return cellEstimate({ numerator: x, denominator: n, value: x / n, suppressed: false }, { method: "wilson" });
  };
  let changes = 0;
  let units = 0;
  const pairs = 20000;
  for (let r = 0; r < pairs; r++) {
    if (compareIntervals(share(3000), share(3000), "higher") !== "similar") changes++;
    if (compareWithBenchmark(share(300), 0.6, "higher") !== "similar") units++;
  }
  assert.ok(changes / pairs < 0.01, `between periods ${changes / pairs} (two 95 % intervals apart: about 0.6 %)`);
  assert.ok(units / pairs > 0.035 && units / pairs < 0.065, `unit against the city ${units / pairs} (about 5 %)`);
});

// ---------------------------------------------------------------------------
// A generated extract through the pipeline

let published: PublishedCell[];
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), "statuses-"));
  await generateExtract({ outDir: dir, scale: "tiny", seed: 2020 });
  published = publish((await runPipeline(dir)).cells);
});

test("the overview's verdict for every half-year is the self-assessment's, and both read the statuses the slices carry", () => {
  const units = [...new Set(published.filter((c) => c.unit_id !== "ALL" && !isGroupUnitId(c.unit_id)).map((c) => c.unit_id))].map((u) => ({ unit_id: u, unit_name_fi: u, unit_name_sv: null, operating_model: "THK", service_area: "TERVEYSASEMA", area: "ITA" }));
  const slices = pageSlices({ cells: published, catalogue, meta: { manifest: { source: "t", extracted_at: "2024-01-05T06:00:00", period: { from: "2020-01-01", to: "2023-12-31" } }, units }, programme: sliceProgramme });
  const ctx = JSON.parse(slices.get("context.json")!) as ContextJson;
  const overview = new CellIndex(decodeSlice(JSON.parse(slices.get("headline-half.json")!) as SliceJson));
  const halves = halvesWithData(published);
  const seen = new Set<string>();
  let assessed = 0;
  for (const half of halves) {
    const assessments = new Map(headline.map((i) => [i.id, assess(i, overview.get(i.id, "half"), half, ctx.baselines.half ?? null)]));
    const v = overviewVerdicts(DIMENSION_IDS, headline, (id) => assessments.get(id)!.verdict);
    const m: SelfAssessment = buildSelfAssessment({ cells: published, catalogue, programme, period: half, narratives: {} });
    assert.deepEqual(m.quadrupleAim.dimensions.map((d) => [d.id, d.verdict]), [...v.dimensions], `${half}: the dimensions`);
    assert.deepEqual([m.quadrupleAim.worse, m.quadrupleAim.better, m.quadrupleAim.mixed], [v.tradeoff.worse, v.tradeoff.better, v.tradeoff.mixed], `${half}: the trade-off`);
    for (const ind of headline) {
      const row = m.goals.flatMap((g) => g.indicators).find((b) => b.id === ind.id)?.rows.find((r) => r.breakdownValue === "ALL");
      const a = assessments.get(ind.id)!;
      assert.equal(row?.verdict ?? null, a.verdict, `${half} ${ind.id}: the verdict`);
      if (row?.changeFromPrevious) assert.equal(row.changeFromPrevious.outcome, a.vsPrevious, `${half} ${ind.id}: against the previous half-year`);
      if (row?.changeFromBaseline) assert.equal(row.changeFromBaseline.outcome, a.vsBaseline, `${half} ${ind.id}: against the baseline`);
      if (a.verdict) assessed++;
      for (const d of m.quadrupleAim.dimensions) seen.add(`${d.verdict}`);
    }
    // Units against the city: the self-assessment's column is the unit slices'.
    const unitRows = new CellIndex(...units.map((u) => decodeSlice(JSON.parse(slices.get(`unit-${u.unit_id}-half.json`)!) as SliceJson)));
    for (const u of m.byUnit) assert.equal(u.vsCity, unitRows.cell(u.indicatorId, half, "half", u.unitId)?.status?.vsCity ?? "not-compared", `${half} ${u.unitId} ${u.indicatorId}`);
  }
  assert.ok(assessed > 0, "some verdicts were made");
  assert.ok(seen.size > 1, `the extract has more than one kind of dimension verdict: ${[...seen]}`);
});

test("no flip: a published quarter, half-year and year ending in the same month read the same, for every series", () => {
  const statuses = computeStatuses(published, context);
  // A withheld one is not assessed at all (not a different verdict).
  const withheld = new Set(published.filter((c) => c.suppressed).map(statusKey));
  let compared = 0;
  for (const c of published.filter((x) => x.period_type === "year")) {
    const key = (type: PeriodType, p: string) => statusKey({ ...c, period_type: type, period: p });
    if ([key("year", c.period), key("half", `${c.period}H2`), key("quarter", `${c.period}Q4`)].some((k) => withheld.has(k))) continue;
    const year = statuses.get(key("year", c.period));
    const h2 = statuses.get(key("half", `${c.period}H2`));
    const q4 = statuses.get(key("quarter", `${c.period}Q4`));
    if (!year || !h2 || !q4) continue;
    assert.equal(h2.verdict, year.verdict, `${c.indicator_id} ${c.unit_id} ${c.breakdown_value} ${c.period}: H2 and the year`);
    assert.equal(q4.verdict, year.verdict, `${c.indicator_id} ${c.unit_id} ${c.breakdown_value} ${c.period}: Q4 and the year`);
    if (year.verdict) compared++;
  }
  assert.ok(compared > 0);
});

test("the statuses download carries the same statuses as the slices", () => {
  const statuses = computeStatuses(published, context);
  const rows = csvParse(statusesCsv(published, catalogue, programme));
  assert.equal(rows.length, statuses.size);
  for (const r of rows) {
    const s = statuses.get(statusKey({ indicator_id: r.indicator_id!, period_type: r.period_type as PeriodType, period: r.period!, unit_id: r.unit_id!, breakdown_value: r.breakdown_value! }))!;
    assert.deepEqual([r.verdict, r.spc_icon, r.vs_previous, r.vs_baseline, r.vs_city, r.vs_city_99_8], [s.verdict ?? "", s.spc ?? "", s.vsPrevious, s.vsBaseline, s.vsCity, s.vsCityOuter]);
  }
  // Withheld cells are never compared.
  const withheld = new Set(published.filter((c) => c.suppressed).map(statusKey));
  assert.ok(withheld.size > 0);
  for (const k of withheld) {
    const s = statuses.get(k)!;
    assert.deepEqual([s.verdict, s.vsPrevious, s.vsBaseline, s.vsCity, s.vsCityOuter], [null, "not-compared", "not-compared", "not-compared", "not-compared"], k);
  }
});
