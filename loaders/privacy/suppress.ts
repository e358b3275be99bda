// Privacy: primary suppression (n under the indicator's threshold) and
// secondary suppression by hypercubes, so that no withheld figure can be
// worked out from everything published (../../README.md, "Privacy").
//
// Why hypercubes: every published sum here runs along one of three
// hierarchies (units under their area, under their operating model and under
// the whole city; months → quarters → halves → years; breakdown values under
// their total). For a withheld target cell,
// pick in each hierarchy either a pair (the target's branch and a sibling
// branch, down to a leaf each) or a chain (the target's branch up to the
// top). The corner cells — the product of those branches — get signs +1/−1
// by branch, and moving every corner by sign × t changes no published sum:
// every sum holds either both branches of a pair or neither. So if all
// corners are withheld, a reader who knows every sum still cannot tell the
// true table from the one moved by t, for every t that keeps the corners'
// counts non-negative: the target is not pinned, nor is any corner, and the
// range of the target's count is min(+corners) + min(−corners) wide. Cubes
// are chosen per primary cell, cheapest first (fewest new cells withheld,
// totals weighing most), so that the range is at least the threshold wide —
// one cube, or several whose rises add up (a corner falling in more than one
// of them lends each only what the others left of its count); a primary cell
// already inside an earlier cube wide enough is protected by it, and a corner
// a cube cannot move gets cubes of its own — so does a numerator above 0 that
// a cube leaves where it is. A numerator at 0 on both sides of a cube may
// stay a visible 0 (README, "What a zero tells"). Where no pattern exists at
// all, the group's whole year is withheld. The pattern is a
// proof that the guarantee holds; loaders/privacy/audit/ checks it again,
// from the published files alone, without this code. We wrote our own
// because no JavaScript library does cell suppression (τ-ARGUS and sdcTable
// are Java and R).
//
// Indicators that publish the same count (catalogue `sharedCounts`) form one
// group and are withheld together, coordinate by coordinate; a cube must then
// hold for every indicator of the group that has cells at its corners, and a
// shared count moves as one.
import type { Catalogue, Indicator } from "../indicators/catalogue.ts";
import { thresholdOf } from "../indicators/catalogue.ts";
import { ALL, type IndicatorCell } from "../indicators/indicator-row.ts";
import { flatHierarchy, isolatedHierarchy, isolatedUnitTree, timeHierarchy, unitTree, type Hierarchy, type UnitGroup, type UnitTree } from "./hierarchies.ts";

export interface SuppressionLogEntry {
  indicator_id: string;
  period_type: string;
  period: string;
  unit_id: string;
  breakdown_value: string;
  reason: "threshold" | "complementary";
}

export interface SuppressionResult {
  cells: IndicatorCell[];
  log: SuppressionLogEntry[];
}

export interface SuppressionOptions {
  /**
   * Which sums the patterns respect (all by default). Switching one off gives
   * a weaker suppression: the tests use it to show that the audit catches it.
   */
  relations?: { units?: boolean; time?: boolean; breakdown?: boolean };
  /**
   * Each unit's area and operating model: the sums the cells of areas and
   * operating models (unit_id `area:…`, `model:…`) form. Required when there are such cells.
   */
  unitGroups?: ReadonlyMap<string, UnitGroup>;
  /**
   * Protect only these calendar years ("2021") of these indicators (by id;
   * a group takes the years of all its members listed here, and is left as
   * given when none is). The group's other cells still shape its units and
   * breakdown values. No published sum reaches across years (a year is the
   * top of the time hierarchy), so a group's years are protected
   * independently: the years of a group in parts give what it gives whole.
   * suppressOnCores shares out years this way.
   */
  only?: Readonly<Record<string, readonly string[]>>;
  /**
   * The unit ids and breakdown values of all of a group's cells, by the id
   * of each of its indicators, for a caller that passes only the cells it
   * wants protected (suppressOnCores: a worker gets its years' cells alone).
   * The hierarchies are then these; without, they are those of `input`.
   */
  shapes?: Readonly<Record<string, GroupShape>>;
}

/** What a group's hierarchies are made of: its cells' unit ids and breakdown values (any order, repeats allowed). */
export interface GroupShape {
  units: readonly string[];
  values: readonly string[];
}

/** The shape of cells (SuppressionOptions.shapes). */
export const shapeOf = (cells: readonly IndicatorCell[]): GroupShape => ({ units: cells.map((c) => c.unit_id), values: cells.map((c) => c.breakdown_value) });

/** The calendar year of a period ("2021-03", "2021Q1", "2021H1", "2021"). */
export const yearOf = (period: string): string => period.slice(0, 4);

/** An indicator as suppression sees it. */
interface Member {
  id: string;
  threshold: number;
  hasBreakdown: boolean;
  /** The published count whose range must be at least the threshold wide, or null (person-years: see countField). */
  countField: "numerator" | "denominator" | null;
  /** Counts another indicator publishes too, by their shared name (catalogue `sharedCounts`). */
  shared: { numerator?: string; denominator?: string };
}

/** One coordinate (unit × period × breakdown value) of a group: its cells, one per indicator present. */
interface Coord {
  unit: string;
  period: string;
  value: string;
  cells: Map<string, IndicatorCell>;
  withheld: boolean;
  /**
   * What a cube protects here already: an indicator's id once its count moves
   * (for a primary cell, wide enough); `id` + NUMERATOR once a numerator above 0
   * moves too (a cube may leave it where it is: see movement).
   */
  covered: Set<string>;
  /** On the work list, not yet taken. */
  queued: boolean;
  /** What withholding it costs readers (protectGroup's weight), fixed by where it is. */
  weight: number;
  /**
   * The cells again by the group member's index, and one bit per member with a cell: the cube
   * search tests millions of corners, and a bit test is far cheaper than a lookup by id.
   */
  byMember: (IndicatorCell | undefined)[];
  present: number;
  /** Scratch marks with which evaluate lists a cube's coordinates once each. */
  mark: number;
  fallMark: number;
}

/**
 * A cube's corners without an object each (built for every cube of every
 * search, they were a tenth of the time): corner i = k × values.length + v
 * sits at the k-th (unit, period) of the unit and time sides, in their order,
 * and the v-th breakdown value of the value side; its sign is outer[k] × values.signs[v].
 */
interface Cube {
  outer: number[];
  values: ValueSide;
}

/** A value side in arrays: each value's sign, its share of the cube's t (1 but on a side that spreads a total over all its values), whether it is ALL. */
interface ValueSide {
  signs: Int8Array;
  weights: Float64Array;
  atAll: Uint8Array;
  weighted: boolean;
}

function valueSide(vs: Signed): ValueSide {
  return {
    signs: Int8Array.from(vs, ([, sign]) => sign),
    weights: Float64Array.from(vs, ([, , weight]) => weight),
    atAll: Uint8Array.from(vs, ([value]) => (value === ALL ? 1 : 0)),
    weighted: vs.some(([, , weight]) => weight !== 1),
  };
}

interface Side {
  plus: string[];
  minus: string[];
  /** Per node, the share of t it moves by, where not 1. */
  weights?: Map<string, number>;
}

function membersOf(catalogue: Catalogue): Map<string, Member> {
  const members = new Map<string, Member>();
  for (const ind of catalogue.indicators) {
    const threshold = thresholdOf(ind);
    if (threshold != null) members.set(ind.id, { id: ind.id, threshold, hasBreakdown: ind.breakdown !== null, countField: countFieldOf(ind), shared: ind.sharedCounts ?? {} });
  }
  return members;
}

/** The indicators suppression protects together (sharing a count), as sets of ids: each set is independent of the others. */
export function suppressionGroups(catalogue: Catalogue): Set<string>[] {
  return groupsOf(catalogue, membersOf(catalogue));
}

export function suppress(input: readonly IndicatorCell[], catalogue: Catalogue, options: SuppressionOptions = {}): SuppressionResult {
  const cells = input.map((c) => ({ ...c }));
  const members = membersOf(catalogue);
  const isPrimary = (c: IndicatorCell) => c.n === null || c.n < members.get(c.indicator_id)!.threshold;

  for (const group of groupsOf(catalogue, members)) {
    const groupCells = cells.filter((c) => group.has(c.indicator_id));
    let scope = groupCells;
    if (options.only) {
      const years = new Set([...group].flatMap((id) => options.only![id] ?? []));
      scope = groupCells.filter((c) => years.has(yearOf(c.period)));
    }
    const shape = options.shapes?.[group.values().next().value!] ?? shapeOf(groupCells);
    if (scope.length) protectGroup(scope, shape, [...group].map((id) => members.get(id)!), isPrimary, options.relations ?? {}, options.unitGroups);
  }

  const log: SuppressionLogEntry[] = [];
  for (const c of cells) {
    if (!c.suppressed) continue;
    log.push({ indicator_id: c.indicator_id, period_type: c.period_type, period: c.period, unit_id: c.unit_id, breakdown_value: c.breakdown_value, reason: isPrimary(c) ? "threshold" : "complementary" });
    c.value = null;
    c.numerator = null;
    c.denominator = null;
  }
  return { cells, log };
}

/**
 * The count whose range a reader must not narrow below the threshold: the
 * count itself for a count, otherwise the denominator. Indicators whose n is a
 * headcount publish person-years, which never bound a headcount from above
 * (part-time staff), so only "not pinned" applies to them.
 */
function countFieldOf(ind: Indicator): Member["countField"] {
  if ("suppress" in ind.privacy) return null;
  if (ind.privacy.n === "average headcount") return null;
  return ind.unit === "count" ? "numerator" : "denominator";
}

/** Indicators linked by a shared count, as sets of ids; every other indicator on its own. */
function groupsOf(catalogue: Catalogue, members: Map<string, Member>): Set<string>[] {
  const groups: Set<string>[] = [];
  const byCount = new Map<string, Set<string>>();
  for (const ind of catalogue.indicators) {
    if (!members.has(ind.id)) continue;
    const names = Object.values(ind.sharedCounts ?? {});
    const joined = names.map((n) => byCount.get(n)).filter((g): g is Set<string> => g !== undefined);
    const group = new Set([ind.id, ...joined.flatMap((g) => [...g])]);
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(group);
    for (const [name, g] of byCount) if (joined.includes(g)) byCount.set(name, group);
    for (const n of names) byCount.set(n, group);
  }
  return groups;
}

/** The coverage key of an indicator's numerator (Coord.covered). */
const NUMERATOR = "\u0001numerator";
const numeratorKeys = new Map<string, string>();
/** id + NUMERATOR, made once per id (the cube search asks for it millions of times). */
const numeratorKey = (id: string) => {
  let k = numeratorKeys.get(id);
  if (k === undefined) numeratorKeys.set(id, (k = id + NUMERATOR));
  return k;
};
/** Whether a cell's numerator, not the count the threshold protects, is above 0: not to be left pinned. */
const numeratorToMove = (m: Member, cell: IndicatorCell | undefined) => m.countField !== "numerator" && (cell?.numerator ?? 0) > 0;

const keyOf = (unit: string, period: string, value: string) => `${unit}\u0001${period}\u0001${value}`;

/** Coordinates by unit, period and value: nested maps, as the cube search looks up millions of corners. */
class CoordIndex {
  private byUnit = new Map<string, Map<string, Map<string, Coord>>>();
  get(unit: string, period: string, value: string): Coord | undefined {
    return this.byUnit.get(unit)?.get(period)?.get(value);
  }
  /** A unit's coordinates by period, then value: the cube search resolves a unit × period once for all its values. */
  periodsOf(unit: string): Map<string, Map<string, Coord>> | undefined {
    return this.byUnit.get(unit);
  }
  add(coord: Coord): void {
    let byPeriod = this.byUnit.get(coord.unit);
    if (!byPeriod) this.byUnit.set(coord.unit, (byPeriod = new Map()));
    let byValue = byPeriod.get(coord.period);
    if (!byValue) byPeriod.set(coord.period, (byValue = new Map()));
    byValue.set(coord.value, coord);
  }
}

/** cells: those to protect; shape: the units and breakdown values of all of the group's cells, which make the hierarchies. */
function protectGroup(
  cells: IndicatorCell[],
  shape: GroupShape,
  members: Member[],
  isPrimary: (c: IndicatorCell) => boolean,
  relations: NonNullable<SuppressionOptions["relations"]>,
  unitGroups: ReadonlyMap<string, UnitGroup> | undefined,
): void {
  const coords = new CoordIndex();
  const all: Coord[] = [];
  // Bit masks of members (Coord.present) hold 31 at most; a group shares one count, so it is a handful.
  if (members.length > 31) throw new Error(`a suppression group of ${members.length} indicators: at most 31`);
  const memberIndex = new Map(members.map((m, i) => [m.id, i]));
  for (const c of cells) {
    if (!unitGroups && c.unit_id.includes(":")) throw new Error(`${c.indicator_id}: cells of areas and operating models (${c.unit_id}) need the units' areas and models (unitGroups)`);
    let coord = coords.get(c.unit_id, c.period, c.breakdown_value);
    if (!coord) {
      coords.add((coord = { unit: c.unit_id, period: c.period, value: c.breakdown_value, cells: new Map(), withheld: false, covered: new Set(), queued: false, weight: 0, byMember: members.map(() => undefined), present: 0, mark: 0, fallMark: 0 }));
      all.push(coord);
    }
    coord.cells.set(c.indicator_id, c);
    const i = memberIndex.get(c.indicator_id)!;
    coord.byMember[i] = c;
    coord.present |= 1 << i;
  }
  const units = relations.units === false ? isolatedUnitTree() : unitTree(shape.units, unitGroups);
  const time = relations.time === false ? isolatedHierarchy() : timeHierarchy();
  const values = relations.breakdown === false ? isolatedHierarchy() : flatHierarchy(shape.values);
  const memberById = new Map(members.map((m) => [m.id, m]));
  // What withholding a coordinate costs readers: a total is worth more than a detail.
  // The whole city's headline figure (all units, all breakdown values) most of all.
  // An area's or operating model's figure weighs between a unit's and the city's.
  const UNIT_WEIGHT = [
    [1, 3],
    [4, 12],
    [8, 100],
  ];
  const weight = (c: Coord) => UNIT_WEIGHT[units.level(c.unit)][values.level(c.value) ? 1 : 0] * (1 + 2 * time.level(c.period));
  for (const c of all) c.weight = weight(c);

  const withhold = (coord: Coord) => {
    coord.withheld = true;
    for (const c of coord.cells.values()) c.suppressed = true;
  };
  // A withheld cell is protected once a cube moves it (and, for a primary cell, wide enough),
  // and its numerator, where above 0, once a cube moves that too.
  const countUncovered = (coord: Coord) => members.filter((m) => coord.cells.has(m.id) && !coord.covered.has(m.id));
  const numeratorUncovered = (coord: Coord) => members.filter((m) => numeratorToMove(m, coord.cells.get(m.id)) && !coord.covered.has(m.id + NUMERATOR));
  const uncovered = (coord: Coord) => [...new Set([...countUncovered(coord), ...numeratorUncovered(coord)])];

  // Work list: coordinates with a primary cell, finest first (months, units, values), then by key;
  // then every coordinate a cube withheld without moving all of its cells.
  const level = (c: Coord) => time.level(c.period) * 8 + units.level(c.unit) * 2 + values.level(c.value);
  const queue = all.filter((c) => [...c.cells.values()].some(isPrimary));
  queue.sort((a, b) => level(a) - level(b) || (keyOf(a.unit, a.period, a.value) < keyOf(b.unit, b.period, b.value) ? -1 : 1));
  for (const t of queue) {
    withhold(t);
    t.queued = true;
  }

  /**
   * The cheapest cubes that protect `required` at the target: each count (wide enough where
   * primary) and each numerator above 0 not yet moved. With moveAll, every cube moves every
   * numerator of the group; without, it may leave numerators at 0 on both of its sides where
   * they are (see movement), and those above 0 elsewhere then need cubes of their own.
   */
  const findCubes = (target: Coord, required: Member[], moveAll: boolean): Evaluation[] | null => {
    const primaries = countUncovered(target).filter((m) => required.includes(m) && isPrimary(target.cells.get(m.id)!));
    // Numerators this target's cubes must move (not only the counts).
    const strict = new Set(numeratorUncovered(target).filter((m) => required.includes(m)).map((m) => m.id));
    // Leaves are ranked by what makes a cube possible and cheap: every count above 0 (a count at 0
    // on both signs cannot move), withheld already, then the largest count.
    const ranked = primaries.length ? primaries : required;
    const sizeAt = (unit: string, period: string, value: string) => {
      const coord = coords.get(unit, period, value);
      if (!coord) return -Infinity;
      const cells = required.map((m) => coord.cells.get(m.id));
      const positive = cells.every((c) => c && (c.numerator ?? 1) > 0 && (c.denominator ?? 1) > 0);
      return (positive ? 4e15 : 0) + (coord.withheld ? 2e15 : 0) + Math.min(...ranked.map((m) => size(coord.cells.get(m.id), m)));
    };
    const candidates = (need: Member[], wide: boolean): Evaluation[] => {
      const unitSides = unitSidesOf(units, target.unit, (u) => sizeAt(u, target.period, target.value), wide ? Infinity : 4);
      const timeSides = sides(time, target.period, (p) => sizeAt(target.unit, p, target.value), wide ? 4 : 3);
      const valueSides = sides(values, target.value, (v) => sizeAt(target.unit, target.period, v), wide ? 4 : 3);
      // A total can also move with all its values, each by an equal share: a linked count
      // counted once per value (respondents, once per statement answered) then moves with
      // every value a little rather than with one value by all of it.
      const leaves = values.leavesUnder(target.value);
      if (target.value === ALL && leaves.length > 1) {
        valueSides.push({ plus: [...leaves, ALL], minus: [], weights: new Map(leaves.map((l) => [l, 1 / leaves.length])) });
      }
      const out: Evaluation[] = [];
      const tSigned = timeSides.map(signed);
      const vSigned = valueSides.map(signed);
      const vShapes = vSigned.map(valueSide);
      // Most cubes of a sparse table miss a cell at some corner: ruled out before they are built.
      // A unit node's corners (its periods × values) are the same in every unit side it is in,
      // so they are looked up once per unit node, time side and value side: the node's block of
      // a cube's corners (periods × values, in order), or null where one is missing.
      const blocks = new Map<string, ((Coord | undefined)[] | null | undefined)[]>();
      // The members in need, as bits: each must have a cell at every corner of ALL, those with a breakdown at every corner.
      let maskAll = 0, maskBreakdown = 0;
      for (const m of need) {
        maskAll |= 1 << memberIndex.get(m.id)!;
        if (m.hasBreakdown) maskBreakdown |= 1 << memberIndex.get(m.id)!;
      }
      const blockOf = (unit: string, t: number, v: number): (Coord | undefined)[] | null => {
        let known = blocks.get(unit);
        if (!known) blocks.set(unit, (known = new Array(tSigned.length * vSigned.length)));
        const k = t * vSigned.length + v;
        let block = known[k];
        if (block === undefined) {
          const periods = coords.periodsOf(unit);
          block = null;
          if (tSigned[t].every(([period]) => cornersPresent(periods?.get(period), vSigned[v], maskAll, maskBreakdown))) {
            block = [];
            for (const [period] of tSigned[t]) {
              const values = periods?.get(period);
              for (const [value] of vSigned[v]) block.push(values?.get(value));
            }
          }
          known[k] = block;
        }
        return block;
      };
      for (const u of unitSides) {
        const us = signed(u);
        for (let t = 0; t < tSigned.length; t++) {
          const ps = tSigned[t];
          let outer: number[] | null = null;
          for (let v = 0; v < vSigned.length; v++) {
            const at: (Coord | undefined)[] = [];
            let complete = true;
            for (const [unit] of us) {
              const block = blockOf(unit, t, v);
              if (!block) {
                complete = false;
                break;
              }
              for (const c of block) at.push(c);
            }
            if (!complete) continue;
            if (!outer) {
              outer = [];
              for (const [, su] of us) for (const [, sp] of ps) outer.push(su * sp);
            }
            const e = evaluate({ outer, values: vShapes[v] }, at, target, need, members, strict, moveAll);
            if (e) out.push(e);
          }
        }
      }
      return out;
    };
    // The best-ranked leaves first; every unit when that finds nothing, or only a pattern that
    // withholds a new whole-city figure.
    const newTotal = (set: Evaluation[]) => set.some((e) => e.coords.some((c) => !c.withheld && c.unit === ALL));
    const search = (need: Member[]): Evaluation[] | null => {
      const primary = need.filter((m) => primaries.includes(m));
      const first = choose(candidates(need, false), target, primary, members.length > 1);
      if (first && !newTotal(first)) return first;
      const all = choose(candidates(need, true), target, primary, members.length > 1);
      return all && first ? (total(all) < total(first) ? all : first) : (all ?? first);
    };
    // Cubes for all the cells here together, or else for each indicator on its own.
    const together = search(required);
    if (together) return together;
    const each = required.map((m) => search([m]));
    return each.every((e) => e !== null) ? (each as Evaluation[][]).flat() : null;
  };

  const newCityTotal = (set: Evaluation[]) => set.some((e) => e.coords.some((c) => !c.withheld && c.unit === ALL && c.value === ALL));
  /** Numerators above 0 that no cube of the set moves, by corner: each will need cubes of its own. */
  const leftBehind = (set: Evaluation[]) => {
    const left = new Map<Coord, Member[]>();
    for (const cube of set) for (const c of cube.coords) {
      const stuck = members.filter((m) => numeratorToMove(m, c.cells.get(m.id)) && !c.covered.has(m.id + NUMERATOR) && !set.some((e) => e.numerators.has(m.id) && e.coords.includes(c)));
      if (stuck.length) left.set(c, stuck);
    }
    return left;
  };
  /**
   * Cubes that move every numerator first. Only where they would withhold a new whole-city
   * figure (or none exist), cubes that may leave numerators where they are — and only if those
   * numerators' own cubes, found now, do not withhold a new city figure either, or the two
   * together cost less: a year's numerator left behind can need a chain through the whole city.
   */
  const protect = (target: Coord, required: Member[]): Evaluation[] | null => {
    const strict = findCubes(target, required, true);
    if (strict && !newCityTotal(strict)) return strict;
    const relaxed = findCubes(target, required, false);
    if (!relaxed || !strict) return relaxed ?? strict;
    if (newCityTotal(relaxed)) return strict;
    const taken = new Set(relaxed.flatMap((e) => e.coords));
    let cost = total(relaxed);
    let city = false;
    for (const [c, stuck] of leftBehind(relaxed)) {
      let own = findCubes(c, stuck, true);
      if (!own || newCityTotal(own)) own = findCubes(c, stuck, false) ?? own;
      if (!own) return strict;
      city ||= newCityTotal(own);
      for (const e of own) e.coords.forEach((x, k) => {
        if (taken.has(x)) return;
        taken.add(x);
        cost += e.costs[k];
      });
    }
    return city && cost >= total(strict) ? strict : relaxed;
  };

  for (let i = 0; i < queue.length; i++) {
    const target = queue[i];
    target.queued = false;
    const required = uncovered(target);
    if (!required.length) continue;
    const primaries = countUncovered(target).filter((m) => isPrimary(target.cells.get(m.id)!));
    const cubes = protect(target, required);
    if (!cubes) {
      // No pattern at all (a table too sparse for any): the group's whole year goes. No
      // published sum reaches across years, so nothing published then bears on these cells.
      const year = time.path(time.leavesUnder(target.period)[0]).at(-1)!;
      for (const c of all) {
        if (time.path(time.leavesUnder(c.period)[0]).at(-1) !== year) continue;
        withhold(c);
        for (const id of c.cells.keys()) c.covered.add(id).add(id + NUMERATOR);
      }
      continue;
    }
    for (const m of primaries) target.covered.add(m.id);
    for (const cube of cubes) {
      for (const coord of cube.coords) {
        if (!coord.withheld) withhold(coord);
        for (const [id, move] of cube.moves) {
          const cell = coord.cells.get(id);
          if (cell && (!isPrimary(cell) || move.width * shareOf(cube, coord) >= memberById.get(id)!.threshold)) coord.covered.add(id);
          if (cell && cube.numerators.has(id)) coord.covered.add(id + NUMERATOR);
        }
      }
      // A corner whose cells did not all move (or not far enough) needs cubes of its own: on the list.
      for (const coord of cube.coords) {
        if (!coord.queued && uncovered(coord).length) {
          coord.queued = true;
          queue.push(coord);
        }
      }
    }
  }
}

const total = (set: Evaluation[]) => set.reduce((sum, e) => sum + e.cost, 0);

/**
 * The cheapest set of cubes that protects the target: one cube wide enough
 * on its own, or up to six cubes whose rises add up. Moving several cubes at
 * once lowers a corner that falls in more than one of them by the sum of
 * their moves, so each cube's share of the rise is bounded by what its falling
 * corners have left once the cubes before it took theirs: the rises then add
 * up while every corner stays non-negative, and every other corner only rises.
 * (Where indicators share a count, they move in proportion: their cubes' falling corners
 * must then all differ, the simpler bound.) The target can fall by its own count at most.
 */
function choose(found: Evaluation[], target: Coord, primaries: Member[], linked: boolean): Evaluation[] | null {
  if (!found.length) return null;
  const counted = primaries.filter((m) => m.countField !== null);
  const own = new Map(counted.map((m) => [m.id, size(target.cells.get(m.id), m)]));
  const fallOf = (set: Evaluation[], m: Member) => Math.min(own.get(m.id)!, Math.max(...set.map((e) => e.moves.get(m.id)!.fall)));
  const byCost = [...found].sort((a, b) => a.cost - b.cost || b.protection - a.protection);
  const single = byCost.find((e) => counted.every((m) => e.moves.get(m.id)!.rise + fallOf([e], m) >= m.threshold)) ?? null;
  // Greedy: add the cube that costs least beyond the cubes taken and still widens the range.
  const set: Evaluation[] = [];
  const taken = new Set<Coord>();
  /** Per indicator, how much of each falling corner's count the cubes taken use. */
  const used = new Map(counted.map((m) => [m.id, new Map<Coord, number>()]));
  const rise = new Map(counted.map((m) => [m.id, 0]));
  const fall = new Map(counted.map((m) => [m.id, -Infinity]));
  /** How far a cube can still raise m's count, given what its falling corners have left. */
  const touched = new Set<Coord>();
  const riseLeft = (e: Evaluation, m: Member) => {
    let t = e.moves.get(m.id)!.rise;
    if (!e.falling.some((c) => touched.has(c))) return t;
    for (const c of e.falling) {
      const w = shareOf(e, c);
      const u = used.get(m.id)!.get(c) ?? 0;
      if (linked && u > 0) return 0;
      t = Math.min(t, (size(c.cells.get(m.id), m) - u) / w);
    }
    return Math.max(0, t);
  };
  let cost = 0;
  const extra = (e: Evaluation) => {
    let sum = 0;
    e.coords.forEach((c, k) => {
      if (!taken.has(c)) sum += e.costs[k];
    });
    return sum;
  };
  const enough = () => counted.every((m) => rise.get(m.id)! + fallOf(set, m) >= m.threshold);
  while (set.length < 6) {
    let next: Evaluation | null = null;
    let nextCost = Infinity;
    for (const e of byCost) {
      if (set.includes(e)) continue;
      const helps = !counted.length || counted.some((m) => riseLeft(e, m) > 0 || Math.min(own.get(m.id)!, e.moves.get(m.id)!.fall) > fall.get(m.id)!);
      if (!helps) continue;
      const x = extra(e);
      if (x < nextCost) [next, nextCost] = [e, x];
    }
    if (!next || (single && cost + nextCost >= single.cost)) break;
    for (const m of counted) {
      const t = riseLeft(next, m);
      rise.set(m.id, rise.get(m.id)! + t);
      // Linked counts mark each falling corner taken, however little it moves.
      for (const c of next.falling) used.get(m.id)!.set(c, (used.get(m.id)!.get(c) ?? 0) + (linked ? Math.max(t, Number.MIN_VALUE) : t) * shareOf(next, c));
    }
    set.push(next);
    for (const m of counted) fall.set(m.id, fallOf(set, m));
    for (const c of next.falling) touched.add(c);
    cost += nextCost;
    for (const c of next.coords) taken.add(c);
    if (enough()) return set;
  }
  return single ? [single] : null;
}

/** A cell's count that a reader must not narrow (or its denominator, as a size), 0 where absent. */
function size(cell: IndicatorCell | undefined, m: Member): number {
  if (!cell) return 0;
  return (m.countField === "numerator" ? cell.numerator : cell.denominator) ?? 0;
}

/**
 * The branches a cube may take in one hierarchy around the target node: a
 * pair at the target's level or any level above it (the target's branch and
 * a sibling branch of that ancestor, each down to a leaf), or a chain to the
 * top. A pair higher up leaves the common parent published: a month whose
 * quarter has no other month with data pairs with a month of the other
 * quarter or half instead of taking its year with it.
 */
function sides(h: Hierarchy, node: string, rank: (leaf: string) => number, limit: number): Side[] {
  const level = h.level(node);
  const best = (leaves: string[]) =>
    leaves.map((leaf) => ({ leaf, r: rank(leaf) })).filter((x) => x.r > -Infinity).sort((a, b) => b.r - a.r || (a.leaf < b.leaf ? -1 : 1)).slice(0, limit).map((x) => x.leaf);
  const own = best(h.leavesUnder(node));
  const out: Side[] = [];
  for (const e of own) {
    const path = h.path(e);
    for (let up = level; up < path.length; up++) {
      for (const f of best(h.siblings(path[up]).flatMap((s) => h.leavesUnder(s)))) {
        out.push({ plus: path.slice(0, up + 1), minus: h.path(f).slice(0, up + 1) });
      }
    }
    out.push({ plus: path, minus: [] });
  }
  return out;
}

/**
 * The branches a cube may take among units around the target (a unit, an area,
 * an operating model or ALL): a pair — a unit under the target rising, a unit
 * outside it falling, each with those of its area and model that the other
 * does not share (a pair within one area and model leaves both sums alone,
 * one across areas moves the two areas oppositely, and ALL not at all) — or a
 * chain: a unit under the target with its area, its model and ALL. Every sum
 * of units (area, model, ALL) then moves by the sum of its units' moves.
 */
function unitSidesOf(tree: UnitTree, node: string, rank: (leaf: string) => number, limit: number): Side[] {
  const best = (leaves: string[]) =>
    leaves.map((leaf) => ({ leaf, r: rank(leaf) })).filter((x) => x.r > -Infinity).sort((a, b) => b.r - a.r || (a.leaf < b.leaf ? -1 : 1)).slice(0, limit).map((x) => x.leaf);
  const under = tree.leavesUnder(node);
  const inside = new Set(under);
  // Units outside the target to pair with; ALL has none (a pair leaves it unchanged).
  const outside = node === ALL ? [] : best(tree.leaves.filter((u) => !inside.has(u)));
  const out: Side[] = [];
  for (const e of best(under)) {
    const ge = tree.groupsOf(e);
    for (const f of outside) {
      const gf = tree.groupsOf(f);
      out.push({ plus: [e, ...ge.filter((g) => !gf.includes(g))], minus: [f, ...gf.filter((g) => !ge.includes(g))] });
    }
    out.push({ plus: [e, ...ge, ...(tree.top ? [tree.top] : [])], minus: [] });
  }
  return out;
}

/** A side's nodes with their signs, plus then minus (and each node's share of t: see Side.weights). */
type Signed = (readonly [node: string, sign: 1 | -1, weight: number])[];
const signed = (s: Side): Signed => [...s.plus.map((x) => [x, 1, s.weights?.get(x) ?? 1] as const), ...s.minus.map((x) => [x, -1, s.weights?.get(x) ?? 1] as const)];

/**
 * Whether every indicator in need has a cell at each value of a unit × period (its coordinates
 * by value) that it must move (see movement): those of maskAll at ALL, those of maskBreakdown
 * (the ones with a breakdown) at every other value.
 */
function cornersPresent(values: Map<string, Coord> | undefined, vs: Signed, maskAll: number, maskBreakdown: number): boolean {
  for (const [value] of vs) {
    const want = value === ALL ? maskAll : maskBreakdown;
    if (!want) continue;
    const coord = values?.get(value);
    if (!coord || (coord.present & want) !== want) return false;
  }
  return true;
}

const FIELDS = ["numerator", "denominator"] as const;

/** How far the cube moves each non-negative field of an indicator. */
type Spans = Partial<Record<(typeof FIELDS)[number], Move>>;

interface Move {
  /** How far the target's count can rise (the smallest count on the corners that fall), and fall (the others). */
  rise: number;
  fall: number;
  /** The range the cube gives each of its corners on its own. */
  width: number;
}

interface Evaluation {
  coords: Coord[];
  /** The corners whose sign is opposite to the target's. */
  falling: Coord[];
  /** What withholding each of coords costs (0 where withheld and moved already), in their order. */
  costs: number[];
  /** New cells withheld, plus cells the cube withholds without moving them (they need cubes of their own), weighted by level. */
  cost: number;
  /** The smallest range the cube leaves the counts of the indicators it must move, as a tie-break. */
  protection: number;
  /** Per indicator the cube moves, how far its count moves (Infinity where it has no count to bound). */
  moves: Map<string, Move>;
  /** The share of t each corner moves by. */
  weights: Map<Coord, number> | null;
  /** The indicators whose numerators the cube moves as well (see movement). */
  numerators: Set<string>;
}

/**
 * Whether moving the corners by sign × t is possible for every indicator in
 * `need` (present at all its corners; each non-negative field can move in
 * some direction). Other indicators of the group move along where they can.
 * Null when the cube does not do.
 */
function evaluate(cube: Cube, at: readonly (Coord | undefined)[], target: Coord, need: Member[], members: Member[], strict: ReadonlySet<string>, moveAll: boolean): Evaluation | null {
  const spans = new Map<string, Spans>();
  // The indicators in need first: most cubes fail for one of them, and the others need not be looked at then.
  for (const first of [true, false]) {
    for (let i = 0; i < members.length; i++) {
      const m = members[i];
      const needed = need.includes(m);
      if (needed !== first) continue;
      const found = movement(m, i, cube, at, target, moveAll || strict.has(m.id));
      if (found === null) {
        if (needed) return null;
      } else spans.set(m.id, found);
    }
  }
  linkSpans(members, spans, target);
  const unbounded: Move = { rise: Infinity, fall: Infinity, width: Infinity };
  const moves = new Map<string, Move>();
  const numerators = new Set<string>();
  for (const m of members) {
    const sp = spans.get(m.id);
    if (!sp) continue;
    moves.set(m.id, (m.countField && sp[m.countField]) || unbounded);
    if ((sp.numerator?.width ?? 0) > 0) numerators.add(m.id);
  }
  let protection = Infinity;
  for (const m of need) protection = Math.min(protection, moves.get(m.id)!.width);
  for (const id of strict) if (need.some((m) => m.id === id) && !numerators.has(id)) return null;
  // Each coordinate once, in the order of its first corner (marks rather than Sets: this runs for every cube).
  const mark = ++evaluations;
  const unique: Coord[] = [];
  const falling: Coord[] = [];
  const { outer, values } = cube;
  const nv = values.signs.length;
  for (let i = 0; i < at.length; i++) {
    const c = at[i];
    if (!c) continue;
    if (c.mark !== mark) (c.mark = mark), unique.push(c);
    if (outer[(i / nv) | 0] * values.signs[i % nv] === -1 && c.fallMark !== mark) (c.fallMark = mark), falling.push(c);
  }
  let weights: Map<Coord, number> | null = null;
  if (values.weighted) {
    weights = new Map();
    at.forEach((c, i) => c && weights!.set(c, values.weights[i % nv]));
  }
  const costs: number[] = [];
  let cost = 0;
  for (const c of unique) {
    let w = c.withheld ? 0 : c.cells.size * c.weight;
    for (let i = 0; i < members.length; i++) {
      const cell = c.byMember[i];
      if (!cell) continue;
      const id = members[i].id;
      if (!moves.has(id) && !c.covered.has(id)) w += c.weight;
      // A numerator above 0 left where it is needs a cube of its own.
      else if (!numerators.has(id) && !c.covered.has(numeratorKey(id)) && numeratorToMove(members[i], cell)) w += c.weight;
    }
    costs.push(w);
    cost += w;
  }
  return { coords: unique, falling, costs, cost, protection, moves, weights, numerators };
}

/** Cubes evaluated so far: each marks its coordinates with its own number (Coord.mark). */
let evaluations = 0;

/** The share of the cube's t a coordinate moves by (Side.weights), 1 unless its total spreads over all values. */
const shareOf = (e: Evaluation, c: Coord) => e.weights?.get(c) ?? 1;

/**
 * How far the cube moves each field of an indicator, or null where the
 * indicator cannot move (absent at some of its corners, or a field at 0 on
 * both signs) or has no cell at the corners.
 */
function movement(m: Member, mi: number, cube: Cube, at: readonly (Coord | undefined)[], target: Coord, strict: boolean): Spans | null {
  // One pass over the corners for both fields, in scalars (N numerator, D denominator) rather than
  // arrays: this runs for every cube of every search, 40 % of the suppression's time.
  let present = 0;
  let inSpace = 0;
  let minPlusN = Infinity, minPlusOthersN = Infinity, minMinusN = Infinity, appliesN = true, positiveN = false;
  let minPlusD = Infinity, minPlusOthersD = Infinity, minMinusD = Infinity, appliesD = true, positiveD = false;
  const { outer, values } = cube;
  const nv = values.signs.length;
  for (let i = 0; i < at.length; i++) {
    const coord = at[i];
    const cell = coord?.byMember[mi];
    const v = i % nv;
    if (m.hasBreakdown || values.atAll[v]) {
      inSpace++;
      if (cell) present++;
      else return null;
    }
    if (!cell) continue;
    const plus = outer[(i / nv) | 0] * values.signs[v] === 1;
    const weight = values.weights[v];
    const other = coord !== target;
    // In units of the cube's t: a corner that moves by a share of t can go further.
    // An empty field (an NPS's numerator, a count's denominator) has no bound to respect.
    const n = cell.numerator;
    if (n === null) appliesN = false;
    else {
      if (n > 0) positiveN = true;
      const x = n / weight;
      if (plus) {
        if (x < minPlusN) minPlusN = x;
        if (other && x < minPlusOthersN) minPlusOthersN = x;
      } else if (x < minMinusN) minMinusN = x;
    }
    const d = cell.denominator;
    if (d === null) appliesD = false;
    else {
      if (d > 0) positiveD = true;
      const x = d / weight;
      if (plus) {
        if (x < minPlusD) minPlusD = x;
        if (other && x < minPlusOthersD) minPlusOthersD = x;
      } else if (x < minMinusD) minMinusD = x;
    }
  }
  if (present === 0 || present < inSpace) return null;
  const spans: Spans = {};
  if (appliesN) {
    const move = spanOf("numerator", m, strict, minPlusN, minMinusN, minPlusOthersN, positiveN);
    if (move === null) return null;
    if (move) spans.numerator = move;
  }
  if (appliesD) {
    const move = spanOf("denominator", m, strict, minPlusD, minMinusD, minPlusOthersD, positiveD);
    if (move === null) return null;
    if (move) spans.denominator = move;
  }
  return spans;
}

/** A field's move from its smallest counts on each sign (movement): null when the cube cannot do, undefined when the field stays where it is. */
function spanOf(field: (typeof FIELDS)[number], m: Member, strict: boolean, minPlus: number, minMinus: number, minPlusOthers: number, positive: boolean): Move | null | undefined {
  // A count at 0 on both signs cannot move. The denominator must (it is the count the
  // threshold protects). A numerator that is 0 at every corner stays a visible 0: hiding
  // every such zero would withhold the whole city's figures (README, "Privacy"). One that
  // is not 0 somewhere stays where it is in this cube, and those corners' numerators are
  // left for cubes of their own (the work list): requiring every cube to move them too
  // leaves chains through the whole city as the only cubes where most numerators are 0
  // (leavers, agency hours). A strict search is such a cube of its own: it must move them.
  if (minPlus <= 0 && minMinus <= 0) {
    if (field === "denominator" || field === m.countField) return null;
    if (strict && positive) return null;
    return undefined;
  }
  return { rise: minMinus, fall: minPlusOthers, width: minPlus + minMinus };
}

/**
 * A count two indicators publish moves as one: each by the cube's t, in
 * proportion (person-years and agency hours, respondents and statement
 * answers), so each can move only as far as the most constrained of them —
 * and not at all where the other holds the count at the target but the cube
 * cannot move it there (say, a statement's answers absent at one corner while
 * its total is present: the total could then not follow the respondents).
 */
function linkSpans(members: Member[], spans: Map<string, Spans>, target: Coord): void {
  for (const m of members) {
    const own = spans.get(m.id);
    if (!own) continue;
    for (const field of FIELDS) {
      const name = m.shared[field];
      const x = target.cells.get(m.id)?.[field];
      if (!name || !own[field] || !x) continue;
      for (const other of members) {
        for (const f2 of FIELDS) {
          if (other === m && f2 === field) continue;
          const theirs = spans.get(other.id)?.[f2];
          const y = target.cells.get(other.id)?.[f2];
          if (other.shared[f2] !== name || !y) continue;
          if (!theirs) {
            own[field] = { rise: 0, fall: 0, width: 0 };
            continue;
          }
          const ratio = x / y;
          const now: Move = own[field]!;
          own[field] = { rise: Math.min(now.rise, theirs.rise * ratio), fall: Math.min(now.fall, theirs.fall * ratio), width: Math.min(now.width, theirs.width * ratio) };
        }
      }
    }
  }
}
