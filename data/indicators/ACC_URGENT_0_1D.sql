-- Anchor: the contact (contact_ts; its unit); the first realised linked visit is followed to any unit.
-- Breakdown: the profession of that first visit.
-- The same shape as ACC_NONURGENT_0_10D.sql on purpose: each indicator's SQL stays in its own file.
WITH facts AS (
  SELECT c.unit_id, date_trunc('month', c.contact_ts) AS month, f.profession AS breakdown_value,
         CAST(f.visit_start_ts AS DATE) <= CAST(c.contact_ts AS DATE) + INTERVAL '1' DAY AS hit
  FROM contacts c JOIN first_realised_visit f USING (contact_id)
  WHERE c.urgency = 'KIIREELLINEN'
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
