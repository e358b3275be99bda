-- Anchor: the realised visit (visit_start_ts; its unit) of a client aged 18+ (year − birth_year).
-- Per unit an AUDIT-C of the same unit counts; in ALL one of any unit. Each client once per cell.
-- Each client once per month and unit first, so the periods fan out over far fewer rows.
WITH visit_months AS (
  SELECT DISTINCT date_trunc('month', v.visit_start_ts) AS month, v.unit_id, v.client_id
  FROM realised_visits v JOIN clients c USING (client_id)
  WHERE year(v.visit_start_ts) - c.birth_year >= 18
),
visited AS (
  SELECT DISTINCT p.period_type, p.period, m.unit_id, m.client_id FROM visit_months m JOIN periods p USING (month)
),
screened AS (
  SELECT DISTINCT p.period_type, p.period, m.unit_id, m.client_id
  FROM (SELECT DISTINCT date_trunc('month', measured_on) AS month, unit_id, client_id FROM measurements WHERE measure_code = 'AUDIT_C') m
  JOIN periods p USING (month)
),
per_unit AS (
  SELECT v.period_type, v.period, v.unit_id, v.client_id, s.client_id IS NOT NULL AS hit
  FROM visited v LEFT JOIN screened s USING (period_type, period, unit_id, client_id)
),
all_units AS (
  SELECT v.period_type, v.period, 'ALL' AS unit_id, v.client_id, s.client_id IS NOT NULL AS hit
  FROM (SELECT DISTINCT period_type, period, client_id FROM visited) v
  LEFT JOIN (SELECT DISTINCT period_type, period, client_id FROM screened) s USING (period_type, period, client_id)
)
SELECT period_type, period, unit_id, 'ALL' AS breakdown_value,
       count(*) FILTER (WHERE hit) AS numerator, count(*) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM (SELECT * FROM per_unit UNION ALL SELECT * FROM all_units)
GROUP BY period_type, period, unit_id
