// The three hierarchies a published figure is summed along: units (each unit
// under the whole city), time (month → quarter → half → year) and breakdown
// values (each value under ALL). Secondary suppression builds its patterns
// from them (loaders/privacy/suppress.ts).
import { ALL } from "../indicator-row.ts";

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
