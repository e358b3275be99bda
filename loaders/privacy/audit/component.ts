// Exact ranges of one component's unknowns. Few LPs are needed in practice:
// every optimal solution is a feasible point, and an unknown seen at two
// values at least as far apart as its check requires can be neither pinned
// nor narrow, so it needs no LP of its own. A first feasible point, then
// boxed rounds that spread many unknowns per LP, settle most; only the rest
// get max/min LPs — exactly what the checks need (measured on the tiny
// generated extract: 2 400 LPs where one pair per unknown took 72 000, same
// findings).
import type { Highs } from "highs";
import { ComponentLP, WARM_OPTIONS, type ComponentData, type Solution } from "./lp.ts";
import { mulberry32 } from "../../../src/lib/random.ts";

export const pinTol = (max: number): number => 1e-7 * (Number.isFinite(max) ? Math.max(1, Math.abs(max)) : 1);
const EXACT_TOL = 1e-9;
/** Rounds of boxed spreading before the unknowns left get LPs of their own. */
const SPREAD_ROUNDS = 40;
/**
 * A round that settles fewer unknowns than this ends the rounds: a round
 * costs a whole interior-point solve (about 0.2 s on the sample's components
 * of 5 000–7 000 unknowns), an unknown's own LPs a few warm simplex steps.
 * The long tails, one to eight unknowns a round for sixteen rounds, went from
 * 5.9, 5.3 and 4.9 s to about 4.0 s each; the audit 142 s → 116 s with the
 * substitutions of ./doubletons.ts, the same findings.
 */
const MIN_SETTLED = 10;
/** How far beyond the values seen an unknown not being spread may go in a round (a box: any point found is feasible). */
const SPREAD_BOX = 1e4;
/** A spread round's solver: interior point with crossover (a vertex, as the checks need), limited so a hard boxed LP cannot stall the audit. */
const SPREAD_OPTIONS = { solver: "ipm", run_crossover: "on", presolve: "on", ipm_iteration_limit: 300, time_limit: 20 } as const;
const UNLIMITED = { ...WARM_OPTIONS, ipm_iteration_limit: 2147483647, time_limit: 1e9 } as const;

/** What is known of a component's unknowns (local indices): values seen and whether they are the optimum. */
export interface ComponentRanges {
  min: Float64Array;
  max: Float64Array;
  minExact: Uint8Array;
  maxExact: Uint8Array;
  lps: number;
  /** The component has no feasible point, or HiGHS refused it: the audit cannot vouch for it. */
  infeasible: boolean;
  messages: string[];
}

function emptyRanges(n: number): ComponentRanges {
  return { min: new Float64Array(n).fill(Infinity), max: new Float64Array(n).fill(-Infinity), minExact: new Uint8Array(n), maxExact: new Uint8Array(n), lps: 0, infeasible: false, messages: [] };
}

/** Records a feasible point; a value at a proven outer bound is the optimum. */
function observe(d: ComponentData, r: ComponentRanges, x: ArrayLike<number>): void {
  for (let i = 0; i < d.numCols; i++) {
    if (!r.minExact[i] && x[i] < r.min[i]) r.min[i] = x[i];
    if (!r.maxExact[i] && x[i] > r.max[i]) r.max[i] = x[i];
    if (r.min[i] <= d.outerLo[i] + EXACT_TOL * Math.max(1, Math.abs(d.outerLo[i]))) r.minExact[i] = 1;
    if (r.max[i] >= d.outerHi[i] - EXACT_TOL * Math.max(1, Math.abs(d.outerHi[i]))) r.maxExact[i] = 1;
  }
}

/** Solvers for an LP whose component is known feasible but that came back "infeasible" (on the scaled LP). */
const RESCUE = [
  WARM_OPTIONS,
  { solver: "simplex", simplex_strategy: 4, presolve: "on" },
  { solver: "simplex", simplex_strategy: 1, presolve: "on" },
  { solver: "ipm", run_crossover: "on", presolve: "on" },
] as const;

/**
 * An LP whose "infeasible" may be the solver's numerical trouble: seen at the
 * Helsinki scale, where euro sums of 10⁸ meet counts of 1, every solver
 * called some bounded maxima of feasible components infeasible, even from
 * scratch, and the presolved first LP whole components; on a scaled copy of
 * the LP (lp.ts) they are found. null only when every solver agrees.
 */
function solveFeasible(h: Highs, lp: ComponentLP, cost: number[], maximise: boolean): Solution {
  const s = lp.run(cost, maximise);
  if (s) return s;
  const rescued = onScaledCopy(h, lp.data, cost, maximise);
  rescued.lp?.dispose();
  return rescued.s;
}

/**
 * The LP on fresh scaled copies, with each of RESCUE's solvers in turn: the
 * copy and solution of the first that finds one (the caller keeps or disposes
 * it), lp null when none does; tried: how many were run.
 */
function onScaledCopy(h: Highs, data: ComponentData, cost: number[], maximise: boolean): { lp: ComponentLP | null; s: Solution; tried: number } {
  let tried = 0;
  for (const options of RESCUE) {
    const fresh = new ComponentLP(h, data, true);
    let s: Solution = null;
    try {
      fresh.useOptions(options);
      tried++;
      s = fresh.run(cost, maximise);
    } finally {
      if (!s) fresh.dispose();
    }
    if (s) return { lp: fresh, s, tried };
  }
  return { lp: null, s: null, tried };
}

function load(h: Highs, d: ComponentData, r: ComponentRanges): ComponentLP | null {
  try {
    return new ComponentLP(h, d);
  } catch (e) {
    r.messages.push((e as Error).message);
    r.infeasible = true;
    return null;
  }
}

/** The spread that settles unknown i: its threshold while it may be a small count, else ten times the pinning tolerance. */
const need = (d: ComponentData, r: ComponentRanges, i: number) => {
  const tol = 10 * pinTol(r.max[i]);
  return d.threshold[i] > 0 && d.outerLo[i] < d.threshold[i] ? Math.max(d.threshold[i], tol) : tol;
};

export function rangesOfComponent(h: Highs, d: ComponentData): ComponentRanges {
  const n = d.numCols;
  const r = emptyRanges(n);
  let lp = load(h, d, r);
  if (!lp) return r;
  const resolved = (i: number) => Boolean(r.minExact[i] && r.maxExact[i]) || r.max[i] - r.min[i] >= need(d, r, i);
  try {
    // A first feasible point (zero objective), from which the rounds spread the unknowns.
    let first = lp.run(new Array(n).fill(0), false);
    r.lps++;
    if (!first) {
      // "Infeasible" only when every solver says so on the scaled copy too: at
      // the Helsinki scale the presolved first LP called three components of
      // euro sums infeasible that the scaled copy solves. The component then
      // goes on with the scaled copy: about 1 s each, where rescuing every LP
      // afresh took 33–44 s.
      const rescued = onScaledCopy(h, d, new Array(n).fill(0), false);
      r.lps += rescued.tried;
      if (rescued.lp) {
        lp.dispose();
        lp = rescued.lp;
        lp.useOptions(WARM_OPTIONS);
        first = rescued.s;
      }
    }
    if (!first) {
      r.infeasible = true;
      r.messages.push(`a component of ${n} unknowns has no feasible point: the published figures contradict the sums read from them`);
      return r;
    }
    if (first.x) observe(d, r, first.x);
    const open: number[] = [];
    for (let i = 0; i < n; i++) if (!resolved(i)) open.push(i);
    if (open.length) spreadRounds(lp, d, r, open, resolved, mulberry32(d.seed + 1));
    const unit = new Array(n).fill(0);
    for (let i = 0; i < n; i++) {
      if (resolved(i)) continue;
      unit.fill(0);
      unit[i] = 1;
      let lost = false;
      for (const maximise of [true, false]) {
        const [bound, exact] = maximise ? [r.max, r.maxExact] : [r.min, r.minExact];
        if (exact[i]) continue;
        const s = solveFeasible(lp.h, lp, unit, maximise);
        r.lps++;
        // No answer one way: the other may still show the unknown free enough.
        if (!s) {
          lost = true;
          continue;
        }
        if (s.x) observe(d, r, s.x);
        bound[i] = s.obj;
        exact[i] = 1;
        if (resolved(i)) break;
      }
      if (lost && !resolved(i)) {
        r.infeasible = true;
        r.messages.push(`a component of ${n} unknowns: the solver cannot bound one of them (numerical trouble)`);
        return r;
      }
    }
    // Exact minima the value check may want, while the model is warm.
    const wanted = new Set<number>();
    const zero = (i: number) => r.minExact[i] && r.maxExact[i] && Math.max(Math.abs(r.min[i]), Math.abs(r.max[i])) <= pinTol(0);
    for (let k = 0; k < d.zeroPairs.length; k += 2) {
      const den = d.zeroPairs[k], top = d.zeroPairs[k + 1];
      if (!r.minExact[den] && (top < 0 || zero(top))) wanted.add(den);
    }
    if (wanted.size) exactMinima(lp, d, r, [...wanted].sort((a, b) => a - b));
  } finally {
    lp.dispose();
  }
  return r;
}

/**
 * Settles many unknowns per LP: each round pushes some of the open unknowns
 * up and the others down (direction()), each boxed to go no further than its
 * check still needs (a box only narrows the feasible set, so every point
 * found is feasible). Boxed, a unit counts as much for every unknown, so the
 * optimum spreads many at once rather than one far; random first directions
 * split the pairs that can only move against each other. Whatever is left gets LPs of
 * its own, which alone prove a range exact.
 */
function spreadRounds(lp: ComponentLP, d: ComponentData, r: ComponentRanges, open: number[], resolved: (i: number) => boolean, random: () => number): void {
  const n = d.numCols;
  const lower = new Float64Array(n), upper = new Float64Array(n), cost = new Array<number>(n);
  /** The direction each unknown was last pushed: 1 up, -1 down, 0 not yet. */
  const last = new Int8Array(n);
  // Every round changes bounds and costs at once, so a warm basis saves
  // little; interior point with crossover measured several times faster here
  // than simplex. The limits guard against a boxed LP the solver labours
  // over: the unboxed LPs after the rounds decide then.
  lp.useOptions(SPREAD_OPTIONS);
  for (let round = 0; round < SPREAD_ROUNDS && open.length; round++) {
    for (let i = 0; i < n; i++) {
      lower[i] = Math.max(d.outerLo[i], r.min[i] - SPREAD_BOX - Math.abs(r.min[i]));
      upper[i] = Math.min(d.outerHi[i], r.max[i] + SPREAD_BOX + Math.abs(r.max[i]));
      cost[i] = 0;
    }
    for (const i of open) {
      const room = Math.max(1, need(d, r, i) - (r.max[i] - r.min[i]));
      const up = direction(r, i, last[i], random);
      last[i] = up ? 1 : -1;
      if (up) (cost[i] = 1), (upper[i] = Math.min(upper[i], r.max[i] + room));
      else (cost[i] = -1), (lower[i] = Math.max(lower[i], r.min[i] - room));
    }
    lp.setBounds(lower, upper);
    let s: ReturnType<ComponentLP["run"]>;
    try {
      lp.model.zeroAllClocks(); // the time limit is cumulative per model; here it is per LP
      s = lp.run(cost, true);
    } catch {
      break; // the solver's numerical trouble on a boxed LP: the unboxed LPs decide
    }
    r.lps++;
    // Boxed, "infeasible" can only be the solver's tolerance at the box's
    // edge (the last point found lies inside it): leave the rest to the
    // unboxed LPs, which tell a real contradiction.
    if (!s) break;
    if (s.x) observe(d, r, s.x);
    const before = open.length;
    open = open.filter((i) => !resolved(i));
    if (before - open.length < MIN_SETTLED) break;
  }
  lp.setBounds(d.colLower, d.colUpper);
  lp.useOptions(UNLIMITED);
}

/**
 * Which way a round pushes open unknown i: away from a bound already proven
 * exact (it cannot go further that way), else the opposite of its last push.
 * An unknown still open after a round has, in practice, not moved (the
 * optimum is a vertex, where a pushed unknown sits at its box's edge, settled,
 * or where it started): the way it was pushed is blocked. A fair coin the
 * first time. Measured on the sample's components of 6 740 and 23 092
 * unknowns: 15 and 46 LPs with a coin every round, 7 and 29 LPs so
 * (4.3 s → 2.4 s, 10.4 s → 5.2 s), with the same findings; the whole audit
 * 3 986 → 1 851 LPs.
 */
function direction(r: ComponentRanges, i: number, last: number, random: () => number): boolean {
  if (r.minExact[i] && !r.maxExact[i]) return true;
  if (r.maxExact[i] && !r.minExact[i]) return false;
  return last ? last < 0 : random() < 0.5;
}

/**
 * Exact minima of some unknowns (the value check wants "denominator min > 0").
 * One LP minimises all of them at once: each that reaches its outer lower
 * bound is settled by that point; the rest are minimised again together, and
 * only those a joint LP no longer moves get an LP of their own.
 */
function exactMinima(lp: ComponentLP, d: ComponentData, r: ComponentRanges, wanted: number[]): void {
  const cost = new Array(d.numCols).fill(0);
  let open = wanted.filter((i) => !r.minExact[i]);
  while (open.length > 1) {
    cost.fill(0);
    for (const i of open) cost[i] = 1;
    const s = solveFeasible(lp.h, lp, cost, false);
    r.lps++;
    if (!s) return void (r.infeasible = true);
    if (s.x) observe(d, r, s.x);
    const left = open.filter((i) => !r.minExact[i]);
    if (left.length === open.length) break;
    open = left;
  }
  for (const i of open) {
    if (r.minExact[i]) continue;
    cost.fill(0);
    cost[i] = 1;
    const s = solveFeasible(lp.h, lp, cost, false);
    r.lps++;
    if (!s) return void (r.infeasible = true);
    if (s.x) observe(d, r, s.x);
    r.min[i] = s.obj;
    r.minExact[i] = 1;
  }
}

/** Exact minima asked for after the ranges (a component reloaded: the ranges' own pass covers most). */
export function minimaOfComponent(h: Highs, d: ComponentData, wanted: number[], known: { min: Float64Array }): ComponentRanges {
  const r = emptyRanges(d.numCols);
  r.min.set(known.min);
  const lp = load(h, d, r);
  if (!lp) return r;
  try {
    exactMinima(lp, d, r, wanted);
  } finally {
    lp.dispose();
  }
  return r;
}
