// The two records the loaders write and the pages read: a published cell of
// the indicator table (docs/indicators.md) and a unit. Declared once here for
// both sides. Types only: the module compiles to nothing, so importing it
// costs a page no bytes.
import type { PeriodType } from "./periods.js";

/** One published cell: indicator × period × unit × breakdown value, as in the export CSV. */
export interface PublishedCell {
  indicator_id: string;
  period_type: PeriodType;
  period: string;
  unit_id: string;
  breakdown: string;
  breakdown_value: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

/** A unit as the extract's `units` table gives it. */
export interface UnitInfo {
  unit_id: string;
  unit_name_fi: string;
  unit_name_sv: string | null;
  operating_model: string;
  service_area: string;
  area: string;
}

/** A unit as the pages read it (context.json): with the file- and URL-safe name of its page and slice. */
export interface Unit extends UnitInfo {
  slug: string;
}
