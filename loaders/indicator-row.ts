// One cell of the indicator table: indicator × period × unit × breakdown value.
// The published columns are src/lib/cell.ts's PublishedCell; before
// publication a cell also carries n.
import type { PublishedCell } from "../src/lib/cell.ts";

export interface IndicatorCell extends PublishedCell {
  /** The number the privacy threshold applies to; null where the indicator is not suppressed. Never published. */
  n: number | null;
}

export const ALL = "ALL";
