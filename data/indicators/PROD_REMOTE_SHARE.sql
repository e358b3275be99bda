-- Anchor: the realised visit (visit_start_ts; its unit).
WITH facts AS (
  SELECT unit_id, date_trunc('month', visit_start_ts) AS month, profession AS breakdown_value,
         contact_mode IN ('R50', 'R52', 'R56') AS hit
  FROM realised_visits
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
