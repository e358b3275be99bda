// Cheap, sound bounds before any LP: interval propagation over the rows
// (each unknown's range given the others' ranges). The bounds are outer
// bounds — valid for every feasible point — so an unknown whose bounds meet is
// pinned without an LP, and can be treated as a constant from then on.
import type { LinearSystem } from "./system.ts";

export interface Bounds {
  lo: Float64Array;
  hi: Float64Array;
  fixed: Uint8Array;
  /** Rows of each unknown. */
  rowsOf: number[][];
  conflicts: number;
  /** The unknowns whose bounds crossed: the rows through them contradict each other. */
  conflicting: number[];
}

const FIX_TOL = 1e-9;
const GAIN = 1e-9;

export function propagate(sys: LinearSystem, maxWorkPerRow = 40): Bounds {
  const n = sys.lo.length;
  const lo = Float64Array.from(sys.lo);
  const hi = Float64Array.from(sys.hi);
  const rowsOf: number[][] = Array.from({ length: n }, () => []);
  sys.rows.forEach((r, i) => r.vars.forEach((v) => rowsOf[v].push(i)));
  const queued = new Uint8Array(sys.rows.length).fill(1);
  let queue = sys.rows.map((_, i) => i);
  let budget = maxWorkPerRow * sys.rows.length + 1000;
  let conflicts = 0;
  const bad = new Uint8Array(n);
  while (queue.length && budget > 0) {
    const next: number[] = [];
    for (const ri of queue) {
      queued[ri] = 0;
      if (--budget < 0) break;
      const r = sys.rows[ri];
      // Activity range of the row, counting infinite contributions apart.
      let minF = 0, maxF = 0, minInf = 0, maxInf = 0;
      for (let j = 0; j < r.vars.length; j++) {
        const a = r.coefs[j], v = r.vars[j];
        const cmin = a > 0 ? a * lo[v] : a * hi[v];
        const cmax = a > 0 ? a * hi[v] : a * lo[v];
        if (Number.isFinite(cmin)) minF += cmin; else minInf++;
        if (Number.isFinite(cmax)) maxF += cmax; else maxInf++;
      }
      for (let j = 0; j < r.vars.length; j++) {
        const a = r.coefs[j], v = r.vars[j];
        const cmin = a > 0 ? a * lo[v] : a * hi[v];
        const cmax = a > 0 ? a * hi[v] : a * lo[v];
        const restMin = Number.isFinite(cmin) ? (minInf ? -Infinity : minF - cmin) : minInf > 1 ? -Infinity : minF;
        const restMax = Number.isFinite(cmax) ? (maxInf ? Infinity : maxF - cmax) : maxInf > 1 ? Infinity : maxF;
        // lo_r − restMax ≤ a·x ≤ hi_r − restMin
        const up = r.hi - restMin, down = r.lo - restMax;
        let newHi = a > 0 ? up / a : down / a;
        let newLo = a > 0 ? down / a : up / a;
        if (Number.isNaN(newHi)) newHi = Infinity;
        if (Number.isNaN(newLo)) newLo = -Infinity;
        // Bounds running away mean the rows contradict each other (checked by the LPs); stop chasing them.
        if (Math.abs(newHi) > 1e13) newHi = Infinity;
        if (Math.abs(newLo) > 1e13) newLo = -Infinity;
        if (bad[v]) continue;
        let changed = false;
        if (newHi < hi[v] - GAIN * Math.max(1, Math.abs(newHi))) (hi[v] = newHi), (changed = true);
        if (newLo > lo[v] + GAIN * Math.max(1, Math.abs(newLo))) (lo[v] = newLo), (changed = true);
        if (changed) {
          if (lo[v] > hi[v]) {
            // Rounding can cross the bounds by a hair; more than that is a contradiction.
            if (lo[v] - hi[v] > 1e-6 * Math.max(1, Math.abs(hi[v]))) {
              conflicts++;
              bad[v] = 1;
              (lo[v] = sys.lo[v]), (hi[v] = sys.hi[v]);
            } else lo[v] = hi[v] = (lo[v] + hi[v]) / 2;
          }
          for (const o of rowsOf[v]) if (o !== ri && !queued[o]) (queued[o] = 1), next.push(o);
        }
      }
    }
    queue = next;
  }
  const fixed = new Uint8Array(n);
  // Only finite bounds that meet pin an unknown (an unbounded one is anything but fixed).
  for (let v = 0; v < n; v++) if (Number.isFinite(hi[v]) && Number.isFinite(lo[v]) && hi[v] - lo[v] <= FIX_TOL * Math.max(1, Math.abs(hi[v]))) fixed[v] = 1;
  const conflicting: number[] = [];
  for (let v = 0; v < n; v++) if (bad[v]) conflicting.push(v);
  return { lo, hi, fixed, rowsOf, conflicts, conflicting };
}
