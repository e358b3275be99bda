-- Anchor: the realised visit (visit_start_ts; its unit) of a client aged 18+ (year − birth_year).
-- Per unit an AUDIT-C of the same unit counts; in ALL one of any unit. Each client once per cell.
WITH visited AS (
  SELECT DISTINCT p.period_type, p.period, v.unit_id, v.client_id
  FROM realised_visits v JOIN clients c USING (client_id)
  JOIN periods p ON p.month = date_trunc('month', v.visit_start_ts)
  WHERE year(v.visit_start_ts) - c.birth_year >= 18
),
screened AS (
  SELECT DISTINCT p.period_type, p.period, m.unit_id, m.client_id
  FROM measurements m JOIN periods p ON p.month = date_trunc('month', m.measured_on)
  WHERE m.measure_code = 'AUDIT_C'
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
