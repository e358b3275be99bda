// Exact ranges of the unknowns, one connected component at a time
// (./component.ts), on every core (./pool.ts).
import type { ComponentRanges } from "./component.ts";
import type { ComponentData } from "./lp.ts";
import { runTasks, type Task } from "./pool.ts";
import type { Bounds } from "./propagate.ts";
import type { LinearSystem } from "./system.ts";

export { pinTol } from "./component.ts";

export interface Ranges {
  min: Float64Array;
  max: Float64Array;
  /** 1 where the bound is the true optimum, 0 where it is only a value seen at a feasible point. */
  minExact: Uint8Array;
  maxExact: Uint8Array;
  lps: number;
  infeasibleComponents: number;
  /** The unknowns of the components with no feasible point. */
  infeasibleVars: number[];
}

/** The value of a fixed unknown, used as a constant elsewhere. */
const mid = (b: Bounds, v: number) => (b.lo[v] + b.hi[v]) / 2;

/** One component as plain arrays: its unknowns, and every row touching them (fixed unknowns as constants). */
function componentData(sys: LinearSystem, b: Bounds, vars: number[], threshold: (v: number) => number, topsOf: (v: number) => readonly number[] | undefined): ComponentData {
  const local = new Map<number, number>();
  vars.forEach((v, i) => local.set(v, i));
  const rowIds = [...new Set(vars.flatMap((v) => b.rowsOf[v]))].sort((x, y) => x - y);
  const starts = [0], indices: number[] = [], values: number[] = [], rowLower: number[] = [], rowUpper: number[] = [];
  for (const ri of rowIds) {
    const r = sys.rows[ri];
    let c = 0;
    r.vars.forEach((v, j) => {
      const l = local.get(v);
      if (l === undefined) c += r.coefs[j] * mid(b, v); // fixed (any unfixed unknown of this row is in this component)
      else (indices.push(l), values.push(r.coefs[j]));
    });
    starts.push(indices.length);
    rowLower.push(r.lo - c);
    rowUpper.push(r.hi - c);
  }
  return {
    seed: vars[0],
    numCols: vars.length,
    numRows: rowIds.length,
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    colLower: Float64Array.from(vars, (v) => sys.lo[v]),
    colUpper: Float64Array.from(vars, (v) => sys.hi[v]),
    outerLo: Float64Array.from(vars, (v) => b.lo[v]),
    outerHi: Float64Array.from(vars, (v) => b.hi[v]),
    threshold: Float64Array.from(vars, threshold),
    zeroPairs: Int32Array.from(
      vars.flatMap((v, i) =>
        (topsOf(v) ?? []).flatMap((t) => {
          if (local.has(t)) return [i, local.get(t)!];
          return b.fixed[t] && Math.abs(mid(b, t)) <= 1e-9 ? [i, -1] : []; // a numerator elsewhere: exactMin after the ranges
        }),
      ),
    ),
  };
}

/**
 * threshold(v): the count threshold of a withheld count that may be small (0
 * where none applies); an unknown seen spread that far, or ten pinning
 * tolerances where there is no threshold, needs no LP of its own.
 * topsOf(v): the numerators over denominator v; where one is pinned at 0,
 * v's exact minimum is solved with its component's ranges (cheaper than
 * reloading the component for exactMin afterwards).
 */
export async function solveRanges(
  sys: LinearSystem,
  b: Bounds,
  comps: number[][],
  threshold: (v: number) => number,
  topsOf: (v: number) => readonly number[] | undefined,
  log: (m: string) => void = () => {},
): Promise<Ranges & { exactMin: (vs: number[]) => Promise<void> }> {
  const n = sys.lo.length;
  const out: Ranges = { min: new Float64Array(n).fill(Infinity), max: new Float64Array(n).fill(-Infinity), minExact: new Uint8Array(n), maxExact: new Uint8Array(n), lps: 0, infeasibleComponents: 0, infeasibleVars: [] };
  const compOf = new Int32Array(n).fill(-1);
  comps.forEach((c, i) => c.forEach((v) => (compOf[v] = i)));
  for (let v = 0; v < n; v++) if (b.fixed[v]) (out.min[v] = b.lo[v]), (out.max[v] = b.hi[v]), (out.minExact[v] = out.maxExact[v] = 1);

  /** A component's LPs, trouble and messages, counted once whichever pass solved it. */
  const account = (r: ComponentRanges, vars: readonly number[]) => {
    out.lps += r.lps;
    if (r.infeasible) {
      out.infeasibleComponents++;
      for (const v of vars) out.infeasibleVars.push(v); // a component can outgrow push(...)'s argument limit
    }
    for (const m of r.messages) log(m);
  };
  const merge = (vars: number[], r: ComponentRanges) => {
    vars.forEach((v, i) => {
      out.min[v] = r.min[i];
      out.max[v] = r.max[i];
      out.minExact[v] = r.minExact[i];
      out.maxExact[v] = r.maxExact[i];
    });
    account(r, vars);
  };

  const solved: number[][] = [];
  for (const vars of comps) {
    if (vars.length === 1 && b.rowsOf[vars[0]].every((ri) => sys.rows[ri].vars.every((u) => u === vars[0] || b.fixed[u]))) loneRange(sys, b, vars[0], out);
    else solved.push(vars);
  }
  const t0 = performance.now();
  await runTasks(solved.map((vars) => ({ kind: "ranges", data: componentData(sys, b, vars, threshold, topsOf) })), (i, r) => merge(solved[i], r));
  log(`${solved.length} components solved: ${out.lps} LPs in ${Math.round(performance.now() - t0)} ms`);

  /** Exact minima on demand (the value check wants "denominator min > 0"). */
  const exactMin = async (want: number[]) => {
    const byComp = new Map<number, number[]>();
    for (const v of want) {
      if (out.minExact[v] || compOf[v] < 0) continue;
      const list = byComp.get(compOf[v]);
      if (list) list.push(v);
      else byComp.set(compOf[v], [v]);
    }
    const order = [...byComp.keys()].sort((x, y) => x - y);
    const tasks: Task[] = order.map((ci) => {
      const vars = comps[ci];
      const local = new Map(vars.map((v, i) => [v, i]));
      return { kind: "minima", data: componentData(sys, b, vars, threshold, topsOf), wanted: byComp.get(ci)!.map((v) => local.get(v)!), known: { min: Float64Array.from(vars, (v) => out.min[v]) } };
    });
    const lps0 = out.lps, t1 = performance.now();
    await runTasks(tasks, (i, r) => {
      const vars = comps[order[i]];
      // Only the minima: the maxima stay as the ranges found them.
      for (const j of (tasks[i] as Extract<Task, { kind: "minima" }>).wanted) {
        out.min[vars[j]] = r.min[j];
        out.minExact[vars[j]] = r.minExact[j];
      }
      account(r, vars);
    });
    log(`${want.length} exact minima: ${out.lps - lps0} LPs in ${Math.round(performance.now() - t1)} ms`);
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
    if (lo - hi > 1e-6 * Math.max(1, Math.abs(hi))) {
      out.infeasibleComponents++;
      out.infeasibleVars.push(v);
    }
    lo = hi = (lo + hi) / 2;
  }
  out.min[v] = lo;
  out.max[v] = hi;
  out.minExact[v] = out.maxExact[v] = 1;
}
