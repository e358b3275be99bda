// Exact ranges of the unknowns, one connected component at a time, with the
// HiGHS LP solver. Few LPs are needed in practice: every optimal solution is a
// feasible point, and an unknown seen at two values at least as far apart as
// its check requires can be neither pinned nor narrow, so it needs no LP of
// its own. Random objectives, then boxed rounds that spread many unknowns per
// LP, settle most; only the rest get max/min LPs — exactly what the checks
// need (measured on the tiny generated extract: 2 400 LPs where one pair per
// unknown took 72 000, same findings).
import highsModule, { type Highs } from "highs";
import type { Bounds } from "./propagate.ts";
import type { LinearSystem } from "./system.ts";

// The package is CommonJS with a default-export declaration; under Node's ESM
// interop the default import is the loader itself.
const loadHighs = highsModule as unknown as () => Promise<Highs>;
type HighsRuntime = Highs;
type Model = ReturnType<HighsRuntime["createModel"]>;

export interface Ranges {
  min: Float64Array;
  max: Float64Array;
  /** 1 where the bound is the true optimum, 0 where it is only a value seen at a feasible point. */
  minExact: Uint8Array;
  maxExact: Uint8Array;
  lps: number;
  infeasibleComponents: number;
}

export const pinTol = (max: number): number => 1e-7 * (Number.isFinite(max) ? Math.max(1, Math.abs(max)) : 1);
const EXACT_TOL = 1e-9;
/** Rounds of boxed spreading before the unknowns left get LPs of their own. */
const SPREAD_ROUNDS = 40;
/** How far beyond the values seen an unknown not being spread may go in a round (a box: any point found is feasible). */
const SPREAD_BOX = 1e4;

/** Deterministic pseudo-random numbers (mulberry32) for the sampling objectives. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Model statuses that answer the question: optimal, infeasible, unbounded, unbounded or infeasible. */
const CONCLUSIVE = new Set([7, 8, 9, 10]);

const RETRIES = [
  { solver: "simplex", simplex_strategy: 1, presolve: "off" },
  { solver: "ipm", run_crossover: "on", presolve: "on" },
] as const;

let runtime: Promise<HighsRuntime> | null = null;
export const highs = (): Promise<HighsRuntime> => (runtime ??= loadHighs());

/** The value of a fixed unknown, used as a constant elsewhere. */
const mid = (b: Bounds, v: number) => (b.lo[v] + b.hi[v]) / 2;

/** One component as an LP: its unknowns, and every row touching them (fixed unknowns as constants). */
class ComponentLP {
  readonly local = new Map<number, number>();
  readonly model: Model;
  private cost: number[];
  private warm = false;
  constructor(readonly h: HighsRuntime, readonly sys: LinearSystem, readonly b: Bounds, readonly vars: number[]) {
    vars.forEach((v, i) => this.local.set(v, i));
    const rowIds = [...new Set(vars.flatMap((v) => b.rowsOf[v]))].sort((x, y) => x - y);
    const starts = [0], indices: number[] = [], values: number[] = [], rowLower: number[] = [], rowUpper: number[] = [];
    for (const ri of rowIds) {
      const r = sys.rows[ri];
      let c = 0;
      r.vars.forEach((v, j) => {
        const l = this.local.get(v);
        if (l === undefined) c += r.coefs[j] * mid(b, v); // fixed (any unfixed unknown of this row is in this component)
        else (indices.push(l), values.push(r.coefs[j]));
      });
      starts.push(indices.length);
      rowLower.push(r.lo - c);
      rowUpper.push(r.hi - c);
    }
    this.cost = new Array(vars.length).fill(0);
    const numRows = rowIds.length, numCols = vars.length;
    const data = {
      numCols,
      numRows,
      colCost: this.cost,
      colLower: vars.map((v) => sys.lo[v]),
      colUpper: vars.map((v) => sys.hi[v]),
      rowLower,
      rowUpper,
      matrix: { format: "csr" as const, numRows, numCols, starts, indices, values },
    };
    try {
      this.model = h.createModel(data);
    } catch (e) {
      throw new Error(`cannot load a component of ${vars.length} unknowns into HiGHS: ${(e as Error).message}`);
    }
    this.model.options.set({ output_flag: false, presolve: "off" });
  }

  /** Optimises cost·x; returns the objective and the solution, or ±Infinity when unbounded, or null when infeasible. */
  run(cost: number[], maximise: boolean): { obj: number; x: Float64Array | readonly number[] } | { obj: number; x: null } | null {
    const n = this.vars.length;
    for (let i = 0; i < n; i++) if (cost[i] !== this.cost[i]) this.model.changeColCost(i, cost[i]);
    this.cost = cost.slice();
    const s = this.h.constants.objectiveSense;
    this.model.changeObjectiveSense(maximise ? s.maximize : s.minimize);
    // Numerical trouble from a warm start (an error, or status "unknown"): once more from scratch, by dual simplex.
    let settled = false;
    try {
      this.model.run();
      settled = CONCLUSIVE.has(this.model.getModelStatus());
    } catch {
      settled = false;
    }
    // Then from scratch: dual simplex, then interior point with presolve.
    for (const retry of RETRIES) {
      if (settled) break;
      this.model.clearSolver();
      this.model.options.set(retry);
      try {
        this.model.run();
        settled = CONCLUSIVE.has(this.model.getModelStatus());
      } catch (e) {
        if (retry === RETRIES.at(-1)) throw e;
      } finally {
        this.model.options.set({ solver: "simplex", simplex_strategy: 4, presolve: "off" });
      }
    }
    // Only the objective changes from one LP to the next, so the last basis
    // stays primal feasible: primal simplex from it takes a few iterations
    // where dual simplex would redo hundreds (measured: ~5 ms vs ~200 ms).
    if (!this.warm) this.model.options.set({ simplex_strategy: 4 }), (this.warm = true);
    const st = this.model.getModelStatus();
    const M = this.h.constants.modelStatus;
    if (st === M.optimal) return { obj: this.model.getObjectiveValue(), x: this.model.getSolution().colValue };
    if (st === M.unbounded) return { obj: maximise ? Infinity : -Infinity, x: null };
    if (st === M.infeasible) return null;
    if (st === M.unboundedOrInfeasible) {
      // Tell the two apart with a zero objective: feasible ⇒ unbounded.
      const again = this.run(new Array(n).fill(0), false);
      this.cost = new Array(n).fill(0);
      return again ? { obj: maximise ? Infinity : -Infinity, x: null } : null;
    }
    throw new Error(`LP ended with status ${st}`);
  }

  dispose(): void {
    this.model.dispose();
  }
}

/**
 * needFor(v, lo): the spread that proves v needs no LP (its threshold while it
 * may be a small cell, else the pinning tolerance); wantMin: unknowns whose
 * exact minimum is wanted whatever the spread.
 */
export async function solveRanges(
  sys: LinearSystem,
  b: Bounds,
  comps: number[][],
  needFor: (v: number, observedMax: number) => number,
  log: (m: string) => void = () => {},
): Promise<Ranges & { exactMin: (vs: number[]) => Promise<void> }> {
  const h = await highs();
  const n = sys.lo.length;
  const min = new Float64Array(n).fill(Infinity);
  const max = new Float64Array(n).fill(-Infinity);
  const minExact = new Uint8Array(n);
  const maxExact = new Uint8Array(n);
  const out = { min, max, minExact, maxExact, lps: 0, infeasibleComponents: 0 };
  const compOf = new Int32Array(n).fill(-1);
  comps.forEach((c, i) => c.forEach((v) => (compOf[v] = i)));

  for (let v = 0; v < n; v++) if (b.fixed[v]) (min[v] = b.lo[v]), (max[v] = b.hi[v]), (minExact[v] = maxExact[v] = 1);

  const observe = (vars: number[], x: ArrayLike<number>) => {
    for (let i = 0; i < vars.length; i++) {
      const v = vars[i];
      if (!minExact[v] && x[i] < min[v]) min[v] = x[i];
      if (!maxExact[v] && x[i] > max[v]) max[v] = x[i];
      // A feasible value at a proven outer bound is the optimum.
      if (min[v] <= b.lo[v] + EXACT_TOL * Math.max(1, Math.abs(b.lo[v]))) minExact[v] = 1;
      if (max[v] >= b.hi[v] - EXACT_TOL * Math.max(1, Math.abs(b.hi[v]))) maxExact[v] = 1;
    }
  };

  /** A component as an LP, or null when HiGHS refuses it: unverifiable, counted with the contradictions, so the CLI refuses to vouch. */
  const load = (vars: number[]): ComponentLP | null => {
    try {
      return new ComponentLP(h, sys, b, vars);
    } catch (e) {
      log((e as Error).message);
      out.infeasibleComponents++;
      return null;
    }
  };

  /**
   * Settles many unknowns per LP: each round pushes a random half of the open
   * unknowns up and the other half down, each boxed to go no further than its
   * check still needs (a box only narrows the feasible set, so every point
   * found is feasible). Boxed, a unit counts as much for every unknown, so the
   * optimum spreads many at once rather than one far; random halves split the
   * pairs that can only move against each other. Whatever is left gets LPs of
   * its own, which alone prove a range exact.
   */
  const spreadRounds = (lp: ComponentLP, vars: number[], open: number[], resolved: (v: number) => boolean, r: () => number): void => {
    const n = vars.length;
    const lower = new Float64Array(n), upper = new Float64Array(n), cost = new Array<number>(n);
    let idle = 0;
    // Every round changes bounds and costs at once, so a warm basis saves
    // little; interior point with crossover (a vertex, as the checks need)
    // measured several times faster here than simplex. Limits guard against a
    // boxed LP the solver labours over: the unboxed LPs below decide then.
    lp.model.options.set({ solver: "ipm", run_crossover: "on", presolve: "on", ipm_iteration_limit: 300, time_limit: 20 });
    for (let round = 0; round < SPREAD_ROUNDS && open.length && idle < 2; round++) {
      vars.forEach((v, i) => {
        lower[i] = Math.max(b.lo[v], min[v] - SPREAD_BOX - Math.abs(min[v]));
        upper[i] = Math.min(b.hi[v], max[v] + SPREAD_BOX + Math.abs(max[v]));
        cost[i] = 0;
      });
      for (const v of open) {
        const i = lp.local.get(v)!;
        const room = Math.max(1, needFor(v, max[v]) - (max[v] - min[v]));
        if (r() < 0.5) (cost[i] = 1), (upper[i] = Math.min(upper[i], max[v] + room));
        else (cost[i] = -1), (lower[i] = Math.max(lower[i], min[v] - room));
      }
      lp.model.changeColsBounds({ kind: "range", from: 0, to: n - 1 }, lower, upper);
      let s: ReturnType<ComponentLP["run"]>;
      try {
        lp.model.zeroAllClocks(); // the time limit is cumulative per model; here it is per LP
        s = lp.run(cost, true);
      } catch {
        break; // the solver's numerical trouble on a boxed LP: the unboxed LPs below decide
      }
      out.lps++;
      // Boxed, "infeasible" can only be the solver's tolerance at the box's
      // edge (the last point found lies inside it): leave the rest to the
      // unboxed LPs, which tell a real contradiction.
      if (!s) break;
      if (s.x) observe(vars, s.x);
      const before = open.length;
      open = open.filter((v) => !resolved(v));
      idle = open.length === before ? idle + 1 : 0;
    }
    lp.model.changeColsBounds({ kind: "range", from: 0, to: n - 1 }, Float64Array.from(vars, (v) => sys.lo[v]), Float64Array.from(vars, (v) => sys.hi[v]));
    lp.model.options.set({ solver: "simplex", simplex_strategy: 4, presolve: "off", ipm_iteration_limit: 2147483647, time_limit: 1e9 });
  };

  for (const vars of comps) {
    if (vars.length === 1 && vars.every((v) => b.rowsOf[v].every((ri) => sys.rows[ri].vars.every((u) => u === v || b.fixed[u])))) {
      loneRange(sys, b, vars[0], out);
      continue;
    }
    const lp = load(vars);
    if (!lp) continue;
    const lps0 = out.lps, t0 = performance.now();
    try {
      const r = rng(vars[0] + 1);
      const resolved = (v: number) => Boolean(minExact[v] && maxExact[v]) || max[v] - min[v] >= needFor(v, max[v]);
      // A first feasible point (zero objective), from which the rounds spread the unknowns.
      const first = lp.run(new Array(vars.length).fill(0), false);
      out.lps++;
      if (!first) {
        out.infeasibleComponents++;
        continue;
      }
      if (first.x) observe(vars, first.x);
      const open = vars.filter((v) => !resolved(v));
      if (open.length) spreadRounds(lp, vars, open, resolved, r);
      const unit = new Array(vars.length).fill(0);
      for (let i = 0; i < vars.length; i++) {
        const v = vars[i];
        if (resolved(v)) continue;
        unit.fill(0);
        unit[i] = 1;
        for (const maximise of [true, false]) {
          const [bound, exact] = maximise ? [max, maxExact] : [min, minExact];
          if (exact[v]) continue;
          const s = lp.run(unit, maximise)!;
          out.lps++;
          if (s.x) observe(vars, s.x);
          bound[v] = s.obj;
          exact[v] = 1;
          if (resolved(v)) break;
        }
      }
    } finally {
      lp.dispose();
      if (vars.length >= 1000) log(`component of ${vars.length} unknowns: ${out.lps - lps0} LPs in ${Math.round(performance.now() - t0)} ms`);
    }
  }

  /** Exact minima on demand (the value check wants "denominator min > 0"). */
  const exactMin = async (want: number[]) => {
    const byComp = new Map<number, number[]>();
    for (const v of want) if (!minExact[v] && compOf[v] >= 0) byComp.set(compOf[v], [...(byComp.get(compOf[v]) ?? []), v]);
    for (const [ci, vs] of [...byComp].sort((x, y) => x[0] - y[0])) {
      const vars = comps[ci];
      const lp = load(vars);
      if (!lp) continue;
      try {
        for (const v of vs) {
          const unit = new Array(vars.length).fill(0);
          unit[lp.local.get(v)!] = 1;
          const s = lp.run(unit, false);
          out.lps++;
          if (!s) break;
          min[v] = s.obj;
          minExact[v] = 1;
        }
      } finally {
        lp.dispose();
      }
    }
  };
  return Object.assign(out, { exactMin });
}

/** An unknown whose rows hold no other free unknown: its range is the intersection of those rows. */
function loneRange(sys: LinearSystem, b: Bounds, v: number, out: Ranges): void {
  let lo = sys.lo[v], hi = sys.hi[v];
  for (const ri of b.rowsOf[v]) {
    const r = sys.rows[ri];
    let a = 0, c = 0;
    r.vars.forEach((u, j) => (u === v ? (a += r.coefs[j]) : (c += r.coefs[j] * mid(b, u))));
    const up = (r.hi - c) / a, down = (r.lo - c) / a;
    if (a > 0) (hi = Math.min(hi, up)), (lo = Math.max(lo, down));
    else (hi = Math.min(hi, down)), (lo = Math.max(lo, up));
  }
  if (lo > hi) {
    if (lo - hi > 1e-6 * Math.max(1, Math.abs(hi))) out.infeasibleComponents++;
    lo = hi = (lo + hi) / 2;
  }
  out.min[v] = lo;
  out.max[v] = hi;
  out.minExact[v] = out.maxExact[v] = 1;
}
