// src/lib/analysis/spc.ts against NHS England's "SPC Charts SQL Query v2.6" itself:
// test/reference/spc-v26.ts runs the query's XmR steps (4B–4L and Step 6's
// minimum-points gating), transliterated statement by statement into DuckDB
// SQL, and every point's limits, rule flags and improvement / concern /
// neither, and each chart's variation and assurance icons, must agree — on
// v2.6's own sample charts, on MDC's test series, and on seeded random charts
// with ghosted and missing months, recalculations, baselines, targets, all
// three directions, both conflict rules and other shift, trend and minimum
// settings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { periodStart, periodsBetween } from "../src/lib/periods.ts";
import { type Direction, type SpcPoint, xmrAnalysis } from "../src/lib/analysis/spc.ts";
import { MDC_TEST_SERIES } from "./reference/spc-mdc-test-data.ts";
import { type ReferenceChart, type ReferenceResult, type ReferenceSettings, v26Reference } from "./reference/spc-v26.ts";
import { V26_SAMPLE } from "./reference/spc-v26-sample.ts";

/** One chart as both implementations take it: periods for spc.ts, dates for the query. */
interface Case {
  chart: ReferenceChart;
  points: SpcPoint[];
  breaks: string[];
  baseline: string | null;
  direction: Direction;
  conflictRule: "improvement" | "concern";
}

const ICONS: Record<string, string> = {
  "Improvement (High)": "improvement-high", "Improvement (Low)": "improvement-low", "Concern (High)": "concern-high", "Concern (Low)": "concern-low",
  "Neither (High)": "neither-high", "Neither (Low)": "neither-low", "Common Cause": "common-cause", Pass: "pass", Fail: "fail", "Hit or Miss": "hit-and-miss",
};

const improvementOf = (d: Direction) => (d === "higher" ? "Up" : d === "lower" ? "Down" : "Neither") as ReferenceChart["improvement"];

/** A case from points (in period order) with recalculations at some of them and a baseline ending at one. */
function makeCase(id: string, points: SpcPoint[], o: { breaks?: string[]; baseline?: string | null; direction: Direction; conflictRule: "improvement" | "concern"; target: number | null }): Case {
  const breaks = o.breaks ?? [];
  return {
    chart: {
      id,
      improvement: improvementOf(o.direction),
      conflictRule: o.direction === null ? null : o.conflictRule === "improvement" ? "Improvement" : "Concern",
      target: o.target,
      rows: points.map((p) => ({
        date: periodStart(p.period),
        value: p.value,
        recalculate: breaks.includes(p.period) ? 1 : 0,
        ghost: p.ghost || p.value === null ? 1 : 0,
        baselineEnd: p.period === o.baseline ? 1 : 0,
      })),
    },
    points,
    breaks,
    baseline: o.baseline ?? null,
    direction: o.direction,
    conflictRule: o.conflictRule,
  };
}

/** The differences between spc.ts and the query, as messages (empty when they agree). */
function compare(cases: readonly Case[], reference: readonly ReferenceResult[], settings: ReferenceSettings): string[] {
  const problems: string[] = [];
  const byChart = new Map<string, ReferenceResult[]>();
  for (const r of reference) byChart.set(r.chart, [...(byChart.get(r.chart) ?? []), r]);
  for (const c of cases) {
    const a = xmrAnalysis(c.points, {
      direction: c.direction,
      breaks: c.breaks,
      baseline: c.baseline ? { until: c.baseline } : null,
      settings: { ...settings, conflictRule: c.conflictRule },
      targets: c.chart.target === null ? [] : [{ op: ">=", value: c.chart.target, from: null, to: null }],
    });
    const rowOf = new Map(a.rows.map((r) => [periodStart(r.period), r]));
    const ref = byChart.get(c.chart.id) ?? [];
    for (const x of ref) {
      const row = rowOf.get(x.date);
      if (!row) {
        problems.push(`${c.chart.id} ${x.date}: no point`);
        continue;
      }
      const has = (rule: string, side: string) => (row.flags.some((f) => f.rule === rule && f.side === side) ? 1 : 0);
      const mine = [has("outside-limits", "high"), has("outside-limits", "low"), has("shift", "high"), has("shift", "low"), has("trend", "high"), has("trend", "low"), has("two-of-three", "high"), has("two-of-three", "low")].join("");
      // The query keeps its rule flags below the minimum and clears their result (L3030–3045); spc.ts clears both.
      const theirs = a.spc ? [x.singleAbove, x.singleBelow, x.shiftAbove, x.shiftBelow, x.trendIncreasing, x.trendDecreasing, x.twoSigmaAbove, x.twoSigmaBelow].join("") : "00000000";
      const myKind = row.variation === "improvement" || row.variation === "concern" || row.variation === "neither" ? row.variation : "none";
      const theirKind = x.improvement ? "improvement" : x.concern ? "concern" : x.neither ? "neither" : "none";
      const same = (p: number | null, q: number | null) => (p === null ? q === null : q !== null && Math.abs(p - q) <= 1e-9 * Math.max(1, Math.abs(q)));
      const limits = same(row.upper, x.upper) && same(row.lower, x.lower) && same(row.upperTwoThirds, x.upperTwoSigma) && same(row.lowerTwoThirds, x.lowerTwoSigma);
      if (mine !== theirs || myKind !== theirKind || !limits || (a.spc && row.conflict !== x.conflict)) {
        problems.push(`${c.chart.id} ${row.period} ${row.value}${row.ghost ? " (ghost)" : ""}: flags ${mine} vs ${theirs}, ${myKind} vs ${theirKind}, upper ${row.upper} vs ${x.upper}, conflict ${row.conflict} vs ${x.conflict}`);
      }
    }
    const icons = ref.find((x) => x.variationIcon !== null || x.assuranceIcon !== null);
    const variation = icons?.variationIcon ? ICONS[icons.variationIcon] : null;
    const assurance = icons?.assuranceIcon ? ICONS[icons.assuranceIcon] : null;
    if (variation !== a.variation || assurance !== a.assurance) problems.push(`${c.chart.id}: icons ${a.variation}/${a.assurance} vs ${variation}/${assurance}`);
  }
  return problems;
}

const V26: ReferenceSettings = { shiftPoints: 6, trendPoints: 6, minimumPoints: 13 };
const monthLabels = (n: number, from = "2000-01") => periodsBetween(from, "2099-12").slice(0, n);

test("v2.6's own sample charts: spc.ts equals the query (M1 groups, M2 with baseline, recalculation and ghost, M3–M5)", async () => {
  const cases = V26_SAMPLE.map((c) => {
    // Weekly and daily dates become consecutive months: the query's rules run in date order only.
    const periods = monthLabels(c.rows.length);
    const points = c.rows.map(([, , value, , ghost], i) => ({ period: periods[i], value, ghost: ghost === 1 }));
    const direction: Direction = c.improvement === "Up" ? "higher" : c.improvement === "Down" ? "lower" : null;
    return makeCase(`${c.metric}/${c.group}`, points, {
      direction, conflictRule: "concern", target: c.target,
      breaks: c.rows.flatMap(([, , , recalc], i) => (recalc ? [periods[i]] : [])),
      baseline: c.baselineEnd ? periods[c.rows.findIndex(([, date]) => date === c.baselineEnd)] : null,
    });
  });
  assert.deepEqual(compare(cases, await v26Reference(cases.map((c) => c.chart), V26), V26), []);
});

test("MDC's test series: spc.ts equals the query, with and without a recalculation and a baseline, both conflict rules", async () => {
  const cases: Case[] = [];
  for (const s of MDC_TEST_SERIES) {
    const points = monthLabels(s.values.length, "2023-01").map((period, i) => ({ period, value: s.values[i] }));
    for (const direction of ["higher", "lower", null] as Direction[]) {
      for (const conflictRule of ["improvement", "concern"] as const) {
        const id = `${s.metric}/${direction}/${conflictRule}`;
        cases.push(makeCase(id, points, { direction, conflictRule, target: 25 }));
        if (points.length > 16) {
          cases.push(makeCase(`${id}/recalculated`, points, { direction, conflictRule, target: 25, breaks: [points[15].period] }));
          cases.push(makeCase(`${id}/baseline`, points, { direction, conflictRule, target: 25, baseline: points[14].period }));
        }
      }
    }
  }
  assert.deepEqual(compare(cases, await v26Reference(cases.map((c) => c.chart), V26), V26), []);
});

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

for (const [seed, settings] of [[1, V26], [2, { shiftPoints: 7, trendPoints: 8, minimumPoints: 2 }], [3, { shiftPoints: 8, trendPoints: 7, minimumPoints: 20 }]] as const) {
  test(`random charts (seed ${seed}, shift ${settings.shiftPoints}, trend ${settings.trendPoints}, minimum ${settings.minimumPoints}): spc.ts equals the query`, async () => {
    const r = random(seed);
    const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
    const cases: Case[] = [];
    for (let k = 0; k < 200; k++) {
      const n = int(1, 45);
      const periods = monthLabels(n, "2020-01");
      // Small whole and half numbers: ties with the mean, equal neighbours and points on a line happen often.
      // Styles: noise; a step up half-way; rising and falling stretches; a steady process with rare spikes either way.
      const style = int(0, 4);
      const values = periods.map((_, i) => {
        if (style === 0) return int(0, 10);
        if (style === 1) return int(0, 4) * 0.5 + (i > n / 2 ? int(0, 3) : 0);
        if (style === 2) return (i % 16 < 8 ? i % 16 : 16 - (i % 16)) + (r() < 0.2 ? int(0, 3) : 0);
        if (style === 3) return 20 - (i % 12) + (r() < 0.2 ? int(0, 3) : 0);
        return 10 + int(0, 2) + (r() < 0.08 ? (r() < 0.5 ? 12 : -12) : 0);
      });
      const points: SpcPoint[] = periods.map((period, i) => ({ period, value: r() < 0.05 ? null : values[i], ghost: r() < 0.08 }));
      // Some months missing altogether (spc.ts ghosts them; the query has no row); a recalculation on one moves to the next month.
      const absent = new Set(periods.filter((_, i) => i > 0 && i < n - 1 && r() < 0.05));
      const wanted = periods.filter((_, i) => i > 0 && r() < 0.06);
      const present = points.filter((p) => !absent.has(p.period));
      const breaks = [...new Set(wanted.map((b) => present.find((p) => p.period >= b)?.period).filter((p): p is string => !!p))];
      const baseline = r() < 0.2 ? present[int(0, present.length - 1)].period : null;
      const direction = ([null, "higher", "lower"] as Direction[])[int(0, 2)];
      cases.push(makeCase(`r${k}`, present, { direction, conflictRule: r() < 0.5 ? "improvement" : "concern", target: r() < 0.7 ? int(0, 20) : null, breaks, baseline }));
    }
    const problems = compare(cases, await v26Reference(cases.map((c) => c.chart), settings), settings);
    assert.deepEqual(problems.slice(0, 10), [], `${problems.length} differences`);
    // The charts exercise every rule.
    const flags = new Set(cases.flatMap((c) => xmrAnalysis(c.points, { direction: c.direction, breaks: c.breaks, settings }).rows.flatMap((row) => row.flags.map((f) => `${f.rule}/${f.side}`))));
    assert.equal(flags.size, 8, [...flags].join(" "));
  });
}
