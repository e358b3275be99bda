// What changed since the previous extract (loaders/publish/extract-changes.ts writes
// it as the page-data file changes.json; components/site/extract-changes.ts shows
// it on the overview). Types only, for both sides: the module compiles to
// nothing.
import type { PeriodType } from "../periods.js";
import type { PublishedCell } from "../cell.js";

/** An extract as its manifest names it; either may be unknown for a previous export given without its metadata. */
export interface ExtractRef {
  source: string | null;
  extracted_at: string | null;
}

/** A cell's key, as in the export. */
export type CellKey = Pick<PublishedCell, "indicator_id" | "period_type" | "period" | "unit_id" | "breakdown" | "breakdown_value">;

/** A figure published in both extracts whose shown value differs: the two published values (never a withheld one). */
export interface Revision extends CellKey {
  /** Catalogue unit of measure (share, days, …), to format the values as the site does. */
  measure: string;
  old: number;
  new: number;
}

/** A headline indicator's whole-city figure, published in both, that meets its target now and did not before (met) or the reverse. */
export interface TargetChange extends Revision {
  met: boolean;
}

export interface CellCount {
  count: number;
  /** The indicators those cells belong to, in catalogue order. */
  indicators: string[];
}

export interface ExtractChanges {
  current: ExtractRef;
  /** Null: no previous extract to compare with (the other fields are then empty). */
  previous: (ExtractRef & { origin: "given" | "published" }) | null;
  /** A short hash of the previous export (its text and dates): the changes are recomputed when it differs. */
  basis: string | null;
  /** Periods with cells in this extract and none in the previous one, by period type (month, quarter, half, year), then period. */
  newPeriods: { period_type: PeriodType; period: string }[];
  /** Revised figures: how many, and the largest (whole-city totals first, then by relative size). */
  revised: { count: number; largest: Revision[] };
  /** Published in the previous extract, withheld in this one. */
  newlyWithheld: CellCount;
  /** Withheld in the previous extract, published in this one. */
  newlyPublished: CellCount;
  /** Headline indicators' whole-city figures whose target status turned (met now / no longer met). */
  targets: { met: TargetChange[]; missed: TargetChange[] };
}
