// The loss to privacy, measured: per indicator and period type, how many cells
// the indicator table has and how many of them are withheld, because they are
// under their threshold or to protect such a cell (complementary). The
// data-quality page (loaders/page-data.ts) and the export's metadata
// (loaders/cli/indicators.ts) publish the same figures from here.
import type { IndicatorCell } from "./indicator-row.ts";
import { PERIOD_TYPES } from "../src/lib/periods.ts";
import type { SuppressionLogEntry } from "./privacy/suppress.ts";

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
  const rows = new Map<string, WithheldShare>();
  const row = (indicator_id: string, period_type: string) => {
    const key = `${indicator_id}\u0000${period_type}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { indicator_id, period_type, cells: 0, threshold: 0, complementary: 0 }));
    return r;
  };
  for (const c of cells) row(c.indicator_id, c.period_type).cells++;
  const reasons = new Map<string, { indicator_id: string; period_type: string; reason: SuppressionLogEntry["reason"] }>();
  for (const l of log) {
    const key = [l.indicator_id, l.period_type, l.period, l.unit_id, l.breakdown_value].join("\u0000");
    const seen = reasons.get(key);
    if (!seen || (seen.reason === "complementary" && l.reason === "threshold")) reasons.set(key, { indicator_id: l.indicator_id, period_type: l.period_type, reason: l.reason });
  }
  for (const { indicator_id, period_type, reason } of reasons.values()) {
    const r = rows.get(`${indicator_id}\u0000${period_type}`);
    if (!r) throw new Error(`the suppression log names a cell of ${indicator_id} (${period_type}) that the indicator table does not have`);
    r[reason]++;
  }
  const rank = new Map(indicatorOrder.map((id, i) => [id, i]));
  const typeRank = (t: string) => {
    const i = (PERIOD_TYPES as readonly string[]).indexOf(t);
    return i < 0 ? PERIOD_TYPES.length : i;
  };
  return [...rows.values()].sort((a, b) =>
    (rank.get(a.indicator_id) ?? Infinity) - (rank.get(b.indicator_id) ?? Infinity)
    || (a.indicator_id < b.indicator_id ? -1 : a.indicator_id > b.indicator_id ? 1 : 0)
    || typeRank(a.period_type) - typeRank(b.period_type)
    || (a.period_type < b.period_type ? -1 : a.period_type > b.period_type ? 1 : 0));
}
