-- Anchor: the contact (contact_ts; its unit); the first realised linked visit is followed to any unit.
-- Breakdown: the profession of that first visit.
WITH facts AS (
  SELECT c.unit_id, date_trunc('month', c.contact_ts) AS month, f.profession AS breakdown_value,
         CAST(f.visit_start_ts AS DATE) <= CAST(c.contact_ts AS DATE) + INTERVAL '10' DAY AS hit
  FROM contacts c JOIN first_realised_visit f USING (contact_id)
  WHERE c.urgency = 'KIIREETON'
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
