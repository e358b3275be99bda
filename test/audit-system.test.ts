// The audit's linear system (loaders/privacy/audit/system.ts): a row's
// constants move to its bounds, each unknown's coefficients are summed in the
// order it first appears, float dust is dropped, and a row with no unknown
// left that the constants break counts as a contradiction.
import assert from "node:assert/strict";
import { test } from "node:test";
import { constant, LinearSystem, type Expr } from "../loaders/privacy/audit/system.ts";

const unknown = (v: number, k = 1): Expr => ({ v, k });

function system(n: number): LinearSystem {
  const sys = new LinearSystem();
  for (let i = 0; i < n; i++) sys.addVar(0, { cell: i, field: "num" });
  return sys;
}

test("a short row: constants to the bounds, repeats summed in first-seen order, scaled unknowns", () => {
  const sys = system(3);
  // 2 + x1 - x0 + 2·(0.5·x1) + 3 ∈ [0, 10]  ⇒  -x0 + 2·x1 ∈ [-5, 5]
  sys.add([[constant(2), 1], [unknown(1), 1], [unknown(0), -1], [unknown(1, 0.5), 2], [constant(3), 1]], 0, 10);
  assert.deepEqual(sys.rows, [{ vars: [1, 0], coefs: [2, -1], lo: -5, hi: 5 }]);
});

test("an unknown whose coefficients cancel is dropped; one left with none is judged against the bounds", () => {
  const sys = system(2);
  sys.add([[unknown(0), 1], [unknown(1), 1], [unknown(0), -1]], 0, 0);
  assert.deepEqual(sys.rows, [{ vars: [1], coefs: [1], lo: 0, hi: 0 }]);
  // 0.1·3 + 0.2·3 - 0.3·3 is float dust against the row's largest coefficient: dropped.
  sys.add([[unknown(0, 0.1), 3], [unknown(0, 0.2), 3], [unknown(0, 0.3), -3], [unknown(1), 1]], -1, 1);
  assert.deepEqual(sys.rows[1], { vars: [1], coefs: [1], lo: -1, hi: 1 });
  // No unknown: 4 ∉ [0, 3] is a contradiction, 2 ∈ [0, 3] is not, and neither becomes a row.
  sys.add([[constant(4), 1], [unknown(0), 1], [unknown(0), -1]], 0, 3);
  sys.add([[constant(2), 1]], 0, 3);
  assert.equal(sys.contradictions, 1);
  assert.equal(sys.rows.length, 2);
});

test("a long row (a sum over many members) sums its repeats the same way", () => {
  const n = 80;
  const sys = system(n);
  // The total x0 against members x1…x79, each member listed twice (1 and 2): x0 - 3·Σ xi = 0.
  const parts: [Expr, number][] = [[unknown(0), 1]];
  for (let i = n - 1; i >= 1; i--) parts.push([unknown(i), -1]);
  for (let i = 1; i < n; i++) parts.push([unknown(i), -2]);
  assert.ok(parts.length > 64);
  sys.add(parts, 0, 0);
  const members = Array.from({ length: n - 1 }, (_, j) => n - 1 - j);
  assert.deepEqual(sys.rows, [{ vars: [0, ...members], coefs: [1, ...members.map(() => -3)], lo: 0, hi: 0 }]);
});
