// Privacy: primary suppression (n under the indicator's threshold) and
// complementary suppression, so that no suppressed value can be recovered by
// subtracting published cells from a published total.
import type { Catalogue } from "./catalogue.ts";
import { thresholdOf } from "./catalogue.ts";
import { ALL, type IndicatorCell } from "./indicator-row.ts";

export interface SuppressionLogEntry {
  indicator_id: string;
  period_type: string;
  period: string;
  unit_id: string;
  breakdown_value: string;
  reason: "threshold" | "complementary";
  /** The group whose total would otherwise have given the value away. */
  group?: string;
}

export interface SuppressionResult {
  cells: IndicatorCell[];
  log: SuppressionLogEntry[];
}

interface Group {
  key: string;
  total: IndicatorCell | undefined;
  members: IndicatorCell[];
  /** Tie-break for equal n: the member's name within the group. */
  nameOf: (c: IndicatorCell) => string;
}

/**
 * Withholds value, numerator and denominator of every cell whose n is under
 * the threshold, then repeats until no group — its members and its total —
 * has exactly one suppressed cell: the member with the smallest n (ties: the
 * smallest unit id or breakdown value) is suppressed too; where no other
 * member is left, the total itself is. The spec's rule looks only at groups
 * with a published total; counting a suppressed total too closes the gap
 * where a total withheld as a complement equals the sum of its published
 * members. Returns new cells; the input is untouched.
 */
export function suppress(input: readonly IndicatorCell[], catalogue: Catalogue): SuppressionResult {
  const thresholds = new Map(catalogue.indicators.map((i) => [i.id, thresholdOf(i)]));
  const cells = input.map((c) => ({ ...c }));
  const log: SuppressionLogEntry[] = [];
  const mark = (c: IndicatorCell, reason: SuppressionLogEntry["reason"], group?: string) => {
    c.suppressed = true;
    log.push({ indicator_id: c.indicator_id, period_type: c.period_type, period: c.period, unit_id: c.unit_id, breakdown_value: c.breakdown_value, reason, ...(group ? { group } : {}) });
  };
  for (const c of cells) {
    const threshold = thresholds.get(c.indicator_id);
    if (threshold != null && (c.n === null || c.n < threshold)) mark(c, "threshold");
  }

  const groups = buildGroups(cells.filter((c) => thresholds.get(c.indicator_id) != null));
  const groupsOf = new Map<IndicatorCell, Group[]>();
  for (const g of groups) for (const c of [...g.members, ...(g.total ? [g.total] : [])]) groupsOf.set(c, [...(groupsOf.get(c) ?? []), g]);

  // A worklist of groups to (re)examine; a newly suppressed cell puts its groups back on it.
  const pending = new Set(groups);
  while (pending.size) {
    const g = pending.values().next().value as Group;
    pending.delete(g);
    if (!g.total) continue;
    // The total counts as a cell of its group: a hidden total whose members are all
    // published is their sum, so it needs a hidden member beside it just as much.
    const hidden = g.members.filter((m) => m.suppressed).length + (g.total.suppressed ? 1 : 0);
    if (hidden !== 1) continue;
    const candidates = g.members.filter((m) => !m.suppressed).sort((a, b) => a.n! - b.n! || (g.nameOf(a) < g.nameOf(b) ? -1 : 1));
    const next = candidates[0] ?? g.total;
    mark(next, "complementary", g.key);
    for (const h of groupsOf.get(next) ?? []) pending.add(h);
  }
  for (const c of cells) {
    if (c.suppressed) {
      c.value = null;
      c.numerator = null;
      c.denominator = null;
    }
  }
  return { cells, log };
}

/** The two kinds of additive group: units under unit ALL, and breakdown values under value ALL. */
function buildGroups(cells: IndicatorCell[]): Group[] {
  const byUnit = new Map<string, Group>();
  const byBreakdown = new Map<string, Group>();
  const get = (map: Map<string, Group>, key: string, nameOf: Group["nameOf"]) => {
    let g = map.get(key);
    if (!g) map.set(key, (g = { key, total: undefined, members: [], nameOf }));
    return g;
  };
  for (const c of cells) {
    const base = `${c.indicator_id}|${c.period_type}|${c.period}`;
    const units = get(byUnit, `${base}|units|${c.breakdown_value}`, (m) => m.unit_id);
    if (c.unit_id === ALL) units.total = c;
    else units.members.push(c);
    const values = get(byBreakdown, `${base}|${c.unit_id}|breakdown`, (m) => m.breakdown_value);
    if (c.breakdown_value === ALL) values.total = c;
    else values.members.push(c);
  }
  // A group with no members is just its total: nothing to protect.
  return [...byUnit.values(), ...byBreakdown.values()].filter((g) => g.members.length > 0);
}
