-- Anchor: the contact (contact_ts; its unit); the first realised linked visit is followed to any unit.
-- Breakdown: the profession of that first visit.
WITH facts AS (
  SELECT c.unit_id, date_trunc('month', c.contact_ts) AS month, f.profession AS breakdown_value,
         CAST(f.visit_start_ts AS DATE) - CAST(c.contact_ts AS DATE) <= 10 AS hit
  FROM contacts c JOIN first_realised_visit f USING (contact_id)
  WHERE c.urgency = 'KIIREETON'
),
-- Counted per month first, so the periods fan out over tens of thousands of rows, not millions.
monthly AS (
  SELECT * EXCLUDE (hit), count(*) FILTER (WHERE hit) AS hits, count(*) AS rows FROM facts GROUP BY ALL
)
SELECT {{cell}}, sum(hits) AS numerator, sum(rows) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM monthly JOIN periods USING (month)
GROUP BY {{cells}}
