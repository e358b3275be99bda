// One cell of the indicator table: indicator × period × unit × breakdown value.
// The published columns are src/lib/cell.ts's PublishedCell; before
// publication a cell also carries n.
import type { PublishedCell } from "../../src/lib/cell.ts";

export interface IndicatorCell extends PublishedCell {
  /** The number the privacy threshold applies to; null where the indicator is not suppressed. Never published. */
  n: number | null;
}

export const ALL = "ALL";

/** unit_id of an area's and an operating model's cells: `area:<area>`, `model:<operating_model>` (codes as in `units`). */
export const AREA_PREFIX = "area:";
export const MODEL_PREFIX = "model:";
export const areaUnitId = (area: string): string => AREA_PREFIX + area;
export const modelUnitId = (model: string): string => MODEL_PREFIX + model;
/** An area's or operating model's unit_id, not a unit's nor ALL. */
export const isGroupUnitId = (unitId: string): boolean => unitId.startsWith(AREA_PREFIX) || unitId.startsWith(MODEL_PREFIX);
