// The loss to privacy, measured: per indicator and period type, how many cells
// the indicator table has and how many of them are withheld, because they are
// under their threshold or to protect such a cell (complementary). The
// data-quality page (loaders/publish/page-data.ts) and the export's metadata
// (loaders/cli/indicators.ts) publish the same figures from here.
import { escape, from, op } from "arquero";
import type { IndicatorCell } from "../indicators/indicator-row.ts";
import { PERIOD_TYPES } from "../../src/lib/periods.ts";
import type { SuppressionLogEntry } from "./suppress.ts";

export interface WithheldShare {
  indicator_id: string;
  period_type: string;
  /** Cells of the indicator table for this indicator and period type. */
  cells: number;
  /** Of those, withheld for being under their threshold. */
  threshold: number;
  /** Of those, withheld so that a cell under its threshold cannot be worked out. */
  complementary: number;
}

const GROUP = ["indicator_id", "period_type"];
const CELL = [...GROUP, "period", "unit_id", "breakdown_value"];

/**
 * Counts per indicator × period type (only pairs that have cells), ordered by
 * `indicatorOrder` (then by id) and by period type (month, quarter, half, year).
 * A cell the log names more than once counts once, as "threshold" if any entry says so.
 */
export function withheldShares(
  cells: readonly Pick<IndicatorCell, "indicator_id" | "period_type">[],
  log: readonly Pick<SuppressionLogEntry, "indicator_id" | "period_type" | "period" | "unit_id" | "breakdown_value" | "reason">[],
  indicatorOrder: readonly string[] = [],
): WithheldShare[] {
  const counts = from(cells, GROUP).groupby(GROUP).count({ as: "cells" });
  // One reason per withheld cell, then the withheld cells per indicator × period type.
  const withheld = from(log, [...CELL, "reason"])
    .groupby(CELL).rollup({ threshold: (d: { reason: string }) => op.max(d.reason === "threshold" ? 1 : 0) })
    .groupby(GROUP).rollup({ threshold: (d: { threshold: number }) => op.sum(d.threshold), complementary: (d: { threshold: number }) => op.sum(1 - d.threshold) });
  // Joins name the keys of both sides ([GROUP, GROUP]): two names alone would read as [left key, right key].
  const stray = withheld.antijoin(counts, [GROUP, GROUP]);
  if (stray.numRows()) {
    const { indicator_id, period_type } = stray.object(0) as WithheldShare;
    throw new Error(`the suppression log names a cell of ${indicator_id} (${period_type}) that the indicator table does not have`);
  }
  const rank = new Map(indicatorOrder.map((id, i) => [id, i]));
  const typeRank = (t: string) => {
    const i = (PERIOD_TYPES as readonly string[]).indexOf(t);
    return i < 0 ? PERIOD_TYPES.length : i;
  };
  return counts.join_left(withheld, [GROUP, GROUP])
    .impute({ threshold: () => 0, complementary: () => 0 })
    .derive({ rank: escape((d: WithheldShare) => rank.get(d.indicator_id) ?? Infinity), typeRank: escape((d: WithheldShare) => typeRank(d.period_type)) })
    .orderby("rank", "indicator_id", "typeRank", "period_type")
    .objects({ columns: ["indicator_id", "period_type", "cells", "threshold", "complementary"] }) as WithheldShare[];
}
