// Cell-by-cell comparison of reference and pipeline cells, with a compact
// per-indicator report of the first differences.

import type { RefCell } from "./cells.ts";

/** A reference or a pipeline cell: the pipeline's IndicatorCell has the same columns as the reference's own RefCell. */
export type AnyCell = RefCell;

export const cellKey = (c: AnyCell): string =>
  [c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown, c.breakdown_value].join("|");

export function index<C extends AnyCell>(cells: C[], label: string): Map<string, C> {
  const m = new Map<string, C>();
  for (const c of cells) {
    const k = cellKey(c);
    if (m.has(k)) throw new Error(`${label}: cell ${k} appears twice`);
    m.set(k, c);
  }
  return m;
}

export function close(a: number | null, b: number | null, rel = 1e-9): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

export interface Difference { indicator: string; key: string; what: string }

const fig = (c: AnyCell) => `num=${c.numerator} den=${c.denominator} value=${c.value} n=${c.n}`;
const where = (c: AnyCell) => `${c.period_type} ${c.period} unit=${c.unit_id} ${c.breakdown}=${c.breakdown_value}`;

/** Cells written on one side only: `missing` = reference only, `extra` = pipeline only. */
export function compareSets(reference: AnyCell[], pipeline: AnyCell[]): Difference[] {
  const ref = index(reference, "reference");
  const pipe = index(pipeline, "pipeline");
  const out: Difference[] = [];
  for (const [k, r] of ref) {
    if (!pipe.has(k)) out.push({ indicator: r.indicator_id, key: k, what: `${where(r)}: missing in pipeline (reference ${fig(r)})` });
  }
  for (const [k, p] of pipe) {
    if (!ref.has(k)) out.push({ indicator: p.indicator_id, key: k, what: `${where(p)}: only in pipeline (pipeline ${fig(p)})` });
  }
  return out;
}

/** numerator, denominator, value and n of cells written on both sides (relative tolerance). */
export function compareFigures(reference: AnyCell[], pipeline: AnyCell[], rel = 1e-9): Difference[] {
  const pipe = index(pipeline, "pipeline");
  const out: Difference[] = [];
  for (const r of reference) {
    const p = pipe.get(cellKey(r));
    if (!p) continue;
    const bad = (["numerator", "denominator", "value", "n"] as const).filter((f) => !close(r[f], p[f], rel));
    if (bad.length) out.push({ indicator: r.indicator_id, key: cellKey(r), what: `${where(r)}: ${bad.join(",")} differ — reference ${fig(r)} | pipeline ${fig(p)}` });
  }
  return out;
}

/** The first `perIndicator` differences of each indicator, with counts. */
export function report(title: string, diffs: Difference[], perIndicator = 20): string {
  if (!diffs.length) return `${title}: no differences`;
  const by = new Map<string, Difference[]>();
  for (const d of diffs) {
    if (!by.has(d.indicator)) by.set(d.indicator, []);
    by.get(d.indicator)!.push(d);
  }
  const lines = [`${title}: ${diffs.length} differing cells in ${by.size} indicators`];
  for (const [id, ds] of [...by].sort()) {
    lines.push(`  ${id}: ${ds.length} cells`);
    for (const d of ds.slice(0, perIndicator)) lines.push(`    ${d.what}`);
    if (ds.length > perIndicator) lines.push(`    … ${ds.length - perIndicator} more`);
  }
  return lines.join("\n");
}
