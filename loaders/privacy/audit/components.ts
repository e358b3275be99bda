// Splits the unknowns that are still free after propagation into independent
// problems: union–find over unknowns sharing a row.
import type { Bounds } from "./propagate.ts";
import type { LinearSystem } from "./system.ts";

export function components(sys: LinearSystem, b: Bounds): number[][] {
  const n = sys.lo.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const r of sys.rows) {
    let first = -1;
    for (const v of r.vars) {
      if (b.fixed[v]) continue;
      if (first < 0) first = v;
      else {
        const a = find(first), c = find(v);
        if (a !== c) parent[Math.max(a, c)] = Math.min(a, c); // smaller id as root: deterministic
      }
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    if (b.fixed[v]) continue;
    const r = find(v);
    let list = byRoot.get(r);
    if (!list) byRoot.set(r, (list = []));
    list.push(v);
  }
  return [...byRoot.values()];
}
