// The best and worst movers of a period: the indicators whose change from the
// previous period is significant (the cell's own comparison, statuses.ts:
// better / worse by 95 % intervals, the one the cards show), ranked by the
// size of that change relative to the previous value, so a share, a number of
// days and euros can be ranked together. No new statistic: only the published
// values and the comparison the loaders computed.
import type { Outcome } from "../stats/compare.js";

export interface MoverInput {
  id: string;
  /** The comparison with the previous period (statuses.ts). */
  vsPrevious: Outcome;
  /** This period's value less the previous period's (null when either is not published). */
  changePrevious: number | null;
  previousValue: number | null;
}

export interface Mover {
  id: string;
  change: number;
  /** |change| ÷ |previous value|; Infinity from a previous value of 0. */
  relative: number;
}

/** Significantly better and worse indicators, each list largest relative change first (then by id), at most `limit` each. */
export function movers(items: readonly MoverInput[], limit = 3): { best: Mover[]; worst: Mover[] } {
  const ranked = (outcome: Outcome) =>
    items
      .filter((i) => i.vsPrevious === outcome && i.changePrevious !== null && i.previousValue !== null)
      .map((i) => ({ id: i.id, change: i.changePrevious!, relative: i.previousValue === 0 ? Infinity : Math.abs(i.changePrevious! / i.previousValue!) }))
      .sort((a, b) => b.relative - a.relative || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
  return { best: ranked("better"), worst: ranked("worse") };
}
