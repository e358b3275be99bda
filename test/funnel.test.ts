// Funnel-plot limits for shares against the normal approximation of the
// binomial, p ± z × √(p(1 − p) / n), computed by hand; clipping; classification.
import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyUnit, funnelBand, funnelLimits, overallProportion, Z95, Z998 } from "../src/lib/analysis/funnel.ts";

const close = (actual: number, expected: number, message?: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-7, `${message ?? ""} ${actual} ≉ ${expected}`);

test("the z values", () => {
  assert.equal(Z95, 1.959964);
  assert.equal(Z998, 3.090232);
});

test("limits by hand: p = 0.5, n = 400", () => {
  // se = √(0.5 × 0.5 / 400) = 0.025; 1.959964 × 0.025 = 0.0489991; 3.090232 × 0.025 = 0.0772558.
  const [row] = funnelLimits(0.5, [400]);
  assert.equal(row.n, 400);
  close(row.lower95, 0.4510009);
  close(row.upper95, 0.5489991);
  close(row.lower998, 0.4227442);
  close(row.upper998, 0.5772558);
});

test("limits by hand: p = 0.75 (the first-contact target), n = 100", () => {
  // se = √(0.75 × 0.25 / 100) = √0.001875 = 0.0433013; × 1.959964 = 0.0848689; × 3.090232 = 0.1338110.
  const [row] = funnelLimits(0.75, [100]);
  close(row.lower95, 0.6651311);
  close(row.upper95, 0.8348689);
  close(row.lower998, 0.6161890);
  close(row.upper998, 0.8838110);
});

test("the funnel narrows as n grows", () => {
  const rows = funnelLimits(0.5, [25, 100, 400, 1600]);
  const widths = rows.map((r) => r.upper95 - r.lower95);
  for (let i = 1; i < widths.length; i++) close(widths[i], widths[i - 1] / 2, "four times n halves the width");
});

test("limits are clipped to [0, 1]", () => {
  // p = 0.95, n = 10: se = 0.0689202, upper 95 % = 1.0851 → 1, upper 99.8 % = 1.1630 → 1; lower 99.8 % = 0.7370205.
  const [high] = funnelLimits(0.95, [10]);
  assert.equal(high.upper95, 1);
  assert.equal(high.upper998, 1);
  close(high.lower95, 0.8149188);
  close(high.lower998, 0.7370205);
  // p = 0.02, n = 20: se = 0.0313050, lower 95 % = −0.0414 → 0, lower 99.8 % = −0.0767 → 0.
  const [low] = funnelLimits(0.02, [20]);
  assert.equal(low.lower95, 0);
  assert.equal(low.lower998, 0);
  close(low.upper95, 0.0813566);
  close(low.upper998, 0.1167396);
  // p = 0 or 1: no spread at all.
  assert.deepEqual(funnelBand(0, 50, Z95), { lower: 0, upper: 0 });
  assert.deepEqual(funnelBand(1, 50, Z998), { lower: 1, upper: 1 });
});

test("nonsense inputs are refused", () => {
  assert.throws(() => funnelBand(1.2, 10, Z95), RangeError);
  assert.throws(() => funnelBand(Number.NaN, 10, Z95), RangeError);
  assert.throws(() => funnelLimits(0.5, [0]), RangeError);
});

test("classification against the limits at the unit's own denominator (p = 0.5, n = 400)", () => {
  // 95 %: 0.4510–0.5490; 99.8 %: 0.4227–0.5773.
  assert.equal(classifyUnit({ numerator: 200, denominator: 400 }, 0.5), "within");
  assert.equal(classifyUnit({ numerator: 220, denominator: 400 }, 0.5), "above-95", "0.55");
  assert.equal(classifyUnit({ numerator: 180, denominator: 400 }, 0.5), "below-95", "0.45");
  assert.equal(classifyUnit({ numerator: 240, denominator: 400 }, 0.5), "above-99.8", "0.60: the most extreme label");
  assert.equal(classifyUnit({ numerator: 160, denominator: 400 }, 0.5), "below-99.8", "0.40");
  // The same share from a small unit is within its wider limits (95 % at n = 100: 0.402–0.598).
  assert.equal(classifyUnit({ numerator: 55, denominator: 100 }, 0.5), "within");
});

test("classification: clipped limits, and units without a share", () => {
  assert.equal(classifyUnit({ numerator: 10, denominator: 10 }, 0.95), "within", "a share of 1 is never above a limit clipped to 1");
  assert.equal(classifyUnit({ numerator: 0, denominator: 50 }, 0), "within", "exactly on the limit is inside it");
  assert.equal(classifyUnit({ numerator: 1, denominator: 50 }, 0), "above-99.8");
  assert.equal(classifyUnit({ numerator: null, denominator: null }, 0.5), null, "suppressed");
  assert.equal(classifyUnit({ numerator: 0, denominator: 0 }, 0.5), null, "no denominator");
});

test("overall proportion: Σ numerators ÷ Σ denominators, suppressed units left out", () => {
  assert.equal(
    overallProportion([
      { numerator: 30, denominator: 100 },
      { numerator: 50, denominator: 100 },
      { numerator: null, denominator: null },
    ]),
    0.4,
  );
  assert.equal(overallProportion([]), null);
});
