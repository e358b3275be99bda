// XmR charts against hand computation: limits, moving ranges, each
// special-cause rule alone, series that must not trigger, icons, assurance,
// recalculation at a break, too few points, missing values.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assuranceIcon,
  movingRanges,
  pointVariation,
  specialCauseSide,
  type SpcFlag,
  type SpcPoint,
  type SpcRule,
  variationIcon,
  xmr,
  xmrLimits,
  xmrRows,
  xmrWithBreaks,
} from "../src/lib/spc.ts";

const close = (actual: number | undefined, expected: number, message?: string) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${message ?? ""} ${actual} ≉ ${expected}`);

/** Monthly points from 2021-01 on. */
const monthly = (values: readonly (number | null)[], start = 2021): SpcPoint[] =>
  values.map((value, i) => ({ period: `${start + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, value }));

/** Index → "rule/side" of every flagged point. */
const flagged = (values: readonly (number | null)[]) =>
  Object.fromEntries(
    xmr(monthly(values))
      .points.map((p, i) => [i, p.flags.map((f) => `${f.rule}/${f.side}`).join(",")] as const)
      .filter(([, f]) => f !== ""),
  );
const rulesIn = (values: readonly (number | null)[]): SpcRule[] => [
  ...new Set(xmr(monthly(values)).points.flatMap((p) => p.flags.map((f) => f.rule))),
];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const each = (indices: number[], flag: string) => Object.fromEntries(indices.map((i) => [i, flag]));

// Common-cause baseline: mean 10, every moving range 2, no rule fires.
const B = [10, 12, 10, 8, 10, 12, 10, 8, 10, 12, 10, 8];

test("limits and moving ranges by hand", () => {
  // Σ = 4 × (10 + 12 + 10 + 8) = 120, mean = 120 / 12 = 10; 11 moving ranges of 2, mean 2.
  const s = xmr(monthly(B));
  assert.deepEqual(s.points.map((p) => p.movingRange), [null, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
  const l = s.limits!;
  assert.equal(l.n, 12);
  close(l.mean, 10);
  close(l.meanMovingRange, 2);
  close(l.upper, 15.32, "10 + 2.66 × 2");
  close(l.lower, 4.68, "10 − 2.66 × 2");
  close(l.upperTwoThirds, 10 + (2 / 3) * 5.32, "10 + 3.5466…");
  close(l.lowerTwoThirds, 10 - (2 / 3) * 5.32);
  assert.equal(s.reason, null);
  assert.deepEqual(flagged(B), {}, "the baseline is common cause");
});

test("limits by hand on an irregular series", () => {
  // 5 7 6 8 7 9 6 8 7 5 6 8: Σ = 82, mean = 82/12; moving ranges 2 1 2 1 2 3 2 1 2 1 2, Σ = 19, mean = 19/11.
  const l = xmrLimits([5, 7, 6, 8, 7, 9, 6, 8, 7, 5, 6, 8])!;
  close(l.mean, 82 / 12);
  close(l.meanMovingRange, 19 / 11);
  close(l.upper, 82 / 12 + 2.66 * (19 / 11));
  close(l.lower, 82 / 12 - 2.66 * (19 / 11));
});

test("missing values: skipped for the limits, moving ranges bridge the gap", () => {
  // A null between 12 and 10 leaves the same values and the same moving ranges (12 → 10 = 2).
  const withGap = [10, 12, null, 10, 8, 10, 12, 10, 8, 10, 12, 10, 8];
  assert.deepEqual(movingRanges(withGap), [null, 2, null, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
  const s = xmr(monthly(withGap));
  assert.deepEqual(s.limits, xmr(monthly(B)).limits);
  assert.deepEqual(s.points[2], { period: "2021-03", value: null, movingRange: null, flags: [] });
  assert.deepEqual(movingRanges([null, 3, null, null, 7]), [null, null, null, null, 4], "first value has none; a gap is bridged");
});

test("missing values do not break a run", () => {
  // Seven 11s above the mean with a suppressed month among them: still a shift.
  const values = [...B, 11, 11, 11, null, 11, 11, 11, 11];
  const shift = { ...each([12, 13, 14, 16, 17, 18, 19], "shift/high") };
  assert.deepEqual(flagged(values), shift);
  assert.equal(xmr(monthly(values)).points[16].movingRange, 0, "11 after the gap − 11 before it");
});

test("rule (a) alone: one point outside the process limits", () => {
  // Σ = 120 + 10 + 20 + 10 + 12 = 172, mean 10.75; moving ranges 11 × 2 + 2 + 10 + 10 + 2 = 46, mean 46/15;
  // upper = 10.75 + 2.66 × 46/15 = 18.907 < 20.
  const values = [...B, 10, 20, 10, 12];
  const l = xmr(monthly(values)).limits!;
  close(l.upper, 10.75 + (2.66 * 46) / 15);
  assert.deepEqual(flagged(values), { 13: "outside-limits/high" });
  assert.deepEqual(flagged([...B, 10, 0, 10, 8]), { 13: "outside-limits/low" });
});

test("rule (b) alone: seven points on one side of the mean", () => {
  // Σ = 120 + 77 + 8 = 205, mean 10.25: the seven 11s lie above it, nothing else runs.
  assert.deepEqual(flagged([...B, 11, 11, 11, 11, 11, 11, 11, 8]), each(range(12, 18), "shift/high"));
  // Below: the baseline's last 8 joins the run of 9s (mean 183/19 ≈ 9.63), so eight points.
  assert.deepEqual(flagged([...B, 9, 9, 9, 9, 9, 9, 9]), each(range(11, 18), "shift/low"));
});

test("rule (c) alone: seven points each higher than the one before", () => {
  // 7 8 9 10 11 12 13: six increases. Mean 190/19 = 10, so the run crosses the mean (no shift);
  // only 13 lies beyond the two-thirds line 12.857 (no two-of-three).
  assert.deepEqual(flagged([...B, 7, 8, 9, 10, 11, 12, 13, 10]), each(range(12, 18), "trend/high"));
  assert.deepEqual(flagged([...B, 13, 12, 11, 10, 9, 8, 7, 10]), each(range(12, 18), "trend/low"));
});

test("rule (d) alone: two of three points beyond the two-thirds line, inside the limits", () => {
  // Σ = 120 + 74 = 194, mean 194/18 = 10.778; moving ranges 11 × 2 + 2 + 6 × 4 + 2 = 50, mean 50/17 = 2.941;
  // two-thirds line 10.778 + 1.7733 × 2.941 = 15.993 < 16 < upper limit 18.601. The 10 between them may be anywhere.
  const values = [...B, 10, 16, 10, 16, 10, 12];
  const l = xmr(monthly(values)).limits!;
  close(l.upperTwoThirds, 194 / 18 + (2 / 3) * 2.66 * (50 / 17));
  assert.ok(16 > l.upperTwoThirds && 16 < l.upper);
  assert.deepEqual(flagged(values), { 13: "two-of-three/high", 15: "two-of-three/high" });
  assert.deepEqual(flagged([...B, 10, 4, 10, 4, 10, 12]), { 13: "two-of-three/low", 15: "two-of-three/low" });
  // Adjacent pair.
  assert.deepEqual(flagged([...B, 10, 16, 16, 10, 12, 10]), { 13: "two-of-three/high", 14: "two-of-three/high" });
});

test("must not trigger: six points on one side of the mean", () => {
  assert.deepEqual(rulesIn([...B, 11, 11, 11, 11, 11, 11, 8, 10]), []);
});

test("must not trigger: a point exactly on the mean breaks a shift", () => {
  // Σ = 120 + 66 + 10 + 24 = 220 over 22 points: the mean is exactly 10, the 10 among the 11s lies on it.
  const onMean = [...B, 11, 11, 11, 10, 11, 11, 11, 8, 8, 8];
  assert.equal(xmr(monthly(onMean)).limits!.mean, 10);
  assert.deepEqual(rulesIn(onMean), []);
  // Control: with 11 instead of the 10 the seven 11s are a shift.
  assert.deepEqual(rulesIn([...B, 11, 11, 11, 11, 11, 11, 11, 8, 8, 8]), ["shift"]);
});

test("must not trigger: a six-point trend", () => {
  assert.deepEqual(rulesIn([...B, 7, 8, 9, 10, 11, 12, 10, 8]), []);
});

test("must not trigger: equal neighbours break a trend", () => {
  // 7 8 9 9 10 11 12: seven points, never falling, but 9 = 9.
  assert.deepEqual(rulesIn([...B, 7, 8, 9, 9, 10, 11, 12, 10]), []);
});

test("must not trigger: one of three beyond the two-thirds line", () => {
  // Two 16s beyond the line (15.674) but three apart: no window of three holds both.
  const values = [...B, 10, 16, 10, 10, 16, 10];
  assert.ok(16 > xmr(monthly(values)).limits!.upperTwoThirds);
  assert.deepEqual(rulesIn(values), []);
  // Beyond opposite two-thirds lines is not "the same side".
  assert.deepEqual(rulesIn([...B, 10, 16, 4, 10, 12, 10]).includes("two-of-three"), false);
});

test("fewer than 12 points: no limits, no flags, and the reason", () => {
  const s = xmr(monthly(B.slice(0, 11)));
  assert.equal(s.limits, null);
  assert.equal(s.reason, "fewer than 12 points");
  assert.ok(s.points.every((p) => p.flags.length === 0));
  assert.equal(s.points[1].movingRange, 2, "moving ranges are still given");
  // Twelve periods, one suppressed: eleven values.
  assert.equal(xmr(monthly([...B.slice(0, 11), null])).limits, null);
  assert.equal(variationIcon(s, "higher"), null);
  assert.equal(assuranceIcon(s.limits, { op: ">=", value: 5 }), null);
});

test("recalculation at a break: limits by hand on each side", () => {
  // 2021: the baseline (mean 10, mean moving range 2); 2022: twice it (mean 20, mean moving range 4).
  const points = monthly([...B, ...B.map((v) => 2 * v)]);
  const [before, after] = xmrWithBreaks(points, ["2022-01-01"]);
  assert.equal(before.breakDate, null);
  assert.equal(after.breakDate, "2022-01-01");
  assert.deepEqual([before.points.length, after.points.length], [12, 12]);
  close(before.limits!.mean, 10);
  close(before.limits!.upper, 15.32);
  close(before.limits!.lower, 4.68);
  close(after.limits!.mean, 20);
  close(after.limits!.meanMovingRange, 4);
  close(after.limits!.upper, 20 + 2.66 * 4);
  close(after.limits!.lower, 20 - 2.66 * 4);
  assert.equal(after.points[0].movingRange, null, "no moving range across the break (8 → 20)");
  assert.ok([before, after].every((s) => s.points.every((p) => p.flags.length === 0)), "each side is common cause");
  // Without the break, the jump is one process: mean 15, and the 2022 points form a shift.
  const whole = xmr(points);
  close(whole.limits!.mean, 15);
  close(whole.limits!.meanMovingRange, (22 + 12 + 44) / 23);
  assert.ok(whole.points.slice(12).every((p) => p.flags.some((f) => f.rule === "shift" && f.side === "high")));
});

test("breaks: period labels, mid-period dates, and segments too short for limits", () => {
  const points = monthly([...B, ...B.map((v) => 2 * v)]);
  const byLabel = xmrWithBreaks(points, ["2022-01"]);
  assert.deepEqual(byLabel.map((s) => s.breakDate), [null, "2022-01-01"]);
  assert.deepEqual(xmrWithBreaks(points, ["2022Q1", "2022-01-01"]).map((s) => s.points.length), [12, 12], "duplicates merge");
  // A measure starting mid-January: January 2022 still belongs to the old process, the new one has 11 points.
  const [old, fresh] = xmrWithBreaks(points, ["2022-01-15"]);
  assert.deepEqual([old.points.length, fresh.points.length], [13, 11]);
  assert.equal(fresh.points[0].period, "2022-02");
  assert.deepEqual([fresh.limits, fresh.reason], [null, "fewer than 12 points"]);
  assert.equal(variationIcon(fresh, "higher"), null, "the current process cannot be judged yet");
  // A break before the data or after it leaves no empty segment.
  assert.equal(xmrWithBreaks(points, ["2019-01-01", "2030-01-01"]).length, 1);
  assert.deepEqual(xmrWithBreaks([], ["2022-01-01"]), []);
  assert.throws(() => xmrWithBreaks([...points].reverse(), ["2022-01-01"]), RangeError);
});

test("xmrRows flattens segments with their lines", () => {
  const rows = xmrRows(xmrWithBreaks(monthly([...B, ...B.map((v) => 2 * v)]), ["2022-01-01"]));
  assert.equal(rows.length, 24);
  assert.deepEqual([rows[0].segment, rows[12].segment], [0, 1]);
  close(rows[0].mean ?? undefined, 10);
  close(rows[23].mean ?? undefined, 20);
});

test("variation icons for each direction", () => {
  const high = xmr(monthly([...B, 11, 11, 11, 11, 11, 11, 11])); // latest point: shift, high
  const low = xmr(monthly([...B, 9, 9, 9, 9, 9, 9, 9])); // latest point: shift, low
  assert.equal(variationIcon(high, "higher"), "improvement-high");
  assert.equal(variationIcon(high, "lower"), "concern-high");
  assert.equal(variationIcon(high, null), "neither-high");
  assert.equal(variationIcon(low, "higher"), "concern-low");
  assert.equal(variationIcon(low, "lower"), "improvement-low");
  assert.equal(variationIcon(low, null), "neither-low");
  assert.equal(variationIcon(xmr(monthly(B)), "higher"), "common-cause");
});

test("variation icon reflects the latest point only", () => {
  // A point outside the limits earlier, the latest point common cause.
  assert.equal(variationIcon(xmr(monthly([...B, 10, 20, 10, 12])), "higher"), "common-cause");
  // A trailing suppressed month: the latest value decides.
  assert.equal(variationIcon(xmr(monthly([...B, 11, 11, 11, 11, 11, 11, 11, null])), "higher"), "improvement-high");
  // A trend alone decides by its direction.
  assert.equal(variationIcon(xmr(monthly([...B, 13, 12, 11, 10, 9, 8, 7])), "lower"), "improvement-low");
});

test("a rise while still below the mean: the position outranks the trend", () => {
  // High baseline then a collapse and a recovery that is still low: the last point is in a rising
  // trend but also in a shift below the mean (and two of three beyond the lower two-thirds line).
  const base = [20, 22, 20, 18, 20, 22, 20, 18, 20, 22, 20, 18];
  const s = xmr(monthly([...base, 5, 6, 7, 8, 9, 10, 11]));
  const last = s.points.at(-1)!;
  assert.ok(last.flags.some((f) => f.rule === "trend" && f.side === "high"));
  assert.ok(last.flags.some((f) => f.rule === "shift" && f.side === "low"));
  assert.equal(variationIcon(s, "higher"), "concern-low");
});

test("specialCauseSide and pointVariation", () => {
  const f = (rule: SpcRule, side: "high" | "low"): SpcFlag => ({ rule, side });
  assert.equal(specialCauseSide({ value: 5, flags: [] }, 10), null);
  assert.equal(specialCauseSide({ value: 5, flags: [f("trend", "high"), f("shift", "low")] }, 10), "low");
  assert.equal(specialCauseSide({ value: 5, flags: [f("trend", "high")] }, 10), "high");
  // A turning point of a rise and a fall: the side of the mean.
  assert.equal(specialCauseSide({ value: 12, flags: [f("trend", "high"), f("trend", "low")] }, 10), "high");
  assert.equal(specialCauseSide({ value: 8, flags: [f("trend", "high"), f("trend", "low")] }, 10), "low");
  assert.equal(pointVariation({ value: 20, flags: [f("outside-limits", "high")] }, 10, "lower"), "concern");
  assert.equal(pointVariation({ value: 20, flags: [f("outside-limits", "high")] }, 10, "higher"), "improvement");
  assert.equal(pointVariation({ value: 20, flags: [f("outside-limits", "high")] }, 10, null), "neither");
  assert.equal(pointVariation({ value: 11, flags: [] }, 10, "higher"), "common-cause");
});

test("turning point of a rise and a fall belongs to both trends", () => {
  const values = [...B, 6, 7, 8, 9, 10, 11, 12, 11, 10, 9, 8, 7, 6];
  const peak = xmr(monthly(values)).points[18];
  assert.equal(peak.value, 12);
  assert.deepEqual(peak.flags.filter((f) => f.rule === "trend").map((f) => f.side), ["high", "low"]);
});

test("assurance: pass, fail, hit-and-miss against the process limits 4.68–15.32", () => {
  const l = xmr(monthly(B)).limits!;
  assert.equal(assuranceIcon(l, { op: ">=", value: 4 }), "pass", "even the lower limit meets ≥ 4");
  assert.equal(assuranceIcon(l, { op: ">=", value: l.lower }), "pass", "a limit exactly on the target meets it");
  assert.equal(assuranceIcon(l, { op: ">=", value: 16 }), "fail", "even the upper limit misses ≥ 16");
  assert.equal(assuranceIcon(l, { op: ">=", value: l.upper }), "hit-and-miss");
  assert.equal(assuranceIcon(l, { op: ">=", value: 10 }), "hit-and-miss");
  assert.equal(assuranceIcon(l, { op: "<=", value: 16 }), "pass");
  assert.equal(assuranceIcon(l, { op: "<=", value: l.upper }), "pass");
  assert.equal(assuranceIcon(l, { op: "<=", value: 4 }), "fail");
  assert.equal(assuranceIcon(l, { op: "<=", value: 10 }), "hit-and-miss");
  assert.equal(assuranceIcon(l, null), null, "no target");
  assert.equal(assuranceIcon(null, { op: "<=", value: 10 }), null, "no limits");
});
