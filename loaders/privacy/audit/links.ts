// Rule 2: the same count published twice. Two (indicator, field) series that
// agree, up to one constant ratio, on every key where both are published (at
// least MIN_KEYS non-zero keys, no contradiction) are taken as one quantity.
// Inferred from the figures only, never from a declaration of the pipeline.
import type { Field } from "./fields.ts";
import type { IndicatorTable, Key } from "./published.ts";

export const MIN_KEYS = 3;
const REL_TOL = 1e-9;

export interface Series {
  indicator: string;
  field: Field;
  values: Map<Key, number>;
}

export interface Link {
  a: string;
  b: string;
  /** a = ratio × b on every co-published key. */
  ratio: number;
  keys: number;
}

export const seriesId = (indicator: string, field: Field): string => `${indicator}.${field}`;

export function seriesOf(tables: Map<string, IndicatorTable>, fieldsFor: (id: string) => Field[]): Series[] {
  const out: Series[] = [];
  for (const t of tables.values()) {
    for (const field of fieldsFor(t.id)) {
      if (field === "net") continue; // NPS net is derived, not a published count
      const values = new Map<Key, number>();
      for (const [k, r] of t.byKey) {
        const v = r.suppressed ? null : field === "num" ? r.numerator : r.denominator;
        if (v !== null) values.set(k, v);
      }
      if (values.size >= MIN_KEYS) out.push({ indicator: t.id, field, values });
    }
  }
  return out;
}

/** The ratio a/b if the two series are one quantity, else null. */
function ratioOf(a: Series, b: Series): { ratio: number; keys: number } | null {
  const [small, large, flip] = a.values.size <= b.values.size ? [a, b, false] : [b, a, true];
  let ratio = NaN;
  let keys = 0;
  for (const [k, x0] of small.values) {
    const y0 = large.values.get(k);
    if (y0 === undefined) continue;
    const [x, y] = flip ? [y0, x0] : [x0, y0]; // x from a, y from b
    if (x === 0 && y === 0) continue;
    if (x === 0 || y === 0) return null;
    const r = x / y;
    if (Number.isNaN(ratio)) ratio = r;
    else if (Math.abs(r - ratio) > REL_TOL * Math.abs(ratio)) return null;
    keys++;
  }
  return keys >= MIN_KEYS ? { ratio, keys } : null;
}

export function findLinks(series: Series[]): Link[] {
  const links: Link[] = [];
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const r = ratioOf(series[i], series[j]);
      if (r) links.push({ a: seriesId(series[i].indicator, series[i].field), b: seriesId(series[j].indicator, series[j].field), ...r });
    }
  }
  return links;
}

/**
 * Groups linked series into clusters with a scale each: series value =
 * scale × (the cluster's quantity). Weighted union–find; a link that would
 * contradict the scales already fixed is left out.
 */
export function clusters(links: Link[]): Map<string, { root: string; scale: number }> {
  const parent = new Map<string, string>();
  const scaleToParent = new Map<string, number>(); // value(s) = scaleToParent × value(parent)
  const find = (s: string): { root: string; scale: number } => {
    if (!parent.has(s)) {
      parent.set(s, s);
      scaleToParent.set(s, 1);
    }
    let scale = 1;
    let x = s;
    while (parent.get(x) !== x) {
      scale *= scaleToParent.get(x)!;
      x = parent.get(x)!;
    }
    return { root: x, scale };
  };
  for (const l of links) {
    const a = find(l.a);
    const b = find(l.b);
    if (a.root === b.root) continue;
    // value(a) = l.ratio × value(b); value(a) = a.scale × A; value(b) = b.scale × B  →  A = (l.ratio × b.scale / a.scale) × B
    parent.set(a.root, b.root);
    scaleToParent.set(a.root, (l.ratio * b.scale) / a.scale);
  }
  const out = new Map<string, { root: string; scale: number }>();
  for (const s of parent.keys()) out.set(s, find(s));
  return out;
}
