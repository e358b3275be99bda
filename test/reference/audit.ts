// A disclosure audit of a suppressed table: which suppressed cells can be
// recovered from published ones by chains of the additions the spec's groups
// define (a group's total = the sum of its members)? Repeatedly: a group whose
// total is known and exactly one member unknown gives that member by
// subtraction; a group whose members are all known gives its total by
// addition. The spec's rule only looks at groups whose total is published, so
// a total suppressed as a complement while all of its own members are
// published is recoverable by addition, and from it further cells by
// subtraction.
import { ALL } from "./cells.ts";
import type { Privacy, SuppressibleCell } from "./suppress.ts";

export interface Derivation<C> { cell: C; how: string }

export function derivableCells<C extends SuppressibleCell>(cells: C[], privacy: Map<string, Privacy>): Derivation<C>[] {
  const groups = new Map<string, { total?: C; members: C[] }>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { members: [] }));
    return g;
  };
  for (const c of cells) {
    const p = privacy.get(c.indicator_id);
    if (!p || "suppress" in p) continue;
    const u = group(`U|${c.indicator_id}|${c.period_type}|${c.period}|${c.breakdown_value}`);
    if (c.unit_id === ALL) u.total = c;
    else u.members.push(c);
    const b = group(`B|${c.indicator_id}|${c.period_type}|${c.period}|${c.unit_id}`);
    if (c.breakdown_value === ALL) b.total = c;
    else b.members.push(c);
  }
  const known = new Set<C>(cells.filter((c) => !c.suppressed));
  const out: Derivation<C>[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const [k, g] of groups) {
      if (!g.total || g.members.length === 0) continue;
      const unknown = g.members.filter((m) => !known.has(m));
      if (known.has(g.total) && unknown.length === 1) {
        known.add(unknown[0]);
        out.push({ cell: unknown[0], how: `subtraction in group ${k}` });
        changed = true;
      } else if (!known.has(g.total) && unknown.length === 0) {
        known.add(g.total);
        out.push({ cell: g.total, how: `addition in group ${k}` });
        changed = true;
      }
    }
  }
  return out;
}
