-- Anchor: the realised non-urgent oral-care visit (visit_start_ts; its unit); every such visit counts.
WITH facts AS (
  SELECT v.unit_id, date_trunc('month', v.visit_start_ts) AS month, v.profession AS breakdown_value,
         CAST(v.visit_start_ts AS DATE) - CAST(c.need_assessment_ts AS DATE) <= 90 AS hit
  FROM realised_visits v JOIN contacts c USING (contact_id)
  WHERE v.urgency = 'KIIREETON' AND c.need_assessment_ts IS NOT NULL
    AND v.profession IN ('HAMMASLAAKARI', 'SUUHYGIENISTI', 'HAMMASHOITAJA')
),
-- Counted per month first, so the periods fan out over tens of thousands of rows, not millions.
monthly AS (
  SELECT * EXCLUDE (hit), count(*) FILTER (WHERE hit) AS hits, count(*) AS rows FROM facts GROUP BY ALL
)
SELECT {{cell}}, sum(hits) AS numerator, sum(rows) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM monthly JOIN periods USING (month)
GROUP BY {{cells}}
