// The sums over units a reader can form: ALL is the sum of the units, and of
// the areas, and of the operating models; `area:<area>` and
// `model:<operating_model>` are each the sum of their units. Which unit
// belongs where is published (the units list), so the attacker knows it.

/** A unit's area and operating model, as the published units list gives them. */
export interface UnitMembership {
  unit_id: string;
  area: string;
  operating_model: string;
}

const AREA = "area:";
const MODEL = "model:";

/**
 * [total, members, derived] of every unit sum among the unit ids of one indicator's
 * table. Members absent from the table are left out (the reader reads them as
 * zero, as every missing row). Refuses rows of an area or a model it cannot
 * place: an audit blind to a sum would vouch for too much.
 */
export function unitSums(ids: ReadonlySet<string>, units: readonly UnitMembership[] | undefined): [string, string[], boolean][] {
  const leaves = [...ids].filter((u) => u !== "ALL" && !u.startsWith(AREA) && !u.startsWith(MODEL)).sort();
  const groups = [...ids].filter((u) => u.startsWith(AREA) || u.startsWith(MODEL)).sort();
  const out: [string, string[], boolean][] = [];
  if (ids.has("ALL") && leaves.length) out.push(["ALL", leaves, false]);
  if (!groups.length) return out;
  if (!units) throw new Error(`the published table has cells of areas or operating models (${groups[0]}); the audit needs the units list to check them`);
  const membersOf = new Map<string, string[]>();
  for (const u of units) {
    if (!ids.has(u.unit_id)) continue;
    for (const g of [AREA + u.area, MODEL + u.operating_model]) membersOf.set(g, [...(membersOf.get(g) ?? []), u.unit_id]);
  }
  for (const g of groups) {
    const members = membersOf.get(g);
    if (!members) throw new Error(`${g}: no published unit belongs to it`);
    out.push([g, members.sort(), false]);
  }
  // ALL over the areas and over the models (derived): implied by the sums above
  // where they are equalities, but not where a distinct count only bounds its total.
  if (ids.has("ALL")) {
    for (const prefix of [AREA, MODEL]) {
      const level = groups.filter((g) => g.startsWith(prefix));
      if (level.length) out.push(["ALL", level, true]);
    }
  }
  return out;
}
