-- Definitions shared by several indicators (docs/indicators.md, "Terms used in the definitions").
-- A realised visit: not cancelled, and not a consultation between professionals (R60).
CREATE OR REPLACE TABLE realised_visits AS
  SELECT * FROM visits WHERE NOT cancelled AND contact_mode <> 'R60';

-- A contact's first realised linked visit: earliest visit_start_ts, ties to the smallest visit_id,
-- in whatever unit it took place.
CREATE OR REPLACE TABLE first_realised_visit AS
  SELECT contact_id, arg_min(visit_start_ts, (visit_start_ts, visit_id)) AS visit_start_ts,
         arg_min(profession, (visit_start_ts, visit_id)) AS profession
  FROM realised_visits WHERE contact_id IS NOT NULL GROUP BY contact_id;

-- Each period as its year and the bits of its months (bit m − 1 for month m). Counting distinct
-- clients or responses per cell ({{distinct_cells}}, EFF_AUDIT_SCREENING), a value's months of one
-- year (with the anchor) are bits too, and it counts in a period when the two share a bit.
CREATE OR REPLACE TABLE period_months AS
  SELECT period_type, period, year(month) AS year, bit_or(1 << (month(month) - 1)) AS months
  FROM periods GROUP BY ALL;
