// The attacker's linear system: unknowns with bounds, and rows
// lo ≤ Σ coef·x ≤ hi. Published figures are constants and go to the bounds,
// so only withheld (and "not constrained") quantities become unknowns.
import type { Field } from "./fields.ts";

/** A quantity as the reader knows it: a constant (v = −1, value k) or k × unknown v. */
export interface Expr {
  v: number;
  k: number;
}
export const constant = (k: number): Expr => ({ v: -1, k });

export interface Row {
  vars: number[];
  coefs: number[];
  lo: number;
  hi: number;
}

export interface VarInfo {
  /** Index of the withheld cell the unknown belongs to, or −1 for an unconstrained helper. */
  cell: number;
  field: Field;
}

export class LinearSystem {
  lo: number[] = [];
  hi: number[] = [];
  info: VarInfo[] = [];
  rows: Row[] = [];
  /** Rows with no unknown that the published figures break by more than rounding. */
  contradictions = 0;

  addVar(lo: number, info: VarInfo): number {
    this.lo.push(lo);
    this.hi.push(Infinity);
    this.info.push(info);
    return this.lo.length - 1;
  }

  /** Adds lo ≤ Σ coef·expr ≤ hi, moving constants to the bounds; drops rows with no unknown. */
  add(parts: [Expr, number][], lo: number, hi: number): void {
    let c = 0;
    let scale = 0;
    // Each unknown's coefficients summed, in the order the unknowns first
    // appear: looked up in the row's own arrays, not a Map made per row
    // (1.4 M rows on the sample; its setup 17.0 → 15.6 s), except in a long
    // row, where a scan per part would grow with the square of its length.
    let vars: number[] = [];
    let coefs: number[] = [];
    const index = parts.length > 64 ? new Map<number, number>() : null;
    for (const [e, coef] of parts) {
      if (e.v < 0) {
        c += coef * e.k;
        scale = Math.max(scale, Math.abs(coef * e.k));
        continue;
      }
      const at = index ? index.get(e.v) ?? -1 : vars.indexOf(e.v);
      if (at >= 0) coefs[at] += coef * e.k;
      else index?.set(e.v, vars.length), vars.push(e.v), coefs.push(coef * e.k);
    }
    // A quantity reached twice through scaled links can cancel up to float dust; drop it.
    let big = 0;
    for (const k of coefs) big = Math.max(big, Math.abs(k));
    const kept = (_: number, j: number) => Math.abs(coefs[j]) > 1e-12 * big;
    if (!coefs.every(kept)) (vars = vars.filter(kept)), (coefs = coefs.filter(kept));
    if (!vars.length) {
      const tol = 1e-9 * Math.max(1, scale);
      if (c < lo - tol || c > hi + tol) this.contradictions++;
      return;
    }
    this.rows.push({ vars, coefs, lo: lo - c, hi: hi - c });
  }
}
