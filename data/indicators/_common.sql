-- Definitions shared by several indicators (docs/indicators.md, "Terms used in the definitions").
-- Portability (issue 18): the indicator SQL keeps to standard SQL where a standard form exists
-- (window functions rather than arg_min/arg_max or QUALIFY, EXTRACT rather than year()/month(),
-- explicit GROUP BY lists, CAST(… AS DOUBLE PRECISION) where integer ÷ integer must not truncate),
-- so that another engine could run it after the same template expansion. The constructs with no
-- standard form that remain (date_trunc, date − date, bitwise month masks, CREATE OR REPLACE)
-- are listed where they are used.

-- A realised visit: not cancelled, and not a consultation between professionals (R60). A view: the
-- indicators read a few of its columns each, and copying every column of every visit cost more (at
-- Helsinki scale, 20 M visits, about 6 s) than filtering again.
CREATE OR REPLACE VIEW realised_visits AS
  SELECT * FROM visits WHERE NOT cancelled AND contact_mode <> 'R60';

-- A contact's first realised linked visit: earliest visit_start_ts, ties to the smallest visit_id,
-- in whatever unit it took place.
CREATE OR REPLACE TABLE first_realised_visit AS
  SELECT contact_id, visit_start_ts, profession
  FROM (SELECT contact_id, visit_start_ts, profession,
               row_number() OVER (PARTITION BY contact_id ORDER BY visit_start_ts, visit_id) AS visit_order
        FROM realised_visits WHERE contact_id IS NOT NULL) AS ordered
  WHERE visit_order = 1;

-- Each unit's area and operating model, which {{cells}} groups by beside the unit: an area's or an
-- operating model's cell (unit_id `area:<area>`, `model:<operating_model>`) pools the facts of its
-- units, as ALL pools every unit's. An indicator joins it to its facts: JOIN unit_groups USING (unit_id).
CREATE OR REPLACE TABLE unit_groups AS
  SELECT unit_id, area AS unit_area, operating_model AS unit_model FROM units;

-- Each period as its year and the bits of its months (bit m − 1 for month m). Counting distinct
-- clients or responses per cell ({{distinct_cells}}, EFF_AUDIT_SCREENING), a value's months of one
-- year (with the anchor) are bits too, and it counts in a period when the two share a bit.
-- (Bitwise `<<`, `&` and bit_or are not standard SQL, but PostgreSQL, MySQL and DuckDB have them.)
CREATE OR REPLACE TABLE period_months AS
  SELECT period_type, period, year, bit_or(month_bit) AS months
  FROM (SELECT period_type, period, EXTRACT(YEAR FROM month) AS year, 1 << (EXTRACT(MONTH FROM month) - 1) AS month_bit
        FROM periods) AS p
  GROUP BY period_type, period, year;

-- Template fragments. An indicator file writes `{{name(arg, …)}}`; the loader
-- (loaders/compute-indicators.ts) puts the fragment's text in its place, each `{{param}}` replaced
-- by the argument, and then expands {{cell}}, {{cells}} and {{month_cell}} in it. A fragment is a
-- block comment, so running this file skips it. Why not a DuckDB table macro (CREATE MACRO … AS
-- TABLE): the macro is DuckDB's own syntax (issue 18), it cannot read a CTE of the calling query,
-- and its GROUPING SETS could not follow the indicator's breakdown; a fragment leaves plain SQL
-- that any engine runs once the loader has expanded it, as {{cell}} and {{cells}} already do.

/* fragment share_per_month(facts)
-- Share of facts that are hits, per cell: numerator = hits, denominator = n = facts. `facts` has one
-- row per anchor row: unit_id, month (the first day of the anchor's month), breakdown_value if the
-- indicator has a breakdown, and hit (boolean; NULL counts as not a hit). Counted per month first,
-- so the periods fan out over tens of thousands of rows, not millions.
(SELECT {{cell}}, sum(hit_count) AS numerator, sum(fact_count) AS denominator,
        CAST(sum(hit_count) AS DOUBLE PRECISION) / sum(fact_count) AS value, sum(fact_count) AS n
 FROM (SELECT {{month_cell}}, count(CASE WHEN hit THEN 1 END) AS hit_count, count(*) AS fact_count
       FROM {{facts}} GROUP BY {{month_cell}}) AS monthly
 JOIN unit_groups USING (unit_id) JOIN periods USING (month)
 GROUP BY {{cells}})
*/
