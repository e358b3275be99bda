// Reference suppression, from the specification's privacy section:
// - primary: a cell whose n is below its indicator's threshold is suppressed;
// - complementary: the units of one indicator × period × breakdown value
//   (total: unit_id = ALL) and the breakdown values of one indicator × period
//   × unit (total: breakdown_value = ALL) form groups. While some group whose
//   total is published has exactly one suppressed member, the member with the
//   next-smallest n is suppressed too (ties: smallest unit_id /
//   breakdown_value); a group with no other member left has its total
//   suppressed instead.
// The spec does not fix the order in which groups are visited, and the order
// changes which cells end up suppressed (both results satisfy the stopping
// rule). `order` selects:
// - "units-then-values" (the default, the project's documented behaviour as
//   observed): a pass over all unit groups, then a pass over all
//   breakdown-value groups, repeated until stable. Within a pass the groups
//   share no cell, so the order inside a pass does not matter;
// - "values-then-units": the same with the passes swapped;
// - "rounds": every group decides on the state at the start of a round, all
//   decisions are applied together, repeated until stable.
import { ALL } from "./cells.ts";

export interface SuppressibleCell {
  indicator_id: string;
  period_type: string;
  period: string;
  unit_id: string;
  breakdown_value: string;
  n: number | null;
  suppressed: boolean;
}

export type SuppressionOrder = "units-then-values" | "values-then-units" | "rounds";

export type Privacy = { n: string; threshold: number } | { suppress: false };

interface Group<C> { key: string; total: C | undefined; members: C[]; memberId: (c: C) => string }

export function suppressReference<C extends SuppressibleCell>(
  cells: C[],
  privacy: Map<string, Privacy>,
  order: SuppressionOrder = "units-then-values",
): C[] {
  const out = cells.map((c) => ({ ...c, suppressed: false }));
  const suppressible = (c: C) => {
    const p = privacy.get(c.indicator_id);
    return p !== undefined && !("suppress" in p);
  };
  for (const c of out) {
    const p = privacy.get(c.indicator_id);
    if (!p || "suppress" in p) continue;
    if (c.n !== null && c.n < p.threshold) c.suppressed = true;
  }

  const groups = new Map<string, Group<C>>();
  const group = (key: string, memberId: (c: C) => string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, total: undefined, members: [], memberId }));
    return g;
  };
  for (const c of out) {
    if (!suppressible(c)) continue;
    const units = group(`U|${c.indicator_id}|${c.period_type}|${c.period}|${c.breakdown_value}`, (m) => m.unit_id);
    if (c.unit_id === ALL) units.total = c;
    else units.members.push(c);
    const values = group(`B|${c.indicator_id}|${c.period_type}|${c.period}|${c.unit_id}`, (m) => m.breakdown_value);
    if (c.breakdown_value === ALL) values.total = c;
    else values.members.push(c);
  }
  const list = [...groups.values()].filter((g) => g.members.length > 0);
  const unitGroups = list.filter((g) => g.key.startsWith("U|"));
  const valueGroups = list.filter((g) => g.key.startsWith("B|"));

  /** The cell a group needs suppressed now, or undefined. */
  const pick = (g: Group<C>): C | undefined => {
    if (!g.total) return undefined;
    // The project counts a suppressed total as one of its group's cells (closing the
    // spec's gap: a withheld total equal to the sum of its published members).
    const suppressed = g.members.filter((m) => m.suppressed).length + (g.total.suppressed ? 1 : 0);
    if (suppressed !== 1) return undefined;
    let best: C | undefined;
    for (const m of g.members) {
      if (m.suppressed) continue;
      if (!best || m.n! < best.n! || (m.n === best.n && g.memberId(m) < g.memberId(best))) best = m;
    }
    return best ?? g.total;
  };

  /** Decides every group of the pass on the same state, then applies; true if anything changed. */
  const pass = (gs: Group<C>[]): boolean => {
    const picks = gs.map(pick).filter((c): c is C => c !== undefined && !c.suppressed);
    for (const c of picks) c.suppressed = true;
    return picks.length > 0;
  };
  const passes =
    order === "rounds" ? [list] : order === "units-then-values" ? [unitGroups, valueGroups] : [valueGroups, unitGroups];
  for (let changed = true; changed; ) {
    changed = false;
    for (const gs of passes) if (pass(gs)) changed = true;
  }
  return out;
}

/**
 * Order-independent checks of a suppressed table against the spec's rule:
 * every cell with n below its threshold is suppressed, cells of unsuppressed
 * indicators are not, and no group whose total is published has exactly one
 * suppressed member. Returns one message per violation.
 */
export function suppressionProblems<C extends SuppressibleCell>(cells: C[], privacy: Map<string, Privacy>): { indicator: string; key: string; what: string }[] {
  const out: { indicator: string; key: string; what: string }[] = [];
  const groups = new Map<string, { total?: C; suppressed: C[] }>();
  const where = (c: C) => `${c.period_type} ${c.period} unit=${c.unit_id} value=${c.breakdown_value}`;
  for (const c of cells) {
    const p = privacy.get(c.indicator_id);
    if (!p || "suppress" in p) {
      if (c.suppressed) out.push({ indicator: c.indicator_id, key: where(c), what: `${where(c)}: suppressed although the indicator is never suppressed` });
      continue;
    }
    if (c.n !== null && c.n < p.threshold && !c.suppressed) {
      out.push({ indicator: c.indicator_id, key: where(c), what: `${where(c)}: n=${c.n} < ${p.threshold} but published` });
    }
    const keys: [string, boolean][] = [
      [`U|${c.indicator_id}|${c.period_type}|${c.period}|${c.breakdown_value}`, c.unit_id === ALL],
      [`B|${c.indicator_id}|${c.period_type}|${c.period}|${c.unit_id}`, c.breakdown_value === ALL],
    ];
    for (const [k, isTotal] of keys) {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { suppressed: [] }));
      if (isTotal) g.total = c;
      else if (c.suppressed) g.suppressed.push(c);
    }
  }
  for (const [k, g] of groups) {
    if (g.total && !g.total.suppressed && g.suppressed.length === 1) {
      const c = g.suppressed[0];
      out.push({ indicator: c.indicator_id, key: k, what: `group ${k}: total published, only ${where(c)} suppressed (derivable by subtraction)` });
    }
  }
  return out;
}
