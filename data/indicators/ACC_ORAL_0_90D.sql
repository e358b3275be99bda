-- Anchor: the realised non-urgent oral-care visit (visit_start_ts; its unit); every such visit counts.
WITH facts AS (
  SELECT v.unit_id, date_trunc('month', v.visit_start_ts) AS month, v.profession AS breakdown_value,
         CAST(v.visit_start_ts AS DATE) <= CAST(c.need_assessment_ts AS DATE) + INTERVAL '90' DAY AS hit
  FROM realised_visits v JOIN contacts c USING (contact_id)
  WHERE v.urgency = 'KIIREETON' AND c.need_assessment_ts IS NOT NULL
    AND v.profession IN ('HAMMASLAAKARI', 'SUUHYGIENISTI', 'HAMMASHOITAJA')
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
