// The disclosure rule checked on any indicator table: in every additive group
// (units under unit ALL; breakdown values under value ALL), counting its total,
// the number of suppressed cells is never exactly one — neither a lone hidden
// member beside a published total nor a hidden total beside published members.
import assert from "node:assert/strict";
import type { PublishedCell } from "../../loaders/indicator-row.ts";

export function assertNoLoneHiddenCell(cells: readonly PublishedCell[]): void {
  const groups = new Map<string, { total?: PublishedCell; hidden: number; members: number }>();
  const entry = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { hidden: 0, members: 0 }));
    return g;
  };
  for (const c of cells) {
    const base = `${c.indicator_id}|${c.period_type}|${c.period}`;
    const units = entry(`${base}|units|${c.breakdown_value}`);
    const values = entry(`${base}|values|${c.unit_id}`);
    for (const [g, isTotal] of [[units, c.unit_id === "ALL"], [values, c.breakdown_value === "ALL"]] as const) {
      if (isTotal) g.total = c;
      else {
        g.members++;
        if (c.suppressed) g.hidden++;
      }
    }
  }
  for (const [key, g] of groups) {
    if (g.total && g.members > 0) assert.notEqual(g.hidden + (g.total.suppressed ? 1 : 0), 1, `group ${key} has exactly one suppressed cell`);
  }
}
