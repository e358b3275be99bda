// src/lib/analysis/spc-latest.ts against xmrAnalysis (itself held to v2.6's
// query in spc-v26.test.ts): the variation icon of every prefix of a series,
// read off the whole chart of that prefix, must be the one latestVariations
// gives — on MDC's test series and on seeded random series with missing and
// ghosted months, ties with the mean, recalculations, all three directions,
// both conflict rules and other shift, trend and minimum settings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { latestVariations } from "../src/lib/analysis/spc-latest.ts";
import { type Direction, type Recalculation, type SpcPoint, type SpcSettings, xmrAnalysis } from "../src/lib/analysis/spc.ts";
import { MDC_TEST_SERIES } from "./reference/spc-mdc-test-data.ts";
import { mulberry32 } from "../src/lib/random.ts";

const month = (i: number) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

interface Options {
  direction: Direction;
  breaks: (string | Recalculation)[];
  settings: Partial<SpcSettings>;
}

/** Every prefix's icon both ways; returns how many were not null (so a test can tell it exercised the rules). */
function compareAll(points: SpcPoint[], o: Options, label: string): Set<string> {
  const latest = latestVariations(points, o);
  const seen = new Set<string>();
  for (let end = 0; end < points.length; end++) {
    const expected = xmrAnalysis(points.slice(0, end + 1), o).variation;
    const got = latest(end);
    assert.equal(got, expected, `${label}: the icon up to ${points[end].period}`);
    if (got) seen.add(got);
  }
  return seen;
}

test("MDC's test series: every prefix's icon is xmrAnalysis's, each direction, with and without a recalculation", () => {
  const icons = new Set<string>();
  for (const s of MDC_TEST_SERIES) {
    const points = s.values.map((value, i) => ({ period: month(i), value }));
    for (const direction of ["higher", "lower", null] as Direction[]) {
      for (const breaks of [[], [month(15)], [`${month(8)}-10`, month(20)]]) {
        for (const conflictRule of ["improvement", "concern"] as const) {
          for (const icon of compareAll(points, { direction, breaks, settings: { conflictRule } }, `${s.metric} ${direction} ${breaks.join(",")} ${conflictRule}`)) icons.add(icon);
        }
      }
    }
  }
  // The series exercise every icon, so the comparison above is not of nulls only.
  assert.deepEqual([...icons].sort(), ["common-cause", "concern-high", "concern-low", "improvement-high", "improvement-low", "neither-high", "neither-low"]);
});

test("seeded random series: gaps, withheld and ghosted months, ties, recalculations and other settings", () => {
  const random = mulberry32(20261208);
  const icons = new Set<string>();
  for (let c = 0; c < 400; c++) {
    const length = 1 + Math.floor(random() * 45);
    const points: SpcPoint[] = [];
    let m = Math.floor(random() * 6);
    let level = 20;
    for (let i = 0; i < length; i++) {
      // Small integers make ties with the mean and equal neighbours; steps and spikes make shifts and single points.
      if (random() < 0.08) level += Math.round((random() - 0.5) * 20);
      const r = random();
      const value = r < 0.08 ? null : r < 0.12 ? level + Math.round((random() - 0.5) * 60) : r < 0.2 ? level + i % 7 : level + Math.round((random() - 0.5) * 6);
      points.push({ period: month(m), value, ...(random() < 0.04 ? { ghost: true } : {}) });
      m += random() < 0.1 ? 2 + Math.floor(random() * 3) : 1;
    }
    const breaks: (string | Recalculation)[] = [];
    const nBreaks = Math.floor(random() * 3);
    for (let b = 0; b < nBreaks; b++) {
      const at = month(Math.floor(random() * m));
      const r = random();
      breaks.push(r < 0.4 ? at : r < 0.7 ? `${at}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}` : { date: at, reason: "measure" });
    }
    const direction = (["higher", "lower", null] as Direction[])[Math.floor(random() * 3)];
    const settings: Partial<SpcSettings> = {
      conflictRule: random() < 0.5 ? "improvement" : "concern",
      minimumPoints: random() < 0.5 ? 13 : 2 + Math.floor(random() * 6),
      shiftPoints: 6 + Math.floor(random() * 3),
      trendPoints: 6 + Math.floor(random() * 3),
      twoOfThree: random() < 0.9,
      variationIcon: random() < 0.95,
    };
    for (const icon of compareAll(points, { direction, breaks, settings }, `case ${c} ${JSON.stringify({ direction, breaks, settings })}`)) icons.add(icon);
  }
  assert.deepEqual([...icons].sort(), ["common-cause", "concern-high", "concern-low", "improvement-high", "improvement-low", "neither-high", "neither-low"]);
});

test("an index that is not one of the series' points is refused", () => {
  const latest = latestVariations([{ period: "2024-01", value: 1 }, { period: "2024-03", value: 2 }]);
  assert.equal(latest(1), null);
  assert.throws(() => latest(2), /no point 2/);
});
