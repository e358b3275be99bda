// Whether a headline indicator meets its goal in a period, and how many goals
// are met — what the overview counts ("n / m tavoitetta saavutettu") and the
// units table marks. The goal is the numeric target in force at the period's
// end (targets.ts); where none is in force, the programme's own rule is the
// goal: no quadruple-aim dimension may worsen significantly. That is read from
// the cell's verdict (statuses.ts: the monthly SPC chart at the period's end,
// the same verdict the cards and the guardrail show) — met unless it is
// "worsening". A withheld or missing cell, or one not assessed, is not known:
// never counted as met nor as missed.
import type { PublishedCell } from "../cell.js";
import type { CellStatus } from "./statuses.js";
import { type TargetLike, isMet, targetForPeriod } from "./targets.js";

export type GoalKind = "target" | "no-worsening";

export interface Goal<T extends TargetLike = TargetLike> {
  /** "target": a numeric target in force; "no-worsening": the programme's rule stands in for one. */
  kind: GoalKind;
  /** The numeric target in force at the period's end (null for "no-worsening"). */
  target: T | null;
  /** Met, missed, or null: not known (withheld, missing or not assessed). */
  met: boolean | null;
}

export interface GoalCount {
  met: number;
  missed: number;
  /** Withheld, missing or not assessed: neither met nor missed. */
  unknown: number;
}

type GoalCell = Pick<PublishedCell, "value" | "suppressed"> & { status?: Pick<CellStatus, "verdict"> | null };

const hasValue = (c: GoalCell | null | undefined): c is GoalCell & { value: number } => !!c && !c.suppressed && c.value !== null && Number.isFinite(c.value);

/** The goal of an indicator's cell at `period` and whether the cell meets it. */
export function goalOf<T extends TargetLike>(targets: readonly T[], cell: GoalCell | null | undefined, period: string): Goal<T> {
  const target = targets.length ? targetForPeriod(targets, period) : null;
  if (target) return { kind: "target", target, met: hasValue(cell) ? isMet(cell.value, target) : null };
  const verdict = hasValue(cell) ? cell.status?.verdict ?? null : null;
  return { kind: "no-worsening", target: null, met: verdict === null ? null : verdict !== "worsening" };
}

/** Met, missed and not known among `goals`. */
export function countGoals(goals: readonly Pick<Goal, "met">[]): GoalCount {
  const out: GoalCount = { met: 0, missed: 0, unknown: 0 };
  for (const g of goals) {
    if (g.met === true) out.met++;
    else if (g.met === false) out.missed++;
    else out.unknown++;
  }
  return out;
}
