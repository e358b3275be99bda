// A component's doubleton equations (a·u + b·w = c), substituted away once.
// HiGHS's presolve does the same substitutions, but afresh for every LP: on
// the sample's largest components 18 000 of 45 000 rows are doubletons, and
// presolve took about 0.4 s of a 0.6 s spread round. Each unknown becomes an
// affine function of one representative (v = alpha + beta·rep), so the LP
// has one column per representative; the substituted rows hold by
// construction and every LP solution maps back to a point of the original
// system. Rows left are rewritten over the representatives, and rows that
// become identical are merged (their bounds intersected), as presolve would.
import type { ComponentData, Rows } from "./lp.ts";

/** The rows left, over the representatives. */
export interface Doubletons extends Rows {
  /** Representatives: the reduced LP's columns. */
  numReps: number;
  /** Unknown v = alpha[v] + beta[v]·rep[v]. */
  rep: Int32Array;
  alpha: Float64Array;
  beta: Float64Array;
}

/** Substitution ratios kept within this range, so no chain of them loses precision. */
const MAX_RATIO = 2 ** 20;
/** A coefficient this small beside the row's largest is a cancellation's rounding: dropped. */
const CANCELLED = 1e-12;

/** The LP as it was given: each unknown its own representative, every row kept. */
export function identity(d: ComponentData): Doubletons {
  const { numCols: n, numRows, starts, indices, values, rowLower, rowUpper } = d;
  return { numReps: n, rep: Int32Array.from({ length: n }, (_, i) => i), alpha: new Float64Array(n), beta: new Float64Array(n).fill(1), numRows, starts, indices, values, rowLower, rowUpper };
}

export function substituteDoubletons(d: ComponentData): Doubletons {
  const n = d.numCols;
  // Union-find with affine links: v = a[v] + b[v]·parent[v].
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const a = new Float64Array(n), b = new Float64Array(n).fill(1);
  const path: number[] = [];
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) path.push(root), (root = parent[root]);
    // Compressed from the root down (iteratively: chains run to thousands):
    // p = a[p] + b[p]·q with q = a[q] + b[q]·root.
    for (let i = path.length - 1; i >= 0; i--) {
      const p = path[i], q = parent[p];
      if (q !== root) (a[p] += b[p] * a[q]), (b[p] *= b[q]), (parent[p] = root);
    }
    path.length = 0;
    return root;
  };
  const substituted = new Uint8Array(d.numRows);
  for (let r = 0; r < d.numRows; r++) {
    const k = d.starts[r];
    if (d.starts[r + 1] - k !== 2 || d.rowLower[r] !== d.rowUpper[r]) continue;
    const u = d.indices[k], w = d.indices[k + 1];
    const ru = find(u), rw = find(w);
    if (ru === rw) continue; // a cycle: the row stays a row
    // c1·(a_u + b_u·ru) + c2·(a_w + b_w·rw) = rhs, solved for rw.
    const c1 = d.values[k] * b[u], c2 = d.values[k + 1] * b[w];
    const ratio = -c1 / c2;
    if (!(Math.abs(ratio) <= MAX_RATIO && Math.abs(ratio) >= 1 / MAX_RATIO)) continue;
    parent[rw] = ru;
    a[rw] = (d.rowLower[r] - d.values[k] * a[u] - d.values[k + 1] * a[w]) / c2;
    b[rw] = ratio;
    substituted[r] = 1;
  }
  const rep = new Int32Array(n), alpha = new Float64Array(n), beta = new Float64Array(n);
  const column = new Int32Array(n).fill(-1);
  let numReps = 0;
  for (let v = 0; v < n; v++) {
    const root = find(v);
    if (column[root] < 0) column[root] = numReps++;
    rep[v] = column[root];
    alpha[v] = root === v ? 0 : a[v];
    beta[v] = root === v ? 1 : b[v];
  }
  // The other rows over the representatives; identical rows merged.
  const starts = [0], indices: number[] = [], values: number[] = [], lower: number[] = [], upper: number[] = [];
  const seen = new Map<string, number>();
  const coef = new Map<number, number>();
  for (let r = 0; r < d.numRows; r++) {
    if (substituted[r]) continue;
    coef.clear();
    let constant = 0, big = 0;
    for (let k = d.starts[r]; k < d.starts[r + 1]; k++) {
      const v = d.indices[k], c = d.values[k];
      constant += c * alpha[v];
      coef.set(rep[v], (coef.get(rep[v]) ?? 0) + c * beta[v]);
      big = Math.max(big, Math.abs(c * beta[v]));
    }
    const terms = [...coef].filter(([, c]) => Math.abs(c) > CANCELLED * big).sort((x, y) => x[0] - y[0]);
    const lo = d.rowLower[r] - constant, hi = d.rowUpper[r] - constant;
    // An empty row that holds is dropped; one that does not stays, for the LP to call infeasible.
    if (!terms.length && lo <= 1e-9 * Math.max(1, Math.abs(lo)) && hi >= -1e-9 * Math.max(1, Math.abs(hi))) continue;
    const key = terms.map(([j, c]) => `${j}:${c}`).join(" ");
    const same = seen.get(key);
    if (same !== undefined) {
      lower[same] = Math.max(lower[same], lo);
      upper[same] = Math.min(upper[same], hi);
      continue;
    }
    seen.set(key, lower.length);
    for (const [j, c] of terms) indices.push(j), values.push(c);
    starts.push(indices.length);
    lower.push(lo);
    upper.push(hi);
  }
  return {
    numReps,
    rep,
    alpha,
    beta,
    numRows: lower.length,
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
  };
}

/**
 * Bounds of the representatives implied by bounds of the unknowns (each
 * unknown's interval mapped through its affine link, intersected per
 * representative). A crossing within rounding is closed at its middle.
 */
export function repBounds(s: Doubletons, lower: ArrayLike<number>, upper: ArrayLike<number>): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(s.numReps).fill(-Infinity), hi = new Float64Array(s.numReps).fill(Infinity);
  for (let v = 0; v < s.rep.length; v++) {
    const j = s.rep[v], bt = s.beta[v];
    const x = (lower[v] - s.alpha[v]) / bt, y = (upper[v] - s.alpha[v]) / bt;
    const l = bt > 0 ? x : y, u = bt > 0 ? y : x;
    if (l > lo[j]) lo[j] = l;
    if (u < hi[j]) hi[j] = u;
  }
  for (let j = 0; j < s.numReps; j++) {
    if (lo[j] > hi[j] && lo[j] - hi[j] <= 1e-9 * Math.max(1, Math.abs(lo[j]))) lo[j] = hi[j] = (lo[j] + hi[j]) / 2;
  }
  return { lo, hi };
}
