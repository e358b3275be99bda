// One cell of the indicator table: indicator × period × unit × breakdown value.
import type { PeriodType } from "./periods.ts";

export interface IndicatorCell {
  indicator_id: string;
  period_type: PeriodType;
  period: string;
  unit_id: string;
  breakdown: string;
  breakdown_value: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** The number the privacy threshold applies to; null where the indicator is not suppressed. Never published. */
  n: number | null;
  suppressed: boolean;
}

export type PublishedCell = Omit<IndicatorCell, "n">;

export const ALL = "ALL";
