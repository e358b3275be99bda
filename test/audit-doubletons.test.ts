// The audit's substitution of doubleton equations (loaders/privacy/audit/doubletons.ts)
// and the LP over the representatives it leaves (lp.ts): small systems whose
// reduced form and optima are worked out by hand.
import assert from "node:assert/strict";
import { test } from "node:test";
import { repBounds, substituteDoubletons } from "../loaders/privacy/audit/doubletons.ts";
import { rangesOfComponent } from "../loaders/privacy/audit/component.ts";
import { ComponentLP, highs, type ComponentData } from "../loaders/privacy/audit/lp.ts";

type Row = [terms: [number, number][], lo: number, hi: number];

function component(numCols: number, rows: Row[], lo: number[], hi: number[]): ComponentData {
  const starts = [0], indices: number[] = [], values: number[] = [];
  for (const [terms] of rows) {
    for (const [j, c] of terms) indices.push(j), values.push(c);
    starts.push(indices.length);
  }
  return {
    seed: 1,
    numCols,
    numRows: rows.length,
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    rowLower: Float64Array.from(rows, (r) => r[1]),
    rowUpper: Float64Array.from(rows, (r) => r[2]),
    colLower: Float64Array.from(lo),
    colUpper: Float64Array.from(hi),
    outerLo: Float64Array.from(lo),
    outerHi: Float64Array.from(hi),
    threshold: new Float64Array(numCols),
    zeroPairs: new Int32Array(0),
  };
}

// x0 + x1 = 10 and x1 − x2 = 0 are doubletons; with them x0 + x2 + x3 = 15
// leaves x3 = 5, x0 + x2 = 10 holds by itself (dropped), and the two rows
// over x3 + x4 are one row with the tighter bound.
const rows: Row[] = [
  [[[0, 1], [1, 1]], 10, 10],
  [[[1, 1], [2, -1]], 0, 0],
  [[[0, 1], [2, 1], [3, 1]], 15, 15],
  [[[2, 1], [0, 1]], 10, 10],
  [[[3, 1], [4, 1]], -Infinity, 8],
  [[[4, 1], [3, 1]], -Infinity, 7],
];
const d = component(5, rows, [0, 0, 0, 0, 0], [100, 4, 100, 100, 100]);

test("doubleton equations leave one representative per chain, and the rows over the representatives", () => {
  const s = substituteDoubletons(d);
  assert.equal(s.numReps, 3); // {x0, x1, x2}, x3, x4
  assert.equal(s.rep[0], s.rep[1]);
  assert.equal(s.rep[1], s.rep[2]);
  // x1 = 10 − x0 and x2 = x1, whichever of them represents the chain.
  for (const t of [3, 7]) {
    const [x0, x1, x2] = [0, 1, 2].map((v) => s.alpha[v] + s.beta[v] * t);
    assert.equal(x0 + x1, 10);
    assert.equal(x1, x2);
  }
  // Left: x3 = 5 and x3 + x4 ≤ 7.
  const left = Array.from({ length: s.numRows }, (_, r) => ({
    terms: Array.from({ length: s.starts[r + 1] - s.starts[r] }, (_, k) => [s.indices[s.starts[r] + k], s.values[s.starts[r] + k]]),
    lo: s.rowLower[r],
    hi: s.rowUpper[r],
  }));
  assert.deepEqual(left, [
    { terms: [[s.rep[3], 1]], lo: 5, hi: 5 },
    { terms: [[s.rep[3], 1], [s.rep[4], 1]], lo: -Infinity, hi: 7 },
  ]);
  // x1 ≤ 4 bounds the chain's representative: x0 ≥ 6.
  const { lo, hi } = repBounds(s, d.colLower, d.colUpper);
  const x0 = (r: number) => s.alpha[0] + s.beta[0] * r;
  assert.deepEqual([Math.min(x0(lo[s.rep[0]]), x0(hi[s.rep[0]])), Math.max(x0(lo[s.rep[0]]), x0(hi[s.rep[0]]))], [6, 10]);
});

test("an LP over the representatives answers in the unknowns' own terms", async () => {
  const lp = new ComponentLP(await highs(), d);
  try {
    const cost = [0, 1, 0, 0, 0];
    const max = lp.run(cost, true)!;
    assert.equal(max.obj, 4);
    const x = max.x!;
    assert.deepEqual([x[0], x[1], x[2], x[3]], [6, 4, 4, 5]);
    assert.ok(x[4] <= 2 + 1e-9 && x[4] >= 0);
    // An objective with a constant part: maximise x0 + 2·x1 = 10 + x1.
    assert.equal(lp.run([1, 2, 0, 0, 0], true)!.obj, 14);
    assert.equal(lp.run([0, 0, 0, 0, 1], true)!.obj, 2);
  } finally {
    lp.dispose();
  }
});

test("the ranges of a component with doubletons are the hand-computed ones", async () => {
  const r = rangesOfComponent(await highs(), d);
  assert.equal(r.infeasible, false);
  // x0 ∈ [6, 10], x1, x2 ∈ [0, 4], x3 = 5, x4 ∈ [0, 2]; every unknown is settled by being seen
  // spread, or proven at an outer bound, so check the exact ends only where proven.
  for (const [v, lo, hi] of [[0, 6, 10], [1, 0, 4], [2, 0, 4], [3, 5, 5], [4, 0, 2]] as const) {
    if (r.minExact[v]) assert.equal(r.min[v], lo, `min x${v}`);
    if (r.maxExact[v]) assert.equal(r.max[v], hi, `max x${v}`);
    assert.ok(r.min[v] >= lo - 1e-9 && r.max[v] <= hi + 1e-9, `x${v} seen within its range`);
  }
  assert.equal(r.min[3], 5);
  assert.equal(r.max[3], 5);
});

test("a ratio too far from 1 is not substituted, and a contradiction the rows imply is left for the LP to find", async () => {
  const far = substituteDoubletons(component(2, [[[[0, 1e-9], [1, 1]], 1, 1]], [0, 0], [10, 10]));
  assert.equal(far.numReps, 2);
  assert.equal(far.numRows, 1);
  // x0 + x1 = 10, x0 − x1 = 0 and x0 + x1 + x2 = 11 with x2 = 0: no feasible point.
  const bad = component(3, [[[[0, 1], [1, 1]], 10, 10], [[[0, 1], [1, -1]], 0, 0], [[[0, 1], [1, 1], [2, 1]], 11, 11]], [0, 0, 0], [10, 10, 0]);
  const lp = new ComponentLP(await highs(), bad);
  try {
    assert.equal(lp.run([0, 0, 0], false), null);
  } finally {
    lp.dispose();
  }
});
