// Rule 4: row counts on the data-quality page are the same counts again.
// contacts = Σ over years of ACC_DIGITAL_CONTACTS.denominator (ALL, ALL);
// service_vouchers = Σ over years of ACC_VOUCHER_USE.denominator (ALL, ALL).
import type { IndicatorTable } from "./published.ts";
import type { Slots } from "./slots.ts";
import type { Expr, LinearSystem } from "./system.ts";

export interface QualityFigures {
  /** The true row count lies in [rowsApprox − precision/2, rowsApprox + precision/2]. */
  tables: { table: string; rowsApprox?: number; precision?: number; rows?: number }[];
}

const SOURCES: Record<string, string> = { contacts: "ACC_DIGITAL_CONTACTS", service_vouchers: "ACC_VOUCHER_USE" };

export function addQuality(q: QualityFigures | undefined, tables: Map<string, IndicatorTable>, slots: Slots, sys: LinearSystem): number {
  let added = 0;
  for (const entry of q?.tables ?? []) {
    const ind = SOURCES[entry.table];
    const t = ind ? tables.get(ind) : undefined;
    // An exact `rows` (as the export's meta.json carries today) is precision 0.
    const approx = entry.rowsApprox ?? entry.rows;
    if (!t || approx === undefined) continue;
    const half = (entry.precision ?? 0) / 2;
    const years = [...t.periods].filter((p) => /^\d{4}$/.test(p)).sort();
    if (!years.length) continue;
    const parts = years.map((y): [Expr, number] => [slots.expr(ind, "den", t.keys.of(y, "ALL", "ALL")), 1]);
    sys.add(parts, approx - half, approx + half);
    added++;
  }
  return added;
}
