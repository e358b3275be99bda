-- Anchor: the realised visit (visit_start_ts; its unit).
WITH facts AS (
  SELECT unit_id, date_trunc('month', visit_start_ts) AS month, profession AS breakdown_value,
         contact_mode IN ('R50', 'R52', 'R56') AS hit
  FROM realised_visits
)
SELECT {{cell}}, count(*) FILTER (WHERE hit) AS numerator, count(*) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM facts JOIN periods USING (month)
GROUP BY {{cells}}
