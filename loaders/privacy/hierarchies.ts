// The hierarchies a published figure is summed along: units (each unit under
// its area and under its operating model, and all of them under the whole
// city), time (month → quarter → half → year) and breakdown values (each value
// under ALL). Secondary suppression builds its patterns from them
// (loaders/privacy/suppress.ts).
import { ALL, areaUnitId, isGroupUnitId, modelUnitId } from "../indicators/indicator-row.ts";

export interface Hierarchy {
  /** A leaf and its ancestors, finest first: ["2021-08", "2021Q3", "2021H2", "2021"]. */
  path(leaf: string): string[];
  /** 0 for a leaf, one more per level up. */
  level(node: string): number;
  /** The leaves a node sums, in a fixed order. */
  leavesUnder(node: string): string[];
  /** The other nodes summed into the same parent; none for a top node (nothing sums it). */
  siblings(node: string): string[];
}

/** Units under the whole city (ALL), or breakdown values under their total (ALL). */
export function flatHierarchy(leaves: Iterable<string>): Hierarchy {
  const sorted = [...new Set(leaves)].filter((x) => x !== ALL).sort();
  // An indicator without a breakdown has ALL alone: a leaf with nothing above it.
  if (!sorted.length) return isolatedHierarchy();
  return {
    path: (leaf) => (leaf === ALL ? [ALL] : [leaf, ALL]),
    level: (node) => (node === ALL ? 1 : 0),
    leavesUnder: (node) => (node === ALL ? sorted : [node]),
    siblings: (node) => (node === ALL ? [] : sorted.filter((x) => x !== node)),
  };
}

/** Every node on its own: no sums at all. Used for a dimension without relations. */
export function isolatedHierarchy(): Hierarchy {
  return { path: (leaf) => [leaf], level: () => 0, leavesUnder: (node) => [node], siblings: () => [] };
}

const pad = (m: number) => String(m).padStart(2, "0");

/** Months within quarters within halves within years. A year is the top: no period sums years. */
export function timeHierarchy(): Hierarchy {
  const parse = (p: string): { year: string; level: number; first: number; last: number } => {
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4})-(\d{2})$/.exec(p))) return { year: m[1], level: 0, first: +m[2], last: +m[2] };
    if ((m = /^(\d{4})Q([1-4])$/.exec(p))) return { year: m[1], level: 1, first: +m[2] * 3 - 2, last: +m[2] * 3 };
    if ((m = /^(\d{4})H([12])$/.exec(p))) return { year: m[1], level: 2, first: +m[2] * 6 - 5, last: +m[2] * 6 };
    if ((m = /^(\d{4})$/.exec(p))) return { year: m[1], level: 3, first: 1, last: 12 };
    throw new Error(`not a period: ${JSON.stringify(p)}`);
  };
  const monthsOf = (year: string, first: number, last: number) =>
    Array.from({ length: last - first + 1 }, (_, i) => `${year}-${pad(first + i)}`);
  return {
    path(leaf) {
      const { year, first } = parse(leaf);
      return [leaf, `${year}Q${Math.ceil(first / 3)}`, `${year}H${first <= 6 ? 1 : 2}`, year];
    },
    level: (node) => parse(node).level,
    leavesUnder(node) {
      const { year, first, last } = parse(node);
      return monthsOf(year, first, last);
    },
    siblings(node) {
      const { year, level, first } = parse(node);
      switch (level) {
        case 0: {
          const q0 = Math.floor((first - 1) / 3) * 3 + 1;
          return monthsOf(year, q0, q0 + 2).filter((m) => m !== node);
        }
        case 1: {
          const q = Math.ceil(first / 3);
          return [`${year}Q${q % 2 ? q + 1 : q - 1}`];
        }
        case 2:
          return [`${year}H${first === 1 ? 2 : 1}`];
        default:
          return [];
      }
    },
  };
}

/** A unit's area and operating model (codes as in `units`). */
export interface UnitGroup {
  area: string;
  model: string;
}

/**
 * Units under their area and under their operating model, and every unit, area
 * and operating model under the whole city: two trees over the same leaves, so
 * a unit's figure is in three sums (its area, its model, ALL) and ALL is the
 * sum of the units, of the areas and of the models alike.
 */
export interface UnitTree {
  /** The units, sorted. */
  leaves: string[];
  /** 0 for a unit, 1 for an area or an operating model, 2 for the whole city. */
  level(node: string): number;
  leavesUnder(node: string): string[];
  /** The areas and operating models a unit is summed into, where they have cells. */
  groupsOf(unit: string): string[];
  /** The whole city, when it sums the units; null where nothing sums them. */
  top: string | null;
}

/**
 * The unit tree of the given cell unit ids. Without `groups` (or with cells of
 * no area or model) it is the flat hierarchy: units under ALL.
 */
export function unitTree(unitIds: Iterable<string>, groups: ReadonlyMap<string, UnitGroup> = new Map()): UnitTree {
  const ids = new Set(unitIds);
  const leaves = [...ids].filter((x) => x !== ALL && !isGroupUnitId(x)).sort();
  // An indicator with the whole city's cells alone: nothing sums anything.
  if (!leaves.length) return isolatedUnitTree();
  const groupsOf = new Map<string, string[]>();
  const under = new Map<string, string[]>();
  for (const u of leaves) {
    const g = groups.get(u);
    const mine = g ? [areaUnitId(g.area), modelUnitId(g.model)].filter((x) => ids.has(x)) : [];
    groupsOf.set(u, mine);
    for (const x of mine) under.set(x, [...(under.get(x) ?? []), u]);
  }
  for (const x of ids) if (isGroupUnitId(x) && !under.has(x)) throw new Error(`${x}: no unit of the extract belongs to it`);
  return {
    leaves,
    level: (node) => (node === ALL ? 2 : isGroupUnitId(node) ? 1 : 0),
    leavesUnder: (node) => (node === ALL ? leaves : (under.get(node) ?? [node])),
    groupsOf: (unit) => groupsOf.get(unit) ?? [],
    top: ALL,
  };
}

/** Every unit on its own: no sums. Used with the unit relation switched off. */
export function isolatedUnitTree(): UnitTree {
  return { leaves: [], level: () => 0, leavesUnder: (node) => [node], groupsOf: () => [], top: null };
}
