-- Anchor: the realised visit (visit_start_ts; its unit).
WITH facts AS (
  SELECT unit_id, date_trunc('month', visit_start_ts) AS month, profession AS breakdown_value,
         contact_mode IN ('R50', 'R52', 'R56') AS hit
  FROM realised_visits
),
-- Counted per month first, so the periods fan out over tens of thousands of rows, not millions.
monthly AS (
  SELECT * EXCLUDE (hit), count(*) FILTER (WHERE hit) AS hits, count(*) AS rows FROM facts GROUP BY ALL
)
SELECT {{cell}}, sum(hits) AS numerator, sum(rows) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM monthly JOIN periods USING (month)
GROUP BY {{cells}}
