// Rule 1: the sums a reader can form — units under their area, their operating
// model and ALL, areas and models under ALL (./unit-sums.ts), breakdown values
// under ALL, finer periods under coarser ones — and, for each (indicator, field,
// kind), whether the fully published groups show the total to be the sum of
// its members or only bounded by them (distinct counts).
import { publishedField, type Field } from "./fields.ts";
import { FINER, levelOf, membersOf } from "./periods.ts";
import { compose, type IndicatorTable, type Key } from "./published.ts";
import type { Slots } from "./slots.ts";
import type { Expr, LinearSystem } from "./system.ts";
import { unitSums, type UnitMembership } from "./unit-sums.ts";

export type Kind = "units" | "breakdown" | "time";
const REL_TOL = 1e-9;

/** What the fully published groups allow for one (indicator, field, kind). */
export interface Inference {
  indicator: string;
  field: Field;
  kind: Kind;
  /** Fully published groups that have a non-zero figure. */
  groups: number;
  equal: boolean; // total = Σ members
  atMostSum: boolean; // total ≤ Σ members
  atLeastEach: boolean; // total ≥ every member
  atLeastSum: boolean; // total ≥ Σ members
}

/** [total key, member keys] of every group of one kind over the indicator's universe. */
/** [total key, member keys, derived]: a derived sum follows from the others where sums hold exactly (ALL over the areas). */
function* groups(t: IndicatorTable, kind: Kind, units: readonly UnitMembership[] | undefined): Generator<[Key, Key[], boolean?]> {
  // Each part numbered once, the keys composed from the numbers: this yields a key per group member.
  const { keys } = t;
  const periods = [...t.periods];
  const ps = periods.map((p) => keys.period(p));
  const bvs = [...t.bvs];
  const bs = bvs.map((b) => keys.bv(b));
  const us = [...t.units].map((u) => keys.unit(u));
  if (kind === "units") {
    for (const [total, members, derived] of unitSums(t.units, units)) {
      const tu = keys.unit(total);
      const mus = members.map((u) => keys.unit(u));
      for (const p of ps) for (const b of bs) yield [compose(p, tu, b), mus.map((u) => compose(p, u, b)), derived];
    }
  } else if (kind === "breakdown") {
    const members = bs.filter((_, i) => bvs[i] !== "ALL");
    if (!t.bvs.has("ALL") || !members.length) return;
    const all = keys.bv("ALL");
    for (const p of ps) for (const u of us) yield [compose(p, u, all), members.map((b) => compose(p, u, b))];
  } else {
    for (let pi = 0; pi < periods.length; pi++) {
      const level = levelOf(periods[pi]);
      if (!level) continue;
      for (const finer of FINER[level]) {
        const ms = membersOf(periods[pi], finer).filter((m) => t.periods.has(m)).map((m) => keys.period(m));
        if (!ms.length) continue;
        for (const u of us) for (const b of bs) yield [compose(ps[pi], u, b), ms.map((m) => compose(m, u, b))];
      }
    }
  }
}

const KINDS: Kind[] = ["units", "breakdown", "time"];

/** Folds one fully known group into what the groups so far allow. */
function judge(inf: Inference, total: number, members: readonly number[]): void {
  const sum = members.reduce((s, m) => s + m, 0);
  const max = members.reduce((s, m) => Math.max(s, m), -Infinity);
  const scale = Math.max(Math.abs(total), members.reduce((s, m) => s + Math.abs(m), 0));
  if (scale === 0) return;
  const tol = REL_TOL * Math.max(1, scale);
  inf.groups++;
  if (Math.abs(total - sum) > tol) inf.equal = false;
  if (total > sum + tol) inf.atMostSum = false;
  if (total < max - tol) inf.atLeastEach = false;
  if (total < sum - tol) inf.atLeastSum = false;
}

const inference = (indicator: string, field: Field, kind: Kind): Inference => ({ indicator, field, kind, groups: 0, equal: true, atMostSum: true, atLeastEach: true, atLeastSum: true });
export const relationKey = (indicator: string, field: Field, kind: Kind): string => `${indicator}\u0001${field}\u0001${kind}`;

/**
 * Which sums hold in every group of a table with nothing withheld: what the
 * definitions make of each (indicator, field, kind) — units add up to their
 * area; a distinct count only bounds its total; a breakdown without an
 * "unknown" value can fall short of its total. Reads no figure into the
 * attacker's system, only these relations.
 */
export function relationsOf(t: IndicatorTable, fields: Field[], units?: readonly UnitMembership[]): Map<string, Inference> {
  const out = new Map<string, Inference>();
  const value = (k: Key, field: Field): number | null => {
    const row = t.byKey.get(k);
    return row ? publishedField(row, field) : 0;
  };
  for (const field of fields) {
    for (const kind of KINDS) {
      const inf = inference(t.id, field, kind);
      for (const [tk, mks] of groups(t, kind, units)) {
        const total = value(tk, field);
        const members = mks.map((k) => value(k, field));
        if (total === null || members.some((m) => m === null)) continue;
        judge(inf, total, members as number[]);
      }
      out.set(relationKey(t.id, field, kind), inf);
    }
  }
  return out;
}

/**
 * Adds the table's sums to the attacker's system. `known` (from relationsOf on
 * the table before anything was withheld) says which sums hold; without it they
 * are inferred from the fully published groups.
 */
export function addRelations(t: IndicatorTable, fields: Field[], slots: Slots, sys: LinearSystem, units?: readonly UnitMembership[], known?: ReadonlyMap<string, Inference>, relaxed?: ReadonlySet<string>): Inference[] {
  const judged: { inf: Inference; pending: [Expr, Expr[], boolean?][]; given: boolean }[] = [];
  // Kinds whose sum a published total under its published members refutes, in
  // any field: a distinct count (its numerator counts the same way).
  const refutedKinds = new Set<Kind>();
  for (const field of fields) {
    for (const kind of KINDS) {
      const given = known?.get(relationKey(t.id, field, kind));
      const inf = given ? { ...given } : inference(t.id, field, kind);
      const pending: [Expr, Expr[], boolean?][] = [];
      for (const [tk, mks, derived] of groups(t, kind, units)) {
        const total = slots.expr(t.id, field, tk);
        const members = mks.map((k) => slots.expr(t.id, field, k));
        // A signed field (an NPS's net) proves nothing: its withheld members may be negative.
        if (field !== "net" && total.v < 0) {
          const known = members.reduce((sum, m) => sum + (m.v < 0 ? m.k : 0), 0);
          if (known > total.k + REL_TOL * Math.max(1, Math.abs(known))) refutedKinds.add(kind);
        }
        if (total.v >= 0 || members.some((m) => m.v >= 0)) {
          pending.push([total, members, derived]);
          continue;
        }
        // Fully published (or missing-as-zero): judge the relation from it.
        if (!given) judge(inf, total.k, members.map((m) => m.k));
      }
      judged.push({ inf, pending, given: Boolean(given) });
    }
  }
  const out: Inference[] = [];
  for (const { inf, pending, given } of judged) {
    // With nothing to judge from (every group has a withheld figure), assume
    // the sum holds — the stronger attacker — unless a published total under
    // its published members refutes it, in this field or another of the
    // indicator; then only what holds for any count, summed or distinct (a
    // client seen in two months counts once in their quarter): the total is
    // at most the sum and at least each member.
    // Relations known from the whole table need none of this.
    const refuted = !given && inf.field !== "net" && refutedKinds.has(inf.kind);
    if (inf.groups === 0 && refuted) Object.assign(inf, { equal: false, atMostSum: true, atLeastEach: true, atLeastSum: false });
    // Contradicted by the published figures (index.ts): what holds for any count.
    if (!given && inf.field !== "net" && relaxed?.has(inf.indicator)) Object.assign(inf, { equal: false, atMostSum: true, atLeastEach: true, atLeastSum: false });
    const equal = inf.groups === 0 && !given ? !refuted && !relaxed?.has(inf.indicator) : inf.equal;
    for (const [total, members, derived] of pending) {
      // Implied by the other rows when sums hold: left out, so the linear programs stay smaller.
      if (equal && derived) continue;
      const parts: [Expr, number][] = [[total, 1], ...members.map((m): [Expr, number] => [m, -1])];
      if (equal) sys.add(parts, 0, 0);
      else {
        if (inf.atMostSum && inf.atLeastSum) sys.add(parts, 0, 0);
        else if (inf.atMostSum) sys.add(parts, -Infinity, 0);
        else if (inf.atLeastSum) sys.add(parts, 0, Infinity);
        if (inf.atLeastEach && !inf.atLeastSum) for (const m of members) sys.add([[total, 1], [m, -1]], 0, Infinity);
      }
    }
    if (inf.groups || pending.length) out.push(inf);
  }
  return out;
}
