-- Anchor: the realised non-urgent visit (visit_start_ts; its unit); every such visit counts.
-- Physio and occupational therapists are reported together as FYSIO_TOIMINTA.
WITH facts AS (
  SELECT v.unit_id, date_trunc('month', v.visit_start_ts) AS month,
         CASE WHEN v.profession IN ('FYSIOTERAPEUTTI', 'TOIMINTATERAPEUTTI') THEN 'FYSIO_TOIMINTA' ELSE v.profession END AS breakdown_value,
         CAST(v.visit_start_ts AS DATE) <= CAST(c.need_assessment_ts AS DATE) + INTERVAL '7' DAY AS hit
  FROM realised_visits v JOIN contacts c USING (contact_id)
  WHERE v.urgency = 'KIIREETON' AND c.need_assessment_ts IS NOT NULL
    AND v.profession IN ('LAAKARI', 'HOITAJA', 'FYSIOTERAPEUTTI', 'TOIMINTATERAPEUTTI')
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
