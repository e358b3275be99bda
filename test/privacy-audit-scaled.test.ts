// The audit's rescue of a component the solver wrongly calls infeasible
// (loaders/privacy/audit/component.ts, onScaledCopy): a component of the
// Helsinki-scale generated extract (seed 2020, 2020–2025; 1 704 unknowns, euro
// sums of 10⁸ beside counts of 1), dumped from the build's audit. HiGHS's
// presolved first LP, one column per unknown, calls it infeasible; on the
// scaled copy it is solved, and so is it over the representatives the audit
// now solves (doubletons.ts), so the build does not refuse the whole site for
// a contradiction it does not have.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { rangesOfComponent } from "../loaders/privacy/audit/component.ts";
import { ComponentLP, highs, type ComponentData } from "../loaders/privacy/audit/lp.ts";

function fixture(): ComponentData {
  const raw = JSON.parse(gunzipSync(readFileSync(join(import.meta.dirname, "snapshots", "audit-component-helsinki-1704.json.gz"))).toString("utf8"));
  // JSON has no infinities: null stands for -∞ in lower bounds, +∞ in upper ones.
  const inf = (k: string) => (/Lower|Lo$/.test(k) ? -Infinity : Infinity);
  const d: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    d[k] = Array.isArray(v) ? (["starts", "indices", "zeroPairs"].includes(k) ? Int32Array.from(v as number[]) : Float64Array.from((v as (number | null)[]).map((x) => (x === null ? inf(k) : x)))) : v;
  }
  return d as unknown as ComponentData;
}

test("a component the presolved first LP calls infeasible is solved on its scaled copy, not reported as a contradiction", async () => {
  const h = await highs();
  const d = fixture();
  assert.equal(d.numCols, 1704);
  // The trouble is real (else this fixture no longer tests the rescue): the
  // plain first LP, one column per unknown, says infeasible. Over the
  // representatives left by substituting the doubletons (the audit's own LP,
  // doubletons.ts) HiGHS solves it; the scaled copy, the rescue, solves the
  // plain one.
  const zero = new Array(d.numCols).fill(0);
  for (const [scaled, substitute, solved] of [[false, false, false], [false, true, true], [true, false, true]]) {
    const lp = new ComponentLP(h, d, scaled, substitute);
    try {
      assert.equal(lp.run(zero, false) !== null, solved, `scaled ${scaled}, substituted ${substitute}: ${solved ? "not solved" : "HiGHS now solves the plain LP: pick another fixture"}`);
    } finally {
      lp.dispose();
    }
  }
  const r = rangesOfComponent(h, d);
  assert.equal(r.infeasible, false, r.messages.join("; "));
  assert.deepEqual(r.messages, []);
  for (let i = 0; i < d.numCols; i++) {
    assert.ok(r.min[i] <= r.max[i] + 1e-6 * Math.max(1, Math.abs(r.max[i])), `unknown ${i}: min ${r.min[i]} > max ${r.max[i]}`);
    assert.ok(r.min[i] >= d.outerLo[i] - 1e-6 * Math.max(1, Math.abs(d.outerLo[i])) && r.max[i] <= d.outerHi[i] + 1e-6 * Math.max(1, Math.abs(d.outerHi[i])), `unknown ${i} outside its proven bounds`);
  }
});

test("a component with no feasible point is still reported: the rescue does not invent one", async () => {
  const h = await highs();
  const d = fixture();
  // Two rows that cannot both hold: the first row as it is, and the same row forced above its upper bound.
  const k0 = d.starts[0], k1 = d.starts[1];
  const width = k1 - k0;
  const bad: ComponentData = {
    ...d,
    numRows: d.numRows + 1,
    starts: Int32Array.from([...d.starts, d.starts[d.numRows] + width]),
    indices: Int32Array.from([...d.indices, ...d.indices.subarray(k0, k1)]),
    values: Float64Array.from([...d.values, ...d.values.subarray(k0, k1)]),
    rowLower: Float64Array.from([...d.rowLower, Math.max(d.rowUpper[0], d.rowLower[0]) + 1000]),
    rowUpper: Float64Array.from([...d.rowUpper, Infinity]),
  };
  assert.ok(Number.isFinite(d.rowUpper[0]), "the first row has an upper bound to exceed");
  const r = rangesOfComponent(h, bad);
  assert.equal(r.infeasible, true);
  assert.match(r.messages.join("; "), /has no feasible point/);
});
