// The two guarantees, read off the exact ranges: (a) nothing withheld is
// pinned to one value; (b) a cell that may be small keeps a range at least its
// threshold wide.
import type { Field, IndicatorFields } from "./fields.ts";
import type { WithheldCell } from "./slots.ts";
import { pinTol, type Ranges } from "./solve.ts";

export interface AuditViolation {
  indicator_id: string;
  period_type: string;
  period: string;
  unit_id: string;
  breakdown_value: string;
  field: "numerator" | "denominator" | "value";
  /**
   * pinned: worked out exactly; narrow: a possibly small count narrowed below its
   * threshold; zero: a withheld numerator count (or the value through it) that can only be 0.
   */
  rule: "pinned" | "narrow" | "zero";
  min: number;
  max: number;
  message: string;
}

const column = (f: Field): "numerator" | "denominator" => (f === "den" ? "denominator" : "numerator");
const fmt = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : x > 0 ? "∞" : "−∞");

export const isPinned = (r: Ranges, v: number): boolean =>
  Boolean(r.minExact[v] && r.maxExact[v]) && r.max[v] - r.min[v] <= pinTol(r.max[v]);
const pinnedAtZero = (r: Ranges, v: number) => isPinned(r, v) && Math.max(Math.abs(r.min[v]), Math.abs(r.max[v])) <= pinTol(0);

/** Denominators whose exact minimum decides the value check (numerator pinned at 0, denominator free). */
export function minimaWanted(cells: WithheldCell[], r: Ranges): number[] {
  const out: number[] = [];
  for (const c of cells) {
    const top = c.vars.num ?? c.vars.net;
    const den = c.vars.den;
    if (top !== undefined && den !== undefined && pinnedAtZero(r, top) && !isPinned(r, den) && !r.minExact[den]) out.push(den);
  }
  return out;
}

export function violationsOf(cells: WithheldCell[], fields: Map<string, IndicatorFields>, valueScale: Map<string, number>, r: Ranges): AuditViolation[] {
  const out: AuditViolation[] = [];
  for (const c of cells) {
    const row = c.row;
    const f = fields.get(row.indicator)!;
    const where = `${row.indicator} ${row.period} unit ${row.unit} breakdown ${row.bv}`;
    const push = (field: AuditViolation["field"], rule: AuditViolation["rule"], min: number, max: number, message: string) =>
      out.push({ indicator_id: row.indicator, period_type: row.periodType, period: row.period, unit_id: row.unit, breakdown_value: row.bv, field, rule, min, max, message: `${where}: ${message}` });
    const pinned: Partial<Record<Field, boolean>> = {};
    for (const field of f.fields) {
      const v = c.vars[field]!;
      pinned[field] = isPinned(r, v);
      if (pinned[field]) {
        const what = field === "net" ? "numerator (net promoters − detractors)" : column(field);
        // A count of 0 (not a net, which is signed) is reported apart; see the rule's doc.
        const zero = field === "num" && field !== f.countField && pinnedAtZero(r, v);
        push(column(field), zero ? "zero" : "pinned", r.min[v], r.max[v], `${what} is pinned to ${fmt(r.max[v])}`);
      }
    }
    // The value: pinned when all its ingredients are, or when its top is pinned at 0 over a positive denominator.
    const top = c.vars.num ?? c.vars.net;
    const den = c.vars.den;
    const scale = valueScale.get(row.indicator) ?? 1;
    if (top !== undefined && den !== undefined) {
      if (isPinned(r, top) && isPinned(r, den) && r.max[den] > 0) {
        const x = (scale * r.max[top]) / r.max[den];
        push("value", "pinned", x, x, `value is pinned to ${fmt(x)}`);
      } else if (pinnedAtZero(r, top) && r.minExact[den] && r.min[den] > 1e-9) {
        push("value", c.vars.num !== undefined ? "zero" : "pinned", 0, 0, `value is pinned to 0 (numerator pinned at 0, denominator at least ${fmt(r.min[den])})`);
      }
    } else if (f.fields.length === 1 && pinned[f.fields[0]]) {
      const v = c.vars[f.fields[0]]!;
      push("value", "pinned", scale * r.min[v], scale * r.max[v], `value is pinned to ${fmt(scale * r.max[v])}`);
    }
    // (b) a range narrower than the threshold around a possibly small count.
    if (f.countField && f.threshold !== null && !pinned[f.countField]) {
      const v = c.vars[f.countField]!;
      const exact = r.minExact[v] && r.maxExact[v];
      // A range exactly the threshold wide meets the rule; solver dust must not fail it.
      if (exact && r.min[v] < f.threshold && r.max[v] - r.min[v] < f.threshold * (1 - 1e-7)) {
        push(column(f.countField), "narrow", r.min[v], r.max[v], `${column(f.countField)} lies in [${fmt(r.min[v])}, ${fmt(r.max[v])}], narrower than the threshold ${f.threshold}`);
      }
    }
  }
  return out;
}
