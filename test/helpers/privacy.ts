// The disclosure rule checked on any indicator table: in every additive group
// (units under unit ALL; breakdown values under value ALL) whose total is
// published, the number of suppressed members is never exactly one.
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
    if (g.total && !g.total.suppressed) assert.notEqual(g.hidden, 1, `group ${key} has a lone suppressed cell beside a published total`);
  }
}
