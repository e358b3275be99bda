// One connected component of the attacker's system as a HiGHS LP. The data is
// plain arrays, so a component can be solved in a worker thread as well as
// here (./pool.ts).
import highsModule, { type Highs } from "highs";
import { identity, repBounds, substituteDoubletons, type Doubletons } from "./doubletons.ts";

// The package is CommonJS with a default-export declaration; under Node's ESM
// interop the default import is the loader itself.
const loadHighs = highsModule as unknown as () => Promise<Highs>;
type Model = ReturnType<Highs["createModel"]>;

/** A component's substitution, made once however many LPs load it (the rescues load fresh copies). */
const substitutions = new WeakMap<ComponentData, Doubletons>();
const substitutionOf = (d: ComponentData): Doubletons => {
  let s = substitutions.get(d);
  if (!s) substitutions.set(d, (s = substituteDoubletons(d)));
  return s;
};

let runtime: Promise<Highs> | null = null;
export const highs = (): Promise<Highs> => (runtime ??= loadHighs());

/** Rows in compressed sparse row form, with their bounds. */
export interface Rows {
  numRows: number;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
}

/** A component's rows (fixed unknowns folded into the row bounds) and its unknowns' bounds. */
export interface ComponentData extends Rows {
  /** The first unknown's global id: seeds the component's random objectives. */
  seed: number;
  numCols: number;
  /** The unknowns' own bounds (the LP's columns). */
  colLower: Float64Array;
  colUpper: Float64Array;
  /** Propagated outer bounds: a feasible value at one of them is the optimum. */
  outerLo: Float64Array;
  outerHi: Float64Array;
  /** The spread a count needs to be neither narrow nor small (its threshold), 0 where none applies. */
  threshold: Float64Array;
  /**
   * Pairs (denominator, its numerator) flattened, local indices: the value
   * check wants the denominator's exact minimum when the numerator is pinned
   * at 0; -1 for a numerator fixed at 0 before any LP.
   */
  zeroPairs: Int32Array;
}

/** Model statuses that answer the question: optimal, infeasible, unbounded, unbounded or infeasible. */
const CONCLUSIVE = new Set([7, 8, 9, 10]);
const RETRIES = [
  { solver: "simplex", simplex_strategy: 1, presolve: "off" },
  { solver: "ipm", run_crossover: "on", presolve: "on" },
] as const;
/** The options every LP starts from; a retry or a spread round restores them after itself. */
export const WARM_OPTIONS = { solver: "simplex", simplex_strategy: 4, presolve: "off" } as const;

export type Solution = { obj: number; x: Float64Array | readonly number[] } | { obj: number; x: null } | null;

export class ComponentLP {
  readonly model: Model;
  /** The representatives' costs last set (before scaling). */
  private cost: Float64Array;
  private readonly sub: Doubletons;
  private warm = false;
  /** The options a retry restores: the warm simplex, or a spread round's own. */
  private base: Record<string, string | number> = { ...WARM_OPTIONS };
  /** Column scales (powers of 2): the LP's column j is representative j / scale[j]. */
  private readonly scale: Float64Array;
  /**
   * scaled: euro sums of 10⁸ beside counts of 1 leave HiGHS's absolute
   * tolerances (1e-7) at the edge of float precision: at the Helsinki scale it
   * called feasible LPs infeasible. Scaled, each column is divided by a power
   * of 2 near its magnitude and each row by one near its largest coefficient,
   * so the LP sees numbers near 1 (powers of 2 keep it exact). Only a rescue:
   * the spread rounds settle far fewer unknowns on the scaled LP (the euro
   * columns' costs then dwarf the counts').
   */
  constructor(readonly h: Highs, readonly data: ComponentData, scaled = false, substitute = true) {
    // The LP's columns are the representatives left by substituting the
    // doubleton equations (./doubletons.ts); without, one column per unknown.
    const sub = (this.sub = substitute ? substitutionOf(data) : identity(data));
    const { numReps: numCols, numRows } = sub;
    const pow2 = (x: number) => (Number.isFinite(x) && x > 1 ? 2 ** Math.floor(Math.log2(x)) : 1);
    const outer = scaled ? repBounds(sub, data.outerLo, data.outerHi) : null;
    this.scale = Float64Array.from({ length: numCols }, (_, j) => (outer ? pow2(Math.max(Number.isFinite(outer.lo[j]) ? Math.abs(outer.lo[j]) : 0, Number.isFinite(outer.hi[j]) ? Math.abs(outer.hi[j]) : 0)) : 1));
    const values = new Float64Array(sub.values.length);
    const rowLower = new Float64Array(numRows), rowUpper = new Float64Array(numRows);
    for (let r = 0; r < numRows; r++) {
      let big = 0;
      for (let k = sub.starts[r]; k < sub.starts[r + 1]; k++) big = Math.max(big, Math.abs((values[k] = sub.values[k] * this.scale[sub.indices[k]])));
      const rs = scaled && big > 0 ? 1 / 2 ** Math.floor(Math.log2(big)) : 1;
      for (let k = sub.starts[r]; k < sub.starts[r + 1]; k++) values[k] *= rs;
      rowLower[r] = sub.rowLower[r] * rs;
      rowUpper[r] = sub.rowUpper[r] * rs;
    }
    this.cost = new Float64Array(numCols);
    const cols = repBounds(sub, data.colLower, data.colUpper);
    try {
      this.model = h.createModel({
        numCols,
        numRows,
        colCost: [...this.cost],
        colLower: Array.from(cols.lo, (x, j) => x / this.scale[j]),
        colUpper: Array.from(cols.hi, (x, j) => x / this.scale[j]),
        rowLower: [...rowLower],
        rowUpper: [...rowUpper],
        matrix: { format: "csr" as const, numRows, numCols, starts: [...sub.starts], indices: [...sub.indices], values: [...values] },
      });
    } catch (e) {
      throw new Error(`cannot load a component of ${data.numCols} unknowns into HiGHS: ${(e as Error).message}`);
    }
    // The first LP starts from scratch: dual simplex with presolve. Without presolve it took
    // 36 s on the sample's largest component (23 092 unknowns, 45 623 rows); with it, 0.6 s.
    this.model.options.set({ output_flag: false, presolve: "on" });
  }

  /** New bounds of every unknown (in its own units). */
  setBounds(lower: ArrayLike<number>, upper: ArrayLike<number>): void {
    const { lo, hi } = repBounds(this.sub, lower, upper);
    for (let j = 0; j < lo.length; j++) (lo[j] /= this.scale[j]), (hi[j] /= this.scale[j]);
    this.model.changeColsBounds({ kind: "range", from: 0, to: lo.length - 1 }, lo, hi);
  }

  /** Optimises cost·x; returns the objective and the solution, or ±Infinity when unbounded, or null when infeasible. */
  run(cost: number[], maximise: boolean): Solution {
    const { rep, alpha, beta, numReps } = this.sub;
    const n = this.data.numCols;
    // cost·x = Σ cost_v·alpha_v + Σ_j (Σ_{v of j} cost_v·beta_v)·rep_j; the
    // objective stays in the unknowns' own units:
    // c_j·rep_j = (c_j·scale_j)·(rep_j/scale_j).
    const repCost = new Float64Array(numReps);
    let offset = 0;
    for (let v = 0; v < n; v++) {
      if (cost[v] === 0) continue;
      offset += cost[v] * alpha[v];
      repCost[rep[v]] += cost[v] * beta[v];
    }
    for (let j = 0; j < numReps; j++) if (repCost[j] !== this.cost[j]) this.model.changeColCost(j, repCost[j] * this.scale[j]);
    this.cost = repCost;
    const s = this.h.constants.objectiveSense;
    this.model.changeObjectiveSense(maximise ? s.maximize : s.minimize);
    // Numerical trouble from a warm start (an error, or status "unknown"): once more from scratch.
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
        this.model.options.set(this.base);
      }
    }
    // Only the objective changes from one LP to the next, so the last basis
    // stays primal feasible: primal simplex from it takes a few iterations
    // where dual simplex would redo hundreds (measured: ~5 ms vs ~200 ms).
    if (!this.warm) this.model.options.set({ simplex_strategy: 4, presolve: "off" }), (this.warm = true);
    const st = this.model.getModelStatus();
    const M = this.h.constants.modelStatus;
    if (st === M.optimal) {
      const y = this.model.getSolution().colValue;
      return { obj: this.model.getObjectiveValue() + offset, x: Float64Array.from({ length: n }, (_, v) => alpha[v] + beta[v] * (y[rep[v]] * this.scale[rep[v]])) };
    }
    if (st === M.unbounded) return { obj: maximise ? Infinity : -Infinity, x: null };
    if (st === M.infeasible) return null;
    if (st === M.unboundedOrInfeasible) {
      // Tell the two apart with a zero objective: feasible ⇒ unbounded.
      const again = this.run(new Array(n).fill(0), false);
      return again ? { obj: maximise ? Infinity : -Infinity, x: null } : null;
    }
    throw new Error(`LP ended with status ${st}`);
  }

  /** Options for the LPs that follow (a retry returns to them). */
  useOptions(options: Record<string, string | number>): void {
    this.base = { ...options };
    this.model.options.set(options);
  }

  dispose(): void {
    this.model.dispose();
  }
}
